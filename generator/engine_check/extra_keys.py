"""The `extra` keys Material's templates read (MkDocs validates none of them): their shapes and social icons."""

from __future__ import annotations

from pathlib import Path

from ..errors import Problem
from ..load.engine_config import ordinal
from ..load.yaml_source import YamlDocument
from ..messages import say
from ..probe import is_file

# Keys of `extra` that Material's templates read (MkDocs validates none of them), with their shape.
# Each key's type, and the catalogue's key of what an editor should write there.
_EXTRA_SHAPES: dict[str, tuple[type, str]] = {
    key: (kind, f"engine.extra.{key}") for key, kind in (
        ("social", list), ("alternate", list), ("consent", dict), ("version", dict), ("status", dict),
        ("tags", dict), ("annotate", dict), ("homepage", str), ("scope", str), ("generator", bool))
}


def extra_problems(doc: YamlDocument) -> list[Problem]:
    """Shapes of the `extra` keys Material's templates read: a wrong one fails every page in the engine."""
    import material

    extra = doc.data.get("extra")
    found = []
    for key, value in (extra.items() if isinstance(extra, dict) else []):
        shape = _EXTRA_SHAPES.get(key)
        if shape is not None and value is not None and not isinstance(value, shape[0]):
            found.append(Problem(doc.locate(("extra", key)), say("engine.extra_shape", key=key,
                                                                  expected=say(shape[1]))))
    icons = Path(material.__file__).parent / "templates" / ".icons"
    social = extra.get("social") if isinstance(extra, dict) else None
    for index, item in enumerate(social if isinstance(social, list) else []):
        where = doc.locate(("extra", "social", index))
        if not isinstance(item, dict) or not isinstance(item.get("link"), str) or not isinstance(item.get("icon"), str):
            found.append(Problem(where, say("engine.social_item", rank=ordinal(index + 1))))
        elif not is_file(icons / f"{item['icon']}.svg"):
            found.append(Problem(doc.locate(("extra", "social", index, "icon")),
                                 say("engine.social_icon", icon=item["icon"])))
    return found
