"""The sample of pages the browser, Nu checker and weight tests walk: one page of each type per site.

The demo has ~250 pages; most are the same template with other data, so each test loads
one page of each type (DESIGN.md §5) per site, at a phone and a desktop width. Types are
declared here; the page standing for a type is found in the build (the first in name
order), so the sample follows the demo's data without naming events or posts.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}
SEARCH_QUERY = "presse"

# kind -> where its page is: a fixed site-relative URL, or "folder/*/" for the first page of a folder.
PUBLIC_TYPES = {
    "home": "",
    "catalogue": "ressources/",
    "category": "categories/*/",
    "resource": "ressources/cafeyn/",  # offered on every public site, with the library chooser on calvados
    "agenda": "agenda/",
    "agenda-town": "agenda/communes/*/",
    "agenda-library": "agenda/bibliotheques/*/",
    "event": "evenements/*/",
    "libraries": "bibliotheques/",
    "library": "bibliotheques/*/",
    "news": "actualites/",
    "news-post": "actualites/*/",
    "help": "aide/",
    "about": "a-propos/",  # an editor's page with generated blocks (history, funders, towns)
    "accessibility": "accessibilite/",
    "search": "",  # the home page with a query typed in the header's search
}
PRO_TYPES = {
    "home": "",
    "blog": "blog/",
    "post": "blog/*/",
    "guide": "guide-editeur/",
    "agenda": "agenda/",
    "event": "evenements/*/",
    "series": "agenda/series/*/",
    "groups": "groupes/",
    "group": "groupes/*/",
    "network": "reseau/",
    "libraries": "bibliotheques/",  # the table of library profiles
    "library": "bibliotheques/*/",
    "documents": "documents/",
    "usage": "statistiques/",  # usage statistics: the network's chart and tables
    "usage-resource": "statistiques/*/",  # a resource's chart, its data table, its cost per use
    "search": "",
}
# Folders of Material's blog plugin that are listings, not posts.
_NOT_POSTS = {"archive", "category", "page", "author"}


@dataclass(frozen=True)
class PageType:
    site: str
    kind: str
    path: str  # site-relative URL ("" is the site's home)

    @property
    def url(self) -> str:
        return f"/{self.site}/{self.path}"

    @property
    def id(self) -> str:
        return f"{self.site}-{self.kind}"


def sites() -> dict[str, str]:
    """Site id -> kind, from the demo's data (known before anything is built)."""
    data = yaml.safe_load((REPO / "data" / "sites.yml").read_text(encoding="utf-8"))
    return {site["id"]: site.get("kind", "public") for site in data["sites"]}


def declared() -> list[tuple[str, str]]:
    """(site, kind) of every page type, for parametrising tests at collection time."""
    return [(site, kind) for site, site_kind in sites().items()
            for kind in (PUBLIC_TYPES if site_kind == "public" else PRO_TYPES)]


def page_type(out: Path, site: str, kind: str) -> PageType:
    """The page standing for `kind` on `site` in the build folder `out`."""
    pattern = (PUBLIC_TYPES if sites()[site] == "public" else PRO_TYPES)[kind]
    if "*" not in pattern:
        assert (out / site / pattern / "index.html").is_file(), f"{site}: no {kind} page at /{site}/{pattern}"
        return PageType(site, kind, pattern)
    folder = out / site / pattern.split("*")[0]
    pages = sorted(p.parent.name for p in folder.glob("*/index.html") if p.parent.name not in _NOT_POSTS)
    assert pages, f"{site}: no {kind} page under /{site}/{pattern}"
    return PageType(site, kind, pattern.replace("*", pages[0]))


def sample(out: Path) -> list[PageType]:
    return [page_type(out, site, kind) for site, kind in declared()]


def html_file(out: Path, page: PageType) -> Path:
    return out / page.site / page.path / "index.html"
