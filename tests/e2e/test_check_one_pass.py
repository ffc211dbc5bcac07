"""`bibnum check` in one pass: a broken copy of the demo gets every one of its errors in a single run.

The copy has a YAML syntax error in one file (data/taxonomy.yml), schema errors in three
others (data/sites.yml, data/groups.yml, a library) and reference errors in two more (a
resource and an event). Every one must be reported at its line, and none of the ids the
broken files declare may come back as an "unknown" error elsewhere (no cascade).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import replace_line

pytestmark = pytest.mark.e2e


def line_of(path: Path, prefix: str, after: int = 0) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(i for i, line in enumerate(lines) if i >= after and line.startswith(prefix)) + 1


def test_every_error_of_a_broken_copy_in_one_run(demo_copy: Path) -> None:
    data = demo_copy / "data"
    # 1. YAML syntax error: the whole taxonomy is unreadable (an unclosed flow sequence).
    taxonomy = data / "taxonomy.yml"
    syntax = replace_line(taxonomy, "  - id: presse", "  - id: [presse")  # the parser stops on the next line
    # 2. schema error in data/sites.yml: one site's colour (the other sites still validate).
    sites = data / "sites.yml"
    caen = line_of(sites, "  - id: caen")
    colour = replace_line(sites, "      primary:", '      primary: "rouge"', after=caen)
    # 3. schema error in data/groups.yml: the COPIL's kind (the other groups still validate).
    groups = data / "groups.yml"
    copil = line_of(groups, "  - id: copil")
    kind = replace_line(groups, "    kind:", "    kind: comite-pilotage", after=copil)
    # 4. schema error in a library: a key its model does not have.
    bayeux = data / "libraries" / "bayeux.yml"
    bayeux.write_text(bayeux.read_text(encoding="utf-8") + "surface_m2: 1200\n", encoding="utf-8")
    surface = line_of(bayeux, "surface_m2:")
    # 5. reference error in a resource: a site that does not exist.
    izneo = data / "resources" / "izneo.yml"
    izneo.write_text(izneo.read_text(encoding="utf-8") + "sites: [montreal]\n", encoding="utf-8")
    montreal = line_of(izneo, "sites:")
    # 6. reference error in an event: a library that does not exist.
    event = data / "events" / "2026-11-28-atelier-tablette-bayeux.yml"
    library = replace_line(event, "library:", "library: bibliotheque-disparue")

    result = CliRunner().invoke(main, ["check", str(demo_copy)], catch_exceptions=False)

    assert result.exit_code == 1
    errors = result.stderr.strip().splitlines()
    assert re.fullmatch(r"\d+ erreurs? : rien n'a été construit ni publié\.", errors.pop())
    expected = {
        "syntax": (f"data/taxonomy.yml:{syntax + 1}:", "YAML invalide"),
        "colour": (f"data/sites.yml:{colour}:", "2e site (id caen) › palette.primary : « rouge » n'est pas une couleur"),
        "kind": (f"data/groups.yml:{kind}:", "(id copil) › kind : « comite-pilotage » n'est pas une valeur possible"),
        "surface": (f"data/libraries/bayeux.yml:{surface}:1: ",
                    "surface_m2 : la clé « surface_m2 » n'existe pas à ce niveau ; cette clé se place sous `profile:`"),
        "montreal": (f"data/resources/izneo.yml:{montreal}:", "portail public « montreal » inconnu"),
        "library": (f"{event.relative_to(demo_copy)}:{library}:", "bibliothèque « bibliotheque-disparue » inconnue"),
    }
    for name, (where, what) in expected.items():
        assert any(e.startswith(where) and what in e for e in errors), (name, errors)
    # Nothing else: no cascade from the broken taxonomy (categories, audiences, event kinds of every
    # resource and event), sites (calvados, caen, pro), COPIL (the event of group copil) or library (bayeux).
    assert len(errors) == len(expected), "\n".join(errors)
    unknown_ids = [e for e in errors if "» inconnu" in e]
    assert len(unknown_ids) == 2 and all("montreal" in e or "bibliotheque-disparue" in e for e in unknown_ids)
