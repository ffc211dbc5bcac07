"""Read an OpenAgenda agenda through its API v2, every page of it (I/O edge).

`GET <url>?key=…&detailed=1&size=…&timings[gte]=…&timings[lte]=…&after[]=…`, where the
source's url is the agenda's events address (`https://api.openagenda.com/v2/agendas/<uid>/events`);
each page gives the `after` cursor of the next one. The pages' events are joined into one
document of a page's shape, which the parser reads and whose digest says "unchanged".
The key comes from the environment only and never appears in a message or a stored file.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

from ..messages import say
from .http import FetchError, Fetched, Limits, fetch
from .parsers.ical import KEEP_AHEAD, KEEP_PAST
from .parsers.openagenda import read_page

KEY_VARIABLE = "OPENAGENDA_KEY"
PAGE_SIZE = 100
MAX_PAGES = 500  # 50,000 events: far beyond a library network's agenda; a server looping on its cursor stops


def fetch_agenda(url: str, *, key: str | None, today: date, max_bytes: int, limits: Limits = Limits()) -> Fetched:
    if not key:
        raise FetchError(say("fetch.openagenda_key", variable=KEY_VARIABLE))
    events: list = []
    after: list | None = None
    size = 0
    cursors: set[str] = set()
    for _page in range(MAX_PAGES):
        if size >= max_bytes:
            raise FetchError(say("fetch.too_large", limit=max_bytes))
        try:
            fetched = fetch(page_address(url, key, today, after), Path("."), max_bytes=max_bytes - size, limits=limits)
        except FetchError as exc:
            raise FetchError(str(exc).replace(key, "…")) from None
        size += len(fetched.body)
        page, after = read_page(fetched.body)
        events.extend(page)
        if after is None or not page:
            body = json.dumps({"events": events}, ensure_ascii=False, sort_keys=True).encode("utf-8")
            return Fetched(body, content_type="application/json", url=url)
        cursor = json.dumps(after)
        if cursor in cursors:  # the same page again: the listing would never end
            raise FetchError(say("fetch.openagenda_cursor"))
        cursors.add(cursor)
    raise FetchError(say("fetch.openagenda_pages", pages=MAX_PAGES))


def page_address(url: str, key: str, today: date, after: list | None) -> str:
    """The address of one page: the source's own query first, then ours (events of the portal's window)."""
    parts = urlsplit(url)
    start = datetime.combine(today, time()) - KEEP_PAST
    end = datetime.combine(today, time()) + KEEP_AHEAD
    ours = [("key", key), ("detailed", "1"), ("size", str(PAGE_SIZE)),
            ("timings[gte]", start.date().isoformat()), ("timings[lte]", end.date().isoformat())]
    ours += [("after[]", str(value)) for value in after or []]
    query = "&".join(part for part in (parts.query, urlencode(ours)) if part)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))
