"""The docs tree of a public portal (pure: returns {path: content})."""

from __future__ import annotations

import html
from collections.abc import Mapping

from ..gc_pause import paused_gc
from ..load.markdown_body import with_image_paths
from ..i18n import day_date, text as _
from ..outputs import locations as published
from ..outputs.embed import example_record, resource_fields, snippet_html
from ..outputs.widget import TAG as WIDGET_TAG, snippet as widget_snippet
from ..outputs.ical import calendar_ics, day_stamp
from ..outputs.jsonld import library_script
from ..outputs.manifest import open_data_sections, resource_feed_links
from ..render.engine_text import html_text, markdown_text
from .environment import front_matter, page
from .event_items import EventCache, EventOutputs, event_outputs, event_url
from ..view import paths
from .network_pages import page_blocks
from ..view.site_view import SiteView, access_facet


# Generation makes many short-lived objects and no reference cycles to speak of: without
# the cyclic collector walking the whole graph again and again, it runs about 10 % faster.
@paused_gc()
def public_files(view: SiteView, uid_domain: str, *, titles: bool = True,
                 events: EventCache | None = None, markdown_post_titles: bool = True) -> dict[str, str | bytes]:
    """The portal's pages; without `titles`, the title listings are left to generator/families.py.
    `events`: where each event's own outputs are kept between builds (event_items.py)."""
    files: dict[str, str | bytes] = {}
    site = view.site
    add = page_adder(view, files)

    add(paths.HOME, "public/home.md.j2", {"title": site.name, "hide": ["navigation", "toc"]}, heading=False)
    facet_filters = _filters(view)
    add(paths.CATALOGUE, "public/catalogue.md.j2", {"title": _("catalogue.title"), "hide": ["toc"]},
        intro=_("catalogue.intro"), resources=view.resources, filters=facet_filters, current="")
    for term, items in view.by_category():
        add(paths.category(term.id), "public/catalogue.md.j2",
            {"title": term.label, "description": term.description or term.label, "hide": ["toc"]},
            intro=term.description or "", resources=items, filters=[], current=f"category:{term.id}")
    for term, items in view.by_audience():
        add(paths.audience(term.id), "public/catalogue.md.j2",
            {"title": _("catalogue.audience_title", label=term.label), "hide": ["toc"]},
            intro=term.description or "", resources=items, filters=[], current=f"audience:{term.id}")
    for res in view.resources:
        add(paths.resource(res.id), "public/resource.md.j2",
            {"title": res.title, "description": res.summary, "hide": ["toc"], **resource_feed_links(view, res.id)},
            res=res, link=view.links[res.id], library_links=view.library_links.get(res.id, []))
    if titles:
        title_pages(view, add)

    outputs = event_outputs(view, uid_domain, events)
    vevents = {event_id: made.vevent for event_id, made in outputs.items()}
    files.update(agenda_files(view, uid_domain, add, audiences=True, outputs=outputs))

    add(paths.LIBRARIES, "public/libraries.md.j2", {"title": _("libraries.title"), "hide": ["toc"]})
    for lib in view.libraries:
        add(paths.library(lib.id), "public/library.md.j2",
            {"title": lib.name, "description": f"{lib.name}, {lib.town}", "hide": ["toc"]}, lib=lib,
            jsonld=library_script(view, lib))
        files[paths.library_ics(lib.id)] = calendar_ics(
            view.events_by_library.get(lib.id, []), name=f"{site.name} — {lib.name}",
            libraries=view.graph.libraries, site_url=site.url, stamp=view_stamp(view),
            uid_domain=uid_domain, event_url=event_url(view), vevents=vevents)

    files.update(news_files(view, paths.NEWS_DIR, _("nav.news"), markdown_titles=markdown_post_titles))
    if site.accessibility is not None:
        add(paths.ACCESSIBILITY, "public/accessibility.md.j2", {"title": _("a11y.title")}, today=view.now)
    open_data_pages(view, add)
    files.update(content_pages(view))
    return files


def page_adder(view: SiteView, files: dict[str, str | bytes]):
    """add(path, template, meta, **context): render one page of the site into FILES."""
    def add(path: str, template: str, meta: dict, **context: object) -> None:
        files[path] = page(template, meta, view=view, base=paths.base_of(path), post_url=paths.post_url, **context)
    return add


