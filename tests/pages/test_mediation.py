"""The pro site's posters and cards, generated from a small network written inline (no engine):
one poster and one card sheet per resource and public portal that shows it, standalone pages
with their own policy, the portal's colours and logo, how to start from the access on that
portal, the QR code's address; the listing page by portal, in the pro navigation."""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from urllib.parse import urljoin

import pytest
import yaml
from bs4 import BeautifulSoup

from generator.build import load_graph
from generator.pages.csp import PRINT_POLICY
from generator.pages.mediation import DENSITY_STEPS, how_to_start, text_density
from generator.view import paths
from generator.work_tree import generate_site
from tests.conftest import DEMO_NOW, small_network

# A second portal, with its own login, colours and logo, and a resource only it shows (with a
# provider account), beside the new network's `portail` and its free resource `gallica`.
VILLE = {
    "id": "ville", "kind": "public", "name": "Médiathèques de la Ville", "tagline": "Vos ressources en ligne.",
    "url": "https://ville.example.org/numerique/", "look": "ville", "logo": "images/logo.svg",
    "palette": {"primary": "#1d4f91", "accent": "#8a1538"},
    "login": {"kind": "cas", "base": "https://cas.ville.example.org/cas"},
}
CAFE = {
    "title": "Café des langues", "provider": "Linguaphone", "category": "autoformation", "audiences": ["adultes"],
    "summary": "Des cours de langues en ligne, du débutant au confirmé.", "description": "Des cours.",
    "devices": ["ordinateur"], "how_to_start": ["Choisissez une langue."],
    "conditions": {"account": "fournisseur"},
    "access": {"kind": "login", "target": "https://cafe.example.org/"}, "added": "2026-11-01", "sites": ["ville"],
}
LOGO = (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><circle cx="24" cy="24" r="18" '
        b'fill="none" stroke="#fff" stroke-width="4"/></svg>\n')


