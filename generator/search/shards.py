"""Cut the word index into prefix shards small enough for a first query (pure).

Every word lives in exactly one *leaf*: the shard named by the shortest prefix
whose words fit the budget (gzipped JSON). A prefix too big to be a leaf is split
by its next letter, and still gets a small *node* shard for readers who have typed
only that much: the word equal to the prefix (full postings) and a preview of the
subtree's most frequent words, each with its first few documents of every type.
The browser fetches the longest shard name its word starts with; as the reader
types on, it moves down to the leaf that holds the full postings.
"""

from __future__ import annotations

import heapq
import json
import re
import zlib
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter

from .postings import Word, encode

_PLAIN = re.compile(r"[a-z0-9]*")
MAX_PREFIX = 8  # a prefix this long holds few words: stop splitting whatever its size


@dataclass(frozen=True)
class ShardLimits:
    budget: int = 12_000  # gzipped bytes a leaf may weigh
    preview_words: int = 48  # words previewed in a node shard
    preview_docs: int = 6  # documents of each type kept per previewed word


# Shards placed by a previous build, by name: (their words, whether a leaf, their bytes).
ShardMemo = dict[str, tuple[list[str], bool, bytes]]


@dataclass(frozen=True)
class Reuse:
    """Shards a previous build placed, and the words whose rows may differ since (their
    documents changed): a shard whose words are the same and none of these has the same bytes."""

    memo: ShardMemo
    changed: frozenset[str] | set[str]


def shard_words(words: dict[str, Word], type_ranges: Sequence[tuple[int, int]],
                limits: ShardLimits = ShardLimits(), reuse: Reuse | None = None,
                placed: ShardMemo | None = None) -> dict[str, bytes]:
    """{shard name: JSON bytes} covering every word; names are the prefixes described above.

    Gives what `shard_json` would for each shard, from row pieces encoded once per word
    however many splits are tried. `reuse`: shards of a previous build with the same limits,
    taken as they are where their words' rows cannot have changed. `placed` receives every
    shard with its words, for a later build's reuse.
    """
    shards: dict[str, bytes] = {}
    rows = _Rows(words, type_ranges, limits.preview_docs)
    reuse = reuse or Reuse({}, frozenset())
    for first, group in _by_letter(sorted(words), 0):
        _place(first, group, rows, limits, shards, reuse, placed)
    return dict(sorted(shards.items()))


class _Rows:
    """Each word's JSON row, as a head and a tail around its shard-local stem group number."""

    def __init__(self, words: dict[str, Word], type_ranges, keep: int) -> None:
        self.words, self.type_ranges, self.keep = words, type_ranges, keep
        self.tails: dict[str, str] = {}  # made when a shard first needs them: reused shards never do
        self.preview_tails: dict[str, str] = {}
        self.sizes = {text: len(text) + 3 * len(word.docs) for text, word in words.items()}

    def shard(self, texts: list[str], previews: list[str] = ()) -> bytes:
        """Full postings of `texts`, then the first documents of each type of `previews`."""
        groups: dict[str, int] = {}
        words, tail = self.words, self._tail
        parts = [f"[{_json_string(t)},{groups.setdefault(words[t].stem, len(groups))}{tail(t)}" for t in texts]
        parts += [f"[{_json_string(t)},{groups.setdefault(words[t].stem, len(groups))}{self._preview_tail(t)}"
                  for t in previews]
        return f"[{','.join(parts)}]".encode("utf-8")

    def _tail(self, text: str) -> str:
        tail = self.tails.get(text)
        if tail is None:
            tail = self.tails[text] = f",{_codes_json(self.words[text].docs)}]"
        return tail

    def _preview_tail(self, text: str) -> str:
        tail = self.preview_tails.get(text)
        if tail is None:  # a frequent word is previewed at every level of its prefix
            docs = _first_of_each_type(self.words[text].docs, self.type_ranges, self.keep)
            tail = self.preview_tails[text] = f",{_codes_json(docs)}]"
        return tail


