"""The guide's section « Modifier les fichiers dans un éditeur »: completion and errors while typing,
from the JSON Schemas `bibnum schemas` writes (generator/data_schemas.py)."""

from __future__ import annotations

from ..data_schemas import DATA_FILES
from .markdown import _code_block
from .web_editor import FILES_HEADING, HEADING as WEB_EDITOR_HEADING, anchor


def editor_section() -> list[str]:
    files = "\n".join(f"- `{kind.schema_path}` : `{kind.glob}`" for kind in DATA_FILES)
    return [
        f"## {FILES_HEADING}",
        "",
        "Pour changer une ressource, un événement ou un billet sans toucher aux fichiers, l'éditeur en ligne "
        f"de l'espace professionnel suffit : voir [{WEB_EDITOR_HEADING}](#{anchor(WEB_EDITOR_HEADING)}). Ici, "
        "on modifie les fichiers eux-mêmes, avec l'aide d'un éditeur de texte.",
        "",
        "Chaque fichier de `data/` a son schéma JSON, tiré des mêmes règles que `bibnum check` : un éditeur "
        "qui le lit propose les clés possibles, montre l'explication de chacune au survol, liste les valeurs "
        "permises (les catégories, publics, supports, langues et types d'événements de `data/taxonomy.yml`, "
        "avec leurs libellés ; les identifiants des sites) et souligne une erreur pendant la saisie : clé "
        "inconnue, clé obligatoire absente, valeur d'un autre type, date mal écrite.",
        "",
        "Le projet les contient dès `bibnum new`, dans le dossier `schemas/`, et `.vscode/settings.json` dit "
        "à quel fichier chacun s'applique :",
        "",
        files,
        "",
        "Pour en profiter :",
        "",
        "1. Dans VS Code, installez l'extension **YAML** de Red Hat (`redhat.vscode-yaml`), puis ouvrez le "
        "dossier du projet. Sur GitHub, la touche `.` ouvre le dépôt dans github.dev, qui propose la même "
        "extension.",
        "2. Ouvrez par exemple un fichier de `data/resources/` : `Ctrl+Espace` propose les clés et les "
        "valeurs, et une erreur est soulignée en rouge, avec son explication au survol.",
        "3. Après un changement de `data/taxonomy.yml` ou de `data/sites.yml`, mettez les schémas à jour "
        "(`bibnum check` le rappelle) :",
        "",
        _code_block("bibnum schemas"),
        "",
        "La commande garde les autres réglages de `.vscode/settings.json` ; si ce fichier n'est pas du JSON "
        "lisible (par ex. avec des commentaires), elle le laisse tel quel et dit quelle clé y ajouter. "
        "L'espace professionnel publie aussi ces schémas (page « Données ouvertes »).",
        "",
        "Le schéma vérifie chaque fichier seul : `bibnum check` reste la vérification complète (liens entre "
        "les fichiers, identifiants qui existent, fin d'un événement après son début, clé demandée par le "
        "mode d'accès…).",
        "",
    ]
