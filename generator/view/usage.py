"""Usage figures for the pro site and the public portals: pure functions of the graph and the build's now.

Rules (the pages say them too):
- A resource's **main metric** is `Total_Item_Requests` when its file has it, else
  `Unique_Item_Requests`, else its file's first metric (files list a month's counts in name order,
  so a simple CSV's `prets`, `sessions`…: the first by name).
- The **window** ends at the last month before the build's month (the last complete one) that
  some resource has data for, and spans 24 months, starting later when no resource has data that
  early. Each month is compared with the same month a year earlier. A month without data is
  unknown (None), never 0.
- **Cost per use** of a year = the year's declared cost / the year's main-metric total, for each
  year with both (months up to the window's end); a year with no use has no cost per use.
- **Share of readers**: where a file counts distinct users (`utilisateurs` or `users`, a simple
  CSV's column), their average by month over the last 12 months / the readers the libraries'
  profiles declare. Nothing else gives it: COUNTER reports count items and sessions, not people.
- **Popular**: in each category with at least 4 resources having data over the last 12 months, the
  top quarter (rounded down) by that total; equal totals are ordered by title, then id.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Iterable, Mapping

from ..i18n import sort_key
from ..models.library import Library
from ..models.resource import Resource
from ..models.usage import UsageFile

MAIN_METRICS = ("Total_Item_Requests", "Unique_Item_Requests")
USER_METRICS = ("utilisateurs", "users")
WINDOW_MONTHS = 24
YEAR = 12
POPULAR_MIN_RESOURCES = 4
CENT = Decimal("0.01")


def month_of(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def shift(month: str, months: int) -> str:
    """'2026-03' shifted by MONTHS (negative: earlier)."""
    index = int(month[:4]) * 12 + int(month[5:7]) - 1 + months
    return month_of(index // 12, index % 12 + 1)


def last_complete_month(now: datetime) -> str:
    """The month before the build's month: '2026-11-21' -> '2026-10'."""
    return shift(month_of(now.year, now.month), -1)


def main_metric(usage: UsageFile) -> str | None:
    metrics = {metric for month in usage.months.values() for metric in month.counts}
    for metric in MAIN_METRICS:
        if metric in metrics:
            return metric
    return min(metrics) if metrics else None


def users_metric(usage: UsageFile) -> str | None:
    metrics = {metric for month in usage.months.values() for metric in month.counts}
    return next((metric for metric in USER_METRICS if metric in metrics), None)


def value(usage: UsageFile | None, metric: str | None, month: str) -> int | None:
    if usage is None or metric is None or month not in usage.months:
        return None
    return usage.months[month].counts.get(metric)


def window(usages: Iterable[UsageFile], now: datetime) -> tuple[str, ...]:
    """The months the figures show, oldest first; () when no resource has data before the build's month."""
    last = last_complete_month(now)
    months = {month for usage in usages for month in usage.months if month <= last}
    if not months:
        return ()
    end = max(months)
    start = max(shift(end, 1 - WINDOW_MONTHS), min(months))
    span = []
    month = start
    while month <= end:
        span.append(month)
        month = shift(month, 1)
    return tuple(span)


@dataclass(frozen=True)
class MonthPoint:
    month: str  # 'YYYY-MM'
    value: int | None  # None: no data that month
    before: int | None  # the same month a year earlier


@dataclass(frozen=True)
class Period:
    """A sum over some months: None when none of them has data."""

    total: int | None
    months: int  # how many months had data


def _period(values: Iterable[int | None]) -> Period:
    known = [v for v in values if v is not None]
    return Period(sum(known) if known else None, len(known))


def change(points: Iterable[MonthPoint]) -> Decimal | None:
    """The change over the months that have data both this year and a year earlier (a ratio, +0.08 = +8 %)."""
    pairs = [(p.value, p.before) for p in points if p.value is not None and p.before is not None]
    before = sum(b for _, b in pairs)
    if not pairs or before == 0:
        return None
    return Decimal(sum(v for v, _ in pairs) - before) / Decimal(before)


@dataclass(frozen=True)
class CostPerUse:
    year: int
    cost: Decimal
    uses: int  # the main metric's total over the year's months with data
    months: int  # the year's months with data (12: a whole year)
    per_use: Decimal | None  # in euros, to the cent; None when there was no use


def costs_per_use(resource: Resource, usage: UsageFile | None, metric: str | None,
                  last: str) -> tuple[CostPerUse, ...]:
    """One per year declaring a cost and having data (months up to LAST), oldest first."""
    if resource.usage is None or usage is None or metric is None:
        return ()
    found = []
    for cost in sorted(resource.usage.yearly_costs, key=lambda c: c.year):
        months = [month_of(cost.year, m) for m in range(1, 13) if month_of(cost.year, m) <= last]
        period = _period(value(usage, metric, month) for month in months)
        if period.total is None:
            continue
        per_use = (Decimal(cost.amount) / period.total).quantize(CENT, ROUND_HALF_UP) if period.total else None
        found.append(CostPerUse(cost.year, Decimal(cost.amount), period.total, period.months, per_use))
    return tuple(found)


def headline_cost(costs: tuple[CostPerUse, ...]) -> CostPerUse | None:
    """The cost per use an overview shows: the latest whole year's, else the latest year's."""
    whole = [c for c in costs if c.months == YEAR]
    return (whole or list(costs) or [None])[-1]


