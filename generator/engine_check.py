"""Check the project's engine settings as the engine itself will, at `bibnum check` time.

The merged settings (generator/load/engine_config.py) go through MkDocs' own validation,
each plugin and each Markdown extension the project names is loaded as the engine would
load it, and every finding is mapped back to its line of the project's mkdocs.yml, in
French: no configuration that `check` accepts makes the engine fail afterwards.
Only what the project adds is checked (the base is tested with the package); results are
cached by the merged settings, so the preview's reloads do not pay for it again.
"""

from __future__ import annotations

import copy
import difflib
import json
import re
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import markdown

from .errors import Location, Problem
from .load.engine_config import REFUSED, EngineConfig, entry_name, found_kind, ordinal
from .load.yaml_source import YamlDocument
from .messages import listed, say
from .models.base import NAME_MAX
from .probe import is_dir, is_file

# The shared look (also generator/build.py's SHARED_LOOK): a file there needs no copy in a network's look.
SHARED_LOOK = Path(__file__).resolve().parent / "look"

Finding = tuple[tuple, str]  # (key path in the project's mkdocs.yml, French message)
_QUOTED = re.compile(r"'([^']*)'")  # the values a choice lists, in Python's repr

# Python's type names in the engine's messages, as an editor reads them (expected, then found).
_TYPES = {name: say(f"engine.type.{name}") for name in ("int", "float", "str", "bool", "list", "tuple", "dict",
                                                          "NoneType")}
_FOUND = {**_TYPES, "int": say("engine.found.int"), "float": say("engine.found.float")}


def engine_problems(config: EngineConfig, looks: dict[str, Path] | None = None) -> list[Problem]:
    """Every problem of the project's engine settings: the merge's, then the engine's own checks.

    `looks` ({look id: its folder}) are the folders the sites' files come from: a stylesheet or
    script the project adds must be in each of them (or in the shared look).
    """
    problems = list(config.problems)
    doc = config.project
    if doc is None:
        return problems
    problems += _missing_assets(doc, looks or {})
    problems += _material_extra(doc)
    problems += _material_theme(doc, looks or {})
    named = {key: tuple(sorted({n for n in map(entry_name, doc.data.get(key) or []) if n}))
             for key in ("plugins", "markdown_extensions") if isinstance(doc.data.get(key), list)}
    findings = _findings(json.dumps(_without_told(config.settings, doc), sort_keys=True, default=str),
                         named.get("plugins", ()), named.get("markdown_extensions", ()))
    for path, message in findings:
        problems.append(Problem(doc.locate(_in_project(doc.data, path)), message))
    return problems


def declared_looks(root: Path, sites: YamlDocument | None) -> dict[str, Path]:
    """The look folders the sites of data/sites.yml name, those that exist (a missing one is its own error)."""
    entries = sites.data.get("sites") if sites is not None and isinstance(sites.data, dict) else None
    names = {e.get("look") for e in entries if isinstance(e, dict)} if isinstance(entries, list) else set()
    # Only names a look may have are probed (an over-long or odd name is the model's error, at its line).
    looks = sorted(n for n in names if isinstance(n, str) and len(n) <= NAME_MAX and _LOOK.fullmatch(n))
    return {name: root / "themes" / name for name in looks if is_dir(root / "themes" / name)}


_LOOK = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # a Slug (generator/models/base.py)


def template_problems(root: Path, looks: dict[str, Path]) -> list[Problem]:
    """Parse every template of the sites' looks as the engine's Jinja will: a syntax error is a check error."""
    import jinja2

    env = jinja2.Environment(extensions=["jinja2.ext.i18n"])  # MkDocs' theme environment, translations on
    found = []
    for folder in looks.values():
        for path in sorted(folder.rglob("*.html")):
            file = path.relative_to(root).as_posix()
            try:
                env.parse(path.read_text(encoding="utf-8"))
            except UnicodeDecodeError:
                found.append(Problem(Location(file, 1, 1), say("engine.template_not_utf8")))
            except jinja2.TemplateSyntaxError as exc:
                found.append(Problem(Location(file, exc.lineno or 1, 1),
                                     say("engine.template_invalid", detail=exc.message)))
    return found


