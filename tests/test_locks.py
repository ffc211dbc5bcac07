"""One build at a time (generator/locks.py): real processes hold the locks, the second one is told who."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import locks
from generator.cli import main
from generator.errors import BuildBusy
from generator.publish import staging_area
from generator.serve import PREVIEW_STATE, SESSION_LOCK
from tests.conftest import REPO, small_network
from tests.test_serve import free_port

# A process that takes the lock named by its argument, says so, then holds it until killed.
HOLDER = """
import sys
from pathlib import Path
from generator import locks
with locks.hold(Path(sys.argv[1]), subject="x"):
    print("pris", flush=True)
    sys.stdin.read()
"""


@contextmanager
def held_by_child(lock: Path) -> Iterator[subprocess.Popen]:
    child = subprocess.Popen([sys.executable, "-c", HOLDER, str(lock)], cwd=REPO, text=True,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert child.stdout.readline().strip() == "pris", "the child could not take the lock"
        yield child
    finally:
        child.kill()
        child.wait(timeout=10)
        child.stdin.close()
        child.stdout.close()


@pytest.fixture
def network(tmp_path: Path) -> Path:
    root = tmp_path / "reseau"
    small_network(root)
    return root


def test_a_lock_held_by_another_process_names_it_then_is_taken_over_once_it_is_killed(tmp_path: Path):
    lock = tmp_path / "etat" / "build.lock"  # parents are created
    with held_by_child(lock) as child:
        with pytest.raises(BuildBusy) as busy, locks.hold(lock, subject="ce projet"):
            pytest.fail("the lock was taken twice")
        message = str(busy.value)
        assert message.startswith(f"ce projet est déjà utilisé par le processus {child.pid} (python -c), "
                                  "depuis ")
        assert message.endswith(" ; attendez qu'il ait fini, ou arrêtez-le (Ctrl+C dans son terminal)")
        child.send_signal(signal.SIGKILL)  # no clean-up of its own: the OS drops its lock, its details stay
        child.wait(timeout=10)
        assert json.loads(lock.with_name("build.lock.json").read_text(encoding="utf-8"))["pid"] == child.pid

        logged: list[str] = []
        with locks.hold(lock, subject="ce projet", log=logged.append):
            assert logged == [f"ce projet : verrou du processus {child.pid} (arrêté) repris"]
            assert json.loads(lock.with_name("build.lock.json").read_text(encoding="utf-8"))["pid"] == os.getpid()
    assert not lock.with_name("build.lock.json").exists()  # released: no holder named any more


def test_locks_on_different_paths_are_independent_and_one_path_is_not_taken_twice(tmp_path: Path):
    project, out = tmp_path / "projet" / "build.lock", tmp_path / ".site.bibnum" / "lock"
    with held_by_child(project) as child:
        with locks.hold(out, subject="le dossier de sortie site"):
            # Not re-entrant: the same process taking a lock it holds is refused, naming itself.
            with pytest.raises(BuildBusy, match=f"processus {os.getpid()} "), locks.hold(out, subject="x"):
                pass
        assert child.poll() is None
    with locks.hold(project, subject="ce projet"), locks.hold(out, subject="le dossier de sortie site"):
        pass


def test_the_holder_is_told_with_its_day_and_machine_when_they_differ():
    now = datetime(2026, 12, 3, 12, 0, tzinfo=timezone.utc)
    details = {"pid": 4242, "host": "autre-poste", "command": ["/home/x/.venv/bin/bibnum", "build", "mon réseau"],
               "since": "2026-12-02T09:05:01+00:00"}
    assert locks.holder_of(details, now) == ("le processus 4242 (bibnum build) sur la machine "
                                             "autre-poste, depuis le 02/12/2026 à 09:05:01")
    assert locks.holder_of(None, now) == "un autre processus"  # its details are not written yet


def test_a_second_serve_of_a_project_exits_1_naming_the_first(network: Path, tmp_path: Path):
    bibnum = Path(sys.executable).with_name("bibnum")
    session = network / PREVIEW_STATE / SESSION_LOCK
    details = session.with_name(SESSION_LOCK + ".json")
    log = tmp_path / "serve.log"
    with log.open("w", encoding="utf-8") as output:
        first = subprocess.Popen([str(bibnum), "serve", str(network), "--site", "portail", "--port", str(free_port()),
                                  "--today", "2026-11-21T10:00"], stdout=output, stderr=subprocess.STDOUT,
                                 start_new_session=True)  # its own group: killed with the engine it runs
    try:
        deadline = time.monotonic() + 60
        while not details.exists():  # taken before the first build
            assert first.poll() is None and time.monotonic() < deadline, log.read_text(encoding="utf-8")
            time.sleep(0.05)
        second = subprocess.run([str(bibnum), "serve", str(network), "--port", str(free_port())],
                                capture_output=True, text=True, timeout=60)
        assert second.returncode == 1, second.stdout + second.stderr
        assert second.stderr.startswith(f"erreur : l'aperçu de ce projet est déjà utilisé par le processus "
                                        f"{first.pid} (bibnum serve), depuis ")
        assert first.poll() is None  # the first one serves on
    finally:
        os.killpg(first.pid, signal.SIGKILL)
        first.wait(timeout=10)
    logged: list[str] = []
    with locks.hold(session, subject="l'aperçu de ce projet", log=logged.append):
        assert logged == [f"l'aperçu de ce projet : verrou du processus {first.pid} (arrêté) repris"]


# The two tests below need build() to take its locks first (generator/build.py): nothing is loaded or rendered.

def _published(out: Path) -> dict[str, str]:
    return {str(p.relative_to(out)): p.read_text(encoding="utf-8") for p in sorted(out.rglob("*")) if p.is_file()}


def test_a_build_while_another_holds_the_project_exits_1_naming_it_and_leaves_out_alone(
        network: Path, tmp_path: Path):
    out = tmp_path / "sortie"
    (out / "portail").mkdir(parents=True)
    (out / "portail" / "index.html").write_text("publié avant", encoding="utf-8")
    with held_by_child(network / ".bibnum" / "build.lock") as child:
        result = CliRunner().invoke(main, ["build", str(network), "--out", str(out), "--today", "2026-11-21"])
    assert result.exit_code == 1, result.output
    assert f"erreur : ce projet est déjà utilisé par le processus {child.pid} (python -c), " in result.output
    assert _published(out) == {"portail/index.html": "publié avant"}


def test_a_build_into_an_output_folder_another_holds_exits_1_naming_the_folder(
        network: Path, tmp_path: Path):
    out = tmp_path / "sortie"
    with held_by_child(staging_area(out) / "lock") as child:
        result = CliRunner().invoke(main, ["build", str(network), "--out", str(out), "--today", "2026-11-21"])
    assert result.exit_code == 1, result.output
    assert re.search(rf"erreur : le dossier de sortie \S*sortie est déjà utilisé par le processus {child.pid} "
                     r"\(python -c\), ", result.output)
    assert not out.exists()
