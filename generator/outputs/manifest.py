"""What a site publishes, as the "Données ouvertes" page lists it (pure, from the model).

Every link here points to a file data_files() or the engine writes for this
site (site-root-relative), or to another site of the network (absolute), so the
page and the files cannot drift apart: the end-to-end tests follow each link.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import text as _
from ..view import paths
from ..view.site_view import SiteView
from . import locations as loc
from .api import schema_names
from .marc import kbart_path, marc_path, own_login_libraries
from ..data_schemas import DATA_FILES


@dataclass(frozen=True)
class Link:
    label: str
    href: str  # site-root-relative, unless `absolute`
    type: str | None = None
    absolute: bool = False


@dataclass(frozen=True)
class Item:
    title: str
    about: str
    links: tuple[Link, ...]


@dataclass(frozen=True)
class Section:
    title: str
    intro: str
    items: tuple[Item, ...]


def _json_item(name: str, path: str) -> Item:
    return Item(
        _(f"open_data.json.{name}"),
        _(f"open_data.json.{name}_about"),
        (Link(path.rsplit("/", 1)[1], path, loc.JSON_TYPE), Link(_("open_data.schema"), loc.schema(name))),
    )


def _feed_item(title: str, about: str, rss: str, atom: str) -> Item:
    return Item(title, about, (Link("RSS 2.0", rss, loc.RSS_TYPE), Link("Atom 1.0", atom, loc.ATOM_TYPE)))


def feed_links(view: SiteView) -> list[dict[str, str]]:
    """The site-wide feeds, for <link rel="alternate"> discovery in every page's head."""
    if view.site.kind == "public":
        rss, atom, title = loc.NEWS_RSS, loc.NEWS_ATOM, _("feed.news.title", site=view.site.name)
    else:
        rss, atom, title = loc.BLOG_RSS, loc.BLOG_ATOM, _("feed.blog.title", site=view.site.name)
    return [
        {"type": loc.RSS_TYPE, "title": f"{title} (RSS)", "href": rss},
        {"type": loc.ATOM_TYPE, "title": f"{title} (Atom)", "href": atom},
    ]


def _marc_items(view: SiteView) -> list[Item]:
    """Per resource with titles: its MARC and KBART files, then its per-library UNIMARC files."""
    items: list[Item] = []
    for resource in view.resources:
        if not view.titles.get(resource.id):
            continue
        items.append(Item(_("open_data.marc.resource", resource=resource.title), _("open_data.marc.resource_about"), (
            Link("UNIMARC (.mrc)", marc_path(resource.id, "unimarc", "mrc"), loc.MARC_TYPE),
            Link("UNIMARC (MARCXML)", marc_path(resource.id, "unimarc", "xml"), loc.MARCXML_TYPE),
            Link("MARC21 (.mrc)", marc_path(resource.id, "marc21", "mrc"), loc.MARC_TYPE),
            Link("MARC21 (MARCXML)", marc_path(resource.id, "marc21", "xml"), loc.MARCXML_TYPE),
            Link("KBART", kbart_path(resource.id), loc.KBART_TYPE),
        )))
        libraries = own_login_libraries(view, resource.id)
        if libraries:
            items.append(Item(_("open_data.marc.libraries", resource=resource.title),
                              _("open_data.marc.libraries_about"),
                              tuple(Link(f"{library.name} ({extension})",
                                         marc_path(resource.id, "unimarc", extension, library.id),
                                         loc.MARC_TYPE if extension == "mrc" else loc.MARCXML_TYPE)
                                    for library in libraries for extension in ("mrc", "xml"))))
    return items


