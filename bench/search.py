"""Search benchmark: a synthetic network of 50,000 titles, indexed and queried in Chromium.

    .venv/bin/python bench/search.py [--titles 50000] [--work bench/tmp/search]

Builds the synthetic network (bench/search_network.py, fixed seed) as a real project,
renders its `calvados` portal with the engine, builds bibnum's search index, then serves
the site with gzip on 127.0.0.1 and, in Debian's Chromium, types five typical words in the
header search box, one fresh browser (cold cache) per word. Bytes are read from Chromium's
network log (Playwright's request sizes: encoded body + headers, workers included), not estimated. With Pagefind
installed (`pip install -e .[bench]`), the same records are indexed by Pagefind and the
same words searched through its JS API, for comparison. Figures go to bench/results/search.json.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from search_browser import GzipServer, measure_words  # noqa: E402
from search_network import write_network  # noqa: E402

from generator.build import load_graph  # noqa: E402
from generator.work_tree import WORK, generate_site, write_work_tree  # noqa: E402
from generator.clock import epoch_of  # noqa: E402
from generator.engines.mkdocs import run_mkdocs as run_engine  # noqa: E402
from generator.view.site_view import SiteView  # noqa: E402
from generator.search import INDEX_DIR, MATERIAL_INDEX, write_site_index  # noqa: E402
from generator.search.records import site_records  # noqa: E402

NOW = datetime(2026, 11, 21, 10, 0)
SITE = "calvados"
WORDS = ("anglais", "presse", "ouest", "conte", "cinema")
RESULTS = Path(__file__).resolve().parent / "results" / "search.json"


def folder_size(folder: Path) -> dict[str, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return {"files": len(files), "bytes": sum(p.stat().st_size for p in files),
            "gzip_bytes": sum(len(gzip.compress(p.read_bytes(), 6)) for p in files)}


def pagefind_index(records, site_dir: Path, work: Path) -> dict | None:
    """The same records as minimal HTML pages (no chrome), indexed by Pagefind's CLI.

    Its Python API's custom records would be the natural fit, but it reads one answer per
    0.1 s from the indexing service (53,000 records: 90 minutes); the CLI indexes pages fast.
    """
    try:
        import pagefind  # noqa: F401
    except ImportError:
        return None
    import html
    import shutil

    source = work / "pagefind-source"
    shutil.rmtree(source, ignore_errors=True)
    for doc, record in enumerate(records):
        page = source / "r" / f"{doc}.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        filters = "".join(f'<span data-pagefind-filter="category">{c}</span>' for c in record.categories)
        page.write_text(
            f'<!doctype html><html lang="fr"><head><title>{html.escape(record.title)}</title></head><body>'
            f'<main data-pagefind-body><h1>{html.escape(record.title)}</h1>'
            f'<p data-pagefind-meta="subtitle">{html.escape(record.subtitle[:160])}</p>'
            f'<span data-pagefind-filter="type">{record.type}</span>{filters}'
            f"<p>{html.escape(record.text())}</p></main></body></html>", encoding="utf-8")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(source), "--output-path",
                    str(site_dir / "pagefind"), "--force-language", "fr"], check=True, capture_output=True)
    seconds = time.perf_counter() - started
    shutil.rmtree(source, ignore_errors=True)
    (site_dir / "pagefind-bench.html").write_text(PAGEFIND_PAGE, encoding="utf-8")
    return {"build_seconds": round(seconds, 2), "size": folder_size(site_dir / "pagefind")}


# A bare page driving Pagefind's JS API like a search box: search on every keystroke,
# then load the first results' data (Pagefind's own UI shows 5 at a time; we load 10).
PAGEFIND_PAGE = """<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Pagefind</title></head>
<body><input class="md-search__input" aria-label="q"><ol id="r"></ol><script type="module">
const input = document.querySelector("input"), list = document.getElementById("r");
const pagefind = await import("./pagefind/pagefind.js");
input.addEventListener("focus", () => pagefind.init(), { once: true });
input.addEventListener("input", async () => {
  const query = input.value;
  const found = await pagefind.search(query);
  if (!found || input.value !== query) return;
  const data = await Promise.all(found.results.slice(0, 10).map(r => r.data()));
  if (input.value !== query) return;
  list.replaceChildren(...data.map(d => Object.assign(document.createElement("li"), { textContent: d.meta.title })));
  document.dispatchEvent(new CustomEvent("bn-search-rendered", { detail: { query, total: found.results.length } }));
});
window.__ready = true;
</script></body></html>
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--titles", type=int, default=50_000)
    parser.add_argument("--work", type=Path, default=Path(__file__).resolve().parent / "tmp" / "search")
    args = parser.parse_args()
    work = args.work.resolve()
    started = time.perf_counter()
    root = write_network(work / "network", titles=args.titles)
    graph = load_graph(root)
    site = graph.site(SITE)
    counts = {"titles": sum(len(t) for t in graph.titles.values()), "resources": len(graph.resources),
              "events": len(graph.events), "libraries": len(graph.libraries)}
    print(f"synthetic network: {counts} ({time.perf_counter() - started:.1f} s)")

    site_dir = work / "site" / SITE
    started = time.perf_counter()
    write_work_tree(root, SITE, generate_site(graph, site, NOW))
    run_engine(root / WORK / SITE / "mkdocs.yml", site_dir, epoch=epoch_of(NOW))
    engine_seconds = time.perf_counter() - started
    # Material's own index, for comparison, when the engine's configuration still has its search plugin
    # (the sites' configuration leaves it out now: nothing reads it).
    material = site_dir / MATERIAL_INDEX
    material_size = ({"bytes": material.stat().st_size, "gzip_bytes": len(gzip.compress(material.read_bytes(), 6))}
                     if material.is_file() else None)
    pages = sum(1 for _ in site_dir.rglob("index.html"))
    print(f"engine: {pages} pages in {engine_seconds:.1f} s; Material's search_index.json: {material_size}")

    started = time.perf_counter()
    view = SiteView.build(graph, site, NOW)
    write_site_index(view, site_dir)
    index_seconds = time.perf_counter() - started
    records = site_records(view)
    index_size = folder_size(site_dir / INDEX_DIR)
    print(f"bibnum index: {len(records)} records in {index_seconds:.2f} s; {index_size}")
    pagefind = pagefind_index(records, site_dir, work)
    print(f"pagefind index: {pagefind}" if pagefind else "pagefind: not installed (pip install -e .[bench])")

    with GzipServer(work / "site") as origin:
        ours = measure_words(origin + f"/{SITE}/", WORDS, index_path=f"/{INDEX_DIR}/",
                             script_names=("search-index.js", "search-render.js", "search.js", "search.css"))
        theirs = measure_words(origin + f"/{SITE}/pagefind-bench.html", WORDS, index_path="/pagefind/",
                               script_names=("pagefind.js", "pagefind-worker.js", "wasm.")) if pagefind else None
    report = {
        "network": {**counts, "records_indexed": len(records), "pages_rendered": pages},
        "bibnum": {"build_seconds": round(index_seconds, 2), "size": index_size, "browser": ours},
        "material_search_index_json": material_size,
        "pagefind": {**pagefind, "browser": theirs} if pagefind else None,
        "engine_seconds": round(engine_seconds, 1),
        "measured": "Chromium network log through Playwright (encoded body + headers of each response, workers "
                    "included), gzip from a local server, a fresh browser context (cold cache) per word",
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print_summary(report)


def print_summary(report: dict) -> None:
    def line(name: str, result: dict | None) -> None:
        if not result:
            return
        browser = result["browser"]
        per_word = ", ".join(f"{w}: {q['bytes'] / 1000:.1f} KB ({q['requests']} requests)"
                             for w, q in browser["first_query"].items())
        print(f"{name}: index {result['size']['bytes'] / 1e6:.1f} MB in {result['size']['files']} files "
              f"(built in {result['build_seconds']} s)")
        pasted = ", ".join(f"{w}: {q['bytes'] / 1000:.1f} KB" for w, q in browser["first_query_pasted"].items())
        print(f"  first query typed letter by letter (index data only): {per_word}; "
              f"max {browser['first_query_max_bytes'] / 1000:.1f} KB")
        print(f"  first query pasted whole: {pasted}")
        print(f"  one-time script/WASM/CSS: {browser['script_bytes'] / 1000:.1f} KB")
        print(f"  keystroke -> rendered results: median {browser['keystroke_ms_median']} ms, "
              f"max {browser['keystroke_ms_max']} ms over {browser['keystrokes']} keystrokes")

    line("bibnum", report["bibnum"])
    line("pagefind", report["pagefind"])
    material = report["material_search_index_json"]
    if material:
        print(f"Material's search_index.json (pages only, no titles): {material['bytes'] / 1e6:.1f} MB, "
              f"{material['gzip_bytes'] / 1e6:.2f} MB gzipped, downloaded whole by its search")
    print(f"written to {RESULTS}")


if __name__ == "__main__":
    main()
