"""Build benchmark: a metropolis-sized network built in full, by the engine alone, after one edit, and previewed.

    .venv/bin/python bench/build.py [--sizes 0.25,0.5,1] [--work bench/tmp/build] [--no-preview]

Size 1 is 3 sites (two public portals and the pro site), 60 resources, 50,000 harvested
titles, 3,000 events, 1,500 blog posts and 400 libraries (bench/search_network.py, fixed
seed); other sizes scale everything but the resources. For each size, in one run:
- full build (`build(..., strict=True)`, clean, in a child process): wall time, our stages,
  pages and bytes per site, peak memory of the whole process tree (engines and workers
  included; proportional set size, so that pages shared by forked workers count once);
- the engine alone on the same generated trees (`mkdocs build`, two at a time as bibnum
  runs it): our overhead is (full build - engine alone) / full build;
- incremental: change one event's title, then one blog post's text, and `build` again:
  time, engine mode per site, and which work-tree and published files changed;
- preview: `bibnum serve` running, time from saving the event's YAML to the page served
  with the new title (3 edits, median).
Figures are printed and written to bench/results/build.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from importlib.metadata import version
from pathlib import Path

import yaml

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))

from procmem import PeakSampler  # noqa: E402
from search_network import write_network  # noqa: E402

RESULTS = BENCH / "results" / "build.json"
TODAY = "2026-11-21T10:00"
FULL = {"titles": 50_000, "events": 3_000, "posts": 1_500, "libraries": 400}
RESOURCES = 60
PYTHON = sys.executable
CHILD = """
import json, os, sys, time
from datetime import datetime
from pathlib import Path
from generator.build import build
started = time.perf_counter()
result = build(Path(sys.argv[1]), out=Path(sys.argv[2]), now=datetime.fromisoformat(sys.argv[3]),
               strict=sys.argv[4] == "strict", incremental=sys.argv[5] == "incremental")
print(json.dumps({"in_process_seconds": time.perf_counter() - started, "stages": result.seconds,
                  "sites": [{"site": s.site, "pages": s.pages, "mode": s.mode, "written": s.written,
                             "removed": s.removed, "published": s.published, "seconds": s.seconds}
                            for s in result.sites]}))
sys.stdout.flush()
os._exit(0)  # as the `bibnum` command exits (generator/cli.py, entry): no teardown of the graph
"""


def run_build(project: Path, out: Path, *, strict: bool, incremental: bool) -> dict:
    """One `build` in a fresh process, as an editor or CI runs it; wall time and peak memory."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [PYTHON, "-c", CHILD, str(project), str(out), TODAY, "strict" if strict else "lax",
         "incremental" if incremental else "clean"],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with PeakSampler(process.pid) as sampler:
        stdout, stderr = process.communicate()
    wall = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"build failed:\n{stderr[-3000:]}")
    report = json.loads(stdout.strip().splitlines()[-1])
    report.update(wall_seconds=wall, peak_memory_bytes=sampler.peak, peak_rss_bytes=sampler.peak_rss)
    return report


def engine_alone(project: Path, sites: list[str], scratch: Path) -> dict:
    """`mkdocs build` on the generated work trees, two at a time, into scratch folders."""
    def one(site: str) -> float:
        started = time.perf_counter()
        subprocess.run([PYTHON, "-m", "mkdocs", "build", "-q", "-f",
                        str(project / ".bibnum" / "work" / site / "mkdocs.yml"), "-d", str(scratch / site)],
                       check=True, capture_output=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        return time.perf_counter() - started

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=2) as pool:
        per_site = dict(zip(sites, pool.map(one, sites)))
    wall = time.perf_counter() - started
    shutil.rmtree(scratch, ignore_errors=True)
    return {"wall_seconds": wall, "per_site_seconds": per_site}


def site_sizes(out: Path, build_report: dict) -> dict:
    sizes = {}
    for site in build_report["sites"]:
        folder = out / site["site"]
        files = [p for p in folder.rglob("*") if p.is_file()]
        pages = [p for p in files if p.suffix == ".html"]
        html_bytes = sum(p.stat().st_size for p in pages)
        sizes[site["site"]] = {
            "markdown_pages": site["pages"], "html_pages": len(pages), "files": len(files),
            "bytes": sum(p.stat().st_size for p in files), "html_bytes": html_bytes,
            "html_bytes_per_page": round(html_bytes / max(len(pages), 1)),
        }
    return sizes


def upcoming_event(project: Path) -> Path:
    """The first upcoming event: it shows on the agenda, its library's page and the home page."""
    dated = []
    for path in sorted((project / "data" / "events").glob("*.yml")):
        start = str(yaml.safe_load(path.read_text(encoding="utf-8"))["start"])
        if start > TODAY:
            dated.append((start, path))
    return min(dated)[1]


