"""The horizontal bar chart (render/bar_chart.py): bars in proportion to their values on a round axis,
values and names written, names escaped and shortened (the data table gives them whole), the dashed
line named in the legend, no style attribute."""

from __future__ import annotations

from decimal import Decimal

from bs4 import BeautifulSoup

from generator.render.bar_chart import NAME_MAX, bar_chart

LONG = "Médiathèque intercommunale « Les 7 Lieux » & son annexe"


def test_bars_are_in_proportion_and_named() -> None:
    svg = BeautifulSoup(bar_chart("c", "Titre", [(LONG, 300), ("B", Decimal("150.5")), ("Zéro", 0)],
                                  (Decimal(150), "Médiane (150)")), "html.parser").svg
    assert svg["role"] == "img" and svg.title.get_text() == "Titre" and svg["aria-labelledby"] == "c-title"
    assert not svg.select("[style]")
    widths = [float(rect["width"]) for rect in svg.select("rect.bn-chart__bar")]
    assert len(widths) == 2  # a value of 0 draws no bar, its 0 is written
    assert abs(widths[0] / widths[1] - 300 / 150.5) < 0.01
    texts = [t.get_text() for t in svg.select("text")]
    assert LONG[: NAME_MAX - 1].rstrip() + "…" in texts and "B" in texts and "Zéro" in texts
    assert "150,5" in texts and "0" in texts
    assert "Médiane (150)" in texts
    assert "&amp;" in str(bar_chart("c", "T", [(LONG[:30] + " & co", 1)]))  # escaped
