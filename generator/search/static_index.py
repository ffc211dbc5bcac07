"""Records -> the files of the static, chunked index a browser reads piece by piece (pure).

Layout (under `bn-search/` in the built site):

    meta.json               fetched first (small): type ranges, shard names, labels, file digests
    s/<prefix>.<h>.json     word shards (see shards.py)
    d/<n>.<h>.json          what a result shows, CHUNK documents per file, by doc id
    l/<n>.<h>.json          the titles' own addresses of display chunk n (only where it holds
                            titles): the search widget reads them, the portal's search never does
    f.<h>.json              facet ranges (category, audience, date), fetched when a facet is used

Doc ids are positions in the ranked record list: records are grouped by type, so a
type is a range of ids, and within a type a lower id ranks first when scores tie.
`<h>` is a digest of the file's content (for display and link chunks, of their BLOCK's): a file
can be cached for good, a reader holding an older meta.json never mixes two builds, and
an edit renames only the few files it changes (one event's title: about 6 of 2,100).
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import astuple, dataclass
from operator import attrgetter
from typing import Any

from .postings import HeadPostings, head_postings, invert, merge, other_postings
from .records import SearchRecord
from .shards import Reuse, ShardLimits, ShardMemo, compact_json, shard_words

CHUNK = 32  # documents per display chunk: a result list touches few, each a couple of KB
BLOCK = 16  # display chunks named with one digest: meta.json lists one digest per BLOCK chunks
FORMAT = 2


def content_digest(data: bytes) -> str:
    """8 characters of a SHA-256 (40 bits): names a file's version among those of one path."""
    return base64.b32encode(hashlib.sha256(data).digest()[:5]).decode("ascii").lower()


def shard_path(name: str, digest: str) -> str:
    return f"s/{name}.{digest}.json"


def chunk_path(number: int, block_digest: str) -> str:
    return f"d/{number}.{block_digest}.json"


def links_path(number: int, block_digest: str) -> str:
    return f"l/{number}.{block_digest}.json"


def facets_path(digest: str) -> str:
    return f"f.{digest}.json"


def shard_digests(meta: dict[str, Any]) -> dict[str, str]:
    """{shard name: digest} from meta.json's "shards" ("name.digest name.digest ...")."""
    return dict(token.rsplit(".", 1) for token in meta["shards"].split(" ") if token)


def type_ranges(records: list[SearchRecord], first: int = 0,
                before: list[tuple[str, int, int]] = ()) -> list[tuple[str, int, int]]:
    """[(type, first doc id, end)] of the consecutive runs of each type; records are numbered
    from `first`, after the runs `before` of the records before them."""
    ranges: list[tuple[str, int, int]] = list(before)
    for doc, record in enumerate(records, first):
        if ranges and ranges[-1][0] == record.type:
            ranges[-1] = (record.type, ranges[-1][1], doc + 1)
        else:
            ranges.append((record.type, doc, doc + 1))
    return ranges


def doc_row(record: SearchRecord) -> list[Any]:
    return [record.title, record.url, record.subtitle, list(record.categories), list(record.audiences),
            record.date, record.when]


def link_chunk(records: list[SearchRecord]) -> bytes | None:
    """The titles' own addresses of one display chunk's records ('' for none, and for what is not a
    title), or None when it holds no title: kept apart, so a portal's results never carry them."""
    if not any(record.type == "title" for record in records):
        return None
    return compact_json([record.target for record in records])


def _chunked(records: list[SearchRecord]) -> list[list[SearchRecord]]:
    return [records[start:start + CHUNK] for start in range(0, len(records), CHUNK)]


Facets = dict[str, dict[str, list[list[int]]]]


@dataclass(frozen=True)
class IndexHead:
    """What an index derives from its first records alone.

    A public portal's resources and titles come first and are most of its records: a build
    keeps this (search/head.py) and reads only the records after them, never the head's
    records themselves. Its lists and dicts are never modified (a kept head may be shared)."""

    size: int  # how many records
    kinds: list[tuple[str, int, int]]  # type_ranges(records)
    tail: list[SearchRecord]  # the records after the last full display chunk
    postings: HeadPostings
    facets: Facets  # facet_ranges(records)
    chunks: list[bytes]  # the display chunks that hold only head records
    links: list[bytes | None]  # their link chunks (link_chunk)
    bets: dict[str, int]  # best_bets(records)
    cut: Cut | None = None  # the shards of a build with this head: a later build takes what it can


@dataclass(frozen=True)
class Cut:
    """The shards of one build with a head, and what they were cut from besides the head: a
    word whose postings among the other records are the same has the same row, so a shard
    whose words are the same and all such has the same bytes (shards.Reuse)."""

    limits: tuple  # astuple(ShardLimits)
    ranges: list[tuple[int, int]]  # the doc id range of each type (previews keep some of each)
    others: dict[str, dict[int, int]]  # the other records' postings
    shards: ShardMemo


def index_head(records: list[SearchRecord]) -> IndexHead:
    full = len(records) // CHUNK * CHUNK
    chunked = _chunked(records[:full])
    return IndexHead(len(records), type_ranges(records), records[full:], head_postings(records),
                     facet_ranges(records), [compact_json([doc_row(r) for r in chunk]) for chunk in chunked],
                     [link_chunk(chunk) for chunk in chunked], best_bets(records))


