"""Steps run on each freshly built site, before it is swapped into place (DESIGN.md §4)."""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path

from .clock import build_now
from .linkcheck import LinksBroken, check_built_site
from .models.graph import NetworkGraph
from .models.site import Site
from .search import write_site_index


def finish_site(graph: NetworkGraph, site: Site, site_dir: Path, *, strict: bool = False,
                now: datetime | None = None) -> dict[str, float]:
    """Run the post-build steps on one built site; return their timings in seconds.

    A step that fails raises a BibnumError: the site is then not published.
    """
    timings: dict[str, float] = {}
    started = time.perf_counter()
    timings["postbuild"] = time.perf_counter() - started
    started = time.perf_counter()
    write_site_index(graph, site, site_dir, now or build_now())  # search index (issue 3): the build's 'now'
    timings["search_index"] = time.perf_counter() - started
    if strict:
        started = time.perf_counter()
        broken = check_built_site(graph, site, site_dir, site.id).problems
        if broken:
            raise LinksBroken(broken)
        timings["linkcheck"] = time.perf_counter() - started
    return timings
