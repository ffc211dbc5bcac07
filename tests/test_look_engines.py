"""The shared look (generator/look/) reads the same on mkdocs-material and Zensical (issue 14).

A small network's generated work trees (fake engine: no HTML) are rendered by each engine that is
installed, straight from their command line, and the pages are read: the header's search box,
the theme's variant, the French blog dates, no link to an RSS plugin's feeds. The templates are
also checked for what Zensical's minijinja cannot run (Python's string methods), and the CSP for
the engine's inline scripts.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from xml.etree import ElementTree

import jinja2
import pytest

from generator.build import build
from generator.i18n import day_date
from generator.load.engine_config import SHARED_LOOK
from generator.pages.csp import engine_script_hashes, script_hash
from tests.conftest import DEMO_NOW, small_network
from tests.fake_engine import FakeEngine

ENGINES = [name for name in ("mkdocs", "zensical") if importlib.util.find_spec(name) is not None]
ENGLISH_MONTHS = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|"
                            r"December) \d{1,2}, \d{4}")
# Python's str methods, which Jinja2 lets templates call and minijinja does not have.
STRING_METHOD = re.compile(r"\.(endswith|startswith|split|rsplit|splitlines|format|strip|lstrip|rstrip|lower|upper|"
                           r"title|capitalize|join|count|find|rfind|index|isdigit|zfill|partition)\(")


def _templates() -> list[Path]:
    return sorted(path for path in SHARED_LOOK.rglob("*") if path.suffix in (".html", ".xml")
                  and ".icons" not in path.parts and "assets" not in path.parts)


@pytest.fixture(scope="module")
def work_trees(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small network's generated engine projects, one folder per site (no engine run)."""
    root = small_network(tmp_path_factory.mktemp("look") / "reseau")
    build(root, out=root / "site", now=DEMO_NOW, engine=FakeEngine())
    return root / ".bibnum" / "work"


