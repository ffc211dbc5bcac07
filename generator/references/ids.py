"""Ids and vocabularies: each reference of generator/reference_fields.py's table names something declared."""

from __future__ import annotations

import difflib
from typing import Any

from ..load.yaml_source import YamlDocument
from ..messages import say, unknown_id
from ..reference_fields import AUTHORS, FIELDS, ID_TARGETS, TAXONOMY_TARGETS
from .checked import Known
from .report import ReferenceChecks


class IdChecks(ReferenceChecks):
    def _fields(self, doc: YamlDocument, kind: str, source: Any, at: tuple = ()) -> None:
        """Check every reference of generator/reference_fields.py's table that a `kind` of file (or of
        a list's item, at `at` in its file) holds."""
        for field in FIELDS[kind]:
            for path, values in field.found(source):
                path = at + path
                if field.target == AUTHORS:
                    self._authors(doc, path, values)
                elif field.target in TAXONOMY_TARGETS:
                    self._in(doc, path, values, field.target)
                else:
                    what, where = ID_TARGETS[field.target]
                    self._ids(doc, path, values, self._known_ids[field.target], what, where)

    def _as_written(self, doc: YamlDocument, kind: str, data: Any, at: tuple = ()) -> None:
        """The references of a file (or a list's item) that failed its schema, as written: told in the
        same run as its schema errors. A value the schema already refused at the same place is not told twice."""
        refused = {problem.location for problem in self.problems if problem.location.file == doc.file}
        start = len(self.problems)
        self._fields(doc, kind, data, at)
        self.problems[start:] = [p for p in self.problems[start:] if p.location not in refused]

    def _authors(self, doc: YamlDocument, path: tuple, values: list[str]) -> None:
        authors = self.graph.known_authors
        for index, author in enumerate(values if authors is not None else ()):
            if author not in authors:
                close = difflib.get_close_matches(author, sorted(authors), n=1)
                at = path + (index,)
                self._add(doc.locate(at), self._say(doc, at, say(
                    "ref.unknown_author", id=author, close=say("ref.author_close", close=close[0]) if close else "")))

    def _in(self, doc: YamlDocument, path: tuple, values: list[str], vocab: str) -> None:
        self._ids(doc, path, values, self.vocab.get(vocab), TAXONOMY_TARGETS[vocab],
                  say("where.vocabulary", vocabulary=vocab))

    def _ids(self, doc: YamlDocument, path: tuple, values: list[str], known: Known, what: str, where: str) -> None:
        """Report each of `values` not in `known` (nothing when `known` is None: its file is unreadable).
        `what` names the kind of id (a key `what.<what>` of generator/messages/)."""
        if known is None:
            return
        what = what.replace(" ", "_")
        for index, value in enumerate(values):
            if value not in known:
                at = path + (index,) if len(values) > 1 or (path + (0,)) in doc.positions else path
                close = difflib.get_close_matches(value, sorted(known), n=1)
                self._add(doc.locate(at), self._say(doc, at, unknown_id(what, value, known, where,
                                                                        close[0] if close else None)))
