"""JSON Schemas of the editors' data files, made from the models (pure).

An editor's editor (VS Code, github.dev: the YAML language server) reads them to complete
keys, show allowed values and flag mistakes while typing. They come from each model's
`model_json_schema()`, with every key titled and described in French, and the choices that
come from the project (the taxonomy's ids, the sites' ids) listed with their labels: the
schemas are per project.

A schema says less than `bibnum check`, never more: it must accept every file the check
accepts. What JSON Schema cannot say (references between files, an event's end after its
start, the access mode's required key, duplicate ids...) is left to the check.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema

from .models import base, site as site_model
from .models.content import AuthorsFile
from .models.event import Event
from .models.group import GroupsFile
from .models.library import Library
from .models.resource import Resource
from .models.site import Site, SitesFile
from .models.source import SourcesFile
from .models.taxonomy import Taxonomy
from .reference_fields import FIELDS, VOCABULARIES

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_DIR = "schemas"  # in the project and under the pro site


@dataclass(frozen=True)
class DataFile:
    """One kind of data file: its schema's name, where it lives, its model."""

    name: str
    glob: str
    model: type[BaseModel]
    title: str
    id_from_file: bool = False
    items: str = ""  # the key of the list whose items reference_fields.FIELDS describes
    references: str = ""  # the key of FIELDS for this file

    @property
    def schema_path(self) -> str:
        return f"{SCHEMA_DIR}/{self.name}.schema.json"


DATA_FILES: tuple[DataFile, ...] = (
    DataFile("sites", "data/sites.yml", SitesFile, "Le réseau et ses sites (data/sites.yml)"),
    DataFile("taxonomy", "data/taxonomy.yml", Taxonomy, "Les vocabulaires (data/taxonomy.yml)"),
    DataFile("groups", "data/groups.yml", GroupsFile, "Les groupes et les comités (data/groups.yml)",
             items="groups", references="groups"),
    DataFile("authors", "data/authors.yml", AuthorsFile, "Les auteurs du blog (data/authors.yml)"),
    DataFile("sources", "data/sources.yml", SourcesFile, "Les sources moissonnées (data/sources.yml)",
             items="sources", references="sources"),
    DataFile("resource", "data/resources/*.yml", Resource, "Une ressource (data/resources/<id>.yml)",
             id_from_file=True, references="resources"),
    DataFile("library", "data/libraries/*.yml", Library, "Une bibliothèque (data/libraries/<id>.yml)",
             id_from_file=True, references="libraries"),
    DataFile("event", "data/events/*.yml", Event, "Un événement (data/events/<id>.yml)",
             id_from_file=True, references="events"),
)


@dataclass(frozen=True)
class Choices:
    """The project's own choices: for each vocabulary (and `sites`, `public_sites`), its ids and labels."""

    lists: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    base_url: str = ""  # where the schemas are published (the pro site's schemas/), for `$id`


def project_choices(taxonomy: Taxonomy | None, sites: Sequence[Site] | None) -> Choices:
    """The choices a project offers; a file that did not validate gives none (any id is taken)."""
    lists: dict[str, tuple[tuple[str, str], ...]] = {}
    if taxonomy is not None:
        for name in VOCABULARIES:
            lists[name] = tuple((term.id, term.label) for term in getattr(taxonomy, name))
    base_url = ""
    if sites is not None:
        lists["sites"] = tuple((s.id, s.name) for s in sites)
        lists["public_sites"] = tuple((s.id, s.name) for s in sites if s.kind == "public")
        pro = next((s for s in sites if s.kind == "pro"), None)
        base_url = f"{pro.url}{SCHEMA_DIR}/" if pro is not None else ""
    return Choices(lists, base_url)


# --- the types the models check with a function, said in JSON Schema -----------------------------

_SLUG = {"type": "string", "pattern": base._SLUG.pattern, "maxLength": base.NAME_MAX}
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
# What pydantic reads as a date-time: a day, then optionally a time (seconds, fractions); the
# loader keeps it as text. No offset: an event's times are Paris times (the model refuses one).
DATE_TIME_PATTERN = r"^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?$"


class _Generator(GenerateJsonSchema):
    """pydantic's generator, plus what the models' validator functions accept."""

    def function_after_schema(self, schema: Any) -> Any:
        inner = self.generate_inner(schema["schema"])
        check = schema["function"]["function"]
        if check is base._slug:
            return dict(_SLUG)
        if check is site_model._hex_color:
            return {**inner, "pattern": site_model._HEX.pattern}
        return inner  # the other checks (plain text, e-mail, look file...) are the check's

    def function_before_schema(self, schema: Any) -> Any:
        inner = self.generate_inner(schema["schema"])
        if schema["function"]["function"] is base._number_as_text and inner.get("type") == "string":
            return {**inner, "type": ["string", "number"]}  # `title: 1984` is text to the check
        return inner

    def date_schema(self, schema: Any) -> Any:
        return {"type": "string", "pattern": DATE_PATTERN}

    def datetime_schema(self, schema: Any) -> Any:
        return {"type": "string", "pattern": DATE_TIME_PATTERN}


