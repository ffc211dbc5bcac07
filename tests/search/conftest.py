"""Fixtures of the search tests: the demo graph (read once) and harvested titles built inline."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from types import MappingProxyType

import pytest

from generator.build import load_graph
from generator.models.graph import NetworkGraph
from generator.models.title import Title
from generator.view.site_view import SiteView
from tests.conftest import DEMO_NOW, REPO


def title(resource: str, ident: str, text: str, *, authors=(), seen: str = "2026-11-01",
          published: str | None = "2025-03-01") -> Title:
    return Title(id=ident, resource=resource, source=f"{resource}-flux", title=text, authors=list(authors),
                 first_seen=date.fromisoformat(seen), last_seen=date(2026, 11, 21),
                 published=date.fromisoformat(published) if published else None)


TITLES = {
    "assimil": (
        title("assimil", "isbn:9782700508000", "L'anglais — Débutants", authors=["Anthony Bulger"], seen="2026-10-01"),
        title("assimil", "isbn:9782700508001", "L'espagnol sans peine", authors=["Juan Córdoba"], seen="2026-11-02"),
    ),
    "ouest-france": (
        title("ouest-france", "guid:of-2026-11-20", "Ouest-France, édition de Caen du 20 novembre 2026",
              seen="2026-11-20", published="2026-11-20"),
    ),
    # A resource shown on the calvados portal only: its titles never reach caen's records.
    "monde-diplomatique": (
        title("monde-diplomatique", "issn:0026-9395-2026-11", "Le Monde diplomatique, novembre 2026"),
    ),
}


@pytest.fixture(scope="session")
def demo_graph() -> NetworkGraph:
    """The demo network, with the titles above in place of whatever has been harvested."""
    graph = load_graph(REPO)
    return dataclasses.replace(graph, titles=MappingProxyType(dict(TITLES)))


@pytest.fixture(scope="session")
def views(demo_graph: NetworkGraph) -> dict[str, SiteView]:
    return {site.id: SiteView.build(demo_graph, site, DEMO_NOW) for site in demo_graph.sites}


NOW: datetime = DEMO_NOW
