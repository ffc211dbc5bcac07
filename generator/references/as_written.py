"""Reading a file's data as written, when its schema failed (any shape may be found)."""

from __future__ import annotations

from typing import Any

from ..load.yaml_source import YamlDocument


def raw(data: Any, key: str) -> Any:
    """`data[key]` as written, or None when `data` is not a mapping."""
    return data.get(key) if isinstance(data, dict) else None


def raw_items(doc: YamlDocument, key: str) -> list[Any]:
    """The items of a file's list as written."""
    items = doc.data.get(key) if isinstance(doc.data, dict) else None
    return items if isinstance(items, list) else []


def raw_ids(doc: YamlDocument, key: str) -> list[Any]:
    """The `id` of each item of a file's list as written (None for an item without one)."""
    return [item.get("id") if isinstance(item, dict) else None for item in raw_items(doc, key)]


def allows_http(entry: Any) -> bool:
    """Whether a site's entry that failed its schema allows http, as written; when that cannot be
    read, http is not refused (no error that fixing the entry would remove)."""
    allow_http = raw(entry, "allow_http")
    if isinstance(allow_http, bool):
        return allow_http
    return not isinstance(entry, dict) or "allow_http" in entry
