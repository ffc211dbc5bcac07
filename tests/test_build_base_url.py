"""`bibnum build --base-url` (a pull request's preview): every site at URL<site-id>/, with the real engine.

The preview's pages, feeds and data point inside the preview, `check --links --base-url` accepts
them, and a production build made afterwards in the same project is byte for byte the one made
before: the preview's addresses never leak into what is published.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO, small_network

PREVIEW = "https://o.github.io/reseau-previews/pr-12/"
PRODUCTION = "https://v.example.org/"  # small_network's address


def bibnum(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator.cli", *args], capture_output=True, text=True,
                          cwd=REPO, timeout=300, check=False)


def contents(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def mentioning(files: dict[str, bytes], text: str) -> set[str]:
    return {path for path, data in files.items() if text.encode() in data}


def test_a_preview_build_points_inside_the_preview_and_leaves_production_unchanged(tmp_path: Path):
    project = small_network(tmp_path / "network")
    today = ("--today", "2026-11-21")
    assert bibnum("build", str(project), "--out", str(tmp_path / "before"), *today).returncode == 0
    preview = bibnum("build", str(project), "--out", str(tmp_path / "preview"), "--strict", *today,
                     "--base-url", PREVIEW.rstrip("/"))  # the final / is added
    assert preview.returncode == 0, preview.stderr
    assert bibnum("build", str(project), "--out", str(tmp_path / "after"), *today).returncode == 0

    built = contents(tmp_path / "preview")
    assert mentioning(built, PRODUCTION) == set()
    pointing = mentioning(built, PREVIEW)
    assert {"portail/index.html", "portail/sitemap.xml", "pro/sitemap.xml"} <= pointing
    assert f'<link rel="canonical" href="{PREVIEW}portail/">'.encode() in built["portail/index.html"]
    assert any(path.startswith("portail/") and path.endswith((".xml", ".json", ".ics")) and path not in
               ("portail/sitemap.xml",) for path in pointing)  # feeds, calendars or data too, not the pages only
    checked = bibnum("check", str(project), "--links", "--out", str(tmp_path / "preview"), "--base-url", PREVIEW)
    assert checked.returncode == 0, checked.stdout + checked.stderr

    before, after = contents(tmp_path / "before"), contents(tmp_path / "after")
    assert after == before
    assert mentioning(after, PREVIEW) == set() and "portail/index.html" in mentioning(after, PRODUCTION)


def test_a_base_url_that_is_not_an_address_is_refused_in_french(tmp_path: Path):
    project = small_network(tmp_path / "network")
    for value in ("ftp://o.example.org/", "o.github.io/previews/", "https://o.example.org/?pr=12",
                  "https://o.example.org/ pr/"):
        done = bibnum("build", str(project), "--out", str(tmp_path / "out"), "--base-url", value)
        assert done.returncode == 2
        assert f"--base-url « {value} » refusée : attendu une adresse complète https://" in done.stderr
    assert not (tmp_path / "out").exists()
