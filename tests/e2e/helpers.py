"""Helpers of the end-to-end tests: parsing built pages, resolving their links, hashing trees."""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

PUBLIC_SITES = ("calvados", "caen")
ALL_SITES = ("calvados", "caen", "pro")


@lru_cache(maxsize=1024)
def _parse(path: str, mtime_ns: int) -> BeautifulSoup:
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "html.parser")


def parse(path: Path) -> BeautifulSoup:
    """The parsed page (cached: tests only read the tree, never change it)."""
    assert path.is_file(), f"missing page {path}"
    return _parse(str(path), path.stat().st_mtime_ns)


def resolve(site_root: Path, page: Path, href: str) -> Path:
    """The file a relative link of `page` points to, checked to stay inside the site."""
    parts = urlsplit(href)
    assert not parts.scheme and not href.startswith("//"), f"{href!r} in {page} is not a relative link"
    assert not href.startswith("/"), f"{href!r} in {page} is root-absolute (breaks under a sub-path)"
    path = unquote(parts.path)
    if not path:
        return page
    target = Path(os.path.normpath(page.parent / path))
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    root = site_root.resolve()
    assert target == root or root in target.parents, f"{href!r} in {page} leaves the site"
    return target


def rel_parts(site_root: Path, target: Path) -> tuple[str, ...]:
    return target.relative_to(site_root.resolve()).parts


def text_of(element) -> str:
    """Visible text with every kind of space (U+00A0, U+202F...) normalised to one plain space."""
    return " ".join(element.get_text(" ").split())


def normalise(value: str) -> str:
    return " ".join(value.split())


def tree_digest(root: Path) -> dict[str, str]:
    """Relative path -> sha256 of every file under root (hidden staging/old folders included)."""
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def entries(root: Path) -> set[str]:
    """Every file and folder under root, as relative paths (to spot leftovers such as .staging-*)."""
    return {path.relative_to(root).as_posix() for path in root.rglob("*")}


def html_pages(site_dir: Path) -> list[Path]:
    return sorted(site_dir.rglob("*.html"))
