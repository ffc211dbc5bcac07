"""OPDS 1.2 catalogue of a public portal: a navigation root, acquisition feeds of the
resources (all, newest first, featured) and of each resource's harvested titles.

Reading apps (Thorium, KOReader, town portals' importers) browse it from
`opds/catalogue.xml`. The resources are websites, so their acquisition links
are `text/html` entry points: the access link (which starts the right login)
or, for on-site-only resources, the resource's page.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from xml.etree.ElementTree import Element

from ..i18n import plural, text as _
from ..models.resource import Resource
from ..models.title import Title
from ..view import paths
from ..view.site_view import SiteView
from ..render.markdown import markdown_html, sanitize_html
from . import locations as loc
from .feeds import newest, title_uuid
from .records import page_url, titles_of
from .xml import attribute, child, escape_attribute, escape_text, not_xml, rfc3339, root, serialize, xml_text

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


def _feed(view: SiteView, path: str, title: str, kind: str, links: list[Link], updated: datetime) -> Element:
    """The <feed> element with the links every OPDS feed of the site carries; `updated` is
    its newest entry's (see `_updated`)."""
    site = view.site
    self_type = loc.OPDS_NAVIGATION if kind == "navigation" else loc.OPDS_ACQUISITION
    document = root("feed", {"": ATOM_NS, "opds": OPDS_NS, "dc": DC_NS}, xml_lang="fr")
    child(document, "id", loc.absolute(site, path))
    child(document, "title", title)
    child(document, "updated", rfc3339(updated))
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


def _updated(view: SiteView, moments: Iterable[datetime]) -> datetime:
    """When a feed last changed: its newest entry's date. An empty one (no featured
    resource) takes the catalogue's, so that it too changes only with the data."""
    latest = max(moments, default=None)
    return latest if latest is not None else newest(view, (loc.paris(r.added) for r in view.resources))


def _resources_updated(view: SiteView, resources: Iterable[Resource]) -> datetime:
    return _updated(view, (loc.paris(r.added) for r in resources))


def _titles_updated(view: SiteView, resources: Iterable[Resource]) -> datetime:
    return _updated(view, (loc.paris(max(t.first_seen for t in view.graph.titles[r.id])) for r in resources))


def _navigation_entry(view: SiteView, parent: Element, title: str, content: str, link: Link,
                      updated: datetime) -> None:
    """An entry leading to another feed: updated when that feed was."""
    entry = child(parent, "entry")
    child(entry, "title", title)
    child(entry, "id", loc.absolute(view.site, link.path))
    child(entry, "updated", rfc3339(updated))
    child(entry, "content", content, type="text")
    child(entry, "link", rel=link.rel, href=loc.absolute(view.site, link.path), type=link.type)


def resources_with_titles(view: SiteView) -> list[Resource]:
    return [r for r in view.resources if view.graph.titles.get(r.id)]


def root_feed(view: SiteView) -> bytes:
    entries = [
        (_("opds.all"), _("opds.all_content"), Link("subsection", loc.OPDS_RESOURCES, loc.OPDS_ACQUISITION),
         _resources_updated(view, view.resources)),
        (_("opds.new"), _("opds.new_content"), Link(REL_SORT_NEW, loc.OPDS_NEW, loc.OPDS_ACQUISITION),
         _resources_updated(view, view.resources)),
        (_("opds.featured"), _("opds.featured_content"), Link(REL_FEATURED, loc.OPDS_FEATURED, loc.OPDS_ACQUISITION),
         _resources_updated(view, view.featured())),
    ]
    with_titles = resources_with_titles(view)
    if with_titles:
        entries.append((_("opds.titles"), _("opds.titles_content"),
                        Link("subsection", loc.OPDS_TITLES, loc.OPDS_NAVIGATION), _titles_updated(view, with_titles)))
    document = _feed(view, loc.OPDS_ROOT, _("opds.root", site=view.site.name), "navigation",
                     [Link("alternate", paths.url_of(paths.CATALOGUE), "text/html"), *_facets()],
                     max(entry[3] for entry in entries))
    for entry in entries:
        _navigation_entry(view, document, *entry)
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
    child(entry, "content", str(markdown_html(resource.description, loc.images(site))), type="html")
    child(entry, "link", rel="alternate", type="text/html", href=page)
    rel = REL_OPEN_ACCESS if link.kind == "direct" else REL_ACQUISITION
    child(entry, "link", rel=rel, type="text/html", href=link.url or page)


