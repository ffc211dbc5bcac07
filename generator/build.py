"""Thin orchestrator: lock -> load -> validate -> generate per site -> engine (clean or differential) -> publish.

What a build keeps between runs is described by each site's ledger (generator/ledger.py);
the engine sits behind generator/engines/; publishing switches each site in one step
(generator/publish.py).
"""

from __future__ import annotations

import dataclasses
import gc
import os
import shutil
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from . import ledger, locks, workers
from .clock import epoch_of
from .digests import code_digest
from .engine_check import declared_looks, engine_problems, template_problems
from .engines import CLEAN, DIRTY, UNCHANGED, Engine, engine_named
from .errors import BibnumError, BuildFailed
from .ledger import Ledger, Published
from .linkcheck import LinksBroken
from .load.engine_config import read_engine_config
from .load.project import ParseCache, find_project, load_project
from .messages import count, cut, listed, say, system_error
from .models.graph import NetworkGraph
from .models.site import Site
from .pages.hub import hub_page
from .publish import publish_file, publish_site, recover, staging_area, sync
from .search import INDEX_DIR, META
from .site_keys import input_digests
from .validate import validate
from .work_tree import STATE


@dataclass
class SiteResult:
    site: str
    tree: workers.Generated
    pages: int = 0
    mode: str = CLEAN  # how the engine ran: clean, dirty (only what changed) or not at all (unchanged)
    published: list[str] | None = None  # files replaced or deleted in OUT; None: the whole site
    seconds: dict[str, float] = field(default_factory=dict)
    index_changed: bool = False  # the search index in the engine's output changed
    ledger: Ledger | None = None  # once the site's output and index are complete
    publishes: int = 0

    @property
    def written(self) -> list[str]:
        """Work-tree files added or changed since the tree the engine last rendered (all, when unknown)."""
        return list(self.tree.changes.written) if self.tree.changes is not None else sorted(self.tree.rendered)

    @property
    def removed(self) -> list[str]:
        return list(self.tree.changes.removed) if self.tree.changes is not None else []


@dataclass
class BuildResult:
    out: Path
    sites: list[SiteResult]
    seconds: dict[str, float]


def load_graph(project: Path, cache: ParseCache | None = None) -> NetworkGraph:
    sources = load_project(project, cache)
    # The engine's settings are checked in the same pass: check never passes on a config the engine refuses.
    looks = declared_looks(sources.root, sources.sites)
    sources.problems += engine_problems(read_engine_config(sources.root), looks)
    declared = sources.sites.data.get("engine") if sources.sites is not None and isinstance(sources.sites.data, dict) \
        else None
    sources.problems += template_problems(sources.root, looks, engine=declared)
    return validate(sources)


def build(
    project: Path,
    *,
    sites: list[str] | None = None,
    out: Path | None = None,
    now: datetime,
    site_urls: Mapping[str, str] | Callable[[str], str] | None = None,
    base_url: str | None = None,
    strict: bool = False,
    incremental: bool = True,
    state: str = STATE,
    parse_cache: ParseCache | None = None,
    preview: bool = False,
    engine: Engine | str | None = None,
    announce_engine: bool = True,
    log=lambda message: None,
) -> BuildResult:
    """Build the named sites (default: all) into OUT/<site>; what is published never changes on failure.

    One build at a time holds the project's state folder and OUT (generator/locks.py); a
    second one is told who holds them. With `incremental`, each site's engine output from
    the previous build is reused and only what the edit changed is rendered again and
    published, as the site's ledger says (generator/ledger.py). `state` is the project
    folder holding work trees, engine outputs, search indexes and ledgers: the preview keeps
    its own, so that building and previewing do not undo each other's work. `site_urls`
    overrides sites' URLs (by id, or a function of the id); a long-running caller passes a
    `parse_cache` so that only edited files are parsed again. `base_url` (a pull request's
    preview) puts every site at BASE_URL<site-id>/ in every address the build writes.

    `preview` is for `bibnum serve`: the per-site work runs in this process, whose caches
    stay warm from one build to the next, and each site is published as soon as the engine
    has rendered it, its search index just after: an edit shows sooner. Sites are then
    published one by one, not all at once.

    `engine`: the engine, or its name, instead of the one data/sites.yml names; with
    `announce_engine`, the build says first which engine renders and how it is maintained.
    """
    root = find_project(project)
    out = (out or root / "site").resolve()
    with locks.hold(root / state / "build.lock", subject=say("lock.subject.project"), log=log), \
            locks.hold(staging_area(out) / "lock", subject=say("lock.subject.out", out=out), log=log):
        recover(out)  # a build killed while publishing: finish its switch, remove its leftovers
        try:
            _drop_legacy_state(root / state)
            return _build(root, out, sites=sites, now=now, site_urls=site_urls, base_url=base_url, strict=strict,
                          incremental=incremental, state=state, parse_cache=parse_cache, preview=preview,
                          engine=engine, announce_engine=announce_engine, log=log)
        except OSError as exc:  # a full disk, a permission: said in one line (publishing says its own)
            raise BuildFailed(say("build.system_failed", why=system_error(exc), path=cut(exc.filename or "?"),
                                  out=out)) from exc


