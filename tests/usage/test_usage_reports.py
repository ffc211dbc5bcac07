"""Each report format read to the figures its fixture carries (tests/usage/fixtures/expected.yml)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from generator.usage.formats import read_report
from generator.usage.mapping import Declared, monthly_counts
from generator.usage.merge import source_of

from .conftest import FIXTURES, USAGE_BLOCKS

EXPECTED = yaml.safe_load((FIXTURES / "expected.yml").read_text(encoding="utf-8"))


def declared() -> Declared:
    blocks = {rid: yaml.safe_load(block)["usage"] for rid, (_title, block) in USAGE_BLOCKS.items()}
    from generator.models.usage import ResourceUsage

    titles = {rid: title for rid, (title, _block) in USAGE_BLOCKS.items()} | {"gallica": "Gallica"}
    return Declared.of({rid: ResourceUsage.model_validate(b) for rid, b in blocks.items()}, titles)


def read(name: str, data: bytes | None = None):
    report = read_report((FIXTURES / name).read_bytes() if data is None else data, name)
    assert report.problems == []
    monthly, problems = monthly_counts(report, declared())
    assert problems == []
    return report, monthly


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_fixture_gives_its_expected_figures(name):
    expected = EXPECTED[name]
    report, monthly = read(name)
    assert (report.report, report.release) == (expected["report"], expected["release"])
    created = source_of(report).created
    assert (created.isoformat() if created else None) == expected["created"]
    assert monthly == expected["counts"]


def test_the_six_reports_both_releases_and_both_forms_are_covered():
    forms = {(EXPECTED[n]["report"], EXPECTED[n]["release"], Path(n).suffix) for n in EXPECTED}
    assert {report for report, _r, _s in forms} == {"PR", "PR_P1", "DR", "DR_D1", "TR_B1", "TR_J1", "CSV"}
    assert {(release, suffix) for _r, release, suffix in forms} >= {
        ("5", ".json"), ("5.1", ".json"), ("5", ".csv"), ("5.1", ".tsv")}


def test_a_tabular_report_saved_by_a_french_spreadsheet_reads_the_same():
    """`;` separators and a BOM, as "CSV UTF-8" in a French spreadsheet writes them."""
    text = (FIXTURES / "dr_d1_r51.tsv").read_text(encoding="utf-8").replace("\t", ";")
    _report, monthly = read("dr_d1_r51.tsv", b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert monthly == EXPECTED["dr_d1_r51.tsv"]["counts"]


def test_a_simple_csv_with_commas_and_no_bom_reads_the_same():
    text = (FIXTURES / "simple.csv").read_text(encoding="utf-8-sig").replace(";", ",")
    _report, monthly = read("simple.csv", text.encode("utf-8"))
    assert monthly == EXPECTED["simple.csv"]["counts"]


def test_an_r5_json_report_in_iso_month_columns_and_r51_json_agree():
    """The same usage as R5 (Performance/Period/Instance) and as R5.1 (Attribute_Performance) reads alike."""
    r51 = json.loads((FIXTURES / "pr_p1_r51.json").read_text(encoding="utf-8"))
    months = r51["Report_Items"][0]["Attribute_Performance"][0]["Performance"]
    r5 = {"Report_Header": {**r51["Report_Header"], "Release": "5"},
          "Report_Items": [{"Platform": "Kiosque Presse", "Performance": [
              {"Period": {"Begin_Date": f"{month}-01", "End_Date": f"{month}-28"},
               "Instance": [{"Metric_Type": metric, "Count": by_month[month]} for metric, by_month in months.items()]}
              for month in ("2026-01", "2026-02", "2026-03")]}]}
    _report, monthly = read("pr_p1_r5.json", json.dumps(r5).encode())
    assert monthly == EXPECTED["pr_p1_r51.json"]["counts"]


def problems_of(name: str, data: bytes) -> list[str]:
    report = read_report(data, name)
    found = report.problems or monthly_counts(report, declared())[1]
    return [str(problem) for problem in found]


def test_an_unmapped_platform_names_the_file_the_item_and_where_to_declare_it():
    text = (FIXTURES / "pr_p1_r51.json").read_text(encoding="utf-8").replace('"Platform": "Kiosque Presse"',
                                                                           '"Platform": "Kiosque Pro"')
    assert problems_of("rapports/pr.json", text.encode()) == [
        "rapports/pr.json:20:7: élément 1 de Report_Items : plateforme « Kiosque Pro » : aucune ressource ne la "
        "déclare ; ajoutez « usage: » puis « platform: Kiosque Pro » (décalé de deux espaces) au fichier de la "
        "ressource qu'elle mesure, par ex. data/resources/kiosque.yml (Kiosque)"]


def test_an_unmapped_database_is_told_once_with_how_many_rows_carry_it():
    text = (FIXTURES / "dr_d1_r51.tsv").read_text(encoding="utf-8").replace("Films Adultes", "Documentaires")
    text = text.replace("Cinema Numerique", "Autre Plateforme")
    # Films Jeunesse, declared by a resource, still goes to it, whatever its platform.
    assert problems_of("dr.tsv", text.encode()) == [(
        "dr.tsv:18:1: ligne 18 : base « Documentaires » (plateforme « Autre Plateforme ») (et 1 de plus) : aucune "
        "ressource ne la déclare ; ajoutez-la sous « usage: » puis « databases: » du fichier de la ressource "
        "qu'elle mesure, ou déclarez-y sa plateforme (« platform: Autre Plateforme »)")]


def test_bad_rows_are_told_at_their_line_all_at_once():
    text = (FIXTURES / "tr_b1_r5.csv").read_text(encoding="utf-8")
    text = text.replace("Total_Item_Requests,70,30,40", "Total_Item_Requests,70,30,4O")
    text = text.replace("Unique_Title_Requests,9,4,5", "Unique_Title_Request,9,4,5")
    assert problems_of("tr.csv", text.encode()) == [
        "tr.csv:15:1: ligne 15, colonne « Dec-2025 » : « 4O » n'est pas un nombre d'usages ; il faut un entier "
        "positif ou nul, par ex. 42",
        "tr.csv:18:1: ligne 18 : indicateur « Unique_Title_Request » inconnu ; indicateurs COUNTER lus : "
        "Searches_Regular, Searches_Automated, Searches_Federated, Searches_Platform, Total_Item_Investigations, "
        "Unique_Item_Investigations, Unique_Title_Investigations, Total_Item_Requests, Unique_Item_Requests, "
        "Unique_Title_Requests, No_License, Limit_Exceeded"]


def test_a_simple_csv_bad_month_negative_count_and_unknown_resource():
    text = "resource;month;sessions\ngallica;2026-13;4\ngallica;2026-02;-3\ngalica;2026-03;5\n"
    assert problems_of("s.csv", text.encode()) == [
        "s.csv:2:1: ligne 2 : « 2026-13 » n'est pas un mois ; écrivez AAAA-MM, par ex. 2026-03",
        "s.csv:3:1: ligne 3, colonne « sessions » : « -3 » n'est pas un nombre d'usages ; il faut un entier "
        "positif ou nul, par ex. 42"]
    assert problems_of("s.csv", b"resource;month;sessions\ngalica;2026-03;5\n") == [
        "s.csv:2:1: ligne 2 : aucune ressource « galica » dans data/resources/ (vouliez-vous dire « gallica » ?) ; "
        "écrivez l'identifiant d'une ressource (le nom de son fichier, sans .yml)"]


@pytest.mark.parametrize(("data", "told"), [
    (b"resource;mois;Sessions\n",
     "s.csv:1:1: première ligne, colonne 3 : « Sessions » n'est pas un nom d'indicateur"),
    (b"titre;month;sessions\n", "s.csv:1:1: première ligne : les colonnes doivent être « resource », « month »"),
    (b'{"Report_Header": {"Report_ID": "IR", "Release": "5.1"}, "Report_Items": []}',
     "s.csv:1:20: rapport « IR » : bibnum lit les rapports PR, PR_P1, DR, DR_D1, TR_B1, TR_J1"),
    (b'{"Code": 2010, "Severity": "Error", "Message": "Requestor is Not Authorized"}',
     "s.csv:1:1: ce fichier est une réponse d'erreur du serveur COUNTER (2010 : Requestor is Not Authorized)"),
    (b'{"Report_Header": {"Report_ID": "PR", "Release": "5.1",\n "Report_Attributes": {"Granularity": "Totals"}},'
     b' "Report_Items": []}', "s.csv:2:2: ce rapport donne des totaux sur la période"),
    (b'{"Report_Header": ', "s.csv:1:19: JSON invalide"),
    (b"\xff\xfeR\x00", "s.csv:1:1: le fichier n'est pas en UTF-8"),
])
def test_what_is_not_a_report_is_told_clearly(data, told):
    found = problems_of("s.csv", data)
    assert len(found) == 1 and found[0].startswith(told), found


def test_a_copy_of_each_fixture_under_another_folder_names_that_path(tmp_path):
    copy = tmp_path / "deux" / "pr.json"
    copy.parent.mkdir()
    shutil.copy(FIXTURES / "pr_p1_r51.json", copy)
    report = read_report(copy.read_bytes(), str(copy))
    assert source_of(report).file == "pr.json"  # the file's name, not where it was on a computer


def test_a_tabular_master_report_leaves_tdm_out_and_takes_iso_month_columns():
    text = ("Report_Name\tPlatform Master Report\nReport_ID\tPR\nRelease\t5.1\nCreated\t2026-02-01T00:00:00Z\n\n"
            "Platform\tData_Type\tAccess_Method\tMetric_Type\tReporting_Period_Total\t2026-01\n"
            "Kiosque Presse\tNewspaper_or_Newsletter\tRegular\tTotal_Item_Requests\t40\t40\n"
            "Kiosque Presse\tJournal\tRegular\tTotal_Item_Requests\t2\t2\n"
            "Kiosque Presse\tJournal\tTDM\tTotal_Item_Requests\t500\t500\n")
    _report, monthly = read("pr.tsv", text.encode())
    assert monthly == {"kiosque": {"2026-01": {"Total_Item_Requests": 42}}}


def test_a_tabular_report_without_monthly_columns_is_refused():
    text = ("Report_Name\tPlatform Usage\nReport_ID\tPR_P1\nRelease\t5\nReport_Attributes\t"
            "Exclude_Monthly_Details=True\n\nPlatform\tMetric_Type\tReporting_Period_Total\n"
            "Kiosque Presse\tTotal_Item_Requests\t420\n")
    assert problems_of("pr.tsv", text.encode()) == [
        "pr.tsv:6:1: aucune colonne de mois (par ex. « Jan-2026 ») : le rapport a été demandé sans le détail "
        "mensuel ; demandez-le avec les mois (sans « Exclude_Monthly_Details »)"]
