"""The demo built by Zensical, in Chromium (issue 14): search, the library chooser and axe's checks
on one page of each type, as the default engine's pages are tested elsewhere.

ProperDocs is not driven here: tests/e2e/test_engines.py proves its output is the default
engine's, byte for byte.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .axe import allowlist, axe_script, run_axe, unexplained
from .conftest import local_only, serve_folder
from .keyboard import open_search, settle
from .page_types import SEARCH_QUERY, WIDTHS, sample
from .test_resource_page import BUTTON, FORM, NOTE, RESOURCE, SELECT, network_href, open_enhanced, options
from .test_search import INPUT, OPTIONS, search

pytestmark = pytest.mark.browser

ENGINE = "zensical"


@pytest.fixture(scope="module")
def origin(engine_build) -> Iterator[str]:
    with serve_folder(engine_build(ENGINE).out, name=f"bibnum-{ENGINE}") as served:
        yield served


@pytest.fixture(scope="module")
def axe_results(browser, origin, engine_build) -> dict:
    """(site, page type) -> AxeResult at the desktop width, or the error that kept axe from running."""
    axe_script()
    w, h = WIDTHS["desktop"]
    context = browser.new_context(viewport={"width": w, "height": h}, locale="fr-FR", **local_only(origin))
    context.set_default_timeout(10_000)
    page = context.new_page()
    results: dict = {}
    try:
        for kind in sample(engine_build(ENGINE).out):
            try:
                page.goto(origin + kind.url, wait_until="load")
                settle(page)
                if kind.kind == "search":
                    open_search(page, SEARCH_QUERY)
                results[(kind.site, kind.kind)] = run_axe(page)
            except Exception as exc:  # noqa: BLE001 - reported below, with the page it happened on
                results[(kind.site, kind.kind)] = exc
    finally:
        context.close()
    return results


def test_axe_finds_no_violation_on_any_page_type(axe_results):
    assert len(axe_results) > 20
    failures = []
    for (site, kind), result in sorted(axe_results.items()):
        if isinstance(result, Exception):
            failures.append(f"/{site}/ {kind}: {result}")
        elif len(result.passes) <= 10:
            failures.append(f"/{site}/ {kind}: axe checked almost nothing")
        else:
            failures += [f"/{site}/ {kind}: {problem}" for problem in unexplained(result, allowlist()["axe"])]
    assert not failures, "\n".join(failures)


def test_search_finds_and_opens_a_resource(origin, page):
    search(page, origin, "Ouest")
    assert page.locator(INPUT).is_visible()
    assert page.locator(OPTIONS).count() > 0
    box = page.locator(INPUT).bounding_box()
    assert box is not None and box["width"] > 100  # styled by bibnum on every engine, not a bare input
    page.keyboard.press("Enter")
    page.wait_for_url("**/calvados/ressources/ouest-france/")
    assert "Ouest-France" in page.title()


def test_the_library_chooser_gives_each_library_its_own_link(origin, page):
    open_enhanced(page, origin + RESOURCE)
    button = page.locator(BUTTON)
    network = network_href(page)
    assert network.startswith("https://") and button.get_attribute("href") == network
    opts = options(page)
    chosen = next(o for o in opts if o["value"] and o["href"] != network)
    page.locator(SELECT).select_option(chosen["value"])
    assert button.get_attribute("href") == chosen["href"]
    assert chosen["text"].strip() in page.locator(NOTE).text_content()
    page.reload()
    page.locator(FORM).wait_for(state="visible")
    assert page.locator(SELECT).input_value() == chosen["value"]  # remembered
