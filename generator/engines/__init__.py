"""The rendering engines bibnum drives: one interface (base.Engine), one module per engine.

The build hands an engine a generated work tree (docs/, overrides/, mkdocs.yml) and an
output folder; the engine says which runs it can do differentially (`mode_for`) and renders.
Everything an engine keeps between builds is described by the site's ledger (generator/ledger.py).
A project names its engine in data/sites.yml (`engine:`); `--engine` overrides it for one command.
"""

from __future__ import annotations

from ..errors import BibnumError
from ..messages import listed, say
from ..models.site import DEFAULT_ENGINE, ENGINE_NAMES
from .base import CLEAN, DIRTY, UNCHANGED, Changes, Engine
from .mkdocs import MkDocs, ProperDocs
from .zensical import Zensical

__all__ = ["CLEAN", "DIRTY", "ENGINES", "UNCHANGED", "Changes", "Engine", "MkDocs", "ProperDocs", "Zensical",
           "default_engine", "engine_named"]

ENGINES: dict[str, type[Engine]] = {engine.name: engine for engine in (MkDocs, ProperDocs, Zensical)}
assert tuple(ENGINES) == ENGINE_NAMES, "every engine a project may name has an adapter"


def default_engine() -> Engine:
    return engine_named(DEFAULT_ENGINE)


def engine_named(name: str) -> Engine:
    """The engine NAME, ready to run: BibnumError when bibnum has none of that name or it is not installed."""
    if name not in ENGINES:
        raise BibnumError(say("engine.unknown", name=name, known=listed(ENGINES)))
    engine = ENGINES[name]()
    absent = engine.missing()
    if absent:
        raise BibnumError(say("engine.missing", engine=name, packages=listed(absent),
                              install=f"pip install 'bibnum[{engine.extra}]'" if engine.extra
                              else f"pip install {' '.join(absent)}"))
    return engine
