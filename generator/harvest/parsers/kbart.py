"""KBART title lists (NISO RP-9-2014): tab-separated UTF-8 with a header row -> title records."""

from __future__ import annotations

import csv
from datetime import date

from ...messages import listed, say
from .. import clean
from ..identifiers import title_id
from . import ParseError, Parsed
from .text import decode

REQUIRED = ("publication_title", "title_url")


def parse_kbart(body: bytes, content_type: str | None, *, title_kind: str, today: date) -> Parsed:
    text = decode(body, content_type, xml=False)
    if "\x00" in text:
        raise ParseError(say("parse.nul"))
    # KBART forbids quoting: a '"' inside a title is a character, not a delimiter.
    rows = csv.reader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE, strict=False)
    header = [name.strip().lower() for name in next(rows, [])]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise ParseError(say("parse.kbart_header", missing=listed(missing)))
    column = {name: index for index, name in enumerate(header)}
    parsed = Parsed()
    for row in rows:
        if not any(cell.strip() for cell in row):
            continue
        get = lambda name: row[column[name]].strip() if name in column and column[name] < len(row) else ""  # noqa: E731
        parsed.add(_record(get, title_kind, today))
    return parsed


def _record(get, title_kind: str, today: date) -> dict | None:
    title = clean.plain(get("publication_title"))
    url = clean.safe_url(get("title_url"))
    ident = title_id([get("online_identifier"), get("print_identifier")], get("title_id") or url)
    if not title or ident is None:
        return None
    published = None
    for name in ("date_monograph_published_online", "date_monograph_published_print", "date_first_issue_online"):
        published = clean.checked_date(clean.parse_date(get(name)), today)
        if published:
            break
    author = clean.plain(get("first_author") or get("first_editor"), limit=120)
    return {
        "id": ident,
        "title": title,
        "authors": [author] if author else [],
        "summary_html": clean.summary_html(get("notes"), html_input=False),
        "url": url,
        "kind": title_kind,
        "language": None,
        "published": published.isoformat() if published else None,
    }