def _place(prefix: str, texts: list[str], rows: _Rows, limits: ShardLimits, shards: dict[str, bytes],
           reuse: Reuse, placed: ShardMemo | None) -> None:
    known = reuse.memo.get(prefix)
    unchanged = reuse.changed.isdisjoint(texts)
    if known is not None and unchanged and known[0] == texts:
        leaf, shards[prefix] = known[1], known[2]
    else:
        final = len(prefix) >= MAX_PREFIX or len(texts) == 1
        leaf = False
        if final or sum(map(rows.sizes.__getitem__, texts)) <= limits.budget * 12:
            content = rows.shard(texts)
            leaf = final or _fits(content, limits.budget)
        if not leaf:
            exact = [t for t in texts if t == prefix]
            longer = [t for t in texts if t != prefix]
            words = rows.words
            frequent = heapq.nsmallest(limits.preview_words, longer, key=lambda t: (-len(words[t].docs), t))
            content = rows.shard(exact, sorted(frequent))
        shards[prefix] = content
    if placed is not None:
        placed[prefix] = (texts, leaf, shards[prefix])
    if not leaf:
        for letter, group in _by_letter([t for t in texts if t != prefix], len(prefix)):
            _place(prefix + letter, group, rows, limits, shards, reuse, placed)


def _fits(content: bytes, budget: int) -> bool:
    """gzipped_size(content) <= budget, without compressing when the answer is sure."""
    size = len(content)
    if size + (size >> 3) + 64 <= budget:  # beyond any deflate's worst case (stored blocks)
        return True
    # Too big a leaf is common (it is then split): stop compressing once the output,
    # which only grows, passes the budget. The stream's total is zlib.compress's.
    stream = zlib.compressobj(6)
    out = 0
    for start in range(0, size, 8192):
        out += len(stream.compress(content[start:start + 8192]))
        if out > budget:
            return False
    return out + len(stream.flush()) <= budget


def shard_json(entries: list[tuple[Word, int | None]], type_ranges=()) -> bytes:
    """[[word, stem group, postings], ...]; a stem group number is local to the shard."""
    groups: dict[str, int] = {}
    rows = []
    for word, keep in entries:
        docs = word.docs if keep is None else _first_of_each_type(word.docs, type_ranges, keep)
        rows.append([word.text, groups.setdefault(word.stem, len(groups)), encode(docs)])
    return compact_json(rows)


def _codes_json(docs: dict[int, int]) -> str:
    return str(encode(docs)).replace(" ", "")  # what compact_json writes for a list of ints


def _json_string(text: str) -> str:
    if _PLAIN.fullmatch(text):  # all that index words are made of: nothing to escape
        return f'"{text}"'
    return json.dumps(text, ensure_ascii=False)


def _first_of_each_type(docs: dict[int, int], type_ranges, keep: int) -> dict[int, int]:
    kept: dict[int, int] = {}
    ordered = sorted(docs)
    for start, end in type_ranges:
        # Best first: title matches, then by doc id (the static rank within the type).
        inside = ordered[bisect_left(ordered, start):bisect_left(ordered, end)]
        best = heapq.nsmallest(keep, [(docs[doc], doc) for doc in inside])
        kept.update({doc: cls for cls, doc in best})
    return kept


def _by_letter(texts: list[str], position: int) -> list[tuple[str, list[str]]]:
    """Sorted texts, longer than `position`, grouped by their letter there (in order)."""
    return [(letter, list(group)) for letter, group in groupby(texts, key=itemgetter(position))]


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def compact_json(value: object) -> bytes:
    return _ENCODER.encode(value).encode("utf-8")  # json.dumps with these options, minus a new encoder each call


def gzipped_size(content: bytes) -> int:
    """What a server's gzip would send, near enough to decide where to cut."""
    return len(zlib.compress(content, 6))
