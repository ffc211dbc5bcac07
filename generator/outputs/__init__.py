"""Derived outputs: pure functions from the validated model to bytes (feeds, API, iCalendar…)."""

from __future__ import annotations

from ..gc_pause import paused_gc
from ..view.site_view import SiteView
from .api import api_files
from ..admin import admin_files
from ..data_schemas import published_schema_files
from .embed import embed_files
from .feeds import feed_files
from .marc import catalogue_files
from .opds import opds_files
from .widget import widget_files


@paused_gc()  # see public_files
def data_files(view: SiteView, *, titles: bool = True) -> dict[str, str | bytes]:
    """Every published data file of one site (JSON API, feeds, OPDS, MARC...), as {docs path: content}.

    Pure: derived from the model, never from rendered HTML (DESIGN.md §4).
    The iCalendar files are written with the agenda pages (generator/pages/public.py).
    Without `titles`, the per-title documents are left to generator/families.py.
    """
    files: dict[str, str | bytes] = {}
    files.update(api_files(view, titles=titles))
    files.update(feed_files(view))
    if view.site.kind == "public":
        files.update(opds_files(view, titles=titles))
        if titles:
            files.update(catalogue_files(view))
    files.update(embed_files(view))
    files.update(widget_files(view))
    if view.site.kind == "pro":
        files.update(published_schema_files(view.graph.taxonomy, view.graph.sites))
        files.update(admin_files(view.graph, view.site))
    return files
