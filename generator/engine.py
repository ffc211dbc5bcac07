"""Run the rendering engine (mkdocs-material) on a generated work tree, clean or differential.

Each site's engine output is kept between builds (`.bibnum/engine/<site>/`). When an edit
changed only pages and data files, the engine runs in its dirty mode: MkDocs then renders
only the Markdown files newer than their HTML, and copies only the newer static files.
That is correct here because our writer rewrites exactly the files whose bytes changed,
and every input a page shares with others (the nav, the theme, the config) lives in
`mkdocs.yml` or `overrides/`: a change there, a deleted blog post, a new engine version or
a failed previous run makes the next run clean. tests/e2e/test_incremental.py compares
differential builds with clean ones, byte for byte.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path, PurePosixPath

import yaml

from .errors import BuildFailed
from .messages import say
from .writer import WriteReport

CLEAN, DIRTY, UNCHANGED = "clean", "dirty", "unchanged"
# Files of the work tree whose change reaches every page (nav, theme, plugins' options).
_GLOBAL_PREFIXES = ("mkdocs.yml", "overrides/")
# The blog plugin names a post's page after its slug, not its file: a deleted post's page
# cannot be found from its path, so deleting one makes the next run clean.
_POST_FOLDER = "posts"


@dataclass(frozen=True)
class EngineCache:
    """Where one site's engine output is kept, with the marker of its last good run."""

    folder: Path

    @property
    def marker(self) -> Path:
        return self.folder.with_name(f"{self.folder.name}.json")

    def mode_for(self, report: WriteReport, *, incremental: bool) -> str:
        """CLEAN or DIRTY for the next run, given what the generator changed in the work tree."""
        if not incremental or not self.folder.is_dir() or _read_marker(self.marker) != fingerprint():
            return CLEAN
        for path in (*report.written, *report.removed):
            if path.startswith(_GLOBAL_PREFIXES):
                return CLEAN
        for path in report.removed:
            if path.startswith("docs/") and path.endswith(".md") and _POST_FOLDER in PurePosixPath(path).parts:
                return CLEAN
        return DIRTY if report.written or report.removed else UNCHANGED

    def forget(self) -> None:
        """Before a run: until it succeeds, the next run must be clean."""
        self.marker.unlink(missing_ok=True)

    def remember(self) -> None:
        self.marker.write_text(json.dumps({"engine": fingerprint()}), encoding="utf-8")

    def drop_outputs(self, removed: list[str]) -> list[str]:
        """Delete the built counterparts of docs files the generator removed (dirty runs keep them)."""
        dropped = []
        for path in removed:
            if not path.startswith("docs/"):
                continue
            built = self.folder / output_path(path[len("docs/"):])
            if built.is_file():
                built.unlink()
                dropped.append(built.relative_to(self.folder).as_posix())
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


def fingerprint() -> str:
    """The engine's identity: a new MkDocs or Material (or bibnum) invalidates every kept output."""
    return " ".join(f"{name}={version(name)}" for name in ("mkdocs", "mkdocs-material", "bibnum"))


def run_engine(config: Path, site_dir: Path, *, epoch: int, dirty: bool = False) -> None:
    """`mkdocs build` in a child process: isolated, parallelisable, its logs kept for errors.

    The child never imports a file of the project (a `click.py` or `markdown.py` an editor
    dropped at its root would otherwise run, since `python -m` puts the working directory
    first on sys.path): it runs in the site's generated work tree, with `-P` (no working
    directory on sys.path) and `-s` (no user site-packages), and without the caller's
    PYTHON* variables (PYTHONPATH, PYTHONHOME, PYTHONSTARTUP...). That is `python -I` but
    for PYTHONHASHSEED, which `-I` would ignore and which keeps the engine's output the same
    from one run to the next.
    """
    config, site_dir = config.resolve(), site_dir.resolve()
    command = [sys.executable, "-P", "-s", "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site_dir)]
    if dirty:
        command.append("--dirty")
    else:
        shutil.rmtree(site_dir, ignore_errors=True)
    env = {name: value for name, value in os.environ.items() if not name.startswith("PYTHON")}
    env.update(SOURCE_DATE_EPOCH=str(epoch), PYTHONHASHSEED="0", NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=config.parent, check=False)
    if result.returncode != 0:
        log = (result.stderr or result.stdout).strip().splitlines()[-20:]
        raise BuildFailed(say("build.engine_failed", site=config.parent.name, log="\n  ".join(log)))


def _read_marker(marker: Path) -> str | None:
    try:
        return json.loads(marker.read_text(encoding="utf-8")).get("engine")
    except (OSError, ValueError, AttributeError):
        return None
