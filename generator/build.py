"""Thin orchestrator: load -> validate -> generate per site -> engine (clean or differential) -> publish."""

from __future__ import annotations

import gc
import html
import shutil
import tempfile
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from .clock import epoch_of
from .engine import CLEAN, DIRTY, UNCHANGED, EngineCache, refresh_blog, run_engine
from .engine_check import declared_looks, engine_problems, template_problems
from .errors import BibnumError, BuildFailed
from .messages import count, listed, say, system_error
from .load.engine_config import read_engine_config
from .load.project import ParseCache, find_project, load_project
from .models.graph import NetworkGraph
from .models.site import Site
from .pages.csp import HUB_POLICY
from . import workers
from .linkcheck import LinksBroken
from .publish import copy_into, swap, sync
from .search import INDEX_DIR, META, drop_material_index
from .site_keys import input_digests
from .validate import validate
from .work_tree import STATE
from .writer import WriteReport



@dataclass
class SiteResult:
    site: str
    pages: int = 0
    written: list[str] = field(default_factory=list)  # work-tree files the generator changed
    removed: list[str] = field(default_factory=list)  # work-tree files it deleted
    mode: str = CLEAN  # how the engine ran: clean, dirty (only what changed) or not at all (unchanged)
    published: list[str] | None = None  # files replaced or deleted in OUT; None: the whole site
    seconds: dict[str, float] = field(default_factory=dict)


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
    sources.problems += template_problems(sources.root, looks)
    return validate(sources)


def build(
    project: Path,
    *,
    sites: list[str] | None = None,
    out: Path | None = None,
    now: datetime,
    site_urls: Mapping[str, str] | Callable[[str], str] | None = None,
    strict: bool = False,
    incremental: bool = True,
    state: str = STATE,
    parse_cache: ParseCache | None = None,
    preview: bool = False,
    log=lambda message: None,
) -> BuildResult:
    """Build the named sites (default: all) into OUT/<site>; OUT is untouched on failure.

    With `incremental`, each site's engine output from the previous build is reused and
    only what the edit changed is rendered again and published (generator/engine.py).
    `state` is the project folder holding work trees, engine outputs and search indexes:
    the preview keeps its own, so that building and previewing do not undo each other's
    work. `site_urls` overrides sites' URLs (by id, or a function of the id); a long-running
    caller passes a `parse_cache` so that only edited files are parsed again.

    `preview` is for `bibnum serve`: the per-site work runs in this process, whose caches
    stay warm from one build to the next, and each site is published as soon as the engine
    has rendered it, its search index just after: an edit shows sooner. Sites are then
    published one by one, not all at once.
    """
    root = find_project(project)
    out = (out or root / "site").resolve()
    timings: dict[str, float] = {}
    started = time.perf_counter()
    # Read before loading: a file saved meanwhile makes the next build's key differ, never this one lie.
    inputs = input_digests(root)
    graph = load_graph(root, parse_cache)
    timings["load_validate"] = time.perf_counter() - started
    with _frozen():  # the graph lives as long as the build: the cyclic GC need not scan it again and again
        chosen = _choose(graph, sites)
        job = workers.Job(graph, now, root, state, {s.id: _url_of(site_urls, s.id) for s in chosen}, incremental,
                          inputs)
        caches = {site.id: EngineCache(root / state / "engine" / site.id) for site in chosen}
        started = time.perf_counter()
        progressive = preview and not strict  # a strict build publishes nothing before every check passed
        publish_now = ((lambda site_id, only=None: _publish(graph, [site_id], results, caches, out, only=only))
                       if progressive else None)
        results: dict[str, SiteResult] = {}
        _make_sites(job, chosen, caches, results, strict=strict, processes=not preview, publish_now=publish_now,
                    log=log)
        timings["sites_wall"] = time.perf_counter() - started
        for step in ("generate", "engine", "search_index", "linkcheck", "publish"):  # per site, overlapping
            if any(step in r.seconds for r in results.values()):
                timings[step] = sum(r.seconds.get(step, 0.0) for r in results.values())
        if not progressive:
            started = time.perf_counter()
            _publish(graph, [s.id for s in chosen], results, caches, out)
            timings["publish"] = time.perf_counter() - started
        log(say("build.done.one" if len(chosen) == 1 else "build.done.many", sites=listed(s.id for s in chosen),
                out=out))
        return BuildResult(out, [results[s.id] for s in chosen], timings)


