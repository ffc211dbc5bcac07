"""Strings of search: the header search, the static index or Algolia.

A part of the French interface strings (generator/i18n/fr/). Keys are dotted; `a|b` holds singular|plural.
"""

STRINGS: dict[str, str] = {
    # search (issue 3: header search, static index or Algolia)
    "search.label": "Rechercher sur le site",
    "search.opensearch_description": "Rechercher les ressources, titres et événements de {site}",
    "search.placeholder": "Rechercher une ressource, un titre, un événement…",
    "search.browse": "Parcourir les ressources par catégorie ou par public",
    "search.browse_pro": "Parcourir les billets du blog de l'espace pro",
    "search.browse_short": "Parcourir",
    "search.results_label": "Résultats de la recherche",
    "search.reset": "Effacer la recherche",
    "search.type.resource": "Ressources",
    "search.type.title": "Titres",
    "search.type.event": "Agenda",
    "search.type.library": "Bibliothèques",
    "search.type.post.public": "Actualités",
    "search.type.post.pro": "Billets",
    "search.type.group": "Groupes de travail",
    "search.type.page": "Pages",
    "search.all": "Tout",
    "search.facet.type": "Type de résultat",
    "search.facet.category": "Catégorie",
    "search.facet.audience": "Public",
    "search.facet.when": "Date",
    "search.any.category": "Toutes les catégories",
    "search.any.audience": "Tous les publics",
    "search.any.when": "Toutes les dates",
    "search.when.upcoming": "À venir",
    "search.when.past": "Passé",
    "search.results": "résultat|résultats",
    "search.none": "Aucun résultat pour « {query} ».",
    "search.none_hint": "Vérifiez l'orthographe, essayez un mot plus court ou parcourez les catégories.",
    "search.more": "Tout voir ({count})",
    "search.next": "Voir plus de résultats",
    "search.short": "Tapez au moins deux lettres.",
    "search.loading": "Recherche en cours…",
    "search.error": "La recherche est indisponible pour le moment.",
    "search.hint": "↑ ↓ pour choisir, Entrée pour ouvrir, Échap pour fermer",
}