def set_title(path: Path, title: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(?m)^title: .*$", lambda _m: f"title: {json.dumps(title, ensure_ascii=False)}", text, 1),
                    encoding="utf-8")


def summarise_changes(report: dict) -> dict:
    sites = {}
    for site in report["sites"]:
        published = site["published"]
        sites[site["site"]] = {
            "engine_mode": site["mode"], "work_files_written": site["written"], "work_files_removed": site["removed"],
            "published_changed": len(published) if published is not None else "whole site",
            "published_files": (published or [])[:60],
        }
    return {"wall_seconds": report["wall_seconds"], "stages": report["stages"], "sites": sites}


def incremental(project: Path, out: Path) -> dict:
    event = upcoming_event(project)
    event_title = yaml.safe_load(event.read_text(encoding="utf-8"))["title"] + " (nouvel horaire)"
    set_title(event, event_title)
    after_event = run_build(project, out, strict=False, incremental=True)
    page = out / "calvados" / "evenements" / event.stem / "index.html"
    assert event_title in page.read_text(encoding="utf-8"), f"{page}: the new title is not there"

    post = sorted((project / "content" / "blog" / "posts").glob("*billet-*.md"))[-1]
    sentence = "Mise à jour : les inscriptions sont prolongées jusqu'à vendredi."
    post.write_text(post.read_text(encoding="utf-8").replace("<!-- more -->", f"{sentence}\n\n<!-- more -->", 1),
                    encoding="utf-8")
    after_post = run_build(project, out, strict=False, incremental=True)
    slug = re.search(r"(?m)^slug: (\S+)", post.read_text(encoding="utf-8"))[1]
    assert sentence in (out / "pro" / "blog" / slug / "index.html").read_text(encoding="utf-8")

    unchanged = run_build(project, out, strict=False, incremental=True)
    return {"event_file": event.relative_to(project).as_posix(), "post_file": post.relative_to(project).as_posix(),
            "event_title": summarise_changes(after_event), "post_text": summarise_changes(after_post),
            "no_change": {"wall_seconds": unchanged["wall_seconds"], "stages": unchanged["stages"]}}


def preview(project: Path, port: int, edits: int = 3) -> dict:
    """Seconds from saving an event's YAML to `bibnum serve` serving the page with the new title."""
    event = upcoming_event(project)
    url = f"http://127.0.0.1:{port}/calvados/evenements/{event.stem}/"
    log = (project / "serve.log").open("w")
    started = time.perf_counter()
    server = subprocess.Popen([str(Path(PYTHON).parent / "bibnum"), "serve", str(project), "--port", str(port),
                               "--today", TODAY], stdout=log, stderr=subprocess.STDOUT, cwd=REPO)
    try:
        first = _wait_for(url, lambda body: True, timeout=900)
        ready = time.perf_counter() - started
        latencies = []
        base = yaml.safe_load(event.read_text(encoding="utf-8"))["title"]
        for n in range(edits):
            title = f"{base} — version {n + 2}"
            time.sleep(1.0)  # let the previous rebuild settle
            saved = time.perf_counter()
            set_title(event, title)
            _wait_for(url, lambda body, t=title: json.dumps(t, ensure_ascii=False)[1:-1] in body
                      or t in body, timeout=300)
            latencies.append(time.perf_counter() - saved)
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    return {"first_build_seconds": ready, "first_status": first, "edit_to_served_seconds": latencies,
            "median_seconds": statistics.median(latencies)}


def _wait_for(url: str, accept, timeout: float) -> int:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                body = response.read().decode("utf-8", "replace")
                if accept(body):
                    return response.status
        except OSError:
            pass
        time.sleep(0.05)
    raise SystemExit(f"{url}: not served as expected within {timeout} s")


