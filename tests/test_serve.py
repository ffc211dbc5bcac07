"""`bibnum serve` for real: build, serve, rebuild on an edit, keep the last good build on an error."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

from tests.conftest import REPO, copy_project

pytestmark = pytest.mark.e2e

START_TIMEOUT = 60.0
REBUILD_TIMEOUT = 60.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (localhost only)
        return response.status, response.read().decode("utf-8")


def server_log(log: Path) -> str:
    return log.read_text(encoding="utf-8", errors="replace")[-4000:] if log.exists() else ""


def wait_for(predicate, timeout: float, what: str, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"bibnum serve exited ({proc.returncode}) while waiting for {what}:\n{server_log(log)}")
        try:
            if predicate():
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            pass
        time.sleep(0.25)
    pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}:\n{server_log(log)}")


def test_serve_rebuilds_on_edit_and_keeps_last_good_build(tmp_path: Path):
    project = copy_project(tmp_path / "network")
    source = project / "data" / "resources" / "cafeyn.yml"
    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    home, page = f"{origin}/calvados/", f"{origin}/calvados/ressources/cafeyn/"
    log = tmp_path / "serve.log"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    with log.open("w", encoding="utf-8") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "generator.cli", "serve", str(project), "--site", "calvados",
             "--port", str(port), "--today", "2026-11-21T10:00"],
            cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT,
        )
        try:
            wait_for(lambda: fetch(home)[0] == 200, START_TIMEOUT, f"{home} to answer 200", proc, log)
            status, html = fetch(page)
            assert status == 200
            assert "Cafeyn" in html

            # An editor's edit: the summary changes, the preview follows without a restart.
            marker = f"Marqueur de test {uuid.uuid4().hex}"
            assert marker not in html
            text = source.read_text(encoding="utf-8")
            edited, n = re.subn(r"^summary:.*\n(?:[ \t]+.*\n)*", f"summary: {marker}\n", text, count=1, flags=re.M)
            assert n == 1, "cafeyn.yml has no summary: line"
            source.write_text(edited, encoding="utf-8")
            wait_for(lambda: marker in fetch(page)[1], REBUILD_TIMEOUT, "the edited summary to be served", proc, log)

            # A broken file: the server stays up with the last good build.
            source.write_text(edited + "offers: [unclosed\n  - : :\n", encoding="utf-8")
            # The failed rebuild is reported (wait_for fails if the server died), and the server
            # still answers with the last good page afterwards.
            wait_for(lambda: "l'aperçu garde la dernière construction réussie" in server_log(log), REBUILD_TIMEOUT,
                     "the failed rebuild to be reported", proc, log)
            assert proc.poll() is None, f"bibnum serve died on invalid YAML:\n{server_log(log)}"
            status, html = fetch(page)
            assert status == 200
            assert marker in html
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)


def test_a_browser_closing_its_connection_prints_nothing(capsys):
    """An editor's browser leaving a page while it loads resets the connection: no traceback."""
    from generator.live.server import PreviewServer
    from generator.live.state import LiveState

    server = PreviewServer(("127.0.0.1", 0), Path("."), LiveState())
    try:
        for error in (ConnectionResetError(104, "reset"), BrokenPipeError(32, "pipe"), ValueError("bug")):
            try:
                raise error
            except Exception:
                server.handle_error(None, ("127.0.0.1", 1234))
    finally:
        server.server_close()
    printed = capsys.readouterr().err
    assert "ValueError: bug" in printed and "Connection" not in printed and "BrokenPipe" not in printed
