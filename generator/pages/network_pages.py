"""Pages made from the network's declared facts: the pro figures page, the pro library
profiles (a table and one page per library) and the blocks editors' pages ask for."""

from __future__ import annotations

from ..i18n import sort_key, text as _
from ..models.graph import Page
from .environment import render
from ..view import paths
from ..view.figures import (charges_fee, documents_of, member_towns, profile_totals, readers_of, total_fees,
                            total_population)
from ..view.site_view import SiteView


def page_blocks(view: SiteView, pg: Page) -> str:
    """The generated blocks a page's front matter asks for (`blocks:`), after its text."""
    if not pg.meta.blocks:
        return ""
    towns = member_towns(view.graph.network, view.graph.libraries.values())
    linked = {lib.id for lib in view.libraries} if view.site.kind == "public" else set(view.graph.libraries)
    return "\n" + render("page_blocks.md.j2", view=view, blocks=pg.meta.blocks, towns=towns,
                         total=total_population(towns), linked=linked, base=paths.base_of(paths.page(pg.id)))


def network_pages(view: SiteView, add) -> None:
    """The pro site's figures page, its table of library profiles and one profile page per library."""
    graph = view.graph
    network = graph.network
    libraries = sorted(graph.libraries.values(), key=lambda lib: sort_key(f"{lib.town} {lib.name}"))
    towns = member_towns(network, libraries)
    add(paths.NETWORK, "pro/network.md.j2", {"title": _("nav.network"), "hide": ["toc"]},
        libraries=libraries, towns=towns, population=total_population(towns), with_fee=charges_fee(network),
        total_fees=total_fees(towns), resource_count=len(graph.resources), upcoming=len(view.upcoming()),
        rate=network.fee_per_inhabitant)
    add(paths.LIBRARIES, "pro/libraries.md.j2", {"title": _("pro.libraries.title"), "hide": ["toc"]},
        libraries=libraries, totals=profile_totals(network, libraries), readers_of=readers_of,
        documents_of=documents_of)
    for lib in libraries:
        add(paths.library(lib.id), "pro/library.md.j2",
            {"title": lib.name, "description": _("pro.library.description", town=lib.town), "hide": ["toc"]},
            lib=lib, population=view.population_of(lib), fee=view.fee(lib))