def two_portal_network(root: Path) -> Path:
    """The new network of `bibnum new` with the portal VILLE (its look and logo) and the resource CAFE."""
    small_network(root)
    sites_file = root / "data" / "sites.yml"
    data = yaml.safe_load(sites_file.read_text(encoding="utf-8"))
    data["sites"].insert(1, VILLE)
    sites_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (root / "themes" / "ville" / "images").mkdir(parents=True)
    (root / "themes" / "ville" / "images" / "logo.svg").write_bytes(LOGO)
    (root / "data" / "resources" / "cafe-des-langues.yml").write_text(
        yaml.safe_dump(CAFE, allow_unicode=True), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return two_portal_network(tmp_path_factory.mktemp("mediation") / "reseau")


@pytest.fixture(scope="module")
def pro_docs(project) -> dict[str, str | bytes]:
    graph = load_graph(project)
    pro = next(site for site in graph.sites if site.kind == "pro")
    files = generate_site(graph, pro, DEMO_NOW)
    return {path.removeprefix("docs/"): content for path, content in files.items()}


def soup(docs, path) -> BeautifulSoup:
    return BeautifulSoup(docs[path], "html.parser")


def target(docs, page: str, link: str) -> str:
    """The docs file a relative link of PAGE leads to (a folder: its index.md)."""
    url = urljoin("https://site.invalid/" + paths.url_of(page), link).removeprefix("https://site.invalid/")
    return url + "index.md" if url.endswith("/") or not url else url


def test_each_portal_has_a_poster_and_a_card_sheet_for_each_resource_it_shows(pro_docs):
    made = sorted(path for path in pro_docs if path.endswith((".html")) and path.startswith("mediation/"))
    assert made == ["mediation/portail/gallica/affiche.html", "mediation/portail/gallica/cartes.html",
                    "mediation/ville/cafe-des-langues/affiche.html", "mediation/ville/cafe-des-langues/cartes.html",
                    "mediation/ville/gallica/affiche.html", "mediation/ville/gallica/cartes.html"]


def test_the_listing_page_links_every_poster_and_card_sheet_by_portal(pro_docs):
    page = soup(pro_docs, paths.MEDIATION)
    sections = {s.h2.get_text(): s for s in page.select("section")}
    assert list(sections) == ["Réseau de la Vallée", "Médiathèques de la Ville"]  # as data/sites.yml lists them
    ville = sections["Médiathèques de la Ville"]
    assert [th.get_text() for th in ville.select("tbody th")] == ["Café des langues", "Gallica"]
    links = {a.get_text(" ", strip=True): target(pro_docs, paths.MEDIATION, a["href"]) for a in ville.select("a")}
    assert links == {"Affiche A4 de Café des langues": "mediation/ville/cafe-des-langues/affiche.html",
                     "Cartes A6 de Café des langues": "mediation/ville/cafe-des-langues/cartes.html",
                     "Affiche A4 de Gallica": "mediation/ville/gallica/affiche.html",
                     "Cartes A6 de Gallica": "mediation/ville/gallica/cartes.html"}
    assert pro_docs[paths.MEDIATION].startswith("---\n") and "title: Affiches et cartes" in pro_docs[paths.MEDIATION]


def test_the_listing_page_is_in_the_pro_navigation(project):
    graph = load_graph(project)
    pro = next(site for site in graph.sites if site.kind == "pro")
    nav = yaml.safe_load(generate_site(graph, pro, DEMO_NOW)["mkdocs.yml"])["nav"]
    assert {"Affiches et cartes": paths.MEDIATION} in nav


@pytest.mark.parametrize("page", ["affiche.html", "cartes.html"])
def test_a_poster_is_a_standalone_french_page_with_its_policy_and_no_script_or_inline_style(pro_docs, page):
    path = f"mediation/ville/cafe-des-langues/{page}"
    html = soup(pro_docs, path)
    assert html.html["lang"] == "fr"
    assert "Café des langues" in html.title.get_text() and "Médiathèques de la Ville" in html.title.get_text()
    assert html.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"] == PRINT_POLICY
    assert not html.find_all(["script", "style"]) and not html.select("[style]")
    assert not html.select(".md-header, .md-nav")  # nothing of the engine's pages
    # Every stylesheet, image and link of the site is a file the pro site publishes.
    local = [tag.get("href") or tag.get("src") for tag in html.select("link[href], img[src], a[href]")
             if not (tag.get("href") or "").startswith("https://")]
    assert {target(pro_docs, path, link) for link in local} == {
        paths.MEDIATION_CSS, "mediation/ville/couleurs.css", "mediation/ville/logo.svg", paths.MEDIATION,
        f"mediation/ville/cafe-des-langues/{'cartes.html' if page == 'affiche.html' else 'affiche.html'}"}


def test_a_poster_shows_title_summary_audiences_how_to_start_category_and_the_portal(pro_docs):
    html = soup(pro_docs, "mediation/ville/cafe-des-langues/affiche.html")
    assert html.h1.get_text() == "Café des langues"
    assert html.select_one(".bn-summary").get_text() == CAFE["summary"]
    assert html.select_one(".bn-audiences").get_text() == "Adultes"  # the taxonomy's label, not the id
    assert [p.get_text() for p in html.select(".bn-start")] == [
        "Connectez-vous sur Médiathèques de la Ville avec votre carte de bibliothèque.",
        "La première fois, créez aussi votre compte chez Linguaphone."]
    category = html.select_one(".bn-category")
    assert category.get_text() == "Autoformation" and category.svg["aria-hidden"] == "true"
    assert html.select_one(".bn-brand__name").get_text() == "Médiathèques de la Ville"


def test_the_qr_code_opens_the_resource_page_on_that_portal_and_says_so(pro_docs):
    for portal, url in (("portail", "https://v.example.org/portail/ressources/gallica/"),
                        ("ville", "https://ville.example.org/numerique/ressources/gallica/")):
        html = soup(pro_docs, f"mediation/{portal}/gallica/affiche.html")
        qr = html.select_one("figure.bn-qr svg")
        assert qr["role"] == "img" and qr["aria-label"].endswith(f" : {url}") and "Gallica" in qr["aria-label"]
        printed = html.select_one("figure.bn-qr figcaption a")
        assert printed["href"] == printed.get_text() == url


def test_a_card_sheet_has_four_cards_of_which_screen_readers_read_one(pro_docs):
    html = soup(pro_docs, "mediation/portail/gallica/cartes.html")
    cards = html.select("article.bn-card")
    assert len(cards) == 4
    assert [card.get("aria-hidden") for card in cards] == [None, "true", "true", "true"]
    assert [len(card.select("a")) for card in cards] == [1, 0, 0, 0]  # nothing focusable in a hidden card
    assert len(html.find_all("h1")) == 1 and len({card.select_one(".bn-qr__url").get_text() for card in cards}) == 1


def test_the_portal_colours_and_logo_come_with_its_posters(project, pro_docs):
    colours = pro_docs["mediation/ville/couleurs.css"]
    assert "--bn-primary: #1d4f91;" in colours and "--bn-accent: #8a1538;" in colours
    assert pro_docs["mediation/ville/logo.svg"] == LOGO
    assert pro_docs["mediation/portail/logo.svg"] == (project / "themes" / "reseau" / "logo.svg").read_bytes()
    css = pro_docs[paths.MEDIATION_CSS]
    assert "@page" in css and "size: A4" in css and "@page cartes" in css


@pytest.mark.parametrize(("access", "portal", "expected"), [
    ({"kind": "direct", "target": "https://a.example.org/"}, {}, ["Accès libre et gratuit, sans identification."]),
    ({"kind": "login", "target": "https://a.example.org/"}, {},
     ["Connectez-vous sur Médiathèques de la Ville avec votre carte de bibliothèque."]),
    ({"kind": "template", "template": "https://a.example.org/?id={code_bib}"}, {"library_logins": True},
     ["Choisissez votre bibliothèque sur la page de la ressource, puis connectez-vous avec votre carte."]),
    ({"kind": "login", "target": "https://a.example.org/",
      "sites": {"ville": {"kind": "on_site", "where": "à la médiathèque centrale"}}}, {},
     ["Sur place uniquement : à la médiathèque centrale."]),  # the portal's own access wins
])
def test_how_to_start_follows_the_access_on_the_portal(project, access, portal, expected):
    graph = load_graph(project)
    resource = graph.resources["gallica"].model_copy(update={"access": graph.resources["gallica"].access.__class__
                                                              .model_validate(access)})
    site = graph.sites[1].model_copy(update=portal)
    assert site.id == "ville"
    assert list(how_to_start(resource, site)) == expected


def test_without_a_resource_on_a_public_portal_there_is_no_mediation_page(tmp_path):
    root = small_network(tmp_path / "reseau")
    resource = root / "data" / "resources" / "gallica.yml"
    resource.write_text(resource.read_text(encoding="utf-8") + "sites: []\n", encoding="utf-8")
    graph = load_graph(root)
    pro = next(site for site in graph.sites if site.kind == "pro")
    files = generate_site(graph, pro, DEMO_NOW)
    assert not [path for path in files if PurePosixPath(path).parts[1:2] == ("mediation",)]
    assert "mediation" not in files["mkdocs.yml"]


def test_longer_texts_print_smaller_in_two_steps():
    short = text_density("Gallica", "La BnF en ligne.", ("Adultes",), ("Accès libre.",))
    weight_of = lambda summary: 2 * len("T") + len(summary) + len("A") + len("S")  # noqa: E731
    at_first = "x" * (DENSITY_STEPS[0] - weight_of(""))
    assert short == 0 and text_density("T", at_first, ("A",), ("S",)) == 0
    assert text_density("T", at_first + "x", ("A",), ("S",)) == 1
    assert text_density("T" * 80, "x" * 240, ("Adultes",) * 8, ("x" * 300, "y" * 90)) == 2
