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
