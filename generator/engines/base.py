"""What the build needs from a rendering engine."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import date
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from ..errors import BuildFailed
from ..lifetime import LAUNCHER
from ..messages import say

CLEAN, DIRTY, UNCHANGED = "clean", "dirty", "unchanged"


@dataclass(frozen=True)
class Changes:
    """Work-tree paths that differ from the tree the engine last rendered into its output folder."""

    written: tuple[str, ...] = ()  # added or changed
    removed: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.written or self.removed)


class Engine(ABC):
    """A static-site engine run on one site's work tree.

    The build keeps the engine's output folder between builds and knows, from the site's
    ledger, exactly which tree was last rendered into it; it asks the engine to render
    again either everything (clean) or only `changes` (dirty). After `render`, the output
    folder holds what the site publishes and nothing else (the build then adds the search index).
    """

    name: str  # as written in data/sites.yml (`engine:`) and given to --engine
    label: str  # as readers of bibnum's messages know it
    packages: tuple[str, ...]  # the distributions that render, for `identity` and the install hint
    extra: str = ""  # the optional dependency set of bibnum that installs them (`pip install 'bibnum[extra]'`)
    # Whether the engine renders a post's title as Markdown anywhere (Material's blog plugin writes
    # `# {title}` above each excerpt): the title is then made inert as Markdown too (render/engine_text.py).
    markdown_post_titles: bool = True

    def identity(self) -> str:
        """Names and versions of what renders: any change makes the next run clean."""
        return " ".join(f"{name}={version(name)}" for name in self.packages)

    def missing(self) -> list[str]:
        """The distributions this engine needs that are not installed."""
        absent = []
        for name in self.packages:
            try:
                version(name)
            except PackageNotFoundError:
                absent.append(name)
        return absent

    def status(self, today: date) -> str:
        """How this engine is maintained on TODAY, and how to switch, as the build says it."""
        return say(f"engine.status.{self.name}")

    @abstractmethod
    def mode_for(self, changes: Changes) -> str:
        """DIRTY when the engine can render only CHANGES (never empty) correctly, else CLEAN."""

    @abstractmethod
    def render(self, work: Path, out: Path, *, epoch: int, changes: Changes | None) -> None:
        """Render WORK into OUT: everything (OUT emptied first) when `changes` is None, else
        only what changed since the run that produced OUT's content. Raise BuildFailed on failure."""


def drop_files(out: Path, names: tuple[str, ...]) -> None:
    """Remove files an engine leaves in its output that the site does not publish, and the folders they empty."""
    for name in names:
        target = out / name
        if target.is_dir():
            shutil.rmtree(target)
            continue
        target.unlink(missing_ok=True)
        parent = target.parent
        while parent != out and parent.is_dir() and not any(parent.iterdir()):
            parent.rmdir()
            parent = parent.parent


# An engine that has not finished one site in an hour is stuck (the largest network we measure
# renders in minutes): stopped, so that a build, and the CI job that runs it, never waits forever.
ENGINE_TIMEOUT_SECONDS = 3600


def run_engine(module: str, args: list[str], *, cwd: Path, epoch: int, label: str, site: str,
               env: dict[str, str] | None = None, produced: Path | None = None) -> None:
    """`python -m MODULE ARGS...` in a child process: isolated, parallelisable, its logs kept for errors.

    The child never imports a file of the project (a `click.py` or `markdown.py` an editor
    dropped at its root would otherwise run, since `python -m` puts the working directory
    first on sys.path): it runs in the site's generated work tree (CWD), with `-P` (no working
    directory on sys.path) and `-s` (no user site-packages), and without the caller's
    PYTHON* variables (PYTHONPATH, PYTHONHOME, PYTHONSTARTUP...). That is `python -I` but
    for PYTHONHASHSEED, which `-I` would ignore and which keeps the engine's output the same
    from one run to the next. BuildFailed, with its last lines, when it fails or PRODUCED is not there.
    """
    # The launcher makes the engine die with this process (generator/lifetime.py), then runs `-m MODULE`.
    command = [sys.executable, "-P", "-s", "-c", LAUNCHER, str(os.getpid()), module, *args]
    environment = {name: value for name, value in os.environ.items() if not name.startswith("PYTHON")}
    environment.update(SOURCE_DATE_EPOCH=str(epoch), PYTHONHASHSEED="0", **(env or {}))
    try:
        result = subprocess.run(command, capture_output=True, text=True, env=environment, cwd=cwd, check=False,
                                timeout=ENGINE_TIMEOUT_SECONDS)  # past it, the child is killed
    except subprocess.TimeoutExpired:
        raise BuildFailed(say("build.engine_stuck", engine=label, site=site,
                              minutes=f"{ENGINE_TIMEOUT_SECONDS / 60:g}".replace(".", ","))) from None
    if result.returncode != 0 or (produced is not None and not produced.is_dir()):
        log = (result.stderr or result.stdout).strip().splitlines()[-20:]
        raise BuildFailed(say("build.engine_failed", engine=label, site=site, log="\n  ".join(log)))
