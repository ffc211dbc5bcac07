"""Harvested agendas: events join their library's agenda, keep their UID and update in place."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from icalendar import Calendar

from generator.build import load_graph
from generator.work_tree import generate_site
from generator.harvest_command import harvest
from tests.conftest import DEMO_NOW, REPO

ICS = "data/feeds/agenda-mediatheque-ifs.ics"
UID = "48213570@openagenda.example.org"


def harvested_events(graph):
    return {ev.uid: ev for ev in graph.events.values() if ev.source == "agenda-ifs"}


def test_demo_agenda_events_are_in_the_graph() -> None:
    events = harvested_events(load_graph(REPO))
    assert len(events) == 22
    first = events[UID]
    assert first.library == "ifs" and first.scope == "public" and first.kind == "heure-du-conte"
    assert first.id.startswith("agenda-ifs-48213570-")
    assert first.title == "Bébés lecteurs" and first.start == datetime(2026, 10, 7, 10, 0)
    # Categories named like a kind, or mapped under `categories:` in data/sources.yml.
    assert {ev.kind for ev in events.values()} == {"heure-du-conte", "atelier", "projection", "exposition", "conference"}


def test_harvested_events_reach_the_agenda_pages_and_keep_their_uid_in_ics() -> None:
    graph = load_graph(REPO)
    calvados = next(s for s in graph.sites if s.id == "calvados")
    files = generate_site(graph, calvados, DEMO_NOW)
    event = harvested_events(graph)[UID]
    assert f"docs/evenements/{event.id}/index.md" in files
    library_page = files["docs/bibliotheques/ifs/index.md"]
    upcoming = [ev for ev in harvested_events(graph).values() if ev.end >= DEMO_NOW]
    assert any(ev.title in library_page for ev in upcoming)
    for path in ("docs/agenda/agenda.ics", "docs/bibliotheques/ifs.ics", f"docs/evenements/{event.id}.ics"):
        uids = {str(c["UID"]) for c in Calendar.from_ical(files[path]).walk("VEVENT")}
        assert UID in uids, path


def test_reharvest_updates_events_in_place(demo_copy: Path) -> None:
    path = demo_copy / ICS
    before = harvested_events(load_graph(demo_copy))[UID]
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("SUMMARY:Bébés lecteurs", "SUMMARY:Bébés lecteurs (complet)", 1)
                    .replace("DTSTART;TZID=Europe/Paris:20261007T100000", "DTSTART;TZID=Europe/Paris:20261007T103000", 1),
                    encoding="utf-8")
    row = harvest(demo_copy, now=datetime(2026, 11, 22, 4, 0), only=["agenda-ifs"]).rows[0]
    assert (row.status, row.added, row.updated, row.total) == ("ok", 0, 1, 22)
    after = harvested_events(load_graph(demo_copy))[UID]
    assert after.id == before.id
    assert after.title == "Bébés lecteurs (complet)" and after.start == datetime(2026, 10, 7, 10, 30)
