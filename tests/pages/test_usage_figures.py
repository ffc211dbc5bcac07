"""The usage figures (generator/view/usage.py) from small usage files written inline: the main metric,
the window and its comparison year, totals by month and by category, cost per use (a missing cost,
a year without use), the share of readers, and the « Populaire » top quarter with its ties."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from generator.models.resource import Resource
from generator.models.usage import UsageFile
from generator.view.usage import (Period, headline_cost, last_complete_month, main_metric, network_usage, popular,
                                  popular_resources, resource_figures, shift, window)
from tests.pages.test_mediation import CAFE

NOW = datetime(2026, 11, 21, 10, 0)  # the last complete month is 2026-10


def resource(rid: str, category: str = "autoformation", costs: dict[int, str] | None = None,
             title: str | None = None) -> Resource:
    usage = {"yearly_costs": [{"year": y, "amount": a} for y, a in (costs or {}).items()]} if costs else None
    return Resource.model_validate({**CAFE, "id": rid, "title": title or rid.capitalize(), "category": category,
                                    "usage": usage})


def usage(rid: str, months: dict[str, dict[str, int]]) -> UsageFile:
    source = {"report": "CSV", "file": f"{rid}.csv"}
    return UsageFile.model_validate({"id": rid, "months": {
        month: {"counts": counts, "source": source} for month, counts in months.items()}})


def monthly(first: str, count: int, metric: str = "Total_Item_Requests", start: int = 100, step: int = 10,
            **others: int) -> dict[str, dict[str, int]]:
    return {shift(first, i): {metric: start + step * i, **others} for i in range(count)}


def test_the_main_metric_is_total_item_requests_else_unique_else_the_first_by_name():
    assert main_metric(usage("a", {"2026-01": {"Unique_Item_Requests": 2, "Total_Item_Requests": 5,
                                               "Searches_Platform": 9}})) == "Total_Item_Requests"
    assert main_metric(usage("a", {"2026-01": {"Unique_Item_Requests": 2, "Searches_Platform": 9}})) \
        == "Unique_Item_Requests"
    assert main_metric(usage("a", {"2026-01": {"sessions": 4, "prets": 3, "utilisateurs": 1}})) == "prets"
    assert main_metric(usage("a", {})) is None


def test_the_window_ends_at_the_last_complete_month_with_data_and_spans_24_months():
    assert last_complete_month(NOW) == "2026-10"
    assert last_complete_month(datetime(2026, 1, 3)) == "2025-12"
    # Data up to the build's own month: that month is not complete and is left out.
    files = [usage("a", monthly("2023-01", 47))]  # 2023-01 .. 2026-11
    months = window(files, NOW)
    assert (len(months), months[0], months[-1]) == (24, "2024-11", "2026-10")
    # A provider late by two months: the window ends at the last month some resource has.
    assert window([usage("a", monthly("2025-01", 20))], NOW)[-1] == "2026-08"
    # Fewer months than 24: the window starts at the first month with data.
    assert window([usage("a", monthly("2026-03", 5))], NOW) == ("2026-03", "2026-04", "2026-05", "2026-06",
                                                                 "2026-07")
    assert window([usage("a", {"2026-11": {"sessions": 1}})], NOW) == ()


def test_each_month_is_compared_with_the_same_month_a_year_earlier_and_a_missing_month_stays_unknown():
    data = monthly("2024-11", 24)  # 2024-11 .. 2026-10: 100, 110, … 330
    del data["2026-02"]  # a month without a report: unknown, not 0
    files = {"a": usage("a", data)}
    months = window(files.values(), NOW)
    figures = resource_figures(resource("a"), files["a"], months, None)
    points = {p.month: p for p in figures.points}
    assert (points["2026-10"].value, points["2026-10"].before) == (330, 210)
    assert (points["2025-10"].value, points["2025-10"].before) == (210, None)  # 2024-10: before the data
    assert (points["2026-02"].value, points["2026-02"].before) == (None, 130)
    recent = [100 + 10 * i for i in range(12, 24) if i != 15]  # 2025-11 .. 2026-10 without 2026-02
    assert figures.last12 == Period(sum(recent), 11)
    assert figures.before12 == Period(sum(100 + 10 * i for i in range(12)), 12)
    # The change pairs only the months that have data both years.
    paired_before = sum(100 + 10 * i for i in range(12) if i != 3)
    assert figures.change == Decimal(sum(recent) - paired_before) / Decimal(paired_before)


def test_network_totals_by_month_and_by_category_in_the_taxonomy_s_order():
    resources = {"a": resource("a", "presse"), "b": resource("b", "presse"), "c": resource("c", "cinema"),
                 "d": resource("d", "cinema")}
    files = {"a": usage("a", monthly("2025-11", 12, start=10, step=0)),
             "b": usage("b", monthly("2026-09", 2, metric="sessions", start=5, step=0)),
             "c": usage("c", monthly("2024-11", 24, start=1, step=0))}  # d has no file
    figures = network_usage(resources, files, ["cinema", "musique", "presse"], [], NOW)
    assert figures.months[0] == "2024-11" and len(figures.months) == 24
    totals = {p.month: p for p in figures.totals}
    assert (totals["2024-11"].value, totals["2024-11"].before) == (1, None)
    assert (totals["2026-08"].value, totals["2026-08"].before) == (11, 1)
    assert (totals["2026-10"].value, totals["2026-10"].before) == (16, 1)
    assert [(c.category, c.resources, c.last12.total, c.before12.total) for c in figures.categories] == [
        ("cinema", 1, 12, 12), ("presse", 2, 130, None)]
    assert figures.last12 == Period(142, 12)
    # c alone has data both years, and did not change: b, new, and a, without a year before, are no growth.
    assert figures.change == 0 and figures.categories[0].change == 0 and figures.categories[1].change is None
    assert [f.resource.id for f in figures.with_data] == ["a", "b", "c"]


def test_cost_per_use_for_each_year_with_a_cost_and_data_and_never_a_division_by_zero():
    months = window([usage("a", monthly("2024-11", 24))], NOW)
    res = resource("a", costs={2024: "50.00", 2025: "1200.00", 2026: "999.99", 2023: "10.00"})
    data = {**monthly("2024-11", 2, start=0, step=0), **monthly("2025-01", 12, start=100, step=0),
            **monthly("2026-01", 10, start=3, step=0)}
    figures = resource_figures(res, usage("a", data), months, None)
    by_year = {c.year: c for c in figures.costs}
    assert sorted(by_year) == [2024, 2025, 2026]  # 2023 has a cost and no data
    assert (by_year[2024].uses, by_year[2024].months, by_year[2024].per_use) == (0, 2, None)  # no use: no quotient
    assert (by_year[2025].uses, by_year[2025].months, by_year[2025].per_use) == (1200, 12, Decimal("1.00"))
    assert (by_year[2026].uses, by_year[2026].per_use) == (30, Decimal("33.33"))  # 999.99 / 30, to the cent
    assert figures.cost == by_year[2025]  # the latest whole year first
    assert headline_cost((by_year[2024], by_year[2026])) == by_year[2026]  # else the latest year
    assert headline_cost(()) is None
    # No cost declared, or no data: no cost per use.
    assert resource_figures(resource("a"), usage("a", data), months, None).costs == ()
    assert resource_figures(res, None, months, None).costs == ()


def test_the_share_of_readers_only_where_a_file_counts_distinct_users():
    months = window([usage("a", monthly("2025-11", 12))], NOW)
    with_users = usage("a", {m: {"sessions": 50, "utilisateurs": 40 + 20 * (i % 2)}
                             for i, m in enumerate(months)})
    figures = resource_figures(resource("a"), with_users, months, 1000)
    assert figures.users_metric == "utilisateurs"
    assert figures.users_by_month == Decimal(50)
    assert figures.readers_share == Decimal("0.05")
    assert resource_figures(resource("a"), with_users, months, None).readers_share is None  # no readers declared
    counter = resource_figures(resource("a"), usage("a", monthly("2025-11", 12)), months, 1000)
    assert (counter.users_metric, counter.users_by_month, counter.readers_share) == (None, None, None)


def test_popular_is_the_top_quarter_of_categories_with_four_resources_with_data_ties_by_title():
    resources = {
        # presse: 8 with data -> the top 2.
        **{f"p{i}": resource(f"p{i}", "presse", title=f"Presse {chr(72 - i)}") for i in range(8)},
        # cinema: 3 with data (and one without): too few to say.
        **{f"c{i}": resource(f"c{i}", "cinema") for i in range(4)},
        # musique: 5, all equal: one, the first by title.
        **{f"m{i}": resource(f"m{i}", "musique", title=f"Musique {chr(69 - i)}") for i in range(5)},
    }
    totals = {"p0": 500, "p1": 900, "p2": 700, "p3": 700, "p4": 10, "p5": 20, "p6": 30, "p7": 40,
              "c0": 1000, "c1": 2000, "c2": 3000, **{f"m{i}": 7 for i in range(5)}}
    files = {rid: usage(rid, {"2026-10": {"sessions": total}}) for rid, total in totals.items()}
    marked = popular_resources(resources, files, NOW)
    # p1 first; p2 and p3 tie at 700: p3 is « Presse E », before p2 « Presse F ».
    assert marked == {"p1", "p3", "m4"}
    # The same ids in any order of the resources (deterministic).
    assert popular_resources(dict(reversed(resources.items())), files, NOW) == marked
    # Data older than the last 12 months does not count: an old giant of « cinema » makes no 4th resource.
    old = {**resources, "c3": resource("c3", "cinema")}
    assert popular_resources(old, {**files, "c3": usage("c3", {"2025-05": {"sessions": 99999}})}, NOW) == marked
    # All at 0: nobody is popular.
    months = window(files.values(), NOW)
    zero = [resource_figures(resource(f"z{i}", "jeunesse"), usage(f"z{i}", {"2026-10": {"sessions": 0}}),
                             months, None) for i in range(4)]
    assert popular(zero) == frozenset()
