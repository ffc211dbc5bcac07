"""The rendering engines bibnum drives: one interface (base.Engine), one module per engine.

The build hands an engine a generated work tree (docs/, overrides/, mkdocs.yml) and an
output folder; the engine says which runs it can do differentially (`mode_for`) and renders.
Everything an engine keeps between builds is described by the site's ledger (generator/ledger.py).
"""

from __future__ import annotations

from .base import CLEAN, DIRTY, UNCHANGED, Changes, Engine
from .mkdocs import MkDocs

__all__ = ["CLEAN", "DIRTY", "UNCHANGED", "Changes", "Engine", "MkDocs", "default_engine"]


def default_engine() -> Engine:
    return MkDocs()
