"""The static index: every word reachable in one small shard, deterministic bytes, facets as ranges."""

from __future__ import annotations

import dataclasses
import json
import random
import zlib

import pytest

from generator.search.labels import search_labels
from generator.search.postings import decode, encode, invert
from generator.search.records import TITLE, SearchRecord, site_records
from generator.search.shards import ShardLimits, shard_words
from generator.search.static_index import (BLOCK, CHUNK, chunk_path, content_digest, facet_ranges, facets_path,
                                           links_path, shard_digests, static_index, type_ranges)

from .reader import Reader


@pytest.fixture(scope="module")
def calvados(views):
    view = views["calvados"]
    records = site_records(view)
    files = {f"bn-search/{p}": data for p, data in static_index(records, search_labels(view)).items()}
    return records, Reader(files)


def first_of(reader: Reader, records, query: str, kind: str) -> str:
    return next(records[doc].title for doc in reader.search(query) if records[doc].type == kind)


def test_postings_round_trip():
    docs = {0: 0, 3: 2, 4: 1, 1000: 3}
    assert decode(encode(docs)) == docs
    assert encode({0: 0, 1: 3}) == [4, 7]


def test_typical_queries_find_the_expected_resource_first(calvados):
    records, reader = calvados
    assert first_of(reader, records, "anglais", "resource") == "Assimil — langues en ligne"
    assert first_of(reader, records, "presse", "resource") == "Cafeyn"
    assert first_of(reader, records, "Ouest", "resource") == "Ouest-France numérique"
    assert first_of(reader, records, "conte", "resource") == "StoryPlay'r"
    assert first_of(reader, records, "cinema", "resource") == "La Médiathèque numérique"
    assert first_of(reader, records, "atelier tablette", "event").startswith("Atelier tablette")


def test_accents_plurals_prefixes_and_titles(calvados):
    records, reader = calvados
    assert reader.search("cinéma") == reader.search("cinema")
    assert set(reader.search("ateliers ")) == set(reader.search("atelier "))
    assert first_of(reader, records, "Oues", "title").startswith("Ouest-France, édition de Caen")
    assert first_of(reader, records, "bulger", "title") == "L'anglais — Débutants"
    assert reader.search("zzzyx") == []


def test_every_word_is_in_the_leaf_its_prefix_names_with_full_postings(demo_graph, views):
    records = site_records(views["calvados"])
    words = invert(records)
    limits = ShardLimits(budget=1_500)  # tiny shards: the demo must split like a big network does
    shards = shard_words(words, [(s, e) for _t, s, e in type_ranges(records)], limits)
    names = set(shards)
    for text, word in words.items():
        leaf = next(text[:n] for n in range(len(text), 0, -1) if text[:n] in names)
        entries = {row[0]: row for row in json.loads(shards[leaf])}
        assert decode(entries[text][2]) == word.docs, text
    leaves = [n for n in names if not any(o != n and o.startswith(n) for o in names)]
    assert len(leaves) > 20
    for name in leaves:
        rows = json.loads(shards[name])
        assert len(zlib.compress(shards[name], 6)) <= limits.budget or len(rows) == 1 or len(name) >= 8


def test_build_is_deterministic_and_versioned(views):
    view = views["caen"]
    records = site_records(view)
    once, twice = static_index(records, search_labels(view)), static_index(records, search_labels(view))
    assert once == twice
    meta = json.loads(once["meta.json"])
    # Every file but meta.json is named by its content: the same name always means the same bytes.
    for path, data in once.items():
        if path.startswith("s/") or path == facets_path(meta["facets"]):
            assert path.split(".")[-2] == content_digest(data)
    blocks = meta["docs"].split(" ")
    chunks = [once[chunk_path(n, blocks[n // BLOCK])] for n in range(-(-len(records) // CHUNK))]
    # The titles' addresses of a chunk that holds titles (the widget's), named with its block.
    links = [once.get(links_path(n, blocks[n // BLOCK])) for n in range(len(chunks))]
    assert any(links) and all(link is None for n, link in enumerate(links)
                              if not any(r.type == "title" for r in records[n * CHUNK:(n + 1) * CHUNK]))
    assert [content_digest(b"\0".join([*chunks[i:i + BLOCK], *filter(None, links[i:i + BLOCK])]))
            for i in range(0, len(chunks), BLOCK)] == blocks
    # shards, display chunks, link chunks, facets, meta.json
    assert len(once) == len(shard_digests(meta)) + len(chunks) + len(list(filter(None, links))) + 2
    changed = static_index(records[:-1], search_labels(view))
    assert json.loads(changed["meta.json"])["version"] != meta["version"]


def test_an_edit_renames_only_the_files_whose_content_changed(views):
    view = views["calvados"]
    records = site_records(view)
    before = static_index(records, search_labels(view))
    event = next(i for i, r in enumerate(records) if r.type == "event")
    edited = list(records)
    title = records[event].title + " xylophone"
    edited[event] = dataclasses.replace(records[event], title=title, fields=((TITLE, title), *records[event].fields[1:]))
    after = static_index(edited, search_labels(view))
    gone, new = set(before) - set(after), set(after) - set(before)
    assert "meta.json" not in gone and 2 <= len(new) and len(gone) <= len(new)
    assert any(p.startswith("s/") for p in new) and any(p.startswith("d/") for p in new)
    assert len(new) <= 2 + BLOCK  # the word's shard, the event's block of chunks
    assert all(before[p] == after[p] for p in set(before) & set(after) - {"meta.json"})


def test_meta_docs_and_facets(calvados):
    records, reader = calvados
    meta = reader.meta
    assert meta["count"] == len(records)
    assert [t for t, _s, _e in meta["types"]] == ["resource", "title", "event", "library", "post", "page"]
    assert meta["labels"]["type"]["post"] == "Actualités"
    assert meta["labels"]["category"]["cinema"] == "Cinéma et vidéo"
    doc = next(i for i, r in enumerate(records) if r.id == "resource:cafeyn")
    assert reader.doc(doc)[:2] == ["Cafeyn", "ressources/cafeyn/"]
    facets = reader.facets()
    presse = [d for start, end in facets["category"]["presse"] for d in range(start, end)]
    assert presse == [i for i, r in enumerate(records) if "presse" in r.categories]
    upcoming = [d for start, end in facets["when"]["upcoming"] for d in range(start, end)]
    assert upcoming == [i for i, r in enumerate(records) if r.when == "upcoming"]


def test_facet_ranges_merge_runs():
    records = [SearchRecord(id=str(i), type="title", title="t", url="u", categories=("a",) if i != 2 else ("b",))
               for i in range(5)]
    assert facet_ranges(records)["category"] == {"a": [[0, 2], [3, 5]], "b": [[2, 3]]}


def test_a_large_vocabulary_splits_into_small_shards():
    rnd = random.Random(7)
    letters = "abcdefghijklmnopqrstuvwxyz"
    records = [SearchRecord(id=str(i), type="title", title="t", url="u",
                            fields=((10, " ".join("".join(rnd.choice(letters) for _ in range(rnd.randint(3, 9)))
                                                  for _ in range(6))),))
               for i in range(3000)]
    limits = ShardLimits(budget=4_000)
    files = static_index(records, {}, limits)
    shards = {p: d for p, d in files.items() if p.startswith("s/")}
    assert len(shards) > 26 * 2
    assert max(len(zlib.compress(d, 6)) for d in shards.values()) <= limits.budget
