"""MkDocs (or ProperDocs, its maintained continuation) with mkdocs-material: clean or
differential runs in a child process.

In a differential run MkDocs (`--dirty`) renders only the Markdown files newer than their
HTML and copies only the newer static files. The build gives the exact changes (the site's
ledger compares the work tree with the tree last rendered), so the changed files are
touched to be newer than their output, outputs of removed files are deleted, and every
input a page shares with others (the nav, the theme, the config) lives in `mkdocs.yml` or
`overrides/`: a change there, or a deleted blog post, makes the run clean.
tests/e2e/test_incremental.py compares differential builds with clean ones, byte for byte.
"""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path, PurePosixPath

import yaml

from ..messages import say
from ..search import MATERIAL_INDEX
from .base import CLEAN, DIRTY, Changes, Engine, drop_files, run_engine

# Material for MkDocs gets critical fixes and security updates until then (its own notice).
MATERIAL_END_OF_LIFE = date(2027, 5, 5)
# Files of the work tree whose change reaches every page (nav, theme, plugins' options).
GLOBAL_PREFIXES = ("mkdocs.yml", "overrides/")
# The blog plugin names a post's page after its slug, not its file: a deleted post's page
# cannot be found from its path, so deleting one makes the next run clean.
POST_FOLDER = "posts"
# What Material leaves that no site publishes: its lunr index (bibnum's search has its own) and
# the gzipped copy of sitemap.xml (other engines write none; sitemap.xml is the one that is linked).
LEFTOVERS = (MATERIAL_INDEX, "sitemap.xml.gz")


class MkDocs(Engine):
    name = "mkdocs-material"
    packages = ("mkdocs", "mkdocs-material")
    module = "mkdocs"  # run as `python -m <module> build`
    label = "MkDocs"

    def status(self, today: date) -> str:
        return say(f"engine.status.{self.name}" + (".ended" if today >= MATERIAL_END_OF_LIFE else ""))

    def mode_for(self, changes: Changes) -> str:
        if any(path.startswith(GLOBAL_PREFIXES) for path in (*changes.written, *changes.removed)):
            return CLEAN
        for path in changes.removed:
            if path.startswith("docs/") and path.endswith(".md") and POST_FOLDER in PurePosixPath(path).parts:
                return CLEAN
        return DIRTY

    def render(self, work: Path, out: Path, *, epoch: int, changes: Changes | None) -> None:
        if changes is not None:
            drop_outputs(out, changes.removed)
            for path in changes.written:  # newer than their output, whatever the clock did since
                if (work / path).is_file():
                    os.utime(work / path)
            refresh_blog(work)
        run_mkdocs(work / "mkdocs.yml", out, epoch=epoch, dirty=changes is not None, module=self.module,
                   label=self.label)
        drop_files(out, LEFTOVERS)


class ProperDocs(MkDocs):
    """ProperDocs continues MkDocs 1.x (unmaintained) as a drop-in: same configuration, plugins and theme."""

    name = "properdocs"
    packages = ("properdocs", "mkdocs-material")
    module = "properdocs"
    label = "ProperDocs"
    extra = "properdocs"


def drop_outputs(out: Path, removed: tuple[str, ...] | list[str]) -> list[str]:
    """Delete the built counterparts of docs files removed from the work tree (dirty runs keep them)."""
    dropped = []
    for path in removed:
        if not path.startswith("docs/"):
            continue
        built = out / output_path(path[len("docs/"):])
        if built.is_file():
            built.unlink()
            dropped.append(built.relative_to(out).as_posix())
    return dropped


def refresh_blog(work: Path) -> int:
    """Mark the blog's pages as changed before a dirty run; return how many.

    Material's blog plugin builds its index, archive and category pages from every post
    read in the same run, and MkDocs reads only the pages newer than their output in a
    dirty run: without this, the listings would lose the posts that did not change.
    """
    config = yaml.safe_load((work / "mkdocs.yml").read_text(encoding="utf-8")) or {}
    folders = [
        entry["blog"].get("blog_dir", "blog") for entry in config.get("plugins") or []
        if isinstance(entry, dict) and isinstance(entry.get("blog"), dict)
    ]
    count = 0
    for folder in folders:
        for page in (work / "docs" / folder).rglob("*.md"):
            page.touch()
            count += 1
    return count


def output_path(doc_path: str) -> str:
    """Where MkDocs (directory URLs) writes a docs file: 'a/b.md' -> 'a/b/index.html'."""
    if not doc_path.endswith(".md"):
        return doc_path
    stem = doc_path[:-3]
    if stem == "index" or stem.endswith("/index"):
        return stem + ".html"
    return stem + "/index.html"


def run_mkdocs(config: Path, site_dir: Path, *, epoch: int, dirty: bool = False, module: str = "mkdocs",
               label: str = "MkDocs") -> None:
    """`mkdocs build` (or `properdocs build`: MODULE) in a child process (base.run_engine)."""
    config, site_dir = config.resolve(), site_dir.resolve()
    args = ["build", "-q", "-f", str(config), "-d", str(site_dir)]
    if dirty:
        args.append("--dirty")
    else:
        shutil.rmtree(site_dir, ignore_errors=True)
    run_engine(module, args, cwd=config.parent, epoch=epoch, label=label, site=config.parent.name,
               env={"NO_MKDOCS_2_WARNING": "1"})
