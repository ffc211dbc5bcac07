"""Preview server: build, serve on localhost, rebuild on every edit of the sources; the pages reload
themselves after a rebuild and show the editor's mistakes (generator/live/)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import click
from watchdog.events import FileSystemEventHandler
from watchdog.observers import Observer

from . import locks
from .build import build
from .work_tree import WORK
from .clock import build_now
from .errors import BibnumError, ProjectInvalid, visible
from .live.server import PreviewServer
from .live.state import LiveState, problem_pairs
from .load.project import ParseCache
from .messages import say

PREVIEW = ".bibnum/preview"
# The preview's own work trees, engine outputs and indexes (its URLs differ). With its own output
# (PREVIEW), this is why `bibnum build` and `bibnum serve` of one project may run side by side: their
# builds take different locks. Two previews of one project would share them: the second is refused.
PREVIEW_STATE = ".bibnum/serve"
SESSION_LOCK = "serve.lock"
WATCHED = ("data", "content", "themes", "mkdocs.yml")


def serve(root: Path, *, sites: list[str], host: str, port: int, today: str | None,
          engine: str | None = None) -> None:
    """Preview the project until Ctrl+C; BuildBusy at once when another preview of it is running.

    The session lock is held for the server's whole life, so each rebuild's `build()` finds the
    preview's state and output locks free (only this process takes them, one rebuild at a time).
    """
    with locks.hold(root / PREVIEW_STATE / SESSION_LOCK, subject=say("lock.subject.preview"), log=click.echo):
        _serve(root, sites=sites, host=host, port=port, today=today, engine=engine)


def _serve(root: Path, *, sites: list[str], host: str, port: int, today: str | None, engine: str | None) -> None:
    out = root / PREVIEW
    base = f"http://{host}:{port}/"

    parsed = ParseCache()  # only edited files are parsed again
    announced: set[str] = set()  # the engine is introduced once, not at every rebuild
    live = LiveState()  # what the pages are told: which sites changed, the mistakes

    def rebuild() -> None:
        try:
            result = build(root, sites=sites, out=out, now=build_now(today),
                           site_urls=lambda site_id: f"{base}{site_id}/", state=PREVIEW_STATE, parse_cache=parsed,
                           preview=True, engine=engine, announce_engine=not announced, log=click.echo)
            announced.add("engine")
            # `published` is None when the whole site was replaced, else the files that changed.
            live.built([s.site for s in result.sites], [s.site for s in result.sites if s.published != []])
            click.echo(say("serve.ready", url=base))
        except ProjectInvalid as exc:
            for problem in exc.problems:
                click.echo(str(problem), err=True)
            click.echo(say("serve.invalid"), err=True)
            live.failed(problem_pairs(exc.problems))
        except BibnumError as exc:
            click.echo(visible(say("serve.error", message=exc)), err=True)
            live.failed((("", visible(str(exc))),))

    rebuild()
    trigger = _Rebuilder(rebuild, delay=0.1)
    observer = Observer()
    handler = _SourceChanged(root, trigger)
    for name in WATCHED:
        if (root / name).is_dir():
            observer.schedule(handler, str(root / name), recursive=True)
    # The project's own files (mkdocs.yml is optional: one written after the preview started counts too).
    observer.schedule(handler, str(root), recursive=False)
    observer.start()
    server = PreviewServer((host, port), out, live)
    click.echo(say("serve.serving", out=out, url=base))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()  # the pages' event streams end at once
        observer.stop()
        observer.join()


class _SourceChanged(FileSystemEventHandler):
    # Reads (opened, closed without writing) are not edits: the build itself reads every source.
    EDITS = ("created", "modified", "deleted", "moved")

    def __init__(self, root: Path, trigger: "_Rebuilder"):
        self.root, self.trigger = root, trigger
        self.ignored = (root / WORK).parent

    def on_any_event(self, event) -> None:
        if event.event_type not in self.EDITS or event.is_directory:
            return
        path = Path(str(event.src_path))
        if self.ignored in path.parents or path.name.startswith((".", "~")):
            return
        if path.parent == self.root and path.name != "mkdocs.yml":
            return
        self.trigger()


class _Rebuilder:
    """One rebuild at a time, `delay` seconds after the last edit of a burst (editors save often).

    Edits saved during a rebuild start one more rebuild after it: two builds never share
    the preview's work trees.
    """

    def __init__(self, action, delay: float):
        self.action, self.delay = action, delay
        self.edited = threading.Event()
        threading.Thread(target=self._loop, daemon=True, name="bibnum-rebuild").start()

    def __call__(self) -> None:
        self.edited.set()

    def _loop(self) -> None:
        while True:
            self.edited.wait()
            while True:  # quiet for `delay` seconds: the burst is over
                self.edited.clear()
                if not self.edited.wait(self.delay):
                    break
            started = time.perf_counter()
            self.action()
            click.echo(say("serve.rebuilt", seconds=f"{time.perf_counter() - started:.1f}".replace(".", ",")))
