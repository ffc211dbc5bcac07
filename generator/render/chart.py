"""A monthly chart as inline SVG, written at build time: bars for the period, a dashed line for the
same months a year earlier (told apart by shape, not colour alone).

No script and no style attribute (the pages' policy allows neither): presentation attributes and
the site's classes (bn-chart…, generator/look/assets/bibnum/bibnum.css). The chart is an image
named by its <title>; the page puts beside it a table of exactly the figures drawn.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Sequence

from markupsafe import Markup

from ..i18n import number

WIDTH, HEIGHT = 720, 300
LEFT, RIGHT, TOP, BOTTOM = 64, 12, 12, 64  # room for the value axis, the month axis and the legend
TICKS = 5


@dataclass(frozen=True)
class Bar:
    label: str  # the month's axis label
    value: int | None  # None: no bar (no data), never a bar of 0
    before: int | None  # the same month a year earlier: a point of the dashed line


def nice_step(top: int) -> int:
    """The axis step (1, 2 or 5 times a power of ten) that fits TOP in at most TICKS steps."""
    power = 1
    while True:
        for factor in (1, 2, 5):
            if top <= factor * power * TICKS:
                return factor * power
        power *= 10


def svg_start(chart_id: str, title: str, width: int, height: float) -> list[str]:
    """A chart's opening: an image named by its <title>, sized by its viewBox, styled by classes only."""
    title_id = f"{chart_id}-title"
    return [f'<svg class="bn-chart" id="{html.escape(chart_id)}" role="img" aria-labelledby="{html.escape(title_id)}" '
            f'viewBox="0 0 {width} {coordinate(height)}" xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" '
            'font-size="12" fill="currentColor">',
            f'<title id="{html.escape(title_id)}">{html.escape(title)}</title>']


def coordinate(value: float) -> str:
    """A coordinate as SVG gets it: one decimal at most, no trailing zero."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def month_chart(chart_id: str, title: str, bars: Sequence[Bar], legend: tuple[str, str]) -> Markup:
    """The SVG of BARS, an image named TITLE; LEGEND: the bars' and the dashed line's names."""
    known = [v for bar in bars for v in (bar.value, bar.before) if v is not None]
    step = nice_step(max(known, default=0) or 1)
    top = step * -(-max(max(known, default=0), 1) // step)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / max(len(bars), 1)

    def y(v: int) -> float:
        return TOP + plot_h - plot_h * v / top

    def x(i: int) -> float:
        return LEFT + slot * (i + 0.5)

    out = svg_start(chart_id, title, WIDTH, HEIGHT)
    for tick in range(0, top + 1, step):  # value axis and grid
        out.append(f'<line class="bn-chart__grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{coordinate(y(tick))}" '
                   f'y2="{coordinate(y(tick))}" stroke="#c8c8c8" stroke-width="1"/>')
        out.append(f'<text x="{LEFT - 6}" y="{coordinate(y(tick) + 4)}" text-anchor="end">{html.escape(number(tick))}</text>')
    every = 1 if len(bars) <= 12 else 2
    for i, bar in enumerate(bars):
        if bar.value is not None and bar.value > 0:
            out.append(f'<rect class="bn-chart__bar" x="{coordinate(x(i) - slot * 0.3)}" y="{coordinate(y(bar.value))}" '
                       f'width="{coordinate(slot * 0.6)}" height="{coordinate(TOP + plot_h - y(bar.value))}" fill="#1f5f99"/>')
        if (len(bars) - 1 - i) % every == 0:  # the last month always labelled
            out.append(f'<text x="{coordinate(x(i))}" y="{TOP + plot_h + 16}" text-anchor="middle">'
                       f'{html.escape(bar.label)}</text>')
    out.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{TOP + plot_h}" y2="{TOP + plot_h}" '
               'stroke="currentColor" stroke-width="1"/>')
    for segment in _segments(bars):  # the year before: a dashed line, broken where a month has no data
        points = " ".join(f"{coordinate(x(i))},{coordinate(y(v))}" for i, v in segment)
        out.append(f'<polyline class="bn-chart__before" points="{points}" fill="none" stroke="#222" '
                   'stroke-width="2" stroke-dasharray="6 4"/>')
        out.extend(f'<rect class="bn-chart__mark" x="{coordinate(x(i) - 3)}" y="{coordinate(y(v) - 3)}" width="6" height="6" '
                   'fill="#fff" stroke="#222" stroke-width="1.5"/>' for i, v in segment)
    legend_y = HEIGHT - 18
    out.append(f'<rect x="{LEFT}" y="{legend_y - 10}" width="14" height="12" fill="#1f5f99" class="bn-chart__bar"/>')
    out.append(f'<text x="{LEFT + 20}" y="{legend_y}">{html.escape(legend[0])}</text>')
    middle = LEFT + plot_w // 2
    out.append(f'<line x1="{middle}" x2="{middle + 28}" y1="{legend_y - 4}" y2="{legend_y - 4}" stroke="#222" '
               'stroke-width="2" stroke-dasharray="6 4" class="bn-chart__before"/>')
    out.append(f'<text x="{middle + 34}" y="{legend_y}">{html.escape(legend[1])}</text>')
    out.append("</svg>")
    return Markup("".join(out))


def _segments(bars: Sequence[Bar]) -> list[list[tuple[int, int]]]:
    """The runs of consecutive months that have a year-before figure."""
    runs: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for i, bar in enumerate(bars):
        if bar.before is None:
            if current:
                runs.append(current)
            current = []
        else:
            current.append((i, bar.before))
    if current:
        runs.append(current)
    return runs
