"""Money and members for the COPIL, from a small inline network (no engine): the funders' shares applied
to the budget, totals and medians of the profiles (odd and even counts, missing values), each table's CSV
read back with Python's csv module (BOM, `;`, French header, the page's figures, formulas neutralised),
and the charts' data tables equal to the figures they draw."""

from __future__ import annotations

import csv
import dataclasses
import io
import re
from decimal import Decimal

import pytest

from generator.models.site import Network
from generator.outputs.tables_csv import csv_table
from generator.pages.pro import pro_files
from generator.view.figures import funding, median, profile_summaries
from generator.view.site_view import SiteView
from tests.outputs.conftest import NOW, library, make_graph
from tests.pages.test_network_pages import PROFILE, cells, flat, html

FORMULA = "=HYPERLINK(\"https://evil.example\";\"clic\")"


def network(**changes) -> Network:
    return Network.model_validate({
        "name": "Réseau", "description": "Un réseau.", "budget": "100000.01",
        "towns": [{"name": "Caen", "population": 100000, "insee": "14118", "joined": 2019}],
        "funders": [{"name": "Département", "share": "33.33", "amount": 33330},
                    {"name": FORMULA, "share": "33.33"},
                    {"name": "@Agglo", "share": "33.34", "amount": 33000}],
        "fee_per_inhabitant": "0.15",
        **changes,
    })


LIBRARIES = [
    library("caen-centre", town="Caen", population=None, profile=PROFILE),  # documents 21 000, FTE 3.5
    library("ifs", name="-Médiathèque d'Ifs", profile={"staff": {"fte": 1}, "collections": {"books": 9000},
                                                       "equipment": {"wifi": False}}),
    library("vire", name="+Vire", profile={"staff": {"fte": "2.25", "category_c": 2},
                                           "collections": {"books": 12000, "games": 300}}),
    library("falaise", profile={"surface_m2": 150}),  # no staff, no collections: missing, not 0
    library("bayeux"),  # no profile at all
]


def pro_site(net: Network | None = None) -> dict[str, str | bytes]:
    graph = dataclasses.replace(make_graph(libraries=LIBRARIES), network=net or network())
    return pro_files(SiteView.build(graph, graph.site("pro"), NOW), "test")


@pytest.fixture(scope="module")
def files() -> dict[str, str | bytes]:
    return pro_site()


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 byte order mark: Excel reads the accents right
    text = data.decode("utf-8-sig")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")  # CRLF line ends only
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def page_number(text: str) -> Decimal | None:
    """A figure as the page shows it ('33 333,00 €', '3,5', '+1 000,00 €', 'aucun') as a number."""
    if text in ("", "—non renseigné"):
        return None
    if text == "aucun":
        return Decimal(0)
    return Decimal(re.sub(r"[^\d,+\-−]", "", text).replace(",", ".").replace("−", "-"))


def csv_number(text: str) -> Decimal | None:
    return None if text == "" else Decimal(text.replace(",", "."))


def test_each_funder_share_is_applied_to_the_budget_to_the_cent() -> None:
    money = funding(network())
    assert [f.from_share for f in money.funders] == [Decimal("33330.00"), Decimal("33330.00"), Decimal("33340.00")]
    assert [f.difference for f in money.funders] == [Decimal("0.00"), None, Decimal("-340.00")]
    assert money.share_total == 100 and money.amount_total == Decimal("66330")
    assert money.from_share_total == Decimal("100000.00") != money.budget  # rounded rows: the page says so
    assert [f.name for f in money.differing] == ["@Agglo"]
    no_budget = funding(network(budget=None))
    assert [f.from_share for f in no_budget.funders] == [None, None, None]
    assert no_budget.from_share_total is None and not no_budget.differing


