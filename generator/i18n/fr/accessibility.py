"""Strings of the accessibility statement.

A part of the French interface strings (generator/i18n/fr/). Keys are dotted; `a|b` holds singular|plural.
"""

STRINGS: dict[str, str] = {
    # accessibility
    "a11y.title": "Déclaration d'accessibilité",
    # accessibility statement, rendered from the last audit (issue 5: data/audit/accessibility.json)
    "a11y.commitment": "{organisation} s'engage à rendre ses services en ligne accessibles, conformément à "
    "l'article 47 de la loi n° 2005-102 du 11 février 2005. Cette déclaration d'accessibilité s'applique au "
    "site « {site} » ({url}).",
    "a11y.state": "État de conformité",
    "a11y.state.is": "Ce site est",
    "a11y.state.partielle": "partiellement conforme",
    "a11y.state.non conforme": "non conforme",
    "a11y.state.standard": "avec le référentiel général d'amélioration de l'accessibilité (RGAA), version 4.1.",
    "a11y.state.no_audit": "Aucun audit n'a encore été réalisé.",
    "a11y.results": "Résultats des tests",
    "a11y.results.rate": "L'audit automatisé du {date} révèle que {rate} % des règles "
    "automatiques du {standard} applicables à ce site sont respectées ({passed} sur {applicable}), sur "
    "{pages} testées à deux tailles d'écran ({widths}).",
    "a11y.results.html": "Le code HTML de ces pages, contrôlé avec le validateur du W3C, compte {errors}.",
    "a11y.results.limits": "Cet audit est automatique : les critères qui demandent le jugement d'une "
    "personne (pertinence des textes de remplacement, ordre de lecture, compréhension des contenus…) "
    "n'ont pas encore été évalués. Il est refait à chaque modification du site.",
    "a11y.results.none": "Aucun audit n'a encore été mené. Les pages seront vérifiées automatiquement "
    "avant leur publication.",
    "a11y.unavailable": "Contenus non accessibles",
    "a11y.unavailable.none": "Les tests automatiques n'ont relevé aucune non-conformité.",
    "a11y.unavailable.intro": "Les tests automatiques ont relevé les non-conformités suivantes, "
    "dues à l'outil de publication du site :",
    "a11y.made": "Établissement de cette déclaration",
    "a11y.made.date": "Cette déclaration a été établie le {date}.",
    "a11y.made.technologies": "Technologies utilisées pour la réalisation du site : HTML, CSS, JavaScript "
    "(facultatif : toutes les fonctions restent utilisables sans lui).",
    "a11y.made.tools": "Outils utilisés pour évaluer l'accessibilité : {tools}.",
    "a11y.made.pages": "Pages du site ayant fait l'objet de la vérification de conformité :",
    "a11y.made.search": "Résultats de la recherche « {query} »",
    "a11y.contact": "Retour d'information et contact",
    "a11y.contact.text": "Si vous n'arrivez pas à accéder à un contenu ou à un service, contactez-nous pour "
    "être orienté·e vers une alternative accessible :",
    "a11y.remedies": "Voies de recours",
    "a11y.remedies.text": "Si vous constatez un défaut d'accessibilité vous empêchant d'accéder à un contenu "
    "ou à un service, que vous nous l'avez signalé et que vous n'avez pas obtenu de réponse satisfaisante, "
    "vous pouvez saisir le Défenseur des droits : par le formulaire en ligne sur son site, en contactant le "
    "délégué du Défenseur des droits dans votre région, ou par courrier gratuit, sans affranchissement : "
    "Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.",
    "count.page": "page|pages",
    "count.error": "erreur|erreurs",
}
