"""Publishing: a differential sync replaces what changed, deletes what is gone, leaves the rest."""

from __future__ import annotations

import os
from pathlib import Path

from generator import publish
from generator.publish import copy_into, swap, sync


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_sync_replaces_changed_adds_new_and_deletes_gone(tmp_path: Path):
    kept, out = tmp_path / "kept", tmp_path / "out"
    write(kept / "index.html", "accueil")
    write(kept / "evenements" / "a" / "index.html", "atelier")
    write(kept / "evenements" / "b" / "index.html", "conte")
    assert sorted(sync(kept, out)) == ["evenements/a/index.html", "evenements/b/index.html", "index.html"]
    unchanged = out / "index.html"
    before = unchanged.stat().st_mtime_ns

    write(kept / "evenements" / "a" / "index.html", "atelier (nouvel horaire)")
    (kept / "evenements" / "b" / "index.html").unlink()
    (kept / "evenements" / "b").rmdir()
    write(kept / "agenda.ics", "BEGIN:VCALENDAR")
    changed = sync(kept, out)

    assert sorted(changed) == ["agenda.ics", "evenements/a/index.html", "evenements/b/index.html"]
    assert (out / "evenements" / "a" / "index.html").read_text(encoding="utf-8") == "atelier (nouvel horaire)"
    assert not (out / "evenements" / "b").exists()  # file and its empty folder
    assert unchanged.stat().st_mtime_ns == before
    assert sync(kept, out) == []


def test_sync_notices_a_same_size_change(tmp_path: Path):
    kept, out = tmp_path / "kept", tmp_path / "out"
    page = write(kept / "page.html", "aaaa")
    sync(kept, out)
    write(kept / "page.html", "bbbb")
    os.utime(page, ns=(page.stat().st_atime_ns, page.stat().st_mtime_ns + 1_000_000))
    assert sync(kept, out) == ["page.html"]
    assert (out / "page.html").read_text(encoding="utf-8") == "bbbb"


def test_sync_leaves_no_temporary_file(tmp_path: Path):
    kept, out = tmp_path / "kept", tmp_path / "out"
    write(kept / "a" / "b.json", "{}")
    sync(kept, out)
    assert sorted(p.name for p in out.rglob("*")) == ["a", "b.json"]


def test_swap_replaces_a_site_and_keeps_the_others(tmp_path: Path):
    kept, out = tmp_path / "kept", tmp_path / "out"
    write(kept / "index.html", "nouveau")
    write(out / "calvados" / "index.html", "ancien")
    write(out / "caen" / "index.html", "caen")
    staging = tmp_path / "out" / ".staging"
    staging.mkdir()
    copy_into(staging, kept, "calvados")
    swap(staging, out, ["calvados"])
    assert (out / "calvados" / "index.html").read_text(encoding="utf-8") == "nouveau"
    assert (out / "caen" / "index.html").read_text(encoding="utf-8") == "caen"
    assert not any(p.name.startswith(".old-") for p in out.iterdir())


def test_sync_publishes_an_index_entry_point_after_the_files_it_names(tmp_path: Path, monkeypatch):
    """A reader of the live folder never gets a meta.json naming files not yet, or no longer, there."""
    kept, out = tmp_path / "kept", tmp_path / "out"
    write(out / "bn-search" / "s" / "a.old.json", "[]")
    write(out / "bn-search" / "meta.json", "old")
    write(kept / "bn-search" / "meta.json", "new")
    for name in ("a.new", "b.new", "z.new"):
        write(kept / "bn-search" / "s" / f"{name}.json", "[]")
    events: list[str] = []
    copy = publish.replace_with_copy
    monkeypatch.setattr(publish, "replace_with_copy",
                        lambda source, target: (events.append(f"copy {target.name}"), copy(source, target)))
    unlink = os.unlink
    monkeypatch.setattr(publish.os, "unlink", lambda path: (events.append(f"delete {Path(path).name}"), unlink(path)))
    changed = sync(kept / "bn-search", out / "bn-search", last=("meta.json",))
    assert sorted(changed) == ["meta.json", "s/a.new.json", "s/a.old.json", "s/b.new.json", "s/z.new.json"]
    assert events.index("copy meta.json") > max(events.index(f"copy {n}.json") for n in ("a.new", "b.new", "z.new"))
    assert events.index("delete a.old.json") > events.index("copy meta.json")
    assert (out / "bn-search" / "meta.json").read_text(encoding="utf-8") == "new"


def test_sync_removes_every_folder_a_deletion_empties_and_no_other(tmp_path: Path):
    kept, out = tmp_path / "kept", tmp_path / "out"
    write(kept / "ressources" / "izneo" / "titres" / "page-2" / "index.html", "2")
    write(kept / "ressources" / "izneo" / "index.html", "izneo")
    sync(kept, out)
    (out / "vide").mkdir()  # an empty folder no deletion touches
    (kept / "ressources" / "izneo" / "titres" / "page-2" / "index.html").unlink()
    assert sync(kept, out) == ["ressources/izneo/titres/page-2/index.html"]
    assert not (out / "ressources" / "izneo" / "titres").exists()
    assert (out / "ressources" / "izneo" / "index.html").is_file() and (out / "vide").is_dir()
