"""Benchmark of `bibnum harvest`: 50,000 titles from local feeds (fixed seed).

Writes 12 feeds into a copy of the demo project (Atom, OPDS, RSS and KBART, with
HTML summaries), then measures, as medians of 3 runs:
  - a first harvest from files (every title new),
  - a first harvest of the same feeds through a local HTTP server on 127.0.0.1,
  - a re-harvest of unchanged feeds (same bytes: recognised by their digest, not parsed again),
  - loading the project with its 50,000 stored titles (`load_graph`, what every build pays);
and the peak memory of one first harvest (tracemalloc) and of the whole process (max RSS).
Prints the figures and writes bench/results/harvest.json.

    .venv/bin/python bench/harvest.py
"""

from __future__ import annotations

import json
import random
import resource
import shutil
import statistics
import sys
import tempfile
import threading
import time
import tracemalloc
from datetime import date, datetime, timedelta
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.build import load_graph  # noqa: E402
from generator.harvest_command import harvest  # noqa: E402

SEED = 20261121
NOW = datetime(2026, 11, 21, 4, 0)
RUNS = 3
# (source id, kind, resource, titles)
FEEDS = [
    ("pnb-a", "feed", "pnb", 6000), ("pnb-b", "feed", "pnb", 6000), ("pnb-c", "feed", "pnb", 4000),
    ("mediatheque", "feed", "mediatheque-numerique", 4000), ("storyplayr", "feed", "storyplayr", 2000),
    ("izneo-a", "opds", "izneo", 5000), ("izneo-b", "opds", "izneo", 3000),
    ("cafeyn", "rss", "cafeyn", 3000),
    ("assimil", "kbart", "assimil", 2000), ("tout-apprendre", "kbart", "tout-apprendre", 7000),
    ("skilleos", "kbart", "skilleos", 5000), ("philharmonie", "kbart", "philharmonie", 3000),
]
WORDS = ("vie monde histoire nuit jour temps femme homme enfant maison guerre secret voyage mer terre ciel coeur "
         "amour ville famille fille ombre lumière jardin forêt île montagne rivière chemin lettre mémoire été hiver "
         "printemps automne dernier nouvelle grand petit noir blanc rouge bleu normandie caen océan plage port "
         "cuisine musique conte légende aventure mystère enquête crime dragon château pirate trésor école langue "
         "méthode guide pratique numérique santé nature animaux climat économie société art patrimoine").split()
NAMES = "Marie Jean Pierre Sophie Claire Paul Louise Jacques Anne Michel Camille Lucie Hugo Léa Thomas".split()
LAST = "Martin Bernard Dubois Petit Durand Leroy Moreau Simon Laurent Lefèvre Garcia Roux Fournier Morel".split()


def isbn(n: int) -> str:
    body = f"9791{n:08d}"
    return body + str((10 - sum((1 if i % 2 == 0 else 3) * int(c) for i, c in enumerate(body)) % 10) % 10)


def phrase(rnd: random.Random, low: int = 2, high: int = 6) -> str:
    return " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(low, high))).capitalize()


def author(rnd: random.Random) -> str:
    return f"{rnd.choice(NAMES)} {rnd.choice(LAST)}"


def write_feed(path: Path, kind: str, start: int, count: int, rnd: random.Random) -> None:
    day = date(2026, 11, 20)
    if kind == "kbart":
        lines = ["publication_title\tprint_identifier\tonline_identifier\ttitle_url\tfirst_author\ttitle_id\t"
                 "notes\tpublication_type\tdate_monograph_published_online"]
        for n in range(start, start + count):
            lines.append(f"{phrase(rnd)}\t\t{isbn(n)}\thttps://provider.example.org/t/{n}\t{author(rnd)}\tT{n}\t"
                         f"{phrase(rnd, 6, 14)}\tmonograph\t{(day - timedelta(days=n % 900)).isoformat()}")
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return
    entries = []
    for n in range(start, start + count):
        published = (day - timedelta(days=n % 400)).isoformat()
        summary = escape(f"<p>{phrase(rnd, 12, 30)}.</p><p><em>{phrase(rnd, 2, 4)}</em> — {phrase(rnd, 4, 8)}.</p>")
        if kind == "rss":
            entries.append(f"<item><title>{phrase(rnd)}</title><link>https://provider.example.org/n/{n}</link>"
                           f"<guid>https://provider.example.org/n/{n}</guid><pubDate>Fri, 20 Nov 2026 05:00:00 +0100"
                           f"</pubDate><description>{summary}</description></item>")
        else:
            acquisition = (f'<link rel="http://opds-spec.org/acquisition/borrow" type="text/html" '
                           f'href="https://provider.example.org/lire/{n}"/>' if kind == "opds" else "")
            entries.append(f"<entry><title>{phrase(rnd)}</title><id>urn:isbn:{isbn(n)}</id>"
                           f"<author><name>{author(rnd)}</name></author><updated>{published}T08:00:00Z</updated>"
                           f"<published>{published}T08:00:00Z</published><dc:language>fr</dc:language>"
                           f'<link rel="alternate" type="text/html" href="https://provider.example.org/t/{n}"/>'
                           f'{acquisition}<summary type="html">{summary}</summary></entry>')
    if kind == "rss":
        text = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Flux</title>'
                f'<link>https://provider.example.org/</link><description>x</description>{"".join(entries)}'
                "</channel></rss>")
    else:
        text = ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" '
                'xmlns:dc="http://purl.org/dc/elements/1.1/"><id>urn:x</id><title>Nouveautés</title>'
                f'<updated>2026-11-20T08:00:00Z</updated>{"".join(entries)}</feed>')
    path.write_text(text, encoding="utf-8")


