"""`bibnum search push` against a local fake of Algolia's REST API: records, settings, atomic move, retries."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.cli import main
from generator.search.push import AlgoliaTarget, PushFailed, push_objects

from .fake_algolia import FakeAlgolia

ADMIN_KEY = "adm1n-k3y-0123456789abcdef0123456789abcdef"
SEARCH_KEY = "0123456789abcdef0123456789abcdef"
OBJECTS = [{"objectID": f"title:{i}", "record": f"title:{i}", "title": f"Titre {i}"} for i in range(2300)]
SETTINGS = {"searchableAttributes": ["title"], "indexLanguages": ["fr"]}


def target(fake: FakeAlgolia, index: str = "bn_live") -> AlgoliaTarget:
    return AlgoliaTarget("ABCDEF1234", index, ADMIN_KEY, (fake.url,))


def calls(fake: FakeAlgolia) -> list[str]:
    return [f"{r.method} {r.path.split('?')[0]}" for r in fake.requests if "/task/" not in r.path]


def test_records_and_settings_fill_a_temporary_index_then_move_into_place():
    with FakeAlgolia() as fake:
        fake.indexes["bn_live"] = {"settings": {}, "objects": {"old": {"objectID": "old"}}}
        report = push_objects(target(fake), OBJECTS, SETTINGS, sleep=lambda s: None)
    tmp = "/1/indexes/bn_live_bibnum_tmp"
    assert calls(fake) == [f"DELETE {tmp}", f"PUT {tmp}/settings", f"POST {tmp}/batch", f"POST {tmp}/batch",
                           f"POST {tmp}/batch", f"POST {tmp}/operation"]
    move = fake.requests[-2].body if "/task/" in fake.requests[-1].path else fake.requests[-1].body
    assert move == {"operation": "move", "destination": "bn_live"}
    # Readers' index: replaced whole, old records gone, settings pushed with the records.
    assert list(fake.indexes) == ["bn_live"]
    live = fake.indexes["bn_live"]
    assert live["settings"] == SETTINGS
    assert sorted(live["objects"]) == sorted(o["objectID"] for o in OBJECTS)
    assert [len(r.body["requests"]) for r in fake.requests if r.path.endswith("/batch")] == [1000, 1000, 300]
    assert all(r.headers.get("x-algolia-api-key") == ADMIN_KEY for r in fake.requests)
    assert report.batches == 3 and report.retries == 0


def test_a_server_error_is_retried():
    waits = []
    with FakeAlgolia(fail_first=1) as fake:
        report = push_objects(target(fake), OBJECTS[:10], SETTINGS, sleep=waits.append)
    assert report.retries == 1 and waits == [1.0]
    first, second = fake.requests[0], fake.requests[1]
    assert (first.method, first.path) == (second.method, second.path)  # the 500, then the same request again
    assert sorted(fake.indexes["bn_live"]["objects"]) == sorted(o["objectID"] for o in OBJECTS[:10])


def test_a_lasting_failure_is_a_clear_error_and_leaves_the_live_index_alone():
    with FakeAlgolia(fail_first=1000) as fake:
        fake.indexes["bn_live"] = {"settings": {}, "objects": {"old": {"objectID": "old"}}}
        with pytest.raises(PushFailed) as failure:
            push_objects(target(fake), OBJECTS[:10], SETTINGS, attempts=3, sleep=lambda s: None)
    message = str(failure.value)
    assert "bn_live" in message and "vider l'index temporaire" in message and "essai 3 sur 3" in message
    assert ADMIN_KEY not in message
    assert fake.indexes["bn_live"]["objects"] == {"old": {"objectID": "old"}}


def test_a_client_error_is_not_retried():
    class Forbidden(FakeAlgolia):
        def handle(self, method, path, headers, body):
            self.requests.append(None)
            return 403, {"message": "Invalid Application-ID or API key", "status": 403}

    with Forbidden() as fake:
        with pytest.raises(PushFailed, match="Invalid Application-ID or API key"):
            push_objects(target(fake), OBJECTS[:10], SETTINGS, sleep=lambda s: None)
    assert len(fake.requests) == 2  # one attempt, then the clean-up of the temporary index


@pytest.fixture
def algolia_project(demo_copy: Path) -> Path:
    sites_file = demo_copy / "data" / "sites.yml"
    data = yaml.safe_load(sites_file.read_text(encoding="utf-8"))
    caen = next(s for s in data["sites"] if s["id"] == "caen")
    caen["algolia"] = {"app_id": "ABCDEF1234", "index": "bn_caen", "search_key": SEARCH_KEY}
    sites_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return demo_copy


def test_the_cli_pushes_the_sites_records_with_the_key_from_the_environment(algolia_project, views):
    with FakeAlgolia() as fake:
        result = CliRunner().invoke(main, ["search", "push", str(algolia_project), "--host", fake.url,
                                           "--today", "2026-11-21T10:00"], env={"ALGOLIA_ADMIN_KEY": ADMIN_KEY})
    assert result.exit_code == 0, result.output
    assert ADMIN_KEY not in result.output
    live = fake.indexes["bn_caen"]
    assert live["settings"]["indexLanguages"] == ["fr"]
    records = {o["record"] for o in live["objects"].values()}
    assert "resource:cafeyn" in records and "resource:philharmonie" not in records  # caen does not offer it
    assert not any(r.startswith(("group:", "page:guide")) for r in records)
    for path in algolia_project.rglob("*"):
        if path.is_file():
            assert ADMIN_KEY.encode() not in path.read_bytes(), path


def test_the_cli_refuses_without_a_key_or_without_settings(algolia_project, demo_copy):
    runner = CliRunner()
    result = runner.invoke(main, ["search", "push", str(algolia_project)], env={"ALGOLIA_ADMIN_KEY": ""})
    assert result.exit_code != 0 and "ALGOLIA_ADMIN_KEY" in result.output
    result = runner.invoke(main, ["search", "push", str(algolia_project), "--site", "calvados"],
                           env={"ALGOLIA_ADMIN_KEY": ADMIN_KEY})
    assert result.exit_code != 0 and "algolia:" in result.output
    result = runner.invoke(main, ["search", "push", str(algolia_project)], env={"ALGOLIA_ADMIN_KEY": SEARCH_KEY})
    assert result.exit_code != 0 and "est la clé d'administration Algolia" in result.output
