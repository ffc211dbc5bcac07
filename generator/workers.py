"""Per-site work run in forked processes that share the validated graph.

Generating pages, indexing for search and checking links are pure Python: threads would
take turns on one core while the engine renders. The pool is forked once the graph is
loaded (and frozen out of the cyclic GC, so that its memory stays shared copy-on-write);
each task receives a site id, writes its own files and returns a small summary.
Where fork is unavailable, or on one core, the same tasks run in this process.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Mapping
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from .errors import Problem
from .families import TITLES, FamilyMemo, title_files, titles_key, titles_view
from .linkcheck import check_built_site
from .models.graph import NetworkGraph
from .pages.view import SiteView
from .search import update_index


@dataclass(frozen=True)
class Job:
    """What every task of one build reads: set before the pool forks, never sent to it."""

    graph: NetworkGraph
    now: datetime
    root: Path
    state: str  # the project's state folder: work trees, engine outputs, search indexes
    site_urls: Mapping[str, str | None] = field(default_factory=dict)
    incremental: bool = True
    title_inputs: str = ""  # families.data_digest of the title family's inputs ("": never kept)

    def work(self, site_id: str) -> Path:
        return self.root / self.state / "work" / site_id

    def index(self, site_id: str) -> Path:
        return self.root / self.state / "search" / site_id


@dataclass(frozen=True)
class Generated:
    pages: int
    written: list[str]
    removed: list[str]
    seconds: float


@dataclass(frozen=True)
class Indexed:
    changed: bool
    seconds: float


@dataclass(frozen=True)
class Checked:
    problems: list[Problem]
    seconds: float


_job: Job | None = None
_views: dict[str, SiteView] = {}


def start(job: Job, sites: int, *, processes: bool = True) -> Executor:
    """An executor for this job's tasks: forked processes when they can share the graph.

    Without `processes` (a long-running preview, whose caches stay warm between builds),
    tasks run one at a time in a thread of this process.
    """
    global _job
    _job = job
    _views.clear()
    workers = min(sites, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
    if processes and workers > 1 and "fork" in multiprocessing.get_all_start_methods():
        return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"))
    return ThreadPoolExecutor(max_workers=1)


def view(site_id: str) -> SiteView:
    """The site's view in this process, built once: pages, data outputs and search share it."""
    if site_id not in _views:
        job = _current()
        site = next(s for s in job.graph.sites if s.id == site_id)
        _views[site_id] = SiteView.build(job.graph, site, job.now)
    return _views[site_id]


def generate(site_id: str) -> Generated:
    """Generate one site's work tree and write only the files whose bytes changed.

    The title family is kept as the previous build wrote it when its key is the same (families.py).
    """
    from .build import generate_site, write_work_tree  # the orchestrator imports this module

    job, started = _current(), time.perf_counter()
    site_view = view(site_id)
    site, url = site_view.site, job.site_urls.get(site_id)
    memo = FamilyMemo(job.root / job.state / "families" / site_id, TITLES)
    key = titles_key(job.title_inputs, site, url, job.now) if job.title_inputs else ""
    kept = memo.paths_for(key, job.work(site_id)) if key and job.incremental else None
    titles = {}
    if kept is None:
        memo.forget()
        titles = title_files(titles_view(job.graph, site, job.now))
    files = generate_site(job.graph, site, job.now, site_url=url, view=site_view, titles=titles)
    report = write_work_tree(job.root, site_id, files, work=f"{job.state}/work", kept=kept or ())
    if kept is None and key:
        memo.remember(key, [f"docs/{path}" for path in titles])
    pages = sum(1 for path in [*files, *(kept or ())] if path.startswith("docs/") and path.endswith(".md"))
    return Generated(pages, report.written, report.removed, time.perf_counter() - started)


def index(site_id: str) -> Indexed:
    """Bring the site's search index (kept outside the engine's output) up to date."""
    job, started = _current(), time.perf_counter()
    changed = update_index(view(site_id), job.index(site_id), reuse=job.incremental)
    return Indexed(changed, time.perf_counter() - started)


def check_links(site_id: str, site_dir: str) -> Checked:
    """Every link, anchor and asset of the built site; problems located in editors' files."""
    job, started = _current(), time.perf_counter()
    site = view(site_id).site
    problems = check_built_site(job.graph, site, Path(site_dir), site_id).problems
    return Checked(problems, time.perf_counter() - started)


def _current() -> Job:
    if _job is None:
        raise RuntimeError("workers.start() must be called before running a task")
    return _job