def _render(engine: str, work: Path, into: Path) -> Path:
    """SITE's work tree rendered by ENGINE's own command line; returns the HTML folder."""
    project = into / f"{engine}-{work.name}"
    shutil.copytree(work, project)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1795000000"}
    if engine == "mkdocs":
        command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.yml", "-d", "site"]
    else:
        command = [sys.executable, "-m", "zensical", "build", "-f", "mkdocs.yml"]  # output: site/, inside
    done = subprocess.run(command, cwd=project, capture_output=True, text=True, env=env, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return project / "site"


@pytest.fixture(scope="module")
def render(work_trees: Path, tmp_path_factory: pytest.TempPathFactory):
    """render(engine) -> {site: its HTML folder}, each engine run once for the module."""
    done: dict[str, dict[str, Path]] = {}

    def rendered_by(engine: str) -> dict[str, Path]:
        if engine not in done:
            into = tmp_path_factory.mktemp(engine)
            done[engine] = {site: _render(engine, work_trees / site, into) for site in ("portail", "pro")}
        return done[engine]
    return rendered_by


@pytest.fixture(scope="module", params=ENGINES)
def rendered(request: pytest.FixtureRequest, render):
    return render(request.param)


@pytest.mark.parametrize("template", _templates(), ids=lambda path: path.relative_to(SHARED_LOOK).as_posix())
def test_templates_use_only_what_jinja2_and_minijinja_both_run(template: Path):
    source = template.read_text(encoding="utf-8")
    jinja2.Environment().parse(source)  # Jinja2 (MkDocs) parses it
    code = " ".join(re.findall(r"\{\{.*?\}\}|\{%.*?%\}", source, re.S))  # what runs, not comments or markup
    assert not STRING_METHOD.findall(code), f"{template.name}: Python string methods do not exist in minijinja"


def test_every_page_has_the_header_search_box(rendered):
    for site, html_dir in rendered.items():
        for page in ("index.html", "404.html", "agenda/index.html"):
            html = (html_dir / page).read_text(encoding="utf-8")
            assert 'class="md-search bn-search"' in html, f"{site}/{page}"
            assert 'for="__search"' in html and "data-bn-search-input" in html, f"{site}/{page}"
            assert re.search(r'data-bn-index="[^"]*bn-search/"', html), f"{site}/{page}"


def test_the_look_is_materials_on_every_engine(rendered):
    for site, html_dir in rendered.items():
        html = (html_dir / "index.html").read_text(encoding="utf-8")
        # Zensical's "classic" variant (Material's look); MkDocs has a single main.css.
        assert "stylesheets/modern/" not in html, site
        assert re.search(r'<a [^>]*class="md-header__button md-logo"[^>]*>\s*<img src="[^"]*logo\.svg"', html), site
        assert "assets/bibnum/search.css" in html, site


def test_no_link_to_an_rss_plugins_feeds(rendered):
    for site, html_dir in rendered.items():
        html = (html_dir / "index.html").read_text(encoding="utf-8")
        assert "feed_rss_created.xml" not in html, site  # Zensical lists an empty "rss" plugin on every site
        assert re.search(r'<link rel="alternate" type="application(/|&#x2f;)rss\+xml"', html), site  # bibnum's own


def test_blog_dates_are_french(rendered):
    expected = day_date(DEMO_NOW)  # the scaffold's post and news item are dated on its day
    for site, blog in (("pro", "blog"), ("portail", "actualites")):
        html_dir = rendered[site]
        posts = [p for p in (html_dir / blog).glob("*/index.html") if p.parent.name not in ("archive", "category")]
        assert posts, f"{site}: no post page"
        for page in [html_dir / blog / "index.html", *posts]:
            html = page.read_text(encoding="utf-8")
            assert re.search(rf"<time [^>]*>\s*{expected}\s*</time>", html), page
            assert not ENGLISH_MONTHS.search(html), page


def test_the_404_page_is_french_and_leads_home(rendered):
    for site, html_dir in rendered.items():
        html = (html_dir / "404.html").read_text(encoding="utf-8")
        assert "Not found" not in html, site
        assert "<h1>Page introuvable</h1>" in html, site
        # Absolute from the site's URL (https://v.example.org/<site>/) on both engines: it works at every depth.
        assert re.search(rf'<a href="/{site}/\.?">Retour à l(&#39;|&#x27;)accueil</a>', html), site
        assert re.search(rf'<link rel="stylesheet" href="/{site}/assets/bibnum/search.css">', html), site


def test_the_sitemap_lists_each_page_once_sorted_without_lastmod(rendered):
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    for site, html_dir in rendered.items():
        tree = ElementTree.parse(html_dir / "sitemap.xml")
        urls = [loc.text for loc in tree.iter(f"{namespace}loc")]
        assert urls == sorted(set(urls)) and f"https://v.example.org/{site}/" in urls, site
        assert not list(tree.iter(f"{namespace}lastmod")), site


@pytest.mark.skipif(len(ENGINES) < 2, reason="needs both mkdocs and zensical")
def test_the_sitemap_is_the_same_on_both_engines(render):
    mkdocs, zensical = render("mkdocs"), render("zensical")
    for site in ("portail", "pro"):
        assert (mkdocs[site] / "sitemap.xml").read_bytes() == (zensical[site] / "sitemap.xml").read_bytes(), site


def test_french_day_dates():
    assert day_date(date(2026, 10, 1)) == "1er octobre 2026"
    assert day_date(datetime(2025, 9, 15, 18, 30)) == "15 septembre 2025"


@pytest.mark.skipif(importlib.util.find_spec("zensical") is None, reason="Zensical is not installed")
def test_the_csp_allows_zensicals_fixed_inline_scripts():
    import zensical

    partials = Path(zensical.__file__).parent / "templates" / "partials" / "javascripts"
    scripts = [text for path in sorted(partials.glob("*.html"))
               for text in re.findall(r"<script>(.*?)</script>", path.read_text(encoding="utf-8"), re.S)
               if "{{" not in text and "{%" not in text]
    assert scripts
    assert {script_hash(text) for text in scripts} <= set(engine_script_hashes())
