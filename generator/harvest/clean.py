"""Make harvested values safe and plain: titles, names, HTML summaries, URLs, dates (pure).

Harvested text is untrusted: a title with '<' or control characters is cleaned,
not refused (the entry is still worth showing); a summary keeps a small HTML
allowlist; a URL keeps only http(s); a date too far in the future is dropped.
"""

from __future__ import annotations

import html
import re
from datetime import date, datetime, timedelta

import nh3

from ..access import AccessLinkError, check_url
from ..render.markdown import sanitize_harvested_html

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_ANGLE = re.compile(r"[<>]")
_SPACE = re.compile(r"\s+")
_LANGUAGE = re.compile(r"^([a-z]{2})(?:[-_].*)?$")
MAX_TITLE = 300
MAX_SUMMARY_HTML = 4000
MAX_SUMMARY_TEXT = 600
FUTURE_TOLERANCE = timedelta(days=2)


def plain(value: object, *, html_input: bool = False, limit: int = MAX_TITLE) -> str:
    """One line of plain text: markup removed (if `html_input`), no '<', '>' or control characters."""
    if value is None:
        return ""
    text = str(value)
    if html_input:
        text = html.unescape(nh3.clean(text, tags=set()))
    text = _SPACE.sub(" ", _ANGLE.sub("", _CONTROL.sub(" ", text))).strip()
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def summary_html(value: object, *, html_input: bool = True) -> str:
    """A short HTML fragment from the small allowlist, on one line (a blank line would end
    the raw HTML block in the Markdown page and let the rest be read as Markdown)."""
    if not value:
        return ""
    text = str(value)
    if not html_input:
        text = html.escape(plain(text, limit=MAX_SUMMARY_TEXT))
        return f"<p>{text}</p>" if text else ""
    cleaned = _SPACE.sub(" ", sanitize_harvested_html(_CONTROL.sub(" ", text))).strip()
    if len(cleaned) > MAX_SUMMARY_HTML:
        # Cutting HTML could leave a tag open: fall back to its text, escaped.
        return summary_html(html.unescape(nh3.clean(cleaned, tags=set())), html_input=False)
    if not plain(cleaned, html_input=True):
        return ""
    return cleaned


def safe_url(value: object) -> str | None:
    """The URL if it is an absolute http(s) address without tricks, else None."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return check_url(value.strip(), key="url", allow_http=True)
    except AccessLinkError:
        return None


def language(value: object) -> str | None:
    match = _LANGUAGE.match(str(value or "").strip().lower())
    return match[1] if match else None


def checked_date(value: date | None, today: date) -> date | None:
    """A publication date, or None when it lies beyond the tolerance in the future."""
    if value is None or value > today + FUTURE_TOLERANCE:
        return None
    return value


def parse_date(value: object) -> date | None:
    """'2026-11-20', '2026-11', '2026', '2026-11-20T10:00:00Z' -> a date; anything else -> None."""
    text = str(value or "").strip()
    try:
        if len(text) == 4 and text.isdigit():
            return date(int(text), 1, 1)
        if len(text) == 7 and text[4] == "-":
            return date(int(text[:4]), int(text[5:]), 1)
        if len(text) >= 10:
            if len(text) == 10:
                return date.fromisoformat(text)
            return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return None
    return None

