"""The validation library's errors, told to an editor in French (messages in generator/messages.py).

pydantic reports an error as a type (`missing`, `string_too_long`…), a location in the
data (`("groups", 5, "kind")`) and the value written. Each is turned into one Problem:
at the line and column of the offending key or item, naming list items from 1 by what
they are ("6e groupe (id comite-technique)"), with what was expected and an example.
The model is walked along the location, so that an unknown key is compared with the keys
of the block it stands in, a choice lists that field's values and a missing key is
described by its field's own documentation. Pure functions.
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import re
import types
from dataclasses import dataclass, replace
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from babel.dates import format_date
from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from .errors import Problem
from .load.yaml_source import YamlDocument
from .messages import count, item_name, listed, quoted, say
from .models.base import Invalid

_QUOTED = re.compile(r"'((?:[^'\\]|\\.)*)'")


@dataclass(frozen=True)
class Spot:
    """Where an error stands: its path in the YAML, and what the model says there."""

    path: tuple[str | int, ...]
    owner: type[BaseModel] | None = None  # the model whose key the path ends on
    field: FieldInfo | None = None  # that key's field, when the model has it
    annotation: Any = None  # the type expected at the end of the path
    branch: bool = False  # a step naming a union's member was dropped (one error per member)
    map_key: bool = False  # the error is about a mapping's key, not its value
    hidden: frozenset[str] = frozenset()  # the owner's keys an editor does not write


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
            spot = replace(spot, path=spot.path + (_discriminator(err),))  # point at the tag's own key
        if len(spot.path) == 1 and hidden:
            spot = replace(spot, hidden=hidden)
        problem = Problem(doc.locate(spot.path), _with_label(spot, doc, explain(err, spot)))
        if spot.branch and spot.path in branches:
            # A value refused by every member of a union (`datetime | date`): say it once, as
            # the last member, the plainest form, sees it.
            problems[branches[spot.path]] = problem
            continue
        if spot.branch:
            branches[spot.path] = len(problems)
        problems.append(problem)
    return problems


# --- walking the model along pydantic's location ------------------------------------------------


def resolve(model: type[BaseModel], loc: tuple[Any, ...]) -> Spot:
    """Follow `loc` through `model`'s annotations; drop the steps that name a union's member."""
    path: list[str | int] = []
    owner: type[BaseModel] | None = None
    field: FieldInfo | None = None
    annotation: Any = model
    branch = map_key = False
    steps = list(loc)
    while steps:
        annotation, discriminator = _unwrap(annotation, field)
        members = _members(annotation)
        if members:
            step = steps[0]
            chosen = _member(members, step, discriminator)
            if chosen is not None:
                steps.pop(0)
                branch = True
                annotation, field = chosen, None
                continue
            annotation = members[0] if len(members) == 1 else None
            continue
        step = steps.pop(0)
        if step == "[key]":
            map_key = True
            continue
        path.append(step)
        origin = get_origin(annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            owner, field = annotation, annotation.model_fields.get(str(step))
            annotation = field.annotation if field is not None else None
        elif origin in (list, tuple, set, frozenset) and isinstance(step, int):
            annotation, field = (get_args(annotation) or (None,))[0], None
        elif origin is dict:
            annotation, field = (get_args(annotation) + (None, None))[1], None
        else:
            annotation, field = None, None
    annotation, _ = _unwrap(annotation, field)
    return Spot(tuple(path), owner, field, annotation, branch, map_key)


def _unwrap(annotation: Any, field: FieldInfo | None) -> tuple[Any, str | None]:
    """The annotation without `Annotated` and `None`; the union's discriminator if it has one."""
    discriminator = field.discriminator if field is not None and isinstance(field.discriminator, str) else None
    while True:
        if get_origin(annotation) is Annotated:
            annotation, *extra = get_args(annotation)
            for item in extra:
                if isinstance(item, FieldInfo) and isinstance(item.discriminator, str):
                    discriminator = item.discriminator
            continue
        if get_origin(annotation) in (Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            if len(args) == 1:
                annotation = args[0]
                continue
        return annotation, discriminator


def _members(annotation: Any) -> list[Any]:
    if get_origin(annotation) in (Union, types.UnionType):
        return [a for a in get_args(annotation) if a is not type(None)]
    return []


def _member(members: list[Any], step: Any, discriminator: str | None) -> Any:
    """The member of a union a location step names (a tag, or a type's name), or None."""
    if not isinstance(step, str):
        return None
    for member in members:
        inner, _ = _unwrap(member, None)
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            for name in [discriminator] if discriminator else list(inner.model_fields):
                info = inner.model_fields.get(name) if name else None
                if info is not None and get_origin(info.annotation) is Literal and step in get_args(info.annotation):
                    return inner
        if getattr(inner, "__name__", None) == step:
            return inner
    if "[" in step:  # pydantic names a validated member by its function: 'function-after[...]'
        return members[0]
    return None


def _discriminator(err: dict[str, Any]) -> str:
    return str((err.get("ctx") or {}).get("discriminator", "kind")).strip("'\"")


# --- the place, in words ------------------------------------------------------------------------


def label(path: tuple[str | int, ...], data: Any) -> str:
    """'6e groupe (id comite-technique) › kind', 'access.sites.caen.target', '3e public'."""
    parts: list[str] = []
    keys: list[str] = []
    node = data
    for step in path:
        if isinstance(step, int):
            node = node[step] if isinstance(node, list) and 0 <= step < len(node) else None
            listing = keys.pop() if keys else None
            if keys:
                parts.append(".".join(keys))
            keys = []
            parts.append(item_name(listing, step + 1, node.get("id") if isinstance(node, dict) else None))
        else:
            node = node.get(step) if isinstance(node, dict) else None
            keys.append(str(step))
    if keys:
        parts.append(".".join(keys))
    return " › ".join(parts)


def _with_label(spot: Spot, doc: YamlDocument, message: str) -> str:
    where = label(spot.path, doc.data)
    if spot.map_key:
        where = f"{where} › {say('where.key_of_map', key=spot.path[-1])}" if where else say("where.key_of_map",
                                                                                          key=spot.path[-1])
    return f"{where} : {message}" if where else message


# --- the message, by error type ---------------------------------------------------------------


def explain(err: dict[str, Any], spot: Spot) -> str:
    """The French sentence for one pydantic error (never the library's English)."""
    kind = err["type"]
    ctx = err.get("ctx") or {}
    value = err.get("input")
    written = _written(value)
    if value is None and kind.endswith("_type") and spot.path:  # `key:` with nothing after it
        return say("schema.empty_value", key=spot.path[-1])
    simple = _SIMPLE.get(kind)
    if simple in ("schema.date", "schema.datetime") and (missing_day := _day_not_in_calendar(value)):
        return say("schema.no_such_day", written=written, **missing_day)
    if simple in ("schema.date", "schema.datetime") and _either_date_or_datetime(spot.annotation):
        return say("schema.date_or_datetime", written=written)
    if simple is not None:
        return say(simple, written=written)
    if kind == "missing":
        name = str(spot.path[-1]) if spot.path else ""
        description = (spot.field.description or "").strip().rstrip(".") if spot.field else ""
        return say("schema.missing", key=name,
                   described=say("schema.missing_described", description=description) if description else "")
    if kind == "extra_forbidden":
        return _unknown_key(str(spot.path[-1]) if spot.path else "", spot.owner, spot.hidden)
    if kind in ("literal_error", "enum"):
        return say("schema.choice", written=written, allowed=listed(_allowed(spot.annotation, ctx.get("expected"))))
    if kind in ("too_short", "too_long") and isinstance(value, str):  # a constrained text's length
        kind = f"string_{kind}"
    if kind == "string_too_short":
        limit = ctx.get("min_length", 1)
        if limit <= 1:
            return say("schema.empty_text")
        return say("schema.text_too_short", length=len(str(value)), limit=limit)
    if kind == "string_too_long":
        return say("schema.text_too_long", length=len(str(value)), limit=ctx.get("max_length"))
    if kind in ("too_short", "too_long"):
        unit = "schema.unit.map" if ctx.get("field_type") == "Dictionary" else "schema.unit.list"
        length = ctx.get("actual_length", len(value) if hasattr(value, "__len__") else 0)
        limit = ctx.get("min_length") if kind == "too_short" else ctx.get("max_length")
        return say(f"schema.list_{kind}", counted=count(length, unit), limit=limit)
    if kind in _BOUNDS:
        key, name = _BOUNDS[kind]
        return say(key, written=written, limit=_number(ctx.get(name)))
    if kind == "string_pattern_mismatch":
        description = (spot.field.description or "").strip().rstrip(".") if spot.field else ""
        expected = description or say("schema.pattern_raw", pattern=ctx.get("pattern", ""))
        return say("schema.pattern", written=written, expected=expected)
    if kind in ("dict_type", "model_type", "model_attributes_type", "dataclass_type"):
        return say("schema.map", found=_found(value))
    if kind in ("list_type", "tuple_type", "set_type", "frozen_set_type", "iterable_type"):
        return say("schema.list", found=_found(value))
    if kind in ("string_type", "string_unicode", "string_sub_type"):
        return say("schema.text", found=_found(value))
    if kind == "union_tag_invalid":
        return say("schema.tag_invalid", key=_discriminator(err), written=quoted(ctx.get("tag", "")),
                   allowed=listed(_QUOTED.findall(str(ctx.get("expected_tags", "")))))
    if kind == "union_tag_not_found":
        key = _discriminator(err)
        return say("schema.tag_missing", key=key, allowed=listed(_tags(spot.annotation, key)))
    if kind in ("value_error", "assertion_error"):
        error = ctx.get("error")
        return str(error) if error is not None else say("schema.other", written=written, kind=kind)
    return say("schema.other", written=written, kind=kind)


# Error types whose message needs only what was written.
_SIMPLE = {
    **dict.fromkeys(("int_parsing", "int_type", "int_parsing_size"), "schema.integer"),
    "int_from_float": "schema.integer_fraction",
    **dict.fromkeys(("float_parsing", "float_type", "finite_number"), "schema.number"),
    **dict.fromkeys(("decimal_parsing", "decimal_type", "decimal_finite_number"), "schema.decimal"),
    **dict.fromkeys(("bool_parsing", "bool_type"), "schema.bool"),
    **dict.fromkeys(("date_parsing", "date_type", "date_from_datetime_parsing"), "schema.date"),
    "date_from_datetime_inexact": "schema.date_with_time",
    **dict.fromkeys(("datetime_parsing", "datetime_type", "datetime_from_date_parsing",
                     "datetime_object_invalid", "timezone_naive", "timezone_aware"), "schema.datetime"),
    **dict.fromkeys(("time_parsing", "time_type"), "schema.time"),
    **dict.fromkeys(("url_parsing", "url_scheme", "url_type", "url_too_long", "url_syntax_violation"),
                    "schema.url"),
}
# Error types about a bound: (message, the bound's name in pydantic's context).
_BOUNDS = {
    "greater_than": ("schema.gt", "gt"),
    "greater_than_equal": ("schema.ge", "ge"),
    "less_than": ("schema.lt", "lt"),
    "less_than_equal": ("schema.le", "le"),
    "multiple_of": ("schema.multiple_of", "multiple_of"),
    "decimal_max_digits": ("schema.decimal_digits", "max_digits"),
    "decimal_max_places": ("schema.decimal_places", "decimal_places"),
    "decimal_whole_digits": ("schema.decimal_whole", "whole_digits"),
}


_DAY_WRITTEN = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?)?$")


