"""One site's work tree: every file the engine reads (docs/, overrides/, mkdocs.yml), and its writing."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from .digests import list_files
from .families import title_files, titles_view
from .load.engine_config import SHARED_LOOK, read_engine_config
from .load.images import image_files
from .models.graph import NetworkGraph
from .models.site import Site
from .outputs import data_files
from .pages.config import palette_css, site_config
from .pages.event_items import EventCache
from .pages.pro import pro_files
from .pages.public import public_files
from .search.opensearch import ICON, OPENSEARCH, opensearch_xml
from .urls import IMAGES_FOLDER
from .view.site_view import SiteView
from .writer import GuardedWriter, WriteReport

# Work trees (STATE/work/<site>), engine outputs (STATE/engine/<site>), search indexes
# (STATE/search/<site>) and the ledgers that say what they hold (STATE/ledger/<site>.json).
STATE = ".bibnum"
WORK = f"{STATE}/work"


def generate_site(
    graph: NetworkGraph, site: Site, now: datetime, *, site_url: str | None = None, view: SiteView | None = None,
    titles: Mapping[str, str | bytes] | None = None, events: EventCache | None = None,
    markdown_post_titles: bool = True,
) -> dict[str, str | bytes]:
    """Every file of one site's work tree (docs/, overrides/, mkdocs.yml), as a mapping.

    `titles` is the title family's docs files (generator/families.py) when the caller has
    them already, or {} when it keeps them from an earlier build; None: generated here.
    `events`: where each event's own outputs are kept between builds (pages/event_items.py).
    `markdown_post_titles`: the engine renders posts' titles as Markdown (generator/engines/base.py).
    """
    view = view or SiteView.build(graph, site, now)
    uid_domain = _host(graph.sites[0].url)
    public = site.kind == "public"
    docs = (public_files(view, uid_domain, titles=False, events=events, markdown_post_titles=markdown_post_titles)
            if public else pro_files(view, uid_domain, events=events, markdown_post_titles=markdown_post_titles,
                                     portal_logos=portal_logos(graph)))
    docs.update(data_files(view, titles=False))
    docs.update(title_files(titles_view(graph, site, now)) if titles is None else titles)
    docs["assets/bibnum/palette.css"] = palette_css(site)
    # Editors' images (content/images/, checked on load): every site, since any of its pages may show them.
    for name, path in image_files(graph.root).published.items():
        docs[f"{IMAGES_FOLDER}/{name}"] = path.read_bytes()
    themes = graph.root / "themes"
    logo = themes / site.look / site.logo if site.logo else None
    if logo is not None and logo.is_file():
        docs["assets/bibnum/logo.svg"] = logo.read_bytes()
    if public:  # the browsers' address bar searches the portal (its <link rel="search">: pages/config.py)
        docs[OPENSEARCH] = opensearch_xml(site.name, site_url or site.url, icon=ICON in docs,
                                         short=site.short_name)
    files: dict[str, str | bytes] = {f"docs/{path}": content for path, content in docs.items()}
    for look in (SHARED_LOOK, themes / site.look):  # the network's look adds to or overrides the shared one
        for path in list_files(look, hidden=True) if look.is_dir() else []:  # as the site's key reads them
            files[f"overrides/{path.relative_to(look).as_posix()}"] = path.read_bytes()
    base = read_engine_config(graph.root).settings  # bibnum's base, with the project's mkdocs.yml over it
    files["mkdocs.yml"] = site_config(base, view, site_url=site_url, has_logo="docs/assets/bibnum/logo.svg" in files)
    return files


def write_work_tree(root: Path, site_id: str, files: dict[str, str | bytes], *, work: str = WORK,
                    kept: Iterable[str] = (), on_disk: Mapping[str, str] | None = None,
                    digests: Mapping[str, str] | None = None) -> WriteReport:
    """Write one site's work tree under ROOT/WORK/<site>: only changed files, stale ones removed.

    `kept` files are already there, as they should be (an output family kept from an earlier build).
    `on_disk` is the manifest (path -> digest) of what the tree holds, when known for sure (the
    site's ledger), with `digests` the manifest of FILES: unchanged files are then recognised
    without reading them, and stale ones without walking the tree. Otherwise every file is
    compared with the disk.
    """
    writer = GuardedWriter(root / work / site_id)
    if on_disk is None or digests is None:
        writer.write_all(files)
        writer.keep(kept)
        writer.remove_stale(spare_hidden=True)  # an engine's own files (Zensical's cache) live there
        return writer.report
    folder = root / work / site_id
    unchanged = {path for path in files
                 if on_disk.get(path) == digests[path] and os.path.isfile(folder / path)}  # one stat, no read
    writer.keep(sorted(unchanged))
    writer.keep(kept)
    for path in sorted(files):
        if path not in unchanged:
            writer.write(path, files[path])
    writer.remove_listed(on_disk)
    return writer.report


def portal_logos(graph: NetworkGraph) -> dict[str, bytes]:
    """Each public portal's logo file (themes/<look>/<logo>), by site id: the pro site prints it on
    the portal's posters (its key reads those looks: site_keys.site_key)."""
    themes = graph.root / "themes"
    logos = {}
    for site in graph.sites:
        logo = themes / site.look / site.logo if site.kind == "public" and site.logo else None
        if logo is not None and logo.is_file():
            logos[site.id] = logo.read_bytes()
    return logos


def _host(url: str) -> str:
    return urlsplit(url).hostname or "bibnum.invalid"
