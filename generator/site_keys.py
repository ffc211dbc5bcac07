"""Whole sites kept between builds: a site whose inputs are unchanged is not generated again.

The most frequent edits change one event, post or page, which one portal shows (its
library's, the news of its towns) or only the pro site: the other sites would be generated
and indexed again for nothing.

A site's work tree and its search index derive from the package's code, every file of
data/ but data/events/ and mkdocs.yml (read before the project is loaded), its own look
(themes/<look>/, read likewise), the site and its URL, the build's day, the events the
site shows, each with whether it is over at the build's time (the agenda's "upcoming" and
"past"), whether each notice of the resources it shows is shown at that time, the pages, posts and news it shows, and the editors' images (content/images/, which
every site publishes: any of its pages may show one). The view a site is generated from holds
only the events and the content it shows (`shown_events_only`, `shown_content_only`), so a
key that matches cannot hide a dependency on what another site shows.
The pro site also reads the looks of the public portals: their logos are on its posters.

Nothing else under content/ reaches a site: the loader reads only its Markdown files and
content/images/ (load/project.py), and work_tree.py copies into a work tree only the images.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from pydantic import BaseModel

from .digests import code_digest, data_digest, files_digest
from .families import FORMAT, TITLES_LEAVE_OUT
from .load.images import IMAGES_DIR
from .models.graph import Page, Post
from .view.resource_status import notice_state
from .view.site_view import SiteView

# What every site reads besides data/: the engine's base settings and the editors' images. Its
# look is read by folder (THEMES/<look>/); its pages and posts through its view.
ENGINE_SETTINGS = ("mkdocs.yml",)
EVERY_SITE_READS = (*ENGINE_SETTINGS, IMAGES_DIR)
THEMES = "themes"


@dataclass(frozen=True)
class InputDigests:
    """Digests of the project's files, read once per build before loading it."""

    titles: str  # data/ but data/events/: the title family's inputs
    sites: str  # the same, with mkdocs.yml and content/images/: every site's inputs but its look, events and content
    looks: tuple[tuple[str, str], ...] = ()  # (folder of themes/, digest of its files), sorted

    def look(self, name: str) -> str:
        """The digest of themes/<name>/ ("" when there is no such folder)."""
        return dict(self.looks).get(name, "")


def input_digests(root: Path) -> InputDigests:
    titles = data_digest(root, TITLES_LEAVE_OUT)
    rest = files_digest(root, EVERY_SITE_READS)
    themes = root / THEMES
    folders = sorted(path.name for path in themes.iterdir() if path.is_dir()) if themes.is_dir() else []
    looks = tuple((name, files_digest(root, (f"{THEMES}/{name}",))) for name in folders)
    return InputDigests(titles, hashlib.blake2b(f"{titles}\0{rest}".encode(), digest_size=20).hexdigest(), looks)


def shown_events_only(view: SiteView) -> SiteView:
    """The view, its graph cut down to the events the site shows (and their source files)."""
    shown = {event.id: event for event in view.events}
    graph = view.graph
    view.graph = dataclasses.replace(
        graph, events=MappingProxyType(shown),
        sources=MappingProxyType({key: file for key, file in graph.sources.items()
                                  if key[0] != "events" or key[1] in shown}))
    return view


def shown_content_only(view: SiteView) -> SiteView:
    """The view, its graph cut down to the pages, posts and news the site shows (in the graph's order)."""
    pages, posts = {id(page) for page in view.pages}, {id(post) for post in view.posts}
    graph = view.graph
    view.graph = dataclasses.replace(graph, pages=tuple(page for page in graph.pages if id(page) in pages),
                                     posts=tuple(post for post in graph.posts if id(post) in posts))
    return view


def site_key(inputs: InputDigests, view: SiteView, site_url: str | None) -> str:
    """The key of a site's work tree and search index."""
    events = hashlib.blake2b(digest_size=20)
    for event in view.events:
        events.update(event.model_dump_json().encode())
        events.update(b"\0past\0" if event.end < view.now else b"\0upcoming\0")
    content = hashlib.blake2b(digest_size=20)
    for item in [*view.pages, *view.posts]:  # in the order the site shows them
        content.update(_dump(item).encode() + b"\0")
    # A notice may start or end at a time of day: whether each is shown, as events' past/upcoming.
    notices = [[res.id, [notice_state(notice, view.now) for notice in res.notices]]
               for res in view.resources if res.notices]
    parts = [FORMAT, code_digest(), inputs.sites, view.site.look, inputs.look(view.site.look), view.site.id, site_url,
             view.now.date().isoformat(), events.hexdigest(), content.hexdigest(), notices]
    if view.site.kind == "pro":  # the posters of each public portal show its logo (pages/mediation.py)
        parts.append([[site.look, inputs.look(site.look)] for site in view.graph.sites if site.kind == "public"])
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


def _dump(item: Page | Post) -> str:
    """Every field of a page or post (its front matter, its body, its file), as JSON."""
    fields = {field.name: getattr(item, field.name) for field in dataclasses.fields(item)}
    return json.dumps({name: value.model_dump(mode="json") if isinstance(value, BaseModel) else value
                       for name, value in fields.items()}, sort_keys=True)
