"""Page weight: the bytes a reader's browser downloads for each page type, served compressed.

    .venv/bin/python bench/weight.py [--out DIR]

Builds the demo network with a fixed 'now' into bench/tmp/weight (or reuses a build given with
--out), serves it on 127.0.0.1 with gzip for text files as a static host would
(bench/search_browser.py's GzipServer), and opens each page type of each site
(tests/browser/page_types.py: the same sample as the browser tests) in Debian's Chromium at
1280×900 with an empty cache. Every response is counted twice: its body as transferred (gzip
for text, read from Chromium's network log) and decoded. The search type is the home page
with a query typed in the header's search box: the index files it fetches count too.
Figures go to bench/results/weight.json; a table is printed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from datetime import datetime
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent))

from search_browser import ARGS, CHROMIUM, GzipServer  # noqa: E402

from generator.build import build  # noqa: E402
from tests.browser.keyboard import open_search, settle  # noqa: E402
from tests.browser.page_types import SEARCH_QUERY, WIDTHS, PageType, sample  # noqa: E402

NOW = datetime(2026, 11, 21, 10, 0)
RESULTS = BENCH / "results" / "weight.json"
WORK = BENCH / "tmp" / "weight"


def measure(origin: str, pages: list[PageType]) -> tuple[list[dict], str]:
    """Per page type: requests, bytes transferred and decoded, by resource type (cold cache)."""
    from playwright.sync_api import sync_playwright

    width, height = WIDTHS["desktop"]
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            for page_type in pages:
                context = browser.new_context(viewport={"width": width, "height": height}, locale="fr-FR")
                finished = []
                context.on("requestfinished", lambda request, found=finished: found.append(request))
                page = context.new_page()
                page.goto(origin + page_type.url, wait_until="networkidle")
                settle(page)
                if page_type.kind == "search":
                    open_search(page, SEARCH_QUERY)
                    page.wait_for_load_state("networkidle")
                rows.append(_row(page_type, finished, origin))
                context.close()
            version = browser.version
        finally:
            browser.close()
    return rows, version


def _row(page_type: PageType, finished, origin: str) -> dict:
    by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for request in finished:
        assert request.url.startswith(origin + "/"), f"{page_type.url} asked a third party: {request.url}"
        response = request.response()
        if response is None:
            continue
        sent = request.sizes()["responseBodySize"]
        decoded = len(response.body())
        by_type[request.resource_type][0] += sent
        by_type[request.resource_type][1] += decoded
    return {
        "site": page_type.site,
        "kind": page_type.kind,
        "url": page_type.url,
        "requests": len(finished),
        "transferred": sum(sent for sent, _ in by_type.values()),
        "decoded": sum(decoded for _, decoded in by_type.values()),
        "by_type": {kind: {"transferred": sent, "decoded": decoded} for kind, (sent, decoded) in sorted(by_type.items())},
    }


def table(rows: list[dict]) -> str:
    lines = [f"{'site':<9} {'page type':<14} {'requests':>8} {'transferred':>12} {'decoded':>10}   (kB, gzip as served)"]
    for row in rows:
        lines.append(f"{row['site']:<9} {row['kind']:<14} {row['requests']:>8} "
                     f"{row['transferred'] / 1000:>12.1f} {row['decoded'] / 1000:>10.1f}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, help="reuse the sites built in this folder (default: build the demo)")
    args = parser.parse_args()
    out = args.out
    if out is None:
        WORK.mkdir(parents=True, exist_ok=True)
        out = build(BENCH.parent, out=WORK / "site", now=NOW).out
    pages = sample(out)
    with GzipServer(out) as origin:
        rows, chromium = measure(origin, pages)
    document = {
        "build_now": NOW.isoformat(timespec="minutes"),
        "viewport": "{}×{}".format(*WIDTHS["desktop"]),
        "cache": "empty (a first visit)",
        "compression": "gzip level 6 for html, css, js, json, svg, xml, as served by a static host",
        "chromium": chromium,
        "pages": rows,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(table(rows))
    print(f"written {RESULTS.relative_to(BENCH.parent)}")


if __name__ == "__main__":
    main()
