"""Stored harvest records -> Title and Event models for the graph (pure; used by validate.py).

Titles can number tens of thousands: each record gets a cheap check of what the
Title model would enforce, then `model_construct` (full pydantic validation of
50,000 titles would cost seconds on every build). Summaries are sanitized again
here: the files sit in the repository and anyone could edit them by hand.
Events are few and get full validation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Mapping

from pydantic import ValidationError

from ..messages import item_name, say
from ..models.event import Event
from ..models.source import Source
from ..models.taxonomy import Term
from ..models.title import Title
from ..render.markdown import sanitize_harvested_html
from ..schema_errors import explain, resolve
from .categories import kind_names, kind_of
from ..gc_pause import paused_gc

_BAD_TEXT = re.compile(r"[<>\x00-\x08\x0b-\x1f\x7f]")
# Exactly what sanitize_harvested_html can output: allowlisted tags without attributes, and
# links to http(s) with our rel. One C-level fullmatch instead of nh3 on every summary;
# anything else (a hand-edited file) goes through nh3. Possessive quantifiers never backtrack.
_CLEAN_SUMMARY = re.compile(
    r'(?:[^<]++|</?(?:p|br|strong|em|b|i|ul|ol|li|blockquote|a)>'
    r'|<a (?:href="https?://[^"<>]*" )?rel="noopener noreferrer nofollow">)*+'
)
_LANGUAGE = re.compile(r"^[a-z]{2}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
KINDS = frozenset({"livre", "presse", "video", "audio", "cours", "autre"})


@dataclass
class Harvested:
    titles: dict[str, tuple[Title, ...]] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (file, message)


def harvested(sources: list[Source], stores: Mapping[str, tuple[str, dict[str, Any]]],
              event_kinds: Mapping[str, Term]) -> Harvested:
    """Titles by resource (newest first) and events of every declared source that has a store file.

    Files of sources no longer declared in data/sources.yml are ignored. The preview loads
    the very same parsed stores again after each edit (load.project.ParseCache): when every
    store is the same object as last time and the sources and kinds are equal, the last
    result is given again instead of building tens of thousands of titles anew.
    """
    global _last
    key = (list(sources), sorted((sid, file, id(data)) for sid, (file, data) in stores.items()),
           sorted(event_kinds.items()))
    if _last is not None and _last[0] == key:
        return _last[2]
    with paused_gc():
        result = _harvested(sources, stores, event_kinds)
    # The stores are kept with the key: an id is only unique while its object is alive.
    _last = (key, [data for _file, data in stores.values()], result)
    return result


_last: tuple[tuple, list[dict[str, Any]], Harvested] | None = None


def _harvested(sources: list[Source], stores: Mapping[str, tuple[str, dict[str, Any]]],
               event_kinds: Mapping[str, Term]) -> Harvested:
    out = Harvested()
    by_resource: dict[str, dict[str, Title]] = {}
    for source in sources:
        if source.id not in stores:
            continue
        file, data = stores[source.id]
        state = data.get("state", {})
        success = str(state.get("last_success") or "")[:10]
        records = data.get("records", [])
        if source.resource is not None:
            titles = by_resource.setdefault(source.resource, {})
            for index, record in enumerate(records):
                reason = _title_problem(record)
                if reason is not None:
                    out.problems.append((file, say("harvest.record", record=item_name("records", index + 1),
                                                   reason=reason, source=source.id)))
                    break
                title = _title(record, source, success)
                known = titles.get(title.id)
                if known is None or title.first_seen < known.first_seen:
                    titles[title.id] = title
        else:
            names = kind_names(source, event_kinds)
            for index, record in enumerate(records):
                kind = kind_of(record.get("categories") or [], names) or source.fallback_kind
                if kind is None:
                    continue  # no kind: not published, and said so in the harvest report
                try:
                    event = _event(record, source, kind)
                except (ValidationError, KeyError, TypeError, ValueError) as exc:
                    out.problems.append((file, say("harvest.record", record=item_name("records", index + 1),
                                                   reason=say("harvest.not_an_event", why=_short(exc)),
                                                   source=source.id)))
                    break
                out.events[event.id] = event
    for resource, titles in by_resource.items():
        out.titles[resource] = tuple(sorted(
            titles.values(), key=lambda t: (t.first_seen, t.published or date.min, t.id), reverse=True))
    return out


def _title_problem(r: dict[str, Any]) -> str | None:
    if not isinstance(r.get("title"), str) or not r["title"].strip() or _BAD_TEXT.search(r["title"]):
        return say("harvest.title")
    authors = r.get("authors", [])
    try:
        names_ok = isinstance(authors, list) and all(authors) and not _BAD_TEXT.search("".join(authors))
    except TypeError:  # a name that is not text
        names_ok = False
    if not names_ok:
        return say("harvest.authors")
    if not isinstance(r.get("summary_html", ""), str):
        return say("harvest.summary")
    url = r.get("url")
    if url is not None and not (isinstance(url, str) and url.startswith(("https://", "http://"))):
        return say("harvest.url")
    if r.get("kind", "autre") not in KINDS:
        return say("harvest.kind", kinds=", ".join(sorted(KINDS)))
    lang = r.get("language")
    if lang is not None and not (isinstance(lang, str) and _LANGUAGE.match(lang)):
        return say("harvest.language")
    for key in ("published", "first_seen", "last_seen"):
        value = r.get(key)
        if value is not None and not (isinstance(value, str) and _DATE.match(value) and _valid_date(value)):
            return say("harvest.date", key=key)
    if r.get("first_seen") is None:
        return say("harvest.first_seen")
    return None


def _valid_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _title(r: dict[str, Any], source: Source, success: str) -> Title:
    first_seen = date.fromisoformat(r["first_seen"])
    last_seen = r.get("last_seen") or (success if _DATE.match(success) else None)
    return Title.model_construct(
        id=r["id"],
        resource=source.resource,
        source=source.id,
        title=" ".join(r["title"].split()),
        authors=list(r.get("authors", [])),
        summary_html=_summary(r.get("summary_html") or ""),
        url=r.get("url"),
        kind=r.get("kind", "autre"),
        language=r.get("language"),
        published=date.fromisoformat(r["published"]) if r.get("published") else None,
        first_seen=first_seen,
        last_seen=max(first_seen, date.fromisoformat(last_seen)) if last_seen else first_seen,
    )


def _summary(html: str) -> str:
    return html if _CLEAN_SUMMARY.fullmatch(html) else sanitize_harvested_html(html)


def _event(r: dict[str, Any], source: Source, kind: str) -> Event:
    return Event.model_validate({
        "id": r["id"],
        "uid": r["uid"],
        "source": source.id,
        "title": r["title"],
        "kind": kind,
        "scope": "public",
        "start": datetime.fromisoformat(r["start"]),
        "end": datetime.fromisoformat(r["end"]),
        "library": source.library,
        "audiences": list(source.audiences),
        "summary": r.get("summary") or r["title"],
        # Plain text without < or > (cleaned at harvest): Markdown shows it as written,
        # and any link syntax in it is sanitized like an editor's.
        "description": _beyond(r.get("description", ""), r.get("summary") or r["title"]),
        "registration_url": r.get("url"),
        "online_url": r.get("online_url"),
        "status": r.get("status", "scheduled"),
    })


def _beyond(description: str, summary: str) -> str:
    """The description, unless the summary already says all of it (shown just above it)."""
    return "" if " ".join(description.split()) == summary else description


def _short(exc: Exception) -> str:
    """Why a record is not an event, in French (the first error is enough to say the file is damaged)."""
    if isinstance(exc, ValidationError):
        err = exc.errors(include_url=False)[0]
        spot = resolve(Event, tuple(err["loc"]))
        where = ".".join(str(step) for step in spot.path)
        return f"{where} : {explain(err, spot)}" if where else explain(err, spot)
    if isinstance(exc, KeyError) and exc.args:
        return say("harvest.missing_key", key=exc.args[0])
    return say("harvest.broken", kind=exc.__class__.__name__)
