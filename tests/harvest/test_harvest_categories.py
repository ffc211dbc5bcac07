"""A harvested agenda's categories -> event kinds: declared in data/sources.yml, checked against the
taxonomy, and every category that names no kind is a warning of the harvest report."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from pydantic import ValidationError

from generator.build import load_graph
from generator.errors import ProjectInvalid
from generator.harvest.categories import category_warnings
from generator.harvest_command import harvest
from generator.models.source import Source
from generator.models.taxonomy import Term

KINDS = {kid: Term(id=kid, label=label) for kid, label in
         (("atelier", "Atelier"), ("projection", "Projection"), ("heure-du-conte", "Heure du conte"))}
AGENDA = {"id": "agenda-ifs", "kind": "ical", "url": "a.ics", "library": "ifs"}


def source(**fields) -> Source:
    return Source.model_validate({**AGENDA, **fields})


def records(*categories: list[str]) -> list[dict]:
    return [{"id": f"e{n}", "categories": cats} for n, cats in enumerate(categories)]


def test_mapped_and_named_categories_raise_no_warning() -> None:
    src = source(categories={"Ciné-goûter": "projection"})
    assert category_warnings(src, records(["ciné-goûter"], ["PROJECTION"], ["heure du conte"], ["Atelier"]),
                             KINDS) == []


def test_an_unmapped_category_is_a_warning_naming_the_fix() -> None:
    warnings = category_warnings(source(default_kind="atelier"),
                                 records(["Exposition"], ["Exposition", "Atelier"], ["Atelier"]), KINDS)
    assert warnings[0] == (
        "catégorie « Exposition » (2 événements) : aucun type d'événement ne lui correspond ; ajoutez-la sous "
        "« categories: » de la source « agenda-ifs » dans data/sources.yml, par ex. « Exposition: atelier »")
    assert warnings[1] == "1 événement sans catégorie reconnue : publié comme « atelier » (default_kind)"


def test_without_default_kind_unmapped_events_are_said_unpublished() -> None:
    warnings = category_warnings(source(), records(["Exposition"], []), KINDS)
    assert warnings[-1] == ("2 événements sans catégorie reconnue : non publiés ; complétez « categories: » "
                            "ou donnez « default_kind »")


def test_agenda_keys_only_on_agendas_and_former_name_still_accepted() -> None:
    assert source(event_kind="atelier").fallback_kind == "atelier"
    with pytest.raises(ValidationError, match="default_kind"):
        source(event_kind="atelier", default_kind="atelier")
    with pytest.raises(ValidationError, match="categories"):
        Source.model_validate({"id": "f", "kind": "feed", "url": "f.atom", "resource": "pnb",
                               "categories": {"Roman": "atelier"}})


def write_sources(project: Path, old: str, new: str) -> None:
    path = project / "data/sources.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def harvested_kinds(project: Path) -> dict[str, str]:
    return {ev.title: ev.kind for ev in load_graph(project).events.values() if ev.source == "agenda-ifs"}


def test_mapping_decides_kinds_and_unmapped_events_without_default_are_not_published(demo_copy: Path) -> None:
    kinds = harvested_kinds(demo_copy)
    assert "conference" in kinds.values()  # « Rencontre: conference » in the demo's data/sources.yml
    write_sources(demo_copy, "      Rencontre: conference\n    default_kind: atelier\n", "")
    after = harvested_kinds(demo_copy)
    assert "conference" not in after.values()
    assert len(after) == len(kinds) - 1  # the « Rencontre » event: no kind, not published


def test_harvest_report_warns_per_source(demo_copy: Path) -> None:
    write_sources(demo_copy, "      Rencontre: conference\n", "")
    report = harvest(demo_copy, now=datetime(2026, 11, 22, 4, 0), only=["agenda-ifs"])
    row = report.rows[0]
    assert row.status == "unchanged"  # same document as last time: still reported
    assert row.warnings == [
        "catégorie « Rencontre » (1 événement) : aucun type d'événement ne lui correspond ; ajoutez-la sous "
        "« categories: » de la source « agenda-ifs » dans data/sources.yml, par ex. « Rencontre: atelier »",
        "1 événement sans catégorie reconnue : publié comme « atelier » (default_kind)"]
    assert "attention, agenda-ifs : catégorie « Rencontre »" in report.table()
    assert report.table().endswith("1 source, 0 en échec, 2 avertissements")
    saved = json.loads((demo_copy / "data/harvest/report.json").read_text(encoding="utf-8"))
    assert saved["sources"][0]["warnings"] == row.warnings
    # Not due an hour later: the agenda is not read again, but what it publishes is still reported.
    later = harvest(demo_copy, now=datetime(2026, 11, 22, 5, 0))
    [skipped] = [r for r in later.rows if r.source == "agenda-ifs"]
    assert skipped.status == "skipped" and skipped.warnings == row.warnings


def test_a_mapped_kind_must_exist_in_the_taxonomy(demo_copy: Path) -> None:
    write_sources(demo_copy, "      Rencontre: conference\n", "      Rencontre: conferense\n")
    lines = (demo_copy / "data/sources.yml").read_text(encoding="utf-8").split("\n")
    line = lines.index("      Rencontre: conferense") + 1
    with pytest.raises(ProjectInvalid) as caught:
        load_graph(demo_copy)
    found = [(p.location.file, p.location.line, p.message) for p in caught.value.problems]
    assert len(found) == 1 and found[0][:2] == ("data/sources.yml", line)
    assert "conferense" in found[0][2] and "conference" in found[0][2]
