"""`bibnum harvest` end to end against a local server: failures keep the last good data and are reported."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.build import load_graph
from generator.cli import main
from generator.errors import BibnumError
from generator.harvest_command import harvest
from generator.load.harvest_store import read_store
from tests.harvest.helpers import FAST, Reply, atom, books

NOW = datetime(2026, 11, 21, 4, 0)
LATER = datetime(2026, 11, 22, 4, 0)


def declare(project: Path, *sources: dict, keep: bool = False) -> Path:
    if not keep:
        shutil.rmtree(project / "data" / "harvest", ignore_errors=True)
    (project / "data" / "sources.yml").write_text(yaml.safe_dump({"sources": list(sources)}), encoding="utf-8")
    return project


def source(server, path: str, ident: str = "pnb-flux", resource: str = "pnb", **extra) -> dict:
    return {"id": ident, "kind": "feed", "url": server.url(path), "resource": resource, "title_kind": "livre", **extra}


def stored(project: Path, ident: str = "pnb-flux") -> dict:
    return read_store(project / "data" / "harvest" / f"{ident}.json")


def run(project: Path, now: datetime = NOW, **kwargs):
    return harvest(project, now=now, limits=FAST, **kwargs)


def test_good_harvest_fills_the_store_and_the_graph(server, demo_copy: Path) -> None:
    server.routes["/pnb"] = Reply(atom(books(30)), headers={"ETag": '"v1"'})
    project = declare(demo_copy, source(server, "/pnb"))
    report = run(project)
    assert [(r.source, r.status, r.added, r.total) for r in report.rows] == [("pnb-flux", "ok", 30, 30)]
    data = stored(project)
    assert data["state"]["etag"] == '"v1"' and data["state"]["entries"] == 30
    assert len(data["records"]) == 30
    titles = load_graph(project).titles["pnb"]
    assert len(titles) == 30 and titles[0].source == "pnb-flux" and titles[0].resource == "pnb"
    on_disk = json.loads((project / "data" / "harvest" / "report.json").read_text(encoding="utf-8"))
    assert on_disk["sources"][0]["status"] == "ok"


FAILURES = {
    "/500": (Reply(b"oops", status=500), "HTTP 500"),
    "/404": (Reply(b"", status=404), "HTTP 404"),
    "/slow": (Reply(atom(books(30)), delay=1.0), "au bout de"),
    "/huge": (Reply(b"<feed>" + b" " * 25_000_000), "trop gros"),
    "/loop": (Reply(status=302, headers={"Location": "/loop"}), "redirections en boucle"),
    "/passwd": (Reply(status=302, headers={"Location": "file:///etc/passwd"}), "pas en http(s)"),
    "/malformed": (Reply(atom(books(30))[:-40]), "XML mal formé"),
    "/laughs": (Reply(b'<?xml version="1.0"?><!DOCTYPE f [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
                      b'<feed xmlns="http://www.w3.org/2005/Atom"><title>&b;</title></feed>'), "entités refusées"),
    "/latin1": (Reply(atom(books(30)).replace("Résumé".encode(), "Résumé".encode("latin-1"))), "mauvais encodage"),
    "/few": (Reply(atom(books(3))), "seulement 3 entrées, alors qu'il y en avait 30"),
    "/none": (Reply(atom([])), "aucune entrée, alors qu'il y en avait 30"),
}


def test_every_failure_keeps_the_last_good_data_and_is_reported(server, demo_copy: Path) -> None:
    server.routes["/good"] = Reply(atom(books(30)))
    declared = [source(server, "/good", ident=f"s{n}") for n in range(len(FAILURES))]
    project = declare(demo_copy, *declared)
    assert all(row.status == "ok" for row in run(project).rows)
    good = {d["id"]: stored(project, d["id"])["records"] for d in declared}

    for (path, (reply, _reason)), entry in zip(FAILURES.items(), declared):
        server.routes[path] = reply
        entry["url"] = server.url(path)
    declare(project, *declared, keep=True)

    report = run(project, LATER)
    rows = {row.source: row for row in report.rows}
    for (path, (_reply, reason)), entry in zip(FAILURES.items(), declared):
        row = rows[entry["id"]]
        assert row.status in ("failed", "refused") and reason in row.reason, (path, row)
        assert row.total == 30
        data = stored(project, entry["id"])
        assert data["records"] == good[entry["id"]], path  # the last good data survives
        assert reason in data["state"]["last_error"]["reason"]
    assert len(load_graph(project).titles["pnb"]) == 30  # one id space: the same 30 books
    saved = json.loads((project / "data" / "harvest" / "report.json").read_text(encoding="utf-8"))
    assert {s["source"]: s["status"] for s in saved["sources"]} == {e["id"]: rows[e["id"]].status for e in declared}
    assert all(s["reason"] for s in saved["sources"])


def test_strict_exits_non_zero_only_when_asked(server, demo_copy: Path) -> None:
    server.routes["/500"] = Reply(status=500)
    server.routes["/good"] = Reply(atom(books(2)))
    project = declare(demo_copy, source(server, "/500"), source(server, "/good", ident="autre"))
    runner = CliRunner()
    relaxed = runner.invoke(main, ["harvest", str(project), "--today", "2026-11-21T04:00"])
    assert relaxed.exit_code == 0, relaxed.output
    assert "pnb-flux" in relaxed.output and "HTTP 500" in relaxed.output and "1 en échec" in relaxed.output
    # The table is for people (French); report.json keeps its machine keys, its texts for people are French.
    head, failed_row = relaxed.output.splitlines()[:2]
    assert head.split() == ["source", "type", "pour", "état", "entrées", "nouvelles", "mises", "à", "jour",
                            "disparues", "retirées", "total", "durée", "raison"]
    assert "en échec" in failed_row and "le serveur a répondu HTTP 500 (erreur du serveur)" in failed_row
    assert relaxed.output.rstrip().endswith("2 sources, 1 en échec, 0 avertissement")
    saved = json.loads((project / "data" / "harvest" / "report.json").read_text(encoding="utf-8"))
    assert [(s["source"], s["status"]) for s in saved["sources"]] == [("pnb-flux", "failed"), ("autre", "ok")]
    assert saved["sources"][0]["reason"].startswith("le serveur a répondu HTTP 500 (erreur du serveur)")
    strict = runner.invoke(main, ["harvest", str(project), "--strict", "--force", "--today", "2026-11-21T05:00"])
    assert strict.exit_code == 1
    assert stored(project, "autre")["records"]  # the good source was still harvested


def test_accept_drop_lets_an_expected_shrink_through(server, demo_copy: Path) -> None:
    server.routes["/pnb"] = Reply(atom(books(30)))
    project = declare(demo_copy, source(server, "/pnb", grace_days=0))
    run(project)
    server.routes["/pnb"] = Reply(atom(books(5)))
    assert run(project, LATER, force=True).rows[0].status == "refused"
    row = run(project, LATER, force=True, accept_drop=True).rows[0]
    assert (row.status, row.dropped, row.total) == ("ok", 25, 5)


def test_etag_304_keeps_the_data(server, demo_copy: Path) -> None:
    def reply(handler):
        if handler.headers.get("If-None-Match") == '"v1"':
            return Reply(status=304, length=False)
        return Reply(atom(books(4)), headers={"ETag": '"v1"'})

    server.routes["/pnb"] = reply
    project = declare(demo_copy, source(server, "/pnb"))
    run(project)
    before = stored(project)["records"]
    row = run(project, LATER).rows[0]
    assert row.status == "not-modified" and row.total == 4
    assert server.requests[-1][1]["if-none-match"] == '"v1"'
    after = stored(project)
    assert after["records"] == before and after["state"]["last_success"].startswith("2026-11-22")


def test_dedupe_across_runs_and_grace_period(server, demo_copy: Path) -> None:
    server.routes["/pnb"] = Reply(atom(books(4)))
    project = declare(demo_copy, source(server, "/pnb", grace_days=2))
    run(project)
    # Day 2: the same books again (one retitled) plus one new; book 0 is gone.
    again = books(5)[1:]
    again[0] = {**again[0], "title": "Nouveau titre"}
    server.routes["/pnb"] = Reply(atom(again))
    row = run(project, LATER).rows[0]
    assert (row.added, row.updated, row.vanished, row.total) == (1, 1, 1, 5)
    titles = {t.title: t for t in load_graph(project).titles["pnb"]}
    assert titles["Nouveau titre"].first_seen.isoformat() == "2026-11-21"  # same book, same id
    assert titles["Livre numéro 4"].first_seen.isoformat() == "2026-11-22"
    assert titles["Livre numéro 0"].last_seen.isoformat() == "2026-11-21"  # kept during the grace period
    assert load_graph(project).titles["pnb"][0].title == "Livre numéro 4"  # newest first
    row = run(project, datetime(2026, 11, 23, 4, 0)).rows[0]
    assert row.vanished == 1 and row.total == 5  # two days after it was last seen: still there
    row = run(project, datetime(2026, 11, 24, 4, 0)).rows[0]
    assert row.dropped == 1 and row.total == 4


def test_sources_not_due_are_skipped_unless_named(server, demo_copy: Path) -> None:
    server.routes["/pnb"] = Reply(atom(books(2)))
    project = declare(demo_copy, source(server, "/pnb", refresh_hours=24))
    run(project)
    assert run(project, datetime(2026, 11, 21, 12, 0)).rows[0].status == "skipped"
    # Named, it runs; the same bytes as last time are recognised and not parsed again.
    assert run(project, datetime(2026, 11, 21, 12, 0), only=["pnb-flux"]).rows[0].status == "unchanged"
    server.routes["/pnb"] = Reply(atom(books(3)))
    row = run(project, datetime(2026, 11, 22, 11, 0)).rows[0]  # 23 h later counts as a day
    assert (row.status, row.added, row.total) == ("ok", 1, 3)
    with pytest.raises(BibnumError, match="source\\(s\\) inconnue\\(s\\) : absente"):
        run(project, only=["absente"])


def test_a_corrupt_store_is_rewritten_by_the_next_harvest(server, demo_copy: Path) -> None:
    server.routes["/pnb"] = Reply(atom(books(2)))
    project = declare(demo_copy, source(server, "/pnb"))
    (project / "data" / "harvest").mkdir(parents=True, exist_ok=True)
    (project / "data" / "harvest" / "pnb-flux.json").write_text("{ pas du json", encoding="utf-8")
    row = run(project).rows[0]
    assert row.status == "ok" and "fichier précédent illisible (JSON invalide" in row.reason
    assert len(load_graph(project).titles["pnb"]) == 2
