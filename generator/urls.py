"""How a browser reads the scheme of a URL: one judgement for every link we check.

WHATWG URL parsing drops leading and trailing C0 controls and spaces, and removes every
tab and newline inside, before it reads the scheme; an attribute's character references
are decoded before that (`&#106;avascript:` is `javascript:`). Callers give the decoded
value (an HTML parser's attribute, a YAML string).
"""

from __future__ import annotations

import re

LINK_SCHEMES = frozenset({"https", "http", "mailto", "tel"})
"""What an editor's link may point to, besides a relative address or an #anchor."""

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_AROUND = "".join(chr(c) for c in range(0x21))  # C0 controls and space
_INSIDE = str.maketrans("", "", "\t\n\r")


def as_browser_reads(url: str) -> str:
    """`url` as the URL parser sees it before reading the scheme."""
    seen = url.strip(_AROUND)
    if "\t" in seen or "\n" in seen or "\r" in seen:
        seen = seen.translate(_INSIDE)
    return seen


def url_scheme(url: str) -> str | None:
    """The scheme a browser reads in `url`, lower case; None for a relative address."""
    match = _SCHEME.match(as_browser_reads(url))
    return match[1].lower() if match else None


def is_safe_link(url: str) -> bool:
    """A relative address, an #anchor, or an absolute one with an allowed scheme."""
    scheme = url_scheme(url)
    return scheme is None or scheme in LINK_SCHEMES


# --- editors' images (content/images/, published at images/ in every site) ---------------------

IMAGES_FOLDER = "images"
"""Where a site publishes content/images/: the web editor writes `/images/<name>` (its public folder)."""

IMAGE_EXTENSIONS = frozenset({".png", ".jpg", ".jpeg", ".webp", ".gif", ".avif"})
"""Raster images only: an SVG opened on the site's own address would run its scripts there."""

_NAME_PART = r"[A-Za-z0-9][A-Za-z0-9._-]*"  # starts with a letter or digit: never '.', '..' nor a hidden file
IMAGE_NAME = re.compile(rf"(?:{_NAME_PART}/)?{_NAME_PART}")
"""An image's path under content/images/: a name, or one sub-folder and a name; ASCII, no spaces."""

_LOCAL_IMAGE = re.compile(rf"/?{IMAGES_FOLDER}/({IMAGE_NAME.pattern})")


def local_image(src: str) -> str | None:
    """The name under content/images/ that an editor's image address names (`/images/x.png`, the
    web editor's form, or `images/x.png`), or None for any other address (remote, data:, ../…)."""
    match = _LOCAL_IMAGE.fullmatch(src)
    if match is None or not match[1].lower().endswith(tuple(IMAGE_EXTENSIONS)):
        return None
    return match[1]
