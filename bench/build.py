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

    .venv/bin/python bench/build.py --engines [NAME,...] [--sizes demo,0.25] [--no-preview]

measures each engine (default: every engine installed) side by side in one run, on the
same projects: the demo network itself ('demo') and fractions of the large one. For each
engine, back to back: full build (clean, strict) and its peak memory; the engine alone on
the same work trees through its adapter (generator/engines/), two sites at a time, and its
peak memory; our share of the full build; a build after one event title edit (time, engine
mode per site); the preview's edit -> page served (`bibnum serve --engine`, median of 3).
Printed as a table (engines as columns) and written to bench/results/engines.json with the
machine, each engine's identity, the date and the machine's load before and after.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request
from datetime import datetime, timezone
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
DEFAULT_ENGINE = "mkdocs-material"
ENGINE_CHILD = """
import json, os, sys, time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from generator.clock import epoch_of
from generator.engines import engine_named
engine, work, scratch = engine_named(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
epoch, sites = epoch_of(datetime.fromisoformat(sys.argv[4])), sys.argv[5:]
def one(site):
    started = time.perf_counter()
    engine.render(work / site, scratch / site, epoch=epoch, changes=None)
    return time.perf_counter() - started
started = time.perf_counter()
with ThreadPoolExecutor(max_workers=2) as pool:
    per_site = dict(zip(sites, pool.map(one, sites)))
print(json.dumps({"wall_seconds": time.perf_counter() - started, "per_site_seconds": per_site}))
sys.stdout.flush()
os._exit(0)
"""
CHILD = """
import json, os, sys, time
from datetime import datetime
from pathlib import Path
from generator.build import build
started = time.perf_counter()
result = build(Path(sys.argv[1]), out=Path(sys.argv[2]), now=datetime.fromisoformat(sys.argv[3]),
               strict=sys.argv[4] == "strict", incremental=sys.argv[5] == "incremental", engine=sys.argv[6] or None)
print(json.dumps({"in_process_seconds": time.perf_counter() - started, "stages": result.seconds,
                  "sites": [{"site": s.site, "pages": s.pages, "mode": s.mode, "written": s.written,
                             "removed": s.removed, "published": s.published, "seconds": s.seconds}
                            for s in result.sites]}))
sys.stdout.flush()
os._exit(0)  # as the `bibnum` command exits (generator/cli.py, entry): no teardown of the graph
"""


def run_build(project: Path, out: Path, *, strict: bool, incremental: bool, engine: str = "") -> dict:
    """One `build` in a fresh process, as an editor or CI runs it; wall time and peak memory.

    ENGINE: the engine's name (`--engine`); empty for the one data/sites.yml names."""
    started, cpu_before = time.perf_counter(), children_cpu()
    process = subprocess.Popen(
        [PYTHON, "-c", CHILD, str(project), str(out), TODAY, "strict" if strict else "lax",
         "incremental" if incremental else "clean", engine],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with PeakSampler(process.pid) as sampler:
        stdout, stderr = process.communicate()
    wall = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"build failed:\n{stderr[-3000:]}")
    report = json.loads(stdout.strip().splitlines()[-1])
    report.update(wall_seconds=wall, cpu_seconds=children_cpu() - cpu_before, peak_memory_bytes=sampler.peak,
                  peak_rss_bytes=sampler.peak_rss)
    return report


