"""Hostile editor input, in Chromium (issue 12): nothing an editor writes runs in a reader's browser.

One copy of the demo gets a payload in every free-text field of every data file and front
matter that validation accepts (tests/security/hostile.py: script tags, attribute breaks in
both quote styles, `javascript:` in every encoding, multi-line tags, SVG, meta refresh,
template syntax...). It is built once, for real. EVERY built page is then read statically
for an event handler, a `javascript:` address, a meta refresh or an evaluated template; and
in headless Chromium the test opens the pages that stand for every place a payload reaches
(tests/browser/payload_places.py: each distinct markup around each distinct payload, on
every shape of page; about a third of the pages) and asserts that no payload ran (each would
set window.__x), that no page went anywhere but the local server, and that the DOM holds no
injected event handler, `javascript:` address or meta refresh. What validation refuses is
tested in tests/security/test_check_refuses.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator.build import build
from tests.conftest import DEMO_NOW, copy_project

from .conftest import local_only, serve_folder
from tests.security.hostile import FULL, LEVELS, PLAIN, PLAIN_FAMILIES, SHORT_BREAK, SHORT_LINK, TEMPLATE_RESULT, HostileCopy, hostile_copy

from .payload_places import PageReading, read_page, stand_ins

pytestmark = pytest.mark.browser

# Payload texts that only show as they were written when nothing interpreted them (Markdown links,
# attribute breaks, entities...): the plain families and the short payload's pieces.
LITERALS = [text for _n, text in PLAIN_FAMILIES] + [SHORT_LINK, SHORT_BREAK]

# One pass over the DOM of a loaded page: what an injected payload would have left.
INSPECT = r"""
(template) => {
  const found = [];
  // A URL as the browser reads it: entities are already decoded in attribute values; ASCII
  // whitespace and controls anywhere in it are dropped before the scheme is read.
  const scheme = (value) => value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith("on")) found.push(`${el.tagName} ${name}=${attr.value.slice(0, 60)}`);
      const value = scheme(attr.value);
      if (value.startsWith("javascript:") || value.startsWith("vbscript:") || value.startsWith("data:text/html"))
        found.push(`${el.tagName} ${name}=${attr.value.slice(0, 60)}`);
      if (name === "srcdoc") found.push(`${el.tagName} srcdoc`);
    }
    if (el.tagName === "META" && (el.getAttribute("http-equiv") || "").toLowerCase() === "refresh")
      found.push(`META refresh ${el.getAttribute("content")}`);
    if (["IFRAME", "OBJECT", "EMBED", "BASE", "FORM"].includes(el.tagName) && el.closest(".md-content"))
      if (el.tagName !== "FORM" || !el.matches("[data-bn-filter], [data-bn-chooser-form]"))
        found.push(`${el.tagName} in the content`);
  }
  return {flag: window.__x, found, template: document.documentElement.outerHTML.includes(template)};
}
"""


@pytest.fixture(scope="session", params=["mkdocs-material", "zensical"])
def hostile_build(request, tmp_path_factory) -> tuple[HostileCopy, Path]:
    """The demo with payloads in every field validation accepts, built once for the session by
    the default engine and by Zensical (whose templates print what they are given in their own
    ways: engines/zensical.py; ProperDocs' pages are the default engine's, byte for byte)."""
    root = copy_project(tmp_path_factory.mktemp(f"hostile-{request.param}") / "network")
    copy = hostile_copy(root)
    result = build(root, out=root.parent / "out", now=DEMO_NOW, engine=request.param)
    return copy, result.out


@pytest.fixture(scope="session")
def hostile_server(hostile_build) -> Iterator[str]:
    with serve_folder(hostile_build[1], "bibnum-hostile-http") as origin:
        yield origin


def test_the_payloads_reach_every_kind_of_file(hostile_build):
    """The suite tests what it claims: payloads are in every data file kind and front matter,
    in the fields the engine prints (site name and tagline, post titles, categories, menu labels)."""
    copy, _out = hostile_build
    files = copy.hostile_files()
    for kind in ("data/sites.yml", "data/taxonomy.yml", "data/groups.yml", "data/authors.yml",
                 "data/resources/", "data/libraries/", "data/events/",
                 "content/public/", "content/pro/", "content/blog/posts/", "content/news/"):
        assert any(f.startswith(kind) for f in files), f"no payload accepted in {kind}"
    for site in range(3):
        assert copy.holds("data/sites.yml", "sites", site, "name")
        assert copy.holds("data/sites.yml", "sites", site, "tagline")
    posts = [leaf for leaf in copy.hostile() if leaf.file.startswith("content/blog/posts/")]
    assert {leaf.path[0] for leaf in posts} >= {"title", "categories", "description"}
    # Every field the engine prints: page titles (and so menu labels), event and resource
    # titles, authors' names, blog categories.
    hostile = {(leaf.file.rsplit("/", 1)[0] + "/" if leaf.file.count("/") > 1 else leaf.file, leaf.path[0],
                leaf.path[-1]) for leaf in copy.hostile()}
    for expected in [("content/public/", "title", "title"), ("content/pro/", "title", "title"),
                     ("content/news/", "title", "title"), ("data/events/", "title", "title"),
                     ("data/resources/", "title", "title"), ("data/libraries/", "name", "name"),
                     ("data/authors.yml", "authors", "name"), ("data/groups.yml", "groups", "name")]:
        assert expected in hostile, f"no payload in {expected}"
    assert any(leaf.path[0] == "blog_categories" for leaf in copy.hostile() if leaf.file == "data/taxonomy.yml")
    # Markdown fields take the full payload (markup included): sanitized where they are rendered.
    assert any(leaf.original != FULL and leaf.level == 0 for leaf in copy.hostile())
    # Plain-text fields take both halves of the plain families, so every family reaches them.
    plain = {leaf.half for leaf in copy.hostile() if LEVELS[leaf.level] is PLAIN}
    assert plain == {0, 1}, "the plain families reach no plain-text field"


@pytest.fixture(scope="session")
def hostile_readings(hostile_build) -> dict[str, PageReading]:
    """Every built page of the hostile build, read (site-relative path -> its reading)."""
    _copy, out = hostile_build
    readings = {}
    for path in sorted(out.rglob("*.html")):
        where = path.relative_to(out)
        readings[where.as_posix()] = read_page(path.read_text(encoding="utf-8"), where.parts[0] if len(where.parts) > 1 else "")
    return readings


def test_no_built_page_holds_a_live_payload(hostile_build, hostile_readings):
    """Every page, read as the browser would parse it: no event handler, no `javascript:` (in any
    encoding), no meta refresh, no frame or form injected into the content, no evaluated template."""
    _copy, out = hostile_build
    assert len(hostile_readings) > 100
    problems = [f"{page}: {finding}" for page, reading in hostile_readings.items() for finding in reading.findings]
    problems += [f"{page}: a template payload was evaluated ({TEMPLATE_RESULT} in the page)"
                 for page in hostile_readings if TEMPLATE_RESULT in (out / page).read_text(encoding="utf-8")]
    assert not problems, "\n".join(problems[:40])


def test_the_pages_opened_stand_for_every_place_a_payload_reaches(hostile_readings):
    """The browser's selection cannot silently shrink: it holds every shape of page, every place
    of every page, and every plain family's trace (they reach every site's header)."""
    chosen = stand_ins(hostile_readings)
    covered = {(hostile_readings[page].shape, *place) for page in chosen for place in hostile_readings[page].places}
    for page, reading in hostile_readings.items():
        assert {(reading.shape, *place) for place in reading.places} <= covered, f"{page} has a place no page stands for"
    assert {r.shape for r in hostile_readings.values()} == {hostile_readings[page].shape for page in chosen}
    seen = set().union(*(trace for page in chosen for *_where, trace in hostile_readings[page].places))
    assert {f"__x={number}" for number, text in PLAIN_FAMILIES if "__x" in text} <= seen
    assert {"evil.example", "12345*9", "piégé"} <= seen
    assert {page.split("/")[0] for page in chosen} >= {"calvados", "caen", "pro"}


def test_no_payload_runs_in_the_pages_that_stand_for_every_place(hostile_build, hostile_readings, hostile_server,
                                                                  browser):
    _copy, out = hostile_build
    pages = stand_ins(hostile_readings)
    origin = urlsplit(hostile_server)
    # Every request is recorded; one to another host would fail (local_only).
    context = browser.new_context(locale="fr-FR", **local_only(hostile_server))
    context.set_default_timeout(10_000)
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    navigated: list[str] = []
    page.on("framenavigated", lambda frame: navigated.append(frame.url))
    problems = []
    try:
        for where in pages:
            navigated.clear()
            page.goto(f"{hostile_server}/{where}", wait_until="load")
            page.wait_for_timeout(20)  # a meta refresh of 0 s or a timer would have fired by now
            seen = page.evaluate(INSPECT, TEMPLATE_RESULT)
            if seen["flag"] is not None:
                problems.append(f"{where}: a payload ran (window.__x = {seen['flag']})")
            problems += [f"{where}: {item}" for item in seen["found"]]
            away = [u for u in navigated if urlsplit(u).netloc != origin.netloc and u != "about:blank"]
            if away or urlsplit(page.url).netloc != origin.netloc:
                problems.append(f"{where}: navigated to {away or page.url}")
            if seen["template"]:
                problems.append(f"{where}: a template payload was evaluated ({TEMPLATE_RESULT} in the page)")
    finally:
        context.close()
    left = sorted({u for u in requested if urlsplit(u).scheme not in ("data", "blob")
                   and (urlsplit(u).hostname, urlsplit(u).port) != (origin.hostname, origin.port)})
    assert requested, "no request was recorded: did the pages load?"
    assert not left, f"requests left the local server: {left[:10]}"
    assert not problems, "\n".join(problems[:40])


def test_hostile_titles_show_literally(hostile_build, hostile_server, page):
    """Finding 2: a post title with a Markdown link is text on the blog index, a category and
    the archive, and on the post itself; the site's name is text in the header."""
    _copy, out = hostile_build
    blog = out / "pro" / "blog"
    listings = [blog / "index.html", *sorted((blog / "category").glob("*/index.html"))[:1],
                *sorted((blog / "archive").glob("*/index.html"))[:1]]
    post = next(p for p in sorted(blog.glob("*/index.html")) if p.parent.name not in {"category", "archive", "page"})
    assert len(listings) == 3
    for path in [*listings, post]:
        page.goto(f"{hostile_server}/{path.relative_to(out).as_posix()}")
        headings = page.locator(".md-content h1, .md-content h2").all_inner_texts()
        assert any(literal in h for h in headings for literal in LITERALS), (path, headings)
        assert page.locator(".md-content a").evaluate_all(
            "links => links.filter(a => a.protocol === 'javascript:').length") == 0
    assert any(literal in page.locator(".md-header__topic").first.inner_text() for literal in LITERALS)
    # The site's name, escaped once: the same text in the header, the logo's name and its tooltip.
    name = page.locator(".md-header__topic").first.inner_text().strip()
    for logo in page.locator("a.md-logo").all():
        assert logo.get_attribute("title") == logo.get_attribute("aria-label") == name
    assert any(literal in name for literal in LITERALS if '"' in literal) and "&quot;" not in name
