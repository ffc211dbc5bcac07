"""Fixtures of the end-to-end tests: the expected slice of the graph per site."""

from __future__ import annotations

import pytest

from generator.build import load_graph
from generator.models.graph import NetworkGraph
from generator.view.site_view import SiteView
from tests.conftest import DEMO_NOW, REPO


@pytest.fixture(scope="session")
def graph() -> NetworkGraph:
    """The demo network's graph, read from the repository (the same data the demo build copies)."""
    return load_graph(REPO)


@pytest.fixture(scope="session")
def views(graph: NetworkGraph) -> dict[str, SiteView]:
    """What each site is expected to show, computed from the model with the build's fixed 'now'."""
    return {site.id: SiteView.build(graph, site, DEMO_NOW) for site in graph.sites}
