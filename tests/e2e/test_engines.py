"""The demo network on every engine (issue 14): same pages, same data, no broken link, exact edits.

`demo_build` is the default engine's (mkdocs-material); `engine_build(name)` builds the same
sources with each other engine installed in the test environment (the test extra installs them
all). What a reader sees in those pages is tested in Chromium by tests/browser/test_engines.py.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml

from generator.build import build, load_graph
from generator.engines import CLEAN, DIRTY
from generator.linkcheck import check_built_site
from generator.work_tree import WORK
from tests.conftest import DEMO_NOW, OTHER_ENGINES
from tests.e2e.test_incremental import EVENT

pytestmark = pytest.mark.e2e

# The engine's own script and style bundles (their names and contents are the engine's).
ENGINE_ASSETS = ("assets/javascripts/", "assets/stylesheets/")
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def files(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def sitemap_urls(path: Path) -> set[str]:
    return {loc.text for loc in ElementTree.parse(path).getroot().iter(f"{SITEMAP_NS}loc")}


@pytest.mark.parametrize("name", OTHER_ENGINES)
def test_every_engine_builds_the_same_pages_and_the_same_data(demo_build, engine_build, name):
    other = engine_build(name).out
    for site in demo_build.sites:
        default, theirs = files(demo_build.out / site.site), files(other / site.site)
        pages = {path for path in default if path.endswith(".html")}
        assert pages == {path for path in theirs if path.endswith(".html")}, (
            f"{site.site}: pages only one engine makes: {sorted(pages ^ {p for p in theirs if p.endswith('.html')})[:10]}")
        assert len(pages) > 40
        # Everything bibnum writes that is not a page (the JSON API, feeds, calendars, the search index,
        # bibnum's own styles and scripts, the sitemap) is byte for byte the same; the engine's bundles are its own.
        ours = {path for path in default if not path.endswith(".html") and not path.startswith(ENGINE_ASSETS)}
        assert ours == {path for path in theirs if not path.endswith(".html") and not path.startswith(ENGINE_ASSETS)}
        differing = [path for path in sorted(ours) if default[path] != theirs[path]]
        assert not differing, f"{site.site}: {differing[:10]}"
        assert any(path.startswith("bn-search/") for path in ours) and "sitemap.xml.gz" not in ours
        # Pages bibnum writes whole into the work tree, which the engine copies (the web editor, the
        # printable posters): the same bytes on every engine, and not in the sitemap, which lists the
        # engine's pages but the 404.
        docs = demo_build.out.parent / WORK / site.site / "docs"
        standalone = {path for path in pages if (docs / path).is_file()}
        assert {path.split("/")[0] for path in standalone} == ({"admin", "mediation"} if site.site == "pro" else set())
        assert [path for path in sorted(standalone) if default[path] != theirs[path]] == []
        assert len(sitemap_urls(other / site.site / "sitemap.xml")) == len(pages - standalone) - 1


def test_properdocs_pages_are_those_of_mkdocs_byte_for_byte(demo_build, engine_build):
    """ProperDocs is MkDocs' continuation: with the same theme, every file is the same."""
    other = engine_build("properdocs").out
    for site in demo_build.sites:
        default, theirs = files(demo_build.out / site.site), files(other / site.site)
        assert default == theirs, sorted(p for p in default if default[p] != theirs.get(p))[:10]


@pytest.mark.parametrize("name", OTHER_ENGINES)
def test_no_link_of_any_engine_is_broken(engine_build, name):
    result = engine_build(name)
    graph = load_graph(result.out.parent)
    for site in graph.sites:
        checked = check_built_site(graph, site, result.out / site.id, f"{name}/{site.id}")
        assert checked.report.pages > 40 and checked.report.links > 1000
        assert not checked.problems, "\n".join(str(p) for p in checked.problems[:10])


