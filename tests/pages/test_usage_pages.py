"""The pro site's « Statistiques d'usage » and the portals' « Populaire » mark, generated from a small
network with usage files written inline (no engine): each chart's data table holds exactly the
imported figures, the SVG draws those figures (bars and the dashed year before), is an image named
by its <title> with no style attribute; editors' text is escaped; the section is in the navigation."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from generator.build import load_graph
from generator.i18n import month_name, number
from generator.view.usage import shift
from generator.work_tree import generate_site
from tests.conftest import DEMO_NOW, small_network

# DEMO_NOW is 2026-11-21: the window ends in 2026-10.
HOSTILE = "Ciné \"Club\" & l'Écran"  # quotes, an ampersand, an apostrophe (< and > are refused by check)


def months(first: str, values: list[int | None], metric: str, **others: int) -> dict:
    return {shift(first, i): {"counts": {metric: v, **others}, "source": {"report": "CSV", "file": "x.csv"}}
            for i, v in enumerate(values) if v is not None}


# Every resource in « livres-numeriques » (the category of the new network's gallica).
KIOSQUE = months("2024-11", [100 + 7 * i for i in range(24)], "Total_Item_Requests", Unique_Item_Requests=3)
CINE = months("2025-11", [40, 0, 35, None, 50, 61, 70, 12, 9, 80, 81, 90], "sessions", utilisateurs=20)
USAGE = {
    "kiosque": KIOSQUE,
    "cine": CINE,
    "livres": months("2026-01", [5] * 10, "prets"),
    "gallica": months("2026-05", [1] * 6, "Unique_Item_Requests"),
}
RESOURCES = {"kiosque": ("Kiosque", "usage:\n  yearly_costs:\n    - {year: 2025, amount: 2400.00}\n"),
             "cine": (HOSTILE, "usage:\n  yearly_costs:\n    - {year: 2026, amount: 1000.00}\n"),
             "livres": ("Livres en ligne", ""),
             "vide": ("Sans usage", "")}


def usage_network(root: Path) -> Path:
    small_network(root)
    gallica = (root / "data/resources/gallica.yml").read_text(encoding="utf-8")
    for rid, (title, block) in RESOURCES.items():
        (root / f"data/resources/{rid}.yml").write_text(
            gallica.replace("title: Gallica", f"title: {yaml.safe_dump(title).removesuffix(chr(10) + '...' + chr(10))}")
            + block, encoding="utf-8")
    (root / "data/usage").mkdir()
    for rid, data in USAGE.items():
        (root / f"data/usage/{rid}.yml").write_text(yaml.safe_dump({"months": data}, allow_unicode=True),
                                                    encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def docs(tmp_path_factory) -> dict[str, dict[str, str]]:
    """Each site's docs files (as text), by site id."""
    graph = load_graph(usage_network(tmp_path_factory.mktemp("usage") / "reseau"))
    sites = {}
    for site in graph.sites:
        files = generate_site(graph, site, DEMO_NOW)
        sites[site.id] = {path.removeprefix("docs/"): content for path, content in files.items()
                          if isinstance(content, str)}
    return sites


def pro(docs) -> dict[str, str]:
    return next(files for files in docs.values() if "statistiques/index.md" in files)


def soup(text: str) -> BeautifulSoup:
    return BeautifulSoup(text, "html.parser")


def cell(value: int | None) -> str:
    return "pas de données" if value is None else number(value)


def table_rows(page: BeautifulSoup) -> list[list[str]]:
    table = page.select_one("table[data-bn-chart-table]")
    return [[c.get_text() for c in row.find_all(["th", "td"])] for row in table.tbody.find_all("tr")]


def expected_rows(data: dict, metric: str, window: list[str]) -> list[list[str]]:
    def count(month: str) -> int | None:
        return data[month]["counts"][metric] if month in data else None
    return [[month_name(m), cell(count(m)), cell(count(shift(m, -12)))] for m in window]


WINDOW = [shift("2024-11", i) for i in range(24)]


def test_the_section_is_in_the_pro_navigation_with_a_page_per_resource_with_data(docs):
    files = pro(docs)
    assert sorted(p for p in files if p.startswith("statistiques/")) == [
        "statistiques/cine/index.md", "statistiques/gallica/index.md", "statistiques/index.md",
        "statistiques/kiosque/index.md", "statistiques/livres/index.md"]
    assert {"Statistiques d'usage": "statistiques/index.md"} in yaml.safe_load(files["mkdocs.yml"])["nav"]
    portal = next(files for files in docs.values() if "ressources/index.md" in files)
    assert "statistiques" not in portal["mkdocs.yml"]
    overview = soup(files["statistiques/index.md"])
    # The resources with data by title (« Ciné… » first), each linked to its page.
    assert [(a.get_text(), a["href"]) for a in overview.select("tbody th a")] == [
        (HOSTILE, "../statistiques/cine/"), ("Gallica", "../statistiques/gallica/"),
        ("Kiosque", "../statistiques/kiosque/"), ("Livres en ligne", "../statistiques/livres/")]
    assert "Sans données d'usage : Sans usage." in overview.get_text()


