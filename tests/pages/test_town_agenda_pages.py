"""A town's agenda page: one per town, at a clean address whatever its name's apostrophes,
accents, ligatures or hyphens, and named as the network declares the town."""

from __future__ import annotations

import dataclasses

import pytest

from generator.build import load_graph
from generator.work_tree import generate_site
from tests.conftest import DEMO_NOW, REPO


@pytest.fixture(scope="module")
def graph():
    return load_graph(REPO)


def test_town_pages_have_clean_addresses_and_the_declared_name(graph) -> None:
    base = graph.libraries["bayeux"]
    towns = {"l-aigle": "L’Aigle", "st-etienne": "Saint-Étienne-du-Rouvray", "oeuilly": "Œuilly",
             "ifs-2": "  IFS "}  # a second library of a declared town, written in its own way
    extra = {lid: base.model_copy(update={"id": lid, "name": f"Bibliothèque {lid}", "town": town})
             for lid, town in towns.items()}
    big = dataclasses.replace(graph, libraries={**graph.libraries, **extra})
    docs = generate_site(big, big.site("calvados"), DEMO_NOW)
    for slug, name in [("l-aigle", "L’Aigle"), ("saint-etienne-du-rouvray", "Saint-Étienne-du-Rouvray"),
                       ("oeuilly", "Œuilly")]:
        page = docs[f"docs/agenda/communes/{slug}/index.md"]
        assert f"<h1>Agenda — {name}</h1>" in page
        assert f'href="../agenda/communes/{slug}/"' in docs["docs/agenda/index.md"]
    ifs = docs["docs/agenda/communes/ifs/index.md"]
    assert "<h1>Agenda — Ifs</h1>" in ifs  # the name network.towns gives, not the library file's
    assert 'href="../../../agenda/bibliotheques/ifs/"' in ifs and 'href="../../../agenda/bibliotheques/ifs-2/"' in ifs
    library = docs["docs/agenda/bibliotheques/ifs-2/index.md"]  # its town named the same way, linked to its page
    assert ">Agenda — Ifs</a>" in library and "IFS" not in library
    assert not [path for path in docs if path.startswith("docs/agenda/communes/") and "ifs" in path
                and path != "docs/agenda/communes/ifs/index.md"]
