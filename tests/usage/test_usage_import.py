"""`bibnum usage import` on a small network: what it writes, says, replaces, refuses; and `bibnum check`
on data/usage/."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import yaml
from click.testing import CliRunner

from generator.cli import main
from generator.load.project import load_project
from generator.validate import validate

from .conftest import FIXTURES

EXPECTED = yaml.safe_load((FIXTURES / "expected.yml").read_text(encoding="utf-8"))


def run(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args])


def stored(network: Path) -> dict:
    """data/usage/ as the check reads it: resource -> month -> counts."""
    graph = validate(load_project(network))
    return {rid: {month: dict(m.counts) for month, m in usage.months.items()} for rid, usage in graph.usage.items()}


def test_import_writes_one_file_per_resource_that_check_reads_back(network):
    files = [FIXTURES / name for name in ("pr_p1_r51.json", "dr_d1_r51.tsv", "tr_b1_r5.csv", "simple.csv")]
    result = run("usage", "import", network, *files)
    assert result.exit_code == 0, result.output
    assert "kiosque : 3 mois ajoutés : 2026-01, 2026-02, 2026-03" in result.output
    assert sorted(p.name for p in (network / "data/usage").iterdir()) == [
        "gallica.yml", "kiosque.yml", "livres.yml", "videos.yml"]
    usage = stored(network)
    assert usage["kiosque"] == EXPECTED["pr_p1_r51.json"]["counts"]["kiosque"]
    assert usage["livres"] == EXPECTED["tr_b1_r5.csv"]["counts"]["livres"]
    # videos: DR_D1 gives January and February; the simple CSV, given after it, replaces January.
    assert usage["videos"] == {"2026-01": {"sessions": 51, "prets": 7},
                               "2026-02": EXPECTED["dr_d1_r51.tsv"]["counts"]["videos"]["2026-02"]}
    text = (network / "data/usage/kiosque.yml").read_text(encoding="utf-8")
    assert text.startswith("# Statistiques d'usage de la ressource « Kiosque » (data/resources/kiosque.yml)")
    month = yaml.safe_load(text)["months"]["2026-01"]
    assert month["source"] == {"report": "PR_P1", "release": "5.1", "file": "pr_p1_r51.json",
                               "created": "2026-04-05T09:12:00+00:00"}
    assert run("check", network).exit_code == 0


def test_importing_the_same_report_twice_changes_nothing(network):
    report = FIXTURES / "pr_p1_r51.json"
    assert run("usage", "import", network, report).exit_code == 0
    target = network / "data/usage/kiosque.yml"
    before = (target.read_bytes(), target.stat().st_mtime_ns)
    again = run("usage", "import", network, report)
    assert again.exit_code == 0
    assert "kiosque : 3 mois déjà importés à l'identique : 2026-01, 2026-02, 2026-03" in again.output
    assert again.output.strip().endswith("Rien de nouveau : ces rapports étaient déjà importés, aucun fichier n'a "
                                         "changé.")
    assert (target.read_bytes(), target.stat().st_mtime_ns) == before


def corrected(tmp_path: Path, created: str, name: str) -> Path:
    """The PR_P1 fixture made again by the provider: February and March corrected."""
    data = json.loads((FIXTURES / "pr_p1_r51.json").read_text(encoding="utf-8"))
    data["Report_Header"]["Created"] = created
    performance = data["Report_Items"][0]["Attribute_Performance"][0]["Performance"]
    performance["Total_Item_Requests"].update({"2026-02": 1400, "2026-03": 1500})
    del performance["Total_Item_Requests"]["2026-01"]
    for metric in ("Searches_Platform", "Unique_Item_Requests", "Unique_Title_Requests"):
        del performance[metric]["2026-01"]
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_later_report_replaces_its_months_and_says_which(network, tmp_path):
    assert run("usage", "import", network, FIXTURES / "pr_p1_r51.json").exit_code == 0
    later = run("usage", "import", network, corrected(tmp_path, "2026-05-02T08:00:00Z", "pr-corrige.json"))
    assert later.exit_code == 0, later.output
    assert ("kiosque : 2 mois remplacés par " in later.output and
            "(chiffres précédents : pr_p1_r51.json) : 2026-02, 2026-03" in later.output)
    usage = stored(network)["kiosque"]
    assert usage["2026-01"] == EXPECTED["pr_p1_r51.json"]["counts"]["kiosque"]["2026-01"]  # not in the new report
    assert usage["2026-02"]["Total_Item_Requests"] == 1400
    assert "data/usage/kiosque.yml écrit." in later.output


def test_an_older_report_never_replaces_a_newer_one(network, tmp_path):
    assert run("usage", "import", network, FIXTURES / "pr_p1_r51.json").exit_code == 0
    target = network / "data/usage/kiosque.yml"
    before = target.read_bytes()
    older = run("usage", "import", network, corrected(tmp_path, "2026-04-01T08:00:00Z", "ancien.json"))
    assert older.exit_code == 0
    assert "kiosque : 2 mois gardés tels quels, le rapport déjà importé étant plus récent que" in older.output
    assert target.read_bytes() == before


def test_one_bad_file_and_nothing_is_written_every_error_of_every_file_told(network, tmp_path):
    unmapped = tmp_path / "inconnu.json"
    unmapped.write_text((FIXTURES / "pr_r5.json").read_text(encoding="utf-8").replace(
        "Cinema Numerique", "Cine Plus"), encoding="utf-8")
    bad_row = tmp_path / "mensuel.csv"
    bad_row.write_text("resource;month;sessions\ngallica;2026-01;12\ngallica;janvier;3\n", encoding="utf-8")
    result = run("usage", "import", network, FIXTURES / "pr_p1_r51.json", unmapped, bad_row)
    assert result.exit_code == 1
    assert f"{bad_row}:3:1: ligne 3 : « janvier » n'est pas un mois ; écrivez AAAA-MM, par ex. 2026-03" \
        in result.output
    assert f"{unmapped}:19:7: élément 1 de Report_Items : plateforme « Cine Plus » (et 1 de plus) : aucune " \
        "ressource" in result.output
    assert result.output.strip().endswith("Aucun fichier écrit : 2 erreurs dans les rapports (aucun rapport n'a "
                                          "été importé).")
    assert not (network / "data/usage").exists()


def test_the_project_may_be_left_out_before_the_files(network, monkeypatch):
    monkeypatch.chdir(network)
    shutil.copy(FIXTURES / "simple.csv", network / "mensuel.csv")
    result = run("usage", "import", "mensuel.csv")
    assert result.exit_code == 0, result.output
    assert (network / "data/usage/gallica.yml").is_file()


def test_a_note_is_written_in_the_header_and_kept_by_later_imports(network, tmp_path):
    run("usage", "import", "--note", "Données synthétiques, graine 7.", network, FIXTURES / "pr_p1_r51.json")
    run("usage", "import", network, corrected(tmp_path, "2026-05-02T08:00:00Z", "c.json"))
    text = (network / "data/usage/kiosque.yml").read_text(encoding="utf-8")
    assert "# Remarque : Données synthétiques, graine 7.\n" in text
    assert stored(network)["kiosque"]["2026-02"]["Total_Item_Requests"] == 1400


def check_errors(network: Path) -> list[str]:
    result = run("check", network)
    assert result.exit_code == 1
    return [line for line in result.output.splitlines() if line.startswith("data/")]


def test_check_refuses_a_usage_file_of_no_resource_a_bad_month_and_a_negative_count(network):
    folder = network / "data/usage"
    folder.mkdir()
    (folder / "galica.yml").write_text("months: {}\n", encoding="utf-8")
    (folder / "gallica.yml").write_text(
        "months:\n"
        "  2026-13:\n"
        "    counts: {sessions: 3}\n"
        "    source: {report: CSV, file: m.csv}\n"
        "  2026-02:\n"
        "    counts:\n"
        "      sessions: -4\n"
        "    source: {report: CSV, file: m.csv}\n", encoding="utf-8")
    errors = check_errors(network)
    assert errors[0] == ("data/usage/galica.yml:1:1: aucune ressource « galica » (data/resources/galica.yml) : ce "
                         "fichier de statistiques ne se rattache à rien (vouliez-vous dire « gallica » ?) ; "
                         "renommez-le du nom d'une ressource ou supprimez-le")
    assert errors[1].startswith("data/usage/gallica.yml:2:3: ") and "« 2026-13 » n'est pas un mois" in errors[1]
    assert errors[2].startswith("data/usage/gallica.yml:7:7: ") and "« -4 » est trop petit ; il faut au moins 0" \
        in errors[2]
    assert len(errors) == 3


def test_check_refuses_a_platform_two_resources_declare(network):
    path = network / "data/resources/livres.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("platform: Lire en Ligne", "platform: kiosque presse"),
                    encoding="utf-8")
    errors = check_errors(network)
    assert errors == ["data/resources/livres.yml:30:3: la plateforme « kiosque presse » "
                      "est déjà déclarée par data/resources/kiosque.yml ; un rapport de plateforme ne peut aller "
                      "qu'à une ressource : gardez-la dans un seul fichier (les autres peuvent déclarer leurs bases "
                      "sous « databases: »)"]


def test_a_missing_file_and_an_unmapped_item_are_told_in_the_same_pass(network, tmp_path):
    unmapped = tmp_path / "tr.json"
    unmapped.write_text((FIXTURES / "tr_j1_r51.json").read_text(encoding="utf-8").replace("iosque", "ioske"),
                        encoding="utf-8")
    result = run("usage", "import", network, tmp_path / "absent.csv", unmapped)
    assert result.exit_code == 1
    assert f"{tmp_path / 'absent.csv'}:1:1: fichier introuvable (ou c'est un dossier) ; vérifiez son chemin" \
        in result.output
    assert "plateforme « Kioske Presse » (et 1 de plus)" in result.output
    assert "Aucun fichier écrit : 2 erreurs" in result.output


def test_a_project_with_errors_imports_nothing_and_says_why(network):
    (network / "data/resources/livres.yml").write_text("title: Livres\n", encoding="utf-8")
    result = run("usage", "import", network, FIXTURES / "simple.csv")
    assert result.exit_code == 1
    assert result.output.strip().endswith("Le projet a des erreurs : corrigez-les (`bibnum check`) avant d'importer "
                                          "des rapports ; aucun fichier n'a été écrit.")
    assert not (network / "data/usage").exists()


def test_a_report_without_usage_is_said_so_and_writes_nothing(network, tmp_path):
    empty = tmp_path / "vide.json"
    data = json.loads((FIXTURES / "pr_p1_r51.json").read_text(encoding="utf-8"))
    data["Report_Header"]["Exceptions"] = [{"Code": 3030, "Severity": "Error", "Message": "No Usage Available"}]
    del data["Report_Items"]
    empty.write_text(json.dumps(data), encoding="utf-8")
    result = run("usage", "import", network, empty)
    assert result.exit_code == 0
    assert f"{empty} : rapport PR_P1 sans aucun usage" in result.output
    assert not (network / "data/usage").exists()


def test_a_count_beyond_what_a_month_can_hold_is_refused(network, tmp_path):
    huge = tmp_path / "enorme.csv"
    huge.write_text("resource;month;sessions\ngallica;2026-01;100000001\n", encoding="utf-8")
    result = run("usage", "import", network, huge)
    assert result.exit_code == 1
    assert f"{huge}:1:1: gallica, 2026-01, sessions : 100000001 usages, plus que les 100000000" in result.output