def children_cpu() -> float:
    """CPU seconds (user + system) of every child process ended and waited for so far, theirs included.

    A child's figure holds those of the processes it waited for (build workers, engines), so the
    difference around one child is its whole tree's CPU time: unlike wall time, it hardly moves
    with the load other work puts on the machine."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def engine_alone(project: Path, sites: list[str], scratch: Path, engine: str = DEFAULT_ENGINE) -> dict:
    """ENGINE alone on the generated work trees, two sites at a time as bibnum runs them, into scratch folders.

    It runs through the engine's adapter (generator/engines/), as a clean build renders, in a
    child process: the engine's own command line, with what the adapter adds around it (Zensical's
    config copy and output moved out of the work tree). Peak memory is that of the engines' processes
    (the child that starts them is left out)."""
    started, cpu_before = time.perf_counter(), children_cpu()
    process = subprocess.Popen([PYTHON, "-c", ENGINE_CHILD, engine, str(project / ".bibnum" / "work"), str(scratch),
                                TODAY, *sites], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with PeakSampler(process.pid, descendants_only=True) as sampler:
        stdout, stderr = process.communicate()
    wall = time.perf_counter() - started
    shutil.rmtree(scratch, ignore_errors=True)
    if process.returncode != 0:
        raise SystemExit(f"{engine} alone failed:\n{stderr[-3000:]}")
    report = json.loads(stdout.strip().splitlines()[-1])
    report.update(process_wall_seconds=wall, cpu_seconds=children_cpu() - cpu_before, peak_memory_bytes=sampler.peak,
                  peak_rss_bytes=sampler.peak_rss)
    return report


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


def preview(project: Path, port: int, edits: int = 3, engine: str = "", site: str = "calvados",
            edit_timeout: float = 300) -> dict:
    """Seconds from saving an event's YAML to `bibnum serve` serving the page with the new title.

    ENGINE: `--engine` of `bibnum serve` (empty: the project's). The event's file is restored after."""
    event = upcoming_event(project)
    original = event.read_text(encoding="utf-8")
    url = f"http://127.0.0.1:{port}/{site}/evenements/{event.stem}/"
    log = (project / "serve.log").open("w")
    started = time.perf_counter()
    server = subprocess.Popen([str(Path(PYTHON).parent / "bibnum"), "serve", str(project), "--port", str(port),
                               "--today", TODAY, *(["--engine", engine] if engine else [])],
                              stdout=log, stderr=subprocess.STDOUT, cwd=REPO)
    try:
        first = _wait_for(url, lambda body: True, timeout=900)
        ready = time.perf_counter() - started
        latencies = []
        base = yaml.safe_load(original)["title"]
        for n in range(edits):
            title = f"{base} — version {n + 2}"
            time.sleep(1.0)  # let the previous rebuild settle
            saved = time.perf_counter()
            set_title(event, title)
            _wait_for(url, lambda body, t=title: json.dumps(t, ensure_ascii=False)[1:-1] in body
                      or t in body, timeout=edit_timeout)
            latencies.append(time.perf_counter() - saved)
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
        event.write_text(original, encoding="utf-8")
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


# --- Engines side by side (`--engines`) ---------------------------------------------------------------

ENGINES_RESULTS = BENCH / "results" / "engines.json"
ENGINE_SIZES = "demo,0.25"
DEMO_PARTS = ("mkdocs.yml", "data", "content", "themes")  # the demo network, as tests/conftest.py copies it


def installed_engines() -> dict[str, str]:
    """Every engine bibnum has an adapter for and whose packages are installed: name -> identity."""
    from generator.engines import ENGINES
    return {name: engine().identity() for name, engine in ENGINES.items() if not engine().missing()}


def write_project(size: str, work: Path) -> tuple[Path, dict]:
    """The project for SIZE ('demo': a copy of the repository's network; a number: that fraction of
    the large network) written fresh under WORK; and what it holds."""
    if size == "demo":
        project = work / "demo"
        shutil.rmtree(project, ignore_errors=True)
        project.mkdir(parents=True)
        for name in DEMO_PARTS:
            source = REPO / name
            (shutil.copytree if source.is_dir() else shutil.copy2)(source, project / name)
        return project, {"demo": True}
    counts = {name: round(value * float(size)) for name, value in FULL.items()}
    project = work / f"network-{float(size):g}"
    write_network(project, titles=counts["titles"], resources=RESOURCES, events=counts["events"],
                  libraries=counts["libraries"], posts=counts["posts"])
    return project, {**counts, "resources": RESOURCES}


def event_edit(project: Path, out: Path, engine: str, site: str) -> dict:
    """An incremental build after one event's title changed; the event's file is restored after."""
    event = upcoming_event(project)
    original = event.read_text(encoding="utf-8")
    title = yaml.safe_load(original)["title"] + " (nouvel horaire)"
    try:
        set_title(event, title)
        report = run_build(project, out, strict=False, incremental=True, engine=engine)
    finally:
        event.write_text(original, encoding="utf-8")
    page = out / site / "evenements" / event.stem / "index.html"
    assert title in page.read_text(encoding="utf-8"), f"{page}: the new title is not there"
    return {"event_file": event.relative_to(project).as_posix(), "first_site": site,
            "wall_seconds": report["wall_seconds"],
            "cpu_seconds": report["cpu_seconds"], "stages": report["stages"],
            "peak_memory_bytes": report["peak_memory_bytes"],
            "sites": {s["site"]: {"engine_mode": s["mode"], "work_files_written": s["written"],
                                  "published_changed": len(s["published"]) if s["published"] is not None
                                  else "whole site"} for s in report["sites"]}}


def engine_round(project: Path, out: Path, engine: str, scratch: Path) -> dict:
    """One engine on PROJECT from nothing: full build (the state folder removed first: no cache of an
    earlier build or engine), the engine alone on the trees it generated, then a build after one edit."""
    shutil.rmtree(project / ".bibnum", ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(out.parent / f".{out.name}.bibnum", ignore_errors=True)  # publish's spare copies, beside OUT
    full = run_build(project, out, strict=True, incremental=False, engine=engine)
    sites = [s["site"] for s in full["sites"]]
    alone = engine_alone(project, sites, scratch, engine)
    edit = event_edit(project, out, engine, sites[0])
    print(f"    {engine}: full {full['wall_seconds']:.1f} s, alone {alone['wall_seconds']:.1f} s, "
          f"edit {edit['wall_seconds']:.1f} s", flush=True)
    return {
        "full_build": {key: full[key] for key in ("wall_seconds", "cpu_seconds", "in_process_seconds", "stages",
                                                  "peak_memory_bytes", "peak_rss_bytes")}
        | {"engine_seconds_per_site": {s["site"]: s["seconds"].get("engine") for s in full["sites"]}},
        "engine_alone": alone,
        "ours_share": (full["wall_seconds"] - alone["wall_seconds"]) / full["wall_seconds"],
        "ours_cpu_share": (full["cpu_seconds"] - alone["cpu_seconds"]) / full["cpu_seconds"],
        "sites": site_sizes(out, full),
        "event_edit": edit,
    }


def medians(rounds: list[dict]) -> dict:
    """The figures the table shows, each the median over the rounds."""
    def median(get) -> float:
        return statistics.median(get(r) for r in rounds)
    return {
        "full_build_seconds": median(lambda r: r["full_build"]["wall_seconds"]),
        "engine_alone_seconds": median(lambda r: r["engine_alone"]["wall_seconds"]),
        "ours_share": median(lambda r: r["ours_share"]),
        "event_edit_seconds": median(lambda r: r["event_edit"]["wall_seconds"]),
        "full_build_cpu_seconds": median(lambda r: r["full_build"]["cpu_seconds"]),
        "engine_alone_cpu_seconds": median(lambda r: r["engine_alone"]["cpu_seconds"]),
        "ours_cpu_share": median(lambda r: r["ours_cpu_share"]),
        "event_edit_cpu_seconds": median(lambda r: r["event_edit"]["cpu_seconds"]),
        "full_build_peak_memory_bytes": median(lambda r: r["full_build"]["peak_memory_bytes"]),
        "engine_alone_peak_memory_bytes": median(lambda r: r["engine_alone"]["peak_memory_bytes"]),
    }


def engines_table(size: dict) -> str:
    """One size's figures, engines as columns."""
    names = list(size["engines"])
    rows = [
        ("HTML pages", lambda e: f"{sum(site['html_pages'] for site in e['rounds'][-1]['sites'].values())}"),
        ("full build s", lambda e: f"{e['median']['full_build_seconds']:.1f}"),
        ("engine alone s", lambda e: f"{e['median']['engine_alone_seconds']:.1f}"),
        ("ours %", lambda e: f"{100 * e['median']['ours_share']:.0f}%"),
        ("edit -> build s", lambda e: f"{e['median']['event_edit_seconds']:.1f}"),
        ("full CPU s", lambda e: f"{e['median']['full_build_cpu_seconds']:.1f}"),
        ("engine CPU s", lambda e: f"{e['median']['engine_alone_cpu_seconds']:.1f}"),
        ("ours % of CPU", lambda e: f"{100 * e['median']['ours_cpu_share']:.0f}%"),
        ("edit CPU s", lambda e: f"{e['median']['event_edit_cpu_seconds']:.1f}"),
        ("edit modes", lambda e: "/".join(site["engine_mode"][0] for site in
                                          e["rounds"][-1]["event_edit"]["sites"].values())),
        ("preview s", lambda e: f"{e['preview']['median_seconds']:.2f}" if "preview" in e
         else "failed" if "preview_failed" in e else "-"),
        ("peak MB full", lambda e: f"{e['median']['full_build_peak_memory_bytes'] / 2**20:.0f}"),
        ("peak MB engine", lambda e: f"{e['median']['engine_alone_peak_memory_bytes'] / 2**20:.0f}"),
    ]
    width = max(12, *(len(name) + 2 for name in names))
    pages = size["engines"][names[0]]["rounds"][-1]["sites"]
    rounds = len(size["engines"][names[0]]["rounds"])
    lines = [f"size {size['size']} (median of {rounds} rounds; edit modes per site: c clean, d dirty, u unchanged); "
             "pages per site: " + ", ".join(f"{site} {row['html_pages']}" for site, row in pages.items()),
             f"{'':<16}" + "".join(f"{name:>{width}}" for name in names)]
    lines += [f"{label:<16}" + "".join(f"{cell(size['engines'][name]):>{width}}" for name in names)
              for label, cell in rows]
    return "\n".join(lines)


def source_commit() -> str:
    """The commit of the code measured; '+changes' when the generator differs from it (BENCH_COMMIT
    names it when the benchmark runs from an exported copy of a commit, which has no .git)."""
    found = subprocess.run(["git", "-C", str(REPO), "rev-parse", "HEAD"], capture_output=True, text=True, check=False)
    if found.returncode != 0:
        return os.environ.get("BENCH_COMMIT", "unknown")
    changed = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "generator"],
                             capture_output=True, text=True, check=False).stdout.strip()
    return found.stdout.strip() + (" +changes" if changed else "")


