"""data/usage/<resource id>.yml as text: a header comment, then the months in order, written by hand
so that the file reads well and the same data always gives the same bytes."""

from __future__ import annotations

import json
import re

from ..messages import say
from ..models.usage import MonthUsage

NOTE_PREFIX = "# " + say("usage.note", note="")


def usage_text(resource_id: str, title: str, months: dict[str, MonthUsage], notes: list[str]) -> str:
    lines = [f"# {say('usage.header', title=title, id=resource_id)}",
             f"# {say('usage.header_how')}",
             f"# {say('usage.header_source')}"]
    lines += [f"{NOTE_PREFIX}{note}" for note in notes]
    lines.append("months:" if months else "months: {}")
    for month, usage in sorted(months.items()):
        lines.append(f"  {month}:")
        lines.append("    counts:")
        lines += [f"      {metric}: {count}" for metric, count in sorted(usage.counts.items())]
        source = usage.source
        lines.append("    source:")
        lines.append(f"      report: {source.report}")
        if source.release:
            lines.append(f"      release: {_quoted(source.release)}")
        lines.append(f"      file: {_quoted(source.file)}")
        if source.created is not None:
            lines.append(f"      created: {_quoted(source.created.isoformat())}")
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    # A JSON string is a YAML double-quoted scalar: any file name stays one value.
    return json.dumps(text, ensure_ascii=False)


def notes_of(text: str) -> list[str]:
    """The notes of a usage file's header (kept when the import writes it again)."""
    notes = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        if line.startswith(NOTE_PREFIX):
            notes.append(line[len(NOTE_PREFIX):])
    return notes


def one_line(note: str) -> str:
    return re.sub(r"\s+", " ", note).strip()
