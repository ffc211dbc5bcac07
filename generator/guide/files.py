"""The kinds of files editors write (`FileType`), in the order the guide presents them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from ..models.content import AuthorsFile, PageMeta, PostMeta
from ..models.event import Event
from ..models.group import GroupsFile
from ..models.library import Library
from ..models.resource import Resource
from ..models.site import SitesFile
from ..models.source import SourcesFile
from ..models.taxonomy import Taxonomy
from .examples import (
    _authors_example,
    _event_example,
    _groups_example,
    _library_example,
    _page_example,
    _post_example,
    _resource_example,
    _sites_example,
    _sources_example,
    _taxonomy_example,
)

@dataclass(frozen=True)
class FileType:
    """One kind of file editors write; `example` builds a fresh, valid example."""

    title: str
    paths: tuple[str, ...]
    model: type[BaseModel]
    intro: str
    example: Callable[[], dict[str, Any]]
    id_from_file: bool = False
    example_id: str = ""  # the example's file name without `.yml`, when the id comes from it
    front_matter: bool = False
    example_body: str = ""


FILE_TYPES: tuple[FileType, ...] = (
    FileType(
        "Le réseau et ses sites",
        ("data/sites.yml",),
        SitesFile,
        "Un seul fichier : le réseau (`network`) puis la liste des sites construits (`sites`), "
        "portails publics et espace professionnel.",
        _sites_example,
    ),
    FileType(
        "Les vocabulaires",
        ("data/taxonomy.yml",),
        Taxonomy,
        "Les listes où les autres fichiers puisent leurs identifiants : catégories, publics, "
        "supports, langues, types d'événements, catégories du blog.",
        _taxonomy_example,
    ),
    FileType(
        "Les groupes et les comités",
        ("data/groups.yml",),
        GroupsFile,
        "Facultatif : le comité de pilotage (COPIL), le comité technique, les autres comités (comité des "
        "usagers…, avec leur `label`) et les groupes de travail. Les membres sont des bibliothèques "
        "(`members`) et des personnes nommées avec leur rôle (`people` : présidence, animation, secrétariat "
        "ou membre) ; chaque groupe a sa page dans l'espace professionnel.",
        _groups_example,
    ),
    FileType(
        "Les auteurs du blog",
        ("data/authors.yml",),
        AuthorsFile,
        "Facultatif : les personnes qui écrivent sur le blog professionnel, chacune sous son identifiant.",
        _authors_example,
    ),
    FileType(
        "Les ressources",
        ("data/resources/<id>.yml",),
        Resource,
        "Un fichier par ressource numérique ; son nom (sans `.yml`) est l'identifiant de la ressource. "
        "Pour qu'une recherche fréquente des lecteurs mène d'abord à la ressource (« code de la route », "
        "« cours en ligne »), écrivez-la dans `best_bets` : la recherche du portail, celle d'Algolia et le "
        "moteur que les communes intègrent à leur site la placent alors en tête.",
        _resource_example,
        id_from_file=True,
        example_id="formaplus",
    ),
    FileType(
        "Les bibliothèques",
        ("data/libraries/<id>.yml",),
        Library,
        "Un fichier par bibliothèque membre ; son nom (sans `.yml`) est l'identifiant de la bibliothèque.",
        _library_example,
        id_from_file=True,
        example_id="montargis",
    ),
    FileType(
        "Les événements",
        ("data/events/<id>.yml",),
        Event,
        "Un fichier par événement ; son nom (sans `.yml`) est l'identifiant de l'événement. "
        "Les heures sont celles de Paris, sans décalage horaire. L'agenda des portails se lit aussi par "
        "commune et par bibliothèque (une page pour chacune, faite d'après les fichiers des bibliothèques, "
        "et un filtre instantané) ; les éditions d'une série (`series`) sont réunies sur la page de la série.",
        _event_example,
        id_from_file=True,
        example_id="atelier-anglais-2026-11-28",
    ),
    FileType(
        "Les sources moissonnées",
        ("data/sources.yml",),
        SourcesFile,
        "Facultatif : les flux que `bibnum harvest` lit chaque nuit : nouveautés des fournisseurs "
        "(RSS, Atom, OPDS, listes KBART) pour une ressource, agendas iCalendar (export OpenAgenda) "
        "ou agendas lus par l'API d'OpenAgenda (`openagenda`, clé d'API dans la variable "
        "d'environnement `OPENAGENDA_KEY`, secret du dépôt) pour une bibliothèque. Pour un agenda, `categories` dit le type d'événement de chacune de ses "
        "catégories ; une catégorie sans type est signalée dans le rapport. "
        "Le résultat est gardé dans `data/harvest/<id>.json` (écrit par la "
        "commande, à ne pas modifier) ; une source en panne garde ses derniers titres, et la "
        "commande affiche un rapport (aussi dans `data/harvest/report.json`).",
        _sources_example,
    ),
    FileType(
        "Les pages",
        ("content/public/*.md", "content/pro/*.md"),
        PageMeta,
        "Un fichier Markdown par page (aide, questions fréquentes, documents de référence) : "
        "l'en-tête entre deux lignes `---` porte les clés ci-dessous, le texte de la page suit. "
        "La page `aide.md` est publiée à l'adresse `aide/` du site ; pour lier une autre page, écrivez "
        "son adresse relative à celle de la page, par ex. `[l'agenda](../agenda/)` ou `[l'aide](../aide/)` "
        "(un lien vers un fichier, comme `aide.md`, ne mène à aucune page).",
        _page_example,
        front_matter=True,
        example_body="## Comment me connecter ?\n\nAvec le numéro de votre carte de bibliothèque.",
    ),
    FileType(
        "Les billets du blog et les actualités",
        ("content/blog/posts/*.md", "content/news/*.md"),
        PostMeta,
        "Un fichier Markdown par billet du blog professionnel (`content/blog/posts/`) ou par "
        "actualité des portails (`content/news/`) : l'en-tête entre deux lignes `---`, puis le texte.",
        _post_example,
        front_matter=True,
        example_body="Cinquante nouveaux titres arrivent ce mois-ci dans le catalogue PNB.",
    ),
)
