"""Live preview benchmark: save -> page updated, in Chromium, with `bibnum serve` running.

    .venv/bin/python bench/live.py [--sizes demo,0.25] [--runs 3] [--work bench/tmp/live]

For each size ('demo': a copy of the repository's network; a number: that fraction of the large
network, bench/search_network.py as bench/build.py writes it), `bibnum serve` runs on every site
and Chromium (/usr/bin/chromium) shows the first upcoming event's page. Each run saves a new
title in the event's YAML, then times from the file's write to the page's <h1> holding that title:
the rebuild, the event the preview server sends, and the page reloading itself (the benchmark never
navigates). Medians are printed and written to bench/results/live.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from engines import machine_load, source_commit, write_project  # noqa: E402
from measure import BENCH, PYTHON, REPO, TODAY, _wait_for, cpus, set_title, upcoming_event  # noqa: E402

RESULTS = BENCH / "results" / "live.json"
CHROMIUM = "/usr/bin/chromium"
SITE = "calvados"  # the first public portal, in the demo and in the large network alike


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def measure(size: str, work: Path, runs: int, browser) -> dict:
    project, network = write_project(size, work)
    event = upcoming_event(project)
    original = event.read_text(encoding="utf-8")
    base_title = yaml.safe_load(original)["title"]
    port = free_port()
    url = f"http://127.0.0.1:{port}/{SITE}/evenements/{event.stem}/"
    log_path = work / f"serve-{size}.log"
    log = log_path.open("w", encoding="utf-8")
    started = time.perf_counter()
    server = subprocess.Popen([str(Path(PYTHON).parent / "bibnum"), "serve", str(project), "--port", str(port),
                               "--today", TODAY], stdout=log, stderr=subprocess.STDOUT, cwd=REPO)
    try:
        _wait_for(url, lambda body: True, timeout=1800)
        # Each site is served once rendered: the runs start once every site is (`prêt :`, serve.ready).
        while "prêt :" not in log_path.read_text(encoding="utf-8"):
            if server.poll() is not None:
                raise SystemExit(f"bibnum serve stopped:\n{log_path.read_text(encoding='utf-8')[-3000:]}")
            time.sleep(0.2)
        first_build = time.perf_counter() - started
        print(f"{size}: served after {first_build:.1f} s", flush=True)
        page = browser.new_page()
        page.goto(url)
        seconds, rebuild_seconds = [], []
        for n in range(runs):
            title = f"{base_title} — version {n + 2}"
            time.sleep(2.0)  # the previous rebuild's second pass (search index) is over
            before = len(rebuilds(log_path))
            saved = time.perf_counter()
            set_title(event, title)
            page.wait_for_function("t => (document.querySelector('h1') || {}).textContent?.includes(t)", arg=title,
                                   timeout=600_000, polling=20)
            seconds.append(time.perf_counter() - saved)
            while len(rebuilds(log_path)) == before:  # printed once the rebuild is over
                time.sleep(0.1)
            rebuild_seconds.append(rebuilds(log_path)[-1])
            print(f"  run {n + 1}: {seconds[-1]:.2f} s (rebuild {rebuild_seconds[-1]:.1f} s)", flush=True)
        page.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
        event.write_text(original, encoding="utf-8")
    return {"size": size, "network": network, "event_file": event.relative_to(project).as_posix(),
            "first_build_seconds": first_build, "save_to_page_updated_seconds": seconds,
            "median_seconds": statistics.median(seconds),
            # The rebuild as `bibnum serve` times it (from the end of the save's burst, 0.1 s after it).
            "rebuild_seconds": rebuild_seconds, "median_rebuild_seconds": statistics.median(rebuild_seconds)}


def rebuilds(log: Path) -> list[float]:
    """Each rebuild's seconds, as `bibnum serve` printed them (`reconstruit en 2,3 s`, serve.rebuilt)."""
    return [float(n.replace(",", ".")) for n in re.findall(r"reconstruit en ([0-9]+,[0-9]) s", log.read_text("utf-8"))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="demo,0.25", help="'demo' and/or fractions of the large network")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", type=Path, default=BENCH / "tmp" / "live")
    parser.add_argument("--results", type=Path, default=RESULTS)
    args = parser.parse_args()
    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        try:
            sizes = [measure(size, work, args.runs, browser) for size in args.sizes.split(",")]
        finally:
            browser.close()
    report = {"machine": {"cpus": cpus(), "python": platform.python_version(), **machine_load()},
              "commit": source_commit(), "today": TODAY, "runs": args.runs, "sizes": sizes}
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\n{'size':>6} {'first build s':>14} {'median save -> page s':>22} {'median rebuild s':>17}  runs")
    for size in sizes:
        runs = ", ".join(f"{s:.2f}" for s in size["save_to_page_updated_seconds"])
        print(f"{size['size']:>6} {size['first_build_seconds']:>14.1f} {size['median_seconds']:>22.2f} "
              f"{size['median_rebuild_seconds']:>17.1f}  {runs}")
    print(f"\nwritten to {args.results}")


if __name__ == "__main__":
    main()
