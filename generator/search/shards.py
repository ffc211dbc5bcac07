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

import json
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from .postings import Word, encode

MAX_PREFIX = 8  # a prefix this long holds few words: stop splitting whatever its size


@dataclass(frozen=True)
class ShardLimits:
    budget: int = 12_000  # gzipped bytes a leaf may weigh
    preview_words: int = 48  # words previewed in a node shard
    preview_docs: int = 6  # documents of each type kept per previewed word


def shard_words(words: dict[str, Word], type_ranges: Sequence[tuple[int, int]],
                limits: ShardLimits = ShardLimits()) -> dict[str, bytes]:
    """{shard name: JSON bytes} covering every word; names are the prefixes described above."""
    shards: dict[str, bytes] = {}
    ordered = sorted(words)
    for first, group in _by_letter(ordered, 0):
        _place(first, group, words, type_ranges, limits, shards)
    return dict(sorted(shards.items()))


def _place(prefix: str, texts: list[str], words: dict[str, Word], type_ranges, limits: ShardLimits,
           shards: dict[str, bytes]) -> None:
    leaf = None
    raw_guess = sum(len(t) + 3 * len(words[t].docs) for t in texts)
    if raw_guess <= limits.budget * 12 or len(prefix) >= MAX_PREFIX or len(texts) == 1:
        leaf = shard_json([(words[t], None) for t in texts])
        if gzipped_size(leaf) <= limits.budget or len(prefix) >= MAX_PREFIX or len(texts) == 1:
            shards[prefix] = leaf
            return
    exact = [(words[t], None) for t in texts if t == prefix]
    longer = [t for t in texts if t != prefix]
    frequent = sorted(longer, key=lambda t: (-len(words[t].docs), t))[: limits.preview_words]
    preview = [(words[t], limits.preview_docs) for t in sorted(frequent)]
    shards[prefix] = shard_json(exact + preview, type_ranges)
    for letter, group in _by_letter(longer, len(prefix)):
        _place(prefix + letter, group, words, type_ranges, limits, shards)


def shard_json(entries: list[tuple[Word, int | None]], type_ranges=()) -> bytes:
    """[[word, stem group, postings], ...]; a stem group number is local to the shard."""
    groups: dict[str, int] = {}
    rows = []
    for word, keep in entries:
        docs = word.docs if keep is None else _first_of_each_type(word.docs, type_ranges, keep)
        rows.append([word.text, groups.setdefault(word.stem, len(groups)), encode(docs)])
    return compact_json(rows)


def _first_of_each_type(docs: dict[int, int], type_ranges, keep: int) -> dict[int, int]:
    kept: dict[int, int] = {}
    for start, end in type_ranges:
        # Best first: title matches, then by doc id (the static rank within the type).
        inside = sorted((cls, doc) for doc, cls in docs.items() if start <= doc < end)[:keep]
        kept.update({doc: cls for cls, doc in inside})
    return kept


def _by_letter(texts: list[str], position: int) -> list[tuple[str, list[str]]]:
    groups: dict[str, list[str]] = {}
    for text in texts:
        groups.setdefault(text[position], []).append(text)
    return sorted(groups.items())


def compact_json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def gzipped_size(content: bytes) -> int:
    """What a server's gzip would send, near enough to decide where to cut."""
    return len(zlib.compress(content, 6))
