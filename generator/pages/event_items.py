"""Each event's own outputs (its page's Markdown, its .ics and its VEVENT), kept between builds.

An event edit is the most frequent edit of a network, and a site shows thousands of events:
making every event page and calendar again for one edit was most of a site's generation.
Each event's outputs are kept in the state folder (item_cache.py) under two keys:

- its page: the event (its model dump and source file), whether it is over at the build's
  time, which of its resources the site shows then (a trial's resource only while the trial
  runs), and the context below;
- its .ics and VEVENT: the event, the build's day (every DTSTAMP), and the context below.

The context is the package's code, the bytes of every file under data/ but data/events/ (read
before the project is loaded: libraries, resources, groups, taxonomy, sites and their settings),
the site's id, kind and address, and the calendars' UID domain. An output missing from the
cache is made from a view restricted to that one event: its graph holds no other event, no
harvested titles, no page or post, so a key that matches cannot hide a dependency on them.
The event page reads the build's time only through "is it over" and the resources shown (a test builds on another
day and compares with a clean build); an output that read more would belong in its key.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections import ChainMap
from dataclasses import dataclass
from types import MappingProxyType

from ..digests import code_digest
from ..item_cache import ItemCache
from ..models.event import Event
from ..outputs.ical import calendar_ics, day_stamp, vevent_ics
from ..outputs.jsonld import event_script
from ..view import paths
from ..view.site_view import SiteView
from .environment import page

FORMAT = 1
TEMPLATE = "public/event.md.j2"  # the public portals' and the pro site's


@dataclass(frozen=True)
class EventCache:
    """Where a site's event outputs are kept, and the digest of the project's files they read."""

    items: ItemCache
    inputs: str  # digest of data/ but data/events/ (site_keys.InputDigests.titles), read before loading


@dataclass(frozen=True)
class EventOutputs:
    page: str  # the page's Markdown (paths.event)
    ics: bytes  # the event's own calendar (paths.event_ics)
    vevent: bytes  # its VEVENT, as its library's calendar and the agenda hold it


def event_outputs(view: SiteView, uid_domain: str, cache: EventCache | None = None) -> dict[str, EventOutputs]:
    """Each event of the view's outputs by event id, from the cache where their keys are found."""
    cache = cache or EventCache(ItemCache(), "")  # nothing kept: every output is made here
    context = _context(view, uid_domain, cache.inputs)
    day = view.now.date().isoformat()
    base: SiteView | None = None
    outputs: dict[str, EventOutputs] = {}
    for ev in view.events:
        source = view.graph.sources.get(("events", ev.id))
        event = f"{ev.model_dump_json()}\0{source}"
        # The page links the resources the site shows that day (a trial's only while it runs).
        shown = " ".join(rid for rid in ev.resources if rid in view.links)
        page_key = _digest(context, "page", event, "past" if ev.end < view.now else "upcoming", shown)
        calendar_key = _digest(context, "calendar", event, day)
        text, calendar = cache.items.get(page_key), cache.items.get(calendar_key)
        if not isinstance(text, str) or not _is_calendar(calendar):
            base = base or _without_events(view)
            one = _one_event(base, ev, source)
            if not isinstance(text, str):
                text = event_page(one, ev)
                cache.items.put(page_key, text)
            if not _is_calendar(calendar):
                calendar = event_calendar(one, ev, uid_domain)
                cache.items.put(calendar_key, calendar)
        ics, vevent = calendar
        outputs[ev.id] = EventOutputs(text, ics, vevent)
    return outputs


def event_page(view: SiteView, ev: Event) -> str:
    path = paths.event(ev.id)
    return page(TEMPLATE, {"title": ev.title, "description": ev.summary, "hide": ["toc"]}, view=view,
                base=paths.base_of(path), post_url=paths.post_url, ev=ev, jsonld=event_script(view, ev))


def event_calendar(view: SiteView, ev: Event, uid_domain: str) -> tuple[bytes, bytes]:
    """(the event's own .ics, its VEVENT)."""
    arguments = {"libraries": view.graph.libraries, "site_url": view.site.url, "stamp": day_stamp(view.now),
                 "uid_domain": uid_domain, "event_url": event_url(view)}
    vevent = vevent_ics(ev, **arguments)
    return calendar_ics([ev], name=ev.title, vevents={ev.id: vevent}, **arguments), vevent


def event_url(view: SiteView):
    """An event's page, as its calendars link it."""
    site_url = view.site.url
    return lambda ev: site_url + paths.link("event", ev.id)


def _context(view: SiteView, uid_domain: str, inputs: str) -> str:
    site = view.site
    return json.dumps([FORMAT, code_digest(), inputs, site.id, site.kind, site.url, uid_domain])


def _digest(*parts: str) -> str:
    return hashlib.blake2b("\0".join(parts).encode("utf-8", "surrogateescape"), digest_size=20).hexdigest()


def _is_calendar(value: object) -> bool:
    return isinstance(value, tuple) and len(value) == 2 and all(isinstance(part, bytes) for part in value)


def _without_events(view: SiteView) -> SiteView:
    """The view with no event, harvested title, page or post: what every event's outputs may read."""
    graph = dataclasses.replace(
        view.graph, events=MappingProxyType({}), titles=MappingProxyType({}), pages=(), posts=(),
        sources=MappingProxyType({key: file for key, file in view.graph.sources.items() if key[0] != "events"}))
    return dataclasses.replace(
        view, graph=graph, events=[], pages=[], posts=[], titles={}, newest_titles={}, events_by_library={},
        events_by_resource={}, events_by_group={}, events_by_series={})


def _one_event(base: SiteView, ev: Event, source: str | None) -> SiteView:
    """BASE (_without_events) holding the one event EV (and its source file), as SiteView.build files it."""
    own = {("events", ev.id): source} if source is not None else {}
    graph = dataclasses.replace(base.graph, events=MappingProxyType({ev.id: ev}),
                                sources=MappingProxyType(ChainMap(own, base.graph.sources)))
    by_resource: dict[str, list[Event]] = {}
    for rid in ev.resources:
        by_resource.setdefault(rid, []).append(ev)
    return dataclasses.replace(
        base, graph=graph, events=[ev],
        events_by_library={ev.library: [ev]} if ev.library else {},
        events_by_resource=by_resource,
        events_by_group={ev.group: [ev]} if ev.group else {},
        events_by_series={ev.series: [ev]} if ev.series else {})
