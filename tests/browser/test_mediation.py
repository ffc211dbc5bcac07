"""The printable posters and cards in Chromium: the QR code, as the browser draws it, read back by
zxing-cpp (a decoder that is not the encoder) to the exact address of the resource's page on that
portal; one A4 page each when printed; axe-clean on screen, as is the listing page.

One real build (mkdocs-material) of the pro site of a small two-portal network, for the module.
"""

from __future__ import annotations

import io
import re

import pytest
import zxingcpp
from PIL import Image

import yaml

from generator.build import build
from tests.conftest import DEMO_NOW
from tests.pages.test_mediation import CAFE, two_portal_network

from .axe import allowlist, run_axe, unexplained
from .conftest import local_only, serve_folder

pytestmark = pytest.mark.browser

# (poster folder, the address its QR code must open): the portal's url + the resource page's path.
POSTERS = [
    ("mediation/portail/gallica/", "https://v.example.org/portail/ressources/gallica/"),
    ("mediation/ville/gallica/", "https://ville.example.org/numerique/ressources/gallica/"),
    ("mediation/ville/cafe-des-langues/", "https://ville.example.org/numerique/ressources/cafe-des-langues/"),
    ("mediation/ville/tout-en-un/", "https://ville.example.org/numerique/ressources/tout-en-un/"),
]
# The longest texts a resource is likely to have (the summary and the place at their models' limits,
# every audience, a provider account to create): the smallest print size, still one page, nothing cut.
LONGEST = {
    **CAFE, "title": "Tout en un : presse, cinéma, musique, cours de langues et livres numériques réunis",
    "provider": "Le groupement des fournisseurs de ressources numériques pour les bibliothèques",
    "summary": ("Lisez la presse du jour, regardez des films et des documentaires, écoutez de la musique, apprenez "
                "une langue ou le code de la route et empruntez des livres numériques récents, chez vous comme "
                "en médiathèque, sur tous vos appareils.")[:240],
    "audiences": ["tout-petits", "enfants", "ados", "adultes", "seniors", "familles"],
    "access": {"kind": "on_site", "where": (
        "dans toutes les médiathèques de la Ville, sur les ordinateurs et tablettes publics, aux heures "
        "d'ouverture, sur simple présentation de la carte, avec l'aide des bibliothécaires qui montrent comment "
        "emprunter, lire et rendre un livre numérique sur la liseuse de votre choix ou sur votre téléphone")[:300]},
}
PAGES = ("affiche.html", "cartes.html")


@pytest.fixture(scope="module")
def pro_site(tmp_path_factory):
    """The origin serving the built sites, and the pro site's address on it."""
    root = two_portal_network(tmp_path_factory.mktemp("posters") / "reseau")
    (root / "data" / "resources" / "tout-en-un.yml").write_text(yaml.safe_dump(LONGEST, allow_unicode=True),
                                                               encoding="utf-8")
    build(root, out=root / "site", now=DEMO_NOW, sites=["pro"])
    with serve_folder(root / "site") as origin:
        yield origin, f"{origin}/pro/"


@pytest.fixture
def poster_page(browser, pro_site):
    """A page that records every failed request and every console error (a refused style, a missing file)."""
    context = browser.new_context(locale="fr-FR", **local_only(pro_site[0]))
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.problems = []
    page.on("response", lambda r: page.problems.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("console", lambda m: page.problems.append(m.text) if m.type == "error" else None)
    try:
        yield page
    finally:
        context.close()


def decoded(png: bytes) -> list[str]:
    return [result.text for result in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]


@pytest.mark.parametrize(("folder", "url"), POSTERS, ids=[folder.split("/", 1)[1] for folder, _ in POSTERS])
def test_the_qr_code_drawn_by_the_browser_reads_as_the_resource_page_on_that_portal(poster_page, pro_site,
                                                                                    folder, url):
    for name in PAGES:
        poster_page.goto(pro_site[1] + folder + name)
        codes = poster_page.locator("svg.bn-qr__code")
        assert codes.count() == (1 if name == "affiche.html" else 4)
        assert decoded(codes.first.screenshot()) == [url], name
        assert decoded(codes.last.screenshot()) == [url], name
        assert poster_page.locator(".bn-qr__url").first.inner_text() == url
    assert poster_page.problems == []


@pytest.mark.parametrize("folder", [POSTERS[2][0], POSTERS[3][0]], ids=["short", "longest"])
def test_a_poster_and_a_card_sheet_each_print_on_one_a4_page_in_the_portal_s_colours(poster_page, pro_site, folder):
    for name in PAGES:
        poster_page.goto(pro_site[1] + folder + name)
        pdf = poster_page.pdf(format="A4")  # print media: the stylesheet's @media print and @page rules
        assert len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) == 1, name
        poster_page.emulate_media(media="print")
        assert poster_page.locator(".bn-screen").first.is_hidden()  # the way back and the advice are not printed
        cut = poster_page.evaluate("() => [...document.querySelectorAll('.bn-card, .bn-poster')]"
                                   ".filter(box => box.scrollHeight > box.clientHeight + 1).length")
        assert cut == 0, name  # no card hides part of its text
        if folder == POSTERS[3][0]:
            assert poster_page.locator("main.bn-density-2").count() == 1  # the smallest print size, tested here
        band = poster_page.locator(".bn-band").first.evaluate("e => getComputedStyle(e).backgroundColor")
        assert band == "rgb(29, 79, 145)"  # ville's primary colour, #1d4f91: its couleurs.css applies
        poster_page.emulate_media(media=None)
    assert poster_page.problems == []


def test_a_poster_a_card_sheet_and_the_listing_page_pass_axe(poster_page, pro_site):
    entries = allowlist()["axe"]
    for path in (POSTERS[2][0] + "affiche.html", POSTERS[2][0] + "cartes.html", "mediation/"):
        poster_page.goto(pro_site[1] + path)
        result = run_axe(poster_page)
        assert unexplained(result, entries) == [], path
        assert "color-contrast" in result.applicable, path  # the rules ran on the page's text
    listed = poster_page.locator("main a[href$='.html']")
    assert listed.count() == 2 * len(POSTERS)
    listed.first.click()
    assert poster_page.url == pro_site[1] + "mediation/portail/gallica/affiche.html"
