"""Writing the index into a site folder that already holds one (a reused engine output)."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from types import MappingProxyType

from generator.view.site_view import SiteView
from generator.search import INDEX_DIR, site_index_files, update_index, write_site_index

from .conftest import NOW, TITLES, title

OLD = 1_000_000_000  # a past mtime: a file that still has it was not written again


def index_files(site_dir: Path) -> dict[str, bytes]:
    return {p.relative_to(site_dir).as_posix(): p.read_bytes() for p in sorted((site_dir / INDEX_DIR).rglob("*"))
            if p.is_file()}


def age(site_dir: Path) -> None:
    for path in (site_dir / INDEX_DIR).rglob("*"):
        if path.is_file():
            os.utime(path, (OLD, OLD))


def test_a_second_index_replaces_the_first_and_an_identical_one_writes_nothing(demo_graph, views, tmp_path):
    site_dir = tmp_path / "calvados"
    (site_dir / "index.html").parent.mkdir(parents=True)
    (site_dir / "index.html").write_text("page", encoding="utf-8")  # the rest of the site: never touched
    first = views["calvados"]
    write_site_index(first, site_dir)
    assert index_files(site_dir) == site_index_files(first)

    # Different records (one more harvested title): the files whose content changed get new
    # names, the others are left as they are, and the old names are removed.
    more = dict(TITLES, assimil=(*TITLES["assimil"], title("assimil", "isbn:9782700508002", "L'italien")))
    second = SiteView.build(dataclasses.replace(demo_graph, titles=MappingProxyType(more)), first.site, NOW)
    before = index_files(site_dir)
    age(site_dir)
    write_site_index(second, site_dir)
    after = index_files(site_dir)
    assert after == site_index_files(second)  # same names, same bytes, nothing else
    renamed = set(before) - set(after)
    assert renamed and all(f"{INDEX_DIR}/s/{p.split('/')[-1].split('.')[0]}." in " ".join(after)
                           for p in renamed if "/s/" in p)  # a shard of the same prefix, renamed
    kept = set(before) & set(after) - {f"{INDEX_DIR}/meta.json"}
    assert kept  # files whose bytes did not change keep their names and their times
    assert all((site_dir / p).stat().st_mtime == OLD for p in kept)
    assert (site_dir / "index.html").read_text(encoding="utf-8") == "page"

    # The same records again: every file is already there with the same bytes, none is rewritten.
    age(site_dir)
    write_site_index(second, site_dir)
    assert index_files(site_dir) == site_index_files(second)
    assert {p.stat().st_mtime for p in (site_dir / INDEX_DIR).rglob("*") if p.is_file()} == {OLD}


def test_a_stray_shard_is_removed_and_the_others_are_left_alone(views, tmp_path):
    site_dir = tmp_path / "caen"
    view = views["caen"]
    write_site_index(view, site_dir)
    files = index_files(site_dir)
    stray = site_dir / INDEX_DIR / "s" / "zzzz.abcdefgh.json"  # a shard a previous build had, gone now
    stray.write_bytes(b"[]")
    age(site_dir)
    write_site_index(view, site_dir)
    assert not stray.exists()
    assert index_files(site_dir) == files
    assert {p.stat().st_mtime for p in (site_dir / INDEX_DIR).rglob("*") if p.is_file()} == {OLD}


def folder_files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_build_index_is_kept_when_records_are_the_same_and_remade_when_they_change(demo_graph, views, tmp_path):
    folder = tmp_path / "search" / "calvados"
    view = views["calvados"]
    expected = {path.removeprefix(f"{INDEX_DIR}/"): data for path, data in site_index_files(view).items()}
    digest, changed = update_index(view, folder)
    assert changed and folder_files(folder) == expected

    # Same records and labels as the digest the ledger kept: nothing is stemmed, sharded or written again.
    for path in folder.rglob("*"):
        os.utime(path, (OLD, OLD))
    assert update_index(view, folder, previous=digest) == (digest, False)
    assert {p.stat().st_mtime for p in folder.rglob("*") if p.is_file()} == {OLD}

    # A tampered file is not noticed by the digest, but a clean build (no previous digest) repairs it.
    shard = next(p for p in folder.rglob("*.json") if p.name != "meta.json")
    shard.write_bytes(b"[]")
    assert update_index(view, folder, previous=digest) == (digest, False)
    assert update_index(view, folder) == (digest, True)
    assert folder_files(folder) == expected
    # A deleted entry point is noticed: the index is made again.
    (folder / "meta.json").unlink()
    assert update_index(view, folder, previous=digest) == (digest, True)
    assert folder_files(folder) == expected

    # One more harvested title: a new index, and the previous version's files are gone.
    more = dict(TITLES, assimil=(*TITLES["assimil"], title("assimil", "isbn:9782700508002", "L'italien")))
    second = SiteView.build(dataclasses.replace(demo_graph, titles=MappingProxyType(more)), view.site, NOW)
    other, changed = update_index(second, folder, previous=digest)
    assert other != digest and changed
    assert folder_files(folder) == {path.removeprefix(f"{INDEX_DIR}/"): data
                                    for path, data in site_index_files(second).items()}


def test_the_index_digest_follows_the_code_not_the_package_version(views, tmp_path, monkeypatch):
    """A change of the normalizer or the stemmer (any file of the package) makes the index again."""
    from generator import digests

    folder = tmp_path / "search" / "caen"
    view = views["caen"]
    written = []
    digest, _ = update_index(view, folder, before_writing=lambda: written.append("first"))
    monkeypatch.setattr(digests, "_code", "another-version-of-search-normalize")
    other, _ = update_index(view, folder, previous=digest, before_writing=lambda: written.append("again"))
    assert other != digest and written == ["first", "again"]