def title_pages(view: SiteView, add) -> None:
    """Each resource's harvested titles, 50 a page, newest first: reached from the resource
    page and the previous/next links, never from the nav (DESIGN.md §4)."""
    per_page = paths.TITLES_PER_PAGE
    for res in view.resources:
        titles = view.titles.get(res.id, ())
        count = -(-len(titles) // per_page)
        for number in range(1, count + 1):
            title = (_("titles.page_title", resource=res.title) if number == 1
                     else _("titles.page_title_n", resource=res.title, number=number, count=count))
            pager = {
                "number": number,
                "count": count,
                "prev": paths.url_of(paths.titles(res.id, number - 1)) if number > 1 else None,
                "next": paths.url_of(paths.titles(res.id, number + 1)) if number < count else None,
            }
            add(paths.titles(res.id, number), "public/titles.md.j2",
                {"title": title, "description": _("titles.description", resource=res.title), "hide": ["toc"]},
                res=res, titles=titles[(number - 1) * per_page:number * per_page], pager=pager, total=len(titles))


def agenda_files(view: SiteView, uid_domain: str, add, *, audiences: bool,
                 outputs: Mapping[str, EventOutputs] | None = None) -> dict[str, str | bytes]:
    """Agenda listings, one page per event and the .ics files (shared with the pro site).

    `outputs`: each event's page, .ics and VEVENT (event_items.event_outputs), made here when not given.
    """
    site = view.site
    if outputs is None:
        outputs = event_outputs(view, uid_domain)
    towns, libraries = (view.agenda_towns(), view.agenda_libraries()) if audiences else ([], [])
    add(paths.AGENDA, "public/agenda.md.j2", {"title": _("agenda.upcoming"), "hide": ["toc"]},
        intro=_("agenda.upcoming_intro"), events=view.upcoming(), other_page="agenda/passes",
        other_label=_("agenda.see_past"), audiences=view.event_audiences() if audiences else [],
        towns=towns, libraries=libraries, filters=_agenda_filters(view, towns, libraries) if audiences else [],
        series=view.series_shown())
    add(paths.AGENDA_PAST, "public/agenda.md.j2", {"title": _("agenda.past"), "hide": ["toc"]},
        intro="", events=view.past(), other_page="agenda/index", other_label=_("agenda.see_upcoming"), audiences=[])
    if audiences:
        for term, events in view.event_audiences():
            add(paths.agenda_audience(term.id), "public/agenda.md.j2",
                {"title": _("agenda.audience_title", label=term.label), "hide": ["toc"]},
                intro=term.description or "", events=view.upcoming(events), other_page="agenda/index",
                other_label=_("agenda.see_upcoming"), audiences=[])
        # Static pages per town and per library: the agenda without JavaScript (never in the nav).
        libraries_of_town: dict[str, list] = {}
        for lib in view.libraries:
            libraries_of_town.setdefault(paths.town_slug(lib.town), []).append(lib)
        for town in towns:
            add(paths.agenda_town(town.id), "public/agenda.md.j2",
                {"title": _("agenda.town_title", town=town.name), "hide": ["toc"]},
                intro=_("agenda.town_intro", town=town.name), events=town.events, other_page="agenda/index",
                other_label=_("agenda.see_upcoming"), audiences=[],
                related=[(lib.name, paths.link("agenda_library", lib.id)) for lib in libraries_of_town.get(town.id, [])])
        for place in libraries:
            lib = view.graph.libraries[place.id]
            town = view.town_name(lib)
            add(paths.agenda_library(lib.id), "public/agenda.md.j2",
                {"title": _("agenda.library_title", library=lib.name), "hide": ["toc"]},
                intro=_("agenda.library_intro", library=lib.name, town=town), events=place.events,
                other_page="agenda/index", other_label=_("agenda.see_upcoming"), audiences=[],
                related=[(_("agenda.library_page"), paths.link("library", lib.id)),
                         (_("agenda.town_title", town=town), paths.link("agenda_town", paths.town_slug(lib.town)))])
    for term, editions in view.series_shown():
        add(paths.series(term.id), "public/series.md.j2",
            {"title": term.label, "description": term.description or term.label, "hide": ["toc"]},
            term=term, editions=editions)
    files: dict[str, str | bytes] = {}
    for ev in view.events:
        made = outputs[ev.id]
        files[paths.event(ev.id)] = made.page
        files[paths.event_ics(ev.id)] = made.ics
    files[paths.AGENDA_ICS] = calendar_ics(
        view.events, name=site.name, libraries=view.graph.libraries, site_url=site.url,
        stamp=view_stamp(view), uid_domain=uid_domain, event_url=event_url(view),
        vevents={ev.id: outputs[ev.id].vevent for ev in view.events})
    return files


def _agenda_filters(view: SiteView, towns, libraries) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """The agenda's instant filters (bibnum.js): only places and audiences with upcoming events."""
    return [
        ("town", _("agenda.filter.town"), [(t.id, t.name) for t in towns if t.events]),
        ("library", _("agenda.filter.library"),
         [(p.id, p.name) for p in libraries if p.events]),
        ("audiences", _("agenda.filter.audience"),
         [(term.id, term.label) for term, items in view.event_audiences() if view.upcoming(items)]),
    ]


def open_data_pages(view: SiteView, add) -> None:
    """"Données ouvertes" on every site; "Intégrer nos ressources" on the public portals."""
    add(paths.OPEN_DATA, "public/open_data.md.j2", {"title": _("open_data.title"), "hide": ["toc"]},
        sections=open_data_sections(view), licence_name=published.LICENCE_NAME, licence_url=published.LICENCE_URL)
    if view.site.kind == "public":
        add(paths.EMBED, "public/embed.md.j2", {"title": _("embed.title"), "hide": ["toc"]},
            snippet=snippet_html(view), snippet_path=published.SNIPPET_HTML,
            snippet_url=published.absolute(view.site, published.SNIPPET_HTML),
            json_path=published.RESOURCES_JSON, json_url=published.absolute(view.site, published.RESOURCES_JSON),
            schema_path=published.schema("resources"), fields=resource_fields(), example=example_record(view),
            widget_script=published.WIDGET_SCRIPT, widget_tag=WIDGET_TAG,
            # Readers look for their town first, as in the resource pages' chooser.
            widgets=[(place.id, place.name, widget_snippet(view, place.id)) for place in view.agenda_libraries()])


def news_files(view: SiteView, blog_dir: str, title: str, *, markdown_titles: bool = True) -> dict[str, str]:
    """Blog-plugin sources: the index page and one Markdown file per post. `markdown_titles`: the
    engine renders the titles as Markdown somewhere (generator/engines/base.py)."""
    # The blog plugin appends the post list to this page; the heading is ours.
    files = {f"{blog_dir}/index.md": _front({"title": title}) + f"<h1>{html.escape(title)}</h1>\n"}
    for post in view.posts:
        meta = post.meta
        # Material's blog plugin writes the title (above the excerpt) and both engines write each
        # category (on its page) into Markdown they render: inert there too, see engine_text.
        front = {
            "title": markdown_text(meta.title) if markdown_titles else html_text(meta.title),
            "date": meta.date,
            # The date as readers see it, in French on every engine (the blog plugin's `date` filter
            # follows theme.language on Material, but writes English on Zensical): look/partials/post.html
            # and look/blog-post.html print it.
            "date_text": day_date(meta.date),
            "slug": post.id,
            "categories": [markdown_text(name) for name in meta.categories],
            "authors": list(meta.authors),
        }
        if meta.description:
            front["description"] = meta.description
        if meta.draft:
            front["draft"] = True
        if meta.pin:
            front["pin"] = True
        path = f"{blog_dir}/posts/{post.id}.md"
        files[path] = _front(front) + _body(post.body, path) + "\n"
    return files


def content_pages(view: SiteView) -> dict[str, str]:
    """Editors' pages: their Markdown goes to the engine as written (checked for raw HTML on load)."""
    files = {}
    for pg in view.pages:
        meta = {"title": pg.meta.title}
        if pg.meta.description:
            meta["description"] = pg.meta.description
        # A nav label replaces the engine's page title, which then heads the page: write the full one.
        heading = f"<h1>{html.escape(pg.meta.title)}</h1>\n\n" if pg.meta.menu and not _has_heading(pg.body) else ""
        path = paths.page(pg.id)
        files[path] = _front(meta) + heading + _body(pg.body, path) + "\n" + page_blocks(view, pg)
    return files


def _body(markdown: str, path: str) -> str:
    """An editor's Markdown as the engine reads it at PATH of the docs tree: its images of
    content/images/ pointed at the site's images/ folder from there."""
    return with_image_paths(markdown.strip(), "../" * path.count("/"))


def _has_heading(markdown: str) -> bool:
    return any(line.startswith("# ") for line in markdown.splitlines())


def view_stamp(view: SiteView):
    return day_stamp(view.now)  # not the build's time: see day_stamp


_front = front_matter


def _filters(view: SiteView) -> list[tuple[str, str, list[tuple[str, str]]]]:
    used = lambda attr: sorted({v for r in view.resources for v in getattr(r, attr)})  # noqa: E731
    return [
        ("category", _("catalogue.by_category"),
         [(t.id, t.label) for t, _items in view.by_category()]),
        ("audiences", _("catalogue.by_audience"),
         [(t.id, t.label) for t, _items in view.by_audience()]),
        ("devices", _("catalogue.device"),
         [(d, view.term("devices", d).label) for d in used("devices")]),
        ("languages", _("catalogue.language"),
         [(lang, view.term("languages", lang).label) for lang in used("languages")]),
        ("access", _("catalogue.access"),
         [(k, _(f"access.kind.{k}")) for k in ("login", "direct", "on_site")
          if any(access_facet(view.links[r.id].kind) == k for r in view.resources)]),
    ]
