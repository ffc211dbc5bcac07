"""Outputs kept between builds by the digest of everything they were made from (content-addressed).

One file per use in the project's state folder (STATE/items/<name>.pickle) maps keys to
values. A key is a digest the caller computes over all that its value reads, the code's
digest included, so an entry found is right by construction; a value is text, bytes or a
tuple of them. A build reads the file once, asks for each item by its key, puts what it
made anew, then saves only what it asked for or made: items no longer generated leave the
file. A missing, corrupt or foreign file is an empty cache, never an error; saving is atomic
and best effort (a cache that cannot be written costs the next build its misses).
"""

from __future__ import annotations

import io
import pickle
from pathlib import Path
from typing import Any, Union

from .gc_pause import paused_gc
from .writer import atomic_write

FOLDER = "items"  # under the state folder
FORMAT = 1
SUFFIX = ".pickle"

Value = Union[str, bytes, tuple]


class ItemCache:
    """Values by key, read from one file of the state folder; `ItemCache()` is empty and never saved."""

    def __init__(self, path: Path | None = None, stored: dict[str, Value] | None = None) -> None:
        self._path = path
        self._stored = stored  # what the file held; None: not read, missing or unreadable
        self._kept: dict[str, Value] = {}  # what this build asked for and found, or made
        self.hits = 0
        self.misses = 0

    @classmethod
    def open(cls, state_folder: Path, name: str, *, trusted: bool = True) -> ItemCache:
        """The cache STATE_FOLDER/items/<name>.pickle; without `trusted` (a clean build), its entries
        are not read, and saving replaces them."""
        path = state_folder / FOLDER / f"{name}{SUFFIX}"
        return cls(path, _read(path) if trusted else None)

    def get(self, key: str) -> Value | None:
        """The value kept under KEY, or None (a miss: make it, then `put` it)."""
        value = self._kept.get(key)
        if value is None:
            value = self._stored.get(key) if self._stored is not None else None
            if value is None:
                self.misses += 1
                return None
            self._kept[key] = value
        self.hits += 1
        return value

    def put(self, key: str, value: Value) -> None:
        self._kept[key] = value

    def save(self) -> None:
        """Write what this build asked for or made (and nothing else), when it differs from the file;
        with nothing to keep, the file is removed."""
        if self._path is None or (self._stored is not None and self._kept.keys() == self._stored.keys()):
            return  # same keys, same values: they are content-addressed
        try:
            if self._kept:
                atomic_write(self._path, pickle.dumps({"format": FORMAT, "entries": self._kept},
                                                      protocol=pickle.HIGHEST_PROTOCOL))
            else:
                self._path.unlink(missing_ok=True)
        except (OSError, pickle.PicklingError, TypeError, RecursionError):
            return
        self._stored = dict(self._kept)


def _read(path: Path) -> dict[str, Value] | None:
    """The file's entries; None when it is missing, truncated, corrupt or of another format
    (its items are made anew and the file rewritten)."""
    try:
        with paused_gc():  # thousands of strings, no cycle
            stored = _PlainValues(io.BytesIO(path.read_bytes())).load()
        if not (isinstance(stored, dict) and stored.get("format") == FORMAT
                and isinstance(stored.get("entries"), dict)):
            return None
        entries = stored["entries"]
        if not all(isinstance(key, str) and _plain(value) for key, value in entries.items()):
            return None
        return entries
    except Exception:
        return None


def _plain(value: Any) -> bool:
    return isinstance(value, (str, bytes)) or (
        isinstance(value, tuple) and all(isinstance(part, (str, bytes)) for part in value))


class _PlainValues(pickle.Unpickler):
    """Unpickling runs whatever a pickle names: these files are bibnum's own, written by
    ItemCache.save() into the project's state folder. As a second wall, no class may be named
    at all (entries are dicts, tuples, text and bytes, which a pickle holds without one)."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"{module}.{name}")
