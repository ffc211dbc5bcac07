"""Shared fixtures: a copy of the demo network and one real build of it per test session."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from generator.build import BuildResult, build
from generator.scaffold import NetworkChoices, scaffold_files, write_scaffold

REPO = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "data", "content", "themes")
DEMO_NOW = datetime(2026, 11, 21, 10, 0)  # fixed 'now': tests never depend on the calendar


def small_network(root: Path) -> Path:
    """A new network as `bibnum new` writes it (a portal and the pro site, one of each kind of file)."""
    write_scaffold(root, scaffold_files(NetworkChoices("Réseau de la Vallée", url="https://v.example.org/"),
                                       date(2026, 11, 21), requirement="bibnum==0.1.0"))
    return root


def copy_project(target: Path) -> Path:
    """A writable copy of the demo network (the repository's own data)."""
    target.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_PARTS:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy2(source, target / name)
    return target


@pytest.fixture
def demo_copy(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "network")


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The demo network built for real, once per session, into a temporary folder."""
    root = copy_project(tmp_path_factory.mktemp("demo") / "network")
    return build(root, out=root / "site", now=DEMO_NOW)


# The engines besides the default one (mkdocs-material, which `demo_build` uses).
OTHER_ENGINES = ("properdocs", "zensical")


@pytest.fixture(scope="session")
def engine_build(tmp_path_factory: pytest.TempPathFactory):
    """`engine_build(name)`: the demo network built for real with that engine, once per session."""
    built: dict[str, BuildResult] = {}

    def build_with(name: str) -> BuildResult:
        if name not in built:
            root = copy_project(tmp_path_factory.mktemp(f"demo-{name}") / "network")
            built[name] = build(root, out=root / "site", now=DEMO_NOW, engine=name)
        return built[name]

    return build_with


def run_check(project: Path, **env: str) -> subprocess.CompletedProcess:
    """`bibnum check PROJECT` as an editor runs it: a subprocess, its exit code and what it printed."""
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", "check", str(project)],
        capture_output=True, text=True, check=False, cwd=REPO, timeout=120, env={**os.environ, **env},
    )


def replace_line(path: Path, prefix: str, new: str, after: int = 0) -> int:
    """Replace the first line starting with `prefix` (after line `after`); return its 1-based number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if i >= after and line.startswith(prefix))
    lines[index] = new
    path.write_text("\n".join(lines), encoding="utf-8")
    return index + 1
