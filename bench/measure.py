"""What the build benchmarks measure, shared by bench/build.py (one engine, sizes of the large
network) and bench/engines.py (every engine side by side): one `build` in a child process with
its wall and CPU time and peak memory, the engine alone on the same work trees, the sizes of the
output, and the preview's edit -> page served time.
"""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import yaml

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))

from procmem import PeakSampler  # noqa: E402

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
    report, wall = run_child([CHILD, str(project), str(out), TODAY, "strict" if strict else "lax",
                              "incremental" if incremental else "clean", engine], "build")
    report["wall_seconds"] = wall
    return report


def run_child(args: list[str], what: str, *, descendants_only: bool = False) -> tuple[dict, float]:
    """`python -c ARGS...` from the repository: the JSON it prints last, with its CPU time and peak
    memory (of its descendants only, if asked) added; and its wall time."""
    started, cpu_before = time.perf_counter(), children_cpu()
    process = subprocess.Popen([PYTHON, "-c", *args], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    with PeakSampler(process.pid, descendants_only=descendants_only) as sampler:
        stdout, stderr = process.communicate()
    wall = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"{what} failed:\n{stderr[-3000:]}")
    report = json.loads(stdout.strip().splitlines()[-1])
    report.update(cpu_seconds=children_cpu() - cpu_before, peak_memory_bytes=sampler.peak,
                  peak_rss_bytes=sampler.peak_rss)
    return report, wall


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
    try:
        report, wall = run_child([ENGINE_CHILD, engine, str(project / ".bibnum" / "work"), str(scratch), TODAY, *sites],
                                 f"{engine} alone", descendants_only=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    report["process_wall_seconds"] = wall
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


def cpus() -> int:
    return len(os.sched_getaffinity(0))
