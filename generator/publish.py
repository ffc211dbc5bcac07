"""Put built sites into OUT, each one switched in a single step (DESIGN.md §4, §10).

Everything is prepared in OUT's staging area, a folder BESIDE it: on the same file system,
so that renames are atomic, and never inside OUT, which a host such as GitHub Pages serves
whole. For OUT = …/site:

    …/.site.bibnum/
        spare/<site>/   a second copy of each site: synced from the build, then exchanged
                        with the live folder (so after a switch it holds the previous site)
        switch.json     journal of a fallback switch in progress (see `_switch_in_two_steps`)
        old-<site>/     the live folder during a fallback switch
        .tmp-*          files being written: copies into a spare, the hub page, the journal
        lock, lock.json OUT's lock (generator/locks.py)

A failure or a kill before the switch leaves OUT/<site> as it was; the spare may be left
half-synced, which the next publication repairs (it compares sizes and times, file by file).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import functools
import json
import os
import re
import secrets
import shutil
import sys
from pathlib import Path

from .errors import BuildFailed
from .messages import cut, say, system_error
from .writer import replace_with_copy

SPARE = "spare"
JOURNAL = "switch.json"
TEMP_PREFIX = ".tmp-"
_OLD = "old-"  # + site id: the live folder during a fallback switch
# What bibnum before the staging area left INSIDE OUT when killed: `.old-<site>-<ms>` and
# `tempfile.mkdtemp(prefix=".staging-")`. Only these exact names are ever removed from OUT.
_LEGACY_LEFTOVER = re.compile(r"\.old-.+-[0-9]+|\.staging-[A-Za-z0-9_]+")
_UNSUPPORTED = {errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP}
_RENAME_EXCHANGE = 2  # linux/fs.h
_AT_FDCWD = -100


def staging_area(out: Path) -> Path:
    """The folder beside OUT where sites are prepared (and OUT's lock kept): `…/.site.bibnum`."""
    out = out.resolve()
    return out.parent / f".{out.name}.bibnum"


def publish_site(built: Path, out: Path, site_id: str) -> list[str] | None:
    """Make OUT/SITE_ID hold exactly the files of BUILT (bytes and times), switched in one step.

    Returns the relative paths written or deleted compared with the previous live site
    (sorted; [] when nothing differs, and then nothing is switched), or None when there
    was no live site before. Any system error raises BuildFailed, OUT/SITE_ID untouched.
    """
    area = staging_area(out)
    live, spare = out / site_id, area / SPARE / site_id
    try:
        if not built.is_dir():  # never publish an empty site for a missing build
            raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), os.fspath(built))
        wanted = _tree(os.fspath(built))
        current = _tree(os.fspath(live)) if live.is_dir() else None
        changed = None if current is None else _differences(wanted, current)
        if changed == []:
            return []
        out.mkdir(parents=True, exist_ok=True)
        spare.parent.mkdir(parents=True, exist_ok=True)
        if os.stat(out).st_dev != os.stat(area).st_dev:
            raise BuildFailed(say("publish.other_device", out=out, area=area))
        if spare.is_symlink():  # a live folder that was a link, exchanged: never write through it
            spare.unlink()
        if current is not None and not spare.exists():
            _seed(os.fspath(live), current, os.fspath(spare))
        _make_like(os.fspath(built), wanted, os.fspath(spare), os.fspath(area / f"{TEMP_PREFIX}copy"))
        _switch(area, live, spare, site_id)
    except _FileFailed as failed:
        if failed.error.errno in (errno.ENOSPC, errno.EDQUOT):
            _remove(os.fspath(spare))  # a half-synced spare would keep the disk full: copied again next time
        raise BuildFailed(say("publish.file_failed", site=site_id, out=out, why=system_error(failed.error),
                              path=cut(failed.path))) from failed.error
    except OSError as exc:
        raise BuildFailed(say("publish.site_failed", site=site_id, out=out, why=system_error(exc))) from exc
    return changed


