"""Steps run on each freshly built site, before it is swapped into place (DESIGN.md §4)."""

from __future__ import annotations

import time
from pathlib import Path

from .models.graph import NetworkGraph
from .models.site import Site


def finish_site(graph: NetworkGraph, site: Site, site_dir: Path, *, strict: bool = False) -> dict[str, float]:
    """Run the post-build steps on one built site; return their timings in seconds.

    A step that fails raises a BibnumError: the site is then not published.
    """
    timings: dict[str, float] = {}
    started = time.perf_counter()
    timings["postbuild"] = time.perf_counter() - started
    return timings
