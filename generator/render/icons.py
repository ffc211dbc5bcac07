"""Inline SVG icons from mkdocs-material's bundled icon sets (no network, no emoji extension)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import material
from markupsafe import Markup

_ICONS = Path(material.__file__).resolve().parent / "templates" / ".icons"
_NAME = re.compile(r"^[a-z0-9-]+/[a-z0-9-]+$")


@lru_cache(maxsize=256)
def icon_svg(name: str | None, default: str = "material/web") -> Markup:
    """The icon `set/name` as decorative inline SVG (hidden from screen readers)."""
    for candidate in (name, default):
        if candidate and _NAME.match(candidate):
            path = _ICONS / f"{candidate}.svg"
            if path.is_file():
                svg = path.read_text(encoding="utf-8").strip()
                return Markup(svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" class="bn-icon" ', 1))
    return Markup("")