def _make_sites(job: workers.Job, chosen: list[Site], caches: dict[str, EngineCache],
                results: dict[str, SiteResult], *, strict: bool, processes: bool,
                publish_now: Callable[..., None] | None, log) -> None:
    """Generate, render, index and check every chosen site, overlapping all four.

    Workers generate each work tree, then index each site; the engine renders a site (two
    at a time) as soon as its tree is written; its search index is then put into its
    output, and its links are checked by the workers. With `publish_now`, each site is
    published once rendered (its previous index still matches itself), then again with
    its new index.
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
                result = results[site.id] = SiteResult(site.id, pages=tree.pages, written=tree.written,
                                                       removed=tree.removed, seconds={"generate": tree.seconds})
                cache = caches[site.id]
                result.mode = cache.mode_for(WriteReport(tree.written, removed=tree.removed),
                                             incremental=job.incremental)
                if result.mode == DIRTY:
                    cache.drop_outputs(tree.removed)
                log(say("build.site_kept" if tree.kept else "build.site_generated", site=site.id,
                        kept=count(result.pages, "count.page_kept"), generated=count(result.pages, "count.page_generated"),
                        files=count(len(tree.written), "count.changed_file"), mode=say(f"build.mode.{result.mode}")))
                rendering[site.id] = engines.submit(_render, job.work(site.id) / "mkdocs.yml", cache, result, epoch)
            checking = {}
            for site in chosen:
                rendering[site.id].result()
                folder = caches[site.id].folder
                drop_material_index(folder)
                if publish_now is not None:
                    publish_now(site.id)
                results[site.id].seconds["search_index"] = indexed[site.id].result().seconds
                # Always: cheap when nothing changed, and it repairs an output a failed build left behind.
                sync(job.index(site.id), folder / INDEX_DIR, last=(META,))
                if publish_now is not None:
                    publish_now(site.id, only=INDEX_DIR)
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


def _publish(graph: NetworkGraph, site_ids: list[str], results: dict[str, SiteResult],
             caches: dict[str, EngineCache], out: Path, *, only: str | None = None) -> None:
    """Sites at once: fresh copies swapped in after clean runs, changed files synced otherwise.

    With `only` (the preview's second pass, once the search index is in), just that folder
    of sites published earlier in the build is synced; `published` adds up both passes.
    """
    started = time.perf_counter()
    if only is not None:
        for site_id in site_ids:
            result = results[site_id]
            changed = sync(caches[site_id].folder / only, out / site_id / only, last=(META,))
            if result.published is not None:
                result.published += [f"{only}/{path}" for path in changed]
            result.seconds["publish"] += (time.perf_counter() - started) / len(site_ids)
        return
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=out))
    try:
        swapped = []
        for site_id in site_ids:
            result = results[site_id]
            if result.mode == CLEAN or not (out / site_id).is_dir():
                copy_into(staging, caches[site_id].folder, site_id)
                swapped.append(site_id)
                result.published = None  # the whole site
            else:
                result.published = sync(caches[site_id].folder, out / site_id, last=(f"{INDEX_DIR}/{META}",))
        (staging / "index.html").write_text(hub_page(graph, list(graph.sites)), encoding="utf-8")
        swap(staging, out, swapped + ["index.html"])
    except BibnumError:
        raise
    except Exception as exc:  # an unexpected disk failure is reported as a failed build
        raise BuildFailed(say("build.publish_failed", out=out, why=system_error(exc))) from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    for site_id in site_ids:
        results[site_id].seconds["publish"] = (time.perf_counter() - started) / len(site_ids)


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


def _render(config: Path, cache: EngineCache, result: SiteResult, epoch: int) -> None:
    if result.mode == UNCHANGED:
        return
    started = time.perf_counter()
    cache.forget()
    if result.mode == DIRTY:
        refresh_blog(config.parent)
    run_engine(config, cache.folder, epoch=epoch, dirty=result.mode == DIRTY)
    cache.remember()
    result.seconds["engine"] = time.perf_counter() - started


def hub_page(graph: NetworkGraph, sites: list[Site]) -> str:
    items = "\n".join(
        f'<li><a href="{html.escape(s.id)}/">{html.escape(s.name)}</a></li>' for s in sites
    )
    title = html.escape(graph.network.name)
    return (
        f'<!doctype html>\n<html lang="fr"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{html.escape(HUB_POLICY)}"><meta name="viewport" '
        f'content="width=device-width, initial-scale=1"><title>{title}</title></head>\n'
        f"<body><main><h1>{title}</h1><p>{html.escape(graph.network.description)}</p>\n<ul>\n{items}\n</ul>"
        "</main></body></html>\n"
    )


def _choose(graph: NetworkGraph, sites: list[str] | None) -> list[Site]:
    if not sites:
        return list(graph.sites)
    known = {s.id: s for s in graph.sites}
    unknown = [s for s in sites if s not in known]
    if unknown:
        raise BibnumError(say("build.unknown_sites", unknown=listed(unknown), known=listed(known)))
    return [known[s] for s in sites]
