"""Steps run on each freshly built site, before it is swapped into place (DESIGN.md §4)."""

from __future__ import annotations

import time
from pathlib import Path

from .linkcheck import LinksBroken, check_built_site
from .pages.view import SiteView
from .search import write_site_index


def finish_site(view: SiteView, site_dir: Path, *, strict: bool = False) -> dict[str, float]:
    """Run the post-build steps on one built site; return their timings in seconds.

    `view` is the one the site's pages were generated from (same graph, site and 'now').
    A step that fails raises a BibnumError: the site is then not published.
    """
    timings: dict[str, float] = {}
    started = time.perf_counter()
    write_site_index(view, site_dir)
    timings["search_index"] = time.perf_counter() - started
    if strict:
        started = time.perf_counter()
        broken = check_built_site(view.graph, view.site, site_dir, view.site.id).problems
        if broken:
            raise LinksBroken(broken)
        timings["linkcheck"] = time.perf_counter() - started
    return timings
