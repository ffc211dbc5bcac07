"""One French Problem per error of a ValidationError: located, named, explained."""

from __future__ import annotations

from dataclasses import replace

from pydantic import BaseModel, ValidationError

from ..errors import Problem
from ..load.yaml_source import YamlDocument
from ..models.base import Invalid
from .explain import explain
from .place import with_label
from .spot import discriminator_key, resolve


def problems_from(exc: ValidationError, doc: YamlDocument, model: type[BaseModel],
                  hidden: frozenset[str] = frozenset()) -> list[Problem]:
    """One French Problem per error of `exc`, raised validating `doc` as `model`.

    `hidden` are top-level keys not written in the file (an id taken from its name): an
    unknown key is never told to be one of them."""
    problems: list[Problem] = []
    branches: dict[tuple, int] = {}  # path -> index in problems of an error from a union member
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        error = (err.get("ctx") or {}).get("error")
        if isinstance(error, Invalid):
            loc += error.at
        spot = resolve(model, loc)
        if spot.annotation is not None and err["type"] in ("union_tag_invalid", "union_tag_not_found"):
            spot = replace(spot, path=spot.path + (discriminator_key(err),))  # point at the tag's own key
        if len(spot.path) == 1 and hidden:
            spot = replace(spot, hidden=hidden)
        problem = Problem(doc.locate(spot.path), with_label(spot, doc, explain(err, spot)))
        if spot.branch and spot.path in branches:
            # A value refused by every member of a union (`datetime | date`): say it once, as
            # the last member, the plainest form, sees it.
            problems[branches[spot.path]] = problem
            continue
        if spot.branch:
            branches[spot.path] = len(problems)
        problems.append(problem)
    return problems