def publish_file(out: Path, name: str, data: bytes | str) -> bool:
    """Put one file at OUT's top (the hub page) in one step; False when its bytes were already there."""
    data = data.encode("utf-8") if isinstance(data, str) else data
    target = out / name
    try:
        if target.read_bytes() == data:
            return False
    except OSError:
        pass  # missing or unreadable: written below
    area = staging_area(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
        area.mkdir(parents=True, exist_ok=True)
        _replace(area, target, data)
    except OSError as exc:
        raise BuildFailed(say("publish.page_failed", path=name, out=out, why=system_error(exc))) from exc
    return True


def recover(out: Path) -> None:
    """Finish what a killed build left: an interrupted fallback switch, temp files, old leftovers.

    Called with OUT's lock held, before anything else of the build. Cheap when there is
    nothing to do: a look at the staging area's and OUT's top folders.
    """
    area = staging_area(out)
    try:
        in_area = _names(area)
        # The journal says a switch was under way; its folders say how far it went (`_finish_switch`).
        # An old folder alone is finished too: after a power cut, the renames may be on disk and not the journal.
        for name in in_area:
            if name.startswith(_OLD):
                _finish_switch(area, out / name[len(_OLD):], name[len(_OLD):])
        if JOURNAL in in_area:
            (area / JOURNAL).unlink()
        for name in in_area:
            if name.startswith(TEMP_PREFIX):
                _remove(os.fspath(area / name))
        for name in _names(out):
            if _LEGACY_LEFTOVER.fullmatch(name):
                _remove(os.fspath(out / name))
    except OSError as exc:
        raise BuildFailed(say("publish.recover_failed", out=out, area=area, why=system_error(exc))) from exc


def _names(folder: Path) -> list[str]:
    try:
        return os.listdir(folder)
    except FileNotFoundError:
        return []


# --- the switch ---------------------------------------------------------------------------------------


def _switch(area: Path, live: Path, spare: Path, site_id: str) -> None:
    """SPARE becomes OUT/<site>; the previous live folder, if any, becomes the spare."""
    if not live.exists():
        os.rename(spare, live)
    elif not _exchange(os.fspath(spare), os.fspath(live)):
        _switch_in_two_steps(area, live, spare, site_id)


def _exchange(first: str, second: str) -> bool:
    """Exchange two paths in one atomic step (Linux renameat2); False where the system cannot."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in _UNSUPPORTED:  # an old kernel, or a file system without exchange (some network ones)
        return False
    raise OSError(code, os.strerror(code), second)


@functools.cache
def _renameat2():
    if not sys.platform.startswith("linux"):
        return None
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2  # glibc 2.28 and later
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


def _switch_in_two_steps(area: Path, live: Path, spare: Path, site_id: str) -> None:
    """Live -> old, spare -> live, old -> spare, under a journal written first and removed last.

    Between the first two renames (microseconds) OUT/<site> is missing: a reader may get
    one "not found". A kill there is recoverable: the journal says a switch was under way,
    both folders are whole, and `recover` renames the staged one in (`_finish_switch`).
    """
    _finish_switch(area, live, site_id)  # an earlier one, if recover() was not called since
    old = area / f"{_OLD}{site_id}"
    _replace(area, area / JOURNAL, json.dumps({"site": site_id}).encode("utf-8"))
    os.rename(live, old)
    try:
        os.rename(spare, live)
    except OSError:
        os.rename(old, live)  # put the published site back; if this fails too, recover() will
        (area / JOURNAL).unlink()
        raise
    os.rename(old, spare)
    (area / JOURNAL).unlink()


def _finish_switch(area: Path, live: Path, site_id: str) -> None:
    """Complete a fallback switch the journal says was interrupted, whatever step it reached."""
    old, spare = area / f"{_OLD}{site_id}", area / SPARE / site_id
    if not old.exists():
        return  # the first rename never happened: OUT/<site> is still the published one
    if not live.exists():
        os.rename(spare if spare.exists() else old, live)  # the staged site if whole, else the old one back
    if old.exists():
        if spare.exists():
            _remove(os.fspath(old))
        else:
            os.rename(old, spare)


# --- syncing the spare ---------------------------------------------------------------------------------


class _FileFailed(Exception):
    """A system error on one file of a site, with the site's relative path for the message."""

    def __init__(self, path: str, error: OSError):
        super().__init__(path)
        self.path, self.error = path, error


def _tree(root: str) -> dict[str, tuple[int, int]]:
    """Relative path -> (size, modification time in ns) of every file under ROOT."""
    return {rel: (stat.st_size, stat.st_mtime_ns) for rel, stat in _files(root)}


def _differences(wanted: dict[str, tuple[int, int]], current: dict[str, tuple[int, int]]) -> list[str]:
    changed = [rel for rel, seen in wanted.items() if current.get(rel) != seen]
    return sorted(changed + [rel for rel in current if rel not in wanted])


def _make_like(source: str, wanted: dict[str, tuple[int, int]], target: str, temp: str) -> None:
    """Make TARGET (the spare, which no one reads) hold the WANTED files of SOURCE.

    Deletions come first: a folder may have become a file of the same name, or the reverse.
    A failure or a kill leaves TARGET half-synced; the next call compares again and finishes
    it (a file is replaced whole, its time set before, so a half copy never looks finished).
    """
    have = _tree(target)
    emptied: set[str] = set()
    for rel in have:
        if rel not in wanted:
            _each_file(rel, os.unlink, os.path.join(target, rel))
            emptied.add(os.path.dirname(rel))
    _remove_emptied(target, emptied)
    made: set[str] = set()  # folders of TARGET known to exist: one makedirs per folder, not per file
    for rel, seen in wanted.items():
        if have.get(rel) != seen:
            folder = os.path.dirname(rel)
            if folder not in made:
                _each_file(rel, os.makedirs, os.path.join(target, folder), exist_ok=True)
                made.add(folder)
            _each_file(rel, _copy_with_time, os.path.join(source, rel), os.path.join(target, rel), temp, seen[1])


def _seed(live: str, files: dict[str, tuple[int, int]], spare: str) -> None:
    """A first spare made of hard links to the live site's files: no byte copied.

    Safe because the spare is only ever changed by replacing whole files (a temp file and
    os.replace) or unlinking them, never by writing into one: a file the two folders
    share is never changed in place. Where links cannot be made (another kind of file
    system), or if this is cut short, the sync that follows copies what is missing.
    """
    made: set[str] = set()
    try:
        for rel in files:
            folder = os.path.dirname(rel)
            if folder not in made:
                os.makedirs(os.path.join(spare, folder), exist_ok=True)
                made.add(folder)
            os.link(os.path.join(live, rel), os.path.join(spare, rel))
    except OSError:
        return


def _copy_with_time(source: str, target: str, temp: str, mtime_ns: int) -> None:
    """SOURCE's bytes and modification time as TARGET, through TEMP + os.replace.

    Not shutil.copy2: its permission and extended-attribute copies doubled the time of a
    50,000-file site, and the files get the usual permissions (the umask), readable by a
    web server even when the build wrote them private.
    """
    try:
        shutil.copyfile(source, temp)
        os.utime(temp, ns=(mtime_ns, mtime_ns))
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def _each_file(rel: str, action, *args, **kwargs) -> None:
    try:
        action(*args, **kwargs)
    except OSError as exc:
        raise _FileFailed(rel, exc) from exc


def _remove_emptied(root: str, emptied: set[str]) -> None:
    for folder in sorted(emptied, key=len, reverse=True):  # deepest first, then up while empty
        # A folder emptied at two depths (a/b and a/b/c) was removed by the walk up from the deeper one.
        while folder and os.path.isdir(os.path.join(root, folder)) and not os.listdir(os.path.join(root, folder)):
            os.rmdir(os.path.join(root, folder))
            folder = os.path.dirname(folder)


def _replace(area: Path, target: Path, data: bytes) -> None:
    """Write TARGET through a temp file of the staging area + os.replace (same file system)."""
    temp = area / f"{TEMP_PREFIX}{target.name}-{secrets.token_hex(4)}"
    # os.open applies the umask (mkstemp's files are 0600: a web server could not read them).
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _remove(path: str) -> None:
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path, ignore_errors=True)
    else:
        try:
            os.unlink(path)
        except FileNotFoundError:
            pass


