"""validate() in one pass: a failed file never hides the others' errors, and its ids never cascade."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import load_graph
from generator.errors import ProjectInvalid


def problems(project: Path) -> list[str]:
    with pytest.raises(ProjectInvalid) as caught:
        load_graph(project)
    return [str(p) for p in caught.value.problems]


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_an_unreadable_sites_file_hides_no_other_error_and_no_site_id_is_unknown(demo_copy: Path) -> None:
    data = demo_copy / "data"
    (data / "sites.yml").write_text("network: [\n", encoding="utf-8")
    append(data / "resources" / "izneo.yml", "sites: [montreal]\nsumary: x\n")
    found = problems(demo_copy)
    assert [p.split(":")[0] for p in found] == ["data/resources/izneo.yml", "data/sites.yml"], found
    assert "sumary : clé inconnue" in found[0]
    assert "YAML invalide" in found[1]


def test_a_sites_file_with_one_bad_site_still_checks_every_reference(demo_copy: Path) -> None:
    data = demo_copy / "data"
    sites = data / "sites.yml"
    sites.write_text(sites.read_text(encoding="utf-8").replace("  - id: caen\n", "  - id: caen\n    colour: red\n"),
                     encoding="utf-8")
    append(data / "resources" / "izneo.yml", "sites: [caen, montreal]\n")
    found = problems(demo_copy)
    assert len(found) == 2, found
    assert "2e site (id caen) › colour : clé inconnue « colour »" in found[1]
    # caen (a site of the failed file) is known; montreal is not, and the valid sites are listed
    assert "2e site : portail public « montreal » inconnu ; valeurs possibles : caen, calvados" in found[0]


def test_an_unreadable_authors_file_does_not_make_every_author_unknown(demo_copy: Path) -> None:
    (demo_copy / "data" / "authors.yml").write_text("authors:\n  - [\n", encoding="utf-8")
    found = problems(demo_copy)
    assert len(found) == 1 and found[0].startswith("data/authors.yml:"), found


def test_a_taxonomy_with_one_bad_term_checks_references_against_the_ids_written(demo_copy: Path) -> None:
    data = demo_copy / "data"
    taxonomy = data / "taxonomy.yml"
    taxonomy.write_text(taxonomy.read_text(encoding="utf-8").replace("    label: Presse\n", "    label: Presse\n"
                                                                     "    couleur: bleu\n", 1), encoding="utf-8")
    izneo = data / "resources" / "izneo.yml"
    izneo.write_text(izneo.read_text(encoding="utf-8").replace("category: livres-numeriques", "category: bd"),
                     encoding="utf-8")
    found = problems(demo_copy)
    assert len(found) == 2, found
    assert found[0].startswith("data/resources/izneo.yml:") and "catégorie « bd » inconnue" in found[0]
    assert "presse" in found[0]  # the term that failed still counts as known
    assert found[1].startswith("data/taxonomy.yml:") and "couleur : clé inconnue « couleur »" in found[1]


def test_a_failed_library_is_known_to_events_and_groups(demo_copy: Path) -> None:
    append(demo_copy / "data" / "libraries" / "bayeux.yml", "population: beaucoup\n")
    found = problems(demo_copy)
    assert len(found) == 1 and found[0].startswith("data/libraries/bayeux.yml:"), found
