"""Strings of a portal's home page.

A part of the French interface strings (generator/i18n/fr/). Keys are dotted; `a|b` holds singular|plural.
"""

STRINGS: dict[str, str] = {
    # home
    "home.whats_new": "Nouveautés",
    "home.categories": "Parcourir par catégorie",
    "home.upcoming": "Prochains rendez-vous",
    "home.all_resources": "Voir toutes les ressources",
    "home.all_events": "Tout l'agenda",
    "home.news": "Actualités du réseau",
    "home.featured": "À la une",
}
