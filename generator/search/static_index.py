"""Records -> the files of the static, chunked index a browser reads piece by piece (pure).

Layout (under `bn-search/` in the built site):

    meta.json            fetched first (small): version, type ranges, shard names, labels
    <v>/s/<prefix>.json  word shards (see shards.py)
    <v>/d/<n>.json       what a result shows, CHUNK documents per file, by doc id
    <v>/f.json           facet ranges (category, audience, date), fetched when a facet is used

Doc ids are positions in the ranked record list: records are grouped by type, so a
type is a range of ids, and within a type a lower id ranks first when scores tie.
`<v>` is a hash of the content, so shards can be cached for good and a new build
never mixes with an old one.
"""

from __future__ import annotations

import hashlib
from operator import attrgetter
from typing import Any

from .postings import invert
from .records import SearchRecord
from .shards import ShardLimits, compact_json, shard_words

CHUNK = 32  # documents per display chunk: a result list touches few, each a couple of KB
FORMAT = 1


def type_ranges(records: list[SearchRecord]) -> list[tuple[str, int, int]]:
    """[(type, first doc id, end)] of the consecutive runs of each type."""
    ranges: list[tuple[str, int, int]] = []
    for doc, record in enumerate(records):
        if ranges and ranges[-1][0] == record.type:
            ranges[-1] = (record.type, ranges[-1][1], doc + 1)
        else:
            ranges.append((record.type, doc, doc + 1))
    return ranges


def doc_row(record: SearchRecord) -> list[Any]:
    return [record.title, record.url, record.subtitle, list(record.categories), list(record.audiences),
            record.date, record.when]


def facet_ranges(records: list[SearchRecord]) -> dict[str, dict[str, list[list[int]]]]:
    """facet -> value -> [[start, end], ...] doc id ranges (titles of a resource are one range)."""
    facets: dict[str, dict[str, list[list[int]]]] = {}
    for facet, values_of in (("category", attrgetter("categories")), ("audience", attrgetter("audiences")),
                             ("when", _when)):
        ranges: dict[str, list[list[int]]] = {}
        for doc, values in enumerate(map(values_of, records)):
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


def static_index(records: list[SearchRecord], labels: dict[str, Any],
                 limits: ShardLimits = ShardLimits()) -> dict[str, bytes]:
    """{path under bn-search/: bytes} for one site."""
    ranges = type_ranges(records)
    shards = shard_words(invert(records), [(start, end) for _type, start, end in ranges], limits)
    rows = [doc_row(r) for r in records]
    content: dict[str, bytes] = {f"s/{name}.json": data for name, data in shards.items()}
    content.update({f"d/{n}.json": compact_json(rows[start:start + CHUNK])
                    for n, start in enumerate(range(0, len(rows), CHUNK))})
    content["f.json"] = compact_json(facet_ranges(records))
    digest = hashlib.sha256()
    for path, data in sorted(content.items()):
        digest.update(path.encode() + b"\0" + data + b"\0")
    version = digest.hexdigest()[:12]
    meta = {
        "format": FORMAT,
        "version": version,
        "count": len(records),
        "chunk": CHUNK,
        "types": [[kind, start, end] for kind, start, end in ranges],
        "shards": " ".join(shards),
        "labels": labels,
    }
    files = {f"{version}/{path}": data for path, data in content.items()}
    files["meta.json"] = compact_json(meta)
    return files
