"""The engine's configuration: bibnum's base (in the package) merged with the project's mkdocs.yml.

Every network gets the same base (generator/engine_base.yml): upgrading bibnum upgrades
every network's engine settings. A project's mkdocs.yml only adds or overrides, by these
rules (also in the README and the editor's guide):

- mappings merge key by key; a scalar (text, number, true/false) replaces the base's;
- `theme.features`, `extra_css` and `extra_javascript` are appended to the base's lists,
  without duplicates;
- `markdown_extensions` and `plugins` merge by name: a new name is added at the end, a name
  the base has keeps its place and its options merge key by key with the project's;
- any other list replaces the base's;
- the keys bibnum writes itself for each site (name, URL, nav, palette, logo…) are refused,
  with where to set them instead.

A missing or empty mkdocs.yml means the base alone. Reading is the I/O edge; the merge is pure.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..errors import Problem
from ..messages import say
from .yaml_source import YamlDocument, load_yaml

ENGINE_FILE = "mkdocs.yml"
BASE_FILE = Path(__file__).resolve().parent.parent / "engine_base.yml"
# The shared look ships inside the package too: upgrading bibnum upgrades every network's look.
SHARED_LOOK = Path(__file__).resolve().parent.parent / "look"

APPENDED = {("theme", "features"), ("extra_css",), ("extra_javascript",)}
BY_NAME = {("markdown_extensions",), ("plugins",)}

# Keys bibnum writes for each site, or that would break what it generates: where to act instead
# (generator/messages/, "engine.refused.<dotted key>").
REFUSED: dict[tuple[str, ...], str] = {
    path: say("engine.refused." + ".".join(path)) for path in (
        ("site_name",), ("site_url",), ("site_description",), ("copyright",), ("nav",), ("docs_dir",),
        ("site_dir",), ("use_directory_urls",), ("strict",), ("hooks",), ("INHERIT",), ("watch",), ("dev_addr",),
        ("theme", "custom_dir"), ("theme", "palette"), ("theme", "logo"), ("theme", "favicon"), ("extra", "bibnum"),
        # Private (DESIGN.md §10): no page load reaches a third party.
        ("theme", "font"), ("extra", "polyfills"), ("extra", "analytics"),
    )
}
# Options of a plugin that bibnum sets for each site.
REFUSED_OPTIONS: dict[tuple[str, str], str] = {
    key: say(f"engine.refused_option.{key[0]}.{key[1]}") for key in (("blog", "blog_dir"),)
}
THEME_NAME = "material"


@dataclass(frozen=True)
class EngineConfig:
    """The merged settings, the project's file as read (None when absent or empty) and its problems."""

    settings: dict[str, Any]
    project: YamlDocument | None
    problems: tuple[Problem, ...]


def read_engine_config(root: Path) -> EngineConfig:
    """Read ROOT/mkdocs.yml (if any) and merge it over the base."""
    path = root / ENGINE_FILE
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    config = engine_config(text)
    return replace(config, settings=copy.deepcopy(config.settings))  # the cached one stays as merged


@lru_cache(maxsize=8)
def engine_config(text: str) -> EngineConfig:
    """The base merged with the text of a project's mkdocs.yml (empty text: the base alone)."""
    doc, problems = load_yaml(text, ENGINE_FILE) if text.strip() else (None, [])
    problems = [_python_tag(p) for p in problems]
    if doc is not None and doc.data is None:
        doc = None  # only comments: the defaults
    if doc is not None and not isinstance(doc.data, dict):
        problems.append(Problem(doc.locate(()), say("engine.not_a_map")))
        doc = None
    settings = base_settings()
    if doc is not None:
        problems += merge_settings(settings, doc)
    return EngineConfig(settings, doc, tuple(problems))


def base_settings() -> dict[str, Any]:
    """A fresh copy of bibnum's base settings."""
    return copy.deepcopy(_base())


@lru_cache(maxsize=1)
def _base() -> dict[str, Any]:
    return yaml.safe_load(BASE_FILE.read_text(encoding="utf-8"))


def merge_settings(settings: dict[str, Any], doc: YamlDocument) -> list[Problem]:
    """Merge DOC's mapping into SETTINGS (in place); return the problems found."""
    problems: list[Problem] = []
    _merge_mapping(settings, doc.data, (), doc, problems)
    return problems


def entry_name(entry: Any) -> str | None:
    """The name of a `plugins` or `markdown_extensions` item: `name` or `{name: options}`."""
    if isinstance(entry, str):
        return entry
    if isinstance(entry, dict) and len(entry) == 1:
        name = next(iter(entry))
        return name if isinstance(name, str) else None
    return None


