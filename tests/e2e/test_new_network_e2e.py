"""From an empty folder: `bibnum new`, then check, build --strict with the real engine, and the link check."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import REPO

pytestmark = pytest.mark.e2e


def bibnum(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator.cli", *args], capture_output=True, text=True,
                          check=False, cwd=REPO, stdin=subprocess.DEVNULL)


def test_a_new_network_builds_and_links_clean(tmp_path: Path):
    project = tmp_path / "vallee"
    made = bibnum("new", str(project), "--name", "Médiathèques de la Vallée", "--url", "https://vallee.example.org/")
    assert made.returncode == 0, made.stderr

    checked = bibnum("check", str(project))
    assert checked.returncode == 0 and checked.stderr == "", checked.stderr

    built = bibnum("build", str(project), "--strict")
    assert built.returncode == 0, built.stderr

    links = bibnum("check", str(project), "--links")
    assert links.returncode == 0 and links.stderr == "", links.stderr  # every link, anchor and asset resolves

    home = BeautifulSoup((project / "site" / "portail" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert "Médiathèques de la Vallée" in home.title.get_text()
    assert "Médiathèques de la Vallée" in home.get_text()
    # the shared look and the engine's base came from the package: its stylesheet is linked and published
    assert home.find("link", href=lambda h: h and h.endswith("assets/bibnum/bibnum.css"))
    assert (project / "site" / "portail" / "assets" / "bibnum" / "bibnum.css").is_file()
    assert (project / "site" / "pro" / "guide-editeur" / "index.html").is_file()
