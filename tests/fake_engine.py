"""A fake rendering engine for tests: instant, deterministic, and exact about differential runs.

Every page it writes depends on its own Markdown file and on the settings every page shares
(mkdocs.yml and overrides/), as the real engine's do. A differential run renders only the
changes it is given: a build that asked for a differential run with the wrong changes gives
bytes that differ from a clean build's, which is what the build-state tests look for.
"""

from __future__ import annotations

import hashlib
import html
import shutil
from collections.abc import Callable
from pathlib import Path

from generator.engines import CLEAN, DIRTY, Changes, Engine
from generator.engines.mkdocs import GLOBAL_PREFIXES, drop_outputs, output_path


class FakeEngine(Engine):
    name = "fake"
    label = "moteur factice"
    packages = ()

    def __init__(self, *, after_each_file: Callable[[Path], None] | None = None):
        self.after_each_file = after_each_file  # a test's hook: fail or kill in the middle of a run

    def identity(self) -> str:
        return "fake-engine=1"

    def status(self, today) -> str:
        return "moteur des tests, jamais publié."

    def mode_for(self, changes: Changes) -> str:
        touched = (*changes.written, *changes.removed)
        return CLEAN if any(path.startswith(GLOBAL_PREFIXES) for path in touched) else DIRTY

    def render(self, work: Path, out: Path, *, epoch: int, changes: Changes | None) -> None:
        if changes is None:
            shutil.rmtree(out, ignore_errors=True)
            todo = sorted(p.relative_to(work).as_posix() for p in (work / "docs").rglob("*") if p.is_file())
        else:
            drop_outputs(out, changes.removed)
            todo = [path for path in changes.written if path.startswith("docs/")]
        shared = _shared_digest(work)
        out.mkdir(parents=True, exist_ok=True)
        for path in todo:
            source = work / path
            target = out / output_path(path[len("docs/"):])
            target.parent.mkdir(parents=True, exist_ok=True)
            if path.endswith(".md"):
                text = source.read_text(encoding="utf-8")
                target.write_text(f"<!doctype html><title>{shared}</title>\n<pre>{html.escape(text)}</pre>\n",
                                  encoding="utf-8")
            else:
                target.write_bytes(source.read_bytes())
            if self.after_each_file is not None:
                self.after_each_file(target)


def _shared_digest(work: Path) -> str:
    digest = hashlib.sha256((work / "mkdocs.yml").read_bytes())
    overrides = work / "overrides"
    for path in sorted(overrides.rglob("*")) if overrides.is_dir() else []:
        if path.is_file():
            digest.update(path.relative_to(overrides).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]
