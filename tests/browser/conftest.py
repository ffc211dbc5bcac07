"""Browser fixtures: Debian's Chromium driven by Playwright, and the demo build served on localhost.

Never a downloaded browser: the tests use /usr/bin/chromium (installed by the README's test
command) and fail with a clear message when it is missing.
"""

from __future__ import annotations

import functools
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002
        pass


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        """Chromium leaving a page while it loads closes its connections: not a test's failure."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


@contextmanager
def serve_folder(folder: Path, name: str = "bibnum-test-http") -> Iterator[str]:
    """FOLDER served over HTTP on 127.0.0.1 for the time of the block; yields the origin, e.g. http://127.0.0.1:PORT."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = _QuietServer(("127.0.0.1", 0), handler)  # port 0: the OS picks a free port
    thread = threading.Thread(target=server.serve_forever, name=name, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def local_only(origin: str) -> dict:
    """Browser context options that keep every request on ORIGIN's host: any other host goes to a
    proxy that is not there and fails at once. (A Python route handler does the same but turns the
    HTTP cache off and costs a round trip per request: pages loaded several times slower.)"""
    return {"proxy": {"server": "http://127.0.0.1:9", "bypass": urlsplit(origin).hostname}}


@pytest.fixture(scope="session")
def site_server(demo_build) -> Iterator[str]:
    """The demo build (`demo_build.out`) served over HTTP; yields the origin."""
    with serve_folder(demo_build.out) as origin:
        yield origin


@pytest.fixture(scope="session")
def _playwright(request: pytest.FixtureRequest):
    """One Playwright driver per session: pytest-playwright's when that plugin is installed (two sync
    drivers cannot run in one thread), else our own."""
    if request.config.pluginmanager.hasplugin("playwright"):
        yield request.getfixturevalue("playwright")
        return
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(request: pytest.FixtureRequest):
    """Debian's Chromium, headless (overrides pytest-playwright's `browser`, which would want its own download)."""
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        pytest.fail(
            f"{CHROMIUM} is missing: the browser tests drive Debian's Chromium "
            "(install it with `apt-get install chromium`, as the README's test command does; "
            "never `playwright install`).",
            pytrace=False,
        )
    playwright = request.getfixturevalue("_playwright")
    chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
    try:
        yield chromium
    finally:
        chromium.close()


@pytest.fixture
def context(browser):
    """A fresh browser context (own localStorage) with JavaScript on."""
    ctx = browser.new_context(locale="fr-FR")
    ctx.set_default_timeout(10_000)
    try:
        yield ctx
    finally:
        close_quietly(ctx)


def close_quietly(ctx) -> None:
    """Close a context once its pages are still: each leaves for about:blank first, which ends a
    reload or an event stream it was in (Playwright's close has no timeout, and a context closed
    while its page reloaded once held Chromium for ten minutes)."""
    from playwright.sync_api import Error

    for open_page in ctx.pages:
        try:
            open_page.goto("about:blank", timeout=5_000)
        except Error:  # a crashed or closing page: the close below ends it
            pass
    ctx.close()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture
def nojs_page(browser):
    ctx = browser.new_context(java_script_enabled=False, locale="fr-FR")
    ctx.set_default_timeout(10_000)
    try:
        yield ctx.new_page()
    finally:
        close_quietly(ctx)


# --- issue 5: the page sample and the Nu HTML checker's report, shared by several modules --------------


@pytest.fixture(scope="session")
def page_sample(demo_build):
    """One page of each type per site of the demo build (tests/browser/page_types.py)."""
    from .page_types import sample

    return sample(demo_build.out)


@pytest.fixture(scope="session")
def nu_report(demo_build, page_sample, tmp_path_factory):
    """The Nu HTML checker over every page of the sample, plus a canary page with a known error that
    proves, in the same single Java run, that the checker does report errors."""
    from .nu import check_html
    from .page_types import html_file

    canary = tmp_path_factory.mktemp("nu") / "canary.html"
    canary.write_text('<!doctype html><html lang="fr"><head><title>t</title></head>'
                      '<body><p id="x">a</p><p id="x">b</p></body></html>\n', encoding="utf-8")
    files = {html_file(demo_build.out, page).resolve(): page for page in page_sample if page.kind != "search"}
    messages = check_html([*files, canary])
    return {"files": files, "canary": canary.resolve(), "messages": messages}

