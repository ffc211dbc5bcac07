"""Lay the months of newly read reports over what data/usage/ holds, and say what changed.

A month has one source. For each resource and month a report gives:
- absent until now: added;
- the same counts from the same report (id, release, creation date): unchanged, even if the file was renamed;
- the stored month came from a report created later than this one: kept (an older report never wins);
- otherwise: replaced, whole (metrics the new report lacks are not kept from the old one).
Reports are laid in the order given, so a run behaves as importing them one after the other.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import PurePath

from ..models.base import TEXT_MAX
from ..models.usage import MonthSource, MonthUsage
from .mapping import Monthly
from .reports import Report

Months = dict[str, MonthUsage]
_UNSHOWN = re.compile(r"[<>\x00-\x1f\x7f]")  # a file name is recorded as plain text


@dataclass
class Outcome:
    """What one report did to one resource's months."""

    resource: str
    file: str
    added: list[str] = field(default_factory=list)
    replaced: list[tuple[str, str]] = field(default_factory=list)  # (month, file it came from)
    kept: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def source_of(report: Report) -> MonthSource:
    """Where the months of `report` came from: its id, release, file name (not its folder) and creation date."""
    name = _UNSHOWN.sub("_", PurePath(report.file).name)[:TEXT_MAX]
    return MonthSource(report=report.report, release=report.release, file=name, created=report.created)


def merged(existing: Mapping[str, Months], reports: list[tuple[Report, Monthly]]) -> tuple[dict[str, Months],
                                                                                          list[Outcome]]:
    """Every resource's months after the reports, and one outcome per report and resource."""
    result = {resource: dict(months) for resource, months in existing.items()}
    outcomes = []
    for report, monthly in reports:
        source = source_of(report)
        for resource, months in sorted(monthly.items()):
            outcome = Outcome(resource, report.file)
            stored = result.setdefault(resource, {})
            for month, counts in sorted(months.items()):
                fresh = MonthUsage(counts=dict(sorted(counts.items())), source=source)
                before = stored.get(month)
                if before is None:
                    outcome.added.append(month)
                elif _same(before, fresh):
                    outcome.unchanged.append(month)
                    continue
                elif _newer(before.source, source):
                    outcome.kept.append(month)
                    continue
                else:
                    outcome.replaced.append((month, before.source.file))
                stored[month] = fresh
            outcomes.append(outcome)
    return {resource: dict(sorted(months.items())) for resource, months in result.items()}, outcomes


def _same(before: MonthUsage, fresh: MonthUsage) -> bool:
    old, new = before.source, fresh.source
    return before.counts == fresh.counts and (old.report, old.release, old.created) == \
        (new.report, new.release, new.created)


def _newer(stored: MonthSource, incoming: MonthSource) -> bool:
    if stored.created is None or incoming.created is None:
        return False
    try:
        return stored.created > incoming.created
    except TypeError:  # one date with a time zone, one without: compare as written
        return stored.created.replace(tzinfo=None) > incoming.created.replace(tzinfo=None)
