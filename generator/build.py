"""Thin orchestrator: load -> validate -> generate per site -> engine -> swap into place."""

from __future__ import annotations

import html
import shutil
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import yaml

from .clock import epoch_of
from .engine import run_engine
from .errors import BibnumError, BuildFailed
from .load.project import find_project, load_project
from .models.graph import NetworkGraph
from .models.site import Site
from .outputs import data_files
from .pages.config import palette_css, site_config
from .pages.pro import pro_files
from .pages.public import public_files
from .pages.view import SiteView
from .postbuild import finish_site
from .validate import validate
from .writer import GuardedWriter, WriteReport

WORK = ".bibnum/work"
SHARED_LOOK = "_shared"


@dataclass
class SiteResult:
    site: str
    pages: int = 0
    written: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)


@dataclass
class BuildResult:
    out: Path
    sites: list[SiteResult]
    seconds: dict[str, float]


def load_graph(project: Path) -> NetworkGraph:
    return validate(load_project(project))


def generate_site(
    graph: NetworkGraph, site: Site, now: datetime, *, site_url: str | None = None, view: SiteView | None = None
) -> dict[str, str | bytes]:
    """Every file of one site's work tree (docs/, overrides/, mkdocs.yml), as a mapping."""
    view = view or SiteView.build(graph, site, now)
    uid_domain = _host(graph.sites[0].url)
    docs = public_files(view, uid_domain) if site.kind == "public" else pro_files(view, uid_domain)
    docs.update(data_files(view))
    docs["assets/bibnum/palette.css"] = palette_css(site)
    themes = graph.root / "themes"
    logo = themes / site.look / site.logo if site.logo else None
    if logo is not None and logo.is_file():
        docs["assets/bibnum/logo.svg"] = logo.read_bytes()
    files: dict[str, str | bytes] = {f"docs/{path}": content for path, content in docs.items()}
    for look in (SHARED_LOOK, site.look):
        for path in sorted((themes / look).rglob("*")) if (themes / look).is_dir() else []:
            if path.is_file():
                files[f"overrides/{path.relative_to(themes / look).as_posix()}"] = path.read_bytes()
    base = yaml.safe_load((graph.root / "mkdocs.yml").read_text(encoding="utf-8")) or {}
    files["mkdocs.yml"] = site_config(base, view, site_url=site_url, has_logo="docs/assets/bibnum/logo.svg" in files)
    return files


def write_work_tree(root: Path, site_id: str, files: dict[str, str | bytes]) -> WriteReport:
    writer = GuardedWriter(root / WORK / site_id)
    writer.write_all(files)
    writer.remove_stale()
    return writer.report


def build(
    project: Path,
    *,
    sites: list[str] | None = None,
    out: Path | None = None,
    now: datetime,
    site_urls: dict[str, str] | None = None,
    strict: bool = False,
    log=lambda message: None,
) -> BuildResult:
    """Build the named sites (default: all) into OUT/<site>; OUT is untouched on failure."""
    root = find_project(project)
    out = (out or root / "site").resolve()
    timings: dict[str, float] = {}
    started = time.perf_counter()
    graph = load_graph(root)
    timings["load_validate"] = time.perf_counter() - started
    chosen = _choose(graph, sites)

    results: list[SiteResult] = []
    views: dict[str, SiteView] = {}
    started = time.perf_counter()
    for site in chosen:
        t0 = time.perf_counter()
        views[site.id] = SiteView.build(graph, site, now)  # once: pages, data outputs and search share it
        files = generate_site(graph, site, now, site_url=(site_urls or {}).get(site.id), view=views[site.id])
        report = write_work_tree(root, site.id, files)
        result = SiteResult(site.id, pages=sum(1 for p in files if p.startswith("docs/") and p.endswith(".md")))
        result.written = report.written
        result.seconds["generate"] = time.perf_counter() - t0
        results.append(result)
        log(f"{site.id}: {result.pages} pages generated, {len(report.written)} file(s) changed")
    timings["generate"] = time.perf_counter() - started

    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=out))
    try:
        started = time.perf_counter()
        epoch = epoch_of(now)
        with ThreadPoolExecutor(max_workers=2) as pool:
            futures = [
                pool.submit(run_engine, root / WORK / site.id / "mkdocs.yml", staging / site.id, epoch=epoch)
                for site in chosen
            ]
            for future in futures:
                future.result()
        timings["engine"] = time.perf_counter() - started
        for site in chosen:
            for step, seconds in finish_site(views[site.id], staging / site.id, strict=strict).items():
                timings[step] = timings.get(step, 0.0) + seconds
        (staging / "index.html").write_text(hub_page(graph, list(graph.sites)), encoding="utf-8")
        _swap(staging, out, [s.id for s in chosen] + ["index.html"])
    except BibnumError:
        raise
    except Exception as exc:  # an unexpected engine or disk failure still leaves OUT as it was
        raise BuildFailed(f"build failed: {exc}") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    log(f"built {', '.join(s.id for s in chosen)} into {out}")
    return BuildResult(out, results, timings)


def hub_page(graph: NetworkGraph, sites: list[Site]) -> str:
    items = "\n".join(
        f'<li><a href="{html.escape(s.id)}/">{html.escape(s.name)}</a></li>' for s in sites
    )
    title = html.escape(graph.network.name)
    return (
        f'<!doctype html>\n<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" '
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
        raise BibnumError(f"unknown site(s): {', '.join(unknown)}; known: {', '.join(known)}")
    return [known[s] for s in sites]


def _swap(staging: Path, out: Path, names: list[str]) -> None:
    """Move each freshly built site into place; the old one is removed only after."""
    for name in names:
        fresh, current = staging / name, out / name
        if not fresh.exists():
            continue
        old = None
        if current.exists():
            old = out / f".old-{name}-{int(time.time() * 1000)}"
            current.rename(old)
        fresh.rename(current)
        if old is not None:
            if old.is_dir():
                shutil.rmtree(old, ignore_errors=True)
            else:
                old.unlink(missing_ok=True)


def _host(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).hostname or "bibnum.invalid"
