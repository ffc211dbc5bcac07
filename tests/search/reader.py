"""A Python reader of the static index, mirroring search-index.js, for tests without a browser."""

from __future__ import annotations

import json

from generator.search.normalize import query_key, query_terms
from generator.search.postings import CLASSES, decode
from generator.search.static_index import chunk_path, facets_path, shard_digests, shard_path

PREFIX_FACTOR = 0.7


class Reader:
    def __init__(self, files: dict[str, bytes], root: str = "bn-search/") -> None:
        self.files, self.root = files, root
        self.meta = json.loads(files[root + "meta.json"])
        self.names = shard_digests(self.meta)
        self.blocks = self.meta["docs"].split(" ")
        self.fetched: list[str] = []

    def json(self, path: str):
        self.fetched.append(path)
        return json.loads(self.files[f"{self.root}{path}"])

    def facets(self):
        return self.json(facets_path(self.meta["facets"]))

    def shard_for(self, word: str) -> str | None:
        return next((word[:n] for n in range(len(word), 0, -1) if word[:n] in self.names), None)

    def lookup(self, term: dict) -> dict[int, float]:
        for candidate in dict.fromkeys([term["word"], term["singular"]]):
            name = self.shard_for(candidate)
            if name is None:
                continue
            entries = self.json(shard_path(name, self.names[name]))
            groups = {group for text, group, _codes in entries if text == candidate}
            found = [(codes, 1.0) for _text, group, codes in entries if group in groups]
            if term["prefix"] or not found:
                found += [(codes, PREFIX_FACTOR) for text, group, codes in entries
                          if group not in groups and text.startswith(candidate)]
            if found:
                best: dict[int, float] = {}
                for codes, factor in found:
                    for doc, cls in decode(codes).items():
                        best[doc] = max(best.get(doc, 0), CLASSES[cls] * factor)
                return best
        return {}

    def search(self, query: str) -> list[int]:
        """Doc ids holding every word, best first (ties: lower id first), as the browser ranks them."""
        maps = [self.lookup(t) for t in query_terms(query)]
        if not maps:
            return []
        common = set.intersection(*(set(m) for m in maps))
        scores = {doc: sum(m[doc] for m in maps) for doc in common}
        ranked = sorted(scores, key=lambda doc: (-scores[doc], doc))
        bet = self.meta.get("bets", {}).get(query_key(query))  # the query's best bet comes first
        return ranked if bet is None else [bet, *(doc for doc in ranked if doc != bet)]

    def doc(self, doc: int) -> list:
        number = doc // self.meta["chunk"]
        return self.json(chunk_path(number, self.blocks[number // self.meta["block"]]))[doc % self.meta["chunk"]]

    def type_of(self, doc: int) -> str:
        return next(kind for kind, start, end in self.meta["types"] if start <= doc < end)
