"""Records -> Algolia objects and index settings (pure). push.py sends them.

The same records as the static index, so both searches find the same things. Algolia
refuses records over 10 KB (the default plan's limit): a long text is split into
several objects sharing `record`, and `distinct` on that attribute returns each record
once. `rank` is the record's position in the ranked list (custom ranking, ascending).
"""

from __future__ import annotations

import json
from typing import Any

from .records import BODY, MEDIUM, STRONG, SearchRecord

MAX_OBJECT_BYTES = 9_500  # under Algolia's 10,000-byte limit, with room for its own accounting
SUBTITLE_CHARS = 300

# Display attributes the page reads (search-algolia.js maps them to the static index's shape).
RETRIEVED = ["record", "type", "title", "url", "subtitle", "categories", "audiences", "date", "when"]


def index_settings() -> dict[str, Any]:
    """Settings pushed with every reindex, so an index is never searched with stale ones."""
    return {
        # Order matters: a word in the title outranks one in the keywords, then the summary, then the text.
        "searchableAttributes": ["title", "strong", "medium", "body"],
        "attributesForFaceting": ["type", "categories", "audiences", "when", "filterOnly(record)"],
        "customRanking": ["asc(rank)"],
        "attributeForDistinct": "record",
        "distinct": True,
        "indexLanguages": ["fr"],
        "queryLanguages": ["fr"],
        "ignorePlurals": ["fr"],
        "removeStopWords": ["fr"],
        "attributesToRetrieve": RETRIEVED,
        "attributesToHighlight": [],
        "attributesToSnippet": [],
        "hitsPerPage": 20,
    }


def algolia_rules(records: list[SearchRecord]) -> list[dict[str, Any]]:
    """One query rule per best bet: a query equal to it (Algolia folds case and accents; anchoring
    "is": the whole query) promotes the record to the first position, as the static index does."""
    return [
        {
            "objectID": f"bibnum-best-bet-{record.id}-{index}",
            "description": f"{record.title} : {bet}",
            "conditions": [{"pattern": bet, "anchoring": "is"}],
            "consequence": {"promote": [{"objectID": record.id, "position": 0}], "filterPromotes": True},
        }
        for record in records
        for index, bet in enumerate(record.bets)
    ]


def object_bytes(obj: dict[str, Any]) -> int:
    return len(json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def algolia_objects(records: list[SearchRecord]) -> list[dict[str, Any]]:
    """One object per record, or several for a long text; every one under MAX_OBJECT_BYTES."""
    objects: list[dict[str, Any]] = []
    for rank, record in enumerate(records):
        base = {
            "record": record.id,
            "type": record.type,
            "title": record.title,
            "url": record.url,
            "subtitle": _clip(record.subtitle, SUBTITLE_CHARS),
            "categories": list(record.categories),
            "audiences": list(record.audiences),
            "date": record.date,
            "when": record.when,
            "rank": rank,
        }
        first = {**base, "strong": record.text(STRONG), "medium": record.text(MEDIUM)}
        for field in ("medium", "strong"):  # a pathological summary must not push the record over the limit
            room = MAX_OBJECT_BYTES // 3
            if len(first[field].encode("utf-8")) > room:
                first[field] = _clip_bytes(first[field], room)
        pieces = split_text(record.text(BODY), MAX_OBJECT_BYTES - object_bytes({**first, "objectID": "", "body": ""})
                            - len(record.id) - 8)
        for index, piece in enumerate(pieces):
            head = first if index == 0 else base
            objects.append({**head, "objectID": record.id if index == 0 else f"{record.id}#{index}", "body": piece})
    return objects


def split_text(text: str, budget: int) -> list[str]:
    """Text cut at spaces into pieces of at most `budget` UTF-8 bytes (at least one piece)."""
    pieces, current, size = [], [], 0
    for word in text.split():
        cost = len(word.encode("utf-8")) + (1 if current else 0)
        if current and size + cost > budget:
            pieces.append(" ".join(current))
            current, size = [], 0
            cost = len(word.encode("utf-8"))
        if cost > budget:  # one absurdly long "word": cut it
            word, cost = _clip_bytes(word, budget), budget
        current.append(word)
        size += cost
    pieces.append(" ".join(current))
    return pieces


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _clip_bytes(text: str, limit: int) -> str:
    return text.encode("utf-8")[:limit].decode("utf-8", errors="ignore")
