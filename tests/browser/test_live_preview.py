"""`bibnum serve` in Chromium (issue 18): an open page follows the editor's saves by itself, and
shows their mistakes in a banner while the last good build stays; a published build holds none of it.

One real `bibnum serve` of a small network (`bibnum new`'s, its portal only, the real engine) for
the module; each test leaves the resource's file valid again.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import REPO, small_network
from tests.test_serve import fetch, free_port, server_log, wait_for

from .axe import allowlist, run_axe, unexplained

pytestmark = [pytest.mark.browser, pytest.mark.e2e]

TODAY = "2026-11-21T10:00"
SITE, RESOURCE = "portail", "gallica"
# Before any script of the page: every Content-Security-Policy violation, kept for the test.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push({directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample});
});
"""
HOSTILE = "<img src=x onerror=window.__pwned=1>"
BANNER = "aside.bibnum-preview"


class Preview:
    def __init__(self, project: Path, origin: str, proc: subprocess.Popen, log: Path):
        self.project, self.origin, self.proc, self.log = project, origin, proc, log
        self.source = project / "data" / "resources" / f"{RESOURCE}.yml"
        self.good = self.source.read_text(encoding="utf-8")
        self.page = f"{origin}/{SITE}/ressources/{RESOURCE}/"

    def save(self, text: str) -> None:
        self.source.write_text(text, encoding="utf-8")

    def titled(self, title: str) -> str:
        assert self.good.count("title: Gallica\n") == 1
        return self.good.replace("title: Gallica\n", f"title: {title}\n")

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def wait_for_log(self, text: str, after: int) -> None:
        """Until the server prints TEXT after the first AFTER characters of its output."""
        wait_for(lambda: text in self.output()[after:], 60, f"« {text} » in the server's output", self.proc, self.log)

    def log_length(self) -> int:
        return len(self.output())


@pytest.fixture(scope="module")
def preview(tmp_path_factory) -> Preview:
    """`bibnum serve` of a small network; stopped with Ctrl+C (SIGINT) at the end, which must stop it
    at once although pages held event streams open."""
    root = tmp_path_factory.mktemp("live")
    project = small_network(root / "network")
    port, log = free_port(), root / "serve.log"
    with log.open("w", encoding="utf-8") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "generator.cli", "serve", str(project), "--site", SITE, "--port", str(port),
             "--today", TODAY],
            cwd=REPO, env={**os.environ, "PYTHONUNBUFFERED": "1"}, stdout=out, stderr=subprocess.STDOUT)
    origin = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: fetch(f"{origin}/{SITE}/")[0] == 200, 90, "the preview to answer", proc, log)
        yield Preview(project, origin, proc, log)
        # A page's event stream is open while Ctrl+C comes.
        with urllib.request.urlopen(f"{origin}/__bibnum__/events", timeout=5) as stream:  # noqa: S310 (localhost)
            assert stream.readline() == b"retry: 1000\n"
            proc.send_signal(signal.SIGINT)
            try:
                assert proc.wait(timeout=5) == 0, server_log(log)
            except subprocess.TimeoutExpired:
                pytest.fail(f"Ctrl+C did not stop bibnum serve within 5 s:\n{server_log(log)}")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)


def leave(page) -> None:
    """Before a test restores the resource's file: the page leaves for about:blank (its event stream
    and any reload it started end) and closes. The save would reload it, and a context closed while
    its page reloaded once held Chromium's close for ten minutes."""
    page.goto("about:blank")
    page.close()


def open_page(context, url: str):
    page = context.new_page()
    page.add_init_script(RECORD_VIOLATIONS)
    page.set_viewport_size({"width": 800, "height": 360})
    page.goto(url)
    return page


def test_a_save_shows_in_the_open_page_and_a_mistake_in_a_banner(preview: Preview, context):
    page = open_page(context, preview.page)
    assert page.locator("h1").first.inner_text() == "Gallica"
    page.evaluate("() => { window.scrollTo(0, 200); window.__sameDocument = true; }")
    scrolled = page.evaluate("() => window.scrollY")
    assert scrolled > 0

    # A save: the page reloads itself (the test never navigates) and keeps its scroll position.
    preview.save(preview.titled("Gallica, la bibliothèque numérique"))
    page.wait_for_function("() => document.querySelector('h1')?.textContent.trim() === "
                           "'Gallica, la bibliothèque numérique'", timeout=60_000)
    assert page.evaluate("() => window.__sameDocument") is None  # reloaded by itself
    page.wait_for_function(f"() => window.scrollY === {scrolled}")

    # A mistake: the banner lists it with its file and line; the last good page stays.
    logged = preview.log_length()
    titled = preview.titled("Gallica, la bibliothèque numérique")
    broken = titled.replace("provider: Bibliothèque nationale de France\n",
                            "provider: Bibliothèque: nationale: de France\n")  # a value with « : » unquoted
    assert broken != titled
    preview.save(broken)
    banner = page.locator(BANNER)
    banner.wait_for(timeout=60_000)
    line = broken.splitlines().index("provider: Bibliothèque: nationale: de France") + 1
    text = banner.inner_text()
    assert f"data/resources/{RESOURCE}.yml:{line}:23: YAML invalide" in text, text
    assert "doit être entre guillemets" in text and "dernière construction réussie" in text
    assert banner.get_by_role("alert").count() == 1
    assert page.locator("h1").first.inner_text() == "Gallica, la bibliothèque numérique"
    preview.wait_for_log("l'aperçu garde la dernière construction réussie", logged)
    result = run_axe(page)
    assert unexplained(result, allowlist()["axe"]) == []

    # Fixed: the banner goes by itself, and the page shows the fix.
    preview.save(preview.titled("Gallica (BnF)"))
    page.wait_for_function("() => document.querySelector('h1')?.textContent.trim() === 'Gallica (BnF)'",
                           timeout=60_000)
    assert banner.count() == 0
    assert page.evaluate("() => window.__violations") == []
    leave(page)
    preview.save(preview.good)


