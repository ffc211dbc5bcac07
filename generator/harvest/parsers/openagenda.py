"""OpenAgenda API v2 event lists (JSON) -> event records (pure).

A page of `GET /v2/agendas/{uid}/events?detailed=1` is `{"events": [...], "after": [...]}`
(generator/harvest/openagenda.py reads every page and joins their events into one
document of that shape). What each event gives:

- `uid` -> the record's UID `<uid>@openagenda.com` and its id (parsers/ical.event_id), so a
  re-harvested event updates the same page; `updatedAt` is kept, so a change counts as one;
- `title`, `description` (one line), `longDescription` (HTML or Markdown): `{fr: …}` (French,
  else the first language given), cleaned to plain text (clean.plain);
- `timings` [{begin, end}] -> one event per timing, in Paris local time without offset, as
  OpenAgenda's own .ics export gives one VEVENT per date and the portal's agenda lists dates;
  an event with several timings adds the start to its UID (`<uid>-20261128T1400@openagenda.com`);
- `status` -> 6 (annulé) `cancelled`, 4 (reporté) `postponed`, any other `scheduled`;
- `onlineAccessLink` -> the online link; `registration` [{type: link, value}] -> the
  registration link (https only); `keywords` {fr: [...]} -> categories (event kinds);
- `location` is not read: the source's `library` says where its events take place.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime, time
from typing import Any

from ...messages import say
from .. import clean
from . import ParseError, Parsed
from .ical import KEEP_AHEAD, KEEP_PAST, PARIS, event_id

MAX_DESCRIPTION = 4000
UID_DOMAIN = "openagenda.com"
STATUSES = {4: "postponed", 6: "cancelled"}
# Where HTML ends a block: a paragraph of the plain-text description.
_BLOCK_END = re.compile(r"<br\s*/?>|</(?:p|li|h[1-6]|div|blockquote)\s*>", re.IGNORECASE)


def read_page(body: bytes) -> tuple[list[Any], list[Any] | None]:
    """The events of one page and the cursor of the next one (None on the last page)."""
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise ParseError(say("parse.openagenda_json")) from None
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        raise ParseError(say("parse.openagenda_events"))
    after = data.get("after")
    return data["events"], after if isinstance(after, list) and after else None


def parse_openagenda(body: bytes, content_type: str | None, *, source_id: str, today: date) -> Parsed:
    events, _after = read_page(body)
    parsed = Parsed()
    for event in events:
        try:
            records = _records(event, source_id, today)
        except (ValueError, TypeError, AttributeError, KeyError):
            records = [None]  # one unreadable event never spoils the others
        for record in records:
            parsed.add(record)
    return parsed


def _records(event: dict, source_id: str, today: date) -> list[dict | None]:
    uid = clean.plain(event.get("uid"), limit=100)
    title = clean.plain(_localized(event.get("title")), limit=200)
    timings = [(_local(t["begin"]), _local(t["end"])) for t in event.get("timings") or []]
    if not uid or not title or not timings:
        return [None]
    now = datetime.combine(today, time())
    kept = sorted((start, max(start, end)) for start, end in timings
                  if now - KEEP_PAST <= start <= now + KEEP_AHEAD)
    if not kept:
        return [None]  # wholly outside the agenda's window, like a past .ics event
    summary = clean.plain(_localized(event.get("description")), html_input=True, limit=240)
    description = _paragraphs(_localized(event.get("longDescription"))) or summary
    status = event.get("status")
    status = status.get("id") if isinstance(status, dict) else status
    common = {
        "title": title,
        "summary": summary or title,
        "description": description,
        "url": _registration(event.get("registration")),
        "online_url": _https(event.get("onlineAccessLink")),
        "status": STATUSES.get(status, "scheduled") if isinstance(status, int) else "scheduled",
        "categories": _keywords(event.get("keywords")),
        "updated": clean.plain(event.get("updatedAt"), limit=40),
    }
    records: list[dict | None] = []
    for start, end in kept:
        key = f"{uid}@{UID_DOMAIN}" if len(timings) == 1 else f"{uid}-{start:%Y%m%dT%H%M}@{UID_DOMAIN}"
        records.append({"uid": key, "id": event_id(source_id, key), "start": start.isoformat(timespec="minutes"),
                        "end": end.isoformat(timespec="minutes"), **common})
    return records


def _localized(value: object) -> str:
    """French text of a `{fr: …, en: …}` value, else its first language; a plain string as is."""
    if isinstance(value, dict):
        texts = [value.get("fr"), *value.values()]
        return next((text for text in texts if isinstance(text, str) and text.strip()), "")
    return value if isinstance(value, str) else ""


def _local(value: object) -> datetime:
    """'2026-11-28T14:00:00+01:00' -> Paris local time without offset (what the Event model holds)."""
    moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    if moment.tzinfo is not None:
        moment = moment.astimezone(PARIS)
    return moment.replace(tzinfo=None, second=0, microsecond=0)


def _paragraphs(value: str) -> str:
    text = _BLOCK_END.sub("\n\n", value.replace("\r\n", "\n")[:MAX_DESCRIPTION])
    paragraphs = (clean.plain(part, html_input=True, limit=MAX_DESCRIPTION) for part in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paragraphs if p)


def _https(value: object) -> str | None:
    url = clean.safe_url(value)
    return url if url and url.startswith("https://") else None


def _registration(value: object) -> str | None:
    for item in value if isinstance(value, list) else []:
        if isinstance(item, dict) and item.get("type") == "link" and _https(item.get("value")):
            return _https(item.get("value"))
    return None


def _keywords(value: object) -> list[str]:
    items = value.get("fr") or next(iter(value.values()), []) if isinstance(value, dict) else value
    names: list[str] = []
    for item in items if isinstance(items, list) else []:
        text = clean.plain(item, limit=80)
        if text and text not in names:
            names.append(text)
    return names[:10]
