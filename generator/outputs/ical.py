"""iCalendar (RFC 5545) agendas: pure functions from events to bytes, no I/O.

Every value is set through the `icalendar` library, which escapes text (`;`, `,`,
`\\`, newlines), folds lines at 75 octets and ends them with CRLF. Nothing here
reads the clock: DTSTAMP is given by the caller (the start of the build's day),
so the same inputs give byte-identical output.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, timezone
from functools import lru_cache
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

from icalendar import Calendar, Timezone
from icalendar import Event as IcsEvent

from ..i18n import text as _
from ..models.event import Event
from ..models.library import Library
from .locations import day_start

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
    vevents: Mapping[str, bytes] | None = None,
) -> bytes:
    """One VCALENDAR holding `events` (sorted by start, then id), ready to write as `.ics`.

    `stamp` (timezone-aware) is every DTSTAMP: see `day_stamp` for the one the build uses.
    `event_url` gives each event's page; a relative result is resolved against `site_url`.
    `vevents`: event id -> its VEVENT text (`vevent_ics`) made with these same arguments,
    already serialised for another calendar of the site; the others are serialised here.
    """
    _check_stamp(stamp)
    ordered = sorted(events, key=lambda e: (e.start, e.id))
    if ordered:
        years = (min(e.start for e in ordered).year, max(e.end for e in ordered).year)
    else:
        years = (stamp.astimezone(PARIS).year,) * 2
    # An event shows in its own file, the agenda and its library's calendar: the caller
    # serialises each VEVENT once and the calendar is the concatenation of its pieces, which
    # is exactly what Calendar.to_ical() writes for the same components.
    given = vevents or {}
    parts = [_calendar_head(name), _paris_timezone(*years)]
    for event in ordered:
        text = given.get(event.id)
        if text is None:
            text = vevent_ics(event, libraries=libraries, site_url=site_url, stamp=stamp, uid_domain=uid_domain,
                              event_url=event_url)
        parts.append(text)
    parts.append(b"END:VCALENDAR\r\n")
    return b"".join(parts)


def vevent_ics(
    event: Event,
    *,
    libraries: Mapping[str, Library],
    site_url: str,
    stamp: datetime,
    uid_domain: str,
    event_url: Callable[[Event], str],
) -> bytes:
    """One event's VEVENT, as every calendar holding it writes it (the arguments of `calendar_ics`).

    It reads the event, its library, the site's address, the stamp and the UID domain, never
    the calendar it goes into: the same text serves the event's file, its library's and the agenda.
    """
    _check_stamp(stamp)
    url = _resolve(site_url, event_url(event))
    library = libraries.get(event.library) if event.library else None
    return _vevent(event, library, url, stamp.astimezone(timezone.utc), uid_domain)


def _check_stamp(stamp: datetime) -> None:
    if stamp.tzinfo is None or stamp.utcoffset() is None:
        raise ValueError("stamp must be timezone-aware (the build's reference time, e.g. in UTC)")


@lru_cache(maxsize=16384)  # pure; urljoin parses both addresses, for every event of every calendar
def _resolve(site_url: str, url: str) -> str:
    return urljoin(site_url, url)


def day_stamp(now: datetime) -> datetime:
    """The DTSTAMP of a build at `now` (naive Paris time): the start of its day, in UTC.

    With METHOD:PUBLISH, DTSTAMP is when the calendar object was created (RFC 5545
    §3.8.7.2); events carry no revision time to derive it from, and the build's exact
    time would rewrite every .ics on every build. Midnight keeps a day's builds identical.
    """
    return day_start(now).astimezone(timezone.utc)


@lru_cache(maxsize=1024)
def _calendar_head(name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TZID)
    head = calendar.to_ical()
    return head[: -len(b"END:VCALENDAR\r\n")]


@lru_cache(maxsize=64)
def _paris_timezone(first_year: int, last_year: int) -> bytes:
    """VTIMEZONE for Europe/Paris covering the given years."""
    return Timezone.from_tzid(
        TZID, first_date=date(first_year, 1, 1), last_date=date(last_year + 1, 1, 1)).to_ical()


def _vevent(event: Event, library: Library | None, url: str, dtstamp: datetime, uid_domain: str) -> bytes:
    geo = (library.geo.lat, library.geo.lon) if library is not None and library.geo is not None else None
    # A harvested event keeps its agenda's UID, so calendar clients see one event, not two.
    return _vevent_ical(
        event.uid or f"{event.id}@{uid_domain}", dtstamp, event.start, event.end, event.title,
        _description(event, url), _location(event, library), geo, url, event.status, _categories(event))


def _categories(event: Event) -> tuple[str, ...]:
    """CATEGORIES (RFC 5545 §3.8.1.2): the event's kind, then its series, by their taxonomy ids.

    A series is a category and not a RELATED-TO: RELATED-TO names another calendar
    component by its UID (§3.8.4.5), and a series is no component of the calendar.
    """
    return (event.kind, event.series) if event.series else (event.kind,)


def _vevent_ical(uid: str, dtstamp: datetime, start: datetime, end: datetime, summary: str, description: str,
                 location: str | None, geo: tuple[float, float] | None, url: str, status: str,
                 categories: tuple[str, ...]) -> bytes:
    vevent = IcsEvent()
    vevent.add("uid", uid)
    vevent.add("dtstamp", dtstamp)
    vevent.add("dtstart", start.replace(tzinfo=PARIS))
    if end > start:
        # RFC 5545 §3.8.2.2: DTEND must be later than DTSTART; without it the event is instantaneous.
        vevent.add("dtend", end.replace(tzinfo=PARIS))
    vevent.add("summary", summary)
    vevent.add("description", description)
    if location:
        vevent.add("location", location)
    if geo is not None:
        vevent.add("geo", geo)
    vevent.add("url", url)
    vevent.add("status", _STATUS[status])
    vevent.add("categories", list(categories))
    return vevent.to_ical()


def _location(event: Event, library: Library | None) -> str | None:
    if library is not None:
        address = library.address
        return f"{library.name}, {address.street}, {address.postcode} {address.city}"
    return event.place or event.online_url


def _description(event: Event, url: str) -> str:
    # An edition's theme has no property of its own in RFC 5545: it is a line of the text.
    theme = f"{_('agenda.theme')} : {event.theme}" if event.theme else ""
    parts = [event.summary, theme, markdown_to_text(event.description), url]
    return "\n\n".join(part for part in parts if part)


@lru_cache(maxsize=4096)
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
