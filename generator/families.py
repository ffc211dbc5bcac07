"""Output families: outputs a build can keep from the previous one when their inputs are unchanged.

The mass of a public portal's outputs derives from its harvested titles: the title
listings, the OPDS title feeds and the API's title documents (about half of the
generation time of a large network). The most frequent edits (an event, a post, a
page) cannot change them, so an incremental build keeps them as they are.

A family is generated from a view of the graph *restricted* to what its key covers:
no events, posts or pages. It cannot read what the key leaves out, so a key that
matches cannot hide a dependency. The key is a digest of the package's code, the site,
the build's day and the bytes of every file under data/ but data/events/ (read before
the project is loaded: a file saved during the build makes the next key differ).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from datetime import datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from types import MappingProxyType

from .models.graph import NetworkGraph
from .models.site import Site
from .outputs.api import api_dump, titles_documents
from .outputs.opds import title_feed_files
from .pages.public import page_adder, title_pages
from .view.site_view import SiteView
from .writer import atomic_write

TITLES = "titles"
PACKAGE = Path(__file__).resolve().parent
# What the title family never reads: data/events/ (its graph has no events), content/ (no posts or pages).
TITLES_LEAVE_OUT = ("data/events",)
FORMAT = 2
# Libraries whose output goes into generated files as it is; mkdocs-material's icons are
# inlined in pages (generator/render/icons.py).
GENERATING_LIBRARIES = ("Jinja2", "Markdown", "PyYAML", "pydantic", "icalendar", "nh3", "babel",
                        "snowballstemmer", "PyStemmer", "mkdocs-material")


def titles_graph(graph: NetworkGraph) -> NetworkGraph:
    """The graph the title family is generated from: without events, posts and pages."""
    return dataclasses.replace(
        graph, events=MappingProxyType({}), posts=(), pages=(),
        sources=MappingProxyType({key: file for key, file in graph.sources.items() if key[0] != "events"}))


def title_files(view: SiteView) -> dict[str, str | bytes]:
    """{docs path: content} of the title family of a public portal (empty for the pro site)."""
    if view.site.kind != "public":
        return {}
    files: dict[str, str | bytes] = {}
    title_pages(view, page_adder(view, files))
    files.update(title_feed_files(view))
    files.update(api_dump(titles_documents(view)))
    return files


def titles_view(graph: NetworkGraph, site: Site, now: datetime) -> SiteView:
    return SiteView.build(titles_graph(graph), site, now)


def titles_key(inputs: str, site: Site, site_url: str | None, now: datetime) -> str:
    """The title family's key: `inputs` is data_digest(root, TITLES_LEAVE_OUT), read before loading."""
    parts = [FORMAT, code_digest(), inputs, site.id, site_url, now.date().isoformat()]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


def data_digest(root: Path, leave_out: tuple[str, ...]) -> str:
    """A digest of the path and bytes of every file under ROOT/data, but those under `leave_out`."""
    return files_digest(root, ("data",), leave_out)


def files_digest(root: Path, parts: tuple[str, ...], leave_out: tuple[str, ...] = ()) -> str:
    """A digest of the path and bytes of every file in `parts` (files or folders of ROOT),
    but those under `leave_out`; a missing part counts as empty."""
    digest = hashlib.blake2b(digest_size=20)
    skipped = tuple(root / part for part in leave_out)
    for part in parts:
        top = root / part
        for path in list_files(top) if top.is_dir() else [top] if top.is_file() else []:
            if any(path == folder or folder in path.parents for folder in skipped):
                continue
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            try:
                digest.update(path.read_bytes())
            except OSError:
                digest.update(b"\1unreadable")
            digest.update(b"\0")
    return digest.hexdigest()


_code: str | None = None


def code_digest() -> str:
    """A digest of the generator package's files (code, templates, schemas, strings) and of the
    versions of the libraries that write what it generates: a developer's change to any of
    them, or an upgrade, makes every family's key differ."""
    global _code
    if _code is None:
        digest = hashlib.blake2b(digest_size=20)
        for path in list_files(PACKAGE):
            if "__pycache__" not in path.parts:
                digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
        for library in GENERATING_LIBRARIES:
            try:
                digest.update(f"{library}=={version(library)}\0".encode())
            except PackageNotFoundError:
                digest.update(f"{library} missing\0".encode())
        _code = digest.hexdigest()
    return _code


def list_files(folder: Path) -> list[Path]:
    """Every file under FOLDER, sorted, hidden files and folders left out."""
    found = []
    for parent, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [Path(parent) / name for name in sorted(names) if not name.startswith(".")]
    return found


class FamilyMemo:
    """What a site's work tree holds of one family: its key and its paths (STATE/families/<site>/<family>.json).

    The record is dropped before a family is written again and saved once its files are
    all written, so that it never names files a failed build left half-done.
    """

    def __init__(self, folder: Path, family: str):
        self.path = folder / f"{family}.json"

    def paths_for(self, key: str, work_tree: Path) -> list[str] | None:
        """The family's paths in the work tree if it was generated with `key` and is still there."""
        try:
            record = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(record, dict) or record.get("key") != key or not isinstance(record.get("paths"), list):
            return None
        paths = [str(p) for p in record["paths"]]
        return paths if all((work_tree / p).is_file() for p in paths) else None

    def forget(self) -> None:
        self.path.unlink(missing_ok=True)

    def remember(self, key: str, paths: list[str]) -> None:
        atomic_write(self.path, json.dumps({"key": key, "paths": sorted(paths)}).encode("utf-8"))
