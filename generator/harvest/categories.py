"""Which event kind a harvested agenda's categories name (pure).

A category names a kind when `categories:` of its source in data/sources.yml maps it, or
when it is the label or the id of a kind of `event_kinds` (case and accents ignored). A
category that names none is never given a kind silently: the harvest report warns about it.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from typing import Any, Iterable, Mapping

from ..messages import agreeing, count, say
from ..models.source import Source
from ..models.taxonomy import Term


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", str(text).casefold()) if not unicodedata.combining(c)).strip()


def kind_names(source: Source, event_kinds: Mapping[str, Term]) -> dict[str, str]:
    """Folded category name -> event kind id, for one source (its own mapping wins)."""
    names = {fold(term.label): kid for kid, term in event_kinds.items()}
    names.update({fold(kid): kid for kid in event_kinds})
    names.update({fold(name): kid for name, kid in source.categories.items()})
    return names


def kind_of(categories: Iterable[str], names: Mapping[str, str]) -> str | None:
    """The kind named by the first category that names one."""
    return next((names[fold(c)] for c in categories if fold(c) in names), None)


def category_warnings(source: Source, records: list[dict[str, Any]], event_kinds: Mapping[str, Term]) -> list[str]:
    """What the report says about this agenda's categories that name no event kind."""
    names = kind_names(source, event_kinds)
    unmapped: Counter[str] = Counter()
    kindless = 0
    for record in records:
        categories = [str(c) for c in record.get("categories") or []]
        unmapped.update(c for c in dict.fromkeys(categories) if fold(c) not in names)
        kindless += kind_of(categories, names) is None
    example = source.fallback_kind or next(iter(event_kinds), "atelier")
    warnings = [
        say("harvest.category", category=category, events=count(number, "count.harvest_event"), source=source.id,
            example=example)
        for category, number in sorted(unmapped.items())
    ]
    events = count(kindless, "count.harvest_event")
    published = agreeing(kindless, "count.published")
    if kindless and unmapped:
        warnings.append(say("harvest.kindless_default", events=events, published=published, kind=source.fallback_kind)
                        if source.fallback_kind else say("harvest.kindless_dropped", events=events, published=published))
    elif kindless and source.fallback_kind is None:
        warnings.append(say("harvest.no_category", events=events, published=published))
    return warnings
