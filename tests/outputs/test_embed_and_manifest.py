"""The embeddable list (plain HTML, no script) and the list of published files the open data page shows."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup

from generator.outputs import data_files
from generator.outputs import locations as loc
from generator.outputs.api import schema_text
from generator.outputs.embed import embed_files, example_record, resource_fields, snippet_html
from generator.outputs.manifest import feed_links, open_data_sections, resource_feed_links
from generator.outputs.records import resource_record
from tests.outputs.conftest import PORTAL_URL, make_view, resource, title


def test_snippet_is_plain_html_with_absolute_links_grouped_by_category():
    view = make_view("portail")
    soup = BeautifulSoup(snippet_html(view), "html.parser")
    assert not soup.find_all(["script", "iframe", "style", "img", "form"])
    assert not any(attr.startswith("on") for tag in soup.find_all(True) for attr in tag.attrs)
    assert [h.get_text() for h in soup.find_all("h3")] == ["Presse", "Livres numériques"]
    hrefs = [a["href"] for a in soup.find_all("a")]
    assert all(href.startswith(PORTAL_URL) for href in hrefs)
    assert PORTAL_URL + "ressources/gallica/" in hrefs
    assert hrefs[-1] == PORTAL_URL + loc.RESOURCES_JSON


def test_snippet_escapes_editors_text():
    hostile = resource("presse-en-ligne", title='Presse & "cie"', summary="Lire & relire « tout ».")
    soup = BeautifulSoup(snippet_html(make_view("portail", resources=[hostile])), "html.parser")
    item = soup.find("li")
    assert item.a.get_text() == 'Presse & "cie"'
    assert "Lire & relire « tout »." in item.get_text()
    assert "&amp;" in snippet_html(make_view("portail", resources=[hostile]))


def test_snippet_file_only_on_public_portals():
    assert set(embed_files(make_view("portail"))) == {loc.SNIPPET_HTML}
    assert embed_files(make_view("pro")) == {}


def test_documented_fields_are_exactly_the_record_fields():
    view = make_view("portail")
    documented = [name for name, meaning in resource_fields() if meaning]
    assert set(documented) == set(resource_record(view, view.resources[0]))
    example = json.loads(example_record(view))
    assert example["id"] == view.resources[0].id
    assert json.loads(schema_text("resources"))["$defs"]["item"]["required"]  # the table reads the real schema


def test_every_site_relative_link_of_the_open_data_page_is_a_published_file():
    for site in ("portail", "pro"):
        view = make_view(site, titles={"gallica": (title("gallica", 1),)})
        published = set(data_files(view)) | {"agenda/agenda.ics", loc.SITEMAP}
        pages = {"bibliotheques/", "agenda/", "integrer/"}
        for section in open_data_sections(view):
            for item in section.items:
                for link in item.links:
                    if link.absolute:
                        assert link.href.startswith("https://")
                    else:
                        assert link.href in published or link.href in pages, (site, link.href)


def test_open_data_page_lists_titles_feeds_and_other_portals():
    view = make_view("portail", titles={"gallica": (title("gallica", 1),)})
    hrefs = {link.href for s in open_data_sections(view) for i in s.items for link in i.links}
    assert {loc.new_titles_rss("gallica"), loc.new_titles_atom("gallica"), loc.OPDS_ROOT, loc.TITLES_JSON} <= hrefs
    pro = make_view("pro")
    pro_hrefs = {link.href for s in open_data_sections(pro) for i in s.items for link in i.links}
    assert {PORTAL_URL + "donnees-ouvertes/", "https://autre.example.org/donnees-ouvertes/"} <= pro_hrefs
    assert loc.RESOURCES_JSON not in pro_hrefs and loc.BLOG_ATOM in pro_hrefs


def test_discovery_links():
    assert [f["href"] for f in feed_links(make_view("portail"))] == [loc.NEWS_RSS, loc.NEWS_ATOM]
    assert [f["href"] for f in feed_links(make_view("pro"))] == [loc.BLOG_RSS, loc.BLOG_ATOM]
    view = make_view("portail", titles={"gallica": (title("gallica", 1),)})
    assert resource_feed_links(view, "presse-en-ligne") == {}
    assert [f["href"] for f in resource_feed_links(view, "gallica")["feeds"]] == [
        loc.new_titles_rss("gallica"), loc.new_titles_atom("gallica")]
