"""Each report item to its resource, by the names the resources' `usage:` blocks declare.

Platform reports (PR, PR_P1) and title reports (TR_B1, TR_J1) go by the item's Platform;
database reports (DR, DR_D1) by its Database, else by its Platform (a resource that takes a
provider's whole platform). Names match whatever their case and spacing. The simple CSV
names the resource's id itself. The counts of every item of a resource are summed by month
and metric (a title report gives a resource the total of its titles).
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass

from ..errors import Location, Problem
from ..messages import say
from ..models.usage import SIMPLE_CSV, ResourceUsage
from .reports import Item, Report

COUNT_MAX = 100_000_000  # models.quantities.Count's bound: a month's count beyond it is a broken report
Monthly = dict[str, dict[str, dict[str, int]]]
"""resource id → month → metric → count."""


def name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


@dataclass(frozen=True)
class Declared:
    """What the resources declare, indexed once: who takes which platform, which database."""

    platforms: Mapping[str, str]
    databases: Mapping[str, str]
    titles: Mapping[str, str]  # every resource id → its title (the simple CSV may name any resource)

    @classmethod
    def of(cls, usage: Mapping[str, ResourceUsage | None], titles: Mapping[str, str]) -> "Declared":
        platforms: dict[str, str] = {}
        databases: dict[str, str] = {}
        for resource_id, block in sorted(usage.items()):
            if block is None:
                continue
            if block.platform:
                platforms.setdefault(name_key(block.platform), resource_id)
            for database in block.databases:
                databases.setdefault(name_key(database), resource_id)
        return cls(platforms, databases, dict(titles))


def monthly_counts(report: Report, declared: Declared) -> tuple[Monthly, list[Problem]]:
    """The report's counts summed by resource, month and metric; a problem for each name no resource declares
    (once per name, at its first item, with how many more items carry it)."""
    found: Monthly = {}
    unmapped: dict[tuple[str, str], list[Item]] = {}
    resolved: dict[Item, str | None] = {}
    for count in report.counts:
        if count.item not in resolved:
            resolved[count.item] = _resource(report.report, count.item, declared)
            if resolved[count.item] is None:
                unmapped.setdefault(_unmapped_key(report.report, count.item), []).append(count.item)
        resource = resolved[count.item]
        if resource is None:
            continue
        metrics = found.setdefault(resource, {}).setdefault(count.month, {})
        metrics[count.metric] = metrics.get(count.metric, 0) + count.count
    problems = [_unmapped(report, items, declared) for items in unmapped.values()]
    problems += [Problem(Location(report.file, 1, 1), say("usage.too_large", resource=resource, month=month,
                                                          metric=metric, count=total, limit=COUNT_MAX))
                 for resource, months in sorted(found.items()) for month, metrics in sorted(months.items())
                 for metric, total in sorted(metrics.items()) if total > COUNT_MAX]
    return found, problems


def _resource(report: str, item: Item, declared: Declared) -> str | None:
    if report == SIMPLE_CSV:
        return item.resource if item.resource in declared.titles else None
    if report.startswith("DR") and name_key(item.database) in declared.databases:
        return declared.databases[name_key(item.database)]
    return declared.platforms.get(name_key(item.platform))


def _unmapped_key(report: str, item: Item) -> tuple[str, str]:
    if report == SIMPLE_CSV:
        return ("resource", item.resource)
    if report.startswith("DR"):
        return ("database", name_key(item.database))
    return ("platform", name_key(item.platform))


def _unmapped(report: Report, items: list[Item], declared: Declared) -> Problem:
    first, where = items[0], report.where(items[0])
    more = say("usage.unmapped_more", count=len(items) - 1) if len(items) > 1 else ""
    if report.report == SIMPLE_CSV:
        close = difflib.get_close_matches(first.resource, list(declared.titles), n=1)
        return Problem(where, say("usage.unknown_csv_resource", line=first.line, id=first.resource,
                                        close=say("usage.close_id", id=close[0]) if close else ""))
    if report.report.startswith("DR"):
        return Problem(where, say("usage.unmapped_database", item=first.label, name=first.database,
                                        platform=first.platform, more=more,
                                        close=_close_resource(first.database or first.platform, declared)))
    return Problem(where, say("usage.unmapped_platform", item=first.label, name=first.platform, more=more,
                                    close=_close_resource(first.platform, declared)))


def _close_resource(name: str, declared: Declared) -> str:
    """The resource whose title or id is closest to a report's name, offered as the file to edit."""
    by_name = {name_key(title): resource_id for resource_id, title in declared.titles.items()}
    by_name.update({resource_id: resource_id for resource_id in declared.titles})
    close = difflib.get_close_matches(name_key(name), list(by_name), n=1, cutoff=0.5)
    if not close:
        return ""
    resource_id = by_name[close[0]]
    return say("usage.close_resource", id=resource_id, title=declared.titles[resource_id])
