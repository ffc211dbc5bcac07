"""iCalendar (RFC 5545) agendas: pure functions from events to bytes, no I/O.

Every value is set through the `icalendar` library, which escapes text (`;`, `,`,
`\\`, newlines), folds lines at 75 octets and ends them with CRLF. Nothing here
reads the clock: DTSTAMP is the build's reference time, so the same inputs give
byte-identical output.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, timezone
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

from icalendar import Calendar, Timezone
from icalendar import Event as IcsEvent

from ..models.event import Event
from ..models.library import Library

PRODID = "-//bibnum//bibnum//FR"
TZID = "Europe/Paris"
PARIS = ZoneInfo(TZID)
_STATUS = {"scheduled": "CONFIRMED", "cancelled": "CANCELLED", "postponed": "TENTATIVE"}

# Minimal Markdown → plain text, for DESCRIPTION (calendar clients show raw text).
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
_QUOTE = re.compile(r"^ {0,3}> ?", re.MULTILINE)
_BULLET = re.compile(r"^([ \t]*)[*+-][ \t]+", re.MULTILINE)
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?!\*)|(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])")
_CODE = re.compile(r"`+([^`]+)`+")
_BLANK_LINES = re.compile(r"\n{3,}")


def calendar_ics(
    events: Sequence[Event],
    *,
    name: str,
    libraries: Mapping[str, Library],
    site_url: str,
    stamp: datetime,
    uid_domain: str,
    event_url: Callable[[Event], str],
) -> bytes:
    """One VCALENDAR holding `events` (sorted by start, then id), ready to write as `.ics`.

    `stamp` is the build's reference time (timezone-aware), used as every DTSTAMP.
    `event_url` gives each event's page; a relative result is resolved against `site_url`.
    """
    if stamp.tzinfo is None or stamp.utcoffset() is None:
        raise ValueError("stamp must be timezone-aware (the build's reference time, e.g. in UTC)")
    dtstamp = stamp.astimezone(timezone.utc)
    ordered = sorted(events, key=lambda e: (e.start, e.id))

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TZID)
    calendar.add_component(_paris_timezone(ordered, dtstamp))
    for event in ordered:
        url = urljoin(site_url, event_url(event))
        calendar.add_component(_vevent(event, libraries, url, dtstamp, uid_domain))
    return calendar.to_ical()


def _paris_timezone(events: Sequence[Event], stamp: datetime) -> Timezone:
    """VTIMEZONE for Europe/Paris covering the events' years (or the stamp's year if none)."""
    if events:
        first_year = min(e.start for e in events).year
        last_year = max(e.end for e in events).year
    else:
        first_year = last_year = stamp.year
    return Timezone.from_tzid(TZID, first_date=date(first_year, 1, 1), last_date=date(last_year + 1, 1, 1))


def _vevent(event: Event, libraries: Mapping[str, Library], url: str, dtstamp: datetime, uid_domain: str) -> IcsEvent:
    vevent = IcsEvent()
    # A harvested event keeps its agenda's UID, so calendar clients see one event, not two.
    vevent.add("uid", event.uid or f"{event.id}@{uid_domain}")
    vevent.add("dtstamp", dtstamp)
    vevent.add("dtstart", event.start.replace(tzinfo=PARIS))
    if event.end > event.start:
        # RFC 5545 §3.8.2.2: DTEND must be later than DTSTART; without it the event is instantaneous.
        vevent.add("dtend", event.end.replace(tzinfo=PARIS))
    vevent.add("summary", event.title)
    vevent.add("description", _description(event, url))
    library = libraries.get(event.library) if event.library else None
    location = _location(event, library)
    if location:
        vevent.add("location", location)
    if library is not None and library.geo is not None:
        vevent.add("geo", (library.geo.lat, library.geo.lon))
    vevent.add("url", url)
    vevent.add("status", _STATUS[event.status])
    vevent.add("categories", [event.kind])
    return vevent


def _location(event: Event, library: Library | None) -> str | None:
    if library is not None:
        address = library.address
        return f"{library.name}, {address.street}, {address.postcode} {address.city}"
    return event.place or event.online_url


def _description(event: Event, url: str) -> str:
    parts = [event.summary, markdown_to_text(event.description), url]
    return "\n\n".join(part for part in parts if part)


def markdown_to_text(markdown: str) -> str:
    """Editor's Markdown as readable plain text (links keep their address in brackets)."""
    text = markdown.replace("\r\n", "\n")
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(lambda m: m[1] if m[1] == m[2] else f"{m[1]} ({m[2]})", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    text = _HEADING.sub(r"\1", text)
    text = _QUOTE.sub("", text)
    text = _BULLET.sub(r"\1• ", text)
    text = _STRONG.sub(r"\2", text)
    text = _EMPHASIS.sub(lambda m: m[1] or m[2], text)
    text = _CODE.sub(r"\1", text)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", text).strip()
