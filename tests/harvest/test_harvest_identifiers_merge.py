"""Identifiers (ISBN/ISSN/URN/GUID) and the merge of a fresh harvest into the last good one."""

from __future__ import annotations

from datetime import date

import pytest

from generator.harvest.identifiers import isbn13, issn, title_id
from generator.harvest.merge import merge, refusal


@pytest.mark.parametrize("raw, expected", [
    ("978-2-07-061275-8", "9782070612758"),
    ("urn:isbn:9782070612758", "9782070612758"),
    ("2-07-061275-9", "9782070612758"),  # ISBN-10 -> 13
    ("ISBN 2 07 061275 9", "9782070612758"),
    ("978-2-07-061275-9", None),  # bad checksum
    ("2-07-061275-8", None),
    ("12345", None),
])
def test_isbn13(raw: str, expected: str | None) -> None:
    assert isbn13(raw) == expected


def test_issn_checksum() -> None:
    assert issn("urn:issn:0395-2037") == "0395-2037"
    assert issn("03952037") == "0395-2037"
    assert issn("0395-2038") is None


def test_title_id_prefers_isbn_then_issn_then_urn_then_guid() -> None:
    assert title_id(["urn:uuid:abc", "issn:0395-2037", "978-2-07-061275-8"], "x") == "isbn:9782070612758"
    assert title_id(["urn:uuid:abc", "0395-2037"], "x") == "issn:0395-2037"
    assert title_id(["URN:UUID:abc"], "x") == "urn:uuid:abc"
    guid = title_id([], "https://provider.example.org/item/1")
    assert guid == title_id([], " https://provider.example.org/item/1 ") and guid.startswith("guid:")
    assert title_id([], None) is None


def rec(ident: str, title: str = "T") -> dict:
    return {"id": ident, "title": title}


def test_merge_keeps_first_seen_and_counts_changes() -> None:
    first = merge([], [rec("a"), rec("b")], today=date(2026, 11, 1), last_success=None, grace_days=30)
    assert first.added == 2 and [r["first_seen"] for r in first.records] == ["2026-11-01"] * 2
    second = merge(first.records, [rec("a", "T2"), rec("b"), rec("c")], today=date(2026, 11, 2),
                   last_success=date(2026, 11, 1), grace_days=30)
    by_id = {r["id"]: r for r in second.records}
    assert (second.added, second.updated) == (1, 1)
    assert by_id["a"]["first_seen"] == "2026-11-01" and by_id["a"]["title"] == "T2"
    assert by_id["c"]["first_seen"] == "2026-11-02"
    assert [r["id"] for r in second.records] == ["a", "b", "c"]  # stable order


def test_vanished_records_wait_for_the_grace_period() -> None:
    records = merge([], [rec("a"), rec("b")], today=date(2026, 11, 1), last_success=None, grace_days=3).records
    gone = merge(records, [rec("a")], today=date(2026, 11, 2), last_success=date(2026, 11, 1), grace_days=3)
    kept = {r["id"]: r for r in gone.records}
    assert gone.vanished == 1 and kept["b"]["last_seen"] == "2026-11-01" and "last_seen" not in kept["a"]
    still = merge(gone.records, [rec("a")], today=date(2026, 11, 4), last_success=date(2026, 11, 2), grace_days=3)
    assert still.vanished == 1 and {r["id"]: r for r in still.records}["b"]["last_seen"] == "2026-11-01"
    dropped = merge(still.records, [rec("a")], today=date(2026, 11, 5), last_success=date(2026, 11, 4), grace_days=3)
    assert dropped.dropped == 1 and [r["id"] for r in dropped.records] == ["a"]
    back = merge(gone.records, [rec("a"), rec("b")], today=date(2026, 11, 3), last_success=date(2026, 11, 2),
                 grace_days=3)
    assert all("last_seen" not in r for r in back.records)  # it came back: present again


def test_refusal_threshold() -> None:
    assert refusal(0, 0) is None
    assert "aucune entrée, alors qu'il y en avait 5" in refusal(5, 0)
    assert refusal(19, 1) is None  # small feeds may shrink
    assert refusal(20, 10) is None  # exactly half is accepted
    assert "seulement 9 entrées, alors qu'il y en avait 20" in refusal(20, 9)
    assert refusal(500, 499) is None
    assert refusal(40, 15, guard_drop=False) is None  # agendas shrink between seasons
    assert "aucune entrée" in refusal(40, 0, guard_drop=False)
