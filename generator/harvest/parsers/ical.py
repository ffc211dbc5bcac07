"""iCalendar agendas (an OpenAgenda `.ics` export or any RFC 5545 file) -> event records.

Each VEVENT keeps its UID; its id on the portal is a slug derived from the UID
alone, so a re-harvested event (new time, new title) updates the same page.
Recurrence rules are not expanded: OpenAgenda exports one VEVENT per date.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar

from ...messages import say
from ...models.base import NAME_MAX
from .. import clean
from . import ParseError, Parsed
from .text import decode

PARIS = ZoneInfo("Europe/Paris")
KEEP_PAST = timedelta(days=366)
KEEP_AHEAD = timedelta(days=2 * 366)
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
MAX_DESCRIPTION = 4000


def parse_ical(body: bytes, content_type: str | None, *, source_id: str, today: date) -> Parsed:
    text = decode(body, content_type, xml=False)
    try:
        calendar = Calendar.from_ical(text)
    except (ValueError, IndexError, KeyError):
        raise ParseError(say("parse.ical")) from None
    if calendar.name != "VCALENDAR":
        raise ParseError(say("parse.no_vcalendar"))
    parsed = Parsed()
    for component in calendar.walk("VEVENT"):
        try:
            record = _record(component, source_id, today)
        except (ValueError, TypeError, AttributeError, KeyError):
            record = None  # one unreadable event never spoils the others
        parsed.add(record)
    return parsed


def event_id(source_id: str, key: str) -> str:
    """A stable slug from the UID: readable part + hash, e.g. 'agenda-gien-evt-4521-3fa2b1c9'.

    An id names the event's files: the readable part is cut so that the whole stays within
    NAME_MAX (a source id of 38 characters at most keeps its 32 characters).
    """
    local = key.split("@", 1)[0]
    folded = unicodedata.normalize("NFKD", local.lower()).encode("ascii", "ignore").decode("ascii")
    room = min(32, NAME_MAX - len(source_id) - 10)  # the two hyphens and the digest's 8 characters
    readable = _NOT_SLUG.sub("-", folded).strip("-")[:max(room, 0)].strip("-")
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:8]
    return "-".join(part for part in (source_id, readable, digest) if part)


def _record(component, source_id: str, today: date) -> dict | None:
    uid = clean.plain(component.get("UID"), limit=255)
    title = clean.plain(component.get("SUMMARY"), limit=200)
    if not uid or not title or component.get("DTSTART") is None:
        return None
    key = uid
    if component.get("RECURRENCE-ID") is not None:
        key = f"{uid}#{_local(component.decoded('RECURRENCE-ID'), end=False).isoformat()}"
    start = _local(component.decoded("DTSTART"), end=False)
    if component.get("DTEND") is not None:
        end = _local(component.decoded("DTEND"), end=True)
    elif component.get("DURATION") is not None:
        end = start + component.decoded("DURATION")
    else:
        end = start
    end = max(end, start)
    now = datetime.combine(today, time())
    if not (now - KEEP_PAST <= start <= now + KEEP_AHEAD):
        return None
    description = _paragraphs(component.get("DESCRIPTION"))
    url = clean.safe_url(str(component.get("URL") or ""))
    return {
        "uid": key,
        "id": event_id(source_id, key),
        "title": title,
        "start": start.isoformat(timespec="minutes"),
        "end": end.isoformat(timespec="minutes"),
        "summary": clean.plain(description or title, limit=240),
        "description": description,
        "url": url if url and url.startswith("https://") else None,
        "status": "cancelled" if str(component.get("STATUS", "")).upper() == "CANCELLED" else "scheduled",
        "categories": _categories(component.get("CATEGORIES")),
    }


def _local(value: date | datetime, *, end: bool) -> datetime:
    """Paris local time without offset (what the Event model holds)."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(PARIS)
        return value.replace(tzinfo=None, second=0, microsecond=0)
    if end:  # an all-day DTEND is exclusive: the event ends the evening before
        return datetime.combine(value - timedelta(days=1), time(23, 59))
    return datetime.combine(value, time())


def _paragraphs(value: object) -> str:
    text = str(value or "").replace("\r\n", "\n")[:MAX_DESCRIPTION]
    paragraphs = (clean.plain(part, limit=MAX_DESCRIPTION) for part in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paragraphs if p)


def _categories(value: object) -> list[str]:
    items = value if isinstance(value, list) else [value] if value is not None else []
    names: list[str] = []
    for item in items:
        for cat in getattr(item, "cats", None) or [item]:
            text = clean.plain(cat, limit=80)
            if text and text not in names:
                names.append(text)
    return names[:10]