def _merge_mapping(base: dict, project: dict, path: tuple, doc: YamlDocument, problems: list[Problem]) -> None:
    for key, value in project.items():
        here = path + (key,)
        where = doc.locate(here)
        dotted = ".".join(map(str, here))
        if here in REFUSED:
            problems.append(Problem(where, say("engine.refused", key=dotted, where=REFUSED[here])))
        elif here == ("theme",):
            _merge_theme(base, value, doc, problems)
        elif here in APPENDED:
            if _list_of_text(value, here, doc, problems):
                base[key] = list(base.get(key) or []) + [v for v in value if v not in (base.get(key) or [])]
        elif here in BY_NAME:
            _merge_named(base.setdefault(key, []), value, here, doc, problems)
        elif isinstance(base.get(key), dict):
            if isinstance(value, dict):
                _merge_mapping(base[key], value, here, doc, problems)
            else:
                problems.append(Problem(where, say("engine.map_expected", key=dotted, parent=key,
                                                   found=found_kind(value))))
        else:
            base[key] = copy.deepcopy(value)


def _merge_theme(base: dict, value: Any, doc: YamlDocument, problems: list[Problem]) -> None:
    if isinstance(value, str):  # MkDocs accepts `theme: material`
        value = {"name": value}
        named_at = ("theme",)
    elif isinstance(value, dict):
        named_at = ("theme", "name")
    else:
        problems.append(Problem(doc.locate(("theme",)), say("engine.theme_map", found=found_kind(value))))
        return
    name = value.get("name", THEME_NAME)
    if name != THEME_NAME:
        problems.append(Problem(doc.locate(named_at), say("engine.theme_name", theme=THEME_NAME, name=name)))
    _merge_mapping(base["theme"], {k: v for k, v in value.items() if k != "name"}, ("theme",), doc, problems)


def _merge_named(base: list, value: Any, path: tuple, doc: YamlDocument, problems: list[Problem]) -> None:
    dotted = path[0]
    if not isinstance(value, list):
        problems.append(Problem(doc.locate(path), say("engine.list_expected", key=dotted, found=found_kind(value))))
        return
    for index, entry in enumerate(value):
        name = entry_name(entry)
        options = entry[name] if isinstance(entry, dict) and name is not None else None
        where = doc.locate(path + (index,))
        if name is None or not (options is None or isinstance(options, dict)):
            rank = ordinal(index + 1)
            problems.append(Problem(where, say("engine.named_item", key=dotted, rank=rank)))
            continue
        refused = [k for k in options or {} if (name, k) in REFUSED_OPTIONS]
        for option in refused:
            problems.append(Problem(doc.locate(path + (index, name, option)), say(
                "engine.refused_option", key=dotted, option=option, name=name, where=REFUSED_OPTIONS[(name, option)])))
        options = {k: copy.deepcopy(v) for k, v in (options or {}).items() if k not in refused}
        position = next((i for i, item in enumerate(base) if entry_name(item) == name), None)
        if position is None:
            base.append({name: options} if options else name)
        elif options:
            kept = base[position][name] if isinstance(base[position], dict) else {}
            base[position] = {name: {**(kept or {}), **options}}


def ordinal(number: int) -> str:
    """A list item's rank as French writes it: 1er, 2e, 3e…"""
    return "1er" if number == 1 else f"{number}e"


def _list_of_text(value: Any, path: tuple, doc: YamlDocument, problems: list[Problem]) -> bool:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return True
    example = "- navigation.expand" if path == ("theme", "features") else "- assets/reseau.css"
    if isinstance(value, list):
        index = next(i for i, v in enumerate(value) if not isinstance(v, str))
        rank = ordinal(index + 1)
        problems.append(Problem(doc.locate(path + (index,)), say("engine.text_item", key=".".join(path), rank=rank,
                                                                  example=example, found=found_kind(value[index]))))
        return False
    problems.append(Problem(doc.locate(path), say("engine.texts_expected", key=".".join(path), example=example,
                                                  found=found_kind(value))))
    return False


def found_kind(value: Any) -> str:
    """What was written instead, as an editor reads it: « le nombre 3 », « une liste »…"""
    if value is None:
        return say("engine.type.NoneType")
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, (int, float)):
        return say("engine.found.number", value=value)
    if isinstance(value, str):
        return say("engine.found.text", value=value)
    if isinstance(value, list):
        return say("engine.type.list")
    return say("engine.type.dict")


def _python_tag(problem: Problem) -> Problem:
    """A `!!python/…` tag: the safe loader refuses it; say why and what to do for mkdocs.yml."""
    if problem.message != say("yaml.invalid", problem=say("yaml.python_tag")):
        return problem
    return Problem(problem.location, say("engine.python_tag"))
