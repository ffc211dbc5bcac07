"""Where a pydantic error stands: its location walked through the model, to the YAML path and
the field, key and type expected there. Pure functions."""

from __future__ import annotations

import types
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo


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


def resolve(model: type[BaseModel], loc: tuple[Any, ...]) -> Spot:
    """Follow `loc` through `model`'s annotations; drop the steps that name a union's member."""
    path: list[str | int] = []
    owner: type[BaseModel] | None = None
    field: FieldInfo | None = None
    annotation: Any = model
    branch = map_key = False
    steps = list(loc)
    while steps:
        annotation, discriminator = unwrap(annotation, field)
        members = union_members(annotation)
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
    annotation, _ = unwrap(annotation, field)
    return Spot(tuple(path), owner, field, annotation, branch, map_key)


def unwrap(annotation: Any, field: FieldInfo | None) -> tuple[Any, str | None]:
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


def union_members(annotation: Any) -> list[Any]:
    if get_origin(annotation) in (Union, types.UnionType):
        return [a for a in get_args(annotation) if a is not type(None)]
    return []


def _member(members: list[Any], step: Any, discriminator: str | None) -> Any:
    """The member of a union a location step names (a tag, or a type's name), or None."""
    if not isinstance(step, str):
        return None
    for member in members:
        inner, _ = unwrap(member, None)
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


def discriminator_key(err: dict[str, Any]) -> str:
    return str((err.get("ctx") or {}).get("discriminator", "kind")).strip("'\"")
