"""RSS / Atom feeds and OPDS 1.x acquisition feeds -> title records, through feedparser.

feedparser only ever gets bytes in a stream (never a URL or a path: a string
would make it open a file or fetch a URL), already decoded strictly and
re-encoded as UTF-8, and only after entity declarations were refused.
"""

from __future__ import annotations

import io
import re
from datetime import date
from typing import Any

import feedparser

from ...messages import say
from .. import clean
from ..identifiers import title_id
from . import ParseError, Parsed
from .text import decode, refuse_entities

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_ACQUISITION = "http://opds-spec.org/acquisition"


def parse_feed(body: bytes, content_type: str | None, *, kind: str, title_kind: str, today: date) -> Parsed:
    text = decode(body, content_type, xml=True)
    refuse_entities(text)
    data = ('<?xml version="1.0" encoding="utf-8"?>\n' + _XML_DECL.sub("", text, count=1)).encode("utf-8")
    result = feedparser.parse(
        io.BytesIO(data),
        response_headers={"content-type": "application/xml; charset=utf-8"},
        sanitize_html=False,  # nh3 does it, with our allowlist
        resolve_relative_uris=False,
    )
    if result.get("bozo"):
        raise ParseError(say("parse.xml", at=_at_line(result.get("bozo_exception"))))
    if not result.get("version"):
        raise ParseError(say("parse.not_feed"))
    if kind == "opds" and not str(result["version"]).startswith("atom"):
        raise ParseError(say("parse.opds_not_atom", version=result["version"]))
    feed_language = clean.language(result.get("feed", {}).get("language"))
    parsed = Parsed()
    for entry in result.get("entries", []):
        parsed.add(_record(entry, kind=kind, title_kind=title_kind, today=today, feed_language=feed_language))
    return parsed


def _record(entry: Any, *, kind: str, title_kind: str, today: date, feed_language: str | None) -> dict | None:
    title_detail = entry.get("title_detail") or {}
    title = clean.plain(entry.get("title"), html_input="html" in str(title_detail.get("type", "")))
    guid = str(entry.get("id") or "").strip()
    link = _link(entry, kind)
    identifiers = [str(v) for k, v in entry.items() if k.endswith("_identifier") and isinstance(v, str)]
    if guid.lower().startswith(("urn:", "isbn:", "issn:")):
        identifiers.append(guid)
    ident = title_id(identifiers, guid or entry.get("link") or link)
    if not title or ident is None:
        return None
    return {
        "id": ident,
        "title": title,
        "authors": _authors(entry),
        "summary_html": _summary(entry),
        "url": link,
        "kind": title_kind,
        "language": clean.language(_first(entry, "language")) or feed_language,
        "published": _published(entry, today),
    }


def _link(entry: Any, kind: str) -> str | None:
    links = [link for link in entry.get("links", []) if isinstance(link, dict)]
    page = [l.get("href") for l in links if l.get("rel", "alternate") == "alternate" and "html" in str(l.get("type", "html"))]
    if kind == "opds":
        acquisition = [l.get("href") for l in links if str(l.get("rel", "")).startswith(_ACQUISITION)]
        candidates = page + acquisition
    else:
        candidates = [entry.get("link")] + page
    return next((url for url in map(clean.safe_url, candidates) if url), None)


def _authors(entry: Any) -> list[str]:
    names = [a.get("name") for a in entry.get("authors", []) if isinstance(a, dict)] or [entry.get("author")]
    out: list[str] = []
    for name in names:
        text = clean.plain(name, limit=120)
        if text and text not in out:
            out.append(text)
    return out[:20]


def _summary(entry: Any) -> str:
    detail = entry.get("summary_detail")
    if not detail and entry.get("content"):
        detail = entry["content"][0]
    if not detail:
        return ""
    return clean.summary_html(detail.get("value"), html_input="html" in str(detail.get("type", "html")))


def _published(entry: Any, today: date) -> str | None:
    for key in ("published", "updated"):
        # The date as the publisher wrote it (feedparser's struct is in UTC: a book out
        # on 12 November at 00:00+02:00 would show the 11th).
        written = clean.parse_date(entry.get(key))
        moment = entry.get(f"{key}_parsed")
        if written is not None:
            found = clean.checked_date(written, today)
            return found.isoformat() if found else None
        if moment:
            try:
                found = clean.checked_date(date(moment.tm_year, moment.tm_mon, moment.tm_mday), today)
            except ValueError:
                return None
            return found.isoformat() if found else None
    return None


def _first(entry: Any, suffix: str) -> Any:
    if entry.get(suffix):
        return entry[suffix]
    return next((v for k, v in entry.items() if k.endswith("_" + suffix) and v), None)


def _at_line(exc: object) -> str:
    """' à la ligne 12' when the XML parser says where (its own words are English), else ''."""
    line = getattr(exc, "getLineNumber", lambda: None)()
    # The document is parsed behind one line of our own (the XML declaration above).
    return say("parse.at_line", line=max(1, line - 1)) if isinstance(line, int) else ""
