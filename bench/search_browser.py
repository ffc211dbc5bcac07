"""Measure a search box in Debian's Chromium: bytes from its network log, keystroke-to-render times.

The page must dispatch `bn-search-rendered` (detail.query) on any element once it has shown
the results for a query (generator/look/assets/bibnum/search.js does; the Pagefind bench page
too) and hold an input with class `md-search__input`.
"""

from __future__ import annotations

import gzip
import mimetypes
import statistics
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
COMPRESSIBLE = (".html", ".js", ".css", ".json", ".svg", ".xml", ".txt", ".mjs")
TYPING_DELAY_MS = 120  # a quick typist: each keystroke is a query, as a reader types

LISTEN = """() => {
  window.__bn = { keys: [], renders: [] };
  const input = document.querySelector('.md-search__input');
  input.addEventListener('keydown', () => {
    const t = performance.now();
    setTimeout(() => window.__bn.keys.push({ t, value: input.value }), 0);  // value after the keystroke
  });
  document.addEventListener('bn-search-rendered', e => window.__bn.renders.push({ t: performance.now(), query: e.detail.query }), true);
}"""


class GzipServer:
    """Serve a folder on 127.0.0.1 with gzip for text types, as a static host would."""

    def __init__(self, folder: Path) -> None:
        root = folder.resolve()

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                path = root / unquote(urlsplit(self.path).path).lstrip("/")
                if path.is_dir():
                    path = path / "index.html"
                if root not in path.resolve().parents or not path.is_file():
                    self.send_error(404)
                    return
                body = path.read_bytes()
                kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                self.send_response(200)
                self.send_header("Content-Type", kind)
                if path.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", ""):
                    body = gzip.compress(body, 6)
                    self.send_header("Content-Encoding", "gzip")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)

    def __enter__(self) -> str:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


def measure_words(url: str, words, *, index_path: str, script_names) -> dict:
    from playwright.sync_api import sync_playwright

    per_word, pasted, script_bytes, delays = {}, {}, 0, []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            for word in words:
                query, scripts, word_delays = _one_word(browser, url, word, index_path, script_names, typed=True)
                per_word[word] = query
                script_bytes = max(script_bytes, scripts)
                delays += word_delays
                pasted[word] = _one_word(browser, url, word, index_path, script_names, typed=False)[0]
        finally:
            browser.close()
    return {
        # Typed letter by letter: every keystroke is a query, so shorter prefixes' shards load too.
        "first_query": per_word,
        "first_query_max_bytes": max(q["bytes"] for q in per_word.values()),
        # The whole word at once (pasted, or a suggestion picked): one query.
        "first_query_pasted": pasted,
        "script_bytes": script_bytes,
        "keystrokes": len(delays),
        "keystroke_ms_median": round(statistics.median(delays), 1) if delays else None,
        "keystroke_ms_max": round(max(delays), 1) if delays else None,
        "typing_delay_ms": TYPING_DELAY_MS,
    }


def _one_word(browser, url: str, word: str, index_path: str, script_names, *,
              typed: bool) -> tuple[dict, int, list[float]]:
    context = browser.new_context(locale="fr-FR")  # a new context: empty cache, a first visit
    finished = []
    # Context-level events also see what workers fetch (Pagefind searches in a web worker).
    context.on("requestfinished", lambda request: finished.append(request))
    page = context.new_page()
    try:
        page.goto(url, wait_until="networkidle")
        page.evaluate(LISTEN)
        page.locator(".md-search__input").first.focus()
        if typed:
            page.keyboard.type(word, delay=TYPING_DELAY_MS)
        else:
            page.locator(".md-search__input").first.fill(word)
        page.wait_for_function("q => window.__bn.renders.some(r => r.query === q)", arg=word, timeout=60_000)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(300)
        timeline = page.evaluate("window.__bn")
        # Bytes on the wire: encoded (gzipped) body plus headers, from Chromium's network log.
        transfers = []
        for request in finished:
            sizes = request.sizes()
            transfers.append((urlsplit(request.url).path, sizes["responseBodySize"] + sizes["responseHeadersSize"]))
    finally:
        context.close()

    def is_script(path: str) -> bool:
        return any(name in path.rsplit("/", 1)[-1] for name in script_names)

    index = [(path, size) for path, size in transfers if index_path in path and not is_script(path)]
    query = {"bytes": sum(size for _path, size in index), "requests": len(index)}
    scripts = sum(size for path, size in transfers if is_script(path))
    delays = []
    for key in timeline["keys"]:
        render = next((r for r in timeline["renders"] if r["query"] == key["value"] and r["t"] >= key["t"]), None)
        if render is not None:
            delays.append(render["t"] - key["t"])
    return query, scripts, delays
