"""The pro site's « Statistiques d'usage »: an overview (the network by month, by category, a table
of resources) and one page per resource with data, each chart beside a table of exactly the
figures it draws and a one-sentence summary. The figures are view/usage.py's; the rules they
follow are said on the overview page."""

from __future__ import annotations

from decimal import Decimal

from markupsafe import Markup

from ..i18n import money, month_name, number, percent, plural, short_month, text as _
from ..models.graph import NetworkGraph
from ..render.chart import Bar, month_chart
from ..view import paths
from ..view.site_view import SiteView
from ..view.usage import MonthPoint, NetworkUsage, Period, ResourceFigures, network_usage


def has_usage(graph: NetworkGraph) -> bool:
    """Whether the pro site has a usage section: a resource has a month of usage."""
    return any(graph.usage[rid].months for rid in graph.resources if rid in graph.usage)


def metric_label(metric: str | None) -> str:
    if metric is None:
        return _("usage.metric.sum")
    key = f"usage.metric.{metric}"
    return _(key) if metric in ("Total_Item_Requests", "Unique_Item_Requests") else _("usage.metric.other",
                                                                                     metric=metric)


def upper_first(text: str) -> str:
    """'consultations' -> 'Consultations' (str.capitalize would lower the metric's own capitals)."""
    return text[:1].upper() + text[1:]


def summary(period: Period, change: Decimal | None, metric: str | None) -> str:
    """« 12 340 consultations de contenus (…) sur 12 mois, +8 % par rapport aux mêmes mois de l'année
    précédente. »"""
    if period.total is None:
        return _("usage.summary.none")
    total = f"{number(period.total)} {metric_label(metric)}"
    months = plural(period.months, "count.month")
    if change is None:
        return _("usage.summary.no_change", total=total, months=months)
    return _("usage.summary", total=total, months=months, change=percent(change, signed=True))


def chart(chart_id: str, title: str, points: tuple[MonthPoint, ...]) -> Markup:
    return month_chart(chart_id, title, [Bar(short_month(p.month), p.value, p.before) for p in points],
                       (_("usage.legend.current"), _("usage.legend.before")))


def cost_text(figures: ResourceFigures) -> str:
    cost = figures.cost
    if cost is None:
        return _("usage.not_available")
    amount = _("usage.no_use") if cost.per_use is None else money(cost.per_use)
    if cost.months == 12:
        return _("usage.cost_of_year", amount=amount, year=cost.year)
    return _("usage.cost_partial", amount=amount, year=cost.year, months=plural(cost.months, "count.month"))


def usage_pages(view: SiteView, add) -> None:
    """The overview and one page per resource with data, through `add(path, template, meta, **context)`."""
    graph = view.graph
    figures = network_usage(graph.resources, graph.usage, view.terms["categories"].keys(),
                            graph.libraries.values(), view.now)
    if not figures.months:
        add(paths.USAGE, "pro/usage.md.j2", {"title": _("nav.usage"), "hide": ["toc"]}, usage=figures)
        return
    helpers = _helpers(figures)
    start, end = month_name(figures.months[0]), month_name(figures.months[-1])
    add(paths.USAGE, "pro/usage.md.j2", {"title": _("nav.usage"), "hide": ["toc"]}, usage=figures,
        network_chart=chart("bn-chart-network", _("usage.network.chart", start=start, end=end), figures.totals),
        network_summary=summary(figures.last12, figures.change, None), **helpers)
    for res_figures in figures.with_data:
        res = res_figures.resource
        label = metric_label(res_figures.metric)
        title = _("usage.resource.title", title=res.title)
        add(paths.usage(res.id), "pro/usage_resource.md.j2",
            {"title": title, "description": _("usage.resource.description", title=res.title), "hide": ["toc"]},
            usage=figures, figures=res_figures, metric=label,
            resource_chart=chart(f"bn-chart-{res.id}", _("usage.resource.chart", metric=upper_first(label),
                                                         title=res.title, start=start, end=end),
                                 res_figures.points),
            resource_summary=summary(res_figures.last12, res_figures.change, res_figures.metric), **helpers)


def _helpers(figures: NetworkUsage) -> dict[str, object]:
    return {
        "start": month_name(figures.months[0]), "end": month_name(figures.months[-1]),
        "start12": month_name(figures.months[-12:][0]), "month_name": month_name, "percent": percent,
        "metric_label": metric_label, "upper_first": upper_first, "cost_text": cost_text,
        "summary": summary,
    }