def _build(root: Path, out: Path, *, sites, now, site_urls, base_url, strict, incremental, state, parse_cache,
           preview, engine: Engine | str | None, announce_engine: bool, log) -> BuildResult:
    timings: dict[str, float] = {}
    started = time.perf_counter()
    # Read before loading: a file saved meanwhile makes the next build's key differ, never this one lie.
    inputs = input_digests(root)
    if parse_cache is not None:  # the preview's, kept in memory
        graph = load_graph(root, parse_cache)
    else:  # unchanged files are not parsed again; the cache is saved only once loading succeeded
        with ParseCache.kept(root / state, code=code_digest()) as cache:
            graph = load_graph(root, cache)
    timings["load_validate"] = time.perf_counter() - started
    if base_url is not None:  # given as site_urls too: a site's URL is in its keys, so no page of another build is kept
        graph = graph.at_base_url(base_url)
        site_urls = {s.id: s.url for s in graph.sites}
    engine = engine if isinstance(engine, Engine) else engine_named(engine or graph.engine)
    if announce_engine:
        log(say("build.engine", label=engine.label, identity=engine.identity(),
                status=engine.status(now.date())))
    with _frozen():  # the graph lives as long as the build: the cyclic GC need not scan it again and again
        chosen = _choose(graph, sites)
        ledgers = {s.id: ledger.read(root / state, s.id) if incremental else None for s in chosen}
        job = workers.Job(graph, now, root, state, {s.id: _url_of(site_urls, s.id) for s in chosen}, incremental,
                          inputs, engine.identity(), engine.markdown_post_titles, ledgers)
        started = time.perf_counter()
        progressive = preview and not strict  # a strict build publishes nothing before every check passed
        results: dict[str, SiteResult] = {}
        publisher = _Publisher(job, out, results)
        _make_sites(job, engine, chosen, results, strict=strict, processes=not preview,
                    publish_now=publisher.publish if progressive else None, log=log)
        timings["sites_wall"] = time.perf_counter() - started
        for step in ("generate", "engine", "search_index", "linkcheck", "publish"):  # per site, overlapping
            if any(step in r.seconds for r in results.values()):
                timings[step] = sum(r.seconds.get(step, 0.0) for r in results.values())
        if not progressive:
            started = time.perf_counter()
            for site in chosen:
                publisher.publish(site.id)
            timings["publish"] = time.perf_counter() - started
        publish_file(out, "index.html", hub_page(graph))
        log(say("build.done.one" if len(chosen) == 1 else "build.done.many", sites=listed(s.id for s in chosen),
                out=out))
        return BuildResult(out, [results[s.id] for s in chosen], timings)


def _make_sites(job: workers.Job, engine: Engine, chosen: list[Site], results: dict[str, SiteResult], *,
                strict: bool, processes: bool, publish_now: Callable[[str], None] | None, log) -> None:
    """Generate, render, index and check every chosen site, overlapping all four.

    Workers generate each work tree, then index each site; the engine renders a site (two
    at a time) as soon as its tree is written; its search index is then put into its
    output, and its links are checked by the workers. Once a site's output and index are
    complete, its ledger says so. With `publish_now`, each site is published once rendered
    (its previous index still matches itself), then again with its new index.
    """
    epoch = epoch_of(job.now)
    pool = workers.start(job, len(chosen), processes=processes)
    with pool, ThreadPoolExecutor(max_workers=2) as engines:
        try:
            generated = {s.id: pool.submit(workers.generate, s.id) for s in chosen}
            indexed = {s.id: pool.submit(workers.index, s.id) for s in chosen}
            rendering = {}
            for site in chosen:
                tree = generated[site.id].result()
                result = results[site.id] = SiteResult(site.id, pages=tree.pages, tree=tree,
                                                       seconds={"generate": tree.seconds})
                result.mode = _mode(tree, engine, job.engine_dir(site.id))
                log(say("build.site_kept" if tree.kept else "build.site_generated", site=site.id,
                        kept=count(result.pages, "count.page_kept"), generated=count(result.pages, "count.page_generated"),
                        files=count(len(result.written) + len(result.removed), "count.changed_file"),
                        mode=say(f"build.mode.{result.mode}")))
                rendering[site.id] = engines.submit(_render, engine, job, site.id, result, epoch)
            checking = {}
            for site in chosen:
                rendering[site.id].result()
                result, folder = results[site.id], job.engine_dir(site.id)
                if publish_now is not None:
                    publish_now(site.id)
                index = indexed[site.id].result()
                result.seconds["search_index"] = index.seconds
                # Always: cheap when nothing changed, and it repairs an output a failed build left behind.
                result.index_changed = bool(sync(job.index(site.id), folder / INDEX_DIR, last=(META,)))
                result.ledger = Ledger(workers.key(site.id), job.engine, result.tree.titles_key, result.tree.titles,
                                       result.tree.rendered, index.digest)
                ledger.write(job.state_dir, site.id, result.ledger)  # rendered and indexed: not yet published
                if publish_now is not None:
                    publish_now(site.id)
                if strict:
                    checking[site.id] = pool.submit(workers.check_links, site.id, str(folder))
            problems = []
            for site_id, future in checking.items():
                checked = future.result()
                results[site_id].seconds["linkcheck"] = checked.seconds
                problems += checked.problems
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)  # a failed site fails the build: stop the rest
            raise
    if problems:
        raise LinksBroken(problems)


