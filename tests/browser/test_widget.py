"""The search widget (issue 17) in Chromium: a town's page on another origin embeds it and opens
results through the chosen library's login; the « Intégrer nos ressources » page previews it."""

from __future__ import annotations

import functools
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from playwright.sync_api import expect

from .axe import allowlist, run_axe, unexplained
from .conftest import _QuietHandler, _QuietServer, local_only, serve_folder

pytestmark = pytest.mark.browser

QUERY = "code de la route"  # the demo's best bet for Prépacode
FIRST = "Prépacode — code de la route"
TARGET = "https://www.prepacode.example.org/bibliotheque/"  # data/resources/prepacode.yml
# data/libraries/*.yml: Bayeux and Vire have their own EZproxy (qurl= and the raw url= form), Ifs none.
LOGINS = {
    "bayeux": f"https://proxy.mediatheque.bayeux.example.org/login?qurl={quote(TARGET, safe='')}",
    "vire-normandie": f"https://ezproxy.vire-normandie.example.org/login?url={TARGET}",
    "ifs": f"https://proxy.boitenumerique.example.org/login?qurl={quote(TARGET, safe='')}",
}


class _SharedHandler(_QuietHandler):
    """Every file with `Access-Control-Allow-Origin: *`, as GitHub Pages sends it."""

    def end_headers(self) -> None:
        self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()


@contextmanager
def serve_shared(folder: Path) -> Iterator[str]:
    """FOLDER on 127.0.0.1 with _SharedHandler, for the time of the block; yields the origin."""
    with _QuietServer(("127.0.0.1", 0), functools.partial(_SharedHandler, directory=str(folder))) as server:
        threading.Thread(target=server.serve_forever, name="bibnum-test-widget", daemon=True).start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}"
        finally:
            server.shutdown()


@pytest.fixture(scope="module")
def origins(demo_build, tmp_path_factory) -> Iterator[tuple[str, str, Path]]:
    """(the demo's origin, a town's origin whose pages embed the widget, its folder): two ports, two origins."""
    town = tmp_path_factory.mktemp("town")
    with serve_shared(demo_build.out) as site, serve_folder(town, "bibnum-test-town") as host:
        yield site, host, town


def town_page(folder: Path, site: str, libraries: list[str]) -> str:
    """A town portal's page embedding one widget per library (the snippet as the embed page gives it)."""
    widgets = "\n".join(f'<bibnum-recherche bibliotheque="{lib}"></bibnum-recherche>' for lib in libraries)
    name = "-".join(libraries) + ".html"
    (folder / name).write_text(
        '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Médiathèque de la ville</title>'
        '<style>body { font-family: Georgia, serif }</style></head><body><main><h1>Notre catalogue</h1>'
        f'<script src="{site}/calvados/widget/bibnum-recherche.js" defer></script>\n{widgets}\n'
        "</main></body></html>\n", encoding="utf-8")
    return name


@contextmanager
def town_context(browser, site: str, host: str):
    """A context kept on the two test origins; the login hosts answer with a stub page (routed)."""
    context = browser.new_context(locale="fr-FR", **local_only(site))
    context.set_default_timeout(10_000)
    logins = {urlsplit(url).netloc for url in LOGINS.values()}
    for netloc in logins:
        context.route(f"https://{netloc}/**", lambda route: route.fulfill(
            status=200, content_type="text/html", body="<!doctype html><title>Connexion</title><p>Connexion</p>"))
    try:
        yield context
    finally:
        context.close()


def wait_rendered(widget, query: str) -> None:
    """Until the widget shows the results of QUERY (its host's data-rendered attribute), 10 s at most."""
    expect(widget).to_have_attribute("data-rendered", query)


def option_titles(widget) -> list[str]:
    return widget.locator("[role=option] .bn-search__title").all_inner_texts()


def off_origins(requests: list[str], *origins: str) -> list[str]:
    return [url for url in requests if not url.startswith(tuple(f"{origin}/" for origin in origins))]


