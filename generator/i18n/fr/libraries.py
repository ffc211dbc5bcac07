"""Strings of the libraries' pages and of the network's declared facts.

A part of the French interface strings (generator/i18n/fr/). Keys are dotted; `a|b` holds singular|plural.
"""

STRINGS: dict[str, str] = {
    # libraries
    "libraries.title": "Les bibliothèques du réseau",
    "libraries.intro": "{count} vous accueillent et vous donnent accès aux ressources en ligne.",
    "library.address": "Adresse",
    "library.hours": "Horaires",
    "library.contact": "Contact",
    "library.website": "Site de la bibliothèque",
    "library.member_since": "Membre du réseau depuis {year}",
    "library.fee": "Cotisation annuelle : {fee} ({population}, {rate} par habitant)",
    "library.subscribe": "Agenda de la bibliothèque (iCalendar)",
    "library.no_events": "Aucun rendez-vous prévu pour le moment.",
    # what a reader needs from the library's profile (issue 11)
    "library.local_network": "Réseau local",
    "library.weekly_hours": "Ouverte {hours} heures par semaine.",
    "library.fees": "Tarifs d'inscription (par an)",
    "library.fee.residents": "Habitants de {town}",
    "library.fee.non_residents": "Autres lecteurs",
    "library.services": "Services",
    "library.equipment": "Équipements",
    "library.wifi": "Wi-Fi public gratuit",
    "count.public_computer": "ordinateur en accès public|ordinateurs en accès public",
    "count.e_reader": "liseuse à emprunter|liseuses à emprunter",
    "count.tablet": "tablette à emprunter|tablettes à emprunter",
    "fees.free": "gratuit",
    "yes": "oui",
    "no": "non",
    # the network's declared facts: towns, funders, history (issue 11)
    "network.history": "Historique du réseau",
    "network.milestone.deliberation": "Délibération",
    "network.milestone.convention": "Convention",
    "network.milestone.label": "Label",
    "network.towns": "Communes membres",
    "network.towns_caption": "{count}, {population}",
    "count.town": "commune membre|communes membres",
    "network.table.insee": "Code INSEE",
    "network.table.libraries": "Bibliothèques",
    "network.total": "Total",
    "network.funding": "Financement",
    "network.funders": "Financeurs du réseau",
    "network.budget": "Budget annuel du réseau : {amount}.",
    "network.share": "{share} %",
    "network.table.funder": "Financeur",
    "network.table.share": "Part",
    "network.table.amount": "Montant annuel",
}
