"""The state every cross-reference check shares, and how a problem is told at its place."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import Location, Problem
from ..load.project import Sources
from ..load.yaml_source import YamlDocument
from ..messages import say
from ..models.library import Library
from ..models.network_facts import Town
from ..schema_errors import label
from .checked import Checked, Known


class ReferenceChecks:
    """The base of each job's checks (ids.py, addresses.py, …): what they read and where they report.
    The state is set by References (check.py)."""

    graph: Checked
    sources: Sources
    docs: dict
    problems: list[Problem]
    vocab: Mapping[str, Known]
    known: Mapping[str, set[str]]
    site_ids: Known
    public_ids: Known
    towns: dict[str, Town] | None
    town_slugs: dict[str, Town]
    undeclared_slugs: dict[str, Library]
    undeclared_populations: dict[str, Library]
    _known_ids: dict[str, Known]

    def _add(self, location: Location, message: str) -> None:
        self.problems.append(Problem(location, message))

    def _say(self, doc: YamlDocument, path: tuple, message: str) -> str:
        """`message` after the place it is about: '2e groupe (id copil) › members : …'."""
        where = label(path, doc.data)
        return f"{where} : {message}" if where else message

    def _unique(self, doc: YamlDocument, key: str, ids: list[Any]) -> None:
        seen: set[Any] = set()
        for index, value in enumerate(ids):
            if value is None:
                continue
            if value in seen:
                path = (key, index, "id")
                self._add(doc.locate(path), self._say(doc, path, say("ref.duplicate", id=value)))
            seen.add(value)
