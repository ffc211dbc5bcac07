"""Markdown files with a YAML front matter block, positions kept for errors."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import Location, Problem
from ..messages import say
from .markdown_body import BodyImage, Extensions, body_problems
from .yaml_source import YamlDocument, load_yaml

_FENCE = "---"


@dataclass
class MarkdownDocument:
    file: str
    meta: YamlDocument
    body: str
    body_line: int  # 1-based line where the body starts
    images: tuple[BodyImage, ...] = ()  # the images of content/images/ the body shows (validate.py checks them)

    def body_location(self, offset: int = 0) -> Location:
        return Location(self.file, self.body_line + offset, 1)


def load_markdown(text: str, file: str, extensions: Extensions) -> tuple[MarkdownDocument | None, list[Problem]]:
    """Split front matter from body; validate the YAML; check the body as the engine will render it
    with `extensions` (markdown_body.py)."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    lines = text.split("\n")
    if not lines or lines[0].strip() != _FENCE:
        return None, [
            Problem(Location(file, 1, 1), say("load.no_front_matter"))
        ]
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() in (_FENCE, "..."))
    except StopIteration:
        return None, [Problem(Location(file, 1, 1), say("load.front_matter_open"))]
    meta, problems = load_yaml("\n".join(lines[1:end]), file, line_offset=1)
    if meta is None:
        return None, problems
    if meta.data is None:
        meta.data = {}
    body_start = end + 1
    body = "\n".join(lines[body_start:])
    found, images = body_problems(body, file, body_start + 1, extensions)
    problems.extend(found)
    return MarkdownDocument(file, meta, body, body_start + 1, images), problems
