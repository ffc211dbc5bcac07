"""What a built page holds for the link checker: its anchors, its links and its access links (pure)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser

# Attributes that point at another resource, by element. `srcset` holds a list.
_URL_ATTRS = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "embed": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "object": ("data",),
    "form": ("action",),
    "use": ("href", "xlink:href"),
    "image": ("href", "xlink:href"),
}
_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]*)\1\s*\)""")


@dataclass(frozen=True)
class Link:
    """One URL written in a file, where it was written (1-based line and column)."""

    url: str
    line: int
    column: int
    element: str = ""
    attribute: str = ""


@dataclass(frozen=True)
class AccessLinkSeen:
    """A link into a provider (DESIGN.md §6): the access button, or one library's entry in the chooser.

    `library` is None for the page's access button, "" for the chooser's network-wide
    link and the library id for a library's own link.
    """

    url: str
    library: str | None
    line: int
    column: int


@dataclass(frozen=True)
class PageFacts:
    ids: frozenset[str]
    links: tuple[Link, ...]
    access: tuple[AccessLinkSeen, ...]


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[Link] = []
        self.access: list[AccessLinkSeen] = []
        self._config: list[str] | None = None  # text of Material's <script id="__config">
        self._config_at = (1, 1)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line, offset = self.getpos()
        column = offset + 1
        values = {name: value for name, value in attrs}
        for name in ("id",) + (("name",) if tag == "a" else ()):
            if values.get(name):
                self.ids.add(values[name])  # type: ignore[arg-type]
        for attribute in _URL_ATTRS.get(tag, ()):
            value = values.get(attribute)
            if value is None:
                continue
            urls = _srcset(value) if attribute == "srcset" else [value]
            self.links.extend(Link(url.strip(), line, column, tag, attribute) for url in urls)
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            target = _refresh_target(values.get("content") or "")
            if target is not None:
                self.links.append(Link(target, line, column, tag, "content"))
        if tag == "a" and "data-bn-access-button" in values and values.get("href") is not None:
            self.access.append(AccessLinkSeen(values["href"].strip(), None, line, column))  # type: ignore[union-attr]
        elif tag == "a" and "data-library" in values and values.get("href") is not None:
            self.access.append(AccessLinkSeen(values["href"].strip(), values["data-library"] or "", line, column))  # type: ignore[union-attr]
        elif tag == "option" and values.get("data-href") is not None:
            self.access.append(AccessLinkSeen(values["data-href"].strip(), values.get("value") or "", line, column))  # type: ignore[union-attr]
        if tag == "script" and values.get("id") == "__config":
            self._config, self._config_at = [], (line, column)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        if self._config is not None:
            self._config.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._config is not None:
            self.links.extend(_config_links("".join(self._config), *self._config_at))
            self._config = None


def parse_page(text: str) -> PageFacts:
    """Every id (and <a name>), every URL attribute and every access link of one HTML page."""
    collector = _Collector()
    collector.feed(text)
    collector.close()
    return PageFacts(frozenset(collector.ids), tuple(collector.links), tuple(collector.access))


def stylesheet_links(text: str) -> tuple[Link, ...]:
    """The url(...) references of a CSS file, with their positions."""
    links = []
    for match in _CSS_URL.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        links.append(Link(match[2].strip(), line, column, "css", "url"))
    return tuple(links)


def _srcset(value: str) -> list[str]:
    return [candidate.split()[0] for candidate in value.split(",") if candidate.split()]


def _refresh_target(content: str) -> str | None:
    match = re.search(r"url\s*=\s*['\"]?([^'\"]+)", content, re.IGNORECASE)
    return match[1].strip() if match else None


def _config_links(text: str, line: int, column: int) -> list[Link]:
    """Material loads its search worker from the page's JSON config: that file must exist too."""
    try:
        config = json.loads(text)
    except ValueError:
        return []
    worker = config.get("search") if isinstance(config, dict) else None
    return [Link(worker, line, column, "script", "__config.search")] if isinstance(worker, str) and worker else []
