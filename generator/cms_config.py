"""The web editor's configuration (Sveltia CMS, Decap's `config.yml` format), made from the models (pure).

Its fields come from the same French JSON Schemas as the editors' editors get
(generator/data_schemas.py): one source, so the forms never drift from the models. What a
form cannot say (an id as a mapping's key, references the check alone knows) is left as
the closest field, and `bibnum check`, run on every pull request, still judges the file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from .data_schemas import DATE_PATTERN, DATE_TIME_PATTERN, DATA_FILES, Choices, DataFile, data_file_schema
from .models.content import PageMeta, PostMeta
from .reference_fields import AUTHORS, FIELDS

MEDIA_FOLDER = "content/images"  # images and logos an editor uploads
PUBLIC_FOLDER = "/images"
DATE_FORMAT = "YYYY-MM-DD"  # what the loader reads as a day
DATE_TIME_FORMAT = "YYYY-MM-DD[T]HH:mm"  # Day.js: a Paris time without offset, as the events' model wants

# The ids of a folder collection are its file names; of a file collection, a key of its items.
_RELATIONS: dict[str, dict[str, Any]] = {
    "libraries": {"collection": "libraries", "value_field": "{{slug}}", "search_fields": ["name"],
                  "display_fields": ["name"]},
    "resources": {"collection": "resources", "value_field": "{{slug}}", "search_fields": ["title"],
                  "display_fields": ["title"]},
    "groups": {"collection": "network", "file": "groups", "value_field": "groups.*.id",
               "search_fields": ["groups.*.name"], "display_fields": ["groups.*.name"]},
}
_ENUM_LABEL = re.compile(r"^(?P<label>.*) \(`[^`]*`\)$")


@dataclass(frozen=True)
class MarkdownCollection:
    """A folder of Markdown files with front matter."""

    name: str
    label: str
    folder: str
    model: type[BaseModel]
    references: str  # the key of reference_fields.FIELDS for its front matter


MARKDOWN_COLLECTIONS = (
    MarkdownCollection("posts", "Billets du blog", "content/blog/posts", PostMeta, "blog"),
    MarkdownCollection("news", "Actualités", "content/news", PostMeta, "news"),
    MarkdownCollection("public_pages", "Pages des portails", "content/public", PageMeta, "pages"),
    MarkdownCollection("pro_pages", "Pages de l'espace professionnel", "content/pro", PageMeta, "pages"),
)
_FOLDER_LABELS = {"resource": ("resources", "Ressources", "Ressource"),
                  "library": ("libraries", "Bibliothèques", "Bibliothèque"),
                  "event": ("events", "Agenda", "Événement")}
_FILE_LABELS = {"sites": "Le réseau et ses sites", "taxonomy": "Les vocabulaires", "groups": "Groupes et comités",
                "authors": "Auteurs du blog", "sources": "Sources moissonnées"}


def cms_config(choices: Choices, repo: str, branch: str, authors: Mapping[str, str] | None = None,
               blog_categories: Sequence[str] = (), *, auth_url: str | None = None, site_url: str | None = None,
               title: str | None = None, site_logins: Mapping[str, str] | None = None) -> dict:
    """The CMS's whole configuration for this project's choices, committing to `repo` on `branch`.

    `authors` ({id: name}, data/authors.yml) and `blog_categories` (taxonomy.yml) make the posts'
    authors and categories choices; without them they are free texts the check judges.
    `auth_url`: the origin of the sign-in service (OAuth); without it editors sign in with a
    personal access token. `site_logins` ({site id: how its readers log in}) is shown beside a
    resource's access, where an editor decides how readers reach it."""
    posts = {"authors": [{"label": name, "value": id_} for id_, name in (authors or {}).items()],
             "categories": [{"label": name, "value": name} for name in blog_categories]}
    collections = [_folder_collection(d, choices) for d in DATA_FILES if d.id_from_file]
    collections += [_markdown_collection(m, choices, posts) for m in MARKDOWN_COLLECTIONS]
    collections.append({
        "name": "network", "label": "Réseau", "editor": {"preview": False},
        # The CMS writes a file anew: the comments these much-commented files carry would be lost.
        "description": "Les réglages du réseau. Un enregistrement ici réécrit le fichier sans ses commentaires "
                       "(lignes « # ») ; pour les garder, modifiez le fichier dans un éditeur.",
        "files": [_file_entry(d, choices) for d in DATA_FILES if not d.id_from_file],
    })
    if site_logins:
        _show_logins(collections[0] if collections and collections[0]["name"] == "resources" else {}, site_logins)
    backend: dict[str, Any] = {"name": "github", "repo": repo, "branch": branch}
    # Without a sign-in service of the network's, the CMS would send editors to Netlify's: tokens only.
    backend.update({"base_url": auth_url} if auth_url else {"auth_methods": ["token"]})
    config: dict[str, Any] = {
        "backend": backend,
        "publish_mode": "editorial_workflow",
        "media_folder": MEDIA_FOLDER,
        "public_folder": PUBLIC_FOLDER,
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        # An optional key left empty is not written: the file keeps only what the editor gave.
        "output": {"omit_empty_optional_fields": True},
        "collections": collections,
    }
    if title:
        config["app_title"] = title
    if site_url:
        config["site_url"] = site_url
    return config


