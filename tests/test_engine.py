"""When the engine may run on what changed only, and when it must render everything again."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.engine import CLEAN, DIRTY, UNCHANGED, EngineCache, output_path, refresh_blog
from generator.writer import WriteReport


@pytest.fixture
def cache(tmp_path: Path) -> EngineCache:
    kept = EngineCache(tmp_path / "engine" / "calvados")
    kept.folder.mkdir(parents=True)
    kept.remember()
    return kept


def report(written=(), removed=()) -> WriteReport:
    return WriteReport(written=list(written), removed=list(removed))


def test_pages_and_data_changes_are_rendered_differentially(cache):
    assert cache.mode_for(report(["docs/evenements/a.md", "docs/agenda/agenda.ics"]), incremental=True) == DIRTY
    assert cache.mode_for(report(removed=["docs/evenements/a.md"]), incremental=True) == DIRTY
    assert cache.mode_for(report(), incremental=True) == UNCHANGED


@pytest.mark.parametrize("changed", ["mkdocs.yml", "overrides/main.html", "overrides/assets/bibnum/bibnum.css"])
def test_config_nav_or_theme_changes_render_everything(cache, changed):
    assert cache.mode_for(report([changed]), incremental=True) == CLEAN


def test_a_deleted_post_renders_everything(cache):
    assert cache.mode_for(report(removed=["docs/blog/posts/2026-01-01-billet.md"]), incremental=True) == CLEAN


def test_no_kept_output_a_failed_run_or_another_engine_render_everything(cache):
    assert cache.mode_for(report(), incremental=False) == CLEAN
    cache.forget()  # a run started and did not finish
    assert cache.mode_for(report(["docs/index.md"]), incremental=True) == CLEAN
    cache.marker.write_text('{"engine": "mkdocs=0.1 mkdocs-material=0.1 bibnum=0.0"}', encoding="utf-8")
    assert cache.mode_for(report(["docs/index.md"]), incremental=True) == CLEAN
    cache.marker.write_text("not json", encoding="utf-8")
    assert cache.mode_for(report(["docs/index.md"]), incremental=True) == CLEAN


def test_removed_docs_lose_their_built_page(cache):
    page = cache.folder / "evenements" / "a" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text("x", encoding="utf-8")
    ics = cache.folder / "evenements" / "a.ics"
    ics.write_text("x", encoding="utf-8")
    dropped = cache.drop_outputs(["docs/evenements/a.md", "docs/evenements/a.ics", "mkdocs.yml"])
    assert sorted(dropped) == ["evenements/a.ics", "evenements/a/index.html"]
    assert not page.exists() and not ics.exists()


@pytest.mark.parametrize("doc, built", [
    ("index.md", "index.html"), ("agenda/index.md", "agenda/index.html"),
    ("ressources/cafeyn.md", "ressources/cafeyn/index.html"), ("agenda/agenda.ics", "agenda/agenda.ics"),
])
def test_output_path(doc, built):
    assert output_path(doc) == built


def test_refresh_blog_touches_every_page_of_the_blog_folder(tmp_path: Path):
    work = tmp_path / "work"
    (work / "docs" / "blog" / "posts").mkdir(parents=True)
    (work / "mkdocs.yml").write_text("plugins:\n  - search\n  - blog:\n      blog_dir: blog\n", encoding="utf-8")
    pages = [work / "docs" / "blog" / "index.md", work / "docs" / "blog" / "posts" / "a.md"]
    other = work / "docs" / "index.md"
    for page in [*pages, other]:
        page.write_text("---\ntitle: x\n---\n", encoding="utf-8")
    for page in [*pages, other]:
        os.utime(page, ns=(0, 0))
    assert refresh_blog(work) == 2
    assert all(page.stat().st_mtime_ns > 0 for page in pages)
    assert other.stat().st_mtime_ns == 0
