"""Parsed source files kept between loads, so that only edited files are parsed again.

A long-running process (the preview) keeps them in memory; a one-shot build keeps them on
disk in the project's state folder (STATE/parse-cache/, one shard per source folder), where
the next build finds them. Parsing thousands of events and posts is most of loading a large
network; reading and hashing their bytes is a few hundredths of that.

An entry is keyed by the file's path, its size and a digest of its bytes, and by what else
the parse reads (`depends_on`). Not by its modification time: a git checkout or a copy gives
unchanged files new times (every file parsed again for nothing), and a tool that restores
times can give a changed file its old one (a stale parse); the bytes say what was parsed.
A shard also carries the identity of the code and libraries that parsed it: a new bibnum,
PyYAML or Markdown, or another Python, ignores every shard and writes it anew.

Parsed documents are shared between loads, so nothing may modify them after parsing
(validate() reads them; tests/load/test_parse_cache.py checks that it leaves them as they were).
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from ..errors import Location, Problem
from ..gc_pause import paused_gc
from ..writer import atomic_write
from .markdown_body import BodyImage
from .markdown_source import MarkdownDocument
from .yaml_source import YamlDocument

FOLDER = "parse-cache"  # under the state folder
FORMAT = 1
SUFFIX = ".pickle"
# Libraries whose behaviour makes a parse: the documents and the problems they hold.
PARSING_LIBRARIES = ("PyYAML", "Markdown", "pymdown-extensions")

Key = tuple[int, bytes, object]  # (size, digest of the bytes, depends_on)
Entry = tuple[Key, object, tuple[Problem, ...]]  # (key, parsed value, problems found while parsing)


class ParseCache:
    """Parsed files by path; `ParseCache()` in memory, `ParseCache.open(state, code=...)` kept on disk."""

    def __init__(self, folder: Path | None = None, identity: str = "") -> None:
        # By path and folder as text: thousands of Path objects cost more to unpickle and hash.
        self.entries: dict[str, Entry] = {}
        self._folder = folder  # STATE/parse-cache, or None: in memory only
        self._identity = identity
        self._read: dict[str, set[str]] = {}  # source folder -> paths its shard held when read
        self._used: set[str] = set()  # files this load asked for
        self._parsed: set[str] = set()  # source folders with a file parsed anew since the last save

    @classmethod
    def open(cls, state_folder: Path, *, code: str) -> ParseCache:
        """The cache kept in STATE_FOLDER/parse-cache; `code` is the code's identity
        (bibnum's code_digest()). Shards are read when a file of their folder is asked for."""
        return cls(state_folder / FOLDER, _identity(code))

    @classmethod
    @contextmanager
    def kept(cls, state_folder: Path, *, code: str) -> Iterator[ParseCache]:
        """`open`, then `save` when the body (the load) succeeded: a failed load writes nothing."""
        cache = cls.open(state_folder, code=code)
        yield cache
        cache.save()

    def parsed(self, path: Path, problems: list[Problem], parse: Callable[[list[Problem]], Any], *,
               depends_on: object = None) -> Any:
        """`parse(found)`'s value for PATH, from the cache when its bytes and `depends_on` are unchanged;
        the problems it found are added to PROBLEMS either way. `depends_on`: what else the parse
        reads (the engine's Markdown extensions for a body, the size limit); it must compare by value."""
        try:
            before = _fingerprint(path)
        except OSError:
            return parse(problems)
        name = str(path)
        folder = os.path.dirname(name)
        self._read_shard(folder)
        self._used.add(name)
        key = (*before, depends_on)
        hit = self.entries.get(name)
        if hit is not None and hit[0] == key:
            problems.extend(hit[2])
            return hit[1]
        found: list[Problem] = []
        value = parse(found)
        problems.extend(found)
        self._parsed.add(folder)
        try:
            after = _fingerprint(path)
        except OSError:
            after = None
        if after == before:
            self.entries[name] = (key, value, tuple(found))
        else:  # saved while being parsed: what was parsed may be neither version, keep nothing
            self.entries.pop(name, None)
        return value

    def save(self) -> None:
        """Write the shards that changed, each atomically; call it only after a load succeeded.

        Only the files this load asked for are kept (a deleted file leaves the cache). Writing
        is best effort: a cache that cannot be written is parsed anew next time, never an error.
        """
        if self._folder is None:
            return
        kept: dict[str, dict[str, Entry]] = {}
        for name in self._used:
            if name in self.entries:
                kept.setdefault(os.path.dirname(name), {})[name] = self.entries[name]
        for folder in self._read.keys() | kept.keys():
            entries = kept.get(folder, {})
            if folder not in self._parsed and set(entries) == self._read.get(folder, set()):
                continue
            try:
                if entries:
                    atomic_write(self._shard_file(folder), pickle.dumps(
                        {"format": FORMAT, "identity": self._identity, "folder": folder, "entries": entries},
                        protocol=pickle.HIGHEST_PROTOCOL))
                else:
                    self._shard_file(folder).unlink(missing_ok=True)
            except (OSError, pickle.PicklingError, TypeError, AttributeError, RecursionError):
                continue
        current = {self._shard_file(folder).name for folder in kept}
        try:  # shards of folders no longer there (renamed, deleted)
            for stale in self._folder.glob(f"*{SUFFIX}"):
                if stale.name not in current:
                    stale.unlink(missing_ok=True)
        except OSError:
            pass
        self._read = {folder: set(entries) for folder, entries in kept.items()}
        self._used, self._parsed = set(), set()

    def _read_shard(self, folder: str) -> None:
        if self._folder is None or folder in self._read:
            return
        self._read[folder] = set()
        try:
            with paused_gc():  # thousands of small objects, no cycle: about twice as fast
                stored = _OwnShard(io.BytesIO(self._shard_file(folder).read_bytes())).load()
            if not (isinstance(stored, dict) and stored.get("format") == FORMAT
                    and stored.get("identity") == self._identity and stored.get("folder") == folder):
                return
            entries = stored["entries"]
            if not all(isinstance(e, tuple) and len(e) == 3 and os.path.dirname(n) == folder
                       for n, e in entries.items()):
                return
        except Exception:  # missing, corrupt, or written by another Python: parsed anew and rewritten
            return
        for name, entry in entries.items():
            self.entries.setdefault(name, entry)  # what this process parsed is newer
        self._read[folder] = set(entries)

    def _shard_file(self, folder: str) -> Path:
        assert self._folder is not None
        name = hashlib.blake2b(folder.encode("utf-8", "surrogateescape"), digest_size=12).hexdigest()
        return self._folder / f"{name}{SUFFIX}"


class _OwnShard(pickle.Unpickler):
    """Unpickling runs whatever a pickle names: these shards are bibnum's own, written by
    ParseCache.save() into the project's state folder, which only bibnum writes. Never load a
    pickle from anywhere else. As a second wall, only the parsed documents' own classes may be
    named (parsed data is otherwise plain dicts, lists, strings and numbers)."""

    ALLOWED = {(cls.__module__, cls.__qualname__): cls
               for cls in (YamlDocument, MarkdownDocument, BodyImage, Problem, Location)}

    def find_class(self, module: str, name: str) -> Any:
        try:
            return self.ALLOWED[(module, name)]
        except KeyError:
            raise pickle.UnpicklingError(f"{module}.{name}") from None


def _fingerprint(path: Path) -> tuple[int, bytes]:
    data = path.read_bytes()
    return len(data), hashlib.blake2b(data, digest_size=16).digest()


def _identity(code: str) -> str:
    parts = [f"format={FORMAT}", f"code={code}", f"python={sys.version}"]
    for library in PARSING_LIBRARIES:
        try:
            parts.append(f"{library}=={version(library)}")
        except PackageNotFoundError:
            parts.append(f"{library} missing")
    return "\n".join(parts)
