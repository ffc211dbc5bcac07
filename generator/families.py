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
from datetime import datetime
from types import MappingProxyType

from .models.graph import NetworkGraph
from .models.site import Site
from .outputs.api import api_dump, titles_documents
from .outputs.marc import catalogue_files
from .outputs.opds import title_feed_files
from .pages.public import page_adder, title_pages
from .view.site_view import SiteView
from .digests import code_digest

TITLES = "titles"
# What the title family never reads: data/events/ (its graph has no events), content/ (no posts or pages).
TITLES_LEAVE_OUT = ("data/events",)
FORMAT = 3  # 3: hidden files of the project count in the keys


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
    files.update(catalogue_files(view))
    return files


def titles_view(graph: NetworkGraph, site: Site, now: datetime) -> SiteView:
    return SiteView.build(titles_graph(graph), site, now)


def titles_key(inputs: str, site: Site, site_url: str | None, now: datetime) -> str:
    """The title family's key: `inputs` is data_digest(root, TITLES_LEAVE_OUT), read before loading."""
    parts = [FORMAT, code_digest(), inputs, site.id, site_url, now.date().isoformat()]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()
