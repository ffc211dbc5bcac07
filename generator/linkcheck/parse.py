"""What a built page holds for the link checker: its anchors, its links and its access links (pure)."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass

from .htmlscan import data_until_end_tag, start_tags

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


# Start tags whose attributes matter besides an id: URL holders, meta refresh, the chooser's <option>.
_WANTED = frozenset(_URL_ATTRS) | {"meta", "option"}


def parse_page(text: str) -> PageFacts:
    """Every id (and <a name>), every URL attribute and every access link of one HTML page."""
    ids: set[str] = set()
    links: list[Link] = []
    access: list[AccessLinkSeen] = []
    # html.parser's getpos() of each tag's '<', kept up to date as offsets grow; column is 1-based.
    line, line_start, seen = 1, 0, 0
    deferred: tuple[int, list[Link]] = (-1, [])  # config links due once reading passes that offset
    for offset, tag, values, content, self_closing in start_tags(text, _WANTED):
        if deferred[1] and offset > deferred[0]:
            links.extend(deferred[1])
            deferred = (-1, [])
        ident = values.get("id")
        if ident:
            ids.add(ident)
        if tag not in _WANTED:
            continue
        newlines = text.count("\n", seen, offset)
        if newlines:
            line += newlines
            line_start = text.rindex("\n", seen, offset) + 1
        seen = offset
        column = offset - line_start + 1
        if tag == "a":  # most tags that matter: a fast path with the same outcome as the general one
            anchor = values.get("name")
            if anchor:
                ids.add(anchor)
            href = values.get("href")
            if href is not None:
                links.append(Link(href.strip(), line, column, tag, "href"))
                if "data-bn-access-button" in values:
                    access.append(AccessLinkSeen(href.strip(), None, line, column))
                elif "data-library" in values:
                    access.append(AccessLinkSeen(href.strip(), values["data-library"] or "", line, column))
            continue
        for attribute in _URL_ATTRS.get(tag, ()):
            value = values.get(attribute)
            if value is None:
                continue
            urls = _srcset(value) if attribute == "srcset" else [value]
            links.extend(Link(url.strip(), line, column, tag, attribute) for url in urls)
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            target = _refresh_target(values.get("content") or "")
            if target is not None:
                links.append(Link(target, line, column, tag, "content"))
        elif tag == "option" and (target := values.get("data-href")) is not None:
            access.append(AccessLinkSeen(target.strip(), values.get("value") or "", line, column))
        elif tag == "script" and ident == "__config":
            if content is not None:
                links.extend(_config_links(content, line, column))
            elif self_closing:
                deferred = _self_closed_config(text, offset, line, column)
    links.extend(deferred[1])
    return PageFacts(frozenset(ids), tuple(links), tuple(access))


def _self_closed_config(text: str, offset: int, line: int, column: int) -> tuple[int, list[Link]]:
    """The config links of a self-closed <script id="__config"/>, and where they are due.

    html.parser reports no end tag for it, so the html.parser-based checker took the text it
    reported next, up to the next </script>, as the config (another config script starting over),
    and listed the link when it met that end tag. Kept as it was: results stay the same.
    """
    found = data_until_end_tag(text, offset, "script", _is_config)
    return (found[1], _config_links(found[0], line, column)) if found else (-1, [])


def _is_config(tag: str, values: Mapping[str, str | None]) -> bool:
    return tag == "script" and values.get("id") == "__config"


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