def test_each_chart_s_table_holds_exactly_the_imported_figures(docs):
    files = pro(docs)
    kiosque = soup(files["statistiques/kiosque/index.md"])
    assert table_rows(kiosque) == expected_rows(KIOSQUE, "Total_Item_Requests", WINDOW)
    cine = soup(files["statistiques/cine/index.md"])
    assert table_rows(cine) == expected_rows(CINE, "sessions", WINDOW)
    # The network: each month the sum of every resource's main metric (a month with none: no data).
    network = soup(files["statistiques/index.md"])
    main = {"kiosque": "Total_Item_Requests", "cine": "sessions", "livres": "prets", "gallica": "Unique_Item_Requests"}

    def total(month: str) -> int | None:
        found = [USAGE[rid][month]["counts"][metric] for rid, metric in main.items() if month in USAGE[rid]]
        return sum(found) if found else None
    assert table_rows(network) == [[month_name(m), cell(total(m)), cell(total(shift(m, -12)))] for m in WINDOW]


def test_the_svg_draws_the_table_s_figures_is_a_named_image_and_has_no_style(docs):
    page = soup(pro(docs)["statistiques/cine/index.md"])
    svg = page.select_one("figure svg.bn-chart")
    assert svg["role"] == "img"
    title = svg.find("title")
    assert svg["aria-labelledby"] == title["id"] and "de novembre 2024 à octobre 2026" in title.get_text()
    assert HOSTILE in title.get_text()  # escaped, read back as the editor wrote it
    assert page.find(attrs={"style": True}) is None and page.find("style") is None and page.find("script") is None
    # One bar per month with a figure above 0, their heights in the figures' proportions.
    values = [v for v in (CINE.get(m, {}).get("counts", {}).get("sessions") for m in WINDOW) if v]
    heights = [float(rect["height"]) for rect in svg.select("rect.bn-chart__bar")][:-1]  # the last: the legend
    assert len(heights) == len(values)
    assert all(abs(h / heights[0] - v / values[0]) < 0.01 for h, v in zip(heights, values))
    # The year before: a dashed line (not told by colour alone), none here (no data a year earlier).
    assert svg.select("polyline.bn-chart__before") == []
    kiosque = soup(pro(docs)["statistiques/kiosque/index.md"]).select_one("svg.bn-chart")
    lines = kiosque.select("polyline.bn-chart__before")
    assert len(lines) == 1 and lines[0]["stroke-dasharray"]
    assert len(lines[0]["points"].split()) == 12  # 2025-11 .. 2026-10 have a year-before figure
    summary = soup(pro(docs)["statistiques/kiosque/index.md"]).select_one("figcaption").get_text()
    recent, before = sum(100 + 7 * i for i in range(12, 24)), sum(100 + 7 * i for i in range(12))
    assert summary.startswith(f"{number(recent)} consultations de contenus (Total_Item_Requests) sur 12 mois, +")
    assert f"+{round((recent - before) * 100 / before)}\u202f% par rapport" in summary


def test_cost_per_use_and_share_of_readers_are_given_only_where_known(docs):
    files = pro(docs)
    kiosque = soup(files["statistiques/kiosque/index.md"])
    costs = [[c.get_text() for c in row.find_all(["th", "td"])]
             for row in kiosque.select("#bn-usage-costs ~ div tbody tr")]
    uses_2025 = sum(KIOSQUE[f"2025-{m:02d}"]["counts"]["Total_Item_Requests"] for m in range(1, 13))
    per_use = f"{2400 / uses_2025:.2f}".replace(".", ",")
    assert costs == [["2025", "2\u202f400,00\xa0€", number(uses_2025), "12", f"{per_use}\xa0€"]]
    assert "non disponible" in kiosque.select_one("#bn-usage-readers").parent.get_text()
    # cine counts its users (20 a month), but no library of this network declares its readers.
    readers = soup(files["statistiques/cine/index.md"]).select_one("#bn-usage-readers").parent.get_text()
    assert "En moyenne 20 utilisateurs par mois" in readers and "ne déclare ses lecteurs" in readers
    livres = soup(files["statistiques/livres/index.md"])
    assert "Aucun coût annuel déclaré" in livres.get_text()
    overview = soup(files["statistiques/index.md"])
    row = next(tr for tr in overview.select("tbody tr") if tr.th.get_text() == HOSTILE)
    assert [td.get_text() for td in row.find_all("td")][-2] == "2,05\xa0€ (2026, 9 mois)"  # 1000 / 488, no February


def test_the_popular_mark_on_the_portal_s_cards_and_page_only(docs):
    portal = next(files for files in docs.values() if "ressources/index.md" in files)
    catalogue = soup(portal["ressources/index.md"])
    marked = [card.select_one(".bn-card__title").get_text() for card in catalogue.select(".bn-card")
              if card.select_one(".bn-tag--popular")]
    assert marked == ["Kiosque"]  # 4 resources with data in the category: the top one
    mark = catalogue.select_one(".bn-tag--popular")
    assert mark.get_text(" ", strip=True).startswith("Populaire")
    assert soup(portal["ressources/kiosque/index.md"]).select_one(".bn-resource__meta .bn-tag--popular")
    assert soup(portal["ressources/cine/index.md"]).select_one(".bn-tag--popular") is None
    assert "bn-tag--popular" not in "".join(pro(docs).values())


def test_every_id_of_a_usage_page_is_unique_so_that_each_label_names_its_own_element(docs):
    for path, text in pro(docs).items():
        if path.startswith("statistiques/"):
            ids = [tag["id"] for tag in soup(text).find_all(id=True)]
            assert len(ids) == len(set(ids)), path
            for tag in soup(text).find_all(attrs={"aria-labelledby": True}):
                assert tag["aria-labelledby"] in ids, path
