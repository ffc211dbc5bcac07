"""Read a built site folder into the checker's SiteTree (the I/O edge of the link checker)."""

from __future__ import annotations

from pathlib import Path

from .check import SiteTree
from .parse import parse_page, stylesheet_links

# Material ships source maps next to its bundles; they hold no link a reader follows.
_SKIPPED_SUFFIXES = (".map",)


def read_site(folder: Path) -> SiteTree:
    """Every file of the built site, with its HTML pages and stylesheets parsed."""
    files = sorted(
        path for path in folder.rglob("*")
        if path.is_file() and not path.name.endswith(_SKIPPED_SUFFIXES)
    )
    relative = {path: path.relative_to(folder).as_posix() for path in files}
    pages = {
        relative[path]: parse_page(path.read_text(encoding="utf-8", errors="replace"))
        for path in files if path.suffix == ".html"
    }
    sheets = {
        relative[path]: stylesheet_links(path.read_text(encoding="utf-8", errors="replace"))
        for path in files if path.suffix == ".css"
    }
    return SiteTree(frozenset(relative.values()), pages, sheets)
