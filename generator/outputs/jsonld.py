"""schema.org JSON-LD for event and library pages, as a `<script>` block that cannot be closed early.

The data is serialized with json.dumps, then `<`, `>` and `&` are written as
\\u003c, \\u003e, \\u0026 (and the JavaScript line separators as \\u2028/\\u2029):
still the same JSON for any parser, but a title holding `</script>` or `<!--`
can no longer end the script element or start a comment in the HTML.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from ..models.event import Event
from ..models.library import Library
from ..view.site_view import SiteView
from . import locations as loc
from .hours import opening_hours
from .records import page_url

CONTEXT = "https://schema.org"
_STATUS = {
    "scheduled": "https://schema.org/EventScheduled",
    "cancelled": "https://schema.org/EventCancelled",
    "postponed": "https://schema.org/EventPostponed",
}
_SCRIPT_SAFE = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


def script_json(data: Any) -> str:
    """JSON text safe to place between <script> and </script>."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    for char, escaped in _SCRIPT_SAFE:  # str.replace: str.translate with a dict is ten times slower
        if char in text:
            text = text.replace(char, escaped)
    return text


def script(data: Any) -> Markup:
    """The whole <script type="application/ld+json"> element (safe to insert unescaped)."""
    return Markup(f'<script type="application/ld+json">{script_json(data)}</script>')


def postal_address(library: Library) -> dict[str, str]:
    return {
        "@type": "PostalAddress",
        "streetAddress": library.address.street,
        "postalCode": library.address.postcode,
        "addressLocality": library.address.city,
        "addressCountry": "FR",
    }


def _geo(library: Library) -> dict[str, Any] | None:
    if library.geo is None:
        return None
    return {"@type": "GeoCoordinates", "latitude": library.geo.lat, "longitude": library.geo.lon}


def _network(view: SiteView) -> dict[str, str]:
    return {"@type": "Organization", "name": view.graph.network.name, "url": view.site.url}


def _library_ref(view: SiteView, library: Library) -> dict[str, str]:
    # Every site has the library's page (on the pro site, its profile).
    return {"@type": "Library", "name": library.name, "url": page_url(view, "library", library.id)}


def _series(view: SiteView, event: Event) -> dict[str, str] | None:
    """The series an event is an edition of, as the EventSeries its page presents."""
    if event.series is None or event.series not in view.terms["event_series"]:
        return None
    term = view.term("event_series", event.series)
    return {"@type": "EventSeries", "name": term.label, "url": page_url(view, "series", event.series)}


def _attendance(event: Event) -> str:
    on_site = event.library is not None or event.place is not None
    if event.online_url and on_site:
        return "https://schema.org/MixedEventAttendanceMode"
    if event.online_url:
        return "https://schema.org/OnlineEventAttendanceMode"
    return "https://schema.org/OfflineEventAttendanceMode"


def event_data(view: SiteView, event: Event) -> dict[str, Any]:
    library = view.library_of(event)
    locations: list[dict[str, Any]] = []
    if library is not None:
        place = {"@type": "Place", "name": library.name, "address": postal_address(library)}
        geo = _geo(library)
        if geo:
            place["geo"] = geo
        locations.append(place)
    elif event.place:
        locations.append({"@type": "Place", "name": event.place, "address": event.place})
    if event.online_url:
        locations.append({"@type": "VirtualLocation", "url": event.online_url})
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "url": page_url(view, "event", event.id),
        "startDate": loc.iso(event.start),
        "endDate": loc.iso(event.end),
        "eventStatus": _STATUS[event.status],
        "eventAttendanceMode": _attendance(event),
        "location": locations[0] if len(locations) == 1 else locations,
        "organizer": _library_ref(view, library) if library is not None else _network(view),
        "inLanguage": "fr",
    }
    if event.registration_url:
        data["offers"] = {"@type": "Offer", "url": event.registration_url}
    series = _series(view, event)
    if series is not None:
        data["superEvent"] = series
    if event.theme:
        data["about"] = {"@type": "Thing", "name": event.theme}  # the edition's theme
    return data


def library_data(view: SiteView, library: Library) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "Library",
        "name": library.name,
        "url": page_url(view, "library", library.id),
        "address": postal_address(library),
        "memberOf": _network(view),
    }
    geo = _geo(library)
    if geo:
        data["geo"] = geo
    if library.phone:
        data["telephone"] = library.phone
    if library.email:
        data["email"] = library.email
    if library.website:
        data["sameAs"] = library.website
    hours = opening_hours(list(library.opening_hours))
    if hours:
        data["openingHours"] = hours
    return data


def event_script(view: SiteView, event: Event) -> Markup:
    return script(event_data(view, event))


def library_script(view: SiteView, library: Library) -> Markup:
    return script(library_data(view, library))
