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

`--engines` measures each engine side by side instead (bench/engines.py).
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import shutil
import sys
import time
from importlib.metadata import version
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from engines import ENGINE_SIZES, ENGINES_RESULTS, installed_engines, run_engines  # noqa: E402
from measure import (BENCH, FULL, RESOURCES, TODAY, cpus, engine_alone, preview, run_build,  # noqa: E402
                     set_title, site_sizes, summarise_changes, upcoming_event)
from search_network import write_network  # noqa: E402

RESULTS = BENCH / "results" / "build.json"


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
        "machine": {"cpus": cpus(), "python": platform.python_version(),
                    "mkdocs": version("mkdocs"), "mkdocs_material": version("mkdocs-material")},
        "today": TODAY, "sizes": sizes, "linearity": linearity(sizes),
    }
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print_summary(report, args.results)


if __name__ == "__main__":
    main()
