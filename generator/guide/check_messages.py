"""The kinds of message `bibnum check` gives, each with a real example.

Every example is produced by validating a small bad file (one of the guide's own valid
examples with one mistake) with the very code `bibnum check` runs, in memory: the guide
can never show a message the code no longer gives. Pure: no file is read or written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from ..errors import ProjectInvalid
from ..load.project import Sources
from ..load.yaml_source import load_yaml
from ..validate import validate
from .examples import _event_example, _groups_example, _library_example, _resource_example
from .markdown import _code_block, to_yaml

_DELETE = object()  # a change that removes the key


@dataclass(frozen=True)
class _Case:
    """One kind of message: its title, what to do, and the bad file that shows it."""

    title: str
    advice: str
    file: str  # where the example file would be (its kind is its folder)
    example: Callable[[], dict[str, Any]]
    changes: dict[str, Any] = field(default_factory=dict)
    pick: str = ""  # a fragment of the one problem to show (the file may give several)
    raw: str = ""  # text written in place of the YAML dump, for a syntax error


_EVENT, _LIBRARY, _RESOURCE = "data/events/atelier-anglais.yml", "data/libraries/montargis.yml", \
    "data/resources/formaplus.yml"

_CASES: tuple[_Case, ...] = (
    _Case("Fichier illisible (YAML invalide)",
          "La lecture du fichier s'est arrêtée à l'endroit indiqué : deux-points dans un texte sans "
          "guillemets, guillemet ou crochet non fermé, décalage incohérent. Les autres fichiers sont "
          "tout de même vérifiés.",
          _EVENT, _event_example, raw="title: Atelier : apprendre l'anglais\nkind: atelier\n"),
    _Case("Clé obligatoire absente",
          "Ajoutez la clé ; le message rappelle ce qu'elle contient (voir aussi le tableau du fichier).",
          _EVENT, _event_example, {"summary": _DELETE}),
    _Case("Clé inconnue",
          "Faute de frappe, ou clé qui n'existe pas à cet endroit : le message propose la clé la plus "
          "proche parmi celles de ce bloc, ou les liste toutes.",
          _RESOURCE, _resource_example, {"sumary": "Des cours en ligne."}, pick="sumary"),
    _Case("Valeur non prévue",
          "La clé n'accepte que certaines valeurs : le message les liste. Un élément de liste est "
          "nommé par son rang, à partir de 1, et son identifiant.",
          "data/groups.yml", _groups_example, pick="kind"),
    _Case("Texte trop long ou vide",
          "Le message donne la longueur écrite et la limite.",
          _EVENT, _event_example, {"summary": "Un atelier pour découvrir les cours d'anglais en ligne. " * 5}),
    _Case("Date ou date et heure mal écrite",
          "Une date s'écrit `2026-12-20`, une date et heure `2026-12-20T14:00` (heure de Paris).",
          _EVENT, _event_example, {"start": "28/11/2026 14h"}),
    _Case("Règle entre deux clés",
          "Certaines clés dépendent l'une de l'autre ; le message pointe la clé à corriger.",
          _EVENT, _event_example, {"end": "2026-11-28T10:00"}),
    _Case("Nombre mal écrit ou hors limites",
          "Un nombre s'écrit en chiffres, sans espace ni unité, avec un point décimal (`0.15`).",
          _LIBRARY, _library_example, {"joined": "en 2016"}),
    _Case("Liste trop courte",
          "Une liste s'écrit une ligne `- …` par élément, ou `[a, b]` ; le message dit combien il en faut.",
          _LIBRARY, _library_example, {"sites": []}),
    _Case("Identifiant mal formé",
          "Un identifiant s'écrit en minuscules sans accent, chiffres et tirets simples.",
          _EVENT, _event_example, {"audiences": ["Adultes"]}),
    _Case("Identifiant inconnu",
          "L'identifiant cité n'existe pas : le message propose le plus proche et liste ceux qui existent. "
          "Un fichier qui a lui-même une erreur ne provoque pas ce message chez ceux qui le citent.",
          _EVENT, _event_example, {"library": "montargi"}),
    _Case("Adresse refusée",
          "Les liens s'écrivent en entier, en `https://`.",
          _EVENT, _event_example, {"registration_url": "mediatheque.montargis.example.org/agenda"}),
    _Case("Adresse électronique mal écrite",
          "Une adresse électronique s'écrit d'un seul tenant : un @, puis un domaine avec un point.",
          _LIBRARY, _library_example, {"email": "mediatheque montargis@example.fr"}),
    _Case("Nom trop long pour une adresse",
          "Le nom d'une commune ou d'une catégorie du blog devient l'adresse d'une page : il reste court.",
          _LIBRARY, _library_example, {"town": "Saint-Martin-des-Entrées-et-de-la-Vallée-de-la-Seulles-et-des-"
                                               "Coteaux-du-Gâtinais-Occidental"}),
)

# Frequent syntax mistakes (title, what was written), each shown with the message the check gives.
_SYNTAX: tuple[tuple[str, str], ...] = (
    ("Deux-points dans un texte sans guillemets", "title: Atelier : tablette\nkind: atelier\n"),
    ("Guillemet non fermé", 'title: "Atelier tablette\nkind: atelier\n'),
    ("Décalage incohérent", "title: Atelier\nplace:\n  name: Salle des fêtes\n city: Montargis\n"),
    ("Élément de liste au milieu des clés", "title: Atelier\naudiences:\n- adultes\nkind: atelier\n- ados\n"),
    ("Crochet non fermé", "audiences: [adultes, ados\nkind: atelier\n"),
    ("Ligne « --- » au milieu d'un fichier de données", "title: Atelier\n---\nkind: atelier\n"),
)

# Ids the examples' references name, as if their files existed.
_FOUND = {"libraries": {"montargis", "gien"}, "resources": {"formaplus"}, "events": set()}


def check_messages_section() -> list[str]:
    """The guide's section listing every kind of message with a real example."""
    lines = [
        "## Les messages de `bibnum check`",
        "",
        "Chaque message commence par l'endroit de l'erreur (`FICHIER:LIGNE:COLONNE`), puis la clé "
        "en cause, ce qui ne va pas, ce qui est attendu avec un exemple, et comment corriger. "
        "Tous les fichiers sont vérifiés en une fois : corrigez tout ce qui est listé, puis relancez. "
        "Voici les sortes de messages, chacune avec un exemple produit par la vérification elle-même.",
        "",
    ]
    for case in _CASES:
        lines += [f"### {case.title}", "", case.advice, "", _code_block(_example(case)), ""]
    lines += ["### Erreurs de syntaxe fréquentes", "",
              "Ce qui a été écrit, puis le message de la vérification. La lecture du fichier s'arrête à la "
              "première erreur de syntaxe : corrigez-la, puis relancez pour voir la suivante.", ""]
    for title, text in _SYNTAX:
        lines += [f"#### {title}", "", _code_block(text + "\n" + syntax_example(text)), ""]
    return lines


