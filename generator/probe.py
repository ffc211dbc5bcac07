"""Ask the file system about a path built from an editor's value, without ever failing.

A value may make a path the system refuses to look at (a name longer than 255 bytes, a NUL,
a folder it may not read): that is "not there" for the check, which then says what is missing
at the value's line, never a traceback.
"""

from __future__ import annotations

from pathlib import Path


def is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def links_out(folder: Path) -> list[Path]:
    """The files under `folder` that are links to somewhere else (what a build copying the folder
    would publish from outside it); [] when the folder cannot be read."""
    try:
        return [path for path in sorted(folder.rglob("*")) if path.is_symlink() and not stays_in(path, folder)]
    except OSError:
        return []


def stays_in(path: Path, folder: Path) -> bool:
    """Whether `path`, its links followed, is inside `folder`: a file copied into a site from
    there must not be a link to anything else on the machine (a key, a password file)."""
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except (OSError, ValueError, RuntimeError):  # RuntimeError: a loop of links
        return False
