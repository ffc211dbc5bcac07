"""The hub page at OUT's top: the network's name and a link to each of its sites."""

from __future__ import annotations

import html

from ..models.graph import NetworkGraph
from .csp import HUB_POLICY


def hub_page(graph: NetworkGraph) -> str:
    items = "\n".join(
        f'<li><a href="{html.escape(s.id)}/">{html.escape(s.name)}</a></li>' for s in graph.sites
    )
    title = html.escape(graph.network.name)
    return (
        f'<!doctype html>\n<html lang="fr"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{html.escape(HUB_POLICY)}"><meta name="viewport" '
        f'content="width=device-width, initial-scale=1"><title>{title}</title></head>\n'
        f"<body><main><h1>{title}</h1><p>{html.escape(graph.network.description)}</p>\n<ul>\n{items}\n</ul>"
        "</main></body></html>\n"
    )
