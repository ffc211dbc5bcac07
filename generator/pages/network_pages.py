"""Pages made from the network's declared facts: the pro figures page, the pro library
profiles (a table and one page per library) and the blocks editors' pages ask for."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..i18n import number, plural, sort_key, text as _
from ..models.graph import Page
from ..models.library import Library
from ..render.bar_chart import bar_chart
from .environment import render
from .figure_tables import FUNDERS_CSV, PROFILES_CSV, TOWNS_CSV, funders_csv, profiles_csv, towns_csv
from ..view import paths
from ..view.figures import (FIGURE_BY_KEY, ChartBar, charges_fee, figure_bars, funding, member_towns, median,
                            profile_summaries, profile_totals, total_fees, total_population, wifi_count)
from ..view.site_view import SiteView

# The profile figures the table of profiles shows, in its order (the summary table shows them all).
TABLE_FIGURES = ("surface", "staff", "fte", "readers", "documents", "hours", "computers")
# The figures drawn as a chart of the libraries (where a picture says more than the table).
CHART_FIGURES = ("documents", "fte")


def page_blocks(view: SiteView, pg: Page) -> str:
    """The generated blocks a page's front matter asks for (`blocks:`), after its text."""
    if not pg.meta.blocks:
        return ""
    towns = member_towns(view.graph.network, view.graph.libraries.values())
    linked = {lib.id for lib in view.libraries} if view.site.kind == "public" else set(view.graph.libraries)
    return "\n" + render("page_blocks.md.j2", view=view, blocks=pg.meta.blocks, towns=towns,
                         total=total_population(towns), linked=linked, base=paths.base_of(paths.page(pg.id)),
                         money=funding(view.graph.network))


@dataclass(frozen=True)
class LibraryChart:
    """A chart of a profile figure by library, with the bars it draws (its data table) and its summary."""

    key: str
    svg: Markup
    bars: tuple[ChartBar, ...]
    summary: str


def library_chart(libraries: list[Library], key: str) -> LibraryChart | None:
    """The chart of figure KEY; None when no library gives it."""
    bars = figure_bars(libraries, key)
    if not bars:
        return None
    middle = median(bar.value for bar in bars)
    svg = bar_chart(f"bn-chart-{key}", _(f"figures.chart.{key}.title"), [(b.label, b.value) for b in bars],
                    (middle, _("figures.chart.median_legend", median=number(middle))))
    summary = _("figures.chart.summary", known=plural(len(bars), "count.library_known"),
                median=number(middle), top=bars[0].label, top_value=number(bars[0].value),
                bottom=bars[-1].label, bottom_value=number(bars[-1].value))
    missing = len(libraries) - len(bars)
    if missing:
        summary += " " + (_("figures.chart.missing_one") if missing == 1 else
                          _("figures.chart.missing", count=plural(missing, "count.library")))
    return LibraryChart(key, svg, bars, summary)


def network_pages(view: SiteView, add) -> dict[str, bytes]:
    """The pro site's figures page, its table of library profiles and one profile page per library;
    returns the CSV files of their tables, published next to them."""
    graph = view.graph
    network = graph.network
    libraries = sorted(graph.libraries.values(), key=lambda lib: sort_key(f"{lib.town} {lib.name}"))
    towns = member_towns(network, libraries)
    with_fee = charges_fee(network)
    money = funding(network)
    add(paths.NETWORK, "pro/network.md.j2", {"title": _("nav.network"), "hide": ["toc"]},
        libraries=libraries, towns=towns, population=total_population(towns), with_fee=with_fee,
        total_fees=total_fees(towns), resource_count=len(graph.resources), upcoming=len(view.upcoming()),
        rate=network.fee_per_inhabitant, money=money, towns_csv=TOWNS_CSV, funders_csv=FUNDERS_CSV)
    summaries = profile_summaries(libraries)
    add(paths.LIBRARIES, "pro/libraries.md.j2", {"title": _("pro.libraries.title"), "hide": ["toc"]},
        libraries=libraries, totals=profile_totals(network, libraries), figures=FIGURE_BY_KEY,
        columns=TABLE_FIGURES, summaries=summaries, summary_of={s.key: s for s in summaries},
        wifi=wifi_count(libraries),
        charts=[c for c in (library_chart(libraries, k) for k in CHART_FIGURES) if c is not None],
        profiles_csv=PROFILES_CSV)
    for lib in libraries:
        add(paths.library(lib.id), "pro/library.md.j2",
            {"title": lib.name, "description": _("pro.library.description", town=lib.town), "hide": ["toc"]},
            lib=lib, population=view.population_of(lib), fee=view.fee(lib))
    files = {TOWNS_CSV: towns_csv(towns, with_fee), PROFILES_CSV: profiles_csv(libraries)}
    if money.funders:
        files[FUNDERS_CSV] = funders_csv(money)
    return files
