"""Put built sites into OUT, only once every site of the build is ready (DESIGN.md §4).

Two ways, both leaving OUT as it was if they are never reached:
- `swap`: a whole fresh copy is moved into place, then the old one removed (clean runs,
  first publication);
- `sync`: after a differential run, only the files that differ from the engine's kept
  output are replaced, each one atomically, and files that are gone are deleted.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from .writer import replace_with_copy


def copy_into(staging: Path, source: Path, name: str) -> None:
    """A full copy of SOURCE as STAGING/NAME, keeping modification times (sync compares them)."""
    shutil.copytree(source, staging / name, copy_function=shutil.copy2)


def swap(staging: Path, out: Path, names: list[str]) -> None:
    """Move each fresh entry of STAGING into OUT; the old one is removed only after."""
    for name in names:
        fresh, current = staging / name, out / name
        if not fresh.exists():
            continue
        old = None
        if current.exists():
            old = out / f".old-{name}-{int(time.time() * 1000)}"
            current.rename(old)
        fresh.rename(current)
        if old is not None:
            if old.is_dir():
                shutil.rmtree(old, ignore_errors=True)
            else:
                old.unlink(missing_ok=True)


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
    for folder in sorted(emptied, key=len, reverse=True):  # deepest first, then up while empty
        while folder and not os.listdir(os.path.join(dst, folder)):
            os.rmdir(os.path.join(dst, folder))
            folder = os.path.dirname(folder)
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
