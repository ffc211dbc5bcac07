"""The network's declared facts and the libraries' profiles: valid and invalid, messages in French."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from generator.build import load_graph
from generator.errors import ProjectInvalid
from generator.models.library import Library
from generator.models.site import Network

LIBRARY = {
    "id": "bayeux", "name": "Médiathèque", "town": "Bayeux",
    "address": {"street": "1 rue", "postcode": "14400", "city": "Bayeux"}, "joined": 2016, "sites": ["portail"],
}


def network(**changes) -> Network:
    return Network.model_validate({"name": "Réseau", "description": "Un réseau.", **changes})


def messages(exc: pytest.ExceptionInfo) -> list[tuple[tuple, str]]:
    return [(err["loc"], err["msg"]) for err in exc.value.errors()]


def test_defaults_keep_a_network_without_facts_valid_and_ask_no_fee() -> None:
    net = network()
    assert net.fee_per_inhabitant is None
    assert (net.towns, net.funders, net.milestones, net.budget) == ([], [], [], None)


def test_funders_shares_must_add_up_to_100() -> None:
    ok = network(funders=[{"name": "Département", "share": 50}, {"name": "Agglomération", "share": 50}],
                 budget=184000)
    assert [f.share for f in ok.funders] == [Decimal(50), Decimal(50)]
    assert network(funders=[{"name": "Métropole", "amount": 250000}]).funders[0].share is None  # amounts only
    with pytest.raises(ValidationError) as exc:
        network(funders=[{"name": "Département", "share": 60}, {"name": "Agglomération", "share": 30.5}])
    [(loc, msg)] = messages(exc)
    assert loc == ("funders",)
    assert "les parts des financeurs font 90.5 % (60 + 30.5)" in msg and "elles doivent faire 100 %" in msg


def test_a_town_is_declared_once() -> None:
    with pytest.raises(ValidationError) as exc:
        network(towns=[{"name": "Caen", "population": 106230}, {"name": "caen", "population": 106000}])
    [(loc, msg)] = messages(exc)
    assert loc == ("towns",)
    assert "la commune « caen » est déclarée deux fois (communes n° 1 et n° 2)" in msg


@pytest.mark.parametrize(("town", "field"), [
    ({"name": "Caen", "population": 0}, "population"),
    ({"name": "Caen", "population": 5, "insee": "1411"}, "insee"),
    ({"name": "Caen", "population": 5, "joined": 16}, "joined"),
])
def test_town_figures_are_bounded(town: dict, field: str) -> None:
    with pytest.raises(ValidationError) as exc:
        network(towns=[town])
    assert [loc for loc, _msg in messages(exc)] == [("towns", 0, field)]


def test_milestones_and_corsican_insee_codes() -> None:
    net = network(towns=[{"name": "Ajaccio", "population": 70000, "insee": "2A004"}],
                  milestones=[{"date": "2019-03-14", "kind": "convention", "title": "Convention signée"}])
    assert net.milestones[0].kind == "convention" and net.towns[0].insee == "2A004"
    with pytest.raises(ValidationError):
        network(milestones=[{"date": "2019-03-14", "kind": "arrete", "title": "Arrêté"}])


def test_library_population_is_optional_and_its_profile_is_typed() -> None:
    lib = Library.model_validate({**LIBRARY, "local_network": "Réseau du Bessin", "profile": {
        "surface_m2": 2300, "weekly_hours": 24.5, "staff": {"category_a": 2, "fte": 4.5},
        "fees": {"residents": 0, "non_residents": 15}, "equipment": {"wifi": True},
        "ils": {"product": "Koha", "since": 2019}}})
    assert lib.population is None and lib.local_network == "Réseau du Bessin"
    assert lib.profile.weekly_hours == Decimal("24.5") and lib.profile.fees.residents == 0


@pytest.mark.parametrize(("profile", "loc"), [
    ({"surface_m2": 0}, ("profile", "surface_m2")),
    ({"weekly_hours": 169}, ("profile", "weekly_hours")),
    ({"staff": {"volunteers": -1}}, ("profile", "staff", "volunteers")),
    ({"staff": {"fte": 4.555}}, ("profile", "staff", "fte")),
    ({"fees": {"residents": 12.345}}, ("profile", "fees", "residents")),
    ({"ils": {"vendor": "BibLibre"}}, ("profile", "ils", "product")),
    ({"surface": 300}, ("profile", "surface")),
])
def test_profile_mistakes_point_at_their_key(profile: dict, loc: tuple) -> None:
    with pytest.raises(ValidationError) as exc:
        Library.model_validate({**LIBRARY, "profile": profile})
    assert [err_loc for err_loc, _msg in messages(exc)] == [loc]


# --- cross-checks on a copy of the demo -----------------------------------------------------


def edit_yaml(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def line_of(path: Path, prefix: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1)
                if line.startswith(prefix))


def problems_of(project: Path) -> dict[tuple[str, int], str]:
    with pytest.raises(ProjectInvalid) as exc:
        load_graph(project)
    return {(p.location.file, p.location.line): p.message for p in exc.value.problems}


def test_library_town_and_population_are_checked_against_the_declared_towns(demo_copy: Path) -> None:
    libraries = demo_copy / "data" / "libraries"
    edit_yaml(libraries / "bayeux.yml", lambda d: d.update(town="Bayeux-Ville"))  # undeclared, no population
    edit_yaml(libraries / "falaise.yml", lambda d: d.update(population=9999))  # declared with 8050
    edit_yaml(libraries / "honfleur.yml", lambda d: d.update(town="Trouville", population=4500))  # fine

    found = problems_of(demo_copy)
    assert len(found) == 2, found
    town = found[("data/libraries/bayeux.yml", line_of(libraries / "bayeux.yml", "town:"))]
    assert "la commune « Bayeux-Ville » n'est pas déclarée dans `network.towns`" in town
    assert "ajoutez `population:` ici" in town
    population = found[("data/libraries/falaise.yml", line_of(libraries / "falaise.yml", "population:"))]
    assert "9999 habitants ici, mais 8050 pour « Falaise »" in population


def test_an_undeclared_town_gets_one_population_from_its_libraries(demo_copy: Path) -> None:
    libraries = demo_copy / "data" / "libraries"
    edit_yaml(libraries / "honfleur.yml", lambda d: d.update(town="Trouville", population=4500))
    edit_yaml(libraries / "ifs.yml", lambda d: d.update(town="Trouville", population=4800))  # the second file
    edit_yaml(libraries / "falaise.yml", lambda d: d.update(town="Deauville", population=3700))
    edit_yaml(libraries / "herouville-saint-clair.yml", lambda d: d.update(town="Deauville", population=3700))

    found = problems_of(demo_copy)
    assert list(found) == [("data/libraries/ifs.yml", line_of(libraries / "ifs.yml", "population:"))], found
    message = next(iter(found.values()))
    assert message.startswith("population : 4800 habitants ici, mais 4500 pour « Trouville » dans le fichier de "
                              "la bibliothèque honfleur ; une commune n'a qu'une population")
    assert "`- name: Trouville` puis `population: 4500`" in message


def test_funders_shares_are_reported_at_their_line(demo_copy: Path) -> None:
    sites = demo_copy / "data" / "sites.yml"
    edit_yaml(sites, lambda d: d["network"]["funders"][0].update(share=40))
    found = problems_of(demo_copy)
    shares = found[("data/sites.yml", line_of(sites, "  funders:"))]
    assert "les parts des financeurs font 90 % (40 + 50)" in shares
