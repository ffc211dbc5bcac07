"""Strings of the printable posters and cards (pro site, « Affiches et cartes »).

A part of the French interface strings (generator/i18n/fr/). Keys are dotted; `a|b` holds singular|plural.
"""

STRINGS: dict[str, str] = {
    "nav.mediation": "Affiches et cartes",
    "mediation.intro": "Pour chaque ressource de chaque portail : une affiche A4 et une planche de quatre cartes A6 "
                       "à imprimer et à découper, aux couleurs du portail, avec un code QR qui ouvre la page de la "
                       "ressource sur ce portail.",
    "mediation.print_help": "Pour imprimer : ouvrez l'affiche ou les cartes, puis « Imprimer » dans votre navigateur "
                            "(Ctrl+P ou Cmd+P), format A4, échelle 100 %, avec les graphiques d'arrière-plan.",
    "mediation.portal_caption": "Ressources de {portal} ({count})",
    "mediation.resource": "Ressource",
    "mediation.category": "Catégorie",
    "mediation.poster": "Affiche A4",
    "mediation.cards": "Cartes A6",
    "mediation.of": "de {title}",
    "mediation.poster_title": "Affiche : {title} — {portal}",
    "mediation.cards_title": "Cartes à découper : {title} — {portal}",
    "mediation.back": "Toutes les affiches et cartes",
    "mediation.see_cards": "Les cartes A6 de cette ressource",
    "mediation.see_poster": "L'affiche A4 de cette ressource",
    "mediation.cards_help": "Quatre cartes identiques par feuille A4 : imprimez à l'échelle 100 %, puis découpez "
                            "le long des traits.",
    "mediation.for_whom": "Pour qui ?",
    "mediation.start": "Comment commencer ?",
    "mediation.start.login": "Connectez-vous sur {portal} avec votre carte de bibliothèque.",
    "mediation.start.library": "Choisissez votre bibliothèque sur la page de la ressource, puis connectez-vous "
                               "avec votre carte.",
    "mediation.start.provider": "La première fois, créez aussi votre compte chez {provider}.",
    "mediation.start.direct": "Accès libre et gratuit, sans identification.",
    "mediation.start.on_site": "Sur place uniquement : {where}.",
    "mediation.scan": "Scannez ce code avec l'appareil photo de votre téléphone, ou tapez l'adresse :",
    "mediation.qr_label": "Code QR vers la page de {title} sur {portal} : {url}",
    "mediation.offered": "Proposé par {network}",
}
