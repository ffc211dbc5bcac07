"""The editor's guide ("Guide de l'éditeur"), generated from the models so it never drifts.

Every table row comes from a model field (`model_fields`, walked recursively: nested
models, lists and mappings of models, optional values, choices, discriminated
unions); every access example URL is computed by `generator.access`. Pure
functions, no I/O; the output is Markdown that Python-Markdown renders with the
`tables` extension alone (indented code blocks, no raw HTML), and it is the same
on every call.
"""

from __future__ import annotations

from ..models.site import Editing
from .access_modes import _access_section
from .check_messages import check_messages_section, unknown_key_example
from .editor_help import editor_section
from .fields import Row, field_rows
from .files import FILE_TYPES, FileType
from .markdown import _code_block, _field_table, cell, table, to_yaml
from .new_network import new_network_section
from .preview import preview_section
from .shapes import _codes
from .web_editor import web_editor_section

__all__ = [
    "FILE_TYPES",
    "FileType",
    "Row",
    "cell",
    "editor_guide_markdown",
    "field_rows",
    "table",
    "to_yaml",
]

# --- the page ------------------------------------------------------------------------------


def _introduction() -> list[str]:
    files = "\n".join(f"- {_codes(ft.paths)} : {ft.title[0].lower()}{ft.title[1:]}" for ft in FILE_TYPES)
    return [
        "Ce guide explique comment modifier le réseau : chaque ressource, bibliothèque, événement, "
        "page ou billet est un fichier texte (YAML pour les données, Markdown pour les textes) "
        "que l'on modifie puis que l'on enregistre dans le dépôt (commit). Il est produit à partir "
        "du code qui vérifie les fichiers : il est donc toujours à jour.",
        "",
        "## Où sont les fichiers",
        "",
        files,
        "",
        "Pour les ressources, les bibliothèques et les événements, l'identifiant est le nom du "
        "fichier sans `.yml` : `data/resources/formaplus.yml` décrit la ressource "
        "`formaplus`. On ne l'écrit pas dans le fichier. Un identifiant s'écrit en minuscules, "
        "chiffres et tirets simples, sans accent ni espace (`presse-quotidienne`).",
        "",
        "## Vérifier ses modifications",
        "",
        "La commande `bibnum check` vérifie tous les fichiers et liste toutes les erreurs d'un coup "
        "(la même vérification tourne sur chaque proposition de modification). Chaque erreur a la "
        "forme `FICHIER:LIGNE:COLONNE: message`, par exemple :",
        "",
        _code_block(unknown_key_example()),
        "",
        "Ici, dans le fichier `data/resources/formaplus.yml`, à la ligne et à la colonne "
        "indiquées, la clé `sumary` est inconnue : c'est une faute de frappe pour `summary`. Le "
        "message nomme la clé en cause, ce qui était attendu et comment corriger ; la section "
        "« Les messages de `bibnum check` » montre chaque sorte de message.",
        "",
        "## Lire les tableaux",
        "",
        "- `a.b` : la clé `b` écrite sous la clé `a` (décalée de deux espaces).",
        "- `a[].b` : la clé `b` de chaque élément de la liste `a` (éléments commençant par `- `).",
        "- `a.<site>.b` : `<site>` est à remplacer par un identifiant (ici, celui d'un site).",
        "- « oui/non » s'écrit `true` ou `false` ; une date `2026-11-28` ; une date et heure "
        "`2026-11-28T14:00`.",
        "- Une clé obligatoire placée sous une clé facultative n'est obligatoire que si la clé "
        "facultative est présente.",
        "",
    ]


def _file_section(ft: FileType) -> list[str]:
    paths = ", ".join(f"`{p}`" for p in ft.paths)
    out = [f"## {ft.title} : {paths}", "", ft.intro, "", _field_table(ft.model, ft.id_from_file), ""]
    example = to_yaml(ft.example())
    if ft.front_matter:
        out += ["Exemple :", "", _code_block(f"---\n{example}---\n\n{ft.example_body}"), ""]
    else:
        where = f" (`{ft.paths[0].replace('<id>', ft.example_id)}`)" if ft.id_from_file else ""
        out += [f"Exemple{where} :", "", _code_block(example), ""]
    return out


def editor_guide_markdown(editing: Editing | None = None, pro_url: str | None = None) -> str:
    """The body of the "Guide de l'éditeur" page (French Markdown, no front matter).

    `editing` (data/sites.yml's block) and `pro_url` (the pro site's address) let the section on the
    web editor name this network's; without them it says how to turn it on."""
    lines = new_network_section() + ["## Modifier le réseau", ""] + _introduction()
    lines += web_editor_section(editing, pro_url) + editor_section() + preview_section()
    for ft in FILE_TYPES:
        lines += _file_section(ft)
    lines += _access_section()
    lines += check_messages_section()
    return "\n".join(lines).rstrip("\n") + "\n"
