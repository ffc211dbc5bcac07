"""A horizontal bar chart as inline SVG, written at build time: one bar per named thing (a library),
its value written at the bar's end, and an optional dashed line (a median) named in the legend.

Same conventions as the monthly chart (render/chart.py, whose axis step it reuses): no script and
no style attribute (the pages' policy allows neither), presentation attributes and the site's
bn-chart classes; an image named by its <title>, the page putting beside it a table of exactly the
figures drawn. Horizontal because libraries' names are long: they read on their own line.
"""

from __future__ import annotations

import html
import math
from decimal import Decimal
from typing import Sequence

from markupsafe import Markup

from ..i18n import number
from .chart import coordinate, nice_step, svg_start

WIDTH = 720
LABEL_W, VALUE_W = 250, 64  # room for the names on the left, the values at the bars' end
TOP, ROW, BOTTOM = 8, 26, 56  # room above, per bar, for the value axis and the legend
NAME_MAX = 38  # characters of a name drawn; the data table gives it whole


def _short(name: str) -> str:
    return name if len(name) <= NAME_MAX else name[: NAME_MAX - 1].rstrip() + "…"


def bar_chart(chart_id: str, title: str, bars: Sequence[tuple[str, int | Decimal]],
              line: tuple[Decimal, str] | None = None) -> Markup:
    """The SVG of BARS (name, value), an image named TITLE; LINE: (value, legend) of a dashed line."""
    values = [float(v) for _, v in bars] + ([float(line[0])] if line else [])
    step = nice_step(max(math.ceil(max(values, default=0)), 1))
    top = step * math.ceil(max(max(values, default=0), 1) / step)
    plot_w = WIDTH - LABEL_W - VALUE_W
    plot_h = ROW * max(len(bars), 1)
    height = TOP + plot_h + BOTTOM

    def x(v: float) -> float:
        return LABEL_W + plot_w * v / top

    out = svg_start(chart_id, title, WIDTH, height)
    for tick in range(0, top + 1, step):  # value axis and grid
        out.append(f'<line class="bn-chart__grid" x1="{coordinate(x(tick))}" x2="{coordinate(x(tick))}" y1="{TOP}" '
                   f'y2="{TOP + plot_h}" stroke="#c8c8c8" stroke-width="1"/>')
        out.append(f'<text x="{coordinate(x(tick))}" y="{TOP + plot_h + 16}" text-anchor="middle">'
                   f'{html.escape(number(tick))}</text>')
    if line is not None:  # under the bars and their values, which stay readable where it crosses them
        at = coordinate(x(float(line[0])))
        out.append(f'<line class="bn-chart__before" x1="{at}" x2="{at}" y1="{TOP}" y2="{TOP + plot_h}" '
                   'stroke="#222" stroke-width="2" stroke-dasharray="6 4"/>')
    for i, (name, value) in enumerate(bars):
        y = TOP + ROW * i
        out.append(f'<text x="{LABEL_W - 8}" y="{y + ROW * 0.65:.1f}" text-anchor="end">'
                   f'{html.escape(_short(name))}</text>')
        if value > 0:
            out.append(f'<rect class="bn-chart__bar" x="{LABEL_W}" y="{y + 4}" width="{coordinate(x(float(value)) - LABEL_W)}" '
                       f'height="{ROW - 8}" fill="#1f5f99"/>')
        out.append(f'<text x="{coordinate(x(float(value)) + 6)}" y="{y + ROW * 0.65:.1f}">{html.escape(number(value))}</text>')
    out.append(f'<line x1="{LABEL_W}" x2="{LABEL_W}" y1="{TOP}" y2="{TOP + plot_h}" stroke="currentColor" '
               'stroke-width="1"/>')
    if line is not None:
        legend_y = height - 12
        out.append(f'<line x1="{LABEL_W}" x2="{LABEL_W + 28}" y1="{legend_y - 4}" y2="{legend_y - 4}" stroke="#222" '
                   'stroke-width="2" stroke-dasharray="6 4" class="bn-chart__before"/>')
        out.append(f'<text x="{LABEL_W + 34}" y="{legend_y}">{html.escape(line[1])}</text>')
    out.append("</svg>")
    return Markup("".join(out))