@pytest.mark.parametrize("library", ["bayeux", "vire-normandie", "ifs"])
def test_a_town_page_opens_the_best_bet_through_its_library_login(browser, origins, library):
    """Keyboard only: Tab, type, ArrowDown, Enter; the browser goes to that library's login, and
    no request leaves the two origins but that navigation."""
    site, host, town = origins
    name = town_page(town, site, [library])
    with town_context(browser, site, host) as context:
        page = context.new_page()
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(f"{host}/{name}")
        widget = page.locator("bibnum-recherche")
        page.keyboard.press("Tab")  # the widget's field is the page's first stop
        assert widget.evaluate("el => el.shadowRoot.activeElement && el.shadowRoot.activeElement.id") \
            == "bn-widget-input"
        page.keyboard.type(QUERY, delay=15)
        wait_rendered(widget, QUERY)
        assert option_titles(widget)[0] == FIRST
        assert widget.locator(".status").inner_text() != ""  # the live region said how many
        page.keyboard.press("ArrowDown")
        field = widget.locator("input")
        active = field.get_attribute("aria-activedescendant")
        assert active and widget.locator(f"#{active}").get_attribute("aria-selected") == "true"
        assert widget.locator(f"#{active} .bn-search__title").inner_text() == FIRST
        with page.expect_navigation(url=LOGINS[library]):
            page.keyboard.press("Enter")
        assert page.url == LOGINS[library]
    assert off_origins(requests, site, host) == [LOGINS[library]]
    assert any(url.startswith(f"{site}/calvados/bn-search/") for url in requests)  # the index, cross-origin


TITLE = "Les Gardiens du phare — Tome 1 : La Lanterne"  # data/harvest/izneo-nouveautes.json
TITLE_URL = "https://bibliotheques.izneo.example.org/boite-numerique/album/9782505120001"
TITLE_LOGINS = {
    "bayeux": f"https://proxy.mediatheque.bayeux.example.org/login?qurl={quote(TITLE_URL, safe='')}",
    "vire-normandie": f"https://ezproxy.vire-normandie.example.org/login?url={TITLE_URL}",
}


@pytest.mark.parametrize("library", sorted(TITLE_LOGINS))
def test_a_title_opens_at_its_own_address_through_the_library_login(browser, origins, library):
    site, host, town = origins
    name = town_page(town, site, [library])
    with town_context(browser, site, host) as context:
        page = context.new_page()
        page.goto(f"{host}/{name}")
        widget = page.locator("bibnum-recherche")
        field = widget.locator("input")
        field.press_sequentially("gardiens lanterne", delay=10)
        wait_rendered(widget, "gardiens lanterne")
        options = widget.locator("[role=option]")
        titles = option_titles(widget)
        assert TITLE in titles
        for _ in range(titles.index(TITLE) + 1):
            field.press("ArrowDown")
        assert widget.locator(f"#{field.get_attribute('aria-activedescendant')}").get_attribute("href") \
            == options.nth(titles.index(TITLE)).get_attribute("href") == TITLE_LOGINS[library]
        with page.expect_navigation(url=TITLE_LOGINS[library]):
            field.press("Enter")


def test_two_widgets_on_one_page_and_an_unknown_library(browser, origins):
    """Each widget opens through its own library; an unknown one says so and opens the portal's login."""
    site, host, town = origins
    name = town_page(town, site, ["bayeux", "inconnue"])
    with town_context(browser, site, host) as context:
        page = context.new_page()
        page.goto(f"{host}/{name}")
        first, unknown = page.locator("bibnum-recherche").nth(0), page.locator("bibnum-recherche").nth(1)
        notice = unknown.locator(".notice")
        assert notice.is_visible() and "« inconnue »" in notice.inner_text()
        assert not first.locator(".notice").is_visible()
        for widget in (first, unknown):
            widget.locator("input").press_sequentially(QUERY, delay=10)
            wait_rendered(widget, QUERY)
        links = [w.locator("[role=option]").first.get_attribute("href") for w in (first, unknown)]
        assert links == [LOGINS["bayeux"], LOGINS["ifs"]]  # Ifs has no login of its own: the portal's
        # The host page's own styles and globals are untouched.
        assert page.evaluate("typeof window.BibnumSearch") == "undefined"
        assert page.evaluate("getComputedStyle(document.querySelector('h1')).fontWeight") == "700"
        # ...and the widget takes the host's font.
        assert "Georgia" in first.locator(".label").evaluate("el => getComputedStyle(el).fontFamily")


