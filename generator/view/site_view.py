"""What one site shows: the slice of the network graph for that site, computed once."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from functools import cached_property
from typing import Mapping

from .. import i18n
from ..access import AccessLink, AccessLinkError, access_link, target_link
from ..models.event import Event
from ..models.graph import NetworkGraph, Page, Post
from ..models.library import Library
from ..models.login import ResourceAccess
from ..models.network_facts import Town, town_key
from ..models.resource import Resource
from ..models.resource_status import Notice
from ..models.site import Site
from ..models.taxonomy import Term
from ..models.title import Title
from .paths import town_slug
from .figures import declared_towns, fee_for, library_population
from .resource_status import active_notices, is_new, notice_until, on_portals, trial_state
from .usage import popular_resources


def access_facet(kind: str) -> str:
    """Readers do not care whether a login goes through a proxy or a provider template."""
    return "login" if kind == "template" else kind


def newest_first(titles: tuple[Title, ...]) -> tuple[Title, ...]:
    return tuple(sorted(titles, key=lambda t: (-t.first_seen.toordinal(), t.id)))


def portal_resources(graph: NetworkGraph, site: Site, now: datetime) -> list[Resource]:
    """The resources a site shows, by title: those naming it in `sites`, or every one (public portals only);
    a resource on trial only while its trial runs (view/resource_status.py)."""
    return sorted((r for r in graph.resources.values()
                   if site.kind == "public" and (r.sites is None or site.id in r.sites) and on_portals(r, now)),
                  key=lambda r: i18n.sort_key(r.title))


def has_trials(graph: NetworkGraph) -> bool:
    """Whether the pro site lists trials (a resource declares `trial:`)."""
    return any(res.trial is not None for res in graph.resources.values())


@dataclass(frozen=True)
class AgendaPlace:
    """A town or a library of the site, with its agenda page and its upcoming events."""

    id: str  # the town's slug (paths.town_slug) or the library's id
    name: str
    events: list[Event]


@dataclass(frozen=True)
class LibraryAccess:
    library: Library
    link: AccessLink


@dataclass
class SiteView:
    graph: NetworkGraph
    site: Site
    now: datetime  # naive Europe/Paris local time of the build
    resources: list[Resource] = field(default_factory=list)
    libraries: list[Library] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    links: dict[str, AccessLink] = field(default_factory=dict)
    accesses: dict[str, ResourceAccess] = field(default_factory=dict)  # each shown resource's, for the site
    library_links: dict[str, list[LibraryAccess]] = field(default_factory=dict)
    events_by_library: dict[str, list[Event]] = field(default_factory=dict)
    events_by_resource: dict[str, list[Event]] = field(default_factory=dict)
    events_by_group: dict[str, list[Event]] = field(default_factory=dict)
    events_by_series: dict[str, list[Event]] = field(default_factory=dict)
    terms: dict[str, Mapping[str, Term]] = field(default_factory=dict)
    titles: dict[str, tuple[Title, ...]] = field(default_factory=dict)  # harvested, by shown resource
    newest_titles: dict[str, tuple[Title, ...]] = field(default_factory=dict)  # the same, newest first (feeds, API)
    popular: frozenset[str] = frozenset()  # public portals: resource ids marked « Populaire » (view/usage.py)

    @classmethod
    def build(cls, graph: NetworkGraph, site: Site, now: datetime) -> "SiteView":
        view = cls(graph, site, now)
        view.terms = {
            name: graph.vocabulary(name)
            for name in ("categories", "audiences", "devices", "languages", "event_kinds", "event_series")
        }
        public = site.kind == "public"
        view.resources = portal_resources(graph, site, now)
        if public:  # from the whole network's usage: the top quarter of each category
            view.popular = popular_resources(graph.resources, graph.usage, now)
        view.libraries = sorted(
            (lib for lib in graph.libraries.values() if (site.id in lib.sites) or not public),
            key=lambda lib: i18n.sort_key(lib.name),
        )
        shown_libraries = {lib.id for lib in view.libraries}
        view.events = [
            ev
            for ev in graph.events.values()
            if (ev.scope == "pro") == (not public) and (not public or ev.library is None or ev.library in shown_libraries)
        ]
        view.pages = sorted(
            (p for p in graph.pages if p.scope == site.kind and (p.meta.sites is None or site.id in p.meta.sites)),
            key=lambda p: (p.meta.order, i18n.sort_key(p.meta.title)),
        )
        kind = "news" if public else "blog"
        view.posts = [p for p in graph.posts if p.kind == kind and (p.meta.sites is None or site.id in p.meta.sites)]
        # Readers look for their town first: the chooser reads "Town — Library".
        by_town = sorted(view.libraries, key=lambda lib: i18n.sort_key(f"{lib.town} {lib.name}"))
        for res in view.resources:
            access = view.accesses[res.id] = res.access.for_site(site.id)
            view.links[res.id] = access_link(access, site.login, site.fields, allow_http=site.allow_http)
            if site.library_logins and access.kind in ("login", "template"):
                view.library_links[res.id] = [
                    # A login link reads no fields: a library without its own login has the site's.
                    LibraryAccess(lib, view.links[res.id] if access.kind == "login" and lib.login is None
                                  else access_link(access, lib.login or site.login, {**site.fields, **lib.fields},
                                                   allow_http=site.allow_http))
                    for lib in by_town
                ]
        view.titles = {res.id: graph.titles[res.id] for res in view.resources if graph.titles.get(res.id)}
        view.newest_titles = {rid: newest_first(titles) for rid, titles in view.titles.items()}
        by_library, by_resource, by_group, by_series = (defaultdict(list) for _ in range(4))
        for ev in view.events:
            if ev.library:
                by_library[ev.library].append(ev)
            for rid in ev.resources:
                by_resource[rid].append(ev)
            if ev.group:
                by_group[ev.group].append(ev)
            if ev.series:
                by_series[ev.series].append(ev)
        view.events_by_library, view.events_by_resource, view.events_by_group = (
            dict(by_library), dict(by_resource), dict(by_group))
        view.events_by_series = dict(by_series)
        return view

    # queries used by templates --------------------------------------------------------------
    def upcoming(self, events: list[Event] | None = None) -> list[Event]:
        return [ev for ev in (self.events if events is None else events) if ev.end >= self.now]

    def past(self, events: list[Event] | None = None) -> list[Event]:
        return [ev for ev in reversed(self.events if events is None else events) if ev.end < self.now]

    def new_resources(self, limit: int = 4) -> list[Resource]:
        recent = sorted(self.resources, key=lambda r: (r.added, r.id), reverse=True)
        fresh = [r for r in recent if r.added >= (self.now - timedelta(days=self.graph.network.new_for_days)).date()]
        return (fresh or recent)[:limit]

    def is_new(self, res: Resource) -> bool:
        """« Nouveau » on its card and page: arrived within the network's `new_for_days`."""
        return is_new(res, self.now, self.graph.network.new_for_days)

    def trial_running(self, res: Resource) -> bool:
        """« Essai jusqu'au … » on its card and page (a portal shows no other trial)."""
        return trial_state(res, self.now) == "running"

    def notices(self, res: Resource) -> list[Notice]:
        """The resource's notices active at the build's now."""
        return active_notices(res, self.now)

    @staticmethod
    def notice_until(notice: Notice) -> str:
        """« Jusqu'au … », for templates (view/resource_status.py)."""
        return notice_until(notice)

    def home_notices(self) -> list[tuple[Resource, Notice]]:
        """Every active notice of the resources the site shows, by resource title then as written."""
        return [(res, notice) for res in self.resources for notice in active_notices(res, self.now)]

    def trials(self) -> dict[str, list[Resource]]:
        """The network's resources on trial by state ('running', 'upcoming', 'over'), by start then
        title: the pro site's list (every resource, whichever portal shows it)."""
        states: dict[str, list[Resource]] = {"running": [], "upcoming": [], "over": []}
        on_trial = [r for r in self.graph.resources.values() if r.trial is not None]
        for res in sorted(on_trial, key=lambda r: (r.trial.start, i18n.sort_key(r.title))):
            states[trial_state(res, self.now)].append(res)
        return states

    def featured(self) -> list[Resource]:
        return [r for r in self.resources if r.featured]

    def by_category(self) -> list[tuple[Term, list[Resource]]]:
        groups = defaultdict(list)
        for res in self.resources:
            groups[res.category].append(res)
        return [(term, groups[cid]) for cid, term in self.terms["categories"].items() if groups.get(cid)]

    def by_audience(self) -> list[tuple[Term, list[Resource]]]:
        groups = defaultdict(list)
        for res in self.resources:
            for aid in res.audiences:
                groups[aid].append(res)
        return [(term, groups[aid]) for aid, term in self.terms["audiences"].items() if groups.get(aid)]

    def event_audiences(self) -> list[tuple[Term, list[Event]]]:
        groups = defaultdict(list)
        for ev in self.events:
            for aid in ev.audiences:
                groups[aid].append(ev)
        return [(term, groups[aid]) for aid, term in self.terms["audiences"].items() if groups.get(aid)]

    def agenda_towns(self) -> list[AgendaPlace]:
        """Every town of the site's libraries, with the upcoming events of its libraries."""
        names: dict[str, str] = {}
        events: dict[str, list[Event]] = defaultdict(list)
        for lib in self.libraries:
            # One page per town (the check keeps two towns off one slug).
            names.setdefault(town_slug(lib.town), self.town_name(lib))
        for ev in self.upcoming():
            lib = self.library_of(ev)
            if lib is not None and town_slug(lib.town) in names:
                events[town_slug(lib.town)].append(ev)
        return sorted((AgendaPlace(slug, name, events.get(slug, [])) for slug, name in names.items()),
                      key=lambda place: i18n.sort_key(place.name))

    def agenda_libraries(self) -> list[AgendaPlace]:
        """Every library of the site, with its upcoming events ("Town — Library" order, as readers look)."""
        places = [AgendaPlace(lib.id, f"{self.town_name(lib)} — {lib.name}",
                              self.upcoming(self.events_by_library.get(lib.id, [])))
                  for lib in self.libraries]
        return sorted(places, key=lambda place: i18n.sort_key(place.name))

    @cached_property
    def declared_towns(self) -> dict[str, Town]:
        """network.towns by town_key, built once."""
        return declared_towns(self.graph.network)

    def town_name(self, library: Library) -> str:
        """The library's town as network.towns writes it (else as the library file does)."""
        town = self.declared_towns.get(town_key(library.town))
        return town.name if town is not None else library.town

    def town_of(self, event: Event) -> str:
        """The slug of the town where an event takes place ('' outside the network's libraries)."""
        lib = self.library_of(event)
        return town_slug(lib.town) if lib is not None else ""

    @staticmethod
    def by_initial(places: list[AgendaPlace]) -> list[tuple[str, list[AgendaPlace]]]:
        """Places (already sorted) grouped by their name's initial, accents ignored: « É » is « E »."""
        groups: dict[str, list[AgendaPlace]] = {}
        for place in places:
            groups.setdefault(i18n.sort_key(place.name)[0][:1].upper(), []).append(place)
        return list(groups.items())

    def series_shown(self) -> list[tuple[Term, list[Event]]]:
        """Each series with an edition on this site, and its editions in date order."""
        return [(term, self.events_by_series[sid]) for sid, term in self.terms["event_series"].items()
                if sid in self.events_by_series]

    def fee(self, library: Library) -> Decimal | None:
        """The yearly fee of the library's town; None when the network asks no fee."""
        return fee_for(self.graph.network, self.population_of(library))

    def population_of(self, library: Library) -> int:
        """The library's town's population: the network's declared figure first."""
        return library_population(self.graph.network, library)

    def library_of(self, event: Event) -> Library | None:
        return self.graph.libraries.get(event.library) if event.library else None

    def title_link(self, title: Title) -> AccessLink | None:
        """The provider link of a harvested title, through the site's access strategy with the
        title's own target; None when readers should go through the resource page instead
        (on-site or template access, no usable URL)."""
        access = self.accesses.get(title.resource) or self.graph.resources[title.resource].access.for_site(
            self.site.id)
        if title.url is None or access.kind not in ("login", "direct"):
            return None
        try:
            return target_link(access, title.url, self.site.login, allow_http=self.site.allow_http)
        except AccessLinkError:
            return None

    def term(self, vocabulary: str, term_id: str) -> Term:
        return self.terms[vocabulary][term_id]
