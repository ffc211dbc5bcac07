"""French interface strings, written in parts by page family and assembled here into STRINGS.

Keys are dotted; `a|b` holds singular|plural. A key written in two parts is refused: the
second text would silently replace the first.
"""

from __future__ import annotations

from types import ModuleType

from . import (accessibility, admin, agenda, common, figures, home, libraries, mediation, open_data, pro, resources,
               search, usage)


def _assemble(*parts: ModuleType) -> dict[str, str]:
    strings: dict[str, str] = {}
    for part in parts:
        twice = strings.keys() & part.STRINGS.keys()
        if twice:
            raise ValueError(f"interface string(s) {sorted(twice)} written twice in generator/i18n/fr/ "
                             f"(again in {part.__name__})")
        strings.update(part.STRINGS)
    return strings


STRINGS: dict[str, str] = _assemble(common, home, resources, agenda, libraries, accessibility, pro, open_data,
                                    search, admin, mediation, usage, figures)
