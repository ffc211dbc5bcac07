"""Algolia objects and settings: the same records, under the size limit, French settings."""

from __future__ import annotations

from generator.search.algolia import MAX_OBJECT_BYTES, algolia_objects, index_settings, object_bytes, split_text
from generator.search.records import BODY, MEDIUM, TITLE, SearchRecord, site_records


def test_one_object_per_record_with_its_rank_and_facets(views):
    records = site_records(views["calvados"])
    objects = algolia_objects(records)
    by_record = {}
    for obj in objects:
        by_record.setdefault(obj["record"], []).append(obj)
    assert list(by_record) == [r.id for r in records]
    cafeyn = by_record["resource:cafeyn"][0]
    assert cafeyn["objectID"] == "resource:cafeyn"
    assert cafeyn["type"] == "resource" and cafeyn["categories"] == ["presse"]
    assert cafeyn["url"] == "ressources/cafeyn/"
    assert cafeyn["rank"] == [r.id for r in records].index("resource:cafeyn")
    assert all(object_bytes(obj) <= MAX_OBJECT_BYTES for obj in objects)


def test_long_text_is_split_under_the_limit_and_shares_its_record():
    body = " ".join(f"mot{i} élément" for i in range(6000))  # about 90 KB
    record = SearchRecord(id="page:guide", type="page", title="Guide", url="guide/", subtitle="x" * 2000,
                          fields=((TITLE, "Guide"), (MEDIUM, "résumé " * 3000), (BODY, body)))
    objects = algolia_objects([record])
    assert len(objects) > 5
    assert all(object_bytes(o) <= MAX_OBJECT_BYTES for o in objects)
    assert {o["record"] for o in objects} == {"page:guide"}
    assert len({o["objectID"] for o in objects}) == len(objects)
    assert " ".join(o["body"] for o in objects) == body  # nothing lost, nothing repeated
    assert all(o["title"] == "Guide" for o in objects)


def test_split_text_respects_the_budget_even_for_one_huge_word():
    pieces = split_text("a" * 50 + " " + "é" * 40, 30)
    assert all(len(p.encode()) <= 30 for p in pieces)
    assert split_text("", 10) == [""]


def test_settings_are_french_faceted_and_distinct():
    settings = index_settings()
    assert settings["searchableAttributes"][0] == "title"
    assert {"type", "categories", "audiences", "when"} <= set(settings["attributesForFaceting"])
    assert settings["customRanking"] == ["asc(rank)"]
    assert settings["indexLanguages"] == settings["queryLanguages"] == ["fr"]
    assert settings["ignorePlurals"] == ["fr"] and settings["removeStopWords"] == ["fr"]
    assert settings["attributeForDistinct"] == "record" and settings["distinct"] is True
