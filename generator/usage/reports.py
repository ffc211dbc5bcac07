"""What a usage report says, whatever its format: items (what was used) and their monthly counts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from ..errors import Location, Problem


@dataclass(frozen=True)
class Item:
    """One thing a report counts (a platform, a database, a title), with where the report writes it:
    its line in a table, its path of keys in JSON (located only when a problem is told).

    `resource` is set only by the simple CSV, which names the resource itself.
    """

    label: str  # how messages name it: "ligne 16", "élément 3 de Report_Items"
    platform: str = ""
    database: str = ""
    title: str = ""
    resource: str = ""
    line: int = 1
    at: tuple = ()


@dataclass(frozen=True)
class Count:
    """`count` uses of `item` for `metric` in `month` (YYYY-MM)."""

    item: Item
    month: str
    metric: str
    count: int


@dataclass
class Report:
    """One file read: its kind (a COUNTER Report_ID, or CSV), release, creation date and counts."""

    file: str
    report: str
    release: str | None = None
    created: dt.datetime | None = None
    counts: list[Count] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # A JSON report's positions, from a path of keys (parsed again only when a problem needs them).
    locate: Callable[[tuple], Location] | None = None

    def where(self, item: Item) -> Location:
        if item.at and self.locate is not None:
            return self.locate(item.at)
        return Location(self.file, item.line, 1)


def parse_created(text: str) -> dt.datetime | None:
    """A report's `Created` (ISO 8601, `Z` or an offset, or a day alone); None if unreadable."""
    text = text.strip()
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None


def whole_count(value: object) -> int | None:
    """A count as a report writes it (a JSON number, or a cell's text); None when it is not a whole number ≥ 0."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, float):
        return int(value) if value.is_integer() and value >= 0 else None
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return 0
        return int(text) if text.isascii() and text.isdigit() and len(text) < 16 else None
    return None
