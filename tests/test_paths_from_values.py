"""Paths built from an editor's value never crash check (issue 12): a name longer than the system
allows, a NUL, in mkdocs.yml or data/sites.yml, is a problem at its line, not an OSError."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import load_graph
from generator.errors import ProjectInvalid
from generator.probe import is_dir, is_file

LONG = "a" * 300


def test_probing_a_path_the_system_refuses_says_it_is_not_there(tmp_path: Path) -> None:
    for path in (tmp_path / f"{LONG}.css", tmp_path / "a\0b.css", tmp_path / LONG / "x"):
        assert not is_file(path) and not is_dir(path)
    assert is_dir(tmp_path)


def test_long_or_odd_file_names_in_the_engine_settings_are_check_errors(demo_copy: Path) -> None:
    config = demo_copy / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines()
    added = ["extra_css:", f"  - {LONG}.css", '  - "a\\0b.css"',
             "extra:", "  social:", f"    - {{icon: fontawesome/{LONG}, link: 'https://x.example.org/'}}"]
    config.write_text("\n".join(lines + added) + "\n", encoding="utf-8")
    with pytest.raises(ProjectInvalid) as caught:
        load_graph(demo_copy)
    told = {p.location.line for p in caught.value.problems if p.location.file == "mkdocs.yml"}
    first = len(lines) + 1
    assert {first + 1, first + 2, first + 5} <= told, caught.value.problems


def test_a_look_too_long_for_a_folder_name_is_told_once_at_its_line(demo_copy: Path) -> None:
    sites = demo_copy / "data" / "sites.yml"
    text = sites.read_text(encoding="utf-8")
    assert "    look: caen\n" in text
    sites.write_text(text.replace("    look: caen\n", f"    look: {LONG}\n", 1), encoding="utf-8")
    line = text[: text.index("    look: caen\n")].count("\n") + 1
    with pytest.raises(ProjectInvalid) as caught:
        load_graph(demo_copy)
    found = [p for p in caught.value.problems if p.location.file == "data/sites.yml"]
    assert [p.location.line for p in found] == [line], found
    assert "300 caractères ; 80 au plus" in found[0].message


def test_a_logo_linking_outside_its_look_is_a_check_error(demo_copy: Path, tmp_path: Path) -> None:
    """The logo is copied into the site: a link to a file elsewhere would publish that file."""
    secret = tmp_path / "secret.txt"
    secret.write_text("mot de passe", encoding="utf-8")
    sites = demo_copy / "data" / "sites.yml"
    text = sites.read_text(encoding="utf-8")
    logo = text.split("    logo: ", 1)[1].split("\n", 1)[0].strip()
    look = text[: text.index("    logo: ")].rsplit("    look: ", 1)[1].split("\n", 1)[0].strip()
    target = demo_copy / "themes" / look / logo
    target.unlink()
    target.symlink_to(secret)
    line = text[: text.index("    logo: ")].count("\n") + 1
    with pytest.raises(ProjectInvalid) as caught:
        load_graph(demo_copy)
    [problem] = caught.value.problems
    assert (problem.location.file, problem.location.line) == ("data/sites.yml", line)
    assert "hors du dossier" in problem.message


def test_a_file_of_a_look_linking_outside_it_is_a_check_error(demo_copy: Path, tmp_path: Path) -> None:
    """Every file of a look is copied into the site: a link out of the folder would publish its target."""
    secret = tmp_path / "id_rsa"
    secret.write_text("clé privée", encoding="utf-8")
    (demo_copy / "themes" / "caen" / "cle.css").symlink_to(secret)
    (demo_copy / "themes" / "caen" / "dedans.css").symlink_to(demo_copy / "themes" / "caen" / "logo.svg")
    with pytest.raises(ProjectInvalid) as caught:
        load_graph(demo_copy)
    [problem] = caught.value.problems
    assert (problem.location.file, problem.location.line) == ("themes/caen/cle.css", 1)
    assert "hors du dossier themes/caen/" in problem.message