def open_data_sections(view: SiteView) -> list[Section]:
    public = view.site.kind == "public"
    json_paths = {"resources": loc.RESOURCES_JSON, "titles": loc.TITLES_JSON,
                  "events": loc.EVENTS_JSON, "libraries": loc.LIBRARIES_JSON}
    sections = [
        Section(_("open_data.json"), _("open_data.json_intro"),
                tuple(_json_item(name, json_paths[name]) for name in schema_names(view) if name in json_paths)),
    ]
    feeds: list[Item] = []
    if public:
        feeds.append(_feed_item(_("open_data.feeds.news"), _("open_data.feeds.news_about"), loc.NEWS_RSS, loc.NEWS_ATOM))
        for resource in view.resources:
            if view.graph.titles.get(resource.id):
                feeds.append(_feed_item(_("open_data.feeds.titles", resource=resource.title),
                                        _("open_data.feeds.titles_about"),
                                        loc.new_titles_rss(resource.id), loc.new_titles_atom(resource.id)))
    else:
        feeds.append(_feed_item(_("open_data.feeds.blog"), _("open_data.feeds.blog_about"), loc.BLOG_RSS, loc.BLOG_ATOM))
    sections.append(Section(_("open_data.feeds"), _("open_data.feeds_intro"), tuple(feeds)))

    calendars = [Item(_("open_data.ical.agenda"), _("open_data.ical.agenda_about"),
                      (Link("agenda.ics", paths.AGENDA_ICS, "text/calendar"),))]
    if public:
        calendars.append(Item(_("open_data.ical.libraries"), _("open_data.ical.libraries_about"),
                              (Link(_("nav.libraries"), paths.url_of(paths.LIBRARIES)),)))
    calendars.append(Item(_("open_data.ical.events"), _("open_data.ical.events_about"),
                          (Link(_("nav.agenda"), paths.url_of(paths.AGENDA)),)))
    sections.append(Section(_("open_data.ical"), _("open_data.ical_intro"), tuple(calendars)))

    if public:
        sections.append(Section(_("open_data.opds"), _("open_data.opds_intro"), (
            Item(_("open_data.opds.root"), _("open_data.opds.root_about"),
                 (Link("catalogue.xml", loc.OPDS_ROOT, loc.OPDS_NAVIGATION),)),
        )))
        marc = _marc_items(view)
        if marc:
            sections.append(Section(_("open_data.marc"), _("open_data.marc_intro"), tuple(marc)))
    web = [Item(_("open_data.sitemap"), _("open_data.sitemap_about"), (Link("sitemap.xml", loc.SITEMAP),))]
    if public:
        web.append(Item(_("open_data.embed"), _("open_data.embed_about"),
                        (Link(_("embed.title"), paths.url_of(paths.EMBED)),
                         Link("snippet.html.txt", loc.SNIPPET_HTML, "text/plain"))))
    web.append(Item(_("open_data.jsonld"), _("open_data.jsonld_about" if public else "open_data.jsonld_about_pro"), ()))
    sections.append(Section(_("open_data.web"), "", tuple(web)))

    if not public:
        sections.append(Section(_("open_data.data_schemas"), _("open_data.data_schemas_intro"), tuple(
            Item(kind.title, "", (Link(kind.schema_path.rsplit("/", 1)[1], kind.schema_path, loc.JSON_TYPE),))
            for kind in DATA_FILES)))
        portals = tuple(
            Link(site.name, loc.absolute(site, paths.url_of(paths.OPEN_DATA)), absolute=True)
            for site in view.graph.sites if site.kind == "public"
        )
        sections.append(Section(_("open_data.portals"), _("open_data.portals_intro"),
                                (Item(_("open_data.portals_item"), "", portals),) if portals else ()))
    return sections


def resource_feed_links(view: SiteView, resource_id: str) -> dict[str, list[dict[str, str]]]:
    """Front matter `feeds` of a resource page with titles (its new-titles feeds), else nothing."""
    if not view.graph.titles.get(resource_id):
        return {}
    title = _("feed.titles.title", resource=view.graph.resources[resource_id].title)
    return {"feeds": [
        {"type": loc.RSS_TYPE, "title": f"{title} (RSS)", "href": loc.new_titles_rss(resource_id)},
        {"type": loc.ATOM_TYPE, "title": f"{title} (Atom)", "href": loc.new_titles_atom(resource_id)},
    ]}
