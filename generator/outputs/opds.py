"""OPDS 1.2 catalogue of a public portal: a navigation root, acquisition feeds of the
resources (all, newest first, featured) and of each resource's harvested titles.

Reading apps (Thorium, KOReader, town portals' importers) browse it from
`opds/catalogue.xml`. The resources are websites, so their acquisition links
are `text/html` entry points: the access link (which starts the right login)
or, for on-site-only resources, the resource's page.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.etree.ElementTree import Element

from ..i18n import plural, text as _
from ..models.resource import Resource
from ..models.title import Title
from ..pages import paths
from ..pages.view import SiteView
from ..render.markdown import markdown_html, sanitize_html
from . import locations as loc
from .feeds import title_uuid
from .records import page_url, titles_of
from .xml import child, rfc3339, root, serialize

ATOM_NS = "http://www.w3.org/2005/Atom"
OPDS_NS = "http://opds-spec.org/2010/catalog"
DC_NS = "http://purl.org/dc/terms/"
REL_ACQUISITION = "http://opds-spec.org/acquisition"
REL_OPEN_ACCESS = "http://opds-spec.org/acquisition/open-access"
REL_SORT_NEW = "http://opds-spec.org/sort/new"
REL_FEATURED = "http://opds-spec.org/featured"
# Entries per page of a resource's titles (next/previous links between pages).
PAGE_SIZE = 500


@dataclass(frozen=True)
class Link:
    rel: str
    path: str  # site-root-relative
    type: str
    title: str | None = None


def _feed(view: SiteView, path: str, title: str, kind: str, links: list[Link]) -> Element:
    """The <feed> element with the links every OPDS feed of the site carries."""
    site = view.site
    self_type = loc.OPDS_NAVIGATION if kind == "navigation" else loc.OPDS_ACQUISITION
    document = root("feed", {"": ATOM_NS, "opds": OPDS_NS, "dc": DC_NS}, xml_lang="fr")
    child(document, "id", loc.absolute(site, path))
    child(document, "title", title)
    child(document, "updated", rfc3339(loc.paris(view.now)))
    child(child(document, "author"), "name", view.graph.network.name)
    child(document, "link", rel="self", href=loc.absolute(site, path), type=self_type)
    child(document, "link", rel="start", href=loc.absolute(site, loc.OPDS_ROOT), type=loc.OPDS_NAVIGATION)
    for link in links:
        child(document, "link", rel=link.rel, href=loc.absolute(site, link.path), type=link.type, title=link.title)
    return document


def _facets() -> list[Link]:
    return [
        Link(REL_SORT_NEW, loc.OPDS_NEW, loc.OPDS_ACQUISITION, _("opds.new")),
        Link(REL_FEATURED, loc.OPDS_FEATURED, loc.OPDS_ACQUISITION, _("opds.featured")),
    ]


def _navigation_entry(view: SiteView, parent: Element, title: str, content: str, link: Link) -> None:
    entry = child(parent, "entry")
    child(entry, "title", title)
    child(entry, "id", loc.absolute(view.site, link.path))
    child(entry, "updated", rfc3339(loc.paris(view.now)))
    child(entry, "content", content, type="text")
    child(entry, "link", rel=link.rel, href=loc.absolute(view.site, link.path), type=link.type)


def resources_with_titles(view: SiteView) -> list[Resource]:
    return [r for r in view.resources if view.graph.titles.get(r.id)]


def root_feed(view: SiteView) -> bytes:
    document = _feed(view, loc.OPDS_ROOT, _("opds.root", site=view.site.name), "navigation",
                     [Link("alternate", paths.url_of(paths.CATALOGUE), "text/html"), *_facets()])
    _navigation_entry(view, document, _("opds.all"), _("opds.all_content"),
                      Link("subsection", loc.OPDS_RESOURCES, loc.OPDS_ACQUISITION))
    _navigation_entry(view, document, _("opds.new"), _("opds.new_content"),
                      Link(REL_SORT_NEW, loc.OPDS_NEW, loc.OPDS_ACQUISITION))
    _navigation_entry(view, document, _("opds.featured"), _("opds.featured_content"),
                      Link(REL_FEATURED, loc.OPDS_FEATURED, loc.OPDS_ACQUISITION))
    if resources_with_titles(view):
        _navigation_entry(view, document, _("opds.titles"), _("opds.titles_content"),
                          Link("subsection", loc.OPDS_TITLES, loc.OPDS_NAVIGATION))
    return serialize(document)


def _resource_entry(view: SiteView, parent: Element, resource: Resource) -> None:
    site = view.site
    page = page_url(view, "resource", resource.id)
    link = view.links[resource.id]
    entry = child(parent, "entry")
    child(entry, "title", resource.title)
    child(entry, "id", page)
    child(entry, "updated", rfc3339(loc.paris(resource.added)))
    child(child(entry, "author"), "name", resource.provider)
    child(entry, "dc:publisher", resource.provider)
    for language in resource.languages:
        child(entry, "dc:language", language)
    child(entry, "dc:issued", resource.added.isoformat())
    category = view.terms["categories"].get(resource.category)
    child(entry, "category", scheme=loc.absolute(site, paths.link("category", resource.category)),
          term=resource.category, label=category.label if category else resource.category)
    child(entry, "summary", resource.summary, type="text")
    child(entry, "content", str(markdown_html(resource.description)), type="html")
    child(entry, "link", rel="alternate", type="text/html", href=page)
    rel = REL_OPEN_ACCESS if link.kind == "direct" else REL_ACQUISITION
    child(entry, "link", rel=rel, type="text/html", href=link.url or page)


def resources_feed(view: SiteView, path: str, title: str, resources: list[Resource]) -> bytes:
    document = _feed(view, path, title, "acquisition",
                     [Link("up", loc.OPDS_ROOT, loc.OPDS_NAVIGATION), *_facets()])
    for resource in resources:
        _resource_entry(view, document, resource)
    return serialize(document)


def newest_first(view: SiteView) -> list[Resource]:
    return sorted(view.resources, key=lambda r: (-r.added.toordinal(), r.id))


def titles_navigation(view: SiteView) -> bytes:
    document = _feed(view, loc.OPDS_TITLES, _("opds.titles"), "navigation",
                     [Link("up", loc.OPDS_ROOT, loc.OPDS_NAVIGATION)])
    for resource in resources_with_titles(view):
        count = plural(len(view.graph.titles[resource.id]), "count.title")
        _navigation_entry(view, document, resource.title, _("opds.titles_of", count=count),
                          Link("subsection", loc.opds_titles(resource.id), loc.OPDS_ACQUISITION))
    return serialize(document)


def _title_entry(view: SiteView, parent: Element, title: Title) -> None:
    resource_page = page_url(view, "resource", title.resource)
    entry = child(parent, "entry")
    child(entry, "title", title.title)
    child(entry, "id", title_uuid(title.resource, title.id))
    child(entry, "updated", rfc3339(loc.paris(title.first_seen)))
    for name in title.authors:
        child(child(entry, "author"), "name", name)
    child(entry, "dc:identifier", title.id)
    if title.language:
        child(entry, "dc:language", title.language)
    if title.published:
        child(entry, "dc:issued", title.published.isoformat())
    if title.summary_html:
        child(entry, "summary", sanitize_html(title.summary_html), type="html")
    child(entry, "link", rel="related", type="text/html", href=resource_page)
    child(entry, "link", rel=REL_ACQUISITION, type="text/html", href=title.url or resource_page)


def titles_feeds(view: SiteView, resource: Resource, page_size: int = PAGE_SIZE) -> dict[str, bytes]:
    """One acquisition feed of a resource's titles, newest first, paginated with next/previous."""
    titles = titles_of(view, resource.id)
    chunks = [titles[i:i + page_size] for i in range(0, len(titles), page_size)] or [()]
    last = len(chunks)
    files: dict[str, bytes] = {}
    for number, chunk in enumerate(chunks, start=1):
        links = [Link("up", loc.OPDS_TITLES, loc.OPDS_NAVIGATION),
                 Link("alternate", paths.link("resource", resource.id), "text/html")]
        if last > 1:
            links += [Link("first", loc.opds_titles(resource.id, 1), loc.OPDS_ACQUISITION),
                      Link("last", loc.opds_titles(resource.id, last), loc.OPDS_ACQUISITION)]
        if number > 1:
            links.append(Link("previous", loc.opds_titles(resource.id, number - 1), loc.OPDS_ACQUISITION))
        if number < last:
            links.append(Link("next", loc.opds_titles(resource.id, number + 1), loc.OPDS_ACQUISITION))
        document = _feed(view, loc.opds_titles(resource.id, number), _("opds.titles_feed", resource=resource.title),
                         "acquisition", links)
        for title in chunk:
            _title_entry(view, document, title)
        files[loc.opds_titles(resource.id, number)] = serialize(document)
    return files


def opds_files(view: SiteView) -> dict[str, bytes]:
    files = {
        loc.OPDS_ROOT: root_feed(view),
        loc.OPDS_RESOURCES: resources_feed(view, loc.OPDS_RESOURCES, _("opds.all"), list(view.resources)),
        loc.OPDS_NEW: resources_feed(view, loc.OPDS_NEW, _("opds.new"), newest_first(view)),
        loc.OPDS_FEATURED: resources_feed(view, loc.OPDS_FEATURED, _("opds.featured"), view.featured()),
    }
    with_titles = resources_with_titles(view)
    if with_titles:
        files[loc.OPDS_TITLES] = titles_navigation(view)
        for resource in with_titles:
            files.update(titles_feeds(view, resource))
    return files
