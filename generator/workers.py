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
from .families import TITLES, FamilyMemo, list_files, title_files, titles_key, titles_view
from .linkcheck import check_built_site
from .models.graph import NetworkGraph
from .view.site_view import SiteView
from .search import refuse_admin_key, update_index
from .site_keys import SEARCH, SITE, InputDigests, shown_events_only, site_key
from . import work_tree  # called through the module: tests count the calls by patching it


@dataclass(frozen=True)
class Job:
    """What every task of one build reads: set before the pool forks, never sent to it."""

    graph: NetworkGraph
    now: datetime
    root: Path
    state: str  # the project's state folder: work trees, engine outputs, search indexes
    site_urls: Mapping[str, str | None] = field(default_factory=dict)
    incremental: bool = True
    inputs: InputDigests | None = None  # digests of the project's files (None: nothing is kept)

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
    kept: bool = False  # the whole work tree kept: the site's key is unchanged


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
_keys: dict[str, str] = {}


def start(job: Job, sites: int, *, processes: bool = True) -> Executor:
    """An executor for this job's tasks: forked processes when they can share the graph.

    Without `processes` (a long-running preview, whose caches stay warm between builds),
    tasks run one at a time in a thread of this process.
    """
    global _job
    _job = job
    _views.clear()
    _keys.clear()
    workers = min(sites, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
    if processes and workers > 1 and "fork" in multiprocessing.get_all_start_methods():
        return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"))
    return ThreadPoolExecutor(max_workers=1)


def view(site_id: str) -> SiteView:
    """The site's view in this process, built once: pages, data outputs and search share it.
    Its graph holds only the events the site shows (site_keys.py)."""
    if site_id not in _views:
        job = _current()
        site = next(s for s in job.graph.sites if s.id == site_id)
        _views[site_id] = shown_events_only(SiteView.build(job.graph, site, job.now))
    return _views[site_id]


def key(site_id: str) -> str:
    """The site's key (site_keys.py), or "" when nothing may be kept (a clean build)."""
    job = _current()
    if job.inputs is None or not job.incremental:
        return ""
    if site_id not in _keys:
        _keys[site_id] = site_key(job.inputs.sites, view(site_id), job.site_urls.get(site_id))
    return _keys[site_id]


def _memo(site_id: str, family: str) -> FamilyMemo:
    job = _current()
    return FamilyMemo(job.root / job.state / "families" / site_id, family)


def generate(site_id: str) -> Generated:
    """Generate one site's work tree and write only the files whose bytes changed.

    A site whose key is unchanged keeps its whole work tree; otherwise its title family
    is kept when the family's own key is unchanged (families.py).
    """
    job, started = _current(), time.perf_counter()
    site_key_now, whole = key(site_id), _memo(site_id, SITE)
    kept_tree = whole.paths_for(site_key_now, job.work(site_id)) if site_key_now else None
    if kept_tree is not None:
        return Generated(_pages(kept_tree), [], [], time.perf_counter() - started, kept=True)
    whole.forget()
    site_view = view(site_id)
    site, url = site_view.site, job.site_urls.get(site_id)
    memo = _memo(site_id, TITLES)
    titles_key_now = titles_key(job.inputs.titles, site, url, job.now) if job.inputs is not None else ""
    kept = memo.paths_for(titles_key_now, job.work(site_id)) if titles_key_now and job.incremental else None
    titles = {}
    if kept is None:
        memo.forget()
        titles = title_files(titles_view(job.graph, site, job.now))
    files = work_tree.generate_site(job.graph, site, job.now, site_url=url, view=site_view, titles=titles)
    report = work_tree.write_work_tree(job.root, site_id, files, work=f"{job.state}/work", kept=kept or ())
    if kept is None and titles_key_now:
        memo.remember(titles_key_now, [f"docs/{path}" for path in titles])
    tree = [*files, *(kept or ())]
    if site_key_now:
        whole.remember(site_key_now, tree)
    return Generated(_pages(tree), report.written, report.removed, time.perf_counter() - started)


def _pages(paths: list[str]) -> int:
    return sum(1 for path in paths if path.startswith("docs/") and path.endswith(".md"))


def index(site_id: str) -> Indexed:
    """Bring the site's search index (kept outside the engine's output) up to date; an
    unchanged site key keeps it as it is."""
    job, started = _current(), time.perf_counter()
    site_key_now, memo, folder = key(site_id), _memo(site_id, SEARCH), job.index(site_id)
    if site_key_now and memo.paths_for(site_key_now, folder) is not None:
        refuse_admin_key(view(site_id).site)  # as update_index does: it reads the environment, which no key covers
        return Indexed(False, time.perf_counter() - started)
    memo.forget()
    changed = update_index(view(site_id), folder, reuse=job.incremental)
    if site_key_now:
        memo.remember(site_key_now, [path.relative_to(folder).as_posix() for path in list_files(folder)])
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