def _show_logins(resources: dict, site_logins: Mapping[str, str]) -> None:
    """Each site's login beside a resource's access: it is what `login` sends the reader through."""
    said = " ; ".join(site_logins.values())
    for access in _at(resources.get("fields", []), ("access",)):
        access["hint"] = f"{access['hint']} Connexion des lecteurs : {said}.".strip()
        for per_site in _at(access.get("fields", []), ("sites",)):
            for site in per_site.get("fields", []):
                if site["name"] in site_logins:
                    site["hint"] = f"Connexion des lecteurs de ce site : {site_logins[site['name']]}."


def _folder_collection(data_file: DataFile, choices: Choices) -> dict:
    name, label, singular = _FOLDER_LABELS[data_file.name]
    schema = data_file_schema(data_file, choices)
    fields = _fields(schema, schema.get("$defs", {}))
    _relations(fields, data_file.references)
    identifier = "name" if any(f["name"] == "name" for f in fields) else "title"
    return {
        "name": name, "label": label, "label_singular": singular,
        "description": data_file.title.replace("<id>", "identifiant"),  # the CMS would drop "<id>" as a tag
        "folder": data_file.glob.rsplit("/", 1)[0], "extension": "yml", "format": "yaml", "create": True,
        "identifier_field": identifier, "slug": "{{slug}}", "summary": f"{{{{{identifier}}}}}",
        "fields": fields,
    }


def _markdown_collection(collection: MarkdownCollection, choices: Choices,
                         post_options: dict[str, list[dict]]) -> dict:
    schema = _front_matter_schema(collection.model, choices, collection.references)
    fields = _fields(schema, schema.get("$defs", {}))
    _relations(fields, collection.references)
    for field in fields:
        options = post_options.get(field["name"]) if collection.model is PostMeta else None
        if options:
            field.pop("field", None)
            field.update(widget="select", options=options, multiple=True)
    fields.append({"name": "body", "label": "Texte", "widget": "markdown",
                   "hint": "Le texte de la page, en Markdown.", "required": False})
    return {
        "name": collection.name, "label": collection.label, "folder": collection.folder,
        "extension": "md", "format": "frontmatter", "create": True, "identifier_field": "title",
        # Posts and news are named by their day, then their title (as the guide shows); pages by their title.
        "slug": "{{year}}-{{month}}-{{day}}-{{slug}}" if collection.model is PostMeta else "{{slug}}",
        "summary": "{{title}}", "fields": fields,
    }


def _front_matter_schema(model: type[BaseModel], choices: Choices, references: str) -> dict:
    data_file = DataFile(references, f"{references}/*.md", model, "", references=references)
    return data_file_schema(data_file, choices)


