"""Publishing: each site switched into OUT in one step, prepared beside it; a failure or a kill
leaves the published site as it was; differential sync of a folder replaces what changed."""

from __future__ import annotations

import errno
import multiprocessing
import os
from pathlib import Path

import pytest

from generator import publish
from generator.errors import BuildFailed
from generator.publish import publish_file, publish_site, recover, staging_area, sync


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under ROOT: relative path -> (bytes, modification time in ns)."""
    return {p.relative_to(root).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(root.rglob("*")) if p.is_file()}


def version(built: Path, files: dict[str, str]) -> Path:
    """BUILT made to hold exactly FILES, as an engine's output between two builds: a file it
    rewrites gets a later time than before (even within the file system's clock tick)."""
    old = {p.relative_to(built).as_posix(): p for p in built.rglob("*") if p.is_file()} if built.exists() else {}
    for rel, path in old.items():
        if rel not in files or path.read_text(encoding="utf-8") != files[rel]:
            before = path.stat().st_mtime_ns
            path.unlink()
            if rel in files:
                os.utime(write(path, files[rel]), ns=(before + 1_000_000, before + 1_000_000))
    for folder in sorted((p for p in built.rglob("*") if p.is_dir()), key=lambda p: len(p.parts), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
    for rel, text in files.items():
        if rel not in old:
            write(built / rel, text)
    return built


V1 = {"index.html": "accueil", "evenements/a/index.html": "atelier", "evenements/b/index.html": "conte",
      "assets/style.css": "body{}"}
V2 = {"index.html": "accueil", "evenements/a/index.html": "atelier (nouvel horaire)",
      "assets/style.css": "body{}", "agenda.ics": "BEGIN:VCALENDAR"}
V3 = {"index.html": "accueil (v3)", "evenements/a/index.html": "atelier (nouvel horaire)",
      "assets/style.css": "body{}", "agenda.ics": "BEGIN:VCALENDAR", "evenements/c/index.html": "lecture"}


@pytest.fixture
def dirs(tmp_path: Path) -> tuple[Path, Path]:
    return tmp_path / "build" / "calvados", tmp_path / "site"


def test_the_staging_area_is_beside_out(tmp_path: Path):
    assert staging_area(tmp_path / "site") == tmp_path / ".site.bibnum"


def test_a_first_publication_puts_the_whole_site_and_nothing_else_into_out(dirs):
    built, out = dirs
    version(built, V1)
    assert publish_site(built, out, "calvados") is None
    assert snapshot(out / "calvados") == snapshot(built)
    assert sorted(p.name for p in out.iterdir()) == ["calvados"]
    assert not any(p.is_file() for p in staging_area(out).rglob("*"))


def test_an_update_switches_in_what_changed_and_keeps_the_rest(dirs):
    built, out = dirs
    publish_site(version(built, V1), out, "calvados")
    unchanged = (out / "calvados" / "assets" / "style.css").stat().st_mtime_ns
    first = (out / "calvados").stat().st_ino

    assert publish_site(version(built, V2), out, "calvados") == [
        "agenda.ics", "evenements/a/index.html", "evenements/b/index.html"]
    assert snapshot(out / "calvados") == snapshot(built)
    assert (out / "calvados" / "assets" / "style.css").stat().st_mtime_ns == unchanged
    assert not (out / "calvados" / "evenements" / "b").exists()
    assert (staging_area(out) / "spare" / "calvados").stat().st_ino == first  # exchanged, not copied

    # The spare is now the first version: it is brought up to date, not copied again whole.
    assert publish_site(version(built, V3), out, "calvados") == [
        "evenements/c/index.html", "index.html"]
    assert snapshot(out / "calvados") == snapshot(built)
    assert sorted(p.name for p in out.iterdir()) == ["calvados"]


def test_a_folder_may_become_a_file_of_the_same_name(dirs):
    built, out = dirs
    publish_site(version(built, {"a/index.html": "1", "b": "2"}), out, "calvados")
    publish_site(version(built, {"a/index.html": "1", "b": "2", "c": "3"}), out, "calvados")
    assert publish_site(version(built, {"a": "fichier", "b/index.html": "dossier", "c": "3"}), out, "calvados") \
        == ["a", "a/index.html", "b", "b/index.html"]
    assert snapshot(out / "calvados") == snapshot(built)


def test_nothing_changed_switches_nothing(dirs):
    built, out = dirs
    publish_site(version(built, V1), out, "calvados")
    publish_site(version(built, V2), out, "calvados")
    live = (out / "calvados").stat().st_ino
    assert publish_site(built, out, "calvados") == []
    assert (out / "calvados").stat().st_ino == live
    assert snapshot(out / "calvados") == snapshot(built)


def test_other_sites_and_files_of_out_are_left_alone(dirs):
    built, out = dirs
    write(out / "caen" / "index.html", "caen")
    write(out / "CNAME", "bibliotheques.example")
    publish_site(version(built, V1), out, "calvados")
    publish_site(version(built, V2), out, "calvados")
    assert (out / "caen" / "index.html").read_text(encoding="utf-8") == "caen"
    assert sorted(p.name for p in out.iterdir()) == ["CNAME", "caen", "calvados"]


def test_a_live_folder_that_was_a_link_is_replaced_and_its_target_never_written(dirs, tmp_path):
    built, out = dirs
    elsewhere = tmp_path / "ailleurs"
    write(elsewhere / "index.html", "à ne pas toucher")
    out.mkdir()
    (out / "calvados").symlink_to(elsewhere, target_is_directory=True)
    publish_site(version(built, V1), out, "calvados")
    publish_site(version(built, V2), out, "calvados")
    assert snapshot(out / "calvados") == snapshot(built) and not (out / "calvados").is_symlink()
    assert [p.name for p in elsewhere.iterdir()] == ["index.html"]
    assert (elsewhere / "index.html").read_text(encoding="utf-8") == "à ne pas toucher"


def test_a_missing_build_is_refused_rather_than_published_empty(dirs):
    built, out = dirs
    publish_site(version(built, V1), out, "calvados")
    before = snapshot(out / "calvados")
    with pytest.raises(BuildFailed, match="introuvable"):
        publish_site(built.parent / "absent", out, "calvados")
    assert snapshot(out / "calvados") == before


def test_an_out_on_another_file_system_than_its_parent_is_refused_with_the_fix(dirs, monkeypatch):
    """OUT a mount point (a container's volume): its staging area would be on another disk."""
    built, out = dirs
    publish_site(version(built, V1), out, "calvados")
    before = snapshot(out / "calvados")
    real_stat, area = os.stat, os.fspath(staging_area(out))

    def stat(path, *args, **kwargs):
        seen = real_stat(path, *args, **kwargs)
        if os.fspath(path) == area:
            return os.stat_result((*seen[:2], seen.st_dev + 1, *seen[3:]))
        return seen
    monkeypatch.setattr(publish.os, "stat", stat)
    with pytest.raises(BuildFailed, match="deux systèmes de fichiers différents"):
        publish_site(version(built, V2), out, "calvados")
    monkeypatch.undo()
    assert snapshot(out / "calvados") == before


# --- a failure at any step leaves the published site as it was ---------------------------------------------


def _fail_on_call(real, k: int, error: BaseException):
    calls = []

    def failing(*args, **kwargs):
        calls.append(args)
        if len(calls) == k:
            raise error
        return real(*args, **kwargs)
    return failing


NO_SPACE = OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("step", ["copy 1", "copy 2", "delete", "exchange", "rename 1", "rename 2", "journal"])
def test_a_failure_at_any_step_leaves_the_published_site_as_it_was(dirs, monkeypatch, step):
    built, out = dirs
    publish_site(version(built, V1), out, "calvados")
    publish_site(version(built, V2), out, "calvados")  # the spare is now V1: V3 copies two files, deletes one
    before = snapshot(out / "calvados")
    version(built, {k: v for k, v in V3.items() if k != "assets/style.css"})
    if step.startswith("copy"):
        failing = _fail_on_call(publish._copy_with_time, int(step[-1]), NO_SPACE)
        monkeypatch.setattr(publish, "_copy_with_time", failing)
    elif step == "delete":
        monkeypatch.setattr(publish.os, "unlink", _fail_on_call(os.unlink, 1, PermissionError(errno.EACCES, "x")))
    elif step == "exchange":
        monkeypatch.setattr(publish, "_exchange", _fail_on_call(publish._exchange, 1, OSError(errno.EIO, "I/O")))
    else:  # the two-step switch where the exchange is unsupported
        monkeypatch.setattr(publish, "_renameat2", lambda: None)
        if step == "journal":
            monkeypatch.setattr(publish, "_replace", _fail_on_call(publish._replace, 1, NO_SPACE))
        else:
            monkeypatch.setattr(publish.os, "rename", _fail_on_call(os.rename, int(step[-1]), NO_SPACE))

    with pytest.raises(BuildFailed) as failed:
        publish_site(built, out, "calvados")

    message = str(failed.value)
    assert len(message) < 400 and "\n" not in message
    assert "« calvados »" in message and "le site publié est resté tel quel" in message
    if "copy" in step:
        assert "plus de place sur le disque" in message and ("index.html" in message or ".ics" in message)
    assert snapshot(out / "calvados") == before
    if step.startswith("copy"):  # the half-synced spare is not left to keep a full disk full
        assert not (staging_area(out) / "spare" / "calvados").exists()
    assert not [p.name for p in staging_area(out).iterdir() if p.name.startswith(".tmp-")]
    monkeypatch.undo()
    assert publish_site(built, out, "calvados") is not None
    assert snapshot(out / "calvados") == snapshot(built)
    assert sorted(p.name for p in out.iterdir()) == ["calvados"]


def _publish_then_die_at_copy(built: Path, out: Path, k: int) -> None:
    copy = publish._copy_with_time
    calls = []

    def dying(*args):
        calls.append(args)
        if len(calls) == k:
            os._exit(9)  # a kill: no cleanup, no exception handler
        copy(*args)
    publish._copy_with_time = dying
    publish_site(built, out, "calvados")
    os._exit(0)


def test_a_kill_while_the_spare_is_synced_leaves_the_published_site_as_it_was(dirs):
    built, out = dirs
    publish_site(version(built, V1), out, "calvados")
    before = snapshot(out / "calvados")
    version(built, V3)
    child = multiprocessing.get_context("fork").Process(target=_publish_then_die_at_copy, args=(built, out, 3))
    child.start()
    child.join(60)
    if child.exitcode is None:  # a forked child that hangs must not hold the test runner
        child.kill()
        child.join(10)
    assert child.exitcode == 9
    assert snapshot(out / "calvados") == before
    recover(out)
    assert publish_site(built, out, "calvados") == ["agenda.ics", "evenements/a/index.html",
                                                   "evenements/b/index.html", "evenements/c/index.html",
                                                   "index.html"]
    assert snapshot(out / "calvados") == snapshot(built)


# --- the two-step switch, where the system cannot exchange two folders ---------------------------------------


def test_the_two_step_switch_publishes_and_leaves_nothing_behind(dirs, monkeypatch):
    built, out = dirs
    monkeypatch.setattr(publish, "_renameat2", lambda: None)
    publish_site(version(built, V1), out, "calvados")
    assert publish_site(version(built, V2), out, "calvados") == [
        "agenda.ics", "evenements/a/index.html", "evenements/b/index.html"]
    assert publish_site(version(built, V3), out, "calvados") == ["evenements/c/index.html", "index.html"]
    assert snapshot(out / "calvados") == snapshot(built)
    assert sorted(p.name for p in staging_area(out).iterdir()) == ["spare"]


@pytest.mark.parametrize("killed_at, published", [(1, "old"), (2, "new"), (3, "new")])
def test_recover_completes_a_two_step_switch_killed_midway(dirs, monkeypatch, killed_at, published):
    built, out = dirs
    monkeypatch.setattr(publish, "_renameat2", lambda: None)
    publish_site(version(built, V1), out, "calvados")
    old = snapshot(out / "calvados")
    version(built, V2)
    monkeypatch.setattr(publish.os, "rename", _fail_on_call(os.rename, killed_at, SystemExit(9)))
    with pytest.raises(SystemExit):
        publish_site(built, out, "calvados")
    monkeypatch.undo()
    assert (staging_area(out) / "switch.json").is_file()

    recover(out)

    assert snapshot(out / "calvados") == (old if published == "old" else snapshot(built))
    assert sorted(p.name for p in staging_area(out).iterdir()) == ["spare"]
    assert sorted(p.name for p in out.iterdir()) == ["calvados"]
    recover(out)  # idempotent
    assert publish_site(built, out, "calvados") == ([] if published == "new" else [
        "agenda.ics", "evenements/a/index.html", "evenements/b/index.html"])
    assert snapshot(out / "calvados") == snapshot(built)


def test_recover_finishes_a_two_step_switch_whose_journal_was_lost(dirs, monkeypatch):
    """After a power cut, the renames may have reached the disk and not the journal."""
    built, out = dirs
    monkeypatch.setattr(publish, "_renameat2", lambda: None)
    publish_site(version(built, V1), out, "calvados")
    version(built, V2)
    monkeypatch.setattr(publish.os, "rename", _fail_on_call(os.rename, 2, SystemExit(9)))
    with pytest.raises(SystemExit):
        publish_site(built, out, "calvados")
    monkeypatch.undo()
    (staging_area(out) / "switch.json").unlink()
    recover(out)
    assert snapshot(out / "calvados") == snapshot(built)
    assert sorted(p.name for p in staging_area(out).iterdir()) == ["spare"]


# --- recover(): the leftovers of dead builds, and nothing else ----------------------------------------------


def test_recover_removes_leftovers_of_dead_builds_and_nothing_else(tmp_path: Path):
    out = tmp_path / "site"
    area = staging_area(out)
    write(out / ".old-calvados-123" / "index.html", "ancien")
    write(out / ".old-index.html-1712345678901", "ancien")
    write(out / ".staging-abc" / "calvados" / "index.html", "à moitié copié")
    write(area / ".tmp-index.html-0a1b", "à moitié écrit")
    kept = {name: write(out / name, name) for name in ("index.html", ".nojekyll", "CNAME", ".old-notes",
                                                       ".staging-", "old-calvados-1", ".stagingx")}
    write(out / "calvados" / ".old-x-1", "un fichier du site")
    write(area / "lock", "")
    write(area / "lock.json", "{}")

    recover(out)
    recover(out)

    assert sorted(p.name for p in out.iterdir()) == sorted([*kept, "calvados"])
    assert all(path.read_text(encoding="utf-8") == name for name, path in kept.items())
    assert (out / "calvados" / ".old-x-1").is_file()  # inside a site: its own file
    assert sorted(p.name for p in area.iterdir()) == ["lock", "lock.json"]


def test_recover_has_nothing_to_do_on_a_fresh_out(tmp_path: Path):
    recover(tmp_path / "site")
    assert list(tmp_path.iterdir()) == []


# --- one file at OUT's top -----------------------------------------------------------------------------------


def test_publish_file_writes_in_one_step_and_only_when_the_bytes_differ(tmp_path: Path):
    out = tmp_path / "site"
    umask = os.umask(0o022)
    try:
        assert publish_file(out, "index.html", "<h1>Réseau</h1>") is True
    finally:
        os.umask(umask)
    page = out / "index.html"
    assert page.read_text(encoding="utf-8") == "<h1>Réseau</h1>"
    assert page.stat().st_mode & 0o777 == 0o644  # readable by a web server running as another user
    inode, mtime = page.stat().st_ino, page.stat().st_mtime_ns
    assert publish_file(out, "index.html", "<h1>Réseau</h1>".encode("utf-8")) is False
    assert (page.stat().st_ino, page.stat().st_mtime_ns) == (inode, mtime)
    assert publish_file(out, "index.html", "<h1>Réseau (2)</h1>") is True
    assert page.read_text(encoding="utf-8") == "<h1>Réseau (2)</h1>"
    assert sorted(p.name for p in out.iterdir()) == ["index.html"]
    assert list(staging_area(out).iterdir()) == []


def test_publish_file_failing_leaves_the_old_page(tmp_path: Path, monkeypatch):
    out = tmp_path / "site"
    publish_file(out, "index.html", "ancien")
    monkeypatch.setattr(publish.os, "replace", _fail_on_call(os.replace, 1, NO_SPACE))
    with pytest.raises(BuildFailed, match="plus de place sur le disque") as failed:
        publish_file(out, "index.html", "nouveau")
    assert len(str(failed.value)) < 400
    assert (out / "index.html").read_text(encoding="utf-8") == "ancien"
    assert list(staging_area(out).iterdir()) == []


# --- differential sync of one folder (the search index into the engine's output) -----------------------------


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


def test_the_second_publication_seeds_its_spare_with_links_and_never_changes_the_live_site(tmp_path: Path):
    """After a first publication there is no spare: it is made of hard links to the live
    files, and syncing it replaces whole files, so the live site's files never change."""
    built, out = tmp_path / "built", tmp_path / "out"
    write(built / "index.html", "accueil")
    write(built / "a" / "index.html", "a")
    publish.publish_site(built, out, "portail")
    live_page = out / "portail" / "a" / "index.html"
    inode = live_page.stat().st_ino
    write(built / "index.html", "accueil modifié")
    assert publish.publish_site(built, out, "portail") == ["index.html"]
    spare = publish.staging_area(out) / "spare" / "portail"
    assert (spare / "a" / "index.html").stat().st_ino == inode  # linked, not copied
    assert (spare / "index.html").read_text(encoding="utf-8") == "accueil"  # the previous live page, intact
    assert (out / "portail" / "index.html").read_text(encoding="utf-8") == "accueil modifié"
    write(built / "a" / "index.html", "a modifié")
    publish.publish_site(built, out, "portail")
    assert (out / "portail" / "a" / "index.html").read_text(encoding="utf-8") == "a modifié"
    assert (spare / "a" / "index.html").read_text(encoding="utf-8") == "a"  # replaced, not written into