def _day_not_in_calendar(value: Any) -> dict[str, Any] | None:
    """For a date written in the right form whose day does not exist (2026-02-30): the month's length."""
    match = _DAY_WRITTEN.match(value.strip()) if isinstance(value, str) else None
    if match is None:
        return None
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= month <= 12:
        return {"reason": say("schema.no_such_month", month=month)}
    days = calendar.monthrange(year, month)[1]
    if 1 <= day <= days:
        return None
    return {"reason": say("schema.month_length", month=format_date(dt.date(year, month, 1), "MMMM y",
                                                                    locale="fr_FR"), days=days)}


def _either_date_or_datetime(annotation: Any) -> bool:
    return {dt.date, dt.datetime} <= set(_members(annotation))


def _unknown_key(name: str, owner: type[BaseModel] | None, hidden: frozenset[str] = frozenset()) -> str:
    """Suggest only the keys the block's own model documents (and an editor writes); a key of one
    of its nested blocks is told where it goes."""
    keys = [key for key in (owner.model_fields if owner else ()) if key not in hidden]
    places = nested_places(owner, name) if owner else []
    if places:  # the keys of this level too: the editor may have meant one of them
        return say("schema.unknown_key_nested", key=name, keys=listed(keys), places=say("where.or").join(
            say("where.then").join(f"`{step}:`" for step in place) for place in places))
    close = difflib.get_close_matches(name, keys, n=1, cutoff=0.75)
    if close:
        return say("schema.unknown_key", key=name, close=close[0])
    if keys:
        return say("schema.unknown_key_list", key=name, keys=listed(keys))
    return say("schema.unknown_key_none", key=name)


