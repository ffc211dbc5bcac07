"""The engine's usual English messages told in French (the rest quoted as they came, labelled as English)."""

from __future__ import annotations

import re

from ..messages import listed, say

_QUOTED = re.compile(r"'([^']*)'")  # the values a choice lists, in Python's repr

# Python's type names in the engine's messages, as an editor reads them (expected, then found).
_TYPES = {name: say(f"engine.type.{name}") for name in ("int", "float", "str", "bool", "list", "tuple", "dict",
                                                          "NoneType")}
_FOUND = {**_TYPES, "int": say("engine.found.int"), "float": say("engine.found.float")}


def in_french(message: str) -> str:
    """The engine's usual messages in French; any other is quoted as it came, labelled as English."""
    message = message.strip()
    sub = re.match(r"Sub-option '([^']+)': (.*)$", message, re.S)
    if sub:  # a nested option (validation.links…): name it, then tell its own message
        return say("engine.sub_option", name=sub.group(1), detail=in_french(sub.group(2)))
    types = re.findall(r"<class '(\w+)'>", message)
    found = _FOUND.get(types[-1], types[-1]) if types else ""
    if message.startswith("Expected type") and len(types) >= 2:
        expected = say("where.or").join(_TYPES.get(t, t) for t in types[:-1])
        return say("engine.expected", expected=expected, found=found)
    if re.match(r"Expected a string, got <class '\w+'>", message):
        return say("engine.expected", expected=_TYPES["str"], found=found)
    if re.match(r"Expected a multiline string, but a <class '\w+'> was given", message):
        return say("engine.expected", expected=say("engine.type.lines"), found=found)
    if "Expected a key-value mapping (dict)" in message and types:
        return say("engine.expected", expected=_TYPES["dict"], found=found)
    choice = (re.match(r"Expected one of: (.*) but received: (.*)$", message, re.S)
              or re.match(r"Expected one of (.*), got (.*)$", message, re.S))
    if choice:
        return say("engine.choice", allowed=listed(_QUOTED.findall(choice.group(1)) or [choice.group(1)]),
                   found=choice.group(2))
    if message.startswith("The URL isn't valid"):
        return say("engine.url")
    if message.startswith("Expected a list of language codes"):
        return say("engine.language_codes")
    return say("engine.quoted", message=message)