def _missing_assets(doc: YamlDocument, looks: dict[str, Path]) -> list[Problem]:
    """A stylesheet or script the project adds is served by the site: it ships with every look (or the shared one)."""
    found = []
    for key in ("extra_css", "extra_javascript"):
        entries = doc.data.get(key)
        for index, entry in enumerate(entries if isinstance(entries, list) else []):
            if not isinstance(entry, str) or is_file(SHARED_LOOK / entry):
                continue
            address = urlsplit(entry)
            if address.scheme or address.netloc:  # as a browser reads it: fetched from another site
                found.append(Problem(doc.locate((key, index)), say("engine.asset_elsewhere", key=key, entry=entry)))
                continue
            missing = [name for name, folder in looks.items() if not is_file(folder / entry)]
            if missing:
                files = listed(f"`themes/{name}/{entry}`" for name in missing)
                found.append(Problem(doc.locate((key, index)), say("engine.asset_missing", key=key, entry=entry,
                                                                    files=files)))
    return found


# Keys of `extra` that Material's templates read (MkDocs validates none of them), with their shape.
# Each key's type, and the catalogue's key of what an editor should write there.
_EXTRA_SHAPES: dict[str, tuple[type, str]] = {
    key: (kind, f"engine.extra.{key}") for key, kind in (
        ("social", list), ("alternate", list), ("consent", dict), ("version", dict), ("status", dict),
        ("tags", dict), ("annotate", dict), ("homepage", str), ("scope", str), ("generator", bool))
}


def _material_extra(doc: YamlDocument) -> list[Problem]:
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
                        "name", "locale", "custom_dir", "static_templates"}),  # MkDocs' own theme keys
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
}


def _without_told(settings: dict, doc: YamlDocument) -> dict:
    """The settings without the project's `theme:` values already told by their shape: MkDocs' theme
    loader would crash on some (`static_templates: 3`) or repeat them in English."""
    theme = doc.data.get("theme")
    told = [key for key, (fits, _) in _THEME_SHAPES.items()
            if isinstance(theme, dict) and key in theme and not fits(theme[key])]
    if not told:
        return settings
    return {**settings, "theme": {k: v for k, v in settings["theme"].items() if k not in told}}


def _material_theme(doc: YamlDocument, looks: dict[str, Path]) -> list[Problem]:
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
            continue  # told by the merge (refused, name), _language, or below
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


def _in_project(data: dict, path: tuple) -> tuple:
    """("plugins", name, …) -> ("plugins", index of that name in the project's list, name, …)."""
    if len(path) >= 2 and path[0] in ("plugins", "markdown_extensions"):
        for index, entry in enumerate(data.get(path[0]) or []):
            if entry_name(entry) == path[1]:
                return (path[0], index, *path[1:])
        return path[:1]
    return path


@lru_cache(maxsize=8)
def _findings(settings_json: str, plugins: tuple[str, ...], extensions: tuple[str, ...]) -> tuple[Finding, ...]:
    settings = json.loads(settings_json)
    found: list[Finding] = []
    with tempfile.TemporaryDirectory() as tmp:
        found += _mkdocs(settings, Path(tmp), plugins)
    for name in extensions:
        entry = next(e for e in settings["markdown_extensions"] if entry_name(e) == name)
        found += _extension(name, entry[name] if isinstance(entry, dict) else None)
    found += _language(settings.get("theme", {}).get("language"))
    return tuple(found)


def _mkdocs(settings: dict, tmp: Path, plugins: tuple[str, ...]) -> list[Finding]:
    """MkDocs' validation: once for every key but plugins and extensions, then once per named plugin."""
    from mkdocs.config.defaults import MkDocsConfig  # the engine: loaded only when a project adds settings

    (tmp / "docs").mkdir()

    def validate(values: dict[str, Any], **overrides: Any) -> tuple[list, list]:
        for _, option in MkDocsConfig._schema:
            option.reset_warnings()  # MkDocs keeps an option's warnings after an error
        config = MkDocsConfig(config_file_path=str(tmp / "mkdocs.yml"))
        config.load_dict(copy.deepcopy({**values, "site_name": "bibnum", "docs_dir": str(tmp / "docs"),
                                        "site_dir": str(tmp / "site"), **overrides}))
        return config.validate()

    found: list[Finding] = []
    # MkDocs stops at the first key in error: validate again without it until none is left.
    values, errors, warnings = dict(settings), [], []
    for _ in range(len(settings) + 1):
        failed, warnings = validate(values, plugins=[], markdown_extensions=[])
        errors += failed
        if not failed:
            break
        for key, _ in failed:
            values.pop(key, None)
    known = [name for name, _ in MkDocsConfig._schema]
    for key, error in errors:
        found.append(((key,), say("engine.value", key=key, detail=_french(str(error)))))
    for key, warning in warnings:
        if warning.startswith("Unrecognised configuration name"):
            close = difflib.get_close_matches(key, known, n=1)
            hint = say("engine.close", close=close[0]) if close else say("engine.spelling")
            found.append(((key,), say("engine.unknown_key", key=key, hint=hint)))
        else:
            found.append(((key,), say("engine.warning", key=key, detail=_french(warning))))
    for name in plugins:
        entry = [e for e in settings["plugins"] if entry_name(e) == name]
        errors, warnings = validate(values, plugins=entry, markdown_extensions=[])
        kept = [w for option_name, option in MkDocsConfig._schema if option_name == "plugins" for w in option.warnings]
        for message in [*(e for k, e in errors if k == "plugins"), *(w for k, w in warnings if k == "plugins"), *kept]:
            found += [_plugin_finding(name, part) for part in re.split(r"\n(?=Plugin ')", str(message))]
    return list(dict.fromkeys(found))  # MkDocs' plugin option keeps its warnings from one run to the next