def _file_entry(data_file: DataFile, choices: Choices) -> dict:
    schema = data_file_schema(data_file, choices)
    fields = _fields(schema, schema.get("$defs", {}))
    if data_file.items:
        _relations(fields, data_file.references, prefix=(data_file.items,))
    return {"name": data_file.name, "label": _FILE_LABELS[data_file.name], "file": data_file.glob,
            "format": "yaml", "fields": fields}


# --- a JSON Schema's keys, as the CMS's fields ------------------------------------------------------


def _fields(node: dict, defs: dict) -> list[dict]:
    required = set(node.get("required", []))
    return [_field(key, prop, key in required, defs) for key, prop in node.get("properties", {}).items()]


def _branches(node: dict, defs: dict) -> list[dict]:
    found = []
    for branch in node.get("anyOf") or node.get("oneOf") or [node]:
        ref = branch.get("$ref", "")
        if ref.startswith("#/$defs/"):
            found.extend(_branches(defs[ref.rsplit("/", 1)[1]], defs))
        elif branch is not node and ("anyOf" in branch or "oneOf" in branch):  # optional union: null or one of
            found.extend(_branches(branch, defs))
        elif branch.get("type") != "null":
            found.append(branch)
    return found


def _field(key: str, prop: dict, required: bool, defs: dict) -> dict:
    field: dict[str, Any] = {"name": key, "label": prop.get("title", key),
                             "hint": prop.get("description", ""), "required": required}
    default = prop.get("default")
    if default not in (None, [], {}, ""):
        field["default"] = default
    field.update(_widget(_branches(prop, defs), prop, defs))
    if field["widget"] == "hidden":  # no form: only its name, label and value
        return {key: field[key] for key in ("name", "label", "widget", "default") if key in field}
    return field


def _widget(branches: list[dict], prop: dict, defs: dict) -> dict:
    if len(branches) > 1 and all(b.get("pattern") in (DATE_PATTERN, DATE_TIME_PATTERN) for b in branches):
        return _date(branches)  # a day or a day and time: the day is what editors write
    if len(branches) > 1 and _type_key(branches):
        return _typed_object(branches, _type_key(branches), defs)
    node = branches[0] if branches else {}
    kind = node.get("type")
    if "enum" in node:
        return _select(node)
    if "const" in node:
        return {"widget": "hidden", "default": node["const"]}
    if node.get("pattern") in (DATE_PATTERN, DATE_TIME_PATTERN):
        return _date([node])
    if kind == "boolean":
        return {"widget": "boolean"}
    if kind in ("integer", "number"):
        bounds = {"min": node["minimum"]} if "minimum" in node else {}
        if "maximum" in node:
            bounds["max"] = node["maximum"]
        return {"widget": "number", "value_type": "int" if kind == "integer" else "float", **bounds}
    if kind == "array":
        items = _branches(node.get("items", {}), defs)
        item = items[0] if items else {}
        if "enum" in item:
            return {**_select(item), "multiple": True}
        if item.get("type") == "object" and "properties" in item:
            return {"widget": "list", "fields": _fields(item, defs)}
        return {"widget": "list", "field": {"name": "item", "label": prop.get("title", ""), **_widget(items, {}, defs)}}
    if kind == "object" and "properties" in node:
        return {"widget": "object", "fields": _fields(node, defs)}
    if kind == "object":
        return _keyed_mapping(node, prop.get("description", ""), defs)
    if "Markdown" in prop.get("description", ""):
        return {"widget": "markdown"}
    if "pattern" in node and "Markdown" not in prop.get("description", ""):
        return {"widget": "string", "pattern": [node["pattern"], f"Forme attendue : {prop.get('description', '')}"]}
    return {"widget": "string"}


def _type_key(branches: list[dict]) -> str | None:
    """The key whose constant value tells a union's objects apart (a site's login `kind`), if any."""
    keys = [{k for k, v in b.get("properties", {}).items() if "const" in v} for b in branches]
    common = set.intersection(*keys) if keys and all(keys) else set()
    return min(common) if common else None


