"""What one site's search finds: one record per resource, title, event, library, post, page (pure).

Records come from the model (the site's `SiteView`), never from rendered HTML, and
feed both the static index and the Algolia push. A public portal's records hold
only what that portal shows; the pro site has its own (blog, groups, pro agenda,
pages, the editor's guide): a view never mixes the two.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from operator import attrgetter

from .. import i18n
from ..access import AccessLinkError, check_url
from ..guide import editor_guide_markdown
from ..models.event import Event
from ..models.graph import Post
from ..models.group import KIND_ORDER, Group
from ..models.library import Library
from ..models.resource import Resource
from ..models.title import Title
from ..view import paths
from ..view.paths import post_url
from ..view.site_view import SiteView
from .normalize import query_key
from .sections import markdown_sections, markdown_text

# How much a word counts by where it is found (a word counts once, at its best place).
TITLE, STRONG, MEDIUM, BODY = 10, 6, 3, 1

# Result groups, in the order they are listed when their best scores tie.
TYPES = ("resource", "title", "event", "library", "post", "group", "page")
_TYPE_ORDER = {kind: position for position, kind in enumerate(TYPES)}


@dataclass(frozen=True)
class SearchRecord:
    id: str  # unique in the site, stable across builds: "resource:kiosque", "event:2026-11-28-atelier..."
    type: str  # one of TYPES
    title: str
    url: str  # relative to the site root: "ressources/kiosque/"
    subtitle: str = ""  # one line under the title: provider, authors, date and place, town...
    fields: tuple[tuple[int, str], ...] = ()  # (weight, text) the index reads words from
    categories: tuple[str, ...] = ()  # taxonomy ids (facet "Catégorie")
    audiences: tuple[str, ...] = ()  # taxonomy ids (facet "Public")
    date: str = ""  # ISO date (events: start; posts: publication; titles: publication)
    when: str = ""  # events: "upcoming" or "past" (facet "Date"), as of the build's 'now'
    resource: str = ""  # titles: the resource that gives access to them
    target: str = ""  # titles: their own address at the provider, when their resource's access opens it
    bets: tuple[str, ...] = ()  # resources: queries (normalize.query_key) that put this record first
    rank: tuple = field(default=(), compare=False)  # order within its type when scores tie

    def text(self, weight: int | None = None) -> str:
        return " ".join(t for w, t in self.fields if t and (weight is None or w == weight))


def site_records(view: SiteView, head: list[SearchRecord] | None = None) -> list[SearchRecord]:
    """Every record of one site, grouped by type (TYPES order) and ranked within each type.

    `head`: the site's `head_records`, kept from a previous build (they are most of a portal's records).
    """
    if head is None:
        head = head_records(view)
    return head + other_records(view)


# The types `head_records` holds: the first ones, so that the head's doc ids are the same in every index.
HEAD_TYPES = ("resource", "title")
assert TYPES[:len(HEAD_TYPES)] == HEAD_TYPES


def head_records(view: SiteView) -> list[SearchRecord]:
    """A public portal's resources and their titles, ranked: the records only the catalogue makes.

    They read the site, its resources, their titles and the taxonomy, never events, posts or
    pages: a build may keep them for as long as the title family's inputs are unchanged.
    """
    if view.site.kind != "public":
        return []
    records = [resource_record(view, res, i) for i, res in enumerate(view.resources)]
    records += [rec for i, res in enumerate(view.resources) for rec in title_records(view, res, i)]
    return sorted(records, key=_order)


def other_records(view: SiteView) -> list[SearchRecord]:
    """Every record of the site but its `head_records`, ranked; they all come after them."""
    records: list[SearchRecord] = []
    if view.site.kind == "public":
        records += [library_record(lib, i) for i, lib in enumerate(view.libraries)]
    else:
        groups = sorted(view.graph.groups.values(), key=lambda g: (KIND_ORDER.index(g.kind), i18n.sort_key(g.name)))
        records += [group_record(grp, i) for i, grp in enumerate(groups)]
        records += guide_records(view)
        records.append(page_record(paths.url_of(paths.NETWORK), i18n.text("nav.network"),
                                   view.graph.network.description, "", order=50))
    records += [event_record(view, ev) for ev in view.events]
    records += [post_record(post) for post in view.posts if not post.meta.draft]
    records += [page_record(paths.link("page", pg.id), pg.meta.title, pg.meta.description or "",
                            markdown_text(pg.body), order=pg.meta.order) for pg in view.pages]
    return sorted(records, key=_order)


def _order(record: SearchRecord) -> tuple:
    return _TYPE_ORDER[record.type], record.rank, record.id


def resource_record(view: SiteView, res: Resource, position: int) -> SearchRecord:
    term = view.term
    return SearchRecord(
        id=f"resource:{res.id}", type="resource", title=res.title, url=paths.link("resource", res.id),
        subtitle=res.summary,
        fields=(
            (TITLE, res.title),
            (STRONG, " ".join([*res.keywords, res.provider, term("categories", res.category).label])),
            (MEDIUM, " ".join([res.summary, *res.offers, *(term("audiences", a).label for a in res.audiences)])),
            (BODY, " ".join([markdown_text(res.description),
                             *(term("devices", d).label for d in res.devices),
                             *(term("languages", lang).label for lang in res.languages)])),
        ),
        categories=(res.category,), audiences=tuple(res.audiences),
        bets=tuple(dict.fromkeys(query_key(bet) for bet in res.best_bets)),
        # The network's featured resources first, then the catalogue's (alphabetical) order.
        rank=(not res.featured, position),
    )


def title_records(view: SiteView, res: Resource, position: int) -> list[SearchRecord]:
    """A resource's harvested titles, newest first; they open the resource's page (its access button)."""
    # Two stable sorts (C-level keys): newest first, then by id among titles seen the same day.
    titles = sorted(sorted(view.graph.titles.get(res.id, ()), key=attrgetter("id")),
                    key=attrgetter("first_seen"), reverse=True)
    if not titles:
        return []
    # What every title of the resource shares, computed once (a resource may have thousands).
    shared = (paths.link("resource", res.id), (res.category,), tuple(res.audiences))
    # A title's own address, where its resource's access reaches it (view.title_link): the search
    # widget opens it through a library's login (outputs/widget.py).
    opened = view.accesses[res.id].kind in ("login", "direct")
    allow_http = view.site.allow_http
    return [title_record(res, title, (position, i), shared,
                         _own_address(title.url, allow_http) if opened and title.url else "")
            for i, title in enumerate(titles)]


def _own_address(url: str, allow_http: bool) -> str:
    """URL if a link may lead there (access.check_url), else ''."""
    try:
        return check_url(url, key="target", allow_http=allow_http)
    except AccessLinkError:
        return ""


def title_record(res: Resource, title: Title, rank: tuple, shared: tuple | None = None,
                 target: str = "") -> SearchRecord:
    url, categories, audiences = shared or (paths.link("resource", res.id), (res.category,), tuple(res.audiences))
    published = title.published
    authors = title.authors
    year = str(published.year) if published else ""
    return _bulk_record(
        id=f"title:{res.id}:{title.id}", type="title", title=title.title, url=url,
        subtitle=" · ".join([part for part in (", ".join(authors), year, res.title) if part]),
        fields=((TITLE, title.title), (STRONG, " ".join(authors))),
        categories=categories, audiences=audiences,
        date=published.isoformat() if published else "", resource=res.id, target=target, rank=rank,
    )


_DEFAULTS = {f.name: f.default for f in dataclasses.fields(SearchRecord) if f.default is not dataclasses.MISSING}


def _bulk_record(**values) -> SearchRecord:
    """SearchRecord(**values), without the frozen dataclass's one setattr per field.

    A network has tens of thousands of titles: this takes a quarter of their cost.
    SearchRecord has no __post_init__, so filling __dict__ builds the same object.
    """
    record = object.__new__(SearchRecord)
    record.__dict__.update(_DEFAULTS, **values)
    return record


def event_record(view: SiteView, ev: Event) -> SearchRecord:
    library = view.library_of(ev)
    place = f"{library.name}, {library.town}" if library else (ev.place or "")
    upcoming = ev.end >= view.now
    status = i18n.text(f"agenda.status.{ev.status}") if ev.status != "scheduled" else ""
    categories = sorted({view.graph.resources[r].category for r in ev.resources if r in view.graph.resources})
    return SearchRecord(
        id=f"event:{ev.id}", type="event", title=ev.title, url=paths.link("event", ev.id),
        subtitle=" · ".join(part for part in (status, i18n.short_date(ev.start), place) if part),
        fields=(
            (TITLE, ev.title),
            (STRONG, " ".join([view.term("event_kinds", ev.kind).label, place])),
            (MEDIUM, " ".join([ev.summary, *(view.term("audiences", a).label for a in ev.audiences)])),
            (BODY, markdown_text(ev.description) if ev.description else ""),
        ),
        categories=tuple(categories), audiences=tuple(ev.audiences),
        date=ev.start.date().isoformat(), when="upcoming" if upcoming else "past",
        # Soonest upcoming first, then the most recent past ones.
        rank=(0, ev.start.isoformat()) if upcoming else (1, _descending(ev.start.isoformat())),
    )


def library_record(lib: Library, position: int) -> SearchRecord:
    address = lib.address
    return SearchRecord(
        id=f"library:{lib.id}", type="library", title=lib.name, url=paths.link("library", lib.id),
        subtitle=f"{address.street}, {address.postcode} {address.city}",
        fields=((TITLE, lib.name), (STRONG, f"{lib.town} {address.city}"), (MEDIUM, f"{address.street} {address.postcode}")),
        rank=(position,),
    )


def post_record(post: Post) -> SearchRecord:
    meta = post.meta
    day = meta.date.date() if hasattr(meta.date, "date") else meta.date
    return SearchRecord(
        id=f"post:{post.id}", type="post", title=meta.title, url=post_url(post),
        subtitle=i18n.short_date(day),
        fields=((TITLE, meta.title), (STRONG, " ".join(meta.categories)), (MEDIUM, meta.description or ""),
                (BODY, markdown_text(post.body))),
        date=day.isoformat(), rank=(_descending(day.isoformat()),),
    )


def group_record(grp: Group, position: int) -> SearchRecord:
    who = " ".join(filter(None, (grp.lead, grp.label, *(person.name for person in grp.people))))
    return SearchRecord(
        id=f"group:{grp.id}", type="group", title=grp.name, url=paths.link("group", grp.id),
        subtitle=grp.summary,
        fields=((TITLE, grp.name), (STRONG, who), (MEDIUM, grp.summary),
                (BODY, markdown_text(grp.description) if grp.description else "")),
        rank=(position,),
    )


def guide_records(view: SiteView) -> list[SearchRecord]:
    """The editor's guide, one record per section so that a search lands on the right heading."""
    url = paths.url_of(paths.GUIDE)
    guide = i18n.text("nav.guide")
    return [
        SearchRecord(
            id=f"page:guide#{anchor}", type="page", title=f"{guide} — {heading}", url=f"{url}#{anchor}",
            subtitle=guide, fields=((TITLE, heading), (BODY, body)), rank=(1000, (f"{index:04d}", "")),
        )
        for index, (heading, anchor, body) in enumerate(markdown_sections(
            editor_guide_markdown(view.graph.editing, view.site.url)))
    ]


def page_record(url: str, title: str, description: str, body: str, *, order: int) -> SearchRecord:
    return SearchRecord(
        id=f"page:{url}", type="page", title=title, url=url, subtitle=description,
        fields=((TITLE, title), (MEDIUM, description), (BODY, body)), rank=(order, i18n.sort_key(title)),
    )


def _descending(text: str) -> tuple[int, ...]:
    """Sort key that orders ISO dates newest first inside an ascending sort."""
    return tuple(-ord(c) for c in text)
