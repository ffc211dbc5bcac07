"""The header search box in a real browser: typical queries, accents, plurals, facets, keyboard, no JS, Algolia."""

from __future__ import annotations

import functools
import json
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from generator.search.normalize import fold, query_terms, words
from tests.conftest import DEMO_NOW, copy_project
from tests.search.cases import QUERIES

from .keyboard import settle

pytestmark = pytest.mark.browser

INPUT = "[data-bn-search-input]"
ROOT = "[data-bn-search]"
OPTIONS = "[data-bn-search-results] [role=option]"
ITEMS = "[data-bn-search-results] [role=option]:not([data-bn-type])"
ADMIN_KEY = "adm1n-k3y-0123456789abcdef0123456789abcdef"
SEARCH_KEY = "0123456789abcdef0123456789abcdef"


def search(page, origin: str, query: str, site: str = "calvados") -> None:
    """Open a page, focus the box with '/', type like a reader, wait for the results of the whole query."""
    page.goto(f"{origin}/{site}/")
    page.keyboard.press("/")
    page.keyboard.type(query, delay=15)
    wait_for(page, query)


def wait_for(page, query: str) -> None:
    page.wait_for_function("([sel, q]) => document.querySelector(sel).getAttribute('data-bn-rendered') === q",
                           arg=[ROOT, query])


def titles(page) -> list[str]:
    return page.locator(f"{ITEMS} .bn-search__title").all_inner_texts()


def groups(page) -> list[str]:
    """The result groups shown, in order, by type: resource, title, event, library, post, group, page."""
    return page.locator("[data-bn-search-results] .bn-search__group-title").evaluate_all(
        "els => els.map(e => e.id.replace('bn-search-group-', ''))")


@pytest.mark.parametrize("query, first", [
    ("anglais", "Assimil — langues en ligne"),
    ("presse", "Cafeyn"),
    ("Ouest", "Ouest-France numérique"),
    ("conte", "StoryPlay'r"),
    ("cinema", "La Médiathèque numérique"),
    ("atelier tablette", "Atelier tablette : films, musique et livres numériques"),
])
def test_typical_queries_show_the_expected_result_first(site_server, page, query, first):
    search(page, site_server, query)
    assert titles(page)[0] == first


def test_slash_focuses_the_box_and_results_are_grouped_with_facet_labels(site_server, page):
    page.goto(site_server + "/calvados/agenda/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.matches('[data-bn-search-input]')")
    assert page.locator("#__search").is_checked()
    page.keyboard.type("anglais", delay=15)
    wait_for(page, "anglais")
    assert groups(page)[0] == "resource"
    assert {"resource", "title", "event"} <= set(groups(page))
    assert page.locator("#bn-search-group-resource").inner_text().lower().startswith("ressources")
    first = page.locator(ITEMS).first
    assert first.locator(".bn-search__tag").first.inner_text() == "Autoformation"
    assert page.locator(f"{ITEMS} .bn-search__tag--upcoming").count() >= 1  # events say whether they are to come
    assert page.locator("[data-bn-search-status]").inner_text().endswith("résultats")


def test_accents_plurals_and_prefixes(site_server, page):
    search(page, site_server, "cinéma")
    accented = titles(page)
    search(page, site_server, "cinema")
    assert titles(page) == accented
    search(page, site_server, "ateliers")
    assert "Atelier tablette : films, musique et livres numériques" in titles(page)
    search(page, site_server, "Oues")
    assert titles(page)[0] == "Ouest-France numérique"
    assert page.locator(f"{ITEMS} mark").first.inner_text() == "Ouest"
    search(page, site_server, "bibliotheques")
    assert any(fold("bibliothèque") in fold(t) for t in titles(page))


def test_a_facet_narrows_the_results(site_server, page):
    search(page, site_server, "anglais")
    total = len(titles(page))
    page.locator(".bn-search__facet[aria-label='Catégorie']").select_option("jeunesse")
    page.wait_for_function("sel => !document.querySelector(sel).textContent.includes('Assimil')",
                           arg="[data-bn-search-results]")
    tags = page.locator(ITEMS).evaluate_all("els => els.map(e => [...e.querySelectorAll('.bn-search__tag')].map(t => t.textContent))")
    assert tags and all("Jeunesse" in item for item in tags)
    assert len(tags) < total
    page.locator(".bn-search__type", has_text="Ressources").click()
    page.wait_for_function("() => document.querySelectorAll('.bn-search__group').length === 1")
    assert groups(page) == ["resource"]
    assert page.locator(".bn-search__type[aria-pressed=true]").inner_text().startswith("Ressources")