_OPTION = re.compile(r"^Plugin '([^']+)' option '([^']+)': (.*)$", re.S)


def _plugin_finding(name: str, message: str) -> Finding:
    if "plugin is not installed" in message:
        return (("plugins", name), say("engine.plugin_missing", name=name))
    option = _OPTION.match(message)
    if option:
        key, detail = option.group(2), option.group(3)
        if detail.startswith("Unrecognised configuration name"):
            return (("plugins", name, key), say("engine.plugin_option_unknown", key=key, name=name))
        return (("plugins", name, key), say("engine.plugin_option", key=key, name=name, detail=_french(detail)))
    return (("plugins", name), say("engine.plugin_refused", name=name, detail=_french(message)))


def _extension(name: str, options: dict | None) -> list[Finding]:
    """Load one Markdown extension as the engine does (Python-Markdown's registerExtensions)."""
    try:
        markdown.Markdown().registerExtensions((name,), {name: options or {}})
    except ImportError:
        return [(("markdown_extensions", name), say("engine.extension_missing", name=name))]
    except KeyError as exc:
        option = str(exc.args[0]) if exc.args else "?"
        return [(("markdown_extensions", name, option), say("engine.extension_option", option=option, name=name))]
    except Exception as exc:  # noqa: BLE001 - any refusal of the extension is the editor's to fix
        return [(("markdown_extensions", name), say("engine.extension_refused", name=name, kind=type(exc).__name__))]
    return []


def _language(language: Any) -> list[Finding]:
    """Material includes partials/languages/<language>.html: an unknown one fails every page."""
    import material

    folder = Path(material.__file__).parent / "templates" / "partials" / "languages"
    if language is None or (isinstance(language, str) and (folder / f"{language}.html").is_file()):
        return []
    return [(("theme", "language"), say("engine.language", language=language))]


def _french(message: str) -> str:
    """The engine's usual messages in French; any other is quoted as it came, labelled as English."""
    message = message.strip()
    sub = re.match(r"Sub-option '([^']+)': (.*)$", message, re.S)
    if sub:  # a nested option (validation.links…): name it, then tell its own message
        return say("engine.sub_option", name=sub.group(1), detail=_french(sub.group(2)))
    types = re.findall(r"<class '(\w+)'>", message)
    found = _FOUND.get(types[-1], types[-1]) if types else ""
    if message.startswith("Expected type") and len(types) >= 2:
        expected = say("where.or").join(_TYPES.get(t, t) for t in types[:-1])
        return say("engine.expected", expected=expected, found=found)
    if re.match(r"Expected a string, got <class '\w+'>", message):
        return say("engine.expected", expected=_TYPES["str"], found=found)
    if re.match(r"Expected a multiline string, but a <class '\w+'> was given", message):
        return say("engine.expected", expected=say("engine.type.lines"), found=found)
    if "Expected a key-value mapping (dict)" in message and types:
        return say("engine.expected", expected=_TYPES["dict"], found=found)
    choice = (re.match(r"Expected one of: (.*) but received: (.*)$", message, re.S)
              or re.match(r"Expected one of (.*), got (.*)$", message, re.S))
    if choice:
        return say("engine.choice", allowed=listed(_QUOTED.findall(choice.group(1)) or [choice.group(1)]),
                   found=choice.group(2))
    if message.startswith("The URL isn't valid"):
        return say("engine.url")
    if message.startswith("Expected a list of language codes"):
        return say("engine.language_codes")
    return say("engine.quoted", message=message)
