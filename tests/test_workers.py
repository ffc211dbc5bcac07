"""Per-site work in forked worker processes: same bytes as in one process, failures reported whole."""

from __future__ import annotations

import hashlib
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml

from generator import workers
from generator.build import build, load_graph
from generator.errors import BibnumError
from generator.linkcheck import LinksBroken
from tests.conftest import DEMO_NOW, REPO, copy_project
from tests.fake_engine import FakeEngine


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_workers_are_forked_processes_when_the_machine_has_cores_and_fork(monkeypatch):
    job = workers.Job(load_graph(REPO), DEMO_NOW, REPO, ".bibnum-test")
    monkeypatch.setattr(workers.os, "sched_getaffinity", lambda _pid: {0, 1})
    with workers.start(job, 3) as pool:
        assert isinstance(pool, ProcessPoolExecutor)
    with workers.start(job, 1) as pool:  # one site: no process to fork
        assert isinstance(pool, ThreadPoolExecutor)
    monkeypatch.setattr(workers.multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    with workers.start(job, 3) as pool:  # no fork: workers could not share the graph
        assert isinstance(pool, ThreadPoolExecutor)


@pytest.mark.e2e
def test_forked_workers_and_one_process_build_the_same_bytes(tmp_path, monkeypatch, demo_build):
    """The session's demo build (forked workers, as any build on a machine with two cores and fork)
    against a build of the same sources in one process."""
    project = copy_project(tmp_path / "network")
    monkeypatch.setattr(workers.multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    build(project, out=tmp_path / "single", now=DEMO_NOW, strict=True, state=".bibnum-single")
    forked, single = tree(demo_build.out), tree(tmp_path / "single")
    assert sorted(forked) == sorted(single)
    assert [path for path in forked if forked[path] != single[path]] == []
    assert any(path.startswith("calvados/bn-search/") for path in forked)
    assert not any(path.endswith("search/search_index.json") for path in forked)  # Material's, never published


@pytest.mark.e2e
def test_broken_links_of_every_site_are_reported_at_once_and_nothing_is_published(tmp_path):
    project = copy_project(tmp_path / "network")
    for page in ("pro/documents.md", "public/aide.md"):  # the pro site; both public portals
        path = project / "content" / page
        path.write_text(path.read_text(encoding="utf-8") + "\n\nVoir [la page disparue](../disparue/).\n",
                        encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("published", encoding="utf-8")
    with pytest.raises(LinksBroken) as caught:
        build(project, out=out, now=DEMO_NOW, strict=True)
    pages = {problem.location.file for problem in caught.value.problems}
    assert pages == {"content/pro/documents.md", "content/public/aide.md"}
    assert len(caught.value.problems) == 3  # one per site: calvados and caen share the help page
    assert sorted(p.name for p in out.iterdir()) == ["keep.txt"]


def test_an_error_raised_in_a_worker_fails_the_build_with_its_message(tmp_path, monkeypatch):
    project = copy_project(tmp_path / "network")
    sites_file = project / "data" / "sites.yml"
    data = yaml.safe_load(sites_file.read_text(encoding="utf-8"))
    caen = next(s for s in data["sites"] if s["id"] == "caen")
    caen["algolia"] = {"app_id": "ABCDEF1234", "index": "bn_caen", "search_key": "0123456789abcdef0123456789abcdef"}
    sites_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = tmp_path / "out"
    # The fake engine: the error is raised by a worker's index task, whatever renders the pages.
    build(project, out=out, now=DEMO_NOW, engine=FakeEngine())  # without the admin key in the environment
    monkeypatch.setenv("ALGOLIA_ADMIN_KEY", caen["algolia"]["search_key"])  # the index task refuses it
    published = (out / "caen" / "index.html").read_bytes()
    with pytest.raises(BibnumError, match="clé d'administration"):
        build(project, out=out, now=DEMO_NOW, engine=FakeEngine())  # caen's inputs are unchanged: checked all the same
    assert (out / "caen" / "index.html").read_bytes() == published
    with pytest.raises(BibnumError, match="clé d'administration"):
        build(project, out=tmp_path / "fresh", now=DEMO_NOW, incremental=False, engine=FakeEngine())
    assert not (tmp_path / "fresh" / "caen").exists()
