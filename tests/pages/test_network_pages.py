"""Pages made from the network's facts, generated from a small inline network (no engine):
towns counted once, the fee only when asked, funders, history, library profiles."""

from __future__ import annotations

import dataclasses
from bs4 import BeautifulSoup

from generator.models.content import PageMeta
from generator.models.graph import Page
from generator.models.site import Network
from generator.outputs.api import libraries_document
from generator.pages.pro import pro_files
from generator.pages.public import public_files
from generator.view.site_view import SiteView
from tests.outputs.conftest import NOW, library, make_graph
from tests.outputs.test_api import assert_valid

PROFILE = {
    "surface_m2": 400, "weekly_hours": 19.5,
    "staff": {"category_b": 1, "category_c": 3, "fte": 3.5},
    "readers": {"adults": 700, "youth": 300},
    "collections": {"books": 20000, "dvd": 1000},
    "equipment": {"public_computers": 4, "wifi": True, "e_readers": 2},
    "fees": {"residents": 0, "non_residents": 12.5},
    "services": ["Portage à domicile"],
    "ils": {"product": "Koha", "vendor": "BibLibre", "version": "23.11", "since": 2019},
}


def network(**changes) -> Network:
    return Network.model_validate({
        "name": "Réseau", "description": "Un réseau.",
        "towns": [{"name": "Caen", "population": 100000, "insee": "14118", "joined": 2019},
                  {"name": "Verson", "population": 3700, "joined": 2020}],  # a member without a library file
        "funders": [{"name": "Département", "share": 50, "amount": 90000},
                    {"name": "Agglomération", "share": 50, "amount": 90000}],
        "budget": 180000,
        "milestones": [{"date": "2019-03-14", "kind": "convention", "title": "Convention signée",
                        "url": "https://pro.example.org/convention.pdf"},
                       {"date": "2015-06-22", "kind": "deliberation", "title": "Création du service"}],
        **changes,
    })


def view_of(site_id: str, net: Network | None = None, pages: tuple[Page, ...] = ()) -> SiteView:
    libraries = [
        library("caen-centre", town="Caen", population=None, profile=PROFILE),
        library("caen-quartier", town="Caen", population=None, local_network="Bibliothèques de l'agglomération"),
        library("vire", town="Vire", population=17000, sites=["portail"]),  # undeclared: its file's figure
    ]
    graph = dataclasses.replace(make_graph(libraries=libraries), network=net or network(), pages=pages)
    return SiteView.build(graph, graph.site(site_id), NOW)


def html(markdown_page: str) -> BeautifulSoup:
    return BeautifulSoup(markdown_page, "html.parser")


def flat(element, separator: str = "") -> str:
    """Text with every space (French numbers use narrow no-break ones) written as one plain space."""
    return " ".join(element.get_text(separator).split())


def cells(row) -> list[str]:
    return [flat(c) for c in row.find_all(["th", "td"])]


def test_figures_count_each_town_once_and_show_members_without_a_library() -> None:
    page = html(pro_files(view_of("pro"), "test")["reseau/index.md"])
    figures = [flat(li) for li in page.select("ul.bn-figures li")]
    assert "3 Communes membres" in figures
    assert "120 700 Habitants couverts" in figures  # 100 000 (Caen, 2 libraries) + 3 700 + 17 000
    assert not any("Cotisation" in f for f in figures)  # no fee asked: no fee anywhere
    assert "Cotisation" not in page.get_text()
    table = page.select_one("#bn-towns-caption").parent
    assert [th.get_text() for th in table.select("thead th")] == [
        "Commune", "Code INSEE", "Population", "Adhésion", "Bibliothèques"]
    assert all(th["scope"] == "col" for th in table.select("thead th"))
    rows = [cells(tr) for tr in table.select("tbody tr")]
    assert rows == [
        ["Caen", "14118", "100 000", "2019", "Médiathèque caen-centre, Médiathèque caen-quartier"],
        ["Verson", "", "3 700", "2020", ""],
        ["Vire", "", "17 000", "2016", "Médiathèque vire"],
    ]
    assert cells(table.select_one("tfoot tr"))[:3] == ["Total", "", "120 700"]


def test_a_fee_per_inhabitant_adds_its_column_figure_and_rate() -> None:
    page = html(pro_files(view_of("pro", network(fee_per_inhabitant=0.15)), "test")["reseau/index.md"])
    table = page.select_one("#bn-towns-caption").parent
    assert table.select("thead th")[-1].get_text() == "Cotisation"
    assert cells(table.select("tbody tr")[0])[-1] == "15 000,00 €"  # Caen once, not once per library
    assert "18 105,00 € Cotisations annuelles" in flat(page.select_one("ul.bn-figures"))
    assert "Cotisation : 0,15 € par habitant et par an." in flat(page)
    zero = html(pro_files(view_of("pro", network(fee_per_inhabitant=0)), "test")["reseau/index.md"])
    assert "Cotisation" not in zero.get_text()


