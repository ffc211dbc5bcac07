"""Parsers: bytes of one source -> plain records (dicts ready for the store). Pure, no I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class ParseError(Exception):
    """The document is not usable (malformed, wrong encoding, hostile); the message is the reason."""


@dataclass
class Parsed:
    """Records found in one document; `entries` counts every entry read, `skipped` those dropped."""

    records: list[dict[str, Any]] = field(default_factory=list)
    entries: int = 0
    skipped: int = 0
    _ids: set[str] = field(default_factory=set, repr=False)

    def add(self, record: dict[str, Any] | None) -> None:
        """Count one entry read; keep its record unless unreadable or a repeat of an earlier id."""
        self.entries += 1
        if record is None or record["id"] in self._ids:
            self.skipped += 1
            return
        self._ids.add(record["id"])
        self.records.append(record)
