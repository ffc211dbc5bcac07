"""Resource pages in a real browser: the library chooser (DESIGN.md §6), keyboard access, no-JS fallback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

RESOURCE = "/calvados/ressources/cafeyn/"
OTHER_RESOURCE = "/calvados/ressources/izneo/"
STORAGE_KEY = "bibnum.library"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"  # screenshots, only with BIBNUM_SCREENSHOTS set

SELECT = "[data-bn-library-select]"
BUTTON = "[data-bn-access-button]"
FORM = "[data-bn-chooser-form]"
LIST = "[data-bn-chooser-list]"
NOTE = "[data-bn-chooser-note]"


def open_enhanced(page, url: str) -> None:
    """Load a resource page and wait for bibnum.js to have shown the chooser."""
    page.goto(url)
    page.locator(FORM).wait_for(state="visible")


def network_href(page) -> str:
    """The network's own link: the first entry of the no-JS list (data-library="")."""
    return page.locator(f'{LIST} a[data-library=""]').get_attribute("href")


def options(page) -> list[dict]:
    return page.locator(f"{SELECT} option").evaluate_all(
        "opts => opts.map(o => ({value: o.value, href: o.getAttribute('data-href'), text: o.textContent}))"
    )


def test_chooser_keyboard_choice_is_remembered_and_resettable(site_server, page):
    open_enhanced(page, site_server + RESOURCE)
    select, button = page.locator(SELECT), page.locator(BUTTON)

    # With JS: the select shows, the plain list of links folds away.
    assert select.is_visible()
    assert page.locator(LIST).evaluate("d => d.open") is False
    assert page.locator(f"{LIST} .bn-chooser__list").is_hidden()
    network = network_href(page)
    assert network.startswith("https://")
    assert button.get_attribute("href") == network
    assert select.input_value() == ""
    assert page.locator(NOTE).text_content().strip() == ""

    # Pick, with the keyboard only, the first library whose login differs from the network's
    # (else the test could not tell the two links apart).
    opts = options(page)
    assert opts[0]["value"] == "" and len(opts) > 2
    index = next(i for i, o in enumerate(opts) if o["value"] and o["href"] != network)
    chosen = opts[index]
    select.focus()
    for _ in range(index):
        page.keyboard.press("ArrowDown")
    assert select.input_value() == chosen["value"]
    expected = page.locator(f'{SELECT} option[value="{chosen["value"]}"]').get_attribute("data-href")
    assert expected.startswith("https://")
    assert button.get_attribute("href") == expected
    note = page.locator(NOTE)
    assert note.get_attribute("role") == "status"
    assert chosen["text"].strip() in note.text_content()
    assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") == chosen["value"]

    # Reload: remembered.
    page.reload()
    page.locator(FORM).wait_for(state="visible")
    assert select.input_value() == chosen["value"]
    assert button.get_attribute("href") == expected
    assert chosen["text"].strip() in page.locator(NOTE).text_content()

    # Another resource: the same library is preselected and its own link for that resource used.
    open_enhanced(page, site_server + OTHER_RESOURCE)
    assert select.input_value() == chosen["value"]
    other_expected = page.locator(f'{SELECT} option[value="{chosen["value"]}"]').get_attribute("data-href")
    assert other_expected and other_expected != expected  # a different resource, a different target
    assert button.get_attribute("href") == other_expected
    assert page.locator(f'{LIST} a[data-library="{chosen["value"]}"]').get_attribute("href") == other_expected

    # The empty option (keyboard again): back to the network link, and forgotten.
    other_network = network_href(page)
    select.focus()
    page.keyboard.press("Home")
    assert select.input_value() == ""
    assert button.get_attribute("href") == other_network
    assert page.locator(NOTE).text_content().strip() == ""
    assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") is None
    page.reload()
    page.locator(FORM).wait_for(state="visible")
    assert select.input_value() == ""
    assert button.get_attribute("href") == other_network


def test_access_button_is_reachable_by_keyboard_with_a_visible_focus(site_server, page):
    open_enhanced(page, site_server + RESOURCE)
    reached = False
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.matches('[data-bn-access-button]')"):
            reached = True
            break
    assert reached, "the access button was not reached within 200 Tab presses"
    style = page.evaluate(
        """() => {
            const el = document.activeElement, cs = getComputedStyle(el);
            return {style: cs.outlineStyle, width: parseFloat(cs.outlineWidth), visible: el.matches(':focus-visible')};
        }"""
    )
    assert style["visible"], "keyboard focus should match :focus-visible"
    assert style["style"] != "none", f"no focus outline on the access button: {style}"
    assert style["width"] > 0, f"zero-width focus outline on the access button: {style}"


def test_without_javascript_the_chooser_is_a_list_of_links(site_server, nojs_page):
    page = nojs_page
    page.goto(site_server + RESOURCE)
    assert page.locator(FORM).is_hidden()
    assert page.locator(SELECT).is_hidden()
    assert page.locator(LIST).evaluate("d => d.open") is True
    links = page.locator(f"{LIST} a")
    count = links.count()
    assert count > 2
    libraries = {o["value"] for o in options(page) if o["value"]}
    assert {links.nth(i).get_attribute("data-library") for i in range(count)} == libraries | {""}
    for i in range(count):
        link = links.nth(i)
        assert link.is_visible()
        assert link.get_attribute("href").startswith("https://"), link.get_attribute("href")
    # The access button itself still works, with the network link.
    assert page.locator(BUTTON).is_visible()
    assert page.locator(BUTTON).get_attribute("href") == network_href(page)


def test_phone_width(site_server, browser):
    """At 390×844 the chooser and the button fit; screenshot for a human when BIBNUM_SCREENSHOTS is set."""
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
                              has_touch=True, locale="fr-FR")
    try:
        page = ctx.new_page()
        open_enhanced(page, site_server + RESOURCE)
        page.locator(BUTTON).scroll_into_view_if_needed()
        assert page.locator(BUTTON).is_visible()
        assert page.locator(SELECT).is_visible()
        box = page.locator(SELECT).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390 + 1
        if os.environ.get("BIBNUM_SCREENSHOTS"):
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "resource-cafeyn-390x844.png"), full_page=True)
            page.locator("[data-bn-access]").screenshot(path=str(ARTIFACTS / "resource-cafeyn-chooser-390.png"))
    finally:
        ctx.close()
