"""What the build needs from a rendering engine."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path

CLEAN, DIRTY, UNCHANGED = "clean", "dirty", "unchanged"


@dataclass(frozen=True)
class Changes:
    """Work-tree paths that differ from the tree the engine last rendered into its output folder."""

    written: tuple[str, ...] = ()  # added or changed
    removed: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.written or self.removed)


class Engine(ABC):
    """A static-site engine run on one site's work tree.

    The build keeps the engine's output folder between builds and knows, from the site's
    ledger, exactly which tree was last rendered into it; it asks the engine to render
    again either everything (clean) or only `changes` (dirty).
    """

    name: str

    @abstractmethod
    def identity(self) -> str:
        """Names and versions of what renders: any change makes the next run clean."""

    @abstractmethod
    def mode_for(self, changes: Changes) -> str:
        """DIRTY when the engine can render only CHANGES (never empty) correctly, else CLEAN."""

    @abstractmethod
    def render(self, work: Path, out: Path, *, epoch: int, changes: Changes | None) -> None:
        """Render WORK into OUT: everything (OUT emptied first) when `changes` is None, else
        only what changed since the run that produced OUT's content. Raise BuildFailed on failure."""
