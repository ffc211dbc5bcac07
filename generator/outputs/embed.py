"""The embeddable list of a portal's resources: plain HTML, no script, no iframe.

A town portal copies this fragment (or fetches api/v1/snippet.html.txt on each
publication) into its own page; every link is absolute and every text escaped,
so the fragment is inert wherever it lands. Portals that prefer to render it
themselves read api/v1/resources.json instead.
"""

from __future__ import annotations

import html
import json

from ..i18n import text as _
from ..view.site_view import SiteView
from . import locations as loc
from .api import dump, schema_text
from .records import page_url, resource_record


def snippet_html(view: SiteView) -> str:
    site = view.site

    def esc(value: str) -> str:  # text and double-quoted attributes; apostrophes stay readable
        return html.escape(value, quote=False).replace('"', "&quot;")

    lines = [
        '<div class="bibnum-ressources" lang="fr">',
        f'<p>{esc(_("embed.snippet_intro"))} <a href="{esc(site.url)}">{esc(site.name)}</a></p>',
    ]
    for term, resources in view.by_category():
        lines.append(f"<h3>{esc(term.label)}</h3>")
        lines.append("<ul>")
        for resource in resources:
            url = page_url(view, "resource", resource.id)
            lines.append(f'<li><a href="{esc(url)}">{esc(resource.title)}</a> — {esc(resource.summary)}</li>')
        lines.append("</ul>")
    lines.append(
        f'<p><small>{esc(_("embed.snippet_source"))} <a href="{esc(loc.absolute(site, loc.RESOURCES_JSON))}">'
        f"resources.json</a> · {esc(loc.LICENCE_NAME)}</small></p>"
    )
    lines.append("</div>")
    return "\n".join(lines) + "\n"


def embed_files(view: SiteView) -> dict[str, str]:
    return {loc.SNIPPET_HTML: snippet_html(view)} if view.site.kind == "public" else {}


def resource_fields() -> list[tuple[str, str]]:
    """(field, meaning) of a resource record, read from the published schema so the page never drifts."""
    properties = json.loads(schema_text("resources"))["$defs"]["item"]["properties"]
    return [(name, spec.get("description", "")) for name, spec in properties.items()]


def example_record(view: SiteView) -> str:
    """The first resource's record, as resources.json holds it ('' when the site has none).

    Only its first two per-library access links are kept: the point is the shape.
    """
    if not view.resources:
        return ""
    record = resource_record(view, view.resources[0])
    record["access"]["libraries"] = record["access"]["libraries"][:2]
    return dump(record).rstrip()
