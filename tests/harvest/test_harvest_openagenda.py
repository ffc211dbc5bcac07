"""`kind: openagenda`: an agenda read through OpenAgenda's API v2, against a local server answering like it."""

from __future__ import annotations

import json
import shutil
from datetime import date, datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from click.testing import CliRunner

from generator.build import load_graph
from generator.cli import main
from generator.harvest.openagenda import KEY_VARIABLE, PAGE_SIZE, page_address
from generator.harvest.parsers import ParseError
from generator.harvest.parsers.openagenda import parse_openagenda
from generator.harvest_command import harvest
from generator.load.harvest_store import read_store
from generator.models.source import Source
from tests.harvest.helpers import FAST, Reply

NOW = datetime(2026, 11, 21, 4, 0)
LATER = datetime(2026, 11, 22, 4, 0)
KEY = "cle-secrete-0123456789"
PATH = "/v2/agendas/4242/events"


def oa_event(uid: int, title: str, begin: str = "2026-12-05T14:00:00+01:00", end: str = "2026-12-05T16:00:00+01:00",
             **extra) -> dict:
    return {"uid": uid, "title": {"fr": title, "en": f"{title} (en)"}, "description": {"fr": f"À propos de {title}"},
            "timings": [{"begin": begin, "end": end}], "keywords": {"fr": ["Atelier"]},
            "updatedAt": "2026-11-01T10:00:00.000Z", "status": 1, **extra}


class Agenda(dict):
    """Routes of the fake API: every address under PATH is answered by `answer` (any query)."""

    def __init__(self, events: list[dict]) -> None:
        super().__init__()
        self.events = events
        self.broken_page: int | None = None  # this page (from 0) answers with bad JSON
        self.looping = False  # the second page points back to itself

    def get(self, path: str, default=None):
        return self.answer if urlsplit(path).path == PATH else default

    def answer(self, handler) -> Reply:
        query = parse_qs(urlsplit(handler.path).query)
        if query.get("key") != [KEY]:
            return Reply(b'{"error": "invalid key"}', status=403)
        size = int(query["size"][0]) // 50  # pages of 2 events, so that 5 events take 3 pages
        start = int(query.get("after[]", ["0"])[0])
        if self.broken_page is not None and start == self.broken_page * size:
            return Reply(b'{"events": [', headers={"Content-Type": "application/json"})
        page = self.events[start:start + size]
        after = [start + size] if start + size < len(self.events) else None
        if self.looping and start:
            after = [start]
        body = json.dumps({"total": len(self.events), "events": page, "after": after}).encode("utf-8")
        return Reply(body, headers={"Content-Type": "application/json"})


@pytest.fixture
def agenda(server) -> Agenda:
    server.routes = Agenda([
        oa_event(101, "Atelier BD"),
        oa_event(102, "Conte de Noël", status=6),
        oa_event(103, "Heure du jeu", onlineAccessLink="https://visio.example.org/jeu",
                 registration=[{"type": "phone", "value": "02 31 00 00 00"},
                               {"type": "link", "value": "https://inscription.example.org/jeu"}]),
        oa_event(104, "Club lecture", longDescription={"fr": "<p>Premier <b>paragraphe</b><script>x()</script></p>"
                                                             "<p>Second</p>"}),
        {**oa_event(105, "Ciné-goûter"), "timings": [
            {"begin": "2026-12-09T14:00:00+01:00", "end": "2026-12-09T16:00:00+01:00"},
            {"begin": "2026-12-16T13:00:00Z", "end": "2026-12-16T15:00:00Z"}]},
    ])
    return server.routes


def declare(project: Path, server, *extra: dict) -> Path:
    shutil.rmtree(project / "data" / "harvest", ignore_errors=True)
    source = {"id": "agenda-oa", "kind": "openagenda", "url": server.url(PATH), "library": "ifs",
              "default_kind": "atelier"}
    (project / "data" / "sources.yml").write_text(yaml.safe_dump({"sources": [source, *extra]}), encoding="utf-8")
    return project


def events(project: Path) -> dict:
    return {ev.uid: ev for ev in load_graph(project).events.values() if ev.source == "agenda-oa"}


