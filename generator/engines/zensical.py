"""Zensical, Material for MkDocs' maintained successor: it reads the same mkdocs.yml.

Its command line has no output option, no quiet mode and no differential mode of the MkDocs
kind: its output folder must lie inside the project it builds, it empties that folder and
writes every page again on each run, and it keeps a cache of rendered pages (`.cache/` in the
work tree) that makes a run after a small edit fast. So bibnum runs it on the site's work tree
with a copy of mkdocs.yml naming a hidden output folder in the tree, then moves that folder
to the engine's output. Files at the top of a work tree whose name starts with a dot are
the engine's (generator/writer.py never removes them). A change that reaches every page
(mkdocs.yml, overrides/) empties the cache first: nothing of an earlier theme can survive.
"""

from __future__ import annotations

import filecmp
import os
import shutil
from pathlib import Path

import yaml

from .base import CLEAN, DIRTY, Changes, Engine, drop_files, run_engine
from .mkdocs import GLOBAL_PREFIXES

CONFIG = ".zensical.yml"  # mkdocs.yml with the output folder below
OUTPUT = ".zensical-site"
CACHE = ".cache"  # Zensical's, in the folder it builds
# What Zensical leaves that no site publishes: its search index (bibnum's search has its own).
LEFTOVERS = ("search.json",)


class Zensical(Engine):
    name = "zensical"
    label = "Zensical"
    packages = ("zensical",)
    extra = "zensical"
    # It prints a post's title as text: raw in its templates (the page's <h1>, <title>), escaped by
    # its own code above each excerpt, where a numeric reference would show as "&#33;".
    markdown_post_titles = False

    def mode_for(self, changes: Changes) -> str:
        if any(path.startswith(GLOBAL_PREFIXES) for path in (*changes.written, *changes.removed)):
            return CLEAN
        return DIRTY  # its cache knows which pages an edit reaches

    def render(self, work: Path, out: Path, *, epoch: int, changes: Changes | None) -> None:
        work, out = work.resolve(), out.resolve()
        inner = work / OUTPUT
        shutil.rmtree(inner, ignore_errors=True)
        if changes is None:
            shutil.rmtree(work / CACHE, ignore_errors=True)
        config = yaml.safe_load((work / "mkdocs.yml").read_text(encoding="utf-8")) or {}
        config["site_dir"] = OUTPUT
        (work / CONFIG).write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
        run_zensical(work / CONFIG, epoch=epoch, clean=changes is None)
        drop_files(inner, LEFTOVERS)
        if changes is not None:
            keep_times(inner, out)
        shutil.rmtree(out, ignore_errors=True)
        out.parent.mkdir(parents=True, exist_ok=True)
        os.replace(inner, out)


def keep_times(new: Path, old: Path) -> int:
    """Give each file of NEW that has the bytes of its counterpart in OLD that file's times; return how many.

    Zensical writes every page again on each run: without this, every file of the site would
    look changed to publishing (which compares sizes and times) and be copied again."""
    kept = 0
    for parent, _dirs, names in os.walk(new):
        for name in names:
            fresh = os.path.join(parent, name)
            before = os.path.join(old, os.path.relpath(fresh, new))
            try:
                stat = os.stat(before)
                if stat.st_size != os.path.getsize(fresh) or not filecmp.cmp(fresh, before, shallow=False):
                    continue
            except OSError:  # not there before
                continue
            os.utime(fresh, ns=(stat.st_atime_ns, stat.st_mtime_ns))
            kept += 1
    return kept


def run_zensical(config: Path, *, epoch: int, clean: bool) -> None:
    """`zensical build` in a child process (base.run_engine); it must leave its output folder."""
    run_engine("zensical", ["build", "-f", str(config), *(["--clean"] if clean else [])], cwd=config.parent,
               epoch=epoch, label="Zensical", site=config.parent.name, produced=config.parent / OUTPUT)
