"""Markdown files with a YAML front matter block, positions kept for errors."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import Location, Problem
from .yaml_source import YamlDocument, load_yaml

_FENCE = "---"
# Raw HTML an editor must not put in Markdown: it would run in readers' browsers.
_DANGEROUS = re.compile(
    r"<\s*(script|iframe|object|embed|style|form|base|meta|link)\b|<[^>]*\son[a-z]+\s*=|javascript\s*:|vbscript\s*:|data\s*:\s*text/html",
    re.IGNORECASE,
)


@dataclass
class MarkdownDocument:
    file: str
    meta: YamlDocument
    body: str
    body_line: int  # 1-based line where the body starts

    def body_location(self, offset: int = 0) -> Location:
        return Location(self.file, self.body_line + offset, 1)


def load_markdown(text: str, file: str) -> tuple[MarkdownDocument | None, list[Problem]]:
    """Split front matter from body; validate the YAML; flag dangerous raw HTML in the body."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    lines = text.split("\n")
    if not lines or lines[0].strip() != _FENCE:
        return None, [
            Problem(Location(file, 1, 1), "missing front matter: start the file with a line '---', "
                    "the page's fields (title: ...), then a line '---'")
        ]
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() in (_FENCE, "..."))
    except StopIteration:
        return None, [Problem(Location(file, 1, 1), "front matter is not closed: add a line '---' after its fields")]
    meta, problems = load_yaml("\n".join(lines[1:end]), file, line_offset=1)
    if meta is None:
        return None, problems
    if meta.data is None:
        meta.data = {}
    body_start = end + 1
    body_lines = lines[body_start:]
    for index, line in enumerate(body_lines):
        match = _DANGEROUS.search(line)
        if match:
            problems.append(
                Problem(
                    Location(file, body_start + index + 1, match.start() + 1),
                    f"raw HTML '{match.group(0).strip()}' is not allowed in content (it would run in readers' "
                    "browsers); use Markdown, or ask a developer for a safe component",
                )
            )
    return MarkdownDocument(file, meta, "\n".join(body_lines), body_start + 1), problems
