"""The engine never runs a Python file of the project (issue 12, finding 5).

`python -m mkdocs` puts the working directory first on sys.path: a `click.py` at the root of
the project an editor builds from would be imported by MkDocs and run. A real (tiny) engine
run from such a folder must leave no trace of those files.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.engines.mkdocs import run_mkdocs

# Modules MkDocs imports on every run: a file of that name at the project root must not shadow them.
SHADOWING = ("click", "mkdocs", "markdown", "yaml", "jinja2")


@pytest.fixture
def hostile_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    for module in SHADOWING:
        marker = project / f"ran-{module}"
        (project / f"{module}.py").write_text(
            f"open({str(marker)!r}, 'w').write('imported')\n", encoding="utf-8")
    return project


def test_the_engine_imports_no_file_of_the_project_it_is_started_from(hostile_project, tmp_path, monkeypatch):
    work = tmp_path / "work"
    (work / "docs").mkdir(parents=True)
    (work / "docs" / "index.md").write_text("# Accueil\n", encoding="utf-8")
    (work / "mkdocs.yml").write_text("site_name: Essai\ntheme:\n  name: material\n", encoding="utf-8")
    # The way `bibnum build` is run from a project: the project is the working directory,
    # and a caller's PYTHONPATH may name it too.
    monkeypatch.chdir(hostile_project)
    monkeypatch.setenv("PYTHONPATH", str(hostile_project))

    run_mkdocs(Path("../work/mkdocs.yml"), Path("../out"), epoch=1_700_000_000)

    assert (tmp_path / "out" / "index.html").is_file()  # the engine did run, on relative paths too
    assert sorted(p.name for p in hostile_project.iterdir() if p.name.startswith("ran-")) == []


def test_the_engine_dies_with_the_build_that_started_it(tmp_path):
    """A build killed while the engine runs leaves no engine writing into its state folder."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from generator.lifetime import LAUNCHER

    marker = tmp_path / "still-running"
    child_code = (f"import time, pathlib\ntime.sleep(1.5)\npathlib.Path({str(marker)!r}).write_text('x')\n")
    module = tmp_path / "sleeper.py"
    module.write_text(child_code, encoding="utf-8")
    build = subprocess.Popen([sys.executable, "-c", (
        "import os, subprocess, sys\n"
        f"subprocess.run([sys.executable, '-c', {LAUNCHER!r}, str(os.getpid()), 'sleeper'], cwd={str(tmp_path)!r},"
        f" env={{**os.environ, 'PYTHONPATH': {str(tmp_path)!r}}})\n")])
    time.sleep(0.7)  # the engine has started
    os.kill(build.pid, signal.SIGKILL)
    build.wait()
    time.sleep(2.0)
    assert not marker.exists()  # killed with its parent, before it could write
