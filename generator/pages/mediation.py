"""The pro site's mediation material: for each resource of each public portal, a printable poster
(A4) and a sheet of four cards (A6), with a QR code that opens the resource's page on that portal;
and the page « Affiches et cartes » that lists them by portal.

Posters and cards are standalone HTML pages, not the engine's: printed, they carry nothing of
the site's header or navigation. Their print stylesheet is a file of the package
(templates/mediation/impression.css), each portal's colours a small stylesheet of its own (the
pages' policy allows no inline style). Pure: the portals' logos come in as bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import PurePosixPath

from ..i18n import text as _
from ..models.graph import NetworkGraph
from ..models.resource import Resource
from ..models.site import Site
from ..models.taxonomy import Term
from ..outputs import locations as loc
from ..render.icons import icon_svg
from ..render.qr import qr_svg
from ..view import paths
from ..view.site_view import SiteView, portal_resources
from .csp import PRINT_POLICY
from .environment import TEMPLATES, render

PRINT_CSS = TEMPLATES / "mediation" / "impression.css"


@lru_cache(maxsize=1)  # a file of the package, like the templates: read once per process
def print_stylesheet() -> str:
    return PRINT_CSS.read_text(encoding="utf-8")


@dataclass(frozen=True)
class Handout:
    """One resource as its poster and cards show it on one portal."""

    resource: Resource
    url: str  # the resource's page on the portal, absolute: what the QR code opens
    category: Term
    audiences: tuple[str, ...]  # their labels, in the resource's order
    start: tuple[str, ...]  # how to start: one or two sentences, from the access on this portal
    poster: str  # docs paths of its two pages
    cards: str
    density: int = 0  # 0, 1 or 2: how much smaller its text prints (text_density)


@dataclass(frozen=True)
class PortalHandouts:
    portal: Site
    logo: str | None  # docs path of the portal's logo, when it has one
    handouts: tuple[Handout, ...]


def how_to_start(resource: Resource, portal: Site) -> tuple[str, ...]:
    """One or two sentences from the resource's access on the portal (its kind, its account)."""
    access = resource.access.for_site(portal.id)
    if access.kind == "on_site":
        return (_("mediation.start.on_site", where=access.where),)
    if access.kind == "direct":
        first = _("mediation.start.direct")
    elif portal.library_logins:
        first = _("mediation.start.library")
    else:
        first = _("mediation.start.login", portal=portal.name)
    if resource.conditions.account == "fournisseur":
        return first, _("mediation.start.provider", provider=resource.provider)
    return (first,)


# Characters of text (the title counting twice: it prints larger) up to which a poster and a card
# print at each size: above the first, smaller; above the second, smaller still. Set so that a
# resource's longest likely texts (summary and on-site place at their models' limits, every audience,
# an 80-character title) still fit one A6 card (tests/browser/test_mediation.py, LONGEST).
DENSITY_STEPS = (400, 600)


def text_density(title: str, summary: str, audiences: tuple[str, ...], start: tuple[str, ...]) -> int:
    """0, 1 or 2: the print size a handout needs (no script may fit the text in the browser)."""
    weight = 2 * len(title) + len(summary) + len(" · ".join(audiences)) + len(" ".join(start))
    return sum(weight > step for step in DENSITY_STEPS)


def _handout(portal: Site, res: Resource, terms: Callable[[str, str], Term]) -> Handout:
    audiences = tuple(terms("audiences", aid).label for aid in res.audiences)
    start = how_to_start(res, portal)
    return Handout(res, loc.absolute(portal, paths.link("resource", res.id)), terms("categories", res.category),
                   audiences, start, paths.poster(portal.id, res.id), paths.cards(portal.id, res.id),
                   text_density(res.title, res.summary, audiences, start))


def portal_handouts(graph: NetworkGraph, terms: Callable[[str, str], Term],
                    logos: Mapping[str, bytes], now: datetime) -> list[PortalHandouts]:
    """Every public portal that shows a resource, with its resources' handouts (by title).

    `terms(vocabulary, id)` is a site view's `term`; `logos` the logo bytes by portal id; `now` the
    build's (a trial's resource has handouts only while the portals show it).
    """
    portals = []
    for portal in graph.sites:
        resources = portal_resources(graph, portal, now)
        if not resources:
            continue
        handouts = tuple(_handout(portal, res, terms) for res in resources)
        logo = paths.portal_logo(portal.id, PurePosixPath(portal.logo).suffix.lower()) \
            if portal.logo and portal.id in logos else None
        portals.append(PortalHandouts(portal, logo, handouts))
    return portals


def portal_colours_css(portal: Site) -> str:
    return (f"/* {paths.portal_colours(portal.id)}: generated from data/sites.yml */\n"
            f":root {{\n  --bn-primary: {portal.palette.primary};\n  --bn-accent: {portal.palette.accent};\n}}\n")


def relative(from_path: str, to_path: str) -> str:
    """The relative link from one docs file to another (both site-root-relative, '/'-separated)."""
    here = PurePosixPath(from_path).parent.parts
    there = PurePosixPath(to_path).parts
    common = 0
    while common < min(len(here), len(there) - 1) and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + list(there[common:]))


def _folder(link: str) -> str:
    """A link to a folder's index.html as its directory URL ('../../index.html' -> '../../')."""
    return link[: -len("index.html")] or "./"


def handout_page(template: str, path: str, shelf: PortalHandouts, handout: Handout, network: str) -> str:
    """A poster or a card sheet: a standalone page, its links relative to where it lives."""
    res, portal = handout.resource, shelf.portal
    return render(
        template, policy=PRINT_POLICY, portal=portal, res=handout.resource, handout=handout, network=network,
        icon=icon_svg(handout.category.icon),
        qr=qr_svg(handout.url, _("mediation.qr_label", title=res.title, portal=portal.name, url=handout.url)),
        css=relative(path, paths.MEDIATION_CSS), colours=relative(path, paths.portal_colours(portal.id)),
        logo=relative(path, shelf.logo) if shelf.logo else None,
        back=_folder(relative(path, paths.url_of(paths.MEDIATION) + "index.html")),
        poster=relative(path, handout.poster), cards=relative(path, handout.cards))


def mediation_files(view: SiteView, logos: Mapping[str, bytes], add) -> dict[str, str | bytes]:
    """The posters, card sheets, stylesheets and logos as {docs path: content}; the listing page through `add`.

    `add(path, template, meta, **context)` writes a page of the pro site (pages/pro.py).
    Nothing when no public portal shows a resource.
    """
    shelves = portal_handouts(view.graph, view.term, logos, view.now)
    if not shelves:
        return {}
    network = view.graph.network.name
    files: dict[str, str | bytes] = {paths.MEDIATION_CSS: print_stylesheet()}
    for shelf in shelves:
        files[paths.portal_colours(shelf.portal.id)] = portal_colours_css(shelf.portal)
        if shelf.logo:
            files[shelf.logo] = logos[shelf.portal.id]
        for handout in shelf.handouts:
            files[handout.poster] = handout_page("mediation/affiche.html.j2", handout.poster, shelf, handout, network)
            files[handout.cards] = handout_page("mediation/cartes.html.j2", handout.cards, shelf, handout, network)
    add(paths.MEDIATION, "pro/mediation.md.j2", {"title": _("nav.mediation"), "hide": ["toc"]},
        shelves=shelves, link=lambda path: relative(paths.MEDIATION, path))
    return files


def has_mediation(graph: NetworkGraph, now: datetime) -> bool:
    """Whether the pro site has posters to list (a public portal shows at least one resource)."""
    return any(portal_resources(graph, site, now) for site in graph.sites)