# --- differential sync of one folder (the search index into the engine's output) ------------------------


def sync(source: Path, target: Path, *, last: tuple[str, ...] = ()) -> list[str]:
    """Make TARGET hold what SOURCE holds; return the relative paths written or deleted.

    A file is taken as unchanged when its size and modification time (nanoseconds) match:
    every file of TARGET was copied from SOURCE with its time, and the engine and our
    writer leave unchanged files untouched. The `last` paths (an index's entry point) are
    copied after every other file, and files that are gone deleted after them.
    A site holds tens of thousands of files: paths are handled as strings, one stat each.
    """
    src, dst = os.fspath(source), os.fspath(target)
    changed: list[str] = []
    kept: set[str] = set()
    deferred: list[tuple[str, os.stat_result]] = []
    for rel, stat in _files(src):
        kept.add(rel)
        if rel in last:
            deferred.append((rel, stat))
        elif _copy_if_changed(src, dst, rel, stat):
            changed.append(rel)
    changed += [rel for rel, stat in deferred if _copy_if_changed(src, dst, rel, stat)]
    emptied: set[str] = set()
    for rel, _stat in list(_files(dst)):
        if rel not in kept:
            os.unlink(os.path.join(dst, rel))
            changed.append(rel)
            emptied.add(os.path.dirname(rel))
    _remove_emptied(dst, emptied)
    return changed


def _files(root: str, prefix: str = ""):
    """(relative path, stat) of every file under ROOT, depth first."""
    try:
        entries = list(os.scandir(os.path.join(root, prefix) if prefix else root))
    except FileNotFoundError:
        return
    for entry in entries:
        rel = f"{prefix}{entry.name}"
        if entry.is_dir(follow_symlinks=False):
            yield from _files(root, rel + "/")
        elif entry.is_file():
            yield rel, entry.stat()


def _copy_if_changed(src: str, dst: str, rel: str, stat: os.stat_result) -> bool:
    current = os.path.join(dst, rel)
    try:
        seen = os.stat(current)
        if seen.st_size == stat.st_size and seen.st_mtime_ns == stat.st_mtime_ns:
            return False
    except FileNotFoundError:
        pass
    replace_with_copy(Path(src, rel), Path(current))
    return True
