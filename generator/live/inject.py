"""The preview's script and stylesheet added to an HTML page as the preview server sends it (pure)."""

from __future__ import annotations

import html
import re

# A path no site uses: sites are served under /<site id>/, and an id never starts with "_".
PREFIX = "/__bibnum__/"
SCRIPT, STYLESHEET, EVENTS = f"{PREFIX}preview.js", f"{PREFIX}preview.css", f"{PREFIX}events"

_HEAD_END = re.compile(rb"</head\s*>", re.I)
_DOCTYPE = re.compile(rb"\A\s*<!doctype[^>]*>", re.I)


def tags(session: str, generation: int) -> bytes:
    """The stylesheet and script, the script told which server and which build served the page."""
    return (f'<link rel="stylesheet" href="{STYLESHEET}">'
            f'<script src="{SCRIPT}" data-events="{EVENTS}" data-session="{html.escape(session)}" '
            f'data-generation="{generation}" defer></script>').encode("ascii")


def inject(page: bytes, session: str, generation: int) -> bytes:
    """PAGE with the preview's tags at the end of its <head>, after the page's own
    Content-Security-Policy (a policy applies to what follows it); at its start when it has no head."""
    added = tags(session, generation)
    end = _HEAD_END.search(page)
    if end is not None:
        return page[:end.start()] + added + page[end.start():]
    doctype = _DOCTYPE.match(page)
    at = doctype.end() if doctype else 0
    return page[:at] + added + page[at:]