def machine_load() -> dict:
    uptime = subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout.strip()
    return {"uptime": uptime, "loadavg": list(os.getloadavg())}


def run_engines(engines: list[str], sizes: list[str], work: Path, with_preview: bool, port: int,
                results: Path, rounds: int) -> None:
    identities = installed_engines()
    unknown = [name for name in engines if name not in identities]
    if unknown:
        raise SystemExit(f"not installed or unknown: {', '.join(unknown)} (installed: {', '.join(identities)})")
    report = {
        "machine": {"cpus": _cpus(), "python": platform.python_version(),
                    "engines": {name: identities[name] for name in engines}},
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"), "commit": source_commit(),
        "load_before": machine_load(), "today": TODAY, "sizes": [],
    }
    print(f"load before: {report['load_before']['uptime']}", flush=True)
    for size in sizes:
        started = time.perf_counter()
        project, network = write_project(size, work)
        print(f"size {size}: project written in {time.perf_counter() - started:.1f} s", flush=True)
        # Untimed: the first child process compiles the code's bytecode and reads the project into the OS cache.
        for leftover in (work / "warm-up", work / ".warm-up.bibnum"):  # its output and publish's spare copies
            shutil.rmtree(leftover, ignore_errors=True)
        run_build(project, work / "warm-up", strict=False, incremental=False, engine=engines[0])
        row = {"size": size, "network": network, "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
               "load_before": machine_load(), "engines": {engine: {"rounds": []} for engine in engines}}
        for n in range(rounds):  # interleaved: a change of the machine's load reaches every engine alike
            print(f"  round {n + 1}/{rounds}", flush=True)
            for engine in engines:
                row["engines"][engine]["rounds"].append(
                    engine_round(project, work / f"out-{size}-{engine}", engine, work / "engine-alone"))
        for n, engine in enumerate(engines):
            row["engines"][engine]["median"] = medians(row["engines"][engine]["rounds"])
            if with_preview:
                try:
                    row["engines"][engine]["preview"] = preview(project, port + n, engine=engine, site=row[
                        "engines"][engine]["rounds"][-1]["event_edit"]["first_site"], edit_timeout=120)
                    print(f"    {engine}: preview {row['engines'][engine]['preview']['median_seconds']:.2f} s",
                          flush=True)
                except SystemExit as failure:  # kept with the figures measured, the log with it
                    log = (project / "serve.log").read_text(encoding="utf-8").splitlines()
                    row["engines"][engine]["preview_failed"] = {"why": str(failure), "serve_log_tail": log[-12:]}
                    print(f"    {engine}: preview failed: {failure}", flush=True)
        row["load_after"] = report["load_after"] = machine_load()
        report["sizes"].append(row)
        results.parent.mkdir(parents=True, exist_ok=True)  # written after each size: a cut run keeps what it measured
        results.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print("\n" + engines_table(row) + "\n", flush=True)
    print(f"load after: {report['load_after']['uptime']}\nwritten to {results}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engines", nargs="?", const="", default=None, metavar="NAME,...",
                        help="measure these engines side by side (default: every engine installed)")
    parser.add_argument("--sizes", help="fractions of the large network (default 0.25,0.5,1; with --engines: "
                        f"{ENGINE_SIZES}, 'demo' being the repository's own network)")
    parser.add_argument("--work", type=Path, default=BENCH / "tmp" / "build")
    parser.add_argument("--no-preview", action="store_true", help="skip the `bibnum serve` measurement")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--rounds", type=int, default=3, help="with --engines: rounds of full build, engine alone "
                        "and edit, interleaved across engines (medians are reported; default 3)")
    parser.add_argument("--results", type=Path, help=f"default {RESULTS} (with --engines: {ENGINES_RESULTS})")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    if args.engines is not None:
        engines = args.engines.split(",") if args.engines else list(installed_engines())
        run_engines(engines, (args.sizes or ENGINE_SIZES).split(","), args.work.resolve(), not args.no_preview,
                    args.port, args.results or ENGINES_RESULTS, args.rounds)
        return
    args.results = args.results or RESULTS
    args.sizes = args.sizes or "0.25,0.5,1"
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
