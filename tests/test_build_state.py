"""A build killed or failed at any step: what was published stays whole, and the next build
gives exactly the bytes of a clean build (a small network, the fake engine).

Each case copies a network built once, edits it, and builds it in a forked child whose
process group is killed (SIGKILL: no clean-up runs) at one step: after a site's work tree is
written, in the middle of an engine run, in the middle of indexing, between publishing
steps. Right after the kill each site in OUT is either the old one or the new one, whole;
then a normal build must give OUT the bytes of a clean build of the edited sources, and one
more build must find nothing to publish.
"""

from __future__ import annotations

import errno
import hashlib
import multiprocessing
import os
import shutil
import signal
import time
from datetime import datetime
from pathlib import Path

import pytest

import generator.build as build_module
from generator import ledger, publish, search, work_tree
from generator.build import build
from generator.engines import UNCHANGED
from generator.errors import BuildFailed
from tests.conftest import small_network
from tests.fake_engine import FakeEngine

NOW = datetime(2026, 11, 21, 12, 0)
SITES = ("portail", "pro")


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def edit_name(project: Path) -> None:
    """Every page shows the network's name: every site renders again, in full."""
    sites = project / "data" / "sites.yml"
    sites.write_text(sites.read_text(encoding="utf-8").replace("Réseau de la Vallée", "Réseau du Val", 1),
                     encoding="utf-8")


def edit_page(project: Path) -> None:
    """One help page's text: a differential run."""
    page = next((project / "content").rglob("aide*.md"))
    page.write_text(page.read_text(encoding="utf-8") + "\nUne phrase ajoutée à l'aide.\n", encoding="utf-8")


def edit_event(project: Path) -> None:
    event = next((project / "data" / "events").glob("*.yml"))
    event.write_text(event.read_text(encoding="utf-8").replace("title: ", "title: Nouveau — ", 1), encoding="utf-8")


EDITS = {"name": edit_name, "page": edit_page, "event": edit_event}


@pytest.fixture(scope="module")
def network(tmp_path_factory) -> dict:
    """The network built once (the 'old' OUT), and for each edit the bytes of a clean build of it."""
    base = tmp_path_factory.mktemp("state")
    root = base / "reseau"
    small_network(root)
    build(root, out=root / "site", now=NOW, engine=FakeEngine())
    old = {site: tree(root / "site" / site) for site in SITES}
    clean = {}
    for name, edit in EDITS.items():
        copy = base / f"clean-{name}"
        shutil.copytree(root, copy, ignore=shutil.ignore_patterns(".bibnum", ".site.bibnum", "site"))
        edit(copy)
        build(copy, out=copy / "site", now=NOW, engine=FakeEngine(), incremental=False)
        clean[name] = tree(copy / "site")
    return {"root": root, "old": old, "clean": clean}


def fresh_copy(network: dict, target: Path) -> Path:
    """The built network with its kept state, as a user's folder (times kept)."""
    shutil.copytree(network["root"], target, symlinks=True)
    return target


def kill_everything() -> None:
    os.killpg(os.getpgrp(), signal.SIGKILL)


def _after(module, name: str, when) -> None:
    """Patch module.name so that the build is killed after a call for which when(args) is true."""
    original = getattr(module, name)

    def patched(*args, **kwargs):
        value = original(*args, **kwargs)
        if when(args):
            kill_everything()
        return value

    setattr(module, name, patched)


def _before(module, name: str, when) -> None:
    original = getattr(module, name)

    def patched(*args, **kwargs):
        if when(args):
            kill_everything()
        return original(*args, **kwargs)

    setattr(module, name, patched)


def _nth_call(n: int):
    calls = multiprocessing.Value("i", 0)  # shared by the build's forked workers

    def when(args) -> bool:
        with calls.get_lock():
            calls.value += 1
            return calls.value == n
    return when


def _site(site_id: str, position: int = 1):
    return lambda args: args[position] == site_id


def _engine_killing(site_id: str, after_files: int) -> FakeEngine:
    written = {"count": 0}

    def after_each_file(target: Path) -> None:
        if f"/engine/{site_id}/" in target.as_posix():
            written["count"] += 1
            if written["count"] == after_files:
                kill_everything()
    return FakeEngine(after_each_file=after_each_file)


def _index_half(args):
    return True


