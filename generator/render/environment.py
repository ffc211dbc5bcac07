"""The single Jinja2 environment: autoescape on, StrictUndefined, French filters."""

from __future__ import annotations

import html
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .. import i18n
from .icons import icon_svg
from ..pages import paths
from ..pages.view import access_facet
from .markdown import markdown_html

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
    )
    env.globals.update(_=i18n.text, plural=i18n.plural, icon=icon_svg)
    env.filters.update(
        markdown=markdown_html,
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
    return env


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
    safe = {key: _escape(value) for key, value in meta.items()}
    return "---\n" + yaml.safe_dump(safe, allow_unicode=True, sort_keys=True, width=1000) + "---\n\n"


def attribute_safe(value: str) -> str:
    """Escape what can break Material's double-quoted attributes and text; keep apostrophes,
    which Material re-escapes in places (an escaped one would show as '&#x27;')."""
    return html.escape(value, quote=False).replace('"', "&quot;")


def _escape(value: Any) -> Any:
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
