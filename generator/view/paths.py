"""Where every generated page lives in a site's docs tree, and its URL (directory URLs)."""

from __future__ import annotations

from functools import lru_cache

from ..models.graph import Post
from ..models.network_facts import town_slug  # noqa: F401 (a town's agenda page: agenda_town(town_slug(name)))


def url_of(doc_path: str) -> str:
    """'ressources/cafeyn.md' -> 'ressources/cafeyn/'; 'index.md' -> ''."""
    if doc_path.endswith(".md"):
        stem = doc_path[:-3]
        if stem == "index":
            return ""
        if stem.endswith("/index"):
            return stem[: -len("index")]
        return stem + "/"
    return doc_path


def base_of(doc_path: str) -> str:
    """Relative prefix from a page back to the site root ('' or '../' repeated)."""
    return "../" * url_of(doc_path).count("/")


HOME = "index.md"
CATALOGUE = "ressources/index.md"
AGENDA = "agenda/index.md"
AGENDA_PAST = "agenda/passes.md"
AGENDA_ICS = "agenda/agenda.ics"
LIBRARIES = "bibliotheques/index.md"
ACCESSIBILITY = "accessibilite.md"
NEWS = "actualites/index.md"
BLOG = "blog/index.md"
GROUPS = "groupes/index.md"
NETWORK = "reseau.md"
GUIDE = "guide-editeur.md"
OPEN_DATA = "donnees-ouvertes.md"  # every site: links to each published data file
EMBED = "integrer.md"  # public portals: the embeddable list of resources for town portals
NEWS_DIR = "actualites"  # the news posts' folder (blog posts live under 'blog/')


def resource(rid: str) -> str:
    return f"ressources/{rid}.md"


def category(cid: str) -> str:
    return f"categories/{cid}.md"


def audience(aid: str) -> str:
    return f"publics/{aid}.md"


def agenda_audience(aid: str) -> str:
    return f"agenda/public-{aid}.md"


def agenda_town(slug: str) -> str:
    return f"agenda/communes/{slug}.md"


def agenda_library(lid: str) -> str:
    return f"agenda/bibliotheques/{lid}.md"


def series(sid: str) -> str:
    return f"agenda/series/{sid}.md"


def event(eid: str) -> str:
    return f"evenements/{eid}.md"


def event_ics(eid: str) -> str:
    return f"evenements/{eid}.ics"


def library(lid: str) -> str:
    return f"bibliotheques/{lid}.md"


def library_ics(lid: str) -> str:
    return f"bibliotheques/{lid}.ics"


def group(gid: str) -> str:
    return f"groupes/{gid}.md"


def page(pid: str) -> str:
    return f"{pid}.md"


def post_url(post: Post) -> str:
    return f"{NEWS_DIR if post.kind == 'news' else 'blog'}/{post.id}/"


TITLES_PER_PAGE = 50


def titles(rid: str, number: int = 1) -> str:
    """Listing pages of a resource's harvested titles: 'ressources/<id>/titres/', then '…/page-2/'."""
    return f"ressources/{rid}/titres/index.md" if number == 1 else f"ressources/{rid}/titres/page-{number}.md"


_KINDS = {
    "resource": resource,
    "category": category,
    "audience": audience,
    "agenda_audience": agenda_audience,
    "agenda_town": agenda_town,
    "agenda_library": agenda_library,
    "series": series,
    "event": event,
    "event_ics": event_ics,
    "library": library,
    "library_ics": library_ics,
    "group": group,
    "page": lambda pid: f"{pid}.md",
    "titles": titles,
}


@lru_cache(maxsize=16384)  # pure; called for every title of every API, feed and page
def link(kind: str, ident: str) -> str:
    """Site-root-relative URL of a generated page, for templates: `url('resource', 'cafeyn')`."""
    return url_of(_KINDS[kind](ident))
