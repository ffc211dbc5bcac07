"""The usage pages of the demo's pro site in Chromium, as the engine rendered them: the chart is an
image named by its title, drawn whole (the engine's Markdown left the SVG alone), styled by the
site's CSS without a refused style; axe finds nothing on the overview and a resource's page.
The public portal shows the « Populaire » mark on a card with its text."""

from __future__ import annotations

import pytest

from .axe import allowlist, run_axe, unexplained
from .test_csp import RECORD_VIOLATIONS

pytestmark = pytest.mark.browser

PAGES = ("/pro/statistiques/", "/pro/statistiques/cafeyn/")


@pytest.fixture
def watched(context):
    """A page that records every violation of its Content-Security-Policy (a refused style or script)."""
    context.add_init_script(RECORD_VIOLATIONS)
    return context.new_page()


def test_the_usage_pages_pass_axe_and_draw_their_charts_whole(watched, site_server):
    entries = allowlist()["axe"]
    for path in PAGES:
        watched.goto(site_server + path)
        chart = watched.locator("main svg.bn-chart")
        assert chart.count() == 1, path
        title = chart.locator("title").text_content()
        assert watched.get_by_role("img", name=title).count() == 1, path  # named by its <title>
        assert chart.bounding_box()["width"] > 300, path
        bars = chart.locator("rect.bn-chart__bar")
        rows = watched.locator("table[data-bn-chart-table] tbody tr")
        drawn = watched.evaluate(
            "() => [...document.querySelectorAll('table[data-bn-chart-table] tbody td:nth-child(2)')]"
            ".filter(td => /[1-9]/.test(td.textContent)).length")
        assert bars.count() == drawn + 1, path  # a bar per month with a figure above 0, and the legend's
        assert rows.count() == 12, path  # the demo's synthetic year: 2025-11 .. 2026-10
        fill = bars.first.evaluate("e => getComputedStyle(e).fill")
        header = watched.locator(".md-header").evaluate("e => getComputedStyle(e).backgroundColor")
        assert fill == header, path  # the bars take the site's colour: bibnum.css applies to the SVG
        result = run_axe(watched)
        assert unexplained(result, entries) == [], path
        assert {"svg-img-alt", "th-has-data-cells"} <= result.applicable, path
        assert watched.evaluate("window.__violations") == [], path


def test_the_portal_marks_the_popular_resources_with_text(watched, site_server):
    watched.goto(site_server + "/calvados/ressources/")
    marks = watched.locator(".bn-card .bn-tag--popular")
    assert marks.count() >= 1
    mark = marks.first
    assert mark.is_visible() and mark.inner_text().split()[:1] == ["Populaire"]
    assert "les plus utilisées" in mark.locator(".bn-visually-hidden").text_content()  # the reason, for screen readers
    assert mark.evaluate("e => getComputedStyle(e).borderTopStyle") == "solid"  # a shape, not a colour alone
    watched.goto(site_server + "/calvados/ressources/cafeyn/")
    assert watched.locator(".bn-resource__meta .bn-tag--popular").count() == 1
