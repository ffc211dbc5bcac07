"""The parse cache kept between builds in the project's state folder (generator/load/parse_cache.py)."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

import generator.load.project as project
from generator.build import load_graph
from generator.errors import ProjectInvalid
from generator.load.parse_cache import FOLDER, ParseCache
from generator.validate import validate

CODE = "code-of-this-test"
EVENT = "data/events/2026-11-25-permanence-numerique-ifs.yml"


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files parsed (YAML, Markdown or harvest store), in order, whatever the cache says."""
    calls: list[str] = []

    def counted(function, name_of):
        def wrapper(*args, **kwargs):
            calls.append(name_of(*args, **kwargs))
            return function(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(project, "load_yaml", counted(project.load_yaml, lambda text, file, **_: file))
    monkeypatch.setattr(project, "load_markdown", counted(project.load_markdown, lambda text, file, *_: file))
    monkeypatch.setattr(project, "read_store", counted(project.read_store, lambda path: path.name))
    return calls


def cached_load(root: Path, code: str = CODE):
    """One build's load, as the build runs it: a fresh cache read from disk, saved after a successful load."""
    with ParseCache.kept(root / ".bibnum", code=code) as cache:
        return load_graph(root, cache)


def retitle(path: Path, title: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith("title:"))
    lines[index] = f"title: {title}"
    path.write_text("\n".join(lines), encoding="utf-8")


def test_a_second_build_parses_only_the_edited_file_and_loads_the_same_graph(demo_copy: Path, parses: list[str]):
    first = cached_load(demo_copy)
    everything = len(parses)
    assert everything > 50 and (demo_copy / ".bibnum" / FOLDER).is_dir()
    assert first == load_graph(demo_copy)  # a cached load is the load

    parses.clear()
    assert cached_load(demo_copy) == first
    assert parses == []  # nothing changed: nothing parsed

    retitle(demo_copy / EVENT, "Permanence numérique du mardi")
    second = cached_load(demo_copy)
    assert parses == [EVENT]
    assert second == load_graph(demo_copy)
    assert second.events[Path(EVENT).stem].title == "Permanence numérique du mardi"


def test_a_file_rewritten_with_the_same_size_and_time_is_parsed_again(demo_copy: Path, parses: list[str]):
    event = demo_copy / EVENT
    retitle(event, "Titre AAAA")
    cached_load(demo_copy)
    before = event.stat()
    retitle(event, "Titre BBBB")  # same size
    os.utime(event, ns=(before.st_atime_ns, before.st_mtime_ns))  # as a tool that restores times leaves it
    assert (event.stat().st_size, event.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    parses.clear()
    assert cached_load(demo_copy).events[event.stem].title == "Titre BBBB"
    assert parses == [EVENT]


def test_an_unreadable_cache_is_ignored_then_rewritten(demo_copy: Path, parses: list[str]):
    first = cached_load(demo_copy)
    everything = len(parses)
    shards = sorted((demo_copy / ".bibnum" / FOLDER).iterdir())
    marker = demo_copy / "ran"

    class Hostile:  # a pickle that would run a command when loaded
        def __reduce__(self):
            return os.system, (f"touch {marker}",)

    shards[0].write_bytes(b"\x80\x05 not a pickle")
    shards[1].write_bytes(shards[1].read_bytes()[:100])  # cut short
    shards[2].write_bytes(pickle.dumps({"format": 1, "entries": Hostile()}))
    for shard in shards[3:]:
        shard.write_bytes(pickle.dumps({"format": 1, "identity": "another Python", "entries": {}}))
    parses.clear()
    assert cached_load(demo_copy) == first
    assert len(parses) == everything and not marker.exists()

    parses.clear()
    assert cached_load(demo_copy) == first
    assert parses == []  # rewritten by the previous load


def test_new_code_parses_everything_again(demo_copy: Path, parses: list[str]):
    cached_load(demo_copy)
    everything = len(parses)
    parses.clear()
    cached_load(demo_copy, code="the next version")
    assert len(parses) == everything


def test_a_failed_load_writes_no_cache(demo_copy: Path):
    (demo_copy / EVENT).write_text("title: [unclosed\n", encoding="utf-8")
    with pytest.raises(ProjectInvalid):
        cached_load(demo_copy)
    assert not (demo_copy / ".bibnum" / FOLDER).exists()


def test_a_deleted_file_leaves_the_cache(demo_copy: Path, parses: list[str]):
    event = demo_copy / EVENT
    text = event.read_text(encoding="utf-8")
    cached_load(demo_copy)
    event.unlink()
    cached_load(demo_copy)
    event.write_text(text, encoding="utf-8")
    parses.clear()
    cached_load(demo_copy)
    assert parses == [EVENT]  # not found in the cache any more: parsed anew


def test_a_lower_size_limit_is_applied_to_cached_files(demo_copy: Path, monkeypatch: pytest.MonkeyPatch):
    cached_load(demo_copy)
    monkeypatch.setenv(project.SIZE_VARIABLE, "100")
    with pytest.raises(ProjectInvalid) as failed:
        cached_load(demo_copy)
    assert any(p.location.file == EVENT and "fichier trop gros" in p.message for p in failed.value.problems)


def test_validation_leaves_the_parsed_documents_as_they_were(demo_copy: Path):
    """The cache hands the same documents to every load: validating must not change them."""
    sources = project.load_project(demo_copy)
    parsed = [sources.sites, sources.taxonomy, sources.groups, sources.authors, sources.resources,
              sources.libraries, sources.events, sources.public_pages, sources.pro_pages, sources.posts,
              sources.news, sources.harvest_sources, sources.harvest, sources.audit]
    before = pickle.dumps(parsed)
    validate(sources)
    assert pickle.dumps(parsed) == before


def test_a_cache_that_cannot_be_written_is_no_error(demo_copy: Path, parses: list[str]):
    (demo_copy / ".bibnum").write_text("not a folder", encoding="utf-8")
    first = cached_load(demo_copy)
    everything = len(parses)
    parses.clear()
    assert cached_load(demo_copy) == first
    assert len(parses) == everything  # nothing kept, everything parsed: slower, never failed
