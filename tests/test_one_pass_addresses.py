"""check in one pass for addresses too: a file that failed never postpones the address checks of
the files that validated (access links, websites, registration links, milestones' links)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import load_graph
from generator.errors import ProjectInvalid


def problems(project: Path) -> list[str]:
    with pytest.raises(ProjectInvalid) as caught:
        load_graph(project)
    return [str(p) for p in caught.value.problems]


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def told(found: list[str], file: str, *words: str) -> bool:
    return any(p.startswith(f"{file}:") and all(w in p for w in words) for p in found)


CAFEYN_TARGET = "target: https://www.cafeyn.example.org/fr/bibliotheques/boite-numerique"


def test_an_unreadable_sites_file_does_not_postpone_any_address_check(demo_copy: Path) -> None:
    data = demo_copy / "data"
    (data / "sites.yml").write_text("network: [\n", encoding="utf-8")
    replace(data / "resources/cafeyn.yml", CAFEYN_TARGET, "target: javascript:alert(1)")
    replace(data / "libraries/bayeux.yml", "website: https://", "website: javascript://")
    found = problems(demo_copy)
    assert told(found, "data/sites.yml", "YAML"), found
    assert told(found, "data/resources/cafeyn.yml", "access.target", "javascript"), found
    assert told(found, "data/libraries/bayeux.yml", "website", "javascript"), found


def test_portals_whose_entries_failed_still_have_their_resources_access_checked(demo_copy: Path) -> None:
    data = demo_copy / "data"
    sites = data / "sites.yml"
    for portal in ("calvados", "caen"):  # every public portal fails its schema
        replace(sites, f"  - id: {portal}\n", f"  - id: {portal}\n    colour: red\n")
    replace(data / "resources/cafeyn.yml", CAFEYN_TARGET, "target: JaVaScRiPt:alert(1)")
    found = problems(demo_copy)
    assert sum("colour : clé inconnue" in p for p in found) == 2, found
    assert told(found, "data/resources/cafeyn.yml", "access.target", "javascript"), found
    assert len(found) == 3, found  # and nothing else: no address is told twice


def test_http_is_not_refused_for_a_failed_portal_that_allows_it(demo_copy: Path) -> None:
    """What a failed entry writes about http is read as written: no error that its fix would remove."""
    data = demo_copy / "data"
    sites = data / "sites.yml"
    for portal in ("calvados", "caen"):
        replace(sites, f"  - id: {portal}\n", f"  - id: {portal}\n    colour: red\n    allow_http: true\n")
    replace(data / "resources/cafeyn.yml", CAFEYN_TARGET, "target: http://www.cafeyn.example.org/")
    found = problems(demo_copy)
    assert not told(found, "data/resources/cafeyn.yml"), found


def test_a_failed_network_block_does_not_postpone_its_milestones_links(demo_copy: Path) -> None:
    sites = demo_copy / "data/sites.yml"
    replace(sites, "  milestones:\n", "  colour: red\n  milestones:\n")
    replace(sites, "    - date: 2016-01-12\n", "    - date: 2016-01-12\n      url: javascript:alert(1)\n")
    found = problems(demo_copy)
    assert told(found, "data/sites.yml", "colour : clé inconnue"), found
    assert told(found, "data/sites.yml", "network › 2e date › url", "javascript"), found


def test_a_file_that_failed_its_schema_has_its_own_addresses_checked_in_the_same_run(demo_copy: Path) -> None:
    data = demo_copy / "data"
    event = data / "events/2026-06-25-groupe-pnb-juin.yml"
    replace(event, "start: 2026-06-25T14:00", "start: 2026-06-31T14:00")
    replace(event, "online_url: https://", "online_url: javascript://")
    library = data / "libraries/bayeux.yml"
    replace(library, "website: https://", "surface: 3\nwebsite: data:text/html,")
    resource = data / "resources/cafeyn.yml"
    replace(resource, CAFEYN_TARGET, "target: java\tscript:alert(1)\nsumary: x")
    sites = data / "sites.yml"
    replace(sites, "    url: https://bibliotheques.caenlamer.example.org/ressources/\n",
            "    url: javascript:alert(1)//\n    colour: red\n")
    found = problems(demo_copy)
    file = "data/events/2026-06-25-groupe-pnb-juin.yml"
    assert told(found, file, "start") and told(found, file, "online_url", "javascript"), found
    file = "data/libraries/bayeux.yml"
    assert told(found, file, "surface") and told(found, file, "website", "data"), found
    file = "data/resources/cafeyn.yml"
    assert told(found, file, "sumary") and told(found, file, "access.target", "javascript"), found
    assert told(found, "data/sites.yml", "colour") and told(found, "data/sites.yml", "2e site", "url", "javascript")
    assert len(found) == 8, found  # each told once


def test_a_failed_network_block_does_not_postpone_the_libraries_towns(demo_copy: Path) -> None:
    """Another key of the network failed: its towns, all valid, still judge the libraries' towns."""
    data = demo_copy / "data"
    replace(data / "sites.yml", "  milestones:\n", "  colour: red\n  milestones:\n")
    replace(data / "libraries/bayeux.yml", "town: \"Bayeux\"", "town: \"Bayeu\"")
    found = problems(demo_copy)
    assert told(found, "data/sites.yml", "colour : clé inconnue"), found
    assert told(found, "data/libraries/bayeux.yml", "town", "Bayeu"), found
    assert len(found) == 2, found


def test_a_failed_town_leaves_the_libraries_towns_unjudged(demo_copy: Path) -> None:
    """A town that failed may be the one a library names: no cascade of undeclared towns."""
    data = demo_copy / "data"
    replace(data / "sites.yml", "{name: Bayeux, ", "{colour: red, name: Bayeux, ")
    found = problems(demo_copy)
    assert len(found) == 1 and "colour : clé inconnue" in found[0], found
