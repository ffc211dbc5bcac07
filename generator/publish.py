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
    """
    changed: list[str] = []
    kept: set[str] = set()
    deferred: list[tuple[Path, str]] = []
    for folder, _dirs, names in os.walk(source):
        for name in names:
            path = Path(folder, name)
            rel = path.relative_to(source).as_posix()
            kept.add(rel)
            if rel in last:
                deferred.append((path, rel))
            elif _copy_if_changed(path, target / rel):
                changed.append(rel)
    changed += [rel for path, rel in deferred if _copy_if_changed(path, target / rel)]
    for folder, _dirs, names in os.walk(target, topdown=False):
        for name in names:
            path = Path(folder, name)
            rel = path.relative_to(target).as_posix()
            if rel not in kept:
                path.unlink()
                changed.append(rel)
        if folder != str(target) and not os.listdir(folder):
            os.rmdir(folder)
    return changed


def _copy_if_changed(path: Path, current: Path) -> bool:
    stat = path.stat()
    try:
        seen = current.stat()
        if seen.st_size == stat.st_size and seen.st_mtime_ns == stat.st_mtime_ns:
            return False
    except FileNotFoundError:
        pass
    replace_with_copy(path, current)
    return True
