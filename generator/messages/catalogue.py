"""The editor-facing catalogue, assembled from its parts (one part per job of the generator)."""

from __future__ import annotations

from types import ModuleType

from . import (commands, engine_settings, harvest, linkcheck, loading, places, preview, publishing, references, usage,
               validation)


def assemble(*parts: ModuleType) -> dict[str, str]:
    """One catalogue from the parts' `MESSAGES`; a key written in two parts is refused, since the second
    text would silently replace the first."""
    catalogue: dict[str, str] = {}
    for part in parts:
        twice = catalogue.keys() & part.MESSAGES.keys()
        if twice:
            raise ValueError(f"editor message(s) {sorted(twice)} written twice in generator/messages/ "
                             f"(again in {part.__name__})")
        catalogue.update(part.MESSAGES)
    return catalogue


MESSAGES: dict[str, str] = assemble(places, loading, engine_settings, validation, references, harvest,
                                    linkcheck, commands, publishing, usage, preview)
