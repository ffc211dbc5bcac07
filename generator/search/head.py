"""A public portal's index head kept between builds, so that an edit re-reads only what it touches.

A portal's resources and harvested titles are most of its records (tens of thousands at
full size), and the most frequent edits (an event, a post, a page) cannot change them.
Their records, postings, facet ranges and display chunks (static_index.IndexHead) are
kept in the project's state folder, keyed by the title family's key (families.py: the
code, the data but events, the site and its URL, the day). On a miss they are made again
from the title family's *restricted* view (no events, posts or pages), so a key that
matches cannot hide a dependency.

The file is bibnum's own, written atomically into the state folder; a missing, corrupt or
foreign file is made again (never an error), and it is read through an unpickler that
names only SearchRecord. The head's records themselves are not kept (a build never reads
them), only what the index derives from them: unpickling 50,000 records, and the garbage
collector walking them, would cost a good part of what keeping them saves.
"""

from __future__ import annotations

import hashlib
import io
import pickle
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..view.site_view import SiteView
from ..writer import atomic_write
from .records import SearchRecord, head_records
from .static_index import Cut, IndexHead, index_head

FORMAT = 5


@dataclass(frozen=True)
class KeptHead:
    """Where a site's head is kept and what it is made from."""

    key: str  # the title family's key (families.titles_key): everything the head reads
    file: Path  # STATE/search-head/<site>.pickle
    view: Callable[[], SiteView]  # the title family's restricted view, built only on a miss


def load_or_make(kept: KeptHead) -> tuple[IndexHead, str, bool]:
    """The head kept under `kept.key`, or made anew from the restricted view; with a digest of
    what it holds (a head made from the same records has the same digest, whatever else of
    data/ changed the key: a network's name, a library) and whether it was made anew (then
    `save` keeps it, once the build has cut its shards)."""
    found = _load(kept.file, kept.key)
    if found is not None:
        return *found, False
    head = index_head(head_records(kept.view()))
    # The index reads the head only through these parts: their digest stands for the records.
    return head, hashlib.sha256(pickle.dumps(_parts(head), protocol=5)).hexdigest(), True


def save(kept: KeptHead, head: IndexHead, digest: str) -> None:
    """Keep HEAD under `kept.key`, atomically; best effort: a head not kept is made again next time."""
    _save(kept.file, kept.key, head, digest)


# Shards cut anew beyond this share, the head keeps the build's: edits add up over a day (the
# day is in the key), and a kept head is otherwise rewritten only when made.
RECUT_SHARE = 0.1


def worth_saving(kept: IndexHead, made: bool, cut: Cut) -> bool:
    """Whether the head, with this build's shards (`cut`), should be kept again."""
    if made or kept.cut is None:
        return True
    before = kept.cut.shards
    recut = sum(1 for name, (_, _, data) in cut.shards.items() if name not in before or before[name][2] is not data)
    return recut > RECUT_SHARE * len(cut.shards)


def _load(file: Path, key: str) -> tuple[IndexHead, str] | None:
    try:
        stored = _OwnHead(io.BytesIO(file.read_bytes())).load()
        if not (isinstance(stored, dict) and stored.get("format") == FORMAT and stored.get("key") == key):
            return None
        parts, cut, digest = stored["head"], stored["cut"], stored["digest"]
        head = IndexHead(*parts, cut=Cut(*cut) if cut is not None else None)
        if not (isinstance(head.size, int) and isinstance(head.kinds, list) and isinstance(head.tail, list)
                and all(type(r) is SearchRecord for r in head.tail) and isinstance(head.postings, dict)
                and isinstance(head.facets, dict) and isinstance(head.chunks, list) and isinstance(head.links, list)
                and isinstance(head.bets, dict)
                and isinstance(digest, str)
                and (cut is None or (isinstance(cut[0], tuple) and isinstance(cut[1], list)
                                     and isinstance(cut[2], dict) and isinstance(cut[3], dict)))):
            return None
        return head, digest
    except Exception:  # missing, corrupt, or written by another Python: made anew and rewritten
        return None


def _save(file: Path, key: str, head: IndexHead, digest: str) -> None:
    try:
        atomic_write(file, pickle.dumps({"format": FORMAT, "key": key, "digest": digest, "head": _parts(head),
                                         "cut": _plain(head.cut)}, protocol=pickle.HIGHEST_PROTOCOL))
    except (OSError, pickle.PicklingError):  # a head that cannot be kept is made again next time
        pass


def _parts(head: IndexHead) -> tuple:
    return head.size, head.kinds, head.tail, head.postings, head.facets, head.chunks, head.links, head.bets


def _plain(cut: Cut | None) -> tuple | None:
    """A Cut as a tuple: the file names no class but SearchRecord."""
    return None if cut is None else (cut.limits, cut.ranges, cut.others, cut.shards)


class _OwnHead(pickle.Unpickler):
    """Unpickling runs whatever a pickle names: this file is bibnum's own, in the project's
    state folder, which only bibnum writes. As a second wall, only SearchRecord may be named
    (the rest is plain lists, dicts, tuples, strings, numbers and bytes)."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == (SearchRecord.__module__, SearchRecord.__qualname__):
            return SearchRecord
        raise pickle.UnpicklingError(f"{module}.{name}")