def test_every_page_is_read_and_each_event_keeps_its_openagenda_uid(server, agenda: Agenda, demo_copy: Path) -> None:
    project = declare(demo_copy, server)
    row = harvest(project, now=NOW, limits=FAST, openagenda_key=KEY).rows[0]
    assert (row.status, row.entries, row.added, row.total) == ("ok", 6, 6, 6)
    queries = [parse_qs(urlsplit(path).query) for path, _headers in server.requests]
    assert [q.get("after[]") for q in queries] == [None, ["2"], ["4"]]
    assert all(q["key"] == [KEY] and q["size"] == [str(PAGE_SIZE)] and q["detailed"] == ["1"] for q in queries)
    found = events(project)
    first = found["101@openagenda.com"]
    assert (first.title, first.library, first.kind, first.status) == ("Atelier BD", "ifs", "atelier", "scheduled")
    assert first.start == datetime(2026, 12, 5, 14, 0) and first.end == datetime(2026, 12, 5, 16, 0)
    assert found["102@openagenda.com"].status == "cancelled"
    game = found["103@openagenda.com"]
    assert game.online_url == "https://visio.example.org/jeu"
    assert game.registration_url == "https://inscription.example.org/jeu"
    club = found["104@openagenda.com"]
    assert club.description == "Premier paragraphe\n\nSecond" and "x()" not in club.description
    # Two timings, two events; the UTC one in Paris local time (winter: +1 h).
    assert found["105-20261209T1400@openagenda.com"].start == datetime(2026, 12, 9, 14, 0)
    assert found["105-20261216T1400@openagenda.com"].end == datetime(2026, 12, 16, 16, 0)
    stored = (project / "data" / "harvest" / "agenda-oa.json").read_text(encoding="utf-8")
    report = (project / "data" / "harvest" / "report.json").read_text(encoding="utf-8")
    assert KEY not in stored and KEY not in report


def test_reharvest_updates_in_place_and_removes_deleted_events(server, agenda: Agenda, demo_copy: Path) -> None:
    project = declare(demo_copy, server)
    harvest(project, now=NOW, limits=FAST, openagenda_key=KEY)
    before = events(project)
    del agenda.events[1]  # 102 deleted on OpenAgenda
    agenda.events[0] = oa_event(101, "Atelier BD (complet)", begin="2026-12-05T14:30:00+01:00",
                                updatedAt="2026-11-21T18:00:00.000Z", status=4)
    row = harvest(project, now=LATER, limits=FAST, openagenda_key=KEY).rows[0]
    assert (row.status, row.added, row.updated, row.dropped, row.total) == ("ok", 0, 1, 1, 5)
    after = events(project)
    assert "102@openagenda.com" not in after
    updated = after["101@openagenda.com"]
    assert updated.id == before["101@openagenda.com"].id
    assert (updated.title, updated.start, updated.status) == ("Atelier BD (complet)", datetime(2026, 12, 5, 14, 30),
                                                              "postponed")


def test_a_bad_json_answer_keeps_the_last_good_events_and_is_reported(server, agenda: Agenda,
                                                                      demo_copy: Path) -> None:
    project = declare(demo_copy, server)
    harvest(project, now=NOW, limits=FAST, openagenda_key=KEY)
    agenda.broken_page = 1
    row = harvest(project, now=LATER, limits=FAST, openagenda_key=KEY).rows[0]
    assert row.status == "failed" and row.total == 6
    assert "JSON" in row.reason and "OpenAgenda" in row.reason
    data = read_store(project / "data" / "harvest" / "agenda-oa.json")
    assert len(data["records"]) == 6 and "JSON" in data["state"]["last_error"]["reason"]
    assert len(events(project)) == 6
    on_disk = json.loads((project / "data" / "harvest" / "report.json").read_text(encoding="utf-8"))
    assert on_disk["sources"][0]["status"] == "failed"


def test_without_the_key_the_source_fails_in_french_and_the_others_go_on(server, agenda: Agenda,
                                                                        demo_copy: Path) -> None:
    feed = demo_copy / "data" / "feeds" / "oa-test.ics"
    feed.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//FR\r\nBEGIN:VEVENT\r\nUID:1@t\r\n"
                    "SUMMARY:Atelier\r\nDTSTART:20261205T140000\r\nDTEND:20261205T150000\r\nEND:VEVENT\r\n"
                    "END:VCALENDAR\r\n", encoding="utf-8")
    project = declare(demo_copy, server, {"id": "agenda-ics", "kind": "ical", "url": "data/feeds/oa-test.ics",
                                          "library": "ifs", "default_kind": "atelier"})
    rows = harvest(project, now=NOW, limits=FAST).rows
    assert [(r.source, r.status) for r in rows] == [("agenda-oa", "failed"), ("agenda-ics", "ok")]
    assert KEY_VARIABLE in rows[0].reason and "clé d'API OpenAgenda absente" in rows[0].reason
    assert server.requests == []


