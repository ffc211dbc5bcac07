"""The resources' best bets against each other: one query puts one resource first, never two (pure)."""

from __future__ import annotations

from collections.abc import Mapping

from ..errors import Problem
from ..i18n.folding import query_key
from ..load.yaml_source import YamlDocument
from ..messages import say
from ..models.resource import Resource


def best_bet_problems(resources: Mapping[str, Resource], docs: Mapping[str, YamlDocument]) -> list[Problem]:
    """A best bet with no word, or one a resource already declares (compared as the search compares
    queries: case, accents and punctuation aside), is a problem at its line."""
    problems = []
    owners: dict[str, str] = {}
    for resource_id, resource in sorted(resources.items()):
        doc = docs.get(resource_id)
        if doc is None:
            continue
        for index, bet in enumerate(resource.best_bets):
            key = query_key(bet)
            where = doc.locate(("best_bets", index))
            if not key:
                problems.append(Problem(where, say("best_bet.no_word", bet=bet)))
                continue
            other = owners.setdefault(key, resource_id)
            if other != resource_id:
                problems.append(Problem(where, say("best_bet.twice", bet=bet, other=f"data/resources/{other}.yml")))
    return problems
