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


def test_engine_settings_check_accepts_are_settings_the_engine_builds(tmp_path: Path):
    """What a network adds in mkdocs.yml and themes/<look>/ passes check, then the real engine builds it."""
    project = tmp_path / "lac"
    assert bibnum("new", str(project), "--name", "Médiathèques du Lac").returncode == 0
    (project / "mkdocs.yml").write_text(
        "theme:\n  features:\n    - navigation.expand\n"
        "markdown_extensions:\n  - footnotes\n  - toc:\n      toc_depth: 3\n  - pymdownx.tasklist\n"
        "plugins:\n  - blog:\n      pagination_per_page: 5\n"
        "extra_css:\n  - assets/reseau.css\n", encoding="utf-8")
    css = project / "themes" / "reseau" / "assets" / "reseau.css"
    css.parent.mkdir()
    css.write_text(".md-header { border-bottom: 2px solid currentColor; }\n", encoding="utf-8")
    (project / "content" / "public" / "aide.md").write_text(
        (project / "content" / "public" / "aide.md").read_text(encoding="utf-8") + "\nUne note[^1].\n\n[^1]: Ici.\n",
        encoding="utf-8")

    checked = bibnum("check", str(project))
    assert checked.returncode == 0, checked.stderr
    built = bibnum("build", str(project), "--site", "portail", "--strict")
    assert built.returncode == 0, built.stderr

    site = project / "site" / "portail"
    assert (site / "assets" / "reseau.css").read_text(encoding="utf-8").startswith(".md-header")
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    stylesheets = [link["href"] for link in home.find_all("link", rel="stylesheet")]
    assert any(h.endswith("assets/bibnum/bibnum.css") for h in stylesheets)  # the base's, kept
    assert any(h.endswith("assets/reseau.css") for h in stylesheets)  # the network's, appended
    help_page = BeautifulSoup((site / "aide" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert help_page.select_one(".footnote")  # the extension the network added ran