def test_funding_table_shows_shares_amounts_differences_and_totals(files) -> None:
    section = html(files["reseau/index.md"]).select_one("#bn-funding").parent
    table = section.select_one("table")
    assert [flat(th) for th in table.select("thead th")] == [
        "Financeur", "Part", "Part appliquée au budget", "Montant déclaré", "Écart, déclaré − part"]
    assert [cells(tr) for tr in table.select("tbody tr")] == [
        ["Département", "33,33 %", "33 330,00 €", "33 330,00 €", "aucun"],
        [FORMULA, "33,33 %", "33 330,00 €", "", ""],
        ["@Agglo", "33,34 %", "33 340,00 €", "33 000,00 €", "-340,00 €"]]
    assert cells(table.select_one("tfoot tr")) == ["Total", "100 %", "100 000,00 €", "66 330,00 €", ""]
    text = flat(section)
    assert ("Le montant déclaré par @Agglo (33 000,00 €) diffère de sa part du budget (33 340,00 €) : "
            "écart de -340,00 €.") in text
    assert "les montants des parts font 100 000,00 €, pour un budget de 100 000,01 €" in text


def test_each_table_links_its_csv_file_published_next_to_the_page(files) -> None:
    for page, table_id, csv_path in (("reseau/index.md", "#bn-towns", "reseau/communes.csv"),
                                     ("reseau/index.md", "#bn-funding", "reseau/financeurs.csv"),
                                     ("bibliotheques/index.md", "#bn-profiles-caption", "bibliotheques/fiches.csv")):
        soup = html(files[page])
        link = soup.select_one(table_id).find_next("a", download=True)
        assert flat(link).startswith("Télécharger ce tableau (CSV)")
        assert link["href"] == "../" + csv_path  # from the page's folder back to the root
        assert link["type"] == "text/csv"
        assert isinstance(files[csv_path], bytes)


def test_funders_csv_holds_the_page_figures_with_formulas_neutralised(files) -> None:
    rows = read_csv(files["reseau/financeurs.csv"])
    assert rows[0] == ["Financeur", "Part (%)", "Part appliquée au budget (€)", "Montant déclaré (€)",
                       "Écart, déclaré − part (€)"]
    assert rows[1:] == [["Département", "33,33", "33330,00", "33330,00", "0,00"],
                        ["'" + FORMULA, "33,33", "33330,00", "", ""],
                        ["'@Agglo", "33,34", "33340,00", "33000,00", "-340,00"]]  # our negative number: kept
    page = html(files["reseau/index.md"]).select_one("#bn-funding-caption").parent
    for page_row, csv_row in zip(page.select("tbody tr"), rows[1:]):
        assert [page_number(c) for c in cells(page_row)[2:]] == [csv_number(c) for c in csv_row[2:]]


def test_towns_csv_equals_the_towns_table(files) -> None:
    rows = read_csv(files["reseau/communes.csv"])
    assert rows[0] == ["Commune", "Code INSEE", "Population", "Adhésion", "Bibliothèques", "Cotisation (€)"]
    table = html(files["reseau/index.md"]).select_one("#bn-towns-caption").parent
    page_rows = [cells(tr) for tr in table.select("tbody tr")]
    assert [r[0] for r in rows[1:]] == [r[0] for r in page_rows]
    assert rows[1] == ["Bayeux", "", "5000", "2016", "Médiathèque bayeux", "750,00"]
    assert next(r for r in rows if r[0] == "Ifs")[4] == "'-Médiathèque d'Ifs"  # a formula-like name
    for page_row, csv_row in zip(page_rows, rows[1:]):
        assert page_number(page_row[2]) == csv_number(csv_row[2])
        assert page_number(page_row[5]) == csv_number(csv_row[5])


def test_profiles_csv_equals_the_profiles_table(files) -> None:
    rows = read_csv(files["bibliotheques/fiches.csv"])
    header = rows[0]
    assert header == ["Bibliothèque", "Commune", "Réseau local", "Surface (m²)", "Agents", "ETP", "Bénévoles",
                      "Lecteurs actifs", "Documents", "Heures par semaine", "Ordinateurs publics", "Liseuses",
                      "Tablettes", "Wi-Fi public", "SIGB", "Portail"]
    by_name = {row[0]: dict(zip(header, row)) for row in rows[1:]}
    assert by_name["Médiathèque caen-centre"]["ETP"] == "3,5"
    assert by_name["Médiathèque caen-centre"]["Wi-Fi public"] == "oui"
    assert by_name["'-Médiathèque d'Ifs"]["Wi-Fi public"] == "non"
    assert by_name["Médiathèque bayeux"]["Documents"] == ""  # unknown, not 0
    table = html(files["bibliotheques/index.md"]).select_one("#bn-profiles-caption").parent
    page_header = [flat(th) for th in table.select("thead th")]
    for tr in table.select("tbody tr"):
        page_row = dict(zip(page_header, cells(tr)))
        name = page_row["Bibliothèque"]
        csv_row = by_name["'" + name if name[0] in "-+" else name]
        for column in ("Surface (m²)", "Agents", "ETP", "Lecteurs actifs", "Documents", "Heures par semaine",
                       "Ordinateurs publics"):
            assert page_number(page_row[column]) == csv_number(csv_row[column]), (name, column)