# --- French titles and descriptions -----------------------------------------------------------

# The keys whose field has no description of its own: the block they open, said in French.
_BLOCKS = {
    "AccessOverride": "Réglages propres à ce site (mêmes clés que `access`, toutes facultatives).",
    "Accessibility": "Déclaration d'accessibilité : organisme responsable et adresse de contact.",
    "Address": "Adresse postale de la bibliothèque.",
    "AlgoliaSearch": "Recherche par Algolia (facultatif).",
    "App": "Une application du fournisseur à installer.",
    "Author": "Un auteur du blog : nom affiché et fonction.",
    "Conditions": "Conditions d'utilisation, écrites pour les lecteurs (compte, quota, prêt, âge…).",
    "Funder": "Un financeur du réseau et sa part ou son montant.",
    "Geo": "Position sur la carte (latitude, longitude).",
    "Group": "Un groupe de travail ou un comité.",
    "Milestone": "Une date de l'histoire du réseau.",
    "Network": "Le réseau lui-même : nom, présentation, communes, financeurs, budget, dates.",
    "Palette": "Couleurs du site (contraste de 4,5:1 au moins avec du texte blanc).",
    "Person": "Une personne nommée du groupe et son rôle.",
    "ResourceAccess": "Comment un lecteur atteint la ressource depuis un portail : mode (`kind`) et adresse.",
    "ResourceUsage": "Statistiques d'usage : noms de la ressource dans les rapports des fournisseurs, coût annuel.",
    "Site": "Un site construit : portail public ou espace professionnel.",
    "Source": "Une source moissonnée : flux de nouveautés d'une ressource ou agenda d'une bibliothèque.",
    "Term": "Une entrée du vocabulaire : identifiant, libellé, explication, icône.",
    "Town": "Une commune membre et sa population déclarée.",
    "YearlyCost": "Le coût d'une année d'abonnement : l'année et le montant en euros.",
}
_LIST_OF = {
    "groups": "Les groupes de travail et les comités du réseau.",
    "authors": "Les auteurs du blog, chacun sous son identifiant (minuscules, tirets).",
}
_CUTS = (" : ", " (", " ; ", ". ", ", par ex", ", écrit", ", en ", " — ", ", si ", ", y compris", ", avec ",
         ", 60 ", " dont ")
# Titles of the keys whose description starts with their values or a condition.
_KEY_TITLES = {
    "kind": "Sorte", "form": "Forme de l'adresse", "library_logins": "Accès par bibliothèque",
    "label": "Sorte de comité", "resource": "Ressource", "library": "Bibliothèque",
    "categories": "Types d'événement des catégories de l'agenda", "default_kind": "Type d'événement par défaut",
    "audiences": "Publics", "template": "Modèle d'adresse", "where": "Où consulter la ressource",
    "scope": "Agenda", "status": "État", "sp": "Fournisseur de service Shibboleth", "service": "Service CAS",
}


def _title(description: str, key: str) -> str:
    """A short French title from the description's first words (`Nom de la ressource`)."""
    text = description.strip()
    if text.startswith("`") or text.startswith(("Pour ", "Avec ", "Si ")):
        return _KEY_TITLES.get(key, f"Clé « {key} »")
    for cut in _CUTS:
        text = text.split(cut, 1)[0]
    return text.strip().rstrip(".").replace("`", "") or f"Clé « {key} »"


def _french(schema: dict, defs: dict) -> None:
    """French title and description on every key of every object (in place)."""
    for name, node in [(None, schema), *defs.items()]:
        block = _BLOCKS.get(name or "", "")
        if name is not None:
            node["title"] = _title(block, name) if block else name
            node["description"] = block or node.get("description", "")
        for key, prop in node.get("properties", {}).items():
            description = prop.get("description") or _LIST_OF.get(key) or _block_of(prop, defs) or f"Clé « {key} »."
            prop["description"] = description
            prop["markdownDescription"] = description
            prop["title"] = _title(description, key)


def _block_of(prop: dict, defs: dict) -> str:
    for node in _branches(prop):
        ref = node.get("$ref", "")
        if ref.startswith("#/$defs/"):
            return _BLOCKS.get(ref.rsplit("/", 1)[1], "")
    return ""