def resources_feed(view: SiteView, path: str, title: str, resources: list[Resource]) -> bytes:
    document = _feed(view, path, title, "acquisition",
                     [Link("up", loc.OPDS_ROOT, loc.OPDS_NAVIGATION), *_facets()], _resources_updated(view, resources))
    for resource in resources:
        _resource_entry(view, document, resource)
    return serialize(document)


def newest_first(view: SiteView) -> list[Resource]:
    return sorted(view.resources, key=lambda r: (-r.added.toordinal(), r.id))


def titles_navigation(view: SiteView) -> bytes:
    with_titles = resources_with_titles(view)
    document = _feed(view, loc.OPDS_TITLES, _("opds.titles"), "navigation",
                     [Link("up", loc.OPDS_ROOT, loc.OPDS_NAVIGATION)], _titles_updated(view, with_titles))
    for resource in with_titles:
        count = plural(len(view.graph.titles[resource.id]), "count.title")
        _navigation_entry(view, document, resource.title, _("opds.titles_of", count=count),
                          Link("subsection", loc.opds_titles(resource.id), loc.OPDS_ACQUISITION),
                          _titles_updated(view, [resource]))
    return serialize(document)


def _title_entry(view: SiteView, title: Title) -> str:
    """One title's <entry>, written as text: serialize() appends it to its feed (children at level 2).

    Values are escaped as they come; in the rare entry holding a character XML cannot carry,
    it is written again with every value cleaned first, as child() would have done.
    """
    entry = _entry_text(view, title, escape_text, escape_attribute)
    if not_xml(entry):
        entry = _entry_text(view, title, lambda v: escape_text(xml_text(v)), attribute)
    return entry


def _entry_text(view: SiteView, title: Title, text, attr) -> str:
    page = page_url(view, "resource", title.resource)
    parts = [
        _element("title", text(title.title)),
        f"<id>{title_uuid(title.resource, title.id)}</id>",
        f"<updated>{_day_rfc3339(title.first_seen)}</updated>",
    ]
    parts += [f"<author>\n      {_element('name', text(name))}\n    </author>" for name in title.authors]
    parts.append(_element("dc:identifier", text(title.id)))
    if title.language:
        parts.append(_element("dc:language", text(title.language)))
    if title.published:
        parts.append(f"<dc:issued>{title.published.isoformat()}</dc:issued>")
    if title.summary_html:
        parts.append(_element('summary type="html"', text(sanitize_html(title.summary_html))))
    parts.append(f'<link rel="related" type="text/html" href="{attr(page)}" />')
    parts.append(f'<link rel="{REL_ACQUISITION}" type="text/html" href="{attr(title.url or page)}" />')
    return "<entry>\n    " + "\n    ".join(parts) + "\n  </entry>"


def _element(tag: str, content: str) -> str:
    # ElementTree writes an element without text as <tag />; the closing tag is the name alone.
    return f"<{tag}>{content}</{tag.split(' ', 1)[0]}>" if content else f"<{tag} />"


@lru_cache(maxsize=4096)
def _day_rfc3339(day: date) -> str:
    return rfc3339(loc.paris(day))


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
                         "acquisition", links, _updated(view, (loc.paris(t.first_seen) for t in chunk)))
        entries = [_title_entry(view, title) for title in chunk]
        files[loc.opds_titles(resource.id, number)] = serialize(document, entries)
    return files


def opds_files(view: SiteView, *, titles: bool = True) -> dict[str, bytes]:
    """The catalogue's feeds; without `titles`, the title feeds are left to title_feed_files."""
    files = {
        loc.OPDS_ROOT: root_feed(view),
        loc.OPDS_RESOURCES: resources_feed(view, loc.OPDS_RESOURCES, _("opds.all"), list(view.resources)),
        loc.OPDS_NEW: resources_feed(view, loc.OPDS_NEW, _("opds.new"), newest_first(view)),
        loc.OPDS_FEATURED: resources_feed(view, loc.OPDS_FEATURED, _("opds.featured"), view.featured()),
    }
    if titles:
        files.update(title_feed_files(view))
    return files


def title_feed_files(view: SiteView) -> dict[str, bytes]:
    """The navigation feed of the resources' titles and each resource's acquisition feeds."""
    files: dict[str, bytes] = {}
    with_titles = resources_with_titles(view)
    if with_titles:
        files[loc.OPDS_TITLES] = titles_navigation(view)
        for resource in with_titles:
            files.update(titles_feeds(view, resource))
    return files
