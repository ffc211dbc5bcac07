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


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_resource_failing_its_schema_still_has_its_references_checked(demo_copy: Path) -> None:
    izneo = demo_copy / "data" / "resources" / "izneo.yml"
    replace(izneo, "category: livres-numeriques", "category: bd")
    append(izneo, "sumary: x\nsites: [calvados, montreal]\n")
    found = problems(demo_copy)
    assert all(p.startswith("data/resources/izneo.yml:") for p in found), found
    assert any("sumary : clé inconnue" in p for p in found), found
    assert any(":3:1: category : catégorie « bd » inconnue" in p for p in found), found
    assert any("portail public « montreal » inconnu ; valeurs possibles : caen, calvados" in p for p in found), found
    assert len(found) == 3, found


def test_an_event_with_a_bad_date_still_has_its_library_checked(demo_copy: Path) -> None:
    event = demo_copy / "data" / "events" / "2026-11-28-atelier-tablette-bayeux.yml"
    replace(event, "start: 2026-11-28T14:00", "start: 28/11/2026 14h")
    replace(event, "library: bayeux", "library: bayeu")
    replace(event, "resources: [mediatheque-numerique,", "resources: [mediatheque-numeriqe,")
    found = problems(demo_copy)
    assert len(found) == 3, found
    start, library, resources = found
    assert start.startswith(f"{event.relative_to(demo_copy)}:3:") and "start :" in start
    assert ":5:1: library : bibliothèque « bayeu » inconnue (vouliez-vous dire « bayeux » ?" in library
    assert ":16:13: 1re ressource : ressource « mediatheque-numeriqe » inconnue" in resources


def test_a_post_failing_its_front_matter_still_has_its_authors_and_categories_checked(demo_copy: Path) -> None:
    post = demo_copy / "content" / "blog" / "posts" / "2025-09-15-rentree-2025.md"
    replace(post, "authors: [claire-m]", "authors: [claire-n]\nsumary: x")
    replace(post, "categories: [Vie du réseau, Ressources]", "categories: [Vie du reseau, Ressources]")
    found = problems(demo_copy)
    assert len(found) == 3, found
    author, summary, category = found
    assert author.startswith("content/blog/posts/2025-09-15-rentree-2025.md:4:") and "« claire-n »" in author
    assert ":5:1: sumary : clé inconnue « sumary »" in summary
    assert ":6:" in category and "catégorie de blog « Vie du reseau » inconnue" in category


def test_a_reference_the_schema_refused_is_not_told_again_as_unknown(demo_copy: Path) -> None:
    izneo = demo_copy / "data" / "resources" / "izneo.yml"
    replace(izneo, "category: livres-numeriques", "category: Bande dessinée")  # not an id: a schema error
    found = problems(demo_copy)
    assert len(found) == 1 and "category :" in found[0] and "inconnue" not in found[0], found


def test_a_group_failing_its_schema_still_has_its_libraries_checked(demo_copy: Path) -> None:
    groups = demo_copy / "data" / "groups.yml"
    replace(groups, "    kind: copil\n", "    kind: comite-pilotage\n")
    replace(groups, "        organisation: Communauté urbaine Caen la Mer\n",
            "        organisation: Communauté urbaine Caen la Mer\n        library: caen-centre\n")
    found = problems(demo_copy)
    assert len(found) == 2, found
    kind, library = found
    assert "(id copil) › kind : « comite-pilotage » n'est pas une valeur possible" in kind
    assert "(id copil) › 2e personne › library : bibliothèque « caen-centre » inconnue" in library, library


def test_a_harvest_source_failing_its_schema_still_has_its_kinds_checked(demo_copy: Path) -> None:
    sources = demo_copy / "data" / "sources.yml"
    replace(sources, "    library: ifs\n", "    library: ifs\n    refresh: 12\n")
    replace(sources, "      Rencontre: conference\n", "      Rencontre: rencontre\n")
    found = problems(demo_copy)
    assert len(found) == 2, found
    assert any("refresh" in p for p in found), found
    assert any("Rencontre : type d'événement « rencontre » inconnu" in p for p in found), found