def nested_places(owner: type[BaseModel], name: str, depth: int = 3) -> list[tuple[str, ...]]:
    """The paths of keys, below `owner`, whose block has a key `name`: [("profile",)] for `surface_m2`
    in a library; the nearest first, found by walking the nested models' fields."""
    found: list[tuple[str, ...]] = []
    level: list[tuple[tuple[str, ...], type[BaseModel]]] = [((), owner)]
    seen = {owner}
    for _ in range(depth):
        below = []
        for path, model in level:
            for key, info in model.model_fields.items():
                for inner in _nested_models(info):
                    if name in inner.model_fields and path + (key,) not in found:
                        found.append(path + (key,))
                    if inner not in seen:
                        seen.add(inner)
                        below.append((path + (key,), inner))
        if found:
            return found
        level = below
    return found


def _nested_models(info: FieldInfo) -> list[type[BaseModel]]:
    """The models a field holds: itself, its union's members, or its list's items."""
    annotation, _ = _unwrap(info.annotation, info)
    if get_origin(annotation) in (list, tuple, set, frozenset):
        annotation, _ = _unwrap((get_args(annotation) or (None,))[0], None)
    inner = [_unwrap(member, None)[0] for member in _members(annotation)] or [annotation]
    return [model for model in inner if isinstance(model, type) and issubclass(model, BaseModel)]


