"""Helpers of the harvest tests: a local feed server on 127.0.0.1 (free port, in a thread) and small feeds to serve.

Each test sets `server.routes[path] = Reply(...)` (or a callable taking the request
handler) and reads `server.requests` to see what the client sent.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

from generator.harvest.http import Limits

# Short limits keep the slow-server tests around a second.
FAST = Limits(connect_timeout=1.0, read_timeout=0.4, total_timeout=1.5, max_redirects=3)


@dataclass
class Reply:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the status line
    trickle: float = 0.0  # seconds between bytes of the body (slow-loris)
    length: bool = True  # send Content-Length


class FeedServer:
    def __init__(self) -> None:
        self.routes: dict[str, Reply | Callable] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # keep the test output clean
                pass

            def do_GET(self) -> None:  # noqa: N802
                server.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                route = server.routes.get(self.path)
                if route is None:
                    self.send_error(404, "Not Found")
                    return
                reply = route(self) if callable(route) else route
                if reply is None:
                    return
                time.sleep(reply.delay)
                try:
                    self.send_response(reply.status)
                    for key, value in reply.headers.items():
                        self.send_header(key, value)
                    if reply.length:
                        self.send_header("Content-Length", str(len(reply.body)))
                    self.end_headers()
                    if reply.trickle:
                        for index in range(len(reply.body)):
                            self.wfile.write(reply.body[index:index + 1])
                            self.wfile.flush()
                            time.sleep(reply.trickle)
                    else:
                        self.wfile.write(reply.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up, as it should

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"


def atom(entries: list[dict], *, encoding: str = "utf-8", prolog: str = "") -> bytes:
    """An Atom feed; each entry: id, title, and optional summary, link, published, authors, extra (raw XML)."""
    items = []
    for e in entries:
        items.append(
            "<entry>"
            f"<title type=\"{e.get('title_type', 'text')}\">{escape(e['title'])}</title><id>{escape(e['id'])}</id>"
            f"<updated>{e.get('published', '2026-11-01T10:00:00Z')}</updated>"
            f"<published>{e.get('published', '2026-11-01T10:00:00Z')}</published>"
            + "".join(f"<author><name>{escape(a)}</name></author>" for a in e.get("authors", []))
            + (f"<link rel=\"alternate\" type=\"text/html\" href=\"{escape(e['link'])}\"/>" if e.get("link") else "")
            + (f"<summary type=\"html\">{escape(e['summary'])}</summary>" if e.get("summary") else "")
            + e.get("extra", "")
            + "</entry>"
        )
    text = (f'<?xml version="1.0" encoding="{encoding}"?>\n{prolog}'
            '<feed xmlns="http://www.w3.org/2005/Atom"><id>urn:uuid:feed</id><title>Nouveautés</title>'
            f'<updated>2026-11-20T10:00:00Z</updated>{"".join(items)}</feed>')
    return text.encode(encoding)


def books(count: int, start: int = 0) -> list[dict]:
    """`count` entries with valid, distinct ISBNs (urn:isbn ids)."""
    out = []
    for n in range(start, start + count):
        body = f"978210{n:06d}"
        check = (10 - sum((1 if i % 2 == 0 else 3) * int(c) for i, c in enumerate(body)) % 10) % 10
        out.append({"id": f"urn:isbn:{body}{check}", "title": f"Livre numéro {n}",
                    "link": f"https://provider.example.org/livre/{n}", "authors": ["Jeanne Auteur"],
                    "summary": f"<p>Résumé du livre {n}.</p>"})
    return out
