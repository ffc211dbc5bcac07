"""Whole sites kept between builds: a site whose inputs are unchanged is not generated again.

The most frequent edit changes one event, which one portal shows (its library's) or only
the pro site: the other sites would be generated and indexed again for nothing.

A site's work tree and its search index derive from the package's code, every file of
data/ but data/events/, content/, themes/ and mkdocs.yml (read before the project is
loaded), the site and its URL, the build's day, and the events the site shows, each with
whether it is over at the build's time (the agenda's "upcoming" and "past"). The view a
site is generated from holds only the events it shows (`shown_events_only`), so a key
that matches cannot hide a dependency on another site's events.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from .digests import code_digest, data_digest, files_digest
from .families import FORMAT, TITLES_LEAVE_OUT
from .view.site_view import SiteView

# What a site reads besides data/: its pages and posts, its looks, the engine's base settings.
PROJECT_INPUTS = ("content", "themes", "mkdocs.yml")


@dataclass(frozen=True)
class InputDigests:
    """Digests of the project's files, read once per build before loading it."""

    titles: str  # data/ but data/events/: the title family's inputs
    sites: str  # the same, with content/, themes/ and mkdocs.yml: every site's inputs but its events


def input_digests(root: Path) -> InputDigests:
    titles = data_digest(root, TITLES_LEAVE_OUT)
    rest = files_digest(root, PROJECT_INPUTS)
    return InputDigests(titles, hashlib.blake2b(f"{titles}\0{rest}".encode(), digest_size=20).hexdigest())


def shown_events_only(view: SiteView) -> SiteView:
    """The view, its graph cut down to the events the site shows (and their source files)."""
    shown = {event.id: event for event in view.events}
    graph = view.graph
    view.graph = dataclasses.replace(
        graph, events=MappingProxyType(shown),
        sources=MappingProxyType({key: file for key, file in graph.sources.items()
                                  if key[0] != "events" or key[1] in shown}))
    return view


def site_key(inputs: str, view: SiteView, site_url: str | None) -> str:
    """The key of a site's work tree and search index: `inputs` is InputDigests.sites."""
    events = hashlib.blake2b(digest_size=20)
    for event in view.events:
        events.update(event.model_dump_json().encode())
        events.update(b"\0past\0" if event.end < view.now else b"\0upcoming\0")
    parts = [FORMAT, code_digest(), inputs, view.site.id, site_url, view.now.date().isoformat(), events.hexdigest()]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()