def _allowed(annotation: Any, expected: object) -> list[str]:
    if get_origin(annotation) is Literal:
        return [str(v) for v in get_args(annotation)]
    return _QUOTED.findall(str(expected or ""))


def _tags(annotation: Any, key: str) -> list[str]:
    tags: list[str] = []
    for member in _members(annotation):
        inner, _ = _unwrap(member, None)
        info = inner.model_fields.get(key) if isinstance(inner, type) and issubclass(inner, BaseModel) else None
        if info is not None and get_origin(info.annotation) is Literal:
            tags += [str(v) for v in get_args(info.annotation)]
    return tags


def _number(value: object) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _written(value: object) -> str:
    """What the editor wrote, quoted; a block or a list is named, not dumped."""
    if isinstance(value, (dict, list)) or value is None:
        return _found(value)
    if isinstance(value, bool):
        return quoted("true" if value else "false")
    return quoted(value)


def _found(value: object) -> str:
    if isinstance(value, dict):
        return say("found.map")
    if isinstance(value, (list, tuple)):
        return say("found.list")
    if value is None or value == "":
        return say("found.empty")
    if isinstance(value, bool):
        return say("found.bool")
    if isinstance(value, (int, float)):
        return say("found.number", value=quoted(value))
    if hasattr(value, "isoformat"):
        return say("found.date", value=quoted(value))
    return say("found.text", value=quoted(value))