def test_enter_opens_the_first_result_and_arrows_choose_another(site_server, page):
    search(page, site_server, "Ouest")
    page.keyboard.press("Enter")
    page.wait_for_url("**/calvados/ressources/ouest-france/")
    search(page, site_server, "anglais")
    second = page.locator(OPTIONS).nth(1).get_attribute("href")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    active = page.locator(INPUT).get_attribute("aria-activedescendant")
    assert page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/calvados/{second.split('/calvados/')[-1].lstrip('./')}")


def test_enter_typed_before_the_results_arrive_still_opens_the_first(site_server, page):
    page.goto(site_server + "/calvados/")
    page.keyboard.press("/")
    page.keyboard.type("Ouest", delay=0)
    page.keyboard.press("Enter")  # the index has not even been fetched yet
    page.wait_for_url("**/calvados/ressources/ouest-france/")


def test_escape_clears_then_closes(site_server, page):
    search(page, site_server, "presse")
    page.keyboard.press("Escape")
    assert page.locator(INPUT).input_value() == "" and page.locator(OPTIONS).count() == 0
    page.keyboard.press("Escape")
    assert not page.locator("#__search").is_checked()


def test_public_and_pro_sites_search_their_own_records(site_server, page):
    search(page, site_server, "copil", site="pro")
    assert "Retour sur le COPIL 2026" in titles(page)
    search(page, site_server, "copil")
    assert titles(page) == []
    assert "Aucun résultat" in page.locator("[data-bn-search-status]").inner_text()


def test_the_search_never_loads_materials_whole_index(site_server, page, demo_build):
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    search(page, site_server, "presse")
    assert not any("search_index" in url for url in fetched)
    assert any("/bn-search/" in url for url in fetched)
    assert not (demo_build.out / "calvados" / "search" / "search_index.json").exists()


def test_readable_on_a_phone(site_server, browser):
    context = browser.new_context(viewport={"width": 375, "height": 740}, locale="fr-FR", has_touch=True)
    try:
        phone = context.new_page()
        phone.goto(site_server + "/calvados/")
        phone.locator("label.md-header__button[for=__search]").click()
        assert phone.evaluate("document.activeElement.matches('[data-bn-search-input]')")
        phone.keyboard.type("presse", delay=15)
        wait_for(phone, "presse")
        first = phone.locator(ITEMS).first
        settle(phone)  # Material slides the panel in: measure once its transition has ended
        box = first.bounding_box()
        assert box["x"] >= -1 and box["x"] + box["width"] <= 376
        panel = phone.locator(".md-search__output").bounding_box()
        assert panel["x"] >= -1 and panel["x"] + panel["width"] <= 376
        font = phone.locator(f"{ITEMS} .bn-search__title").first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
        assert font >= 14
    finally:
        context.close()


