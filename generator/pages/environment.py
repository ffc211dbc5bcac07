"""The single Jinja2 environment: autoescape on, StrictUndefined, French filters."""

from __future__ import annotations

import html
import json
import re
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .. import i18n
from ..render.icons import icon_svg
from ..view import paths
from .titles import title_items
from ..view.site_view import access_facet
from ..render.engine_text import html_text, markdown_inert_html
from ..render.markdown import markdown_html
from ..urls import IMAGES_FOLDER

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Templates are part of the generator, not of the project: no stat() per page to see
        # whether one changed on disk (bibnum serve watches the project's files only).
        auto_reload=False,
    )
    env.globals.update(_=i18n.text, plural=i18n.plural, icon=icon_svg)
    env.filters.update(
        markdown=_markdown_filter,
        long_date=i18n.long_date,
        short_date=i18n.short_date,
        clock=i18n.clock,
        money=i18n.money,
        number=i18n.number,
        json_attr=lambda value: json.dumps(value, ensure_ascii=False, sort_keys=True),
    )
    env.globals["time_span"] = i18n.time_span
    env.globals["url"] = paths.link
    env.globals["access_facet"] = access_facet
    env.globals["title_items"] = title_items
    return env


def _markdown_filter(text: str, base: str | None = None) -> Markup:
    """`text|markdown(base)`: an editor's Markdown field, sanitized; its images of content/images/
    shown from BASE (the page's way back to the site root); without BASE, images are left out.
    Its HTML goes into the Markdown pages the engine renders: inert as Markdown too (engine_text)."""
    return markdown_inert_html(markdown_html(text, None if base is None else f"{base}{IMAGES_FOLDER}/"))


def compile_all() -> None:
    """Compile every template now: forked workers then share them instead of each compiling its own."""
    env = environment()
    for name in env.list_templates(filter_func=lambda name: name.endswith(".j2")):
        env.get_template(name)


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)


def page(template: str, meta: dict[str, Any], *, heading: bool = True, **context: Any) -> str:
    """A Markdown page for the engine: YAML front matter, an <h1>, then the rendered body.

    mkdocs-material inserts front-matter strings into HTML without escaping, so
    every string in `meta` is HTML-escaped here (titles are already free of < >).
    The explicit <h1> keeps the page's own title: without it Material would
    print the (shorter) navigation label instead.
    """
    h1 = f"<h1>{html.escape(meta['title'])}</h1>\n\n" if heading else ""
    return front_matter(meta) + h1 + render(template, **context)


def front_matter(meta: dict[str, Any]) -> str:
    """`meta` plus `search: {exclude: true}` as YAML front matter, exactly as
    yaml.safe_dump(sort_keys=True, width=1000) writes it.

    A block mapping is its entries one after the other, so each entry is written on its
    own (and memoized): plain strings directly, anything else through yaml. _escape makes
    fresh lists and dicts, so no entry could have shared an anchor with another.
    """
    entries = []
    for key in sorted({**meta, "search": None}):
        if key == "search":
            entries.append(_NOT_IN_ENGINE_INDEX)
            continue
        value = _escape(meta[key])
        if isinstance(value, str):
            entries.append(_text_entry(key, value))
        elif isinstance(value, (bool, int, date)):  # post dates, flags: few distinct values
            entries.append(_scalar_entry(key, value))
        elif isinstance(value, list) and all(isinstance(item, str) for item in value):
            entries.append(_list_entry(key, tuple(value)))
        else:
            entries.append(_dump({key: value}))
    return "---\n" + "".join(entries) + "---\n\n"


# Material's search plugin would parse every page for a lunr index that is never published
# (generator/search builds the site's index from the model): about a fifth of the engine's time.
_NOT_IN_ENGINE_INDEX = "search:\n  exclude: true\n"


def _dump(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=True, width=1000)


@lru_cache(maxsize=4096)
def _text_entry(key: str, value: str) -> str:
    return f"{key}: {value}\n" if _plain(key) and _plain(value) and len(key) + len(value) < 990 else _dump({key: value})


@lru_cache(maxsize=1024, typed=True)  # typed: True and 1 are equal keys, but not the same YAML
def _scalar_entry(key: str, value: bool | int | date) -> str:
    return _dump({key: value})


@lru_cache(maxsize=1024)
def _list_entry(key: str, values: tuple[str, ...]) -> str:
    return _dump({key: list(values)})


# What makes PyYAML's emitter quote a string (Emitter.analyze_scalar): a character outside
# its printable set (U+FEFF included), a line break, ': ' or ' #' inside, ':' at the end.
_NOT_PLAIN = re.compile(
    r"[^\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010fffe]|[\u2028\u2029]|: |:$| #")
_INDICATORS = "#,[]{}&*!|>'\"%@` "
_RESOLVERS = yaml.SafeDumper.yaml_implicit_resolvers


def _plain(value: str) -> bool:
    """Whether yaml writes `value` unquoted in block context (checked against yaml in the tests)."""
    return (
        bool(value)
        and value[0] not in _INDICATORS
        and value[-1] != " "
        and not (value[0] in "?:-" and value[1:2] in ("", " "))
        and not value.startswith(("---", "..."))
        and _NOT_PLAIN.search(value) is None
        # A string that reads as a bool, number, date or null is quoted to stay a string.
        and not any(regexp.match(value) for _tag, regexp in _RESOLVERS.get(value[0], ()))
    )


def attribute_safe(value: str) -> str:
    """Escape what can break Material's double-quoted attributes and text; keep apostrophes,
    which Material re-escapes in places (an escaped one would show as '&#x27;')."""
    return html_text(value)


def _escape(value: Any) -> Any:
    if isinstance(value, Markup):  # already escaped for the engine (generator/render/engine_text.py)
        return str(value)
    if isinstance(value, str):
        return attribute_safe(value)
    if isinstance(value, list):
        return [_escape(v) for v in value]
    if isinstance(value, dict):
        return {k: _escape(v) for k, v in value.items()}
    return value


def safe_markup(value: str) -> Markup:
    """Mark already-sanitized HTML as safe (used only on sanitizer output)."""
    return Markup(value)
