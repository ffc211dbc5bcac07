"""Where the hostile payloads land in a built site, read from its HTML files (pure, no browser).

Opening every page of the hostile build in Chromium took minutes, yet most pages repeat
another: the same template, the same markup around a payload, the same payload. A page is
summed up by its *places*: for every text or attribute value holding a payload trace, the
markup around it (the tag and class names of its nearest ancestors, the attribute's name)
and which payload traces it holds, on a page of a given *shape* (its site, and the data-*
attributes and scripts it carries: what the page's scripts act on). `stand_ins` picks pages
until every place of every page is covered, so the browser opens at least one page for each
distinct place a payload reaches, on every shape of page.

`static_findings` is the browser's DOM inspection done on the file itself, for every page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

# What survives of a payload in a page, whatever escaping it went through: each family sets
# window.__x (its number follows), the meta-refresh and style families name evil.example,
# the template family multiplies 12345 by 9, and every hostile value starts "Texte piégé".
TRACE = re.compile(r"__x=\d+|__x|evil\.example|12345\*9|piégé")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_ANCESTORS = 4  # how many enclosing elements name a place
_CONTENT_ONLY = {"iframe", "object", "embed", "base", "form"}  # never injected into an article
_PAGE_FORMS = ("data-bn-filter", "data-bn-chooser-form")  # bibnum's own forms in the content


def traces(text: str) -> frozenset[str]:
    return frozenset(TRACE.findall(text))


def _scheme(value: str) -> str:
    """A URL as the browser reads its scheme: ASCII whitespace and controls dropped."""
    return re.sub(r"[\x00-\x20]", "", value).lower()


@dataclass
class PageReading:
    shape: frozenset[str] = field(default_factory=frozenset)
    places: set[tuple] = field(default_factory=set)  # (ancestors, attribute or '#text', traces)
    findings: list[str] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.content_depth: int | None = None  # depth of the .md-content element, once inside it
        self.shape: set[str] = set()
        self.places: set[tuple] = set()
        self.findings: list[str] = []

    def _where(self, extra: str = "") -> str:
        return ">".join([*self.stack[-_ANCESTORS:], extra] if extra else self.stack[-_ANCESTORS:])

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        classes = values.get("class", "").split()
        me = tag + "".join("." + c for c in sorted(classes))
        for name, value in values.items():
            if name.startswith("data-"):
                self.shape.add(name)
            if name.startswith("on"):
                self.findings.append(f"{tag} {name}={value[:60]}")
            if _scheme(value).startswith(("javascript:", "vbscript:", "data:text/html")):
                self.findings.append(f"{tag} {name}={value[:60]}")
            if name == "srcdoc":
                self.findings.append(f"{tag} srcdoc")
            found = traces(value)
            if found:
                self.places.add((self._where(me), name, found))
        if tag == "script":
            self.shape.add("script " + values.get("src", "inline"))
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            self.findings.append(f"meta refresh {values.get('content')}")
        if tag in _CONTENT_ONLY and self.content_depth is not None:
            if tag != "form" or not any(name in values for name in _PAGE_FORMS):
                self.findings.append(f"{tag} in the content")
        if tag not in _VOID:
            self.stack.append(me)
            if self.content_depth is None and "md-content" in classes:
                self.content_depth = len(self.stack)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index].split(".", 1)[0] == tag:
                del self.stack[index:]
                break
        if self.content_depth is not None and len(self.stack) < self.content_depth:
            self.content_depth = None

    def handle_data(self, data: str) -> None:
        found = traces(data)
        if found:
            self.places.add((self._where(), "#text", found))


def read_page(html: str, site: str) -> PageReading:
    """The page's shape, the places of its payloads, and what a live payload would have left."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return PageReading(frozenset({f"site {site}", *reader.shape}), reader.places, reader.findings)


def stand_ins(readings: dict[str, PageReading]) -> list[str]:
    """Pages (keys of READINGS) that together hold every (shape, place) of all pages, and one
    page of every shape: greedily, the page adding most that is not yet covered first."""
    keys = {page: {(r.shape, *place) for place in r.places} | {(r.shape, "page")} for page, r in readings.items()}
    left = set().union(*keys.values())
    chosen: list[str] = []
    while left:
        best = max(sorted(keys), key=lambda page: len(keys[page] & left))
        chosen.append(best)
        left -= keys[best]
    return chosen
