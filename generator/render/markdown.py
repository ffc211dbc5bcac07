"""Editors' Markdown fields -> sanitized HTML (they are untrusted input)."""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from html.parser import HTMLParser

import markdown
import nh3
from markupsafe import Markup

from ..urls import LINK_SCHEMES, local_image

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
def markdown_html(text: str, images: str | None = None) -> Markup:
    """Render Markdown and keep only a small allowlist of tags, attributes and URL schemes.

    `images`: the address of the site's images/ folder from where the HTML is shown (`../../images/`
    in a page two levels deep, the absolute one in a feed); an editor's image of content/images/
    (`/images/x.png` or `images/x.png`) is shown from there. Without it, images are left out.
    """
    # Headings h1-h2 belong to the page layout: an editor's '# x' becomes h3 and below.
    html = _convert(text, editor=True)
    html = html.replace("<h1>", "<h3>").replace("</h1>", "</h3>").replace("<h2>", "<h3>").replace("</h2>", "</h3>")
    return Markup(sanitize_html(html, images))


@lru_cache(maxsize=65536)  # pure; harvested summaries leave through several outputs of several sites
def sanitize_html(html: str, images: str | None = None) -> str:
    """HTML kept to the allowlist; with `images` (see markdown_html), <img> of content/images/ too."""
    if images is None:
        return nh3.clean(html, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes=set(LINK_SCHEMES),
                         attribute_filter=_link_href, link_rel="noopener noreferrer", strip_comments=True)
    cleaned = nh3.clean(
        html,
        tags=_TAGS | {"img"},
        attributes={**_ATTRIBUTES, "img": {"src", "alt"}},
        # Parsed by nh3 first: the value it hands over is the attribute as a browser reads it.
        attribute_filter=lambda tag, attribute, value: _image_src(images, tag, attribute, _link_href(tag, attribute, value)),
        url_schemes=set(LINK_SCHEMES),
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    return _SERIALIZED_IMG.sub(lambda m: m[0] if ' src="' in m[0] else "", cleaned) if "<img" in cleaned else cleaned


# An <img> as nh3 serializes it: every attribute double-quoted, '"' inside escaped, '<' in text
# escaped; one whose src was removed shows nothing and is left out.
_SERIALIZED_IMG = re.compile(r'<img(?: [a-z-]+="[^"]*")*>')


# A link's scheme read with every space and control left out: Markdown turns a tab in
# `[x](java<TAB>script:…)` into spaces, which nh3 keeps as a relative address. No browser would
# run it, but no reader needs it either: such a link is dropped.
_SPACED_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*:")


def _link_href(tag: str, attribute: str, value: str | None) -> str | None:
    if value is None or tag != "a" or attribute != "href":
        return value
    squeezed = re.sub(r"[\x00-\x20]", "", value).lower()
    scheme = _SPACED_SCHEME.match(squeezed)
    return None if scheme and squeezed != value.lower() and scheme[0][:-1] not in LINK_SCHEMES else value


def _image_src(images: str, tag: str, attribute: str, value: str | None) -> str | None:
    """An image's src names a file of content/images/, shown from `images`; any other src is removed:
    a remote one would make the reader's browser call another site (DESIGN.md §10)."""
    if tag != "img" or attribute != "src":
        return value
    name = local_image(value)
    return None if name is None else images + name


class _Images(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)  # attribute values decoded, as a browser reads them
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            values = dict(attrs)
            self.found.append((values.get("src") or "", values.get("alt") or ""))

    handle_startendtag = handle_starttag


def markdown_images(text: str) -> list[tuple[str, str]]:
    """The (src, alt) of every image an editor's Markdown field writes in Markdown (`![alt](src)`),
    for check. Raw <img> tags are left to the sanitizer, which keeps only those of content/images/."""
    parser = _Images()
    parser.feed(_convert(text.replace("<", "&lt;"), editor=True))
    parser.close()
    return parser.found


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