def syntax_example(text: str) -> str:
    """The message the check gives for `text`, written in an event's file."""
    _, problems = load_yaml(text, _EVENT)
    if len(problems) != 1:
        raise AssertionError(f"the guide's syntax example {text!r} gives {len(problems)} messages")
    return str(problems[0])


def unknown_key_example() -> str:
    """The message of a mistyped key, for the guide's introduction."""
    return _example(_CASES[2])


def _example(case: _Case) -> str:
    problems = _problems(case)
    chosen = [p for p in problems if case.pick in p] or problems
    if not chosen:
        raise AssertionError(f"the guide's example '{case.title}' gives no message")
    return chosen[0]


def _problems(case: _Case) -> list[str]:
    data = case.example()
    if case.file == "data/groups.yml":
        data["groups"][0]["kind"] = "comite-pilotage"
    for key, value in case.changes.items():
        if value is _DELETE:
            data.pop(key, None)
        else:
            data[key] = value
    doc, found = load_yaml(case.raw or to_yaml(data), case.file)
    sources = Sources(root=PurePosixPath("."), problems=list(found),  # type: ignore[arg-type]
                      found_ids={kind: set(ids) for kind, ids in _FOUND.items()})
    if doc is not None:
        folder = PurePosixPath(case.file).parent.name
        if folder in ("events", "libraries", "resources"):
            getattr(sources, folder).append(doc)
        else:
            setattr(sources, PurePosixPath(case.file).stem, doc)
    try:
        validate(sources)
    except ProjectInvalid as invalid:
        return [str(problem) for problem in invalid.problems]
    return []
