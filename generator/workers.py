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

from . import ledger
from .engines.base import Changes
from .errors import Problem
from .families import title_files, titles_key, titles_view
from .item_cache import ItemCache
from .ledger import Ledger
from .lifetime import die_with_parent
from .linkcheck import check_built_site
from .models.graph import NetworkGraph
from .pages.environment import compile_all
from .pages.event_items import EventCache
from .view.site_view import SiteView
from .search import META, refuse_admin_key, update_index
from .search.head import KeptHead
from .site_keys import InputDigests, shown_content_only, shown_events_only, site_key
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
    engine: str = ""  # the engine's identity
    markdown_post_titles: bool = True  # the engine renders posts' titles as Markdown (engines/base.py)
    # Each site's ledger as the build found it (None: nothing of the site is trusted), read
    # before any task runs: a task that forgets a ledger does not change what the others read.
    ledgers: Mapping[str, Ledger | None] = field(default_factory=dict)

    @property
    def state_dir(self) -> Path:
        return self.root / self.state

    def work(self, site_id: str) -> Path:
        return self.root / self.state / "work" / site_id

    def engine_dir(self, site_id: str) -> Path:
        return self.root / self.state / "engine" / site_id

    def index(self, site_id: str) -> Path:
        return self.root / self.state / "search" / site_id


@dataclass(frozen=True)
class Generated:
    pages: int
    changes: Changes | None  # what differs from the tree the engine last rendered (None: unknown)
    rendered: dict[str, str]  # the work tree's manifest (path -> digest)
    titles_key: str
    titles: tuple[str, ...]  # the title family's paths in the work tree
    seconds: float
    kept: bool = False  # the whole work tree kept: the site's key is unchanged


@dataclass(frozen=True)
class Indexed:
    digest: str
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
        compile_all()  # once here (and once per process), not once per worker
        return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                                   initializer=die_with_parent, initargs=(os.getpid(),))
    return ThreadPoolExecutor(max_workers=1)


def view(site_id: str) -> SiteView:
    """The site's view in this process, built once: pages, data outputs and search share it.
    Its graph holds only the events, pages and posts the site shows (site_keys.py)."""
    if site_id not in _views:
        job = _current()
        site = next(s for s in job.graph.sites if s.id == site_id)
        _views[site_id] = shown_content_only(shown_events_only(SiteView.build(job.graph, site, job.now)))
    return _views[site_id]


def key(site_id: str) -> str:
    """The site's key (site_keys.py), or "" when the project's digests were not read."""
    job = _current()
    if job.inputs is None:
        return ""
    if site_id not in _keys:
        _keys[site_id] = site_key(job.inputs, view(site_id), job.site_urls.get(site_id))
    return _keys[site_id]


def generate(site_id: str) -> Generated:
    """Generate one site's work tree and write only the files whose bytes changed.

    A site whose key is the one its ledger holds keeps its whole work tree; otherwise its
    title family is kept when the family's own key is unchanged (families.py), and the
    changes are what differs from the tree the ledger says the engine last rendered.
    """
    job, started = _current(), time.perf_counter()
    previous = job.ledgers.get(site_id)
    site_key_now = key(site_id)
    if (previous is not None and site_key_now and previous.key == site_key_now and previous.engine == job.engine
            and _all_there(job.work(site_id), previous.rendered)):
        return Generated(_pages(previous.rendered), Changes(), dict(previous.rendered), previous.titles_key,
                         previous.titles, time.perf_counter() - started, kept=True)
    ledger.forget(job.state_dir, site_id)  # the work tree changes from here on
    site_view = view(site_id)
    site, url = site_view.site, job.site_urls.get(site_id)
    titles_key_now = titles_key(job.inputs.titles, site, url, job.now) if job.inputs is not None else ""
    kept: tuple[str, ...] = ()
    if (previous is not None and titles_key_now and previous.titles_key == titles_key_now
            and all(path in previous.rendered for path in previous.titles)
            and _all_there(job.work(site_id), previous.titles)):
        kept, titles = previous.titles, {}
    else:
        titles = title_files(titles_view(job.graph, site, job.now))
    events = (EventCache(ItemCache.open(job.state_dir, f"{site_id}.events", trusted=job.incremental), job.inputs.titles)
              if job.inputs is not None else None)  # each event's page and calendars, by their inputs
    files = work_tree.generate_site(site_view.graph, site, job.now, site_url=url, view=site_view, titles=titles,
                                    events=events, markdown_post_titles=job.markdown_post_titles)
    digests = ledger.manifest(files)
    # The ledger says what the tree holds (it was valid when the build started, and this
    # build holds the lock): unchanged files need not be read, nor the tree walked.
    work_tree.write_work_tree(job.root, site_id, files, work=f"{job.state}/work", kept=kept,
                              on_disk=previous.rendered if previous is not None else None, digests=digests)
    if events is not None:
        events.items.save()
    rendered = {**digests, **{path: previous.rendered[path] for path in kept}}
    changes = (ledger.changes(previous.rendered, rendered)
               if previous is not None and previous.engine == job.engine else None)
    title_paths = kept or tuple(sorted(f"docs/{path}" for path in titles))
    return Generated(_pages(rendered), changes, rendered, titles_key_now, title_paths, time.perf_counter() - started)


def _all_there(work: Path, paths) -> bool:
    """A file of the state folder deleted by hand is generated again (one stat per file)."""
    return all(os.path.isfile(os.path.join(work, path)) for path in paths)


def _pages(paths) -> int:
    return sum(1 for path in paths if path.startswith("docs/") and path.endswith(".md"))


def index(site_id: str) -> Indexed:
    """Bring the site's search index (kept outside the engine's output) up to date; an
    unchanged site key keeps it as it is."""
    job, started = _current(), time.perf_counter()
    previous = job.ledgers.get(site_id)
    site_key_now, folder = key(site_id), job.index(site_id)
    if (previous is not None and site_key_now and previous.key == site_key_now and previous.search
            and (folder / META).is_file()):
        refuse_admin_key(view(site_id).site)  # as update_index does: it reads the environment, which no key covers
        return Indexed(previous.search, False, time.perf_counter() - started)
    site, url = view(site_id).site, job.site_urls.get(site_id)
    head = (KeptHead(titles_key(job.inputs.titles, site, url, job.now), job.state_dir / "search-head" / f"{site_id}.pickle",
                     lambda: titles_view(job.graph, site, job.now)) if job.inputs is not None else None)
    digest, changed = update_index(view(site_id), folder, previous=previous.search if previous else None,
                                   before_writing=lambda: ledger.forget(job.state_dir, site_id), head=head)
    return Indexed(digest, changed, time.perf_counter() - started)


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
