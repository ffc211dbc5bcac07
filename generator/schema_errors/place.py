"""The place of an error, in words: '6e groupe (id comite-technique) › kind'."""

from __future__ import annotations

from typing import Any

from ..load.yaml_source import YamlDocument
from ..messages import item_name, say
from .spot import Spot


def label(path: tuple[str | int, ...], data: Any) -> str:
    """'6e groupe (id comite-technique) › kind', 'access.sites.portail.target', '3e public'."""
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


def with_label(spot: Spot, doc: YamlDocument, message: str) -> str:
    where = label(spot.path, doc.data)
    if spot.map_key:
        where = f"{where} › {say('where.key_of_map', key=spot.path[-1])}" if where else say("where.key_of_map",
                                                                                          key=spot.path[-1])
    return f"{where} : {message}" if where else message
