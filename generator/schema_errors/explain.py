"""The message, by error type: the French sentence for one pydantic error, with what was expected."""

from __future__ import annotations

import re
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel

from ..messages import count, listed, quoted, say
from .dates import day_not_in_calendar, either_date_or_datetime
from .spot import Spot, discriminator_key, union_members, unwrap
from .unknown_key import unknown_key
from .written import found_value, number, written_value

_QUOTED = re.compile(r"'((?:[^'\\]|\\.)*)'")


def explain(err: dict[str, Any], spot: Spot) -> str:
    """The French sentence for one pydantic error (never the library's English)."""
    kind = err["type"]
    ctx = err.get("ctx") or {}
    value = err.get("input")
    written = written_value(value)
    if value is None and kind.endswith("_type") and spot.path:  # `key:` with nothing after it
        return say("schema.empty_value", key=spot.path[-1])
    simple = _SIMPLE.get(kind)
    if simple in ("schema.date", "schema.datetime") and (missing_day := day_not_in_calendar(value)):
        return say("schema.no_such_day", written=written, **missing_day)
    if simple in ("schema.date", "schema.datetime") and either_date_or_datetime(spot.annotation):
        return say("schema.date_or_datetime", written=written)
    if simple is not None:
        return say(simple, written=written)
    if kind == "missing":
        name = str(spot.path[-1]) if spot.path else ""
        description = (spot.field.description or "").strip().rstrip(".") if spot.field else ""
        return say("schema.missing", key=name,
                   described=say("schema.missing_described", description=description) if description else "")
    if kind == "extra_forbidden":
        return unknown_key(str(spot.path[-1]) if spot.path else "", spot.owner, spot.hidden)
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
        return say(key, written=written, limit=number(ctx.get(name)))
    if kind == "string_pattern_mismatch":
        description = (spot.field.description or "").strip().rstrip(".") if spot.field else ""
        expected = description or say("schema.pattern_raw", pattern=ctx.get("pattern", ""))
        return say("schema.pattern", written=written, expected=expected)
    if kind in ("dict_type", "model_type", "model_attributes_type", "dataclass_type"):
        return say("schema.map", found=found_value(value))
    if kind in ("list_type", "tuple_type", "set_type", "frozen_set_type", "iterable_type"):
        return say("schema.list", found=found_value(value))
    if kind in ("string_type", "string_unicode", "string_sub_type"):
        return say("schema.text", found=found_value(value))
    if kind == "union_tag_invalid":
        return say("schema.tag_invalid", key=discriminator_key(err), written=quoted(ctx.get("tag", "")),
                   allowed=listed(_QUOTED.findall(str(ctx.get("expected_tags", "")))))
    if kind == "union_tag_not_found":
        key = discriminator_key(err)
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


def _allowed(annotation: Any, expected: object) -> list[str]:
    if get_origin(annotation) is Literal:
        return [str(v) for v in get_args(annotation)]
    return _QUOTED.findall(str(expected or ""))


def _tags(annotation: Any, key: str) -> list[str]:
    tags: list[str] = []
    for member in union_members(annotation):
        inner, _ = unwrap(member, None)
        info = inner.model_fields.get(key) if isinstance(inner, type) and issubclass(inner, BaseModel) else None
        if info is not None and get_origin(info.annotation) is Literal:
            tags += [str(v) for v in get_args(info.annotation)]
    return tags