@dataclass(frozen=True)
class ResourceFigures:
    resource: Resource
    metric: str | None  # None: no usage data
    points: tuple[MonthPoint, ...]  # the window
    last12: Period  # the window's last 12 months
    before12: Period  # the same months a year earlier
    change: Decimal | None  # last 12 months against the same months a year earlier, where both have data
    costs: tuple[CostPerUse, ...]
    cost: CostPerUse | None  # the one an overview shows
    users_metric: str | None
    users_by_month: Decimal | None  # average distinct users by month over the last 12 months
    readers_share: Decimal | None  # users_by_month / the network's readers (a ratio)

    @property
    def has_data(self) -> bool:
        return self.last12.total is not None or any(p.value is not None for p in self.points)


def resource_figures(resource: Resource, usage: UsageFile | None, months: tuple[str, ...],
                     readers: int | None) -> ResourceFigures:
    metric = main_metric(usage) if usage is not None else None
    points = tuple(MonthPoint(month, value(usage, metric, month), value(usage, metric, shift(month, -YEAR)))
                   for month in months)
    recent = points[-YEAR:]
    users = users_metric(usage) if usage is not None else None
    user_counts = [v for v in (value(usage, users, p.month) for p in recent) if v is not None]
    by_month = (Decimal(sum(user_counts)) / len(user_counts)) if user_counts else None
    share = by_month / readers if by_month is not None and readers else None
    costs = costs_per_use(resource, usage, metric, months[-1]) if months else ()
    return ResourceFigures(
        resource, metric, points, _period(p.value for p in recent), _period(p.before for p in recent),
        change(recent), costs, headline_cost(costs), users, by_month, share)


@dataclass(frozen=True)
class CategoryTotal:
    category: str  # the taxonomy's id
    resources: int  # resources with data over the last 12 months
    last12: Period
    before12: Period
    change: Decimal | None  # resource by resource, over the months each has both years


@dataclass(frozen=True)
class NetworkUsage:
    months: tuple[str, ...]  # the window, oldest first
    readers: int | None  # the readers the libraries' profiles declare
    resources: tuple[ResourceFigures, ...]  # every resource, by title
    totals: tuple[MonthPoint, ...]  # the main metrics summed by month (a month with no data at all: None)
    categories: tuple[CategoryTotal, ...]  # in the taxonomy's order, those with data
    last12: Period
    before12: Period
    change: Decimal | None  # resource by resource, over the months each has both years

    @property
    def with_data(self) -> tuple[ResourceFigures, ...]:
        return tuple(figures for figures in self.resources if figures.has_data)


def _summed(points: Iterable[Iterable[MonthPoint]], months: tuple[str, ...]) -> tuple[MonthPoint, ...]:
    values: dict[str, list[int]] = defaultdict(list)
    before: dict[str, list[int]] = defaultdict(list)
    for series in points:
        for point in series:
            if point.value is not None:
                values[point.month].append(point.value)
            if point.before is not None:
                before[point.month].append(point.before)
    return tuple(MonthPoint(m, sum(values[m]) if m in values else None, sum(before[m]) if m in before else None)
                 for m in months)


def readers_declared(libraries: Iterable[Library]) -> int | None:
    """Active readers the libraries' profiles declare (adults and youth); None when none does."""
    counts = [count for lib in libraries if lib.profile and lib.profile.readers
              for count in (lib.profile.readers.adults, lib.profile.readers.youth) if count is not None]
    return sum(counts) if counts else None


def network_usage(resources: Mapping[str, Resource], usage: Mapping[str, UsageFile], categories: Iterable[str],
                  libraries: Iterable[Library], now: datetime) -> NetworkUsage:
    """Every figure of the usage pages. CATEGORIES: the taxonomy's category ids, in its order."""
    months = window((usage[rid] for rid in resources if rid in usage), now)
    readers = readers_declared(libraries)
    figures = tuple(resource_figures(res, usage.get(rid), months, readers)
                    for rid, res in sorted(resources.items(), key=lambda item: (sort_key(item[1].title), item[0])))
    totals = _summed((f.points for f in figures), months)
    recent = totals[-YEAR:]
    by_category: dict[str, list[ResourceFigures]] = defaultdict(list)
    for f in figures:
        if f.last12.total is not None:
            by_category[f.resource.category].append(f)
    category_totals = []
    for cid in categories:
        if cid in by_category:
            summed = _summed((f.points[-YEAR:] for f in by_category[cid]), months[-YEAR:])
            category_totals.append(CategoryTotal(
                cid, len(by_category[cid]), _period(p.value for p in summed), _period(p.before for p in summed),
                change(p for f in by_category[cid] for p in f.points[-YEAR:])))
    # The change pairs each resource's months with its own a year earlier: a resource whose reports
    # start this year does not read as the network's growth.
    return NetworkUsage(months, readers, figures, totals, tuple(category_totals),
                        _period(p.value for p in recent), _period(p.before for p in recent),
                        change(p for f in figures for p in f.points[-YEAR:]))


def popular(figures: Iterable[ResourceFigures]) -> frozenset[str]:
    """The ids of the resources in the top quarter of their category over the last 12 months."""
    by_category: dict[str, list[ResourceFigures]] = defaultdict(list)
    for f in figures:
        if f.last12.total is not None:
            by_category[f.resource.category].append(f)
    marked: set[str] = set()
    for members in by_category.values():
        if len(members) < POPULAR_MIN_RESOURCES:
            continue
        ranked = sorted(members, key=lambda f: (-f.last12.total, sort_key(f.resource.title), f.resource.id))
        marked.update(f.resource.id for f in ranked[: len(members) // 4] if f.last12.total > 0)
    return frozenset(marked)


def popular_resources(resources: Mapping[str, Resource], usage: Mapping[str, UsageFile],
                      now: datetime) -> frozenset[str]:
    """`popular` from the graph's resources and usage, without the readers (the portals' mark)."""
    months = window((usage[rid] for rid in resources if rid in usage), now)
    return popular(resource_figures(res, usage.get(rid), months, None) for rid, res in resources.items())
