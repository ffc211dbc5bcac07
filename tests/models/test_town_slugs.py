"""A town's agenda page is named by its slug: clean for any French name, and never shared by two
towns (written alike but for accents, case or punctuation), which check reports at the second one."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from generator.build import load_graph
from generator.errors import ProjectInvalid
from generator.models.network_facts import town_slug
from generator.models.site import Network


@pytest.mark.parametrize(("name", "slug"), [
    ("L'Aigle", "l-aigle"),
    ("L’Aigle", "l-aigle"),  # typographic apostrophe: a separator too, not dropped
    ("Saint-Étienne-du-Rouvray", "saint-etienne-du-rouvray"),
    ("Œuilly", "oeuilly"),  # a ligature Unicode does not decompose
    ("LÆTITIA-SUR-MER", "laetitia-sur-mer"),
    ("Pont-l'Évêque", "pont-l-eveque"),
    ("  Saint   Lô  ", "saint-lo"),
    ("Saint-Denis (93)", "saint-denis-93"),
])
def test_town_names_make_clean_slugs(name: str, slug: str) -> None:
    assert town_slug(name) == slug


def test_two_declared_towns_with_one_slug_are_refused_at_the_second() -> None:
    with pytest.raises(ValidationError) as exc:
        Network.model_validate({"name": "Réseau", "description": "Un réseau.", "towns": [
            {"name": "Saint-Lô", "population": 19000}, {"name": "Caen", "population": 106230},
            {"name": "Saint Lo", "population": 19000}]})
    [error] = exc.value.errors()
    assert "« Saint Lo » (commune n° 3) ne diffère de « Saint-Lô » (commune n° 1)" in error["msg"]
    assert "(agenda/communes/saint-lo/)" in error["msg"]


def problems_of(project: Path) -> dict[tuple[str, int], str]:
    with pytest.raises(ProjectInvalid) as exc:
        load_graph(project)
    return {(p.location.file, p.location.line): p.message for p in exc.value.problems}


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if text in line)


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_declared_town_with_the_slug_of_another_is_reported_at_its_line(demo_copy: Path) -> None:
    sites = demo_copy / "data" / "sites.yml"
    replace(sites, "    - {name: Lisieux,", "    - {name: Herouville Saint Clair, population: 100}\n    - {name: Lisieux,")
    found = problems_of(demo_copy)
    assert list(found) == [("data/sites.yml", line_of(sites, "Herouville Saint Clair"))], found
    message = found[("data/sites.yml", line_of(sites, "Herouville Saint Clair"))]
    assert "« Herouville Saint Clair »" in message and "« Hérouville-Saint-Clair »" in message


def test_a_library_town_spelt_like_a_declared_one_is_told_which_to_write(demo_copy: Path) -> None:
    library = demo_copy / "data" / "libraries" / "honfleur.yml"
    replace(library, 'town: "Honfleur"', 'town: "HONFLEUR "')  # same town: case and spacing do not matter
    replace(demo_copy / "data" / "libraries" / "lisieux.yml", 'town: "Lisieux"', "town: Lisieüx")
    found = problems_of(demo_copy)
    where = ("data/libraries/lisieux.yml", line_of(demo_copy / "data/libraries/lisieux.yml", "town:"))
    assert list(found) == [where], found  # one message: not also « commune non déclarée »
    assert "« Lisieüx » n'est pas écrit comme la commune déclarée « Lisieux »" in found[where]
    assert "écrivez `town: Lisieux`" in found[where]


def test_two_undeclared_towns_with_one_slug_are_reported_at_the_second_library(demo_copy: Path) -> None:
    libraries = demo_copy / "data" / "libraries"
    replace(libraries / "honfleur.yml", 'town: "Honfleur"', 'town: "Trouville-sur-Mer"\npopulation: 4500')
    replace(libraries / "lisieux.yml", 'town: "Lisieux"', 'town: "Trouville sur Mer"\npopulation: 4500')
    found = problems_of(demo_copy)
    where = ("data/libraries/lisieux.yml", line_of(libraries / "lisieux.yml", "town:"))
    assert list(found) == [where], found
    assert "« Trouville sur Mer » ne diffère de « Trouville-sur-Mer » (bibliothèque honfleur)" in found[where]
    assert "(agenda/communes/trouville-sur-mer/)" in found[where]