def test_a_hostile_title_stays_text(browser, origins):
    """A title that is markup (from a harvested feed, say) is shown as its characters, never parsed."""
    site, host, town = origins
    hostile = "</script><img src=x onerror=alert(1)>"
    name = town_page(town, site, ["bayeux"])

    odd = "https://bibliotheques.izneo.example.org/album/l'Écume_(2)!*~?a=1&b=x%20y"

    odd_at: dict[str, int] = {}  # display chunk number -> where TITLE is in it

    def chunk_number(url: str) -> str:
        return url.rsplit("/", 1)[1].split(".", 1)[0]

    def rename(route) -> None:
        response = route.fetch()
        rows = response.json()
        odd_at.update({chunk_number(route.request.url): i for i, row in enumerate(rows) if row[0] == TITLE})
        route.fulfill(response=response, json=[[hostile, *row[1:]] if row[0] == FIRST else row for row in rows])

    def readdress(route) -> None:  # TITLE's own address, in the link chunk beside its display chunk
        response = route.fetch()
        links, at = response.json(), odd_at.get(chunk_number(route.request.url))
        route.fulfill(response=response, json=[odd if i == at else link for i, link in enumerate(links)])

    with town_context(browser, site, host) as context:
        page = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.route(f"{site}/calvados/bn-search/d/*", rename)
        page.route(f"{site}/calvados/bn-search/l/*", readdress)
        page.goto(f"{host}/{name}")
        widget = page.locator("bibnum-recherche")
        widget.locator("input").press_sequentially(QUERY, delay=10)
        wait_rendered(widget, QUERY)
        assert option_titles(widget)[0] == hostile
        assert widget.evaluate("el => el.shadowRoot.querySelectorAll('img, script').length") == 0
        assert dialogs == []
        # Percent-encoded once as access.py does (quote(safe="")), even ' ( ) ! * that JavaScript leaves.
        widget.locator("input").fill("gardiens lanterne")
        wait_rendered(widget, "gardiens lanterne")
        hrefs = widget.locator("[role=option]").evaluate_all("els => els.map(e => e.getAttribute('href'))")
        assert f"https://proxy.mediatheque.bayeux.example.org/login?qurl={quote(odd, safe='')}" in hrefs


def test_the_widget_passes_axe_with_its_results_shown(browser, origins):
    site, host, town = origins
    name = town_page(town, site, ["lisieux"])
    with town_context(browser, site, host) as context:
        page = context.new_page()
        page.goto(f"{host}/{name}")
        widget = page.locator("bibnum-recherche")
        widget.locator("input").press_sequentially("anglais", delay=10)
        wait_rendered(widget, "anglais")
        widget.locator("input").press("ArrowDown")
        assert option_titles(widget)
        result = run_axe(page)  # axe reads shadow roots
        assert {"aria-required-children", "label"} <= result.applicable  # the shadow root was read
        assert result.violations == []


def test_the_embed_page_previews_a_working_widget_per_library(browser, site_server, demo_build):
    """« Intégrer nos ressources »: a snippet and a live widget per library, under the portal's CSP."""
    with town_context(browser, site_server, site_server) as context:
        page = context.new_page()
        page.add_init_script("window.__violations = [];"
                             "document.addEventListener('securitypolicyviolation',"
                             " e => window.__violations.push(e.violatedDirective));")
        page.goto(f"{site_server}/calvados/integrer/")
        sections = page.locator("details.bn-embed__widget")
        assert sections.count() == page.locator("bibnum-recherche").count() > 1
        code = sections.nth(0).locator("pre code").text_content()  # shown once opened
        assert '<script src="https://boitenumerique.example.org/widget/bibnum-recherche.js" defer></script>' in code
        for number in range(sections.count()):  # each library's preview, through its own links
            section = sections.nth(number)
            section.locator("summary").click()
            widget = section.locator("bibnum-recherche")
            library = widget.get_attribute("bibliotheque")
            assert f'bibliotheque="{library}"' in section.locator("pre code").inner_text()
            widget.locator("input").fill(QUERY)
            wait_rendered(widget, QUERY)
            assert option_titles(widget)[0] == FIRST
            links = json.loads((demo_build.out / "calvados" / "widget" / "acces" / f"{library}.json").read_text())
            assert widget.locator("[role=option]").first.get_attribute("href") \
                == links["links"]["ressources/prepacode/"]
        assert page.evaluate("window.__violations") == []
        assert unexplained(run_axe(page), allowlist()["axe"]) == []  # the page, its previews open
