"""Best bets: a query equal to one (case, accents, punctuation aside) shows its resource first,
in the static index and through Algolia's query rules alike; the check keeps a query to one resource."""

from __future__ import annotations

import dataclasses

import pytest

from generator.build import load_graph
from generator.errors import ProjectInvalid
from generator.search.algolia import algolia_rules
from generator.search.labels import search_labels
from generator.search.push import AlgoliaTarget, push_objects
from generator.search.records import head_records, other_records, site_records
from generator.search.static_index import index_head, static_index

from .fake_algolia import FakeAlgolia
from .reader import Reader


def reader_of(view, records) -> Reader:
    return Reader({f"bn-search/{p}": data for p, data in static_index(records, search_labels(view)).items()})


def test_a_best_bet_puts_its_resource_before_the_best_scored_one(views):
    view = views["calvados"]
    records = site_records(view)
    ranked = reader_of(view, records).search("anglais")
    resources = [doc for doc in ranked if records[doc].type == "resource"]
    assert len(resources) >= 2
    first, other = resources[0], resources[1]
    # An editor declares "Anglais !" a best bet of the second resource: the query's key is "anglais".
    records[other] = dataclasses.replace(records[other], bets=("anglais",))
    reader = reader_of(view, records)
    assert reader.meta["bets"]["anglais"] == other
    assert reader.search("Anglais")[0] == other
    assert [doc for doc in reader.search("Anglais") if records[doc].type == "resource"][:2] == [other, first]
    assert reader.search("anglais tablette")[0] != other  # a longer query is another query


def test_a_best_bet_finds_its_resource_even_when_no_word_matches(views):
    view = views["calvados"]
    records = site_records(view)
    prepacode = next(doc for doc, r in enumerate(records) if r.id == "resource:prepacode")
    assert records[prepacode].bets == ("code de la route", "auto ecole")  # data/resources/prepacode.yml
    reader = reader_of(view, records)
    assert reader.search("Auto-École") == [prepacode]
    assert reader.search("code de la route")[0] == prepacode


def test_the_kept_head_carries_the_bets_into_the_same_meta(views):
    view = views["calvados"]
    fresh = static_index(site_records(view), search_labels(view))
    with_head = static_index(other_records(view), search_labels(view), head=index_head(head_records(view)))
    assert with_head["meta.json"] == fresh["meta.json"]
    assert b'"bets":{"auto ecole":' in fresh["meta.json"]


def test_algolia_gets_one_promote_rule_per_best_bet(views):
    rules = algolia_rules(site_records(views["calvados"]))
    assert rules == [
        {"objectID": "bibnum-best-bet-resource:prepacode-0", "description": "Prépacode — code de la route : "
         "code de la route", "conditions": [{"pattern": "code de la route", "anchoring": "is"}],
         "consequence": {"promote": [{"objectID": "resource:prepacode", "position": 0}], "filterPromotes": True}},
        {"objectID": "bibnum-best-bet-resource:prepacode-1", "description": "Prépacode — code de la route : "
         "auto ecole", "conditions": [{"pattern": "auto ecole", "anchoring": "is"}],
         "consequence": {"promote": [{"objectID": "resource:prepacode", "position": 0}], "filterPromotes": True}},
    ]


def test_the_push_saves_the_rules_in_the_temporary_index_that_moves_into_place(views):
    rules = algolia_rules(site_records(views["calvados"]))
    objects = [{"objectID": "resource:prepacode", "record": "resource:prepacode", "title": "Prépacode"}]
    with FakeAlgolia() as fake:
        push_objects(AlgoliaTarget("ABCDEF1234", "bn_live", "adm1n-k3y", (fake.url,)), objects, {}, rules=rules,
                     sleep=lambda s: None)
    saved = [r for r in fake.requests if r.path.split("?")[0] == "/1/indexes/bn_live_bibnum_tmp/rules/batch"]
    assert len(saved) == 1 and "clearExistingRules=true" in saved[0].path
    assert saved[0].body == rules
    assert list(fake.indexes) == ["bn_live"]
    assert sorted(fake.indexes["bn_live"]["rules"]) == [rule["objectID"] for rule in rules]


def test_a_query_two_resources_bet_on_or_with_no_word_is_an_error_at_its_line(demo_copy):
    path = demo_copy / "data/resources/tout-apprendre.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "best_bets:\n  - presse\n  - « Code de la Route ! »\n  - \"?!\"\n", encoding="utf-8")
    line = text.count("\n") + 1
    with pytest.raises(ProjectInvalid) as raised:
        load_graph(demo_copy)
    found = [(str(p.location), p.message) for p in raised.value.problems]
    assert found == [
        (f"data/resources/tout-apprendre.yml:{line + 2}:5", "la recherche « « Code de la Route ! » » est déjà une recherche "
         "privilégiée de data/resources/prepacode.yml (majuscules, accents et ponctuation mis à part) ; une "
         "recherche ne met qu'une ressource en tête : gardez-la dans un seul fichier"),
        (f"data/resources/tout-apprendre.yml:{line + 3}:5", "la recherche « ?! » n'a aucun mot (lettres ou chiffres) ; "
         "écrivez la recherche que tapent les lecteurs, par ex. « code de la route », ou supprimez la ligne"),
    ]
