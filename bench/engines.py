"""Each engine measured side by side in one run (`bench/build.py --engines`, or this file).

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

import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import (BENCH, FULL, REPO, RESOURCES, TODAY, cpus, engine_alone, preview, run_build,  # noqa: E402
                     set_title, site_sizes, upcoming_event)
from search_network import write_network  # noqa: E402

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
        "machine": {"cpus": cpus(), "python": platform.python_version(),
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
