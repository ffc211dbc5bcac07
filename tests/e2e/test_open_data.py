"""End to end: every published data file of the demo build exists, parses back, and is linked.

Uses the session's `demo_build`; what each site should publish comes from the
model (`data_files(view)`), never from the built tree itself.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

import feedparser
import pymarc
import pytest
from icalendar import Calendar
from jsonschema import Draft202012Validator, FormatChecker

from generator.outputs import data_files
from generator.outputs import locations as loc
from generator.outputs.jsonld import event_data, library_data
from generator.outputs.marc import FLAVOURS, kbart_path, marc_path, title_links
from generator.view import paths
from tests.e2e.helpers import ALL_SITES, PUBLIC_SITES, parse, resolve

pytestmark = pytest.mark.e2e

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def site_dir(demo_build, site_id: str) -> Path:
    path = (demo_build.out / site_id).resolve()
    assert path.is_dir(), f"site {site_id} was not built"
    return path


def built_page(root: Path, doc_path: str) -> Path:
    return root / paths.url_of(doc_path) / "index.html"


def urls_in(value) -> list[str]:
    """Every string value of a JSON document held under a key naming an address."""
    found = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, str) and (key in {"url", "schema", "ics", "rss", "atom", "opds", "next", "previous",
                                                  "resource_url", "website", "online_url", "registration_url"}):
                found.append(item)
            else:
                found.extend(urls_in(item))
    elif isinstance(value, list):
        for item in value:
            found.extend(urls_in(item))
    return found


@pytest.fixture(scope="module")
def outputs(views):
    """{site: {docs path: content}} as the generator publishes them."""
    return {site: data_files(view) for site, view in views.items()}


@pytest.mark.parametrize("site_id", ALL_SITES)
def test_every_data_file_is_published_as_generated(demo_build, outputs, site_id):
    root = site_dir(demo_build, site_id)
    assert outputs[site_id], "a site publishes no data"
    for path, content in outputs[site_id].items():
        built = root / path
        assert built.is_file(), f"{site_id}: {path} was not published"
        expected = content.encode("utf-8") if isinstance(content, str) else content
        assert built.read_bytes() == expected, f"{site_id}: {path} was changed on the way"


@pytest.mark.parametrize("site_id", ALL_SITES)
def test_json_documents_validate_against_their_published_schema(demo_build, graph, site_id):
    root = site_dir(demo_build, site_id)
    site = graph.site(site_id)
    documents = sorted((root / "api" / "v1").glob("*.json")) + sorted((root / "api" / "v1" / "titles").glob("*.json"))
    names = {p.name for p in documents}
    assert {"events.json", "libraries.json"} <= names
    if site.kind == "public":
        assert {"resources.json", "titles.json"} <= names
    for path in documents:
        document = json.loads(path.read_text(encoding="utf-8"))
        assert document["schema"].startswith(site.url + "api/v1/schema/")
        schema_file = root / document["schema"].removeprefix(site.url)
        schema = json.loads(schema_file.read_text(encoding="utf-8"))
        errors = list(Draft202012Validator(schema, format_checker=FormatChecker()).iter_errors(document))
        assert not errors, f"{path}: {errors[0].message}"
        for url in urls_in(document):
            if url:
                assert url.startswith("https://"), f"{path}: {url!r} is not an absolute https address"
        assert re.fullmatch(r"2026-11-21T00:00:00\+01:00", document["generated"])  # the build's day


@pytest.mark.parametrize("site_id", PUBLIC_SITES)
def test_json_matches_the_model(demo_build, views, graph, site_id):
    root = site_dir(demo_build, site_id)
    view = views[site_id]
    resources = json.loads((root / loc.RESOURCES_JSON).read_text(encoding="utf-8"))["resources"]
    assert [r["id"] for r in resources] == [r.id for r in view.resources]
    for record in resources:
        assert record["access"]["url"] == view.links[record["id"]].url
        page = resolve(root, root / "index.html", record["url"].removeprefix(view.site.url))
        assert page.is_file()
    events = json.loads((root / loc.EVENTS_JSON).read_text(encoding="utf-8"))["events"]
    assert sorted(e["id"] for e in events) == sorted(ev.id for ev in view.events)
    titles = json.loads((root / loc.TITLES_JSON).read_text(encoding="utf-8"))
    expected = sum(len(graph.titles.get(r.id, ())) for r in view.resources)
    assert titles["count"] == expected


@pytest.mark.parametrize("site_id", ALL_SITES)
def test_feeds_parse_back_without_errors(demo_build, views, site_id):
    root = site_dir(demo_build, site_id)
    view = views[site_id]
    feeds = [p for p in root.rglob("*") if p.suffix in {".atom"} or (p.suffix == ".xml" and p.name != "sitemap.xml")]
    assert len(feeds) >= 2
    for path in feeds:
        parsed = feedparser.parse(path.read_bytes())
        assert parsed.bozo == 0, f"{path}: {parsed.get('bozo_exception')}"
    main = loc.NEWS_ATOM if view.site.kind == "public" else loc.BLOG_ATOM
    entries = feedparser.parse((root / main).read_bytes()).entries
    published = [p for p in view.posts if not p.meta.draft]
    assert sorted(e.link for e in entries) == sorted(
        view.site.url + f"{'actualites' if view.site.kind == 'public' else 'blog'}/{p.id}/" for p in published)
    for entry in entries:  # every entry leads to a built post page
        assert resolve(root, root / "index.html", entry.link.removeprefix(view.site.url)).is_file()


def test_drafts_never_reach_the_blog_feed(demo_build, graph):
    drafts = [p for p in graph.posts if p.kind == "blog" and p.meta.draft]
    assert drafts, "the demo should hold a draft to prove this"
    for path in (loc.BLOG_RSS, loc.BLOG_ATOM):
        text = (site_dir(demo_build, "pro") / path).read_text(encoding="utf-8")
        for draft in drafts:
            assert draft.id not in text and draft.meta.title not in text


@pytest.mark.parametrize("site_id", PUBLIC_SITES)
def test_new_titles_feeds_for_every_resource_with_titles(demo_build, views, graph, site_id):
    root = site_dir(demo_build, site_id)
    for res in views[site_id].resources:
        titles = graph.titles.get(res.id, ())
        for path in (loc.new_titles_rss(res.id), loc.new_titles_atom(res.id), loc.opds_titles(res.id)):
            assert (root / path).is_file() == bool(titles), f"{site_id}: {path}"
        if titles:
            feed = feedparser.parse((root / loc.new_titles_atom(res.id)).read_bytes())
            assert len(feed.entries) == min(len(titles), 50)
            head = parse(built_page(root, paths.resource(res.id))).head
            assert head.find("link", rel="alternate", href="nouveautes.atom") is not None


@pytest.mark.parametrize("site_id", PUBLIC_SITES)
def test_opds_catalogue_links_resolve(demo_build, views, site_id):
    root = site_dir(demo_build, site_id)
    site_url = views[site_id].site.url
    seen, queue = set(), [loc.OPDS_ROOT]
    while queue:
        path = queue.pop()
        if path in seen:
            continue
        seen.add(path)
        feed = feedparser.parse((root / path).read_bytes())
        assert feed.bozo == 0, path
        for link in feed.feed.get("links", []) + [lk for e in feed.entries for lk in e.get("links", [])]:
            if "profile=opds-catalog" in link.get("type", ""):
                target = link["href"].removeprefix(site_url)
                assert (root / target).is_file(), f"{path} links to missing {link['href']}"
                queue.append(target)
    rels = {lk["rel"] for lk in feedparser.parse((root / loc.OPDS_ROOT).read_bytes()).feed.links}
    assert {"self", "start", "http://opds-spec.org/sort/new", "http://opds-spec.org/featured"} <= rels
    assert {loc.OPDS_RESOURCES, loc.OPDS_NEW, loc.OPDS_FEATURED} <= seen


@pytest.mark.parametrize("site_id", ALL_SITES)
def test_calendars_parse_back(demo_build, views, site_id):
    root = site_dir(demo_build, site_id)
    data = (root / paths.AGENDA_ICS).read_bytes()
    calendar = Calendar.from_ical(data)
    assert len(calendar.walk("VEVENT")) == len(views[site_id].events)
    assert calendar.walk("VTIMEZONE")
    lines = data.split(b"\r\n")
    assert lines[-1] == b"" and all(b"\n" not in line for line in lines)  # CRLF only
    assert all(len(line) <= 75 for line in lines)  # folded at 75 octets (RFC 5545 §3.1)
    assert all(v.get("DTSTAMP") and v.get("UID") for v in calendar.walk("VEVENT"))


@pytest.mark.parametrize("site_id", ALL_SITES)
def test_event_pages_carry_their_json_ld(demo_build, views, site_id):
    root = site_dir(demo_build, site_id)
    view = views[site_id]
    for ev in view.events:
        scripts = parse(built_page(root, paths.event(ev.id))).find_all("script", type="application/ld+json")
        assert len(scripts) == 1, f"{ev.id}: {len(scripts)} JSON-LD blocks"
        assert json.loads(scripts[0].string) == event_data(view, ev)


@pytest.mark.parametrize("site_id", PUBLIC_SITES)
def test_library_pages_carry_their_json_ld(demo_build, views, site_id):
    root = site_dir(demo_build, site_id)
    view = views[site_id]
    for lib in view.libraries:
        scripts = parse(built_page(root, paths.library(lib.id))).find_all("script", type="application/ld+json")
        assert len(scripts) == 1
        data = json.loads(scripts[0].string)
        assert data == library_data(view, lib)
        assert data["@type"] == "Library" and data["address"]["@type"] == "PostalAddress"


@pytest.mark.parametrize("site_id", ALL_SITES)
def test_sitemap_lists_every_resource_event_and_library_page(demo_build, views, site_id):
    root = site_dir(demo_build, site_id)
    view = views[site_id]
    tree = ElementTree.parse(root / "sitemap.xml")
    listed = {element.text.strip() for element in tree.iter(f"{SITEMAP_NS}loc")}
    expected = {view.site.url + paths.link("event", ev.id) for ev in view.events}
    if view.site.kind == "public":
        expected |= {view.site.url + paths.link("resource", r.id) for r in view.resources}
        expected |= {view.site.url + paths.link("library", lib.id) for lib in view.libraries}
    expected.add(view.site.url + paths.url_of(paths.OPEN_DATA))
    assert expected <= listed, sorted(expected - listed)[:5]


@pytest.mark.parametrize("site_id", ALL_SITES)
def test_open_data_page_is_in_the_nav_and_its_links_resolve(demo_build, graph, site_id):
    root = site_dir(demo_build, site_id)
    page = built_page(root, paths.OPEN_DATA)
    soup = parse(page)
    nav_labels = [a.get_text(" ", strip=True) for a in soup.select(".md-tabs a")]
    assert "Données ouvertes" in nav_labels
    article = soup.select_one("article")
    sites_by_url = {s.url: s.id for s in graph.sites}
    checked = 0
    for anchor in article.find_all("a", href=True):
        href = anchor["href"]
        if href.startswith("#"):
            continue
        if urlsplit(href).scheme:
            owner = next((url for url in sites_by_url if href.startswith(url)), None)
            if owner is None:
                continue  # the licence's own page
            target = resolve(site_dir(demo_build, sites_by_url[owner]), site_dir(demo_build, sites_by_url[owner]) / "index.html",
                             href.removeprefix(owner))
        else:
            target = resolve(root, page, href)
        assert target.is_file(), f"{site_id}: {href!r} on the open data page leads nowhere"
        checked += 1
    assert checked >= (15 if graph.site(site_id).kind == "public" else 8)
    assert "Licence Ouverte / Etalab 2.0" in article.get_text()


@pytest.mark.parametrize("site_id", PUBLIC_SITES)
def test_embed_page_shows_the_published_snippet(demo_build, site_id):
    root = site_dir(demo_build, site_id)
    snippet = (root / loc.SNIPPET_HTML).read_text(encoding="utf-8")
    assert "<script" not in snippet and "<iframe" not in snippet
    soup = parse(built_page(root, paths.EMBED))
    shown = soup.select_one("article pre code.language-html")
    assert shown is not None and shown.get_text() == snippet
    assert not soup.select("article .bibnum-ressources")  # shown as code, never rendered as markup


@pytest.mark.parametrize("site_id", ALL_SITES)
def test_every_page_announces_the_sites_feeds(demo_build, site_id):
    root = site_dir(demo_build, site_id)
    head = parse(root / "index.html").head
    types = {link["type"] for link in head.find_all("link", rel="alternate") if link.get("type")}
    assert {"application/rss+xml", "application/atom+xml"} <= types
    for link in head.find_all("link", rel="alternate", type=True):
        assert resolve(root, root / "index.html", link["href"]).is_file()


@pytest.mark.parametrize("site_id", PUBLIC_SITES)
def test_marc_and_kbart_files_read_back_to_the_sites_titles(demo_build, views, site_id):
    """The built MARC files, read with pymarc, hold every title of each resource with its access link."""
    root, view = site_dir(demo_build, site_id), views[site_id]
    assert view.titles, "the demo should hold harvested titles"
    for resource_id, titles in view.titles.items():
        links = title_links(view, resource_id)
        for flavour in FLAVOURS:
            read = [list(pymarc.MARCReader(io.BytesIO((root / marc_path(resource_id, flavour, "mrc")).read_bytes()),
                                           to_unicode=True, force_utf8=True)),
                    pymarc.parse_xml_to_array(str(root / marc_path(resource_id, flavour, "xml")))]
            for records in read:
                assert sorted(r["001"].data for r in records) == sorted(t.id for t in titles), (resource_id, flavour)
                for record in records:
                    assert [f["u"] for f in record.get_fields("856")] == [links[record["001"].data]]
        rows = (root / kbart_path(resource_id)).read_text(encoding="utf-8").splitlines()
        assert len(rows) == len(titles) + 1 and rows[0].startswith("publication_title\t")
