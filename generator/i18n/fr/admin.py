"""Strings of the pro site's web editor (`admin/`, generator/admin/).

A part of the French interface strings (generator/i18n/fr/). Keys are dotted.
"""

STRINGS: dict[str, str] = {
    "admin.title": "Modifier le site — {network}",
    "admin.noscript": "L'éditeur en ligne a besoin de JavaScript. Vous pouvez aussi modifier les fichiers "
    "du dépôt directement (guide de l'espace professionnel, « Modifier le site sans git »).",
    "admin.config_header": "# Configuration de l'éditeur en ligne (Sveltia CMS), écrite par bibnum à partir des "
    "modèles :\n# ne la modifiez pas ici ; elle change avec data/sites.yml (bloc editing) et data/taxonomy.yml.\n",
    "admin.login.ezproxy": "EZproxy ({detail})",
    "admin.login.cas": "CAS ({detail})",
    "admin.login.openathens": "OpenAthens ({detail})",
    "admin.login.shibboleth": "Shibboleth (fournisseur d'identité {detail})",
    "admin.login.direct": "aucune connexion du réseau : liens directs, le fournisseur demande son propre compte",
    "admin.login.libraries": ", ou la connexion propre à chaque bibliothèque qui en déclare une",
}
