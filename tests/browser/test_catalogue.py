"""The catalogue in a real browser: instant filter with JS, facet pages without, and no third-party request."""

from __future__ import annotations

import pytest

from .conftest import local_only
from .keyboard import open_search
from .page_types import SEARCH_QUERY
from .page_types import sites as page_type_sites

pytestmark = pytest.mark.browser

CATALOGUE = "/calvados/ressources/"
CARDS = "[data-bn-cards] > li"
VISIBLE_CARDS = "[data-bn-cards] > li:visible"
FORM = "[data-bn-filter]"
COUNT = "[data-bn-count]"
EMPTY = "[data-bn-empty]"


def card_facets(page) -> list[dict]:
    return page.locator(CARDS).evaluate_all(
        """cards => cards.map(c => ({
            category: c.getAttribute('data-category'),
            audiences: (c.getAttribute('data-audiences') || '').split(' ').filter(Boolean),
        }))"""
    )


def shown(page) -> int:
    """Visible cards, checked against the live count the page announces."""
    visible = page.locator(VISIBLE_CARDS).count()
    assert int(page.locator(COUNT).text_content()) == visible
    return visible


def open_catalogue(page, origin: str) -> None:
    page.goto(origin + CATALOGUE)
    page.locator(FORM).wait_for(state="visible")


def test_instant_filter(site_server, page):
    open_catalogue(page, site_server)
    category, audience = page.locator("#bn-filter-category"), page.locator("#bn-filter-audiences")
    cards = card_facets(page)
    total = len(cards)
    assert total > 5
    assert shown(page) == total
    assert page.locator(EMPTY).is_hidden()

    # One category: only its cards.
    by_category: dict[str, list[dict]] = {}
    for card in cards:
        by_category.setdefault(card["category"], []).append(card)
    # The category and audience giving a strict, non-empty narrowing (chosen from the data, not hard-coded).
    cat, aud = next(
        (c, a)
        for c, members in sorted(by_category.items(), key=lambda kv: -len(kv[1]))
        for a in sorted({a for m in members for a in m["audiences"]})
        if 0 < sum(a in m["audiences"] for m in members) < len(members)
    )
    category.select_option(cat)
    assert shown(page) == len(by_category[cat]) < total
    assert set(page.locator(VISIBLE_CARDS).evaluate_all("cs => cs.map(c => c.dataset.category)")) == {cat}
    assert page.locator(EMPTY).is_hidden()

    # Plus an audience: narrower still, every card matching both.
    audience.select_option(aud)
    expected = sum(aud in m["audiences"] for m in by_category[cat])
    assert shown(page) == expected < len(by_category[cat])
    for card in page.locator(VISIBLE_CARDS).evaluate_all(
        "cs => cs.map(c => [c.dataset.category, c.dataset.audiences.split(' ')])"
    ):
        assert card[0] == cat and aud in card[1]

    # A combination with no resource: the empty message.
    all_audiences = [o for o in audience.locator("option").evaluate_all("os => os.map(o => o.value)") if o]
    empty_combo = next(
        (c, a) for c in sorted(by_category) for a in all_audiences
        if not any(a in m["audiences"] for m in by_category[c])
    )
    category.select_option(empty_combo[0])
    audience.select_option(empty_combo[1])
    assert shown(page) == 0
    assert page.locator(EMPTY).is_visible()

    # Reset: everything back.
    page.locator(f"{FORM} button[type=reset]").click()
    # A function, not a string of code: the page's Content-Security-Policy forbids eval.
    page.wait_for_function("([sel, n]) => document.querySelector(sel).textContent === n", arg=[COUNT, str(total)])
    assert shown(page) == total
    assert page.locator(EMPTY).is_hidden()
    assert category.input_value() == "" and audience.input_value() == ""


def test_without_javascript_facet_links_replace_the_filter(site_server, nojs_page):
    page = nojs_page
    page.goto(site_server + CATALOGUE)
    assert page.locator(FORM).is_hidden()
    total = page.locator(CARDS).count()
    assert total > 5
    facets = page.locator(".bn-facets a")
    hrefs = [facets.nth(i).get_attribute("href") for i in range(facets.count())]
    groups = page.locator(".bn-facets__group")
    assert groups.count() == 2  # categories, audiences
    for g in range(2):
        assert groups.nth(g).locator("a").count() > 0
    for i in range(len(hrefs)):
        assert facets.nth(i).is_visible()
    for href in hrefs:
        page.goto(site_server + CATALOGUE)
        link = page.locator(f'.bn-facets a[href="{href}"]')
        label = link.text_content()
        link.click()
        page.wait_for_load_state()
        assert page.url != site_server + CATALOGUE
        count = page.locator(CARDS).count()
        assert 0 < count < total, f"{label}: {count} of {total}"
        assert f"({count})" in label, f"{label}: the page lists {count}"


@pytest.mark.parametrize("site", list(page_type_sites()))
def test_no_request_leaves_localhost(site_server, browser, page_sample, site):
    """Every page type of every site (tests/browser/page_types.py), and a search typed in: all local."""
    origin = site_server
    # Belt and braces: nothing actually goes out, even if a request is attempted (it is still recorded).
    ctx = browser.new_context(locale="fr-FR", **local_only(origin))
    seen: list[str] = []
    # On the context rather than the page: the same requests, plus those of workers (the search's).
    ctx.on("request", lambda request: seen.append(request.url))
    try:
        # Every page in its own tab, all loading at once: each is then waited for until the network
        # has been idle for 500 ms (a late request would still be seen), the waits overlapping.
        samples = [p for p in page_sample if p.site == site and p.kind != "search"]
        tabs = [ctx.new_page() for _ in samples]
        responses = [tab.goto(origin + sample.url, wait_until="commit") for tab, sample in zip(tabs, samples)]
        for tab, response, sample in zip(tabs, responses, samples):
            assert response is not None and response.status == 200, sample.url
            tab.wait_for_load_state("networkidle")
        # Searching loads the search's script and index: still local.
        page = tabs[0]
        page.goto(f"{origin}/{site}/", wait_until="load")
        open_search(page, SEARCH_QUERY)
        page.wait_for_load_state("networkidle")
    finally:
        ctx.close()
    assert seen
    outside = sorted({u for u in seen if not (u.startswith(origin + "/") or u.startswith("data:"))})
    assert not outside, f"requests leaving {origin}: {outside}"
