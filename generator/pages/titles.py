"""The items of a harvested-titles list (templates/public/titles.md.j2), written in Python.

A portal lists every harvested title once (tens of thousands): Jinja's per-item cost
(an escape, a lookup or a call per field) was most of the generation time, so the
items are written here, escaped with the same function Jinja autoescapes with.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import lru_cache

from markupsafe import Markup, escape

from ..i18n import short_date, text as _
from ..models.title import Title
from ..view import paths
from ..view.site_view import SiteView


def title_items(view: SiteView, titles: Iterable[Title], base: str, level: int) -> Markup:
    """One <li> per title: its name (linked to the provider through the site's access, else
    to the resource page), authors, publication date, kind and sanitized summary."""
    opens = escape(_("resource.opens_provider"))
    out = []
    for title in titles:
        name = escape(title.title)
        link = view.title_link(title)
        if link:
            anchor = (f'<a href="{escape(link.url)}" rel="noopener">{name} '
                      f'<span class="bn-visually-hidden">{opens}</span></a>')
        else:
            anchor = f'<a href="{escape(base)}{escape(paths.link("resource", title.resource))}">{name}</a>'
        # Parts are joined with str.join: adding a str to a Markup would escape the str.
        authors = ", ".join([escape(author) for author in title.authors]) + " · " if title.authors else ""
        published = _published(title.published) if title.published else ""
        summary = f'<div class="bn-title__summary">{title.summary_html}</div>\n' if title.summary_html else ""
        out.append(f'<li class="bn-title" data-bn-title="{escape(title.id)}">\n'
                   f'<h{level} class="bn-title__name">{anchor}</h{level}>\n'
                   f'<p class="bn-title__meta">{authors}{published}{_kind(title.kind)}</p>\n{summary}</li>\n')
    return Markup("".join(out))


@lru_cache(maxsize=4096)
def _published(day: date) -> str:
    label = escape(_("titles.published", date=short_date(day)))
    return f'<time datetime="{escape(day.isoformat())}">{label}</time> · '


@lru_cache(maxsize=64)
def _kind(kind: str) -> str:
    return str(escape(_("titles.kind." + kind)))
