"""Choosing the engine (issue 14): one line of data/sites.yml, or --engine for one command."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.writer import GuardedWriter
from tests.conftest import run_check, small_network


def set_engine(root: Path, line: str) -> None:
    sites = root / "data" / "sites.yml"
    sites.write_text(line + "\n" + sites.read_text(encoding="utf-8"), encoding="utf-8")


def test_the_line_in_sites_yml_chooses_the_engine_and_the_option_overrides_it(tmp_path):
    root = small_network(tmp_path / "reseau")
    set_engine(root, "engine: properdocs")
    runner = CliRunner()
    result = runner.invoke(main, ["build", str(root), "--out", str(tmp_path / "out"), "--today", "2026-11-21"])
    assert result.exit_code == 0, result.output
    first = result.output.splitlines()[0]
    assert first.startswith("moteur : ProperDocs (properdocs=") and "ProperDocs continue MkDocs 1.x" in first
    assert (tmp_path / "out" / "portail" / "index.html").is_file()
    # Only the first line names the engine; the rest is the usual report.
    assert sum(line.startswith("moteur : ") for line in result.output.splitlines()) == 1

    result = runner.invoke(main, ["build", str(root), "--out", str(tmp_path / "out"), "--today", "2026-11-21",
                                  "--engine", "mkdocs-material"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("moteur : MkDocs (mkdocs=")
    assert "fin de vie le 5 mai 2027" in result.output.splitlines()[0]
    assert "relancé en entier" in result.output  # another engine: its output is made again, all of it

    result = runner.invoke(main, ["build", str(root), "--engine", "hugo"])
    assert result.exit_code == 2 and "« --engine »" in result.output and "mkdocs-material, properdocs, zensical" in result.output


def test_an_engine_bibnum_does_not_know_is_a_check_error_at_its_line(tmp_path):
    root = small_network(tmp_path / "reseau")
    set_engine(root, "engine: material")
    checked = run_check(root)
    assert checked.returncode == 1
    [line] = [line for line in (checked.stdout + checked.stderr).splitlines() if line.startswith("data/sites.yml:1:")]
    assert line == ("data/sites.yml:1:1: engine : « material » n'est pas une valeur possible ; valeurs possibles : "
                    "mkdocs-material, properdocs, zensical")


def test_the_engines_own_files_in_a_work_tree_are_left_alone(tmp_path):
    """Zensical keeps its cache and its config copy at the top of the work tree, hidden."""
    work = tmp_path / "work"
    (work / ".cache").mkdir(parents=True)
    (work / ".cache" / "page").write_text("cached", encoding="utf-8")
    (work / ".zensical.yml").write_text("site_dir: .zensical-site\n", encoding="utf-8")
    (work / "docs" / ".hidden-page").parent.mkdir()
    (work / "docs" / ".hidden-page").write_text("stale", encoding="utf-8")
    (work / "docs" / "old.md").write_text("stale", encoding="utf-8")
    writer = GuardedWriter(work)
    writer.write_all({"docs/index.md": "# Accueil\n", "mkdocs.yml": "site_name: x\n"})
    writer.remove_stale(spare_hidden=True)
    assert sorted(writer.report.removed) == ["docs/.hidden-page", "docs/old.md"]
    assert (work / ".cache" / "page").is_file() and (work / ".zensical.yml").is_file()


@pytest.mark.parametrize("name", ["properdocs", "zensical"])
def test_every_engine_is_installed_in_the_test_environment(name):
    """The e2e suite builds the demo with each (the test extra installs them)."""
    from generator.engines import engine_named

    assert engine_named(name).identity().startswith(name + "=")


def test_with_zensical_a_python_string_method_in_a_networks_template_is_a_check_error(tmp_path):
    root = small_network(tmp_path / "reseau")
    [look] = [folder for folder in (root / "themes").iterdir() if folder.is_dir()]
    partial = look / "partials" / "extra.html"
    partial.parent.mkdir(parents=True, exist_ok=True)
    partial.write_text('<p>\n{% if page.url.endswith("/") %}dossier{% endif %}\n{{ config.site_name | lower }}</p>\n',
                       encoding="utf-8")
    assert run_check(root).returncode == 0  # MkDocs' Jinja2 runs it
    set_engine(root, "engine: zensical")
    checked = run_check(root)
    assert checked.returncode == 1
    file = partial.relative_to(root).as_posix()
    [line] = [line for line in (checked.stdout + checked.stderr).splitlines() if line.startswith(file)]
    assert line.startswith(f"{file}:2:1: « .endswith() » est une méthode de Python que Zensical")
    assert "`x[-1:] == \"/\"` au lieu de `x.endswith(\"/\")`" in line
