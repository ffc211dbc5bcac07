"""The one guarded writer: confined to its root, each file once, only when content changed."""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .errors import UnsafePath
from .messages import say


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)


def atomic_write(target: Path, data: bytes) -> None:
    """Write through a temp file in the same folder + os.replace: readers never see half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=target.suffix)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def replace_with_copy(source: Path, target: Path) -> None:
    """Copy SOURCE over TARGET (contents and times) through a temp file + os.replace."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=target.suffix)
    os.close(fd)
    try:
        shutil.copy2(source, tmp)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class GuardedWriter:
    """Writes files under `root`: atomic (temp file + os.replace), never outside, never twice.

    Files whose bytes are already on disk are left alone, so that an engine's
    live preview or differential build sees only what an edit really changed.
    """

    def __init__(self, root: Path):
        self.root = root.resolve()
        self.root.mkdir(parents=True, exist_ok=True)
        self.report = WriteReport()
        self._seen: set[str] = set()
        self._folders: dict[PurePosixPath, Path] = {}  # resolved folders, by relative path

    def write(self, relpath: str, content: str | bytes) -> Path:
        target, key = self._claim(relpath)
        data = content.encode("utf-8") if isinstance(content, str) else content
        try:
            if os.stat(target).st_size == len(data):
                with open(target, "rb") as handle:
                    if handle.read() == data:
                        self.report.unchanged += 1
                        return target
        except OSError:
            pass
        atomic_write(target, data)
        self.report.written.append(key)
        return target

    def write_all(self, files: dict[str, str | bytes]) -> None:
        for relpath in sorted(files):
            self.write(relpath, files[relpath])

    def keep(self, relpaths) -> None:
        """Count these files, already on disk, as written by this run: remove_stale leaves them."""
        for relpath in relpaths:
            self._claim(relpath)
            self.report.unchanged += 1

    def remove_stale(self, *, spare_hidden: bool = False) -> None:
        """Delete files under root that this run did not write (a deleted event's page...).

        `spare_hidden`: entries at the top whose name starts with a dot are someone else's
        (an engine's cache in a work tree) and are left alone."""
        root = str(self.root)
        for parent, dirs, names in os.walk(root, topdown=False):
            rel_parent = os.path.relpath(parent, root)
            if spare_hidden and rel_parent == ".":
                names = [name for name in names if not name.startswith(".")]
            elif spare_hidden and rel_parent.startswith("."):  # inside a hidden top folder
                continue
            for name in names:
                rel = name if rel_parent == "." else f"{rel_parent}/{name}"
                if rel not in self._seen:
                    os.unlink(os.path.join(parent, name))
                    self.report.removed.append(rel)
            if parent != root and not os.listdir(parent):
                os.rmdir(parent)
        self.report.removed.sort(reverse=True)

    def remove_listed(self, relpaths) -> None:
        """Delete these files, which an earlier run wrote (unless this run claimed them), and the
        folders they leave empty: remove_stale without walking the whole tree."""
        emptied: set[Path] = set()
        for relpath in sorted(relpaths):
            if relpath in self._seen:
                continue
            target = self._confine(relpath)
            try:
                target.unlink()
            except FileNotFoundError:
                continue
            self.report.removed.append(relpath)
            emptied.add(target.parent)
        for folder in sorted(emptied, key=lambda path: len(path.parts), reverse=True):
            while folder != self.root and folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
                folder = folder.parent
        self.report.removed.sort(reverse=True)

    def _claim(self, relpath: str) -> tuple[Path, str]:
        """The confined target of RELPATH and its key, which no other output of this run may claim."""
        target = self._confine(relpath)
        key = target.relative_to(self.root).as_posix()
        if key in self._seen:
            raise UnsafePath(say("writer.twice", path=key))
        self._seen.add(key)
        return target, key

    def _confine(self, relpath: str) -> Path:
        pure = PurePosixPath(relpath)
        if pure.is_absolute() or ".." in pure.parts or not pure.parts or "\\" in relpath or "\x00" in relpath:
            raise UnsafePath(say("writer.outside", path=repr(relpath), root=self.root))
        # Resolving every path costs a system call per folder level: folders are resolved once
        # each, and only a file that is itself a symbolic link is resolved in full.
        folder = self._folders.get(pure.parent)
        if folder is None:
            folder = (self.root / pure.parent).resolve()
            if folder != self.root and self.root not in folder.parents:
                raise UnsafePath(say("writer.resolves_outside", path=repr(relpath), root=self.root))
            self._folders[pure.parent] = folder
        target = folder / pure.name
        if os.path.islink(target):
            target = target.resolve()
            if self.root not in target.parents:
                raise UnsafePath(say("writer.resolves_outside", path=repr(relpath), root=self.root))
        return target