def test_funders_budget_and_history_on_the_figures_page() -> None:
    page = html(pro_files(view_of("pro"), "test")["reseau/index.md"])
    funding = page.select_one("#bn-funding").parent
    assert "Budget annuel du réseau : 180 000,00 €." in flat(funding)
    assert [cells(tr) for tr in funding.select("tbody tr")] == [  # share, share of the budget, declared, difference
        ["Département", "50 %", "90 000,00 €", "90 000,00 €", "aucun"],
        ["Agglomération", "50 %", "90 000,00 €", "90 000,00 €", "aucun"]]
    history = page.select_one("#bn-history").parent
    steps = [flat(li) for li in history.select("ol li")]
    assert steps == ["22 juin 2015 — Délibération : Création du service",
                     "14 mars 2019 — Convention : Convention signée"]  # in date order
    assert history.select_one("a")["href"] == "https://pro.example.org/convention.pdf"
    assert history.select_one("time")["datetime"] == "2015-06-22"


def test_pro_profiles_table_with_totals_and_a_page_per_library() -> None:
    files = pro_files(view_of("pro"), "test")
    table = html(files["bibliotheques/index.md"]).select_one("table")
    assert table.caption.get_text() == "Fiches des bibliothèques (3 bibliothèques)"
    assert all(th["scope"] == "row" for th in table.select("tbody th"))
    rows = {cells(tr)[0]: cells(tr) for tr in table.select("tbody tr")}
    assert rows["Médiathèque caen-centre"][1:11] == [  # surface, agents, FTE, readers, documents, hours, computers
        "Caen", "", "400", "4", "3,5", "1 000", "21 000", "19,5", "4", "Koha"]
    assert rows["Médiathèque vire"][3] == "—non renseigné"  # a dash, read out as "non renseigné"
    assert cells(table.select_one("tfoot tr"))[:4] == ["Total", "117 000 habitants", "", "400"]  # Caen once
    profile = html(files["bibliotheques/caen-centre/index.md"])
    facts = dict(zip([flat(dt) for dt in profile.select("dt")], [flat(dd) for dd in profile.select("dd")]))
    assert facts["Population"] == "100 000 habitants"
    assert facts["Inscription des habitants"] == "gratuit"
    assert facts["Inscription des autres lecteurs"] == "12,50 €"
    assert facts["SIGB"] == "Koha 23.11 (BibLibre), depuis 2019"
    assert "Cotisation" not in facts
    assert "Pas encore de fiche" in html(files["bibliotheques/vire/index.md"]).get_text()


def test_public_library_page_shows_what_a_reader_needs() -> None:
    files = public_files(view_of("portail"), "test", titles=False)
    page = html(files["bibliotheques/caen-centre/index.md"])
    text = flat(page, " ")
    assert "Ouverte 19,5 heures par semaine." in text
    assert "Habitants de Caen : gratuit" in text and "Autres lecteurs : 12,50 €" in text
    assert [li.get_text() for li in page.select_one("#bn-services").find_next("ul").select("li")] == [
        "Portage à domicile"]
    assert [flat(li) for li in page.select_one("#bn-equipment").find_next("ul").select("li")] == [
        "Wi-Fi public gratuit", "4 ordinateurs en accès public", "2 liseuses à emprunter"]
    quartier = html(files["bibliotheques/caen-quartier/index.md"])
    assert "Bibliothèques de l'agglomération" in quartier.get_text()
    assert quartier.select_one("#bn-fees") is None  # no profile: nothing invented


def test_an_editors_page_asks_for_generated_blocks() -> None:
    about = Page("a-propos", "public", PageMeta(title="À propos", blocks=["historique", "communes"]),
                 "Notre réseau.", "content/public/a-propos.md")
    plain = Page("aide", "public", PageMeta(title="Aide"), "Des réponses.", "content/public/aide.md")
    files = public_files(view_of("portail", pages=(about, plain)), "test", titles=False)
    page = html(files["a-propos/index.md"])
    assert files["a-propos/index.md"].index("Notre réseau.") < files["a-propos/index.md"].index('id="bn-history"')
    assert page.select_one("#bn-funding") is None  # not asked for
    towns = page.select_one("#bn-towns-caption").parent
    assert flat(towns.caption) == "3 communes membres, 120 700 habitants"
    assert "Cotisation" not in towns.get_text()
    # the town's libraries link to their pages on this portal only
    assert [a["href"] for a in towns.select("a")] == [
        "../bibliotheques/caen-centre/", "../bibliotheques/caen-quartier/", "../bibliotheques/vire/"]
    assert "bn-history" not in files["aide/index.md"]
    other = html(public_files(view_of("autre", pages=(about,)), "test", titles=False)["a-propos/index.md"])
    assert [a.get_text() for a in other.select("#bn-towns-caption ~ tbody a")] == [
        "Médiathèque caen-centre", "Médiathèque caen-quartier"]  # vire is not on this portal: named, not linked
    assert "Médiathèque vire" in flat(other.select_one("#bn-towns-caption").parent)


def test_libraries_api_gives_the_declared_population_and_reader_facts() -> None:
    document = libraries_document(view_of("portail"))
    assert_valid(document, "libraries")
    records = {r["id"]: r for r in document["libraries"]}
    assert records["caen-centre"]["population"] == records["caen-quartier"]["population"] == 100000
    assert records["caen-centre"]["fees"] == {"residents": 0, "non_residents": 12.5}
    assert records["caen-centre"]["weekly_hours"] == 19.5
    assert records["caen-centre"]["equipment"] == {"wifi": True, "public_computers": 4, "e_readers": 2,
                                                   "tablets": None}
    assert records["caen-quartier"]["local_network"] == "Bibliothèques de l'agglomération"
    assert records["vire"]["fees"] is None and records["vire"]["services"] == []