def _mode(tree: workers.Generated, engine: Engine, folder: Path) -> str:
    """How the engine runs: from what differs between the work tree and the tree it last rendered."""
    if tree.changes is None or not folder.is_dir():
        return CLEAN
    return engine.mode_for(tree.changes) if tree.changes else UNCHANGED


def _render(engine: Engine, job: workers.Job, site_id: str, result: SiteResult, epoch: int) -> None:
    if result.mode == UNCHANGED:
        return
    started = time.perf_counter()
    ledger.forget(job.state_dir, site_id)  # the engine's output changes from here on
    engine.render(job.work(site_id), job.engine_dir(site_id), epoch=epoch,
                  changes=result.tree.changes if result.mode == DIRTY else None)
    result.seconds["engine"] = time.perf_counter() - started


class _Publisher:
    """Publishes a site once its output is complete, then records where in its ledger."""

    def __init__(self, job: workers.Job, out: Path, results: dict[str, SiteResult]):
        self.job, self.out, self.results = job, out, results

    def publish(self, site_id: str) -> None:
        started = time.perf_counter()
        result, live = self.results[site_id], self.out / site_id
        previous = self.job.ledgers.get(site_id)
        untouched = (result.mode == UNCHANGED and not result.index_changed and previous is not None
                     and previous.published == Published(str(self.out), _identity(live)))
        if untouched:  # the engine's output is the one published there, and the folder is still that one
            changed: list[str] | None = []
        else:
            changed = publish_site(self.job.engine_dir(site_id), self.out, site_id)
        if result.publishes == 0:
            result.published = changed
        elif result.published is not None and changed is not None:  # the preview's second pass
            result.published = sorted({*result.published, *changed})
        else:
            result.published = None
        result.publishes += 1
        if result.ledger is not None:
            result.ledger = dataclasses.replace(result.ledger, published=Published(str(self.out), _identity(live)))
            ledger.write(self.job.state_dir, site_id, result.ledger)
        result.seconds["publish"] = result.seconds.get("publish", 0.0) + time.perf_counter() - started


def _identity(folder: Path) -> tuple[int, int]:
    try:
        stat = os.stat(folder)
    except OSError:
        return (0, 0)
    return (stat.st_dev, stat.st_ino)


def _drop_legacy_state(state: Path) -> None:
    """State files of bibnum before the ledgers: never read again."""
    shutil.rmtree(state / "families", ignore_errors=True)
    for folder, suffix in (("engine", ".json"), ("search", ".digest")):
        for marker in state.glob(f"{folder}/*{suffix}"):
            marker.unlink(missing_ok=True)


@contextmanager
def _frozen():
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()  # a long-running preview must still free the graphs of earlier builds


def _url_of(site_urls: Mapping[str, str] | Callable[[str], str] | None, site_id: str) -> str | None:
    if site_urls is None:
        return None
    return site_urls(site_id) if callable(site_urls) else site_urls.get(site_id)


def _choose(graph: NetworkGraph, sites: list[str] | None) -> list[Site]:
    if not sites:
        return list(graph.sites)
    known = {s.id: s for s in graph.sites}
    unknown = [s for s in sites if s not in known]
    if unknown:
        raise BibnumError(say("build.unknown_sites", unknown=listed(unknown), known=listed(known)))
    return [known[s] for s in sites]