def _kill_during_index() -> None:
    original = search._write_index

    def half_then_kill(folder, files):
        names = sorted(files)
        original(folder, {name: files[name] for name in names[: len(names) // 2]})
        kill_everything()
    search._write_index = half_then_kill


def _no_exchange() -> None:
    publish._exchange = lambda first, second: False


def _kill_between_the_two_renames() -> None:
    _no_exchange()
    calls = {"count": 0}
    rename = os.rename

    def patched(source, target):
        rename(source, target)
        calls["count"] += 1
        if calls["count"] == 1 and "old-" in os.fspath(target):
            kill_everything()
    publish.os.rename = patched


def _kill_the_build_alone_then_keep_writing() -> None:
    """Only the build's process is killed (as `kill PID` does), from a worker that then goes
    on writing into the work tree: workers must die with the build (generator/lifetime.py)."""
    original = work_tree.write_work_tree
    build_pid = os.getpid()

    def patched(root, site_id, files, **kwargs):
        report = original(root, site_id, files, **kwargs)
        if site_id == "portail" and os.getpid() != build_pid:
            os.kill(build_pid, signal.SIGKILL)
            time.sleep(1.0)  # an orphan would now write a stale page the next build could publish
            (root / ".bibnum" / "work" / site_id / "docs" / "index.md").write_text("obsolète", encoding="utf-8")
        return report
    work_tree.write_work_tree = patched


# Each kill point installs its patches in the child, before the build starts.
KILLS = {
    "after the portal's work tree": lambda: _after(work_tree, "write_work_tree", _site("portail")),
    "after the pro site's work tree": lambda: _after(work_tree, "write_work_tree", _site("pro")),
    "in the middle of the portal's engine run": None,  # the engine itself kills (see run_killed)
    "after the portal's engine run": lambda: _after(FakeEngine, "render", lambda args: args[1].name == "portail"),
    "in the middle of indexing": _kill_during_index,
    "after syncing the index into the output": lambda: _after(build_module, "sync", _nth_call(1)),
    "after the first ledger": lambda: _after(ledger, "write", _nth_call(1)),
    "in the middle of preparing the portal's spare": lambda: _after(publish, "_each_file", _nth_call(3)),
    "before switching the portal": lambda: _before(publish, "_switch", _site("portail", 3)),
    "after switching the portal": lambda: _after(publish, "_switch", _site("portail", 3)),
    "between the two renames of a fallback switch": _kill_between_the_two_renames,
    "before the hub page": lambda: _before(build_module, "publish_file", lambda args: True),
    "the build alone, its worker going on": _kill_the_build_alone_then_keep_writing,
}


def run_killed(project: Path, kill: str) -> int:
    """Build PROJECT in a forked child killed at KILL; return the child's exit code."""
    def child() -> None:
        os.setpgrp()  # the kill takes the build's workers with it, never the test runner
        engine = FakeEngine()
        if kill == "in the middle of the portal's engine run":
            engine = _engine_killing("portail", after_files=1)
        else:
            KILLS[kill]()
        build(project, out=project / "site", now=NOW, engine=engine)
        os._exit(0)

    process = multiprocessing.get_context("fork").Process(target=child)
    process.start()
    process.join(60)
    # Nothing of the killed build may live on (its workers and engine die with it: lifetime.py).
    deadline = time.monotonic() + 5
    while _group_alive(process.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _group_alive(process.pid), "a process of the killed build is still running"
    return process.exitcode


def _group_alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    return True


def assert_each_site_whole(out: Path, old: dict, new: dict, *, may_miss: str | None = None) -> None:
    """Each site is the old one or the new one; MAY_MISS only in a fallback switch's window."""
    for site in SITES:
        if site == may_miss and not (out / site).exists():
            continue
        now = tree(out / site)
        assert now in (old[site], {path[len(site) + 1:]: digest for path, digest in new.items()
                                   if path.startswith(f"{site}/")}), f"{site} is neither the old nor the new site"
    assert sorted(p.name for p in out.iterdir() if p.name != may_miss) == sorted(
        name for name in [*SITES, "index.html"] if name != may_miss)


# Steps an edit does not need: the build must not run them (then it ends normally).
NOT_REACHED = {
    ("after the pro site's work tree", "event"),  # the pro site does not show the event: kept whole
    ("after the pro site's work tree", "page"),  # nor the public help page
    ("in the middle of indexing", "name"),  # no search record holds the network's name
}


@pytest.mark.parametrize("edit", sorted(EDITS))
@pytest.mark.parametrize("kill", sorted(KILLS))
def test_a_killed_build_then_a_build_gives_the_clean_bytes(network, tmp_path, edit, kill):
    project = fresh_copy(network, tmp_path / "reseau")
    EDITS[edit](project)
    expected = 0 if (kill, edit) in NOT_REACHED else -signal.SIGKILL
    assert run_killed(project, kill) == expected
    # Without an atomic exchange (not Linux, or a file system without it) the switch is two
    # renames: a kill between them leaves the site missing until the next build's recover().
    may_miss = "portail" if kill == "between the two renames of a fallback switch" else None
    assert_each_site_whole(project / "site", network["old"], network["clean"][edit], may_miss=may_miss)

    build(project, out=project / "site", now=NOW, engine=FakeEngine())
    assert tree(project / "site") == network["clean"][edit]
    assert not [p for p in publish.staging_area(project / "site").iterdir()
                if p.name.startswith(publish.TEMP_PREFIX)]
    again = build(project, out=project / "site", now=NOW, engine=FakeEngine())
    assert [site.mode for site in again.sites] == [UNCHANGED, UNCHANGED]
    assert [site.published for site in again.sites] == [[], []]


FAILURES = {
    "the engine fails": ("engine", None),
    "the disk is full while writing the work tree": (work_tree, "write_work_tree"),
    "the disk is full while indexing": (search, "_write_index"),
    "the disk is full while preparing the spare": (publish, "_copy_with_time"),
}


@pytest.mark.parametrize("failure", sorted(FAILURES))
def test_a_failed_build_leaves_out_as_it_was_with_a_short_error(network, tmp_path, monkeypatch, failure):
    project = fresh_copy(network, tmp_path / "reseau")
    edit_page(project)
    module, name = FAILURES[failure]

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    engine = FakeEngine()
    if module == "engine":
        def broken(*args, **kwargs):
            raise BuildFailed("le moteur a échoué sur portail : simulé")
        monkeypatch.setattr(engine, "render", broken)
    else:
        monkeypatch.setattr(module, name, full)
    with pytest.raises(BuildFailed) as raised:
        build(project, out=project / "site", now=NOW, engine=engine)
    assert len(str(raised.value)) < 400
    assert {site: tree(project / "site" / site) for site in SITES} == network["old"]
    monkeypatch.undo()
    build(project, out=project / "site", now=NOW, engine=FakeEngine())
    assert tree(project / "site") == network["clean"]["page"]
