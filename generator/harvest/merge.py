"""Merge a fresh harvest into the last good one (pure): dedupe, first/last seen, grace period.

A record present now has no `last_seen` key: it is implied by the source's last
success, which keeps the nightly diff to the lines that really changed. A record
missing from the source gets `last_seen` (the last successful run that still had
it) and is dropped once the grace period has passed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ..messages import count, say

Record = dict[str, Any]
DROP_GUARD_MIN = 20  # below this many records a shrinking feed is not suspicious
DROP_GUARD_RATIO = 0.5


@dataclass(frozen=True)
class Merged:
    records: list[Record]
    added: int = 0
    updated: int = 0
    vanished: int = 0  # missing from the source, kept for the grace period
    dropped: int = 0  # missing for longer than the grace period, removed now


def refusal(previous_count: int, fresh_count: int, *, guard_drop: bool = True) -> str | None:
    """Why a fresh result must not replace the last good one, or None.

    `guard_drop` is off for agendas: their upcoming events may halve between two seasons.
    """
    if fresh_count == 0 and previous_count > 0:
        return say("harvest.refused_empty", previous=previous_count)
    if guard_drop and previous_count >= DROP_GUARD_MIN and fresh_count < previous_count * DROP_GUARD_RATIO:
        return say("harvest.refused_drop", fresh=count(fresh_count, "count.entry"), previous=previous_count)
    return None


def merge(previous: list[Record], fresh: list[Record], *, today: date, last_success: date | None,
          grace_days: int, keep_vanished: bool = True) -> Merged:
    """`keep_vanished` off: a record missing from the source goes now (the source lists all it has)."""
    before = {r["id"]: r for r in previous}
    out: dict[str, Record] = {}
    added = updated = vanished = dropped = 0
    for record in fresh:
        old = before.get(record["id"])
        merged = dict(record)
        if old is None:
            merged["first_seen"] = today.isoformat()
            added += 1
        else:
            merged["first_seen"] = old.get("first_seen", today.isoformat())
            if _content(old) != _content(merged):
                updated += 1
        out[record["id"]] = merged
    for ident, old in before.items():
        if ident in out:
            continue
        last_seen = old.get("last_seen") or (last_success or today).isoformat()
        if not keep_vanished or (today - date.fromisoformat(last_seen)).days > grace_days:
            dropped += 1
            continue
        out[ident] = {**old, "last_seen": last_seen}
        vanished += 1
    return Merged([out[k] for k in sorted(out)], added, updated, vanished, dropped)


def _content(record: Record) -> Record:
    return {k: v for k, v in record.items() if k not in ("first_seen", "last_seen")}
