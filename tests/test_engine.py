"""When the engine may run on what changed only, and when it must render everything again."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.engines import CLEAN, DIRTY, Changes, MkDocs
from generator.engines.mkdocs import drop_outputs, output_path, refresh_blog


def mode(written=(), removed=()) -> str:
    return MkDocs().mode_for(Changes(tuple(written), tuple(removed)))


def test_pages_and_data_changes_are_rendered_differentially():
    assert mode(["docs/evenements/a/index.md", "docs/agenda/agenda.ics"]) == DIRTY
    assert mode(removed=["docs/evenements/a/index.md"]) == DIRTY


@pytest.mark.parametrize("changed", ["mkdocs.yml", "overrides/main.html", "overrides/assets/bibnum/bibnum.css",
                                     "overrides/.icons/reseau/logo.svg"])
def test_config_nav_or_theme_changes_render_everything(changed):
    assert mode([changed]) == CLEAN
    assert mode(removed=[changed]) == CLEAN


def test_a_deleted_post_renders_everything():
    assert mode(removed=["docs/blog/posts/2026-01-01-billet.md"]) == CLEAN


def test_the_identity_names_the_engine_and_its_theme():
    assert MkDocs().identity().startswith("mkdocs=") and " mkdocs-material=" in MkDocs().identity()


def test_removed_docs_lose_their_built_page(tmp_path: Path):
    out = tmp_path / "engine" / "calvados"
    page = out / "evenements" / "a" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text("x", encoding="utf-8")
    ics = out / "evenements" / "a.ics"
    ics.write_text("x", encoding="utf-8")
    dropped = drop_outputs(out, ["docs/evenements/a/index.md", "docs/evenements/a.ics", "mkdocs.yml"])
    assert sorted(dropped) == ["evenements/a.ics", "evenements/a/index.html"]
    assert not page.exists() and not ics.exists()


@pytest.mark.parametrize("doc, built", [
    ("index.md", "index.html"), ("agenda/index.md", "agenda/index.html"),
    ("ressources/cafeyn/index.md", "ressources/cafeyn/index.html"), ("agenda/agenda.ics", "agenda/agenda.ics"),
    ("ressources/cafeyn.md", "ressources/cafeyn/index.html"),  # not generated any more (paths.at), still mapped
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
