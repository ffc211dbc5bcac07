"""Editors' Markdown fields -> sanitized HTML (they are untrusted input)."""

from __future__ import annotations

import threading
from functools import lru_cache

import markdown
import nh3
from markupsafe import Markup

from ..urls import LINK_SCHEMES

_TAGS = {
    "p", "br", "strong", "em", "b", "i", "a", "ul", "ol", "li", "blockquote", "code", "pre",
    "h3", "h4", "h5", "h6", "hr", "abbr", "table", "thead", "tbody", "tr", "th", "td",
}
_ATTRIBUTES = {"a": {"href", "title", "hreflang"}, "abbr": {"title"}, "th": {"scope"}}


_converters = threading.local()  # Markdown objects are not thread-safe; each thread keeps its own


def _convert(text: str, editor: bool) -> str:
    """markdown.markdown(), without building a new Markdown object (most of its cost) per call."""
    name = "editor" if editor else "plain"
    converter = getattr(_converters, name, None)
    if converter is None:
        converter = (markdown.Markdown(extensions=["tables", "sane_lists"], output_format="html") if editor
                     else markdown.Markdown())
        setattr(_converters, name, converter)
    return converter.reset().convert(text)


@lru_cache(maxsize=8192)
def markdown_html(text: str) -> Markup:
    """Render Markdown and keep only a small allowlist of tags, attributes and URL schemes."""
    # Headings h1-h2 belong to the page layout: an editor's '# x' becomes h3 and below.
    html = _convert(text, editor=True)
    html = html.replace("<h1>", "<h3>").replace("</h1>", "</h3>").replace("<h2>", "<h3>").replace("</h2>", "</h3>")
    return Markup(sanitize_html(html))


@lru_cache(maxsize=65536)  # pure; harvested summaries leave through several outputs of several sites
def sanitize_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes=set(LINK_SCHEMES),
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def plain_text(text: str) -> str:
    """Markdown -> plain text (for feeds, calendars and meta descriptions)."""
    html = _convert(text, editor=False)
    return " ".join(nh3.clean(html, tags=set()).split())


# Harvested summaries (bibnum harvest): a smaller allowlist than editors get, no
# headings, tables or code; links only to http(s).
_HARVESTED_TAGS = {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "blockquote"}


def _absolute_links_only(tag: str, attribute: str, value: str) -> str | None:
    # A relative link in a provider's summary would point into our own site.
    if attribute == "href" and not value.strip().lower().startswith(("https://", "http://")):
        return None
    return value


def sanitize_harvested_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=_HARVESTED_TAGS,
        attributes={"a": {"href"}},
        attribute_filter=_absolute_links_only,
        url_schemes={"https", "http"},
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
