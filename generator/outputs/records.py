"""One plain record (dict of JSON values) per resource, title, event and library of a site.

Pure functions of the model: the JSON API, the embeddable snippet and the
feeds all read these shapes. Every URL is absolute (town portals copy them as
they are); every date-time carries the Paris UTC offset.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..access import AccessLink
from ..models.event import Event
from ..models.library import Library
from ..models.resource import Resource
from ..models.title import Title
from ..view import paths
from ..view.resource_status import on_portals
from ..view.site_view import SiteView, newest_first
from ..render.markdown import markdown_html, sanitize_html
from . import locations as loc

Record = dict[str, Any]


def page_url(view: SiteView, kind: str, ident: str) -> str:
    return loc.absolute(view.site, paths.link(kind, ident))


def _term(view: SiteView, vocabulary: str, term_id: str) -> Record:
    term = view.terms[vocabulary].get(term_id)
    return {"id": term_id, "label": term.label if term is not None else term_id}


def _access(view: SiteView, resource: Resource) -> Record:
    link: AccessLink = view.links[resource.id]
    return {
        "kind": link.kind,
        "url": link.url,
        "where": link.where,
        # Towns that keep their own login: one entry point per library (DESIGN.md §6).
        "libraries": [
            {"library": choice.library.id, "name": choice.library.name, "url": choice.link.url}
            for choice in view.library_links.get(resource.id, [])
        ],
    }


def titles_of(view: SiteView, resource_id: str) -> tuple[Title, ...]:
    """A resource's harvested titles, newest first (empty before the first harvest)."""
    known = view.newest_titles.get(resource_id)  # sorted once per site for the shown resources
    return known if known is not None else newest_first(view.graph.titles.get(resource_id, ()))


def resource_record(view: SiteView, resource: Resource) -> Record:
    site = view.site
    has_titles = bool(view.graph.titles.get(resource.id))
    conditions = resource.conditions
    return {
        "id": resource.id,
        "url": page_url(view, "resource", resource.id),
        "title": resource.title,
        "provider": resource.provider,
        "category": _term(view, "categories", resource.category),
        "audiences": [_term(view, "audiences", a) for a in resource.audiences],
        "summary": resource.summary,
        "description_html": str(markdown_html(resource.description, loc.images(site))),
        "offers": list(resource.offers),
        "languages": [_term(view, "languages", lang) for lang in resource.languages],
        "devices": [_term(view, "devices", d) for d in resource.devices],
        "apps": [{"name": app.name, "platforms": list(app.platforms)} for app in resource.apps],
        "conditions": {
            "account": conditions.account,
            "quota": conditions.quota,
            "concurrent_users": conditions.concurrent_users,
            "loan_days": conditions.loan_days,
            "age": conditions.age,
            "notes": list(conditions.notes),
        },
        "how_to_start": list(resource.how_to_start),
        "access": _access(view, resource),
        "keywords": list(resource.keywords),
        "added": resource.added.isoformat(),
        "featured": resource.featured,
        "titles": {
            "count": len(view.graph.titles.get(resource.id, ())),
            "rss": loc.absolute(site, loc.new_titles_rss(resource.id)) if has_titles else None,
            "atom": loc.absolute(site, loc.new_titles_atom(resource.id)) if has_titles else None,
            "opds": loc.absolute(site, loc.opds_titles(resource.id)) if has_titles else None,
        },
    }


def title_record(view: SiteView, title: Title) -> Record:
    return {
        "id": title.id,
        "resource": title.resource,
        "resource_url": page_url(view, "resource", title.resource),
        "title": title.title,
        "authors": list(title.authors),
        # Sanitized when harvested; cleaned again because it leaves for other sites.
        "summary_html": sanitize_html(title.summary_html),
        "url": title.url,
        "kind": title.kind,
        "language": title.language,
        "published": title.published.isoformat() if title.published else None,
        "first_seen": title.first_seen.isoformat(),
        "last_seen": title.last_seen.isoformat(),
    }


def _series(view: SiteView, event: Event) -> Record | None:
    """The series an event is an edition of, with its page (every site lists its series' editions)."""
    if event.series is None or event.series not in view.terms["event_series"]:
        return None
    return {**_term(view, "event_series", event.series), "url": page_url(view, "series", event.series)}


def event_record(view: SiteView, event: Event) -> Record:
    library = view.library_of(event)
    return {
        "id": event.id,
        "url": page_url(view, "event", event.id),
        "ics": page_url(view, "event_ics", event.id),
        "title": event.title,
        "kind": _term(view, "event_kinds", event.kind),
        "scope": event.scope,
        "status": event.status,
        "start": loc.iso(event.start),
        "end": loc.iso(event.end),
        "summary": event.summary,
        "description_html": str(markdown_html(event.description, loc.images(view.site))) if event.description else "",
        "audiences": [_term(view, "audiences", a) for a in event.audiences],
        "series": _series(view, event),
        "theme": event.theme,
        "library": None if library is None else {
            "id": library.id,
            "name": library.name,
            "url": page_url(view, "library", library.id),
        },
        "place": event.place,
        "address": None if library is None else _address(library),
        "online_url": event.online_url,
        "registration": event.registration,
        "registration_url": event.registration_url,
        # A trial's resource is named only while the portals show it (view/resource_status.py).
        "resources": [rid for rid in event.resources
                      if rid not in view.graph.resources or on_portals(view.graph.resources[rid], view.now)],
    }


def _address(library: Library) -> Record:
    return {"street": library.address.street, "postcode": library.address.postcode, "city": library.address.city}


def library_record(view: SiteView, library: Library) -> Record:
    # Every site has a page per library it shows (on the pro site, its profile);
    # a library's own calendar exists on the public portals only.
    public = view.site.kind == "public"
    return {
        "id": library.id,
        "url": page_url(view, "library", library.id),
        "ics": page_url(view, "library_ics", library.id) if public else None,
        "name": library.name,
        "town": library.town,
        "population": view.population_of(library),  # the town's, declared once in network.towns
        "local_network": library.local_network,
        "address": _address(library),
        "geo": None if library.geo is None else {"lat": library.geo.lat, "lon": library.geo.lon},
        "phone": library.phone,
        "email": library.email,
        "website": library.website,
        "opening_hours": list(library.opening_hours),
        "joined": library.joined,
        **_reader_facts(library),
    }


def _number(value: Decimal | None) -> int | float | None:
    return None if value is None else (int(value) if value == value.to_integral_value() else float(value))


def _reader_facts(library: Library) -> Record:
    """What a reader needs from the library's profile: hours a week, fees, services, equipment."""
    profile = library.profile
    fees = profile.fees if profile else None
    equipment = profile.equipment if profile else None
    return {
        "weekly_hours": _number(profile.weekly_hours) if profile else None,
        "fees": None if fees is None else {"residents": _number(fees.residents),
                                           "non_residents": _number(fees.non_residents)},
        "services": list(profile.services) if profile else [],
        "equipment": None if equipment is None else {
            "wifi": equipment.wifi, "public_computers": equipment.public_computers,
            "e_readers": equipment.e_readers, "tablets": equipment.tablets},
    }