def test_the_command_reads_the_key_from_the_environment(server, agenda: Agenda, demo_copy: Path) -> None:
    project = declare(demo_copy, server)
    runner = CliRunner()
    result = runner.invoke(main, ["harvest", str(project), "--today", "2026-11-21T04:00"], env={KEY_VARIABLE: KEY})
    assert result.exit_code == 0, result.output
    assert read_store(project / "data" / "harvest" / "agenda-oa.json")["state"]["entries"] == 6
    missing = runner.invoke(main, ["harvest", str(project), "--force", "--today", "2026-11-22T04:00"],
                            env={KEY_VARIABLE: ""})
    assert missing.exit_code == 0 and f"définissez la variable d'environnement {KEY_VARIABLE}" in missing.output


def test_a_cursor_that_comes_back_stops_the_listing(server, agenda: Agenda, demo_copy: Path) -> None:
    project = declare(demo_copy, server)
    agenda.looping = True
    row = harvest(project, now=NOW, limits=FAST, openagenda_key=KEY).rows[0]
    assert row.status == "failed" and "curseur « after » répété" in row.reason
    assert len(server.requests) == 2  # page 2 names itself as the next page: not asked again


def test_the_key_never_shows_in_a_failure(server, demo_copy: Path) -> None:
    project = declare(demo_copy, server)
    server.routes[PATH] = Reply(b"", status=404)  # not even the query's route: any page is a 404
    row = harvest(project, now=NOW, limits=FAST, openagenda_key=KEY).rows[0]
    assert row.status == "failed" and "HTTP 404" in row.reason and KEY not in row.reason


def test_an_openagenda_source_needs_an_http_address_and_a_library() -> None:
    good = {"id": "agenda-oa", "kind": "openagenda", "url": "https://api.openagenda.com/v2/agendas/1/events",
            "library": "ifs"}
    assert Source.model_validate(good).kind == "openagenda"
    with pytest.raises(ValueError, match="https://api.openagenda.com/v2/agendas/12345678/events"):
        Source.model_validate({**good, "url": "data/feeds/agenda.json"})
    with pytest.raises(ValueError, match="une source « openagenda » alimente l'agenda"):
        Source.model_validate({**good, "library": None, "resource": "pnb"})


def test_parser_reads_localized_text_and_skips_what_it_cannot_read() -> None:
    body = json.dumps({"events": [
        {"uid": 7, "title": {"en": "Only English"}, "timings": [{"begin": "2026-12-01T10:00:00+01:00",
                                                                  "end": "2026-12-01T11:00:00+01:00"}]},
        {"uid": 8, "title": {"fr": "Sans date"}, "timings": []},
        {"uid": 9, "title": {"fr": "Date illisible"}, "timings": [{"begin": "demain", "end": "après"}]},
        {"uid": 10, "title": {"fr": "Il y a trois ans"}, "timings": [{"begin": "2023-01-01T10:00:00+01:00",
                                                                       "end": "2023-01-01T11:00:00+01:00"}]},
    ]}).encode("utf-8")
    parsed = parse_openagenda(body, "application/json", source_id="oa", today=date(2026, 11, 21))
    assert [r["title"] for r in parsed.records] == ["Only English"]
    assert (parsed.entries, parsed.skipped) == (4, 3)
    with pytest.raises(ParseError):
        parse_openagenda(b"<html>", None, source_id="oa", today=date(2026, 11, 21))
    with pytest.raises(ParseError):
        parse_openagenda(b'{"items": []}', None, source_id="oa", today=date(2026, 11, 21))


def test_page_address_keeps_the_sources_query_and_adds_the_cursor() -> None:
    url = page_address("https://api.openagenda.com/v2/agendas/1/events?relative[]=upcoming", "k", date(2026, 11, 21),
                       [1700000000, "abc"])
    query = parse_qs(urlsplit(url).query)
    assert query["relative[]"] == ["upcoming"] and query["after[]"] == ["1700000000", "abc"]
    assert query["key"] == ["k"] and query["timings[gte]"] == ["2025-11-20"]
