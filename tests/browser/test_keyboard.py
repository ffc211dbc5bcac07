"""Without a mouse: every control of every page type is reached with Tab and shows its focus,
at a phone and a desktop width; the search and the library chooser work from the keyboard alone."""

from __future__ import annotations

import pytest

from .keyboard import FOCUSED, MARK_CONTROLS, TABBABLE_COUNT, open_search, settle, tab_through, tab_to
from .page_types import SEARCH_QUERY, WIDTHS, declared, sites

pytestmark = pytest.mark.browser

# Tab presses allowed beyond the number of controls: opening the search shows a few more.
TAB_SLACK = 40
CHOOSER_PAGE = "/calvados/ressources/cafeyn/"  # a resource page with the library chooser


@pytest.fixture(scope="module")
def pages(browser):
    """One page per width, reused by every test of the module (a fresh context per width)."""
    opened, contexts = {}, []
    for width, (w, h) in WIDTHS.items():
        phone = width == "phone"
        context = browser.new_context(viewport={"width": w, "height": h}, locale="fr-FR", is_mobile=phone,
                                      has_touch=phone)
        context.set_default_timeout(10_000)
        contexts.append(context)
        opened[width] = context.new_page()
    yield opened
    for context in contexts:
        context.close()


def load(page, url: str) -> None:
    page.goto(url, wait_until="load")
    settle(page)


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize(("site", "kind"), [d for d in declared() if d[1] != "search"], ids=lambda v: v)
def test_every_control_is_reached_and_shows_its_focus(pages, site_server, page_sample, site, kind, width):
    page = pages[width]
    [sample] = [p for p in page_sample if (p.site, p.kind) == (site, kind)]
    load(page, site_server + sample.url)
    controls = page.evaluate(MARK_CONTROLS)
    assert len(controls) >= 3, "the page shows almost no control: did it load?"
    limit = max(len(controls), page.evaluate(TABBABLE_COUNT)) + TAB_SLACK
    reached, lost = tab_through(page, limit)
    if any(not focus["in_sight"] for focus in reached):
        # Twice in CI under load, Chromium left one focused element off screen, the page not scrolled at all
        # (never seen on a second pass, nor on a quiet machine): a control the site hides fails both passes.
        load(page, site_server + sample.url)
        page.evaluate(MARK_CONTROLS)
        reached, lost = tab_through(page, limit)
    assert lost == 0, f"{sample.url} at {width} width: the focus fell back to the page {lost} time(s) mid-way"
    seen = {focus["index"] for focus in reached}
    missed = [c["html"] for c in controls if c["index"] not in seen]
    assert not missed, f"{sample.url} at {width} width: not reachable with Tab:\n  " + "\n  ".join(missed)
    out_of_sight = [f["html"] for f in reached if not f["in_sight"]]
    assert not out_of_sight, f"{sample.url} at {width} width: focus out of sight:\n  " + "\n  ".join(out_of_sight)
    unmarked = [f["html"] for f in reached if not f["indicator"]]
    assert not unmarked, f"{sample.url} at {width} width: focus not shown:\n  " + "\n  ".join(unmarked)


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("site", list(sites()))
def test_search_without_a_mouse(pages, site_server, site, width):
    page = pages[width]
    load(page, f"{site_server}/{site}/")
    open_search(page, SEARCH_QUERY)
    page.keyboard.press("ArrowDown")
    focus = page.evaluate(FOCUSED)
    assert focus is not None and focus["in_sight"] and focus["indicator"], f"the chosen result does not show: {focus}"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.startswith(f"{site_server}/{site}/") and page.url.rstrip("/") != f"{site_server}/{site}"


@pytest.mark.parametrize("width", list(WIDTHS))
def test_library_chooser_without_a_mouse(pages, site_server, width):
    page = pages[width]
    page.context.clear_cookies()
    load(page, site_server + CHOOSER_PAGE)
    page.evaluate("localStorage.clear()")
    load(page, site_server + CHOOSER_PAGE)
    button = page.locator("[data-bn-access-button]")
    network = button.get_attribute("href")
    options = page.locator("[data-bn-library-select] option").evaluate_all(
        "os => os.map(o => ({value: o.value, href: o.getAttribute('data-href')}))")
    index = next(i for i, o in enumerate(options) if o["value"] and o["href"] != network)

    assert tab_to(page, "[data-bn-library-select]"), "the library chooser was not reached with Tab"
    for _ in range(index):
        page.keyboard.press("ArrowDown")
    assert page.locator("[data-bn-library-select]").input_value() == options[index]["value"]
    for _ in range(20):  # back to the access button, above the chooser
        page.keyboard.press("Shift+Tab")
        if page.evaluate("document.activeElement.matches('[data-bn-access-button]')"):
            break
    assert page.evaluate(FOCUSED)["indicator"], "the access button does not show its focus"

    # Enter follows the link: the browser asks for the chosen library's login (aborted: never reached).
    page.route("https://**/*", lambda route: route.abort())
    try:
        with page.expect_request(lambda request: request.url.startswith("https://")) as request:
            page.keyboard.press("Enter")
    finally:
        page.unroute("https://**/*")
    assert request.value.url == options[index]["href"]