def test_a_page_opened_while_invalid_shows_the_hostile_message_as_text(preview: Preview, context):
    logged = preview.log_length()
    hostile = preview.good.replace("category: livres-numeriques\n", f'category: "{HOSTILE}"\n')
    assert hostile != preview.good
    preview.save(hostile)
    preview.wait_for_log("l'aperçu garde la dernière construction réussie", logged)

    page = open_page(context, preview.page)
    banner = page.locator(BANNER)
    banner.wait_for()  # at once: the stream's first event carries the mistakes
    assert HOSTILE in banner.inner_text()
    assert banner.locator("img").count() == 0 and page.locator("img[src=x]").count() == 0
    assert page.evaluate("() => window.__pwned") is None
    assert page.evaluate("() => window.__violations") == []

    # Dismissed with Escape, and with its button after a reload.
    page.keyboard.press("Escape")
    assert banner.count() == 0
    page.reload()
    banner.wait_for()
    button = banner.get_by_role("button", name="Masquer")
    button.focus()
    page.keyboard.press("Enter")
    assert banner.count() == 0

    leave(page)
    logged = preview.log_length()
    preview.save(preview.good)
    preview.wait_for_log("prêt :", logged)


# The page as a tab in the background (hidden: true) or in front again.
SET_HIDDEN = """hidden => {
  Object.defineProperty(document, "hidden", {configurable: true, get: () => hidden});
  document.dispatchEvent(new Event("visibilitychange"));
}"""


def test_a_tab_in_the_background_catches_up_when_shown(preview: Preview, context):
    page = open_page(context, preview.page)
    page.evaluate(SET_HIDDEN, True)  # its event stream is let go
    logged = preview.log_length()
    preview.save(preview.titled("Gallica, vue de l'arrière-plan"))
    preview.wait_for_log("reconstruit en", logged)
    page.wait_for_timeout(500)  # a page still following would be reloading by now
    assert page.locator("h1").first.inner_text() == "Gallica"  # no stream, no reload
    page.evaluate(SET_HIDDEN, False)  # in front: the stream's first event says its site was rebuilt
    page.wait_for_function("() => document.querySelector('h1')?.textContent.trim() === 'Gallica, vue de "
                           "l\\'arrière-plan'")
    leave(page)
    logged = preview.log_length()
    preview.save(preview.good)
    preview.wait_for_log("reconstruit en", logged)


def test_a_page_whose_file_is_removed_shows_the_404_page_then_comes_back(preview: Preview, context):
    source = preview.project / "content" / "public" / "a-propos.md"
    text = source.read_text(encoding="utf-8")
    url = f"{preview.origin}/{SITE}/a-propos/"
    page = open_page(context, url)
    title = page.locator("h1").first.inner_text()
    assert title == "À propos du réseau"
    source.unlink()
    page.wait_for_function("() => document.querySelector('h1')?.textContent.trim() === 'Page introuvable'",
                           timeout=60_000)
    assert page.url == url  # the site's 404 page, at the page's own address
    source.write_text(text, encoding="utf-8")  # back: the 404 page follows its site, and reloads
    page.wait_for_function("t => document.querySelector('h1')?.textContent.trim() === t", arg=title, timeout=60_000)
    assert page.evaluate("() => window.__violations") == []
    leave(page)


def test_a_published_build_holds_none_of_the_preview(tmp_path: Path):
    project = small_network(tmp_path / "network")
    out = tmp_path / "site"
    done = subprocess.run([sys.executable, "-m", "generator.cli", "build", str(project), "--site", SITE,
                           "--out", str(out), "--today", TODAY], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    files = [p for p in out.rglob("*") if p.is_file()]
    assert any(p.name == "index.html" for p in files)
    holding = [p for p in files if b"__bibnum__" in p.read_bytes() or b"bibnum-preview" in p.read_bytes()]
    assert holding == []