def test_zensical_after_edits_gives_the_bytes_of_a_clean_build(engine_build, tmp_path):
    """Zensical's warm runs (its cache) after an event, a page and a post were edited or removed."""
    source = engine_build("zensical").out.parent
    project = tmp_path / "network"
    shutil.copytree(source, project, symlinks=True)  # with its state: the next build is incremental
    out = project / "site"
    event = project / "data" / "events" / f"{EVENT}.yml"
    data = yaml.safe_load(event.read_text(encoding="utf-8"))
    data["title"] = "Atelier renommé pour l'essai"
    event.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    page = sorted((project / "content" / "public").glob("*.md"))[0]
    page.write_text(page.read_text(encoding="utf-8") + "\nUn paragraphe ajouté.\n", encoding="utf-8")
    sorted((project / "content" / "blog" / "posts").glob("*.md"))[0].unlink()
    result = build(project, out=out, now=DEMO_NOW, engine="zensical")
    modes = {site.site: site.mode for site in result.sites}
    assert DIRTY in modes.values(), modes
    # Zensical writes every page again, but only the files whose bytes changed are published again.
    calvados = next(site for site in result.sites if site.site == "calvados")
    assert calvados.published is not None and 0 < len(calvados.published) < len(files(out / "calvados")) / 4, (
        calvados.published)
    clean = build(project, out=tmp_path / "clean", now=DEMO_NOW, incremental=False, state=".bibnum-clean",
                  engine="zensical")
    assert all(site.mode == CLEAN for site in clean.sites)
    built, expected = files(out), files(tmp_path / "clean")
    assert sorted(built) == sorted(expected), sorted(set(built) ^ set(expected))[:20]
    assert [path for path in built if built[path] != expected[path]] == []
    shown = (out / "calvados" / "evenements" / EVENT / "index.html").read_text(encoding="utf-8")
    assert "Atelier renommé pour l&#39;essai" in shown or "Atelier renommé pour l'essai" in shown


@pytest.mark.parametrize("name", ["mkdocs-material", *OTHER_ENGINES])
def test_post_titles_read_as_written_on_every_engine(demo_build, engine_build, name):
    """A title with Markdown punctuation ('!', ':') shows as written in the listing, on the post's page
    and in its <title>: made inert as Markdown only for an engine that renders it as Markdown."""
    from bs4 import BeautifulSoup

    out = demo_build.out if name == "mkdocs-material" else engine_build(name).out
    graph = load_graph(out.parent)
    posts = [post for post in graph.posts if post.kind == "blog" and not post.meta.draft]
    marked = [post for post in posts if any(char in post.meta.title for char in "!:")]
    assert marked, "the demo has a post title with Markdown punctuation"
    listing = BeautifulSoup((out / "pro" / "blog" / "index.html").read_text(encoding="utf-8"), "html.parser")
    headings = {h.get_text(" ", strip=True) for h in listing.select("article h2")}
    for post in marked:
        page = BeautifulSoup((out / "pro" / "blog" / post.id / "index.html").read_text(encoding="utf-8"),
                             "html.parser")
        assert page.select_one("h1").get_text(" ", strip=True) == post.meta.title
        assert page.title.get_text().startswith(post.meta.title)
    shown = [post.meta.title for post in posts if post.meta.title in headings]
    assert any(title in shown for title in (post.meta.title for post in marked)), sorted(headings)
    assert not [h for h in headings if "&#" in h or "&amp;" in h], headings


@pytest.mark.parametrize("name", ["mkdocs-material", *OTHER_ENGINES])
def test_the_home_page_is_titled_with_the_sites_name_once(demo_build, engine_build, name):
    from bs4 import BeautifulSoup

    out = demo_build.out if name == "mkdocs-material" else engine_build(name).out
    graph = load_graph(out.parent)
    for site in graph.sites:
        def title(path: str) -> str:
            html = (out / site.id / path).read_text(encoding="utf-8")
            return BeautifulSoup(html, "html.parser").title.get_text()

        assert title("index.html") == site.name
        assert title("donnees-ouvertes/index.html").endswith(f" - {site.name}")


@pytest.mark.parametrize("name", ["mkdocs-material", *OTHER_ENGINES])
def test_every_portal_page_links_its_opensearch_description(demo_build, engine_build, name):
    from bs4 import BeautifulSoup

    from generator.search.opensearch import NAMESPACE

    out = demo_build.out if name == "mkdocs-material" else engine_build(name).out
    graph = load_graph(out.parent)
    for site in graph.sites:
        for path in ("index.html", "ressources/prepacode/index.html", "agenda/index.html"):
            page = out / site.id / path
            links = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("link[rel=search]")
            if site.kind != "public":
                assert links == [] and not (out / site.id / "opensearch.xml").exists()
                break
            assert [(link["type"], link["title"]) for link in links] == [
                ("application/opensearchdescription+xml", {"calvados": "Boîte numérique", "caen": "Bibliothèques"}[site.id])]
            assert (page.parent / links[0]["href"]).resolve() == (out / site.id / "opensearch.xml").resolve()
        if site.kind == "public":
            root = ElementTree.parse(out / site.id / "opensearch.xml").getroot()
            assert root.find(f"{{{NAMESPACE}}}Url").get("template") == f"{site.url}?q={{searchTerms}}"
            assert root.find(f"{{{NAMESPACE}}}ShortName").text == links[0]["title"]  # the editors' or the derived one
            assert root.find(f"{{{NAMESPACE}}}Image").text == f"{site.url}assets/bibnum/logo.svg"

