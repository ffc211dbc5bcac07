"""The `theme:` keys Material reads, which MkDocs lets through unchecked: known keys, feature flags,
icons and the shapes of `direction`, `locale` and `static_templates`, all read from the installed theme.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import Problem
from ..load.engine_config import REFUSED, found_kind, ordinal
from ..load.yaml_source import YamlDocument
from ..messages import listed, say
from ..probe import is_file
from ..load.engine_config import SHARED_LOOK

# An icon's id as Material's templates include it (`.icons/<id>.svg`): names separated by slashes.
_ICON_ID = re.compile(r"[A-Za-z0-9_-]+(?:/[A-Za-z0-9_-]+)*")
# A name Material writes into a page's <style> (an admonition's type, a tag's id), as its schema allows.
_ICON_NAME = re.compile(r"[A-Za-z0-9_-]+")


@dataclass(frozen=True)
class ThemeVocabulary:
    """What the installed Material reads under `theme:`, taken from its own files (no list to keep up)."""

    keys: frozenset[str]  # keys of `theme:` it (or MkDocs' theme loader) reads
    features: frozenset[str]  # feature flags its templates and its script test
    icons: frozenset[str]  # keys of `theme.icon:` its templates read, each an icon's id…
    icon_groups: frozenset[str]  # …but these, mappings of a name to an icon's id
    icon_folders: tuple[Path, ...]  # where `.icons/<id>.svg` is found in every site


@lru_cache(maxsize=1)
def material_theme() -> ThemeVocabulary:
    import material
    import yaml

    templates = Path(material.__file__).parent / "templates"
    pages = "\n".join(path.read_text(encoding="utf-8") for path in sorted(templates.rglob("*.html"))
                      if ".icons" not in path.parts)
    defaults = yaml.safe_load((templates / "mkdocs_theme.yml").read_text(encoding="utf-8")) or {}
    features = set(re.findall(r'"([a-z]+(?:\.[a-z_]+)+)" (?:not )?in features', pages))
    # The script tests its flags with one small function (`function V(e){return Ct.features.includes(e)}`
    # once minified): the flags are the texts it is called with.
    for script in templates.glob("assets/javascripts/bundle.*.js"):
        code = script.read_text(encoding="utf-8")
        for name, _ in re.findall(r"function (\w+)\((\w+)\)\{return [\w.]+\.features\.includes\(\2\)\}", code):
            features |= set(re.findall(rf'\b{re.escape(name)}\("([a-z.]+)"\)', code))
    return ThemeVocabulary(
        keys=frozenset({*defaults, *re.findall(r"config\.theme\.(\w+)", pages),
                        "name", "locale", "custom_dir", "static_templates",  # MkDocs' own theme keys
                        "variant"}),  # Zensical's (Material ignores it)
        features=frozenset(features),
        icons=frozenset(re.findall(r"config\.theme\.icon\.(\w+)", pages)),
        icon_groups=frozenset(re.findall(r"config\.theme\.icon\.(\w+) \| items", pages)),
        icon_folders=(templates / ".icons", SHARED_LOOK / ".icons"),
    )


def _locale(value: Any) -> bool:
    from mkdocs.localization import parse_locale  # the engine: loaded only when a project sets a locale
    from mkdocs.config.base import ValidationError

    try:
        parse_locale(value)
    except ValidationError:
        return False
    return True


# Keys of `theme:` with a shape to check: what a value must be, the catalogue's message when it is not.
_THEME_SHAPES = {
    "direction": (lambda value: value in (None, "ltr", "rtl"), "engine.theme_direction"),
    "static_templates": (lambda value: isinstance(value, list) and all(
        isinstance(name, str) and name.endswith(".html") for name in value), "engine.theme_static_templates"),
    "locale": (lambda value: value is None or (isinstance(value, str) and _locale(value)), "engine.theme_locale"),
    "variant": (lambda value: value in ("classic", "modern"), "engine.theme_variant"),
}


def without_told(settings: dict, doc: YamlDocument) -> dict:
    """The settings without the project's `theme:` values already told by their shape: MkDocs' theme
    loader would crash on some (`static_templates: 3`) or repeat them in English."""
    theme = doc.data.get("theme")
    told = [key for key, (fits, _) in _THEME_SHAPES.items()
            if isinstance(theme, dict) and key in theme and not fits(theme[key])]
    if not told:
        return settings
    return {**settings, "theme": {k: v for k, v in settings["theme"].items() if k not in told}}


def theme_problems(doc: YamlDocument, looks: dict[str, Path]) -> list[Problem]:
    """Shapes of the `theme:` keys Material reads, which MkDocs lets through unchecked: a wrong one
    fails every page in the engine (an icon it cannot include) or is silently ignored (a misspelt key)."""
    theme = doc.data.get("theme")
    if not isinstance(theme, dict):
        return []  # `theme: material`, or a wrong shape told by the merge
    known = material_theme()
    found: list[Problem] = []

    def add(path: tuple, message: str, **fields: Any) -> None:
        found.append(Problem(doc.locate(("theme", *path)), say(message, **fields)))

    for key, value in theme.items():
        if ("theme", key) in REFUSED or key in ("name", "language", "features"):
            continue  # told by the merge (refused, name), mkdocs_settings' _language, or below
        if key not in known.keys:
            close = difflib.get_close_matches(str(key), sorted(known.keys), n=1)
            add((key,), "engine.theme_key", key=key,
                hint=say("engine.close", close=close[0]) if close else say("engine.spelling"))
        elif key in _THEME_SHAPES and not _THEME_SHAPES[key][0](value):
            add((key,), _THEME_SHAPES[key][1], found=found_kind(value))
        elif key == "icon":
            found += _icons(doc, value, known, looks)
    features = theme.get("features")
    for index, feature in enumerate(features if isinstance(features, list) else []):
        if isinstance(feature, str) and feature not in known.features:  # not a text: told by the merge
            close = difflib.get_close_matches(feature, sorted(known.features), n=1)
            add(("features", index), "engine.theme_feature", rank=ordinal(index + 1), feature=feature,
                close=say("engine.feature_close", close=close[0]) if close else "",
                known=listed(sorted(known.features)))
    return found


def _icons(doc: YamlDocument, icons: Any, known: ThemeVocabulary, looks: dict[str, Path]) -> list[Problem]:
    """theme.icon: each key one Material reads, each value an icon that every site can include."""
    if icons is None:
        return []
    if not isinstance(icons, dict):
        return [Problem(doc.locate(("theme", "icon")), say("engine.theme_icon_map", found=found_kind(icons)))]
    found = []
    for key, value in icons.items():
        where = ("theme", "icon", key)
        if key not in known.icons:
            close = difflib.get_close_matches(str(key), sorted(known.icons), n=1)
            found.append(Problem(doc.locate(where), say(
                "engine.theme_icon_key", key=key, known=listed(sorted(known.icons)),
                close=say("engine.feature_close", close=close[0]) if close else "")))
        elif key in known.icon_groups:
            if value is None:
                continue
            if not isinstance(value, dict):
                found.append(Problem(doc.locate(where), say("engine.theme_icon_group", key=key,
                                                            found=found_kind(value))))
                continue
            for name, icon in value.items():
                if not (isinstance(name, str) and _ICON_NAME.fullmatch(name)):
                    found.append(Problem(doc.locate((*where, name)), say("engine.theme_icon_name", key=key,
                                                                         name=name)))
                else:
                    found += _icon(doc, (*where, name), icon, known, looks)
        else:
            found += _icon(doc, where, value, known, looks)
    return found


def _icon(doc: YamlDocument, path: tuple, icon: Any, known: ThemeVocabulary,
          looks: dict[str, Path]) -> list[Problem]:
    """One icon's id: Material includes `.icons/<id>.svg` from its own icons, the shared look or every site's look."""
    dotted = ".".join(map(str, path))
    if icon is None:
        return []
    if not isinstance(icon, str) or not _ICON_ID.fullmatch(icon):
        return [Problem(doc.locate(path), say("engine.theme_icon_value", key=dotted, found=found_kind(icon)))]
    file = f"{icon}.svg"
    if any(is_file(folder / file) for folder in known.icon_folders):
        return []
    if looks and all(is_file(folder / ".icons" / file) for folder in looks.values()):
        return []
    return [Problem(doc.locate(path), say("engine.theme_icon_unknown", key=dotted, icon=icon))]
