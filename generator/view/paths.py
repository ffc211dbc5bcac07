"""Where every generated page lives in a site's docs tree, and its URL (directory URLs).

Every page is a folder's `index.md` (`ressources/kiosque/index.md`, not `ressources/kiosque.md`):
pages link relative to their URL, and engines differ on where they resolve a link of a
non-index `X.md` from (MkDocs: its URL `X/`; Zensical: its source folder). From `X/index.md`
both agree. Blog and news posts are the exception: the blog plugin names their page by slug.
"""

from __future__ import annotations

from functools import lru_cache

from ..models.graph import Post
from ..models.network_facts import town_slug  # noqa: F401 (a town's agenda page: agenda_town(town_slug(name)))


def url_of(doc_path: str) -> str:
    """'ressources/kiosque/index.md' -> 'ressources/kiosque/'; 'index.md' -> ''; 'a/b.md' -> 'a/b/'."""
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


def at(folder: str) -> str:
    """The docs path of the page whose URL is `folder/`: 'reseau' -> 'reseau/index.md'.

    A folder already naming an index ('index', 'agenda/index') is that index.
    """
    if folder == "index" or folder.endswith("/index"):
        return f"{folder}.md"
    return f"{folder}/index.md"


HOME = "index.md"
CATALOGUE = "ressources/index.md"
AGENDA = "agenda/index.md"
AGENDA_PAST = at("agenda/passes")
AGENDA_ICS = "agenda/agenda.ics"
LIBRARIES = "bibliotheques/index.md"
ACCESSIBILITY = at("accessibilite")
NEWS = "actualites/index.md"
BLOG = "blog/index.md"
GROUPS = "groupes/index.md"
NETWORK = at("reseau")
GUIDE = at("guide-editeur")
OPEN_DATA = at("donnees-ouvertes")  # every site: links to each published data file
EMBED = at("integrer")  # public portals: the embeddable list of resources for town portals
MEDIATION = at("mediation")  # pro site: the posters and cards of every portal's resources
USAGE = at("statistiques")  # pro site: usage statistics (pages/usage.py)
TRIALS = at("essais")  # pro site: the resources on trial, running, upcoming and over
ADMIN_DIR = "admin"  # pro site: the web editor (generator/admin/), a page of its own
ADMIN = at(ADMIN_DIR)
NEWS_DIR = "actualites"  # the news posts' folder (blog posts live under 'blog/')
# Pages bibnum writes at a folder an editor's page could name (content/public/agenda.md -> agenda/index.md).
GENERATED_INDEXES = frozenset({HOME, CATALOGUE, AGENDA, LIBRARIES, ACCESSIBILITY, NEWS, BLOG, GROUPS, NETWORK,
                               GUIDE, OPEN_DATA, EMBED, MEDIATION, USAGE, TRIALS, ADMIN})


def resource(rid: str) -> str:
    return at(f"ressources/{rid}")


def category(cid: str) -> str:
    return at(f"categories/{cid}")


def audience(aid: str) -> str:
    return at(f"publics/{aid}")


def agenda_audience(aid: str) -> str:
    return at(f"agenda/public-{aid}")


def agenda_town(slug: str) -> str:
    return at(f"agenda/communes/{slug}")


def agenda_library(lid: str) -> str:
    return at(f"agenda/bibliotheques/{lid}")


def series(sid: str) -> str:
    return at(f"agenda/series/{sid}")


def usage(rid: str) -> str:
    """A resource's usage statistics on the pro site."""
    return at(f"statistiques/{rid}")


def event(eid: str) -> str:
    return at(f"evenements/{eid}")


def event_ics(eid: str) -> str:
    return f"evenements/{eid}.ics"


def library(lid: str) -> str:
    return at(f"bibliotheques/{lid}")


def library_ics(lid: str) -> str:
    return f"bibliotheques/{lid}.ics"


def group(gid: str) -> str:
    return at(f"groupes/{gid}")


def page(pid: str) -> str:
    """An editor's page ('aide') or a generated one named by its folder ('agenda/index')."""
    return at(pid)


# The pro site's printable material: standalone HTML pages (not the engine's), their print
# stylesheet, and each portal's colours and logo beside its resources' folders.
MEDIATION_DIR = "mediation"
MEDIATION_CSS = f"{MEDIATION_DIR}/impression.css"


def poster(site_id: str, rid: str) -> str:
    """A resource's A4 poster for one portal: 'mediation/portail/kiosque/affiche.html'."""
    return f"{MEDIATION_DIR}/{site_id}/{rid}/affiche.html"


def cards(site_id: str, rid: str) -> str:
    """A resource's sheet of four A6 cards for one portal."""
    return f"{MEDIATION_DIR}/{site_id}/{rid}/cartes.html"


def portal_colours(site_id: str) -> str:
    return f"{MEDIATION_DIR}/{site_id}/couleurs.css"


def portal_logo(site_id: str, suffix: str) -> str:
    """A portal's logo as the posters read it ('.svg', '.png'…: the file's own suffix)."""
    return f"{MEDIATION_DIR}/{site_id}/logo{suffix}"


def post_url(post: Post) -> str:
    return f"{NEWS_DIR if post.kind == 'news' else 'blog'}/{post.id}/"


TITLES_PER_PAGE = 50


def titles(rid: str, number: int = 1) -> str:
    """Listing pages of a resource's harvested titles: 'ressources/<id>/titres/', then '…/page-2/'."""
    return at(f"ressources/{rid}/titres" if number == 1 else f"ressources/{rid}/titres/page-{number}")


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
    "page": page,
    "titles": titles,
    "usage": usage,
}


@lru_cache(maxsize=16384)  # pure; called for every title of every API, feed and page
def link(kind: str, ident: str) -> str:
    """Site-root-relative URL of a generated page, for templates: `url('resource', 'kiosque')`."""
    return url_of(_KINDS[kind](ident))
