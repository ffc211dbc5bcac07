"""`bibnum check` on the demo and on a broken copy of it: every error, with file and line, at once."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, replace_line, run_check


def test_demo_is_valid():
    result = run_check(REPO)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK : 3 sites")


def test_broken_demo_reports_every_error_with_file_and_line(demo_copy: Path):
    data = demo_copy / "data"
    # 1. bad YAML (unclosed flow sequence)
    bad_yaml = replace_line(data / "resources/cafeyn.yml", "audiences:", "audiences: [adultes, ados")
    # 2. missing required field
    missing = data / "resources/gallica.yml"
    replace_line(missing, "provider:", "# provider removed")
    # 3. unknown category
    unknown_line = replace_line(data / "resources/izneo.yml", "category:", "category: bandes-dessinees")
    # 4. duplicate id: same file name in a subfolder
    (data / "resources/extra").mkdir()
    (data / "resources/extra/pnb.yml").write_text((data / "resources/pnb.yml").read_text(encoding="utf-8"), encoding="utf-8")
    # 5. bad date
    event = sorted((data / "events").glob("*.yml"))[0]
    date_line = replace_line(event, "start:", "start: 2026-13-45T14:00")
    # 6. javascript: URL as an access target
    target_file = data / "resources/skilleos.yml"
    text = target_file.read_text(encoding="utf-8")
    target_file.write_text(re.sub(r"(?m)^(\s*)target: .*$", r"\1target: 'javascript:alert(1)'", text, count=1), encoding="utf-8")
    js_line = next(i + 1 for i, line in enumerate(target_file.read_text(encoding="utf-8").split("\n")) if "javascript:" in line)

    result = run_check(demo_copy)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert re.fullmatch(r"\d+ erreurs : rien n'a été construit ni publié\.", lines[-1])
    errors = lines[:-1]
    for line in errors:
        assert re.match(r"^[\w./-]+:\d+:\d+: .+", line), line

    def has(file: str, line: int | None, *words: str) -> bool:
        return any(
            e.startswith(f"{file}:{line}:" if line else f"{file}:") and all(w in e for w in words) for e in errors
        )

    assert has("data/resources/cafeyn.yml", bad_yaml + 1, "YAML invalide")
    assert has("data/resources/gallica.yml", None, "provider : clé obligatoire absente")
    assert has("data/resources/izneo.yml", unknown_line, "catégorie « bandes-dessinees » inconnue", "taxonomy.yml")
    assert has("data/resources/pnb.yml" if any("resources/pnb.yml" in e and "en double" in e for e in errors)
               else "data/resources/extra/pnb.yml", 1, "identifiant « pnb » en double")
    assert has(f"data/events/{event.name}", date_line, "start")
    assert has("data/resources/skilleos.yml", js_line, "javascript", "https://")
    assert len(errors) == 6, "\n".join(errors)


def test_not_a_project(tmp_path: Path):
    result = run_check(tmp_path)
    assert result.returncode == 2
    assert "pas un projet bibnum" in result.stderr and "bibnum new" in result.stderr


@pytest.mark.parametrize("command", ["check", "build", "serve"])
def test_every_command_has_help(command):
    result = subprocess.run([sys.executable, "-m", "generator.cli", command, "--help"],
                            capture_output=True, text=True, check=False, cwd=REPO)
    assert result.returncode == 0 and "Usage:" in result.stdout
