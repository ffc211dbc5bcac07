"""The preview's HTTP server: the built sites, each HTML page with the live script added, and the
script's own files and event stream under PREFIX."""

from __future__ import annotations

import html
import sys
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..messages import say
from ..outputs.locations import WIDGET_DIR
from ..search import INDEX_DIR
from .inject import PREFIX, inject
from .state import LiveState

ASSETS = {"preview.js": "text/javascript; charset=utf-8", "preview.css": "text/css; charset=utf-8"}
# A site's folders that other sites' pages read (the search widget), served to every origin as GitHub Pages does.
SHARED_FOLDERS = frozenset({WIDGET_DIR, INDEX_DIR})
# Seconds between two keep-alive comments of an idle event stream: a closed tab is noticed then.
KEEP_ALIVE = 15.0


def not_found_page() -> bytes:
    """A page of the preview itself, for an address no site has (pure)."""
    title, text = (html.escape(say(key), quote=False) for key in ("serve.not_found.title", "serve.not_found.text"))
    return (f'<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>{title}</title>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"></head>'
            f"<body><main><h1>{title}</h1><p>{text}</p></main></body></html>\n").encode("utf-8")


def shared(path: str) -> bool:
    """Whether PATH (/<site>/<folder>/…) is in one of a site's SHARED_FOLDERS."""
    parts = path.split("/")
    return len(parts) > 3 and parts[2] in SHARED_FOLDERS


class PreviewServer(ThreadingHTTPServer):
    """One thread per request; daemon threads, so an open event stream never delays Ctrl+C."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], folder: Path, live: LiveState):
        self.folder, self.live = folder, live
        super().__init__(address, PreviewHandler)

    def finish_request(self, request, client_address) -> None:
        self.RequestHandlerClass(request, client_address, self, directory=str(self.folder))

    def handle_error(self, request, client_address) -> None:
        """A browser that leaves a page while it loads closes its connection: nothing for the editor."""
        if isinstance(sys.exc_info()[1], ConnectionError):  # reset, broken pipe, aborted
            return
        super().handle_error(request, client_address)

    def server_close(self) -> None:
        self.live.close()  # every event stream returns
        super().server_close()


class PreviewHandler(SimpleHTTPRequestHandler):
    server: PreviewServer
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".ics": "text/calendar; charset=utf-8"}

    def do_GET(self) -> None:
        self._answer(body=True)

    def do_HEAD(self) -> None:
        self._answer(body=False)

    def _answer(self, body: bool) -> None:
        path = unquote(urlsplit(self.path).path)
        if path.startswith(PREFIX):
            self._live(path[len(PREFIX):], body)
            return
        page = self._page(path)
        if page is not None:
            self._send_page(*page, body=body)
        elif self._missing_page(path):
            self._send_page(None, HTTPStatus.NOT_FOUND, body=body)
        else:
            super().do_GET() if body else super().do_HEAD()

    def _page(self, path: str) -> tuple[Path, HTTPStatus] | None:
        """The HTML file PATH names, or its site's 404 page when PATH names nothing; None for the
        rest (other files, a folder's address without its final slash: the standard handler's)."""
        target = Path(self.translate_path(self.path))  # it unquotes the address itself
        if target.is_dir():
            index = target / "index.html"
            return (index, HTTPStatus.OK) if path.endswith("/") and index.is_file() else None
        if target.is_file():
            return (target, HTTPStatus.OK) if target.suffix == ".html" else None
        site = path.split("/")[1] if path.count("/") > 1 else ""
        missing = Path(self.translate_path(f"/{site}/404.html")) if site else None
        return (missing, HTTPStatus.NOT_FOUND) if missing is not None and missing.is_file() else None

    def _missing_page(self, path: str) -> bool:
        """PATH names a page (a folder's address or an .html file) that no site has: before a first
        build succeeded, there is no site's 404 page to show the banner in."""
        target, last = Path(self.translate_path(self.path)), path.rsplit("/", 1)[-1]
        if target.is_dir():
            return path.endswith("/")  # it has no index.html: a listing of the folder would say nothing
        return not target.exists() and (last.endswith(".html") or "." not in last)

    def _send_page(self, file: Path | None, status: HTTPStatus, *, body: bool) -> None:
        """FILE (None: the preview's own « page not found »), the live script added."""
        now = self.server.live.now  # read before the file: a rebuild in between reloads the page once more
        page = inject(file.read_bytes() if file is not None else not_found_page(), now.session, now.generation)
        self._send(status, "text/html; charset=utf-8", page, body)

    def _send(self, status: HTTPStatus, content_type: str, data: bytes, body: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if body:
            self.wfile.write(data)

    def _live(self, name: str, body: bool) -> None:
        if name == "events":
            self._events(body)
        elif name in ASSETS:
            self._send(HTTPStatus.OK, ASSETS[name], files(__package__).joinpath("assets", name).read_bytes(), body)
        else:
            self.send_error(HTTPStatus.NOT_FOUND)

    def _events(self, body: bool) -> None:
        """Server-sent events: the state at once, then each new one, until the page or the server goes."""
        live = self.server.live
        self.close_connection = True
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.end_headers()
        if not body:
            return
        now = live.now
        self._stream(f"retry: 1000\n\n{now.event()}")
        seen = now.version
        while not live.closed:
            now = live.wait(after=seen, timeout=KEEP_ALIVE)
            if now is not None:
                self._stream(now.event())
                seen = now.version
            elif not live.closed:
                self._stream(": keep-alive\n\n")  # a comment: the page ignores it, a closed tab fails it

    def _stream(self, text: str) -> None:
        self.wfile.write(text.encode("utf-8"))
        self.wfile.flush()

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        if shared(urlsplit(self.path).path):
            self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()

    def log_message(self, format: str, *args) -> None:  # noqa: A002
        pass
