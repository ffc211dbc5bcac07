"""The search widget town portals embed: one script, one custom element, per-library access links (pure).

A town pastes `<script src="…/widget/bibnum-recherche.js" defer></script>` and
`<bibnum-recherche bibliotheque="ID"></bibnum-recherche>` into its page. The script is the
portal's own index reader and result builders (look/assets/bibnum/search-index.js and
search-render.js, the very files the portal's search runs) followed by the element
(assets/widget/element.js). Every result opens through the chosen library's login: the
links are computed here, with access.py's rules, into `widget/acces/<library>.json` (a
title: its own address at the provider inside its resource's login, title_recipe);
`widget/acces.json` holds the portal's own, for an unknown library. Events, posts, pages and
libraries are left out of the widget: they belong to the portal, not to a town's catalogue.
"""

from __future__ import annotations

import html
import json
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from ..access import target_link
from ..i18n import text as _
from ..models.library import Library
from ..models.login import LoginStrategy, ResourceAccess
from ..view import paths
from ..view.site_view import SiteView
from . import locations as loc
from .api import dump
from .marc import own_login_libraries

PACKAGE = Path(__file__).resolve().parent.parent
# The portal search's own modules, in the order they build on each other.
SHARED_MODULES = (PACKAGE / "look/assets/bibnum/search-index.js", PACKAGE / "look/assets/bibnum/search-render.js")
ELEMENT = PACKAGE / "assets/widget/element.js"
ELEMENT_CSS = PACKAGE / "assets/widget/element.css"
TAG = "bibnum-recherche"
LIBRARY_ATTRIBUTE = "bibliotheque"
# The portal search's strings the widget shows too (search.<key>), besides its own (widget.<key>).
_SEARCH_STRINGS = ("results_label", "hint", "short", "error")
_WIDGET_STRINGS = ("label", "placeholder", "unknown")
Recipes = dict[str, list[str] | None]


@lru_cache(maxsize=None)
def _source(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def script_literal(value: Any) -> str:
    """VALUE as a JavaScript literal (JSON) that no text can close early, wherever the script lands."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    for char in ("<", ">", "&", "\u2028", "\u2029"):
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


# A title's link is its resource's login around the title's own address: made here once per resource
# and library with this stand-in address, then filled in by the widget for each title.
_STAND_IN = "https://titre.bibnum.invalid/"
_STAND_IN_HOST = urlsplit(_STAND_IN).hostname


def title_recipe(access: ResourceAccess, login: LoginStrategy, allow_http: bool) -> list[str] | None:
    """[before, after, "encoded" | "raw"]: a title's link is `before + its address + after`, the
    address percent-encoded once or left raw as access.py writes it (DESIGN.md §6); None where the
    link is not made that way (no login to the address itself, a fixed CAS service, a Shibboleth
    service provider taken from the address): the title then opens its resource's link."""
    if access.kind not in ("login", "direct"):
        return None
    url = target_link(access, _STAND_IN, login, allow_http=allow_http).url
    for form, mark in (("encoded", quote(_STAND_IN, safe="")), ("raw", _STAND_IN)):
        if url.count(mark) == 1:
            before, after = url.split(mark)
            return None if _STAND_IN_HOST in before + after else [before, after, form]
    return None


def access_links(view: SiteView) -> tuple[dict[str, str | None], dict[str, dict[str, str | None]]]:
    """The portal's links and each library's: {resource page (site-relative): the URL that opens it}.

    A library's readers get its own login where the portal offers one per library (the
    resource page's chooser: view.library_links), else the portal's; None: the resource has
    no link (read on site only), the widget opens its page on the portal."""
    portal = {paths.link("resource", res.id): view.links[res.id].url for res in view.resources}
    libraries = {lib.id: dict(portal) for lib in view.libraries}
    for res in view.resources:
        for choice in view.library_links.get(res.id, ()):
            libraries[choice.library.id][paths.link("resource", res.id)] = choice.link.url
    return portal, libraries


def title_recipes(view: SiteView) -> tuple[Recipes, dict[str, Recipes]]:
    """The portal's title recipes and each library's, {resource page: title_recipe}, as access_links.

    A library's titles go through its own login where the portal offers one per library (the
    libraries outputs/marc.py writes per-library 856 fields for), else the portal's."""
    site = view.site
    portal: Recipes = {}
    libraries: dict[str, Recipes] = {lib.id: {} for lib in view.libraries}
    for res in view.resources:
        page, access = paths.link("resource", res.id), view.accesses[res.id]
        portal[page] = title_recipe(access, site.login, site.allow_http)
        for recipes in libraries.values():
            recipes[page] = portal[page]
        for lib in own_login_libraries(view, res.id):
            libraries[lib.id][page] = title_recipe(access, lib.login, site.allow_http)
    return portal, libraries


def access_document(links: dict[str, str | None], titles: Recipes, library: Library | None) -> str:
    return dump({"library": None if library is None else library.id,
                 "name": None if library is None else library.name, "links": links, "titles": titles})


def widget_script(view: SiteView) -> str:
    """widget/bibnum-recherche.js: the shared modules in a scope of their own, then the element."""
    settings = {
        "portal": view.site.name,
        "tag": TAG,
        "attribute": LIBRARY_ATTRIBUTE,
        "libraries": sorted(lib.id for lib in view.libraries),
        "script": loc.WIDGET_SCRIPT,
        "portal_access": loc.WIDGET_PORTAL_ACCESS,
        "library_access": loc.widget_access("{library}"),
        "strings": {**{key: _(f"search.{key}") for key in _SEARCH_STRINGS},
                    **{key: _(f"widget.{key}") for key in _WIDGET_STRINGS}},
    }
    shared = "\n".join(_source(path) for path in SHARED_MODULES)
    return (
        f"/* {TAG}: the search of {view.site.url}, to embed in another site. Generated by bibnum. */\n"
        "(function () {\n"
        "var scope = {};  // the portal's search modules attach here, not to the host page's window\n"
        f"(function (window) {{\n{shared}}})(scope);\n"
        f"(function (NS, SETTINGS, CSS) {{\n{_source(ELEMENT)}}})(scope.BibnumSearch, {script_literal(settings)}, "
        f"{script_literal(_source(ELEMENT_CSS))});\n"
        "})();\n"
    )


def snippet(view: SiteView, library_id: str) -> str:
    """The HTML a town pastes for LIBRARY_ID (absolute script address, escaped attribute)."""
    src = html.escape(loc.absolute(view.site, loc.WIDGET_SCRIPT), quote=True)
    return (f'<script src="{src}" defer></script>\n'
            f'<{TAG} {LIBRARY_ATTRIBUTE}="{html.escape(library_id, quote=True)}"></{TAG}>')


def widget_files(view: SiteView) -> dict[str, str]:
    """The widget's files of a public portal (none for the pro site)."""
    if view.site.kind != "public":
        return {}
    portal, libraries = access_links(view)
    portal_titles, library_titles = title_recipes(view)
    files = {loc.WIDGET_SCRIPT: widget_script(view),
             loc.WIDGET_PORTAL_ACCESS: access_document(portal, portal_titles, None)}
    files.update({loc.widget_access(lib.id): access_document(libraries[lib.id], library_titles[lib.id], lib)
                  for lib in view.libraries})
    return files