def _typed_object(branches: list[dict], key: str, defs: dict) -> dict:
    """One form per kind, the editor picking the kind first (the CMS writes it under `key`)."""
    types = []
    for branch in branches:
        value = branch["properties"][key]["const"]
        fields = [f for f in _fields(branch, defs) if f["name"] != key]
        types.append({"name": value, "label": value,  # the value the file holds (`cas`, `ezproxy`…)
                      "widget": "object", "fields": fields})
    return {"widget": "object", "typeKey": key, "types": types}


def _keyed_mapping(node: dict, description: str, defs: dict) -> dict:
    """A mapping keyed by id: one optional sub-form per key when the keys are known (a resource's
    settings per site); otherwise no form field says it, and it is kept as written (see UNMAPPED)."""
    keys = node.get("propertyNames", {})
    values = _branches(node.get("additionalProperties") or {}, defs)
    if "enum" not in keys or not values or "properties" not in values[0]:
        return {"widget": "hidden"}
    fields = _fields(values[0], defs)
    return {"widget": "object", "collapsed": "auto", "fields": [
        {"name": option["value"], "label": option["label"], "hint": description, "required": False, "widget": "object",
         "collapsed": "auto", "fields": [{**field, "required": False} for field in fields]}
        for option in _select(keys)["options"]]}


def _date(branches: list[dict]) -> dict:
    # `format` would show a time picker too: a day alone is said by date_format with time_format false;
    # the picker in UTC keeps the day written the day picked, whatever the editor's time zone.
    if any(b.get("pattern") == DATE_PATTERN for b in branches):
        return {"widget": "datetime", "date_format": DATE_FORMAT, "time_format": False, "picker_utc": True}
    return {"widget": "datetime", "format": DATE_TIME_FORMAT}


def _select(node: dict) -> dict:
    labels = node.get("markdownEnumDescriptions") or []
    options = []
    for index, value in enumerate(node["enum"]):
        match = _ENUM_LABEL.match(labels[index]) if index < len(labels) else None
        options.append({"label": match["label"] if match else str(value), "value": value})
    return {"widget": "select", "options": options}


def _relations(fields: list[dict], references: str, prefix: tuple[str, ...] = ()) -> None:
    """The keys that name a library, a resource or a group: a relation over that collection."""
    for ref in FIELDS.get(references, ()):
        if ref.target not in _RELATIONS or ref.keys:
            continue
        path = ref.path if not prefix else (*prefix, "*", *ref.path)
        for field in _at(fields, path):
            multiple = field.get("widget") == "list"
            for key in ("field", "fields", "options"):
                field.pop(key, None)
            field.update(widget="relation", **_RELATIONS[ref.target], multiple=multiple)


def _at(fields: list[dict], path: tuple[str, ...]) -> list[dict]:
    """The fields at `path`; a `*` after a list's key steps into its items' fields."""
    found = [f for f in fields if f["name"] == path[0]]
    rest = path[2:] if path[1:2] == ("*",) else path[1:]
    return [hit for f in found for hit in _at(f.get("fields", []), rest)] if rest else found


# What the forms cannot say, for the closing notes: the check still judges these on every pull request.
UNMAPPED = (
    f"{AUTHORS}: a post's authors are keys of data/authors.yml's mapping; no relation reaches a mapping's "
    "keys, so they are a select of the authors known when the config is made (cms_config's `authors`)",
    "rules between keys, which the check alone says: an event's place (library, place or online_url), "
    "its end after its start, the key an access kind requires (target for login), a committee's label, "
    "a library's population when its town is not in network.towns",
    "mappings keyed by ids the project does not list (data/authors.yml's authors, a library's fields, a "
    "source's categories): a hidden field that keeps them as written; they are edited in the files "
    "(a resource's access.sites, keyed by the sites' ids, is one optional sub-form per site)",
)