def make_project(root: Path) -> tuple[Path, int, int]:
    for name in ("mkdocs.yml", "data", "content", "themes"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, root / name)
    shutil.rmtree(root / "data" / "harvest", ignore_errors=True)
    feeds = root / "data" / "feeds" / "bench"
    feeds.mkdir(parents=True)
    rnd = random.Random(SEED)
    declared, start, size = [], 0, 0
    for ident, kind, res, count in FEEDS:
        name = f"{ident}.{'txt' if kind == 'kbart' else 'xml'}"
        write_feed(feeds / name, kind, start, count, rnd)
        size += (feeds / name).stat().st_size
        start += count
        declared.append({"id": ident, "kind": "feed" if kind == "rss" else kind, "url": f"data/feeds/bench/{name}",
                         "resource": res, "max_bytes": 50_000_000})
    (root / "data" / "sources.yml").write_text(yaml.safe_dump({"sources": declared}), encoding="utf-8")
    return root, start, size


def fresh_harvest(project: Path, now: datetime = NOW) -> tuple[float, int]:
    shutil.rmtree(project / "data" / "harvest", ignore_errors=True)
    started = time.perf_counter()
    report = harvest(project, now=now, force=True)
    seconds = time.perf_counter() - started
    assert not report.failures, report.table()
    return seconds, sum(row.total for row in report.rows)


def over_http(project: Path) -> None:
    """Point every source at a local HTTP server serving the same files."""
    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    handler = partial(Quiet, directory=str(project / "data" / "feeds" / "bench"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    path = project / "data" / "sources.yml"
    sources = yaml.safe_load(path.read_text(encoding="utf-8"))
    for entry in sources["sources"]:
        entry["url"] = f"http://127.0.0.1:{server.server_address[1]}/{entry['url'].rsplit('/', 1)[1]}"
    path.write_text(yaml.safe_dump(sources), encoding="utf-8")
    return server


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bibnum-bench-harvest-") as temp:
        project, total, size = make_project(Path(temp))
        files = [fresh_harvest(project) for _ in range(RUNS)]
        assert all(count == total for _, count in files), files
        unchanged = []  # same bytes again: recognised by their digest, not parsed again
        for n in range(RUNS):
            started = time.perf_counter()
            report = harvest(project, now=NOW + timedelta(days=n + 1), force=True)
            unchanged.append(time.perf_counter() - started)
            assert {row.status for row in report.rows} == {"unchanged"}, report.table()
        loads, graph = [], None
        for _ in range(RUNS):
            graph = None  # one graph in memory at a time, as in a build
            started = time.perf_counter()
            graph = load_graph(project)
            loads.append(time.perf_counter() - started)
        loaded = sum(len(titles) for titles in graph.titles.values())
        assert loaded == total, (loaded, total)
        tracemalloc.start()
        fresh_harvest(project)
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        server = over_http(project)
        try:
            http = [fresh_harvest(project) for _ in range(RUNS)]
        finally:
            server.shutdown()
            server.server_close()
    median = lambda values: statistics.median(values)  # noqa: E731
    results = {
        "titles": total,
        "sources": len(FEEDS),
        "feed_bytes": size,
        "runs": RUNS,
        "harvest_from_files_seconds": round(median(s for s, _ in files), 3),
        "harvest_from_files_titles_per_second": round(total / median(s for s, _ in files)),
        "harvest_over_http_seconds": round(median(s for s, _ in http), 3),
        "harvest_over_http_titles_per_second": round(total / median(s for s, _ in http)),
        "reharvest_unchanged_seconds": round(median(unchanged), 3),
        "load_graph_with_titles_seconds": round(median(loads), 3),
        "peak_traced_memory_mb": round(peak / 2**20, 1),
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "python": sys.version.split()[0],
    }
    for key, value in results.items():
        print(f"{key:40} {value}")
    out = REPO / "bench" / "results" / "harvest.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"written to {out.relative_to(REPO)}")


if __name__ == "__main__":
    main()