def best_bets(records: list[SearchRecord], first: int = 0, before: dict[str, int] | None = None) -> dict[str, int]:
    """{query key: doc id} of the records' best bets (the check keeps each query to one record);
    records are numbered from `first`, after the bets `before` of the records before them."""
    bets = dict(before or {})
    for doc, record in enumerate(records, first):
        for bet in record.bets:
            bets.setdefault(bet, doc)
    return dict(sorted(bets.items()))


def _reuse(cut: Cut | None, limits: ShardLimits, ranges, others: dict[str, dict[int, int]]) -> Reuse | None:
    """What this build may take of a previous build's shards: words whose other postings differ are changed."""
    if cut is None or cut.limits != astuple(limits):
        return None
    then = cut.others
    changed = {word for word, docs in others.items() if then.get(word) != docs}
    changed.update(word for word in then if word not in others)
    if cut.ranges != ranges:  # previews of the words found beyond the head keep other documents
        changed.update(others, then)
    return Reuse(cut.shards, changed)


def facet_ranges(records: list[SearchRecord], head: IndexHead | None = None) -> Facets:
    """facet -> value -> [[start, end], ...] doc id ranges (titles of a resource are one range).

    With a `head`, RECORDS are those after it (numbered from its size)."""
    facets: Facets = {}
    first = head.size if head else 0
    for facet, values_of in (("category", attrgetter("categories")), ("audience", attrgetter("audiences")),
                             ("when", _when)):
        ranges: dict[str, list[list[int]]] = {
            value: [list(run) for run in runs] for value, runs in head.facets[facet].items()} if head else {}
        for doc, values in enumerate(map(values_of, records), first):
            for value in values:
                runs = ranges.get(value)
                if runs is None:
                    ranges[value] = [[doc, doc + 1]]
                elif runs[-1][1] == doc:
                    runs[-1][1] = doc + 1
                else:
                    runs.append([doc, doc + 1])
        facets[facet] = dict(sorted(ranges.items()))
    return facets


def _when(record: SearchRecord) -> tuple[str, ...]:
    return (record.when,) if record.when else ()


def static_index(records: list[SearchRecord], labels: dict[str, Any], limits: ShardLimits = ShardLimits(),
                 head: IndexHead | None = None, cuts: list[Cut] | None = None) -> dict[str, bytes]:
    """{path under bn-search/: bytes} for one site.

    `head`: index_head() of the first records, kept from a previous build, and RECORDS those
    after them; the files are the same bytes as from all the records. `cuts` receives this
    build's Cut (with a head), for a later one."""
    if head:
        kinds = type_ranges(records, head.size, head.kinds)
        ranges = [(start, end) for _type, start, end in kinds]
        others = other_postings(records, head.size)
        placed: ShardMemo = {}
        shards = shard_words(merge(head.postings, others), ranges, limits, _reuse(head.cut, limits, ranges, others),
                             placed)
        if cuts is not None:
            cuts.append(Cut(astuple(limits), ranges, others, placed))
        kept, kept_links, shown, count = head.chunks, head.links, [*head.tail, *records], head.size + len(records)
        bets = best_bets(records, head.size, head.bets)
    else:
        kinds = type_ranges(records)
        ranges = [(start, end) for _type, start, end in kinds]
        shards = shard_words(invert(records), ranges, limits)
        kept, kept_links, shown, count = [], [], records, len(records)
        bets = best_bets(records)
    chunked = _chunked(shown)
    chunks = [*kept, *(compact_json([doc_row(r) for r in chunk]) for chunk in chunked)]
    links = [*kept_links, *(link_chunk(chunk) for chunk in chunked)]
    facets = compact_json(facet_ranges(records, head))
    shard_names = {name: content_digest(data) for name, data in shards.items()}
    # A block's name covers its link chunks too: a title's new address renames the block's files.
    blocks = [content_digest(b"\0".join([*chunks[start:start + BLOCK],
                                         *(link for link in links[start:start + BLOCK] if link is not None)]))
              for start in range(0, len(chunks), BLOCK)]
    facets_digest = content_digest(facets)
    files = {shard_path(name, shard_names[name]): data for name, data in shards.items()}
    files.update({chunk_path(n, blocks[n // BLOCK]): data for n, data in enumerate(chunks)})
    files.update({links_path(n, blocks[n // BLOCK]): data for n, data in enumerate(links) if data is not None})
    files[facets_path(facets_digest)] = facets
    meta = {
        "format": FORMAT,
        # Names every file: a reader may compare it with the meta.json it holds.
        "version": content_digest(" ".join([*shard_names.values(), *blocks, facets_digest]).encode("ascii")),
        "count": count,
        "chunk": CHUNK,
        "block": BLOCK,
        "types": [[kind, start, end] for kind, start, end in kinds],
        "shards": " ".join(f"{name}.{digest}" for name, digest in shard_names.items()),
        "docs": " ".join(blocks),
        "facets": facets_digest,
        "labels": labels,
        # A query whose key (normalize.query_key) is here shows that document first.
        "bets": bets,
    }
    files["meta.json"] = compact_json(meta)
    return files
