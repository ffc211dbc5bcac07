"""The link checker on small hand-made sites: good, broken link, missing anchor, missing asset, external."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.linkcheck.check import SiteRules, SiteTree, check_site
from generator.linkcheck.parse import parse_page, stylesheet_links
from generator.linkcheck.tree import read_site

RULES = SiteRules(url="https://reseau.example.org/portail/")


def page(body: str, head: str = "") -> str:
    return f'<!doctype html><html lang="fr"><head><title>t</title>{head}</head>\n<body>\n{body}\n</body></html>\n'


GOOD = {
    "index.html": page(
        '<a href="ressources/">Ressources</a> <a href="ressources/cafeyn/#acces">Cafeyn</a>\n'
        '<a href="#haut">haut</a> <a href="#">début</a> <a href="aide">aide sans /</a>\n'
        '<img src="assets/logo.svg" alt=""> <a href="https://ailleurs.example.org/x">ailleurs</a>\n'
        '<a href="mailto:contact@example.org">écrire</a> <a href="agenda.ics">agenda</a>',
        head='<link rel="stylesheet" href="assets/site.css"><span id="haut"></span>'),
    "ressources/index.html": page('<a href="..">accueil</a> <a href="cafeyn/">Cafeyn</a> <a href="../index.html#haut">haut</a>'),
    "ressources/cafeyn/index.html": page('<h2 id="acces">Accès</h2><a href="../../">accueil</a>'
                                         '<a href="https://ailleurs.example.org/x">ailleurs</a>'),
    "aide/index.html": page("<p>aide</p>"),
    "assets/logo.svg": "<svg/>",
    "assets/site.css": ".a { background: url('logo.svg') } .b { background: url(data:image/png;base64,AA) }",
    "agenda.ics": "BEGIN:VCALENDAR",
}


def tree_of(files: dict[str, str]) -> SiteTree:
    return SiteTree(
        frozenset(files),
        {path: parse_page(text) for path, text in files.items() if path.endswith(".html")},
        {path: stylesheet_links(text) for path, text in files.items() if path.endswith(".css")},
    )


def messages(files: dict[str, str], rules: SiteRules = RULES) -> list[str]:
    return [f"{p.page}:{p.line}: {p.message}" for p in check_site(tree_of(files), rules).problems]


def test_a_good_site_has_no_problem_and_lists_its_external_links():
    report = check_site(tree_of(GOOD), RULES)
    assert report.problems == []
    assert report.pages == 4
    assert report.links > 10
    assert report.external == {"https://ailleurs.example.org/x": ["index.html", "ressources/cafeyn/index.html"]}


def test_a_broken_link_names_the_page_and_the_link():
    files = {**GOOD, "ressources/index.html": page('<p>x</p>\n<a href="cafein/">Cafeyn</a>')}
    assert messages(files) == [
        "ressources/index.html:4: lien cassé « cafein/ » : ressources/cafein/index.html n'existe pas"
    ]


def test_a_link_to_a_source_file_says_to_link_the_page_by_its_address():
    """An editor's `[l'aide](aide.md)`: every page is published in its own folder (X/index.md), on every engine."""
    files = {**GOOD, "a-propos/index.html": page('<p>x</p>\n<a href="aide.md">aide</a>')}
    assert messages(files) == [
        "a-propos/index.html:4: lien cassé « aide.md » : a-propos/aide.md n'existe pas ; une page se lie par son "
        "adresse, relative à celle de la page qui la cite, pas par le nom de son fichier (chaque page est publiée "
        "dans son propre dossier) : écrivez par ex. « ../aide/ »"
    ]


def test_a_missing_anchor():
    files = {**GOOD, "index.html": GOOD["index.html"].replace("#acces", "#acess")}
    assert messages(files) == [
        "index.html:3: ancre manquante « ressources/cafeyn/#acess » : ressources/cafeyn/index.html n'a pas "
        "d'élément d'id « acess »"
    ]


def test_a_missing_anchor_on_the_same_page():
    files = {**GOOD, "aide/index.html": page('<a href="#nulle-part">x</a>')}
    assert messages(files) == [
        "aide/index.html:3: ancre manquante « #nulle-part » : aide/index.html n'a pas d'élément d'id « nulle-part »"]


def test_missing_assets_in_pages_and_stylesheets():
    files = {key: value for key, value in GOOD.items() if key != "assets/logo.svg"}
    assert messages(files) == [
        "index.html:5: fichier manquant « assets/logo.svg » : assets/logo.svg n'existe pas",
        "assets/site.css:1: fichier manquant « logo.svg » : assets/logo.svg n'existe pas",
    ]


def test_links_that_leave_the_site_or_assume_its_root():
    files = {**GOOD, "aide/index.html": page('<a href="../../ailleurs/">x</a>\n<a href="/ressources/">y</a>')}
    assert messages(files) == [
        "aide/index.html:3: lien « ../../ailleurs/ » sort du site",
        "aide/index.html:4: lien « /ressources/ » part de la racine (« / ») : il casse quand le site est servi "
        "sous un autre chemin ; écrivez-le en relatif, par ex. ../aide/",
    ]


def test_the_404_page_resolves_root_absolute_links_against_the_site_path():
    good_404 = page('<a href="/portail/ressources/">r</a><link rel="stylesheet" href="/portail/assets/site.css">'
                    '<a href="/portail//aide/">a doubled slash, which static hosts read as one</a>')
    assert messages({**GOOD, "404.html": good_404}) == []
    bad_404 = page('<a href="/portail/nulle-part/">r</a>\n<a href="/autre-site/">a</a>')
    assert messages({**GOOD, "404.html": bad_404}) == [
        "404.html:3: lien cassé « /portail/nulle-part/ » : nulle-part/index.html n'existe pas",
        "404.html:4: lien « /autre-site/ » pointe hors du chemin du site « /portail/ »",
    ]


@pytest.mark.parametrize("url", ["javascript:alert(1)", " JavaScript:void(0)", "data:text/html,<b>x</b>",
                                 "java&#9;script:alert(1)", "&#106;avascript:alert(1)", "vbscript:msgbox(1)",
                                 "file:///etc/passwd"])
def test_script_and_data_links_are_refused(url: str):
    files = {**GOOD, "aide/index.html": page(f'<a href="{url}">x</a>')}
    [problem] = messages(files)
    assert problem.startswith("aide/index.html:3: lien")
    assert "» sont refusées" in problem or "une adresse data: ne peut intégrer qu'une image" in problem, problem


def test_an_absolute_link_to_the_sites_own_host_is_external():
    # The host may serve more than this build (documents, a town portal around the sub-path).
    files = {**GOOD, "aide/index.html": page('<a href="https://reseau.example.org/portail/doc.pdf">doc</a>')}
    report = check_site(tree_of(files), RULES)
    assert report.problems == []
    assert "https://reseau.example.org/portail/doc.pdf" in report.external


def test_reading_a_site_folder_from_disk(tmp_path: Path):
    for path, text in {**GOOD, "ressources/cafeyn/index.html": page('<a href="../nulle-part/">x</a>'),
                       "assets/bundle.js.map": '{"sources": ["nulle-part.js"]}'}.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    tree = read_site(tmp_path)
    assert "assets/bundle.js.map" not in tree.files  # source maps hold no reader's link
    assert set(tree.stylesheets) == {"assets/site.css"}
    problems = check_site(tree, RULES).problems
    assert [(p.page, p.url) for p in problems] == [
        ("index.html", "ressources/cafeyn/#acces"),  # the anchor went away with the page's content
        ("ressources/cafeyn/index.html", "../nulle-part/"),
    ]
