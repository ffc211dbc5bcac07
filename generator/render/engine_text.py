"""Text handed to the rendering engine, made inert for every way the engine prints it.

mkdocs-material's templates do not autoescape: they print the site's name, tagline and
copyright, menu labels, page and post titles, categories and authors raw, in HTML text, in
<title>, and in double-quoted attributes (`aria-label="{{ config.site_name }}"`,
`<meta name="description" content="{{ config.site_description }}">`). The rule, for every
such field (issue 12): it is plain text validated at load (`PlainText`: no '<', '>' nor
control character) and escaped here before the engine sees it.

- `html_text`: '&', '<', '>' and '"' as entities, which is right in HTML text, in <title> and
  in every double-quoted attribute. Apostrophes stay as they are: no attribute Material prints
  these strings in is single-quoted, and Material re-escapes them in places, where an escaped
  one would show as "&#x27;".
- `markdown_text`: the same, plus every character with a meaning in Markdown's inline syntax
  (links, emphasis, code, attribute lists, the usual extensions) as a numeric character
  reference. For strings the engine renders as Markdown as well as printing them into HTML:
  the blog plugin writes a post's title as `# {title}` above its excerpt, and a category's
  name as `# {name}` on the category's page. A reference is inert in Markdown and decodes to
  the same character in HTML, so the one string shows literally in both.
- `engine_url`: an address with every character a URL may not hold raw percent-encoded, so
  that it cannot end the attribute the engine prints it in (`<link rel="canonical" href=…>`).
- `markdown_inert_html`: sanitized HTML whose text is inert as Markdown too. Our templates
  write HTML into the Markdown pages the engine renders; an editor's Markdown field, once
  rendered and sanitized, may hold text outside any HTML block (what was left of a tag nh3
  removed), which the engine would otherwise read as Markdown again: `[x](javascript:…)`
  would become a live link after the sanitizer had seen only text.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from typing import Any
from urllib.parse import quote

from markupsafe import Markup

# Markdown's backslash-escapable punctuation that has an inline meaning, plus what
# pymdownx's inline extensions use (~~ ^^ == ++ :emoji: $math$ |tables|).
_MARKDOWN_INLINE = "\\`*_{}[]()#+!|~^=:$"
_REFERENCES = str.maketrans({char: f"&#{ord(char)};" for char in _MARKDOWN_INLINE})
# RFC 3986's reserved and unreserved characters, and '%' (already-encoded addresses stay as they are).
_URL_SAFE = ":/?#[]@!$&()*+,;=-._~%"


# A tag of serialized HTML: attribute values are double-quoted and may hold '>'.
_TAG = re.compile(r'(<(?:[^>"]|"[^"]*")*>)')


def html_text(value: str) -> str:
    """Plain text for the engine's HTML text and double-quoted attributes."""
    return html.escape(value, quote=False).replace('"', "&quot;")


def html_texts(value: Any) -> Any:
    """`value` with every string in it (in lists and mappings too) as `html_text`."""
    if isinstance(value, str):
        return html_text(value)
    if isinstance(value, list):
        return [html_texts(item) for item in value]
    if isinstance(value, dict):
        return {key: html_texts(item) for key, item in value.items()}
    return value


def markdown_text(value: str) -> Markup:
    """Plain text the engine may also render as Markdown; a Markup, so that front_matter keeps it as is."""
    return Markup(html_text(value).translate(_REFERENCES))


@lru_cache(maxsize=8192)  # the same descriptions come back on every site
def markdown_inert_html(safe_html: str) -> Markup:
    """Serialized, sanitized HTML with the Markdown punctuation of its text as references (tags untouched)."""
    parts = _TAG.split(str(safe_html))
    return Markup("".join(part if index % 2 else part.translate(_REFERENCES) for index, part in enumerate(parts)))


def engine_url(url: str) -> str:
    """A checked address, with whatever could end an HTML attribute percent-encoded."""
    return quote(url, safe=_URL_SAFE)
