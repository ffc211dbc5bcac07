"""The build keeps each portal's search head in its state folder: an event edit reads it, a code
change makes it again, and either way the site is the one a clean build gives (fake engine)."""

from __future__ import annotations

from pathlib import Path

from generator import digests, workers
from generator.build import build
from generator.work_tree import STATE
from tests.conftest import DEMO_NOW, copy_project
from tests.e2e.test_incremental import rename_event, tree
from tests.fake_engine import FakeEngine


def assert_same_as_clean(project: Path, out: Path, scratch: Path) -> None:
    build(project, out=scratch, now=DEMO_NOW, incremental=False, state=".bibnum-clean", engine=FakeEngine())
    assert tree(out) == tree(scratch)


def stamps(heads: Path) -> dict[str, int]:
    return {path.name: path.stat().st_mtime_ns for path in sorted(heads.iterdir())}


def test_an_event_edit_reads_the_kept_head_and_a_code_change_makes_it_again(tmp_path, monkeypatch):
    views = tmp_path / "restricted-views"  # the build's forked workers note each title family view they build
    real_titles_view = workers.titles_view

    def noted(graph, site, now):
        with views.open("a", encoding="utf-8") as handle:
            handle.write(f"{site.id}\n")
        return real_titles_view(graph, site, now)

    monkeypatch.setattr(workers, "titles_view", noted)
    project, out = copy_project(tmp_path / "network"), tmp_path / "out"
    build(project, out=out, now=DEMO_NOW, engine=FakeEngine())
    heads = project / STATE / "search-head"
    first = stamps(heads)
    assert sorted(first) == ["caen.pickle", "calvados.pickle"]  # the public portals; the pro site has none
    views.write_text("")

    rename_event(project, "Atelier tablette : horaire cyberdentelle")
    build(project, out=out, now=DEMO_NOW, engine=FakeEngine())
    assert views.read_text() == ""  # the head was read: neither made again nor its title family generated
    assert any(b"cyberdentelle" in path.read_bytes() for path in (out / "calvados" / "bn-search").rglob("*.json"))
    assert_same_as_clean(project, out, tmp_path / "clean-event")

    monkeypatch.setattr(digests, "_code", "another-version-of-bibnum")  # forked workers inherit it
    build(project, out=out, now=DEMO_NOW, engine=FakeEngine())
    assert all(stamps(heads)[name] != first[name] for name in first)  # every head made again
    assert_same_as_clean(project, out, tmp_path / "clean-code")
