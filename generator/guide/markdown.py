"""Markdown building blocks: table cells and tables, code blocks, YAML, field tables."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import yaml
from pydantic import BaseModel

from .fields import field_rows

_CODE_SPAN = re.compile(r"(`+)(.+?)\1")


def cell(text: str) -> str:
    """Text safe inside a table cell: one line, `|` escaped, no raw HTML outside code spans.

    Python-Markdown does not split a row on a `|` inside a code span (and would show a
    backslash there), so only the text between code spans is escaped.
    """
    text = " ".join(text.split())
    parts: list[str] = []
    last = 0
    for match in _CODE_SPAN.finditer(text):
        parts.append(_escape_text(text[last : match.start()]))
        parts.append(match[0])
        last = match.end()
    parts.append(_escape_text(text[last:]))
    return "".join(parts)


def _escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")


def table(headers: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    lines = ["| " + " | ".join(cell(h) for h in headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _code_block(text: str) -> str:
    """An indented code block (portable: no extension needed)."""
    return "\n".join(("    " + line).rstrip() for line in text.rstrip("\n").split("\n"))


class _Dumper(yaml.SafeDumper):
    """Lists indented under their key, as editors usually write them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def to_yaml(data: Mapping[str, Any]) -> str:
    return yaml.dump(dict(data), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=88)


def _field_table(model: type[BaseModel], id_from_file: bool) -> str:
    rows = [(f"`{r.key}`", r.type, r.required, r.description) for r in field_rows(model, id_from_file=id_from_file)]
    return table(("Clé", "Type", "Obligatoire ?", "Description"), rows)
