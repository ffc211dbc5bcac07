"""What an editor wrote, in a message: quoted, or named when it is a block, a list or a number."""

from __future__ import annotations

from ..messages import quoted, say


def number(value: object) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def written_value(value: object) -> str:
    """What the editor wrote, quoted; a block or a list is named, not dumped."""
    if isinstance(value, (dict, list)) or value is None:
        return found_value(value)
    if isinstance(value, bool):
        return quoted("true" if value else "false")
    return quoted(value)


def found_value(value: object) -> str:
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