def test_median_of_odd_and_even_counts_skips_missing_values() -> None:
    assert median([3, None, 1, 2]) == 2
    assert median([4, 1, None, 3, 2]) == Decimal("2.5")
    assert median([Decimal("2.25"), Decimal("3.5")]) == Decimal("2.875")
    assert median([None, None]) is None and median([]) is None


def test_profile_totals_and_medians(files) -> None:
    summaries = {s.key: s for s in profile_summaries(LIBRARIES)}
    assert (summaries["documents"].known, summaries["documents"].total, summaries["documents"].median) == (
        3, 21000 + 9000 + 12300, 12300)  # odd count
    assert (summaries["fte"].known, summaries["fte"].total, summaries["fte"].median) == (
        3, Decimal("6.75"), Decimal("2.25"))
    assert (summaries["surface"].known, summaries["surface"].median) == (2, 275)  # even count: 400 and 150
    assert (summaries["tablets"].known, summaries["tablets"].total, summaries["tablets"].median) == (0, None, None)
    page = html(files["bibliotheques/index.md"])
    table = page.select_one("#bn-profiles-caption").parent
    total, middle = [cells(tr) for tr in table.select("tfoot tr")]
    assert total[3:10] == ["550", "6", "6,75", "1 000", "42 300", "19,5", "4"]
    # agents: 4 and 2 (the FTE-only profile gives no agents)
    assert middle[:1] + middle[3:10] == ["Médiane", "275", "3", "2,25", "1 000", "12 300", "19,5", "4"]
    summary = {cells(tr)[0]: cells(tr)[1:] for tr in
               page.select_one("#bn-profile-summary-caption").parent.select("tbody tr")}
    assert summary["Documents"] == ["3", "42 300", "12 300"]
    assert summary["Tablettes"] == ["0", "—non renseigné", "—non renseigné"]
    assert "Wi-Fi public : 1 sur 2 bibliothèques renseignées." in flat(page)


def test_charts_draw_exactly_the_figures_of_their_data_table(files) -> None:
    page = html(files["bibliotheques/index.md"])
    for key, expected in (("documents", [("Médiathèque caen-centre", "21 000"), ("+Vire", "12 300"),
                                         ("-Médiathèque d'Ifs", "9 000")]),
                          ("fte", [("Médiathèque caen-centre", "3,5"), ("+Vire", "2,25"),
                                   ("-Médiathèque d'Ifs", "1")])):
        svg = page.select_one(f"svg#bn-chart-{key}")
        assert svg["role"] == "img" and svg.title.get_text() and svg["aria-labelledby"] == svg.title["id"]
        assert not page.select("[style]")  # the policy allows no style attribute
        table = page.select_one(f"#bn-chart-{key}-caption").parent
        rows = [tuple(cells(tr)) for tr in table.select("tbody tr")]
        assert rows == expected  # largest first; libraries without the figure left out
        drawn = [t.get_text().replace("\u202f", " ").replace("\xa0", " ") for t in svg.select("text")]
        for name, value in rows:
            assert name in drawn and value in drawn
        assert len(svg.select("rect.bn-chart__bar")) == len(rows)
        summary = flat(svg.find_parent("figure").figcaption)
        assert summary.startswith(f"3 bibliothèques renseignées ; médiane : {expected[1][1]}.")
        assert "2 bibliothèques sans ce chiffre n'apparaissent pas." in summary


def test_csv_cells_formulas_and_numbers() -> None:
    data = csv_table(["=Nom", "Montant (€)"], [["+33 1 23", Decimal("-12.50")], ["a;b \"c\"", 7], [None, True]],
                     yes="oui", no="non")
    assert read_csv(data) == [["'=Nom", "Montant (€)"], ["'+33 1 23", "-12,50"], ["a;b \"c\"", "7"], ["", "oui"]]
