"""Which key of which editor's file names which ids: the one table of references.

generator/references/ checks every field of this table, on a file's validated model and,
when the file failed its schema, on the data it holds as written: an editor then gets the
file's schema errors and its reference errors in the same run, with the same messages.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

# The vocabularies of data/taxonomy.yml (lists of terms with an id).
VOCABULARIES = ("categories", "audiences", "devices", "languages", "event_kinds", "event_series")

# What an id of each vocabulary (and of the blog's categories, a list of names in taxonomy.yml)
# is, in the messages: a key `what.<…>` of generator/messages/.
TAXONOMY_TARGETS = {"categories": "category", "audiences": "audience", "devices": "device",
                    "languages": "language", "event_kinds": "event_kind", "event_series": "event_series",
                    "blog_categories": "blog_category"}

# The other sets of ids a reference may name: what an id is (a key `what.<…>`) and where it is declared.
ID_TARGETS = {
    "sites": ("site", "data/sites.yml"),
    "public_sites": ("public_site", "data/sites.yml"),
    "libraries": ("library", "data/libraries/"),
    "resources": ("resource", "data/resources/"),
    "groups": ("group", "data/groups.yml"),
}
# A post's authors (keys of data/authors.yml) have a message of their own.
AUTHORS = "authors"


@dataclass(frozen=True)
class RefField:
    """A key (path from the top of a document or of a list's item) whose values are ids of `target`.
    A `*` in the path stands for each item of a list or each key of a mapping."""

    path: tuple[str, ...]
    target: str  # a key of TAXONOMY_TARGETS or of ID_TARGETS, or AUTHORS
    keys: bool = False  # the ids are the keys of a mapping (a resource's access.sites)

    def found(self, source: BaseModel | Mapping | None) -> list[tuple[tuple, list[str]]]:
        """Each place of this key in a validated model or in data as written, with the ids it holds there.

        Only values of the expected shape (a text, a list of texts, a mapping's text keys):
        any other shape is the schema's error, already reported.
        """
        places: list[tuple[tuple, Any]] = [((), source)]
        for key in self.path:
            if key == "*":
                places = [(at + (k,), _child(node, k)) for at, node in places for k in _members(node)]
            else:
                places = [(at + (key,), _child(node, key)) for at, node in places]
        return [(at, ids) for at, node in places if (ids := self._ids(node))]

    def _ids(self, node: Any) -> list[str]:
        if self.keys:
            node = list(node) if isinstance(node, Mapping) else None
        if isinstance(node, str):
            return [node]
        if isinstance(node, list) and all(isinstance(value, str) for value in node):
            return node
        return []


def written(source: Any, path: tuple) -> Any:
    """The value at `path` of a model or of a file's data as written (None where there is none)."""
    for key in path:
        source = _child(source, key)
    return source


def _child(node: Any, key: Any) -> Any:
    if isinstance(node, Mapping):
        return node.get(key)
    if isinstance(node, list):
        return node[key] if isinstance(key, int) and 0 <= key < len(node) else None
    if isinstance(node, BaseModel) and isinstance(key, str):
        return getattr(node, key, None)
    return None


def _members(node: Any) -> list[Any]:
    """What `*` stands for in `node`: its indexes (a list), its keys (a mapping)."""
    if isinstance(node, list):
        return list(range(len(node)))
    if isinstance(node, Mapping):
        return list(node)
    return []


def _fields(*declared: tuple[str, str] | tuple[str, str, bool]) -> tuple[RefField, ...]:
    return tuple(RefField(tuple(path.split(".")), target, *keys) for path, target, *keys in declared)


# Each kind of editor's file (a folder of data/, or a kind of Markdown front matter) and its references.
FIELDS: dict[str, tuple[RefField, ...]] = {
    "resources": _fields(("category", "categories"), ("audiences", "audiences"), ("devices", "devices"),
                         ("languages", "languages"), ("sites", "public_sites"),
                         ("access.sites", "sites", True)),
    "libraries": _fields(("sites", "public_sites")),
    "events": _fields(("kind", "event_kinds"), ("series", "event_series"), ("audiences", "audiences"),
                      ("library", "libraries"), ("resources", "resources"), ("group", "groups")),
    "blog": _fields(("authors", AUTHORS), ("categories", "blog_categories"), ("sites", "public_sites")),
    "news": _fields(("sites", "public_sites")),
    "pages": _fields(("sites", "sites")),
    # an item of data/groups.yml's groups, of data/sources.yml's sources
    "groups": _fields(("members", "libraries"), ("people.*.library", "libraries")),
    "sources": _fields(("resource", "resources"), ("library", "libraries"), ("default_kind", "event_kinds"),
                       ("event_kind", "event_kinds"), ("categories.*", "event_kinds"), ("audiences", "audiences")),
}
