"""The docs tree of the pro site: staff blog, working groups, pro agenda, figures, editor's guide."""

from __future__ import annotations

import html
from collections.abc import Mapping

import yaml

from ..guide import editor_guide_markdown
from ..gc_pause import paused_gc
from ..i18n import sort_key, text as _
from ..models.group import KIND_ORDER
from ..render.engine_text import html_text, markdown_text
from .environment import front_matter, page
from .event_items import EventCache, event_outputs
from .mediation import mediation_files
from ..view import paths
from .network_pages import network_pages
from .usage import has_usage, usage_pages
from .public import agenda_files, content_pages, news_files, open_data_pages
from ..view.site_view import SiteView, has_trials

BLOG_DIR = "blog"


@paused_gc()  # see public_files
def pro_files(view: SiteView, uid_domain: str, *, events: EventCache | None = None,
              markdown_post_titles: bool = True, portal_logos: Mapping[str, bytes] | None = None,
              ) -> dict[str, str | bytes]:
    """`portal_logos`: the public portals' logo files by site id, for their posters (pages/mediation.py)."""
    files: dict[str, str | bytes] = {}
    graph = view.graph
    groups = sorted(graph.groups.values(), key=lambda g: (KIND_ORDER.index(g.kind), sort_key(g.name)))
    published = [p for p in view.posts if not p.meta.draft]

    def add(path: str, template: str, meta: dict, **context: object) -> None:
        files[path] = page(template, meta, view=view, base=paths.base_of(path), post_url=paths.post_url, **context)

    add(paths.HOME, "pro/home.md.j2", {"title": view.site.name, "hide": ["navigation", "toc"]},
        heading=False, posts=published, groups=groups)
    add(paths.GROUPS, "pro/groups.md.j2", {"title": _("nav.groups"), "hide": ["toc"]}, groups=groups)
    for grp in groups:
        add(paths.group(grp.id), "pro/group.md.j2", {"title": grp.name, "description": grp.summary, "hide": ["toc"]},
            grp=grp)
    outputs = event_outputs(view, uid_domain, events)
    files.update(agenda_files(view, uid_domain, add, audiences=False, outputs=outputs))
    files.update(network_pages(view, add))  # and the CSV files of its tables
    guide = editor_guide_markdown(graph.editing, view.site.url)  # names this network's web editor
    files[paths.GUIDE] = front_matter({"title": _("nav.guide")}) + f"<h1>{html.escape(_('nav.guide'))}</h1>\n\n" + guide
    files.update(news_files(view, BLOG_DIR, _("nav.blog"), markdown_titles=markdown_post_titles))
    files[f"{BLOG_DIR}/.authors.yml"] = authors_file(view)
    for author_id, author in graph.authors.items():
        files[f"{BLOG_DIR}/avatars/{author_id}.svg"] = avatar_svg(author.name)
    open_data_pages(view, add)
    files.update(mediation_files(view, portal_logos or {}, add))
    if has_usage(graph):
        usage_pages(view, add)
    if has_trials(graph):
        add(paths.TRIALS, "pro/trials.md.j2", {"title": _("trials.title"), "hide": ["toc"]},
            trials=view.trials(), portals=[site for site in graph.sites if site.kind == "public"])
    files.update(content_pages(view))
    return files


def authors_file(view: SiteView) -> str:
    authors = {
        author_id: {
            "name": author.name,
            "description": author.description,
            "avatar": f"{BLOG_DIR}/avatars/{author_id}.svg",
        }
        for author_id, author in view.graph.authors.items()
    }
    # Material inserts these strings into HTML unescaped, and an author's name into the Markdown
    # of the author's page when a network turns profiles on: see engine_text.
    safe = {k: {f: str(markdown_text(v)) if f == "name" else html_text(v) for f, v in a.items()}
            for k, a in authors.items()}
    return yaml.safe_dump({"authors": safe}, allow_unicode=True, sort_keys=True)


def avatar_svg(name: str) -> str:
    """A local initials avatar: no third-party image service ever sees readers' visits."""
    initials = "".join(part[0] for part in name.split()[:2]).upper()
    hue = sum(map(ord, name)) % 360
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" role="img" aria-label="">'
        f'<rect width="64" height="64" rx="32" fill="hsl({hue} 45% 32%)"/>'
        f'<text x="32" y="41" font-family="sans-serif" font-size="24" fill="#fff" text-anchor="middle">'
        f"{html.escape(initials)}</text></svg>\n"
    )
