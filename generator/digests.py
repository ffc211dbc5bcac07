"""Digests of files and of bibnum's own code: the raw material of every key a build keeps.

Low in the layers (standard library only), so that any step that keeps an output
between builds, the search index included, keys it on the same code digest.
"""

from __future__ import annotations

import hashlib
import os
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
# Libraries whose output goes into generated files as it is; mkdocs-material's icons are
# inlined in pages (generator/render/icons.py), segno's QR codes in the posters (render/qr.py),
# pymarc's records in the MARC files (outputs/marc.py).
GENERATING_LIBRARIES = ("Jinja2", "Markdown", "PyYAML", "pydantic", "icalendar", "nh3", "babel",
                        "snowballstemmer", "PyStemmer", "mkdocs-material", "segno", "pymarc")


def bytes_digest(data: bytes) -> str:
    """The digest a manifest keeps of one file's bytes."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def data_digest(root: Path, leave_out: tuple[str, ...]) -> str:
    """A digest of the path and bytes of every file under ROOT/data, but those under `leave_out`."""
    return files_digest(root, ("data",), leave_out)


def files_digest(root: Path, parts: tuple[str, ...], leave_out: tuple[str, ...] = ()) -> str:
    """A digest of the path and bytes of every file in `parts` (files or folders of ROOT),
    but those under `leave_out`; a missing part counts as empty.

    Hidden files and folders count too: a look's `.icons/` (Material's documented place for
    custom icons) is copied into the work tree, so it must change the key. Counting an
    editor's stray hidden file only costs a rebuild.
    """
    digest = hashlib.blake2b(digest_size=20)
    skipped = tuple(root / part for part in leave_out)
    for part in parts:
        top = root / part
        for path in list_files(top, hidden=True) if top.is_dir() else [top] if top.is_file() else []:
            if any(path == folder or folder in path.parents for folder in skipped):
                continue
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            try:
                digest.update(path.read_bytes())
            except OSError:
                digest.update(b"\1unreadable")
            digest.update(b"\0")
    return digest.hexdigest()


_code: str | None = None


def code_digest() -> str:
    """A digest of the generator package's files (code, templates, schemas, strings) and of the
    versions of the libraries that write what it generates: a developer's change to any of
    them, or an upgrade, makes every key differ."""
    global _code
    if _code is None:
        digest = hashlib.blake2b(digest_size=20)
        for path in list_files(PACKAGE):
            if "__pycache__" not in path.parts:
                digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
        for library in GENERATING_LIBRARIES:
            try:
                digest.update(f"{library}=={version(library)}\0".encode())
            except PackageNotFoundError:
                digest.update(f"{library} missing\0".encode())
        _code = digest.hexdigest()
    return _code


def list_files(folder: Path, *, hidden: bool = False) -> list[Path]:
    """Every file under FOLDER, sorted; hidden files and folders left out unless `hidden`."""
    found = []
    for parent, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if hidden or not d.startswith("."))
        found += [Path(parent) / name for name in sorted(names) if hidden or not name.startswith(".")]
    return found
