"""A long Markdown page cut at its headings, each with the anchor the engine gives it (pure)."""

from __future__ import annotations

import html
import re

from markdown.extensions.toc import slugify

from ..render.markdown import plain_text

_HEADING = re.compile(r"^(#{2,3})\s+(.+?)\s*#*\s*$", re.M)
_FENCE = re.compile(r"^(```|~~~)", re.M)
_LINK_TARGET = re.compile(r"\]\([^)\s]*\)")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>|<!--.*?-->", re.S)
_MARKUP = re.compile(r"[`*#>|~\[\]]+")


def markdown_sections(text: str) -> list[tuple[str, str, str]]:
    """[(heading as plain text, anchor, section body as plain text)] for every ## and ### heading.

    Anchors follow Python-Markdown's `toc` extension (the engine's): `slugify` of the
    heading's text, then `_1`, `_2`... for repeats, so a result opens at its heading.
    """
    if _FENCE.search(text):
        text = re.sub(r"^(```|~~~).*?^\1\s*$", "", text, flags=re.M | re.S)  # no headings inside code
    matches = list(_HEADING.finditer(text))
    seen: set[str] = set()
    sections = []
    for index, match in enumerate(matches):
        heading = html.unescape(plain_text(match.group(2)))
        anchor = _unique(slugify(heading, "-"), seen)
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        sections.append((heading, anchor, markdown_text(text[match.end():end])))
    return sections


def markdown_text(text: str) -> str:
    """Markdown -> its words, cheaply: link targets, tags and markup signs dropped.

    Only for indexing (thousands of event descriptions): a full Markdown render costs
    a millisecond each; headings, which readers see, go through `plain_text`.
    """
    text = _MARKUP.sub(" ", _TAG.sub(" ", _LINK_TARGET.sub("]", text)))
    return " ".join(html.unescape(text).split())


def _unique(anchor: str, seen: set[str]) -> str:
    candidate, n = anchor, 0
    while candidate in seen:
        n += 1
        candidate = f"{anchor}_{n}"
    seen.add(candidate)
    return candidate
