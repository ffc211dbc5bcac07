"""Strings of every page: navigation, counts, dates.

A part of the French interface strings (generator/i18n/fr/). Keys are dotted; `a|b` holds singular|plural.
"""

STRINGS: dict[str, str] = {
    # navigation
    "nav.home": "Accueil",
    "nav.resources": "Ressources",
    "nav.agenda": "Agenda",
    "nav.libraries": "Bibliothèques",
    "nav.news": "Actualités",
    "nav.accessibility": "Accessibilité",
    "nav.blog": "Blog",
    "nav.groups": "Groupes et comités",
    "nav.network": "Le réseau en chiffres",
    "nav.guide": "Guide de l'éditeur",
    # counts
    "count.resource": "ressource|ressources",
    "count.event": "événement|événements",
    "count.library": "bibliothèque|bibliothèques",
    "count.inhabitant": "habitant|habitants",
    "count.post": "billet|billets",
    "count.simultaneous": "accès simultané|accès simultanés",
    # the page of an address that leads nowhere (404.html of every site)
    "not_found.title": "Page introuvable",
    "not_found.text": "Aucune page de ce site ne se trouve à cette adresse : elle a peut-être changé, ou le lien suivi "
                      "est incomplet.",
    "not_found.home": "Retour à l'accueil",
    # dates
    "date.same_day": "{day}, de {start} à {end}",
    "date.days": "du {start} ({start_time}) au {end} ({end_time})",
}
