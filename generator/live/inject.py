"""The preview's script and stylesheet added to an HTML page as the preview server sends it (pure)."""

from __future__ import annotations

import html
import re

# A path no site uses: sites are served under /<site id>/, and an id never starts with "_".
PREFIX = "/__bibnum__/"
SCRIPT, STYLESHEET, EVENTS = f"{PREFIX}preview.js", f"{PREFIX}preview.css", f"{PREFIX}events"

_HEAD_END = re.compile(rb"</head\s*>", re.I)
_DOCTYPE = re.compile(rb"\A\s*<!doctype[^>]*>", re.I)
_META = re.compile(rb"<meta\s[^>]*>", re.I)
_ATTRIBUTE = re.compile(rb"""([\w-]+)\s*=\s*(["'])(.*?)\2""", re.S)


def tags(session: str, generation: int) -> bytes:
    """The stylesheet and script, the script told which server and which build served the page."""
    return (f'<link rel="stylesheet" href="{STYLESHEET}">'
            f'<script src="{SCRIPT}" data-events="{EVENTS}" data-session="{html.escape(session)}" '
            f'data-generation="{generation}" defer></script>').encode("ascii")


def runs_own_scripts(page: bytes) -> bool:
    """Whether PAGE's Content-Security-Policy (its <meta>) lets it run scripts of its own origin.

    The network's hub and the printable posters allow no script at all: they get no live script
    (it could not run, and the browser would report it blocked)."""
    for meta in _META.finditer(page):
        attributes = {name.decode("ascii").lower(): html.unescape(value.decode("utf-8", "replace"))
                      for name, _quote, value in _ATTRIBUTE.findall(meta[0])}
        if attributes.get("http-equiv", "").lower() != "content-security-policy":
            continue
        directives: dict[str, list[str]] = {}
        for directive in attributes.get("content", "").split(";"):
            if directive.split():
                name, *sources = directive.split()
                directives.setdefault(name.lower(), sources)  # the first of a name counts, as in browsers
        sources = directives.get("script-src", directives.get("default-src"))
        if sources is not None and "'self'" not in sources:
            return False
    return True


def inject(page: bytes, session: str, generation: int) -> bytes:
    """PAGE with the preview's tags at the end of its <head>, after the page's own
    Content-Security-Policy (a policy applies to what follows it); at its start when it has no head;
    PAGE as it is when its policy allows no script of its own origin."""
    if not runs_own_scripts(page):
        return page
    added = tags(session, generation)
    end = _HEAD_END.search(page)
    if end is not None:
        return page[:end.start()] + added + page[end.start():]
    doctype = _DOCTYPE.match(page)
    at = doctype.end() if doctype else 0
    return page[:at] + added + page[at:]