def measure(scale: float, work: Path, with_preview: bool, port: int) -> dict:
    counts = {name: round(value * scale) for name, value in FULL.items()}
    project, out = work / f"network-{scale:g}", work / f"out-{scale:g}"
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(out.parent / f".{out.name}.bibnum", ignore_errors=True)  # publish's spare copies, beside OUT
    started = time.perf_counter()
    write_network(project, titles=counts["titles"], resources=RESOURCES, events=counts["events"],
                  libraries=counts["libraries"], posts=counts["posts"])
    print(f"size {scale:g}: network written in {time.perf_counter() - started:.1f} s", flush=True)
    full = run_build(project, out, strict=True, incremental=False)
    print(f"  full build {full['wall_seconds']:.1f} s", flush=True)
    sites = [s["site"] for s in full["sites"]]
    alone = engine_alone(project, sites, work / "engine-alone")
    print(f"  engine alone {alone['wall_seconds']:.1f} s", flush=True)
    result = {
        "scale": scale, "network": {**counts, "resources": RESOURCES},
        "full_build": {"wall_seconds": full["wall_seconds"], "in_process_seconds": full["in_process_seconds"],
                       "stages": full["stages"], "peak_memory_bytes": full["peak_memory_bytes"],
                       "peak_rss_bytes": full["peak_rss_bytes"],
                       "engine_seconds_per_site": {s["site"]: s["seconds"].get("engine") for s in full["sites"]},
                       "generate_seconds_per_site": {s["site"]: s["seconds"]["generate"] for s in full["sites"]}},
        "engine_alone": alone,
        "overhead": {
            "ours_seconds": full["wall_seconds"] - alone["wall_seconds"],
            "ours_share": (full["wall_seconds"] - alone["wall_seconds"]) / full["wall_seconds"],
            "build_over_engine": full["wall_seconds"] / alone["wall_seconds"],
        },
        "sites": site_sizes(out, full),
    }
    result["incremental"] = incremental(project, out)
    print(f"  incremental: event {result['incremental']['event_title']['wall_seconds']:.1f} s, "
          f"post {result['incremental']['post_text']['wall_seconds']:.1f} s", flush=True)
    if with_preview:
        result["preview"] = preview(project, port)
        print(f"  preview: {result['preview']['median_seconds']:.2f} s", flush=True)
    return result


def linearity(sizes: list[dict]) -> dict:
    """Per-page figures at each size: flat means linear."""
    rows = {}
    for size in sizes:
        pages = sum(site["html_pages"] for site in size["sites"].values())
        rows[f"{size['scale']:g}"] = {
            "html_pages": pages,
            "full_ms_per_page": 1000 * size["full_build"]["wall_seconds"] / pages,
            "engine_alone_ms_per_page": 1000 * size["engine_alone"]["wall_seconds"] / pages,
            "ours_ms_per_page": 1000 * size["overhead"]["ours_seconds"] / pages,
            **{f"{stage}_ms_per_page": 1000 * seconds / pages for stage, seconds in size["full_build"]["stages"].items()
               if stage not in ("engine", "sites_wall")},
            "html_bytes_per_page": {site: row["html_bytes_per_page"] for site, row in size["sites"].items()},
            "peak_memory_mb": size["full_build"]["peak_memory_bytes"] / 2**20,
        }
    return rows


def print_summary(report: dict, results: Path) -> None:
    print(f"\n{'size':>5} {'pages':>7} {'full s':>7} {'engine s':>8} {'ours %':>7} {'ratio':>6} {'peak MB':>8} "
          f"{'event s':>8} {'post s':>7} {'preview s':>9}")
    for size in report["sizes"]:
        pages = sum(site["html_pages"] for site in size["sites"].values())
        inc = size["incremental"]
        print(f"{size['scale']:>5g} {pages:>7} {size['full_build']['wall_seconds']:>7.1f} "
              f"{size['engine_alone']['wall_seconds']:>8.1f} {100 * size['overhead']['ours_share']:>6.1f}% "
              f"{size['overhead']['build_over_engine']:>6.2f} {size['full_build']['peak_memory_bytes'] / 2**20:>8.0f} "
              f"{inc['event_title']['wall_seconds']:>8.2f} {inc['post_text']['wall_seconds']:>7.2f} "
              f"{size['preview']['median_seconds'] if 'preview' in size else float('nan'):>9.2f}")
    print("\nstages of the full build (s; generate, engine, search_index and linkcheck are sums over sites,"
          " run overlapping within sites_wall):")
    for size in report["sizes"]:
        stages = ", ".join(f"{k} {v:.2f}" for k, v in size["full_build"]["stages"].items())
        print(f"  {size['scale']:g}: {stages}")
    print(f"\nwritten to {results}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0.25,0.5,1", help="fractions of the large network (default 0.25,0.5,1)")
    parser.add_argument("--work", type=Path, default=BENCH / "tmp" / "build")
    parser.add_argument("--no-preview", action="store_true", help="skip the `bibnum serve` measurement")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--results", type=Path, default=RESULTS)
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    sizes = [measure(float(s), args.work.resolve(), not args.no_preview, args.port) for s in args.sizes.split(",")]
    report = {
        "machine": {"cpus": _cpus(), "python": platform.python_version(),
                    "mkdocs": version("mkdocs"), "mkdocs_material": version("mkdocs-material")},
        "today": TODAY, "sizes": sizes, "linearity": linearity(sizes),
    }
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print_summary(report, args.results)


def _cpus() -> int:
    return len(os.sched_getaffinity(0))


if __name__ == "__main__":
    main()