def test_without_javascript_the_header_offers_the_catalogue_facets(site_server, nojs_page):
    nojs_page.goto(site_server + "/calvados/agenda/")
    assert nojs_page.locator(".md-search").is_hidden()
    link = nojs_page.locator("a.bn-search-nojs")
    assert link.is_visible()
    link.click()
    nojs_page.wait_for_url("**/calvados/ressources/")
    hrefs = nojs_page.locator("main a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert any("categories/" in h for h in hrefs) and any("publics/" in h for h in hrefs)


def test_the_javascript_normalizer_agrees_with_python(site_server, page):
    page.goto(site_server + "/calvados/")
    js = page.evaluate("""qs => qs.map(q => ({
        fold: BibnumSearch.normalize.fold(q), words: BibnumSearch.normalize.words(q),
        terms: BibnumSearch.normalize.queryTerms(q) }))""", QUERIES)
    python = [{"fold": fold(q), "words": words(q), "terms": query_terms(q)} for q in QUERIES]
    assert js == python


def test_a_page_opened_with_q_runs_that_search_and_shows_the_best_bet_first(site_server, page):
    """The browser's search bar (opensearch.xml) opens a portal with ?q=: the box shows and runs that search;
    Prépacode bets on "code de la route" and "auto-école" (data/resources/prepacode.yml)."""
    origin = urlsplit(site_server)
    elsewhere = []
    page.on("request", lambda request: elsewhere.append(request.url)
            if urlsplit(request.url).netloc != origin.netloc else None)
    page.goto(f"{site_server}/calvados/?q=code%20de%20la%20route")
    wait_for(page, "code de la route")
    assert page.input_value(INPUT) == "code de la route"
    assert page.locator("#__search").is_checked()
    assert titles(page)[0] == "Prépacode — code de la route"
    # Prépacode holds neither word of this query (others hold words starting with them, Assimil would come
    # first): its bet puts it first.
    page.goto(f"{site_server}/calvados/agenda/?q=Auto-%C3%89cole")
    wait_for(page, "Auto-École")
    assert titles(page)[0] == "Prépacode — code de la route"
    assert elsewhere == []  # the static index answers from the site itself


# --- a site searching Algolia ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def algolia_build(tmp_path_factory):
    """The caen portal configured for Algolia, built with the admin key in the environment."""
    import os

    from generator.build import build

    root = copy_project(tmp_path_factory.mktemp("algolia") / "network")
    sites_file = root / "data" / "sites.yml"
    data = yaml.safe_load(sites_file.read_text(encoding="utf-8"))
    caen = next(s for s in data["sites"] if s["id"] == "caen")
    caen["algolia"] = {"app_id": "ABCDEF1234", "index": "bn_caen", "search_key": SEARCH_KEY}
    sites_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    os.environ["ALGOLIA_ADMIN_KEY"] = ADMIN_KEY
    try:
        build(root, sites=["caen"], out=root / "site", now=DEMO_NOW)
    finally:
        del os.environ["ALGOLIA_ADMIN_KEY"]
    return root


@pytest.fixture(scope="module")
def algolia_server(algolia_build):
    handler = functools.partial(_Quiet, directory=str(algolia_build / "site"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.mark.e2e
def test_no_admin_key_in_the_built_site(algolia_build):
    found_search_key = False
    for path in (algolia_build / "site").rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            assert ADMIN_KEY.encode() not in content, path
            found_search_key |= SEARCH_KEY.encode() in content
    assert found_search_key  # the search-only key is public by design, in the pages


def answer_as_algolia(page) -> list:
    """Route Algolia's multi-query endpoint to a naive local answer; return the list of requests sent."""
    from generator.build import load_graph
    from generator.view.site_view import SiteView
    from generator.search.algolia import algolia_objects
    from generator.search.records import site_records

    graph = load_graph(Path(__file__).resolve().parents[2])
    objects = algolia_objects(site_records(SiteView.build(graph, graph.site("caen"), DEMO_NOW)))
    sent = []

    def answer(route):
        """Algolia's multi-query endpoint, naively: objects whose title or text holds every query word."""
        body = json.loads(route.request.post_data)
        sent.append((route.request.url, route.request.headers, body))
        results = []
        for request in body["requests"]:
            wanted = words(request.get("query", ""))
            filters = dict(f.split(":", 1) for f in request.get("facetFilters", []))
            hits = [o for o in objects
                    if all(w in fold(" ".join([o["title"], o.get("strong", ""), o.get("medium", "")])) for w in wanted)
                    and all(v in (o[k] if isinstance(o[k], list) else [o[k]]) for k, v in filters.items())]
            counts = {}
            for hit in hits:
                counts[hit["type"]] = counts.get(hit["type"], 0) + 1
            results.append({"hits": hits[: request.get("hitsPerPage", 20)], "nbHits": len(hits),
                            "facets": {"type": counts}})
        route.fulfill(status=200, content_type="application/json", body=json.dumps({"results": results}))

    page.route("**/1/indexes/*/queries*", answer)
    return sent


def test_an_algolia_site_searches_algolia_with_the_same_box(algolia_server, page):
    sent = answer_as_algolia(page)
    search(page, algolia_server, "presse", site="caen")
    assert "Cafeyn" in titles(page)
    url, headers, body = sent[-1]
    assert url.lower().startswith("https://abcdef1234-dsn.algolia.net/")  # Algolia's own hosts, from the site's configuration
    assert SEARCH_KEY in url or headers.get("x-algolia-api-key") == SEARCH_KEY
    assert ADMIN_KEY not in url and ADMIN_KEY not in json.dumps(headers)
    assert all(r["indexName"] == "bn_caen" for r in body["requests"])
    renders = int(page.locator(ROOT).get_attribute("data-bn-renders"))
    page.locator(".bn-search__facet[aria-label='Public']").select_option("etudiants")
    page.wait_for_function("([sel, n]) => Number(document.querySelector(sel).getAttribute('data-bn-renders')) > n",
                           arg=[ROOT, renders])
    assert all("audiences:etudiants" in r["facetFilters"] for r in sent[-1][2]["requests"])
    assert "Cafeyn" not in titles(page) and "Europresse" in titles(page)


def test_an_algolia_site_opened_with_q_asks_algolia_that_search(algolia_server, page):
    sent = answer_as_algolia(page)
    page.goto(f"{algolia_server}/caen/?q=presse")
    wait_for(page, "presse")
    assert page.input_value(INPUT) == "presse"
    assert "Cafeyn" in titles(page)
    assert {r["query"] for r in sent[-1][2]["requests"]} == {"presse"}
