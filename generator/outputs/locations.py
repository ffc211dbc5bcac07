"""Where each published data file lives in a site's docs tree, and its absolute URL.

The paths are part of the public contract (town portals link to them): API v1
paths never change; a breaking change of a document gets a new `api/v2/`.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from ..models.site import Site
from ..urls import IMAGES_FOLDER

PARIS = ZoneInfo("Europe/Paris")

API = "api/v1"  # each document's own version (major.minor) is in its schema: api.schema_version
RESOURCES_JSON = f"{API}/resources.json"
TITLES_JSON = f"{API}/titles.json"
TITLES_DIR = f"{API}/titles"  # titles/page-N.json when titles.json is an index
EVENTS_JSON = f"{API}/events.json"
LIBRARIES_JSON = f"{API}/libraries.json"
# An HTML fragment, not a page: a .txt name keeps page tools (search index, page checks)
# from taking it for one, and lets a reader open it as copyable source.
SNIPPET_HTML = f"{API}/snippet.html.txt"
SCHEMA_DIR = f"{API}/schema"

# The search widget town portals embed (outputs/widget.py): its script, and the access links it opens
# results with, the portal's and each library's. Their folder is served to every origin (CORS).
WIDGET_DIR = "widget"
WIDGET_SCRIPT = f"{WIDGET_DIR}/bibnum-recherche.js"
WIDGET_PORTAL_ACCESS = f"{WIDGET_DIR}/acces.json"

NEWS_RSS = "flux/actualites.xml"
NEWS_ATOM = "flux/actualites.atom"
BLOG_RSS = "flux/blog.xml"
BLOG_ATOM = "flux/blog.atom"

OPDS_ROOT = "opds/catalogue.xml"
OPDS_RESOURCES = "opds/ressources.xml"
OPDS_NEW = "opds/nouveautes.xml"
OPDS_FEATURED = "opds/a-la-une.xml"
OPDS_TITLES = "opds/titres.xml"

LICENCE_NAME = "Licence Ouverte / Etalab 2.0"
LICENCE_URL = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"

SITEMAP = "sitemap.xml"  # written by the engine, listed here so the open data page can link it

RSS_TYPE = "application/rss+xml"
ATOM_TYPE = "application/atom+xml"
OPDS_NAVIGATION = "application/atom+xml;profile=opds-catalog;kind=navigation"
OPDS_ACQUISITION = "application/atom+xml;profile=opds-catalog;kind=acquisition"
JSON_TYPE = "application/json"
MARC_TYPE = "application/marc"  # ISO 2709 (RFC 2220)
MARCXML_TYPE = "application/marcxml+xml"  # RFC 6207
KBART_TYPE = "text/tab-separated-values"


def titles_page(number: int) -> str:
    return f"{TITLES_DIR}/page-{number}.json"


def widget_access(library_id: str) -> str:
    return f"{WIDGET_DIR}/acces/{library_id}.json"


def schema(name: str) -> str:
    return f"{SCHEMA_DIR}/{name}.schema.json"


def new_titles_rss(resource_id: str) -> str:
    return f"ressources/{resource_id}/nouveautes.xml"


def new_titles_atom(resource_id: str) -> str:
    return f"ressources/{resource_id}/nouveautes.atom"


def opds_titles(resource_id: str, page: int = 1) -> str:
    return f"opds/titres/{resource_id}.xml" if page == 1 else f"opds/titres/{resource_id}-{page}.xml"


def absolute(site: Site, path: str) -> str:
    """Absolute URL of a site-root-relative path (site URLs end with '/', may hold a sub-path)."""
    return site.url + path


def images(site: Site) -> str:
    """Absolute URL of the site's images/ folder (editors' images, content/images/), for HTML read
    away from the site's pages (feeds, the API)."""
    return absolute(site, f"{IMAGES_FOLDER}/")


def paris(moment: datetime | date) -> datetime:
    """A naive Paris local time (or a date, taken at midnight) as an aware datetime."""
    if not isinstance(moment, datetime):
        moment = datetime(moment.year, moment.month, moment.day)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=PARIS)


def day_start(now: datetime) -> datetime:
    """The start of the build's day (naive Paris `now`), as an aware Paris time.

    Where a file has no date of its own to show (an empty feed, the API's `generated`,
    iCalendar's DTSTAMP), it shows this one: every build of a day writes the same bytes,
    so an incremental build rewrites only what an edit changed.
    """
    return paris(datetime(now.year, now.month, now.day))


def iso(moment: datetime | date) -> str:
    """ISO 8601 with the Paris UTC offset: '2026-11-28T14:00:00+01:00'."""
    return paris(moment).isoformat()
