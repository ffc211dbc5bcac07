"""The installed `bibnum` command (generator.cli:entry) keeps click's exit codes and output
while it skips the interpreter's teardown."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO, copy_project


def bibnum(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from generator.cli import entry; entry()", *args],
                          capture_output=True, text=True, cwd=REPO, timeout=300)


def test_a_valid_project_checks_with_status_0_and_its_whole_report():
    done = bibnum("check", str(REPO))
    assert done.returncode == 0, done.stderr
    assert "événements" in done.stdout and done.stdout.endswith("\n")


def test_errors_keep_status_1_and_their_message(tmp_path):
    project = copy_project(tmp_path / "network")
    event = next((project / "data" / "events").glob("*.yml"))
    event.write_text("title: [unclosed\n", encoding="utf-8")
    done = bibnum("check", str(project))
    assert done.returncode == 1
    assert event.relative_to(project).as_posix() in done.stdout + done.stderr


def test_usage_errors_keep_status_2_and_version_prints():
    assert bibnum("build", "--no-such-option").returncode == 2
    version = bibnum("--version")
    assert version.returncode == 0 and "version" in version.stdout


def test_the_entry_point_is_the_installed_command():
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert 'bibnum = "generator.cli:entry"' in text
    assert Path(sys.executable).with_name("bibnum").read_text(encoding="utf-8").count("entry") >= 1
