"""The agenda in a real browser: instant filter by town, library and audience with JS; without JS,
the lists of links reach a static page per town and per library."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

AGENDA = "/calvados/agenda/"
CARDS = "[data-bn-cards] > li"
VISIBLE_CARDS = "[data-bn-cards] > li:visible"
FORM = "[data-bn-filter]"


def shown(page) -> int:
    """Visible events, checked against the live count the page announces."""
    visible = page.locator(VISIBLE_CARDS).count()
    assert int(page.locator("[data-bn-count]").text_content()) == visible
    return visible


def test_agenda_filters_instantly_by_town_and_library(site_server, page):
    page.goto(site_server + AGENDA)
    page.locator(FORM).wait_for(state="visible")
    total = page.locator(CARDS).count()
    assert shown(page) == total > 3
    cards = page.locator(CARDS).evaluate_all(
        "cs => cs.map(c => [c.getAttribute('data-town'), c.getAttribute('data-library')])")
    towns = [t for t, _lib in cards if t]
    busiest = max(set(towns), key=towns.count)  # chosen from the data, not hard-coded
    page.select_option("#bn-filter-town", busiest)
    assert shown(page) == towns.count(busiest) < total
    # A library of another town: nothing matches, and the page says so.
    elsewhere = next(lib for town, lib in cards if town and town != busiest)
    page.select_option("#bn-filter-library", elsewhere)
    assert shown(page) == 0
    assert page.locator("[data-bn-empty]").is_visible()
    page.locator(f"{FORM} button[type=reset]").click()
    # A function, not a string of code: the page's Content-Security-Policy forbids eval.
    page.wait_for_function("([sel, n]) => document.querySelectorAll(sel + ':not([hidden])').length === n",
                           arg=[VISIBLE_CARDS.split(':')[0], total])
    assert shown(page) == total


def test_without_javascript_a_town_page_is_two_links_away(site_server, nojs_page):
    nojs_page.goto(site_server + AGENDA)
    assert nojs_page.locator(FORM).is_hidden()
    places = nojs_page.locator(".bn-agenda-places details").first
    places.locator("summary").click()
    link = places.locator("a").filter(has_text="Ifs").first
    link.click()
    nojs_page.wait_for_url("**/agenda/communes/ifs/")
    assert nojs_page.locator("h1").text_content() == "Agenda — Ifs"
    assert nojs_page.locator(".bn-event").count() > 0
