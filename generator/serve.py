"""Preview server: build, serve on localhost, rebuild on every edit of the sources."""

from __future__ import annotations

import functools
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import click
from watchdog.events import FileSystemEventHandler
from watchdog.observers import Observer

from .build import WORK, build
from .clock import build_now
from .errors import BibnumError, ProjectInvalid

PREVIEW = ".bibnum/preview"
WATCHED = ("data", "content", "themes", "mkdocs.yml")


def serve(root: Path, *, sites: list[str], host: str, port: int, today: str | None) -> None:
    out = root / PREVIEW
    base = f"http://{host}:{port}/"

    def rebuild() -> None:
        try:
            from .build import load_graph

            ids = sites or [s.id for s in load_graph(root).sites]
            build(root, sites=sites, out=out, now=build_now(today),
                  site_urls={i: f"{base}{i}/" for i in ids}, log=click.echo)
            click.echo(f"ready: {base}")
        except ProjectInvalid as exc:
            for problem in exc.problems:
                click.echo(str(problem), err=True)
            click.echo("errors above: still serving the last good build", err=True)
        except BibnumError as exc:
            click.echo(f"error: {exc} (still serving the last good build)", err=True)

    rebuild()
    trigger = _Debounced(rebuild, delay=0.3)
    observer = Observer()
    handler = _SourceChanged(root, trigger)
    for name in WATCHED:
        path = root / name
        if path.exists():
            observer.schedule(handler, str(path if path.is_dir() else root), recursive=path.is_dir())
    observer.start()
    handler_class = functools.partial(_QuietHandler, directory=str(out))
    server = ThreadingHTTPServer((host, port), handler_class)
    click.echo(f"serving {out} on {base} (Ctrl+C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        observer.stop()
        observer.join()


class _SourceChanged(FileSystemEventHandler):
    def __init__(self, root: Path, trigger: "_Debounced"):
        self.root, self.trigger = root, trigger
        self.ignored = (root / WORK).parent

    def on_any_event(self, event) -> None:
        path = Path(str(event.src_path))
        if event.is_directory or self.ignored in path.parents or path.name.startswith((".", "~")):
            return
        if path.parent == self.root and path.name != "mkdocs.yml":
            return
        self.trigger()


class _Debounced:
    """Run `action` once, `delay` seconds after the last of a burst of calls (editors save often)."""

    def __init__(self, action, delay: float):
        self.action, self.delay = action, delay
        self.lock = threading.Lock()
        self.timer: threading.Timer | None = None

    def __call__(self) -> None:
        with self.lock:
            if self.timer is not None:
                self.timer.cancel()
            self.timer = threading.Timer(self.delay, self._run)
            self.timer.daemon = True
            self.timer.start()

    def _run(self) -> None:
        with self.lock:
            self.timer = None
        started = time.perf_counter()
        self.action()
        click.echo(f"rebuilt in {time.perf_counter() - started:.1f} s")


class _QuietHandler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".ics": "text/calendar; charset=utf-8"}

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args) -> None:  # noqa: A002
        pass
