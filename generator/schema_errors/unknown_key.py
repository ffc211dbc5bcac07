"""An unknown key: the keys its block documents, the closest one, or the nested block it belongs in."""

from __future__ import annotations

import difflib
from typing import get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ..messages import listed, say
from .spot import union_members, unwrap


def unknown_key(name: str, owner: type[BaseModel] | None, hidden: frozenset[str] = frozenset()) -> str:
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
    annotation, _ = unwrap(info.annotation, info)
    if get_origin(annotation) in (list, tuple, set, frozenset):
        annotation, _ = unwrap((get_args(annotation) or (None,))[0], None)
    inner = [unwrap(member, None)[0] for member in union_members(annotation)] or [annotation]
    return [model for model in inner if isinstance(model, type) and issubclass(model, BaseModel)]
