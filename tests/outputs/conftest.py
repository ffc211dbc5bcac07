"""A small network built inline (two portals and a pro site), for the pure output functions."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Callable

import pytest

from generator.models.content import Author, PostMeta
from generator.models.event import Event
from generator.models.graph import NetworkGraph, Post
from generator.models.library import Library
from generator.models.resource import Resource
from generator.models.site import Network, Site
from generator.models.taxonomy import Taxonomy
from generator.models.title import Title
from generator.view.site_view import SiteView

NOW = datetime(2026, 11, 21, 10, 0)  # naive Paris time, as the build gives it
PORTAL_URL = "https://portail.example.org/numerique/"
PRO_URL = "https://pro.example.org/"

TAXONOMY = {
    "categories": [{"id": "presse", "label": "Presse"}, {"id": "livres", "label": "Livres numériques"}],
    "audiences": [{"id": "adultes", "label": "Adultes"}, {"id": "enfants", "label": "Enfants"}],
    "devices": [{"id": "ordinateur", "label": "Ordinateur"}, {"id": "liseuse", "label": "Liseuse"}],
    "languages": [{"id": "fr", "label": "Français"}, {"id": "en", "label": "Anglais"}],
    "event_kinds": [{"id": "atelier", "label": "Atelier"}, {"id": "formation", "label": "Formation"}],
    "event_series": [{"id": "journee-pro", "label": "La journée « pro »"}],
    "blog_categories": ["Technique"],
}

SITES = [
    {
        "id": "portail", "kind": "public", "name": "Le Portail & ses ressources", "tagline": "Tout lire.",
        "url": PORTAL_URL, "look": "portail", "palette": {"primary": "#00506e", "accent": "#1d6b4f"},
        "login": {"kind": "ezproxy", "base": "https://proxy.example.org"}, "library_logins": True,
    },
    {
        "id": "autre", "kind": "public", "name": "Autre portail", "tagline": "Ailleurs.",
        "url": "https://autre.example.org/", "look": "autre", "palette": {"primary": "#00506e", "accent": "#1d6b4f"},
    },
    {
        "id": "pro", "kind": "pro", "name": "Espace pro", "tagline": "Pour les collègues.",
        "url": PRO_URL, "look": "pro", "palette": {"primary": "#37474f", "accent": "#1565c0"},
    },
]


def resource(rid: str, **changes) -> Resource:
    data = {
        "id": rid, "title": rid.capitalize(), "provider": "Fournisseur", "category": "presse",
        "audiences": ["adultes"], "summary": f"Résumé de {rid}.", "description": "Une **présentation**.",
        "devices": ["ordinateur"], "how_to_start": ["Cliquer."], "added": "2026-01-15",
        "access": {"kind": "login", "target": f"https://{rid}.example.org/"},
    }
    data.update(changes)
    return Resource.model_validate(data)


def library(lid: str, **changes) -> Library:
    data = {
        "id": lid, "name": f"Médiathèque {lid}", "town": lid.capitalize(), "population": 5000,
        "address": {"street": "1 rue de la Poste", "postcode": "14000", "city": lid.capitalize()},
        "joined": 2016, "sites": ["portail", "autre"],
    }
    data.update(changes)
    return Library.model_validate(data)


def event(eid: str, **changes) -> Event:
    data = {
        "id": eid, "title": f"Événement {eid}", "kind": "atelier", "start": "2026-11-28T14:00",
        "end": "2026-11-28T16:00", "library": "bayeux", "summary": "Un atelier.",
    }
    data.update(changes)
    return Event.model_validate(data)


def post(pid: str, kind: str, **meta) -> Post:
    values = {"title": f"Billet {pid}", "date": date(2026, 11, 2)}
    values.update(meta)
    return Post(pid, kind, PostMeta.model_validate(values), "Premier paragraphe.\n\n<!-- more -->\n\nLa suite.", f"{pid}.md")


def title(resource_id: str, number: int, **changes) -> Title:
    data = {
        "id": f"isbn:97820700000{number:02d}", "resource": resource_id, "source": "flux",
        "title": f"Titre {number}", "authors": ["Autrice"], "summary_html": "<p>Un résumé.</p>",
        "url": f"https://{resource_id}.example.org/titre/{number}", "kind": "livre", "language": "fr",
        "published": "2025-03-01", "first_seen": date(2026, 11, number % 28 + 1).isoformat(),
        "last_seen": "2026-11-21",
    }
    data.update(changes)
    return Title.model_validate(data)


def default_resources() -> list[Resource]:
    return [
        resource("presse-en-ligne", featured=True, languages=["fr", "en"], added="2026-10-01"),
        resource("gallica", category="livres", access={"kind": "direct", "target": "https://gallica.example.org/"}),
        resource("archives", access={"kind": "on_site", "where": "Aux archives départementales"}),
    ]


def default_libraries() -> list[Library]:
    return [
        library("bayeux", geo={"lat": 49.2781, "lon": -0.7031}, phone="02 31 00 00 00",
                website="https://bayeux.example.org/",
                opening_hours=["Mardi : 13 h – 18 h", "Mercredi : 10 h – 12 h 30 et 14 h – 18 h"]),
        library("vire", opening_hours=["Dimanche : 14 h – 18 h (d'octobre à avril)"], sites=["portail"]),
    ]


def default_events() -> list[Event]:
    return [
        event("atelier-bayeux"),
        event("club-lecture", library=None, place="Salle des fêtes, Vire", online_url="https://visio.example.org/club",
              start="2026-07-08T10:00", end="2026-07-08T11:00"),
        event("webinaire", library=None, online_url="https://visio.example.org/w", status="cancelled"),
        event("formation-pro", scope="pro", kind="formation", library=None, place="Caen"),
    ]


def default_posts() -> list[Post]:
    return [
        post("nouvelle-ressource", "news", description="Une nouvelle ressource."),
        post("pour-autre", "news", sites=["autre"]),
        post("ancienne", "news", date=date(2025, 6, 1)),
        post("billet-publie", "blog", authors=["alice"], categories=["Technique"]),
        post("brouillon", "blog", draft=True, authors=["alice"]),
    ]


def make_graph(*, resources=None, libraries=None, events=None, posts=None, titles=None) -> NetworkGraph:
    resources = default_resources() if resources is None else resources
    libraries = default_libraries() if libraries is None else libraries
    events = default_events() if events is None else events
    posts = default_posts() if posts is None else posts
    return NetworkGraph.create(
        root=Path("/nonexistent"),
        network=Network(name="Réseau « test »", description="Un réseau pour les tests."),
        sites=tuple(Site.model_validate(s) for s in SITES),
        taxonomy=Taxonomy.model_validate(TAXONOMY),
        resources={r.id: r for r in resources},
        libraries={lib.id: lib for lib in libraries},
        events={ev.id: ev for ev in events},
        groups={},
        authors={"alice": Author(name="Alice Martin", description="Chargée du numérique")},
        pages=(),
        posts=tuple(posts),
        sources={},
        titles=dict(titles or {}),
    )


def make_view(site_id: str = "portail", **graph_parts) -> SiteView:
    graph = make_graph(**graph_parts)
    return SiteView.build(graph, graph.site(site_id), NOW)


@pytest.fixture
def view_of() -> Callable[..., SiteView]:
    """view_of(site_id, resources=..., titles=...) -> the SiteView of an inline network."""
    return make_view