def _branches(node: dict) -> list[dict]:
    """A key's schema, or each of its alternatives (`anyOf`, `oneOf`)."""
    for word in ("anyOf", "oneOf"):
        if word in node:
            return [n for n in node[word] if n.get("type") != "null"]
    return [node]


def _mappings(node: Any) -> None:
    """A mapping whose keys are ids (`dict[Slug, …]`): pydantic gives `patternProperties`, which lets
    any other key through unchecked; say instead that every key is an id and every value checked."""
    if isinstance(node, list):
        for item in node:
            _mappings(item)
    if not isinstance(node, dict):
        return
    patterns = node.get("patternProperties")
    if isinstance(patterns, dict) and len(patterns) == 1 and "additionalProperties" not in node:
        pattern, value = next(iter(patterns.items()))
        del node["patternProperties"]
        node["propertyNames"] = {**node.get("propertyNames", {}), "pattern": pattern}
        node["additionalProperties"] = value
    for child in node.values():
        _mappings(child)


# --- the project's choices, where the references are ----------------------------------------------


def _resolve(node: dict, defs: dict) -> list[dict]:
    """The schemas a value at `node` may take (references followed, nulls left out)."""
    found = []
    for branch in _branches(node):
        ref = branch.get("$ref", "")
        found.extend(_resolve(defs[ref.rsplit("/", 1)[1]], defs) if ref.startswith("#/$defs/") else [branch])
    return found


def _step(nodes: list[dict], key: str, defs: dict) -> list[dict]:
    out = []
    for node in nodes:
        for branch in _resolve(node, defs):
            if key == "*":
                child = branch.get("additionalProperties") if branch.get("type") == "object" else branch.get("items")
            else:
                child = branch.get("properties", {}).get(key)
            if isinstance(child, dict):
                out.append(child)
    return out


def _choose(node: dict, choices: tuple[tuple[str, str], ...], defs: dict, *, keys: bool) -> None:
    """Restrict the ids at `node` (a text, a list of texts, a mapping's keys) to `choices`."""
    restriction = {"enum": [id_ for id_, _ in choices],
                   "markdownEnumDescriptions": [f"{label} (`{id_}`)" for id_, label in choices]}
    for branch in _resolve(node, defs):
        if keys:
            branch["propertyNames"] = {**branch.get("propertyNames", {}), "type": "string", **restriction}
        elif branch.get("type") == "array" and isinstance(branch.get("items"), dict):
            branch["items"].update(restriction)
        elif branch.get("type") == "string":
            branch.update(restriction)


def _restrict(schema: dict, data_file: DataFile, choices: Choices) -> None:
    defs = schema.get("$defs", {})
    roots = _step([schema], data_file.items, defs) if data_file.items else [schema]
    if data_file.items:
        roots = _step(roots, "*", defs)
    for ref in FIELDS.get(data_file.references, ()):
        target = ref.target
        if target not in choices.lists:
            continue
        nodes = roots
        for key in ref.path:
            nodes = _step(nodes, key, defs)
        for node in nodes:
            _choose(node, choices.lists[target], defs, keys=ref.keys)


def data_file_schema(data_file: DataFile, choices: Choices) -> dict:
    """The JSON Schema of one kind of data file, for this project's choices."""
    schema = data_file.model.model_json_schema(schema_generator=_Generator)
    defs = schema.get("$defs", {})
    if data_file.id_from_file:  # the id is the file's name: writing it is an error
        schema["properties"].pop("id", None)
        schema["required"] = [key for key in schema.get("required", []) if key != "id"]
    _mappings(schema)
    _french(schema, defs)
    _restrict(schema, data_file, choices)
    head = {"$schema": DRAFT}
    if choices.base_url:
        head["$id"] = f"{choices.base_url}{data_file.name}.schema.json"
    head.update(title=data_file.title, description=f"Fichier `{data_file.glob}` d'un projet bibnum : "
                "chaque clé, ce qu'elle attend et ses valeurs permises. `bibnum check` vérifie en plus "
                "les liens entre les fichiers.")
    schema.pop("title", None)
    schema.pop("description", None)
    return {**head, **schema}


def data_schemas(choices: Choices) -> dict[str, dict]:
    """{schema path (`schemas/resource.schema.json`): schema} for every kind of data file."""
    return {data_file.schema_path: data_file_schema(data_file, choices) for data_file in DATA_FILES}


def published_schema_files(taxonomy: Taxonomy, sites: Sequence[Site]) -> dict[str, str]:
    """The schemas as the pro site publishes them, {docs path: text} (`schemas/resource.schema.json`…)."""
    choices = project_choices(taxonomy, sites)
    return {path: schema_text(schema) for path, schema in data_schemas(choices).items()}


def schema_text(schema: dict) -> str:
    """Deterministic JSON text (the same project gives the same bytes)."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"

