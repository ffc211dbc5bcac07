"""Exception hierarchy; the CLI turns these into clean messages and exit codes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .messages import count, say

# C0 controls but tab and newline (some messages hold several lines), DEL, C1 controls, and
# the bidirectional overrides that reorder what a terminal shows. A carriage return is shown:
# it would let a value overwrite the start of its own line.
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """`text` with every control character written as an escape (`\\x1b`), for a terminal or a log.

    Sources, file names and values come from outside: printed raw, an ESC sequence could
    rewrite the terminal's title or hide the lines above it.
    """
    return _INVISIBLE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match[0])
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


@dataclass(frozen=True, order=True)
class Location:
    """Where in the editor's sources a problem is (1-based line and column)."""

    file: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True, order=True)
class Problem:
    """One error an editor must fix: where, what was wrong, how to fix it."""

    location: Location
    message: str

    def __str__(self) -> str:
        return visible(f"{self.location}: {self.message}")


class BibnumError(Exception):
    """Base class: every error the CLI reports without a traceback."""

    exit_code = 1


class ProjectInvalid(BibnumError):
    """The project's data or content did not validate; carries every problem at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(say("cli.invalid_project", errors=count(len(self.problems), "count.error")))


class ProjectNotFound(BibnumError):
    exit_code = 2

    def __init__(self, path: Path):
        super().__init__(say("cli.not_a_project", path=path))


class BuildBusy(BibnumError):
    """Another process holds the lock of this project's state or of this output folder (generator/locks.py)."""

    def __init__(self, subject: str, holder: str):
        super().__init__(say("lock.busy", subject=subject, holder=holder))


class BuildFailed(BibnumError):
    """The engine or a post-build step failed; the published output is untouched."""


class UnsafePath(BibnumError):
    """A write was attempted outside the output folder, or twice to the same file."""
