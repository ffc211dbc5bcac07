"""Text handed to the engine is inert however the engine prints it (issue 12, findings 1 and 2).

The browser suite (tests/browser/test_hostile_pages.py) proves it on built pages; these
tests pin each escape on its own, read back the way the engine and a browser read it.
"""

from __future__ import annotations

import dataclasses
from html.parser import HTMLParser

import markdown
import pytest
import yaml

from generator.build import load_graph
from generator.pages.config import site_config
from generator.view.site_view import SiteView
from generator.render.engine_text import engine_url, html_text, markdown_text
from tests.conftest import DEMO_NOW, REPO

HOSTILE_TEXT = [
    'Caen " autofocus onfocus="window.__x=1" x="',
    "Caen ' autofocus onfocus='window.__x=1' x='",
    "0;url=https://evil.example/\" http-equiv=\"refresh",
    "Rentrée 2025 [cliquez ici](javascript:window.__x=2)",
    "Rentrée ![x](javascript:window.__x=3) *gras* `code` ~~barré~~ ^^sup^^ ==mark== ++ctrl++",
    "Titre {: onclick=\"window.__x=4\" } et {#id .classe onmouseover=x}",
    "&#106;avascript&colon;window.__x=5 &amp; {{ config }} {% raw %} ${window.__x=6}",
    "Lecture & Cie : « l'été » — 2025-2026 (programme) #1 \\ fin",
]
# What the demo's mkdocs.yml turns on, plus the inline extensions a network may add.
EXTENSIONS = [
    "abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables", "toc",
    "pymdownx.details", "pymdownx.superfences", "pymdownx.tilde", "pymdownx.caret", "pymdownx.mark",
    "pymdownx.keys", "pymdownx.magiclink", "pymdownx.emoji", "pymdownx.betterem", "pymdownx.smartsymbols",
]


class Elements(HTMLParser):
    """Every element of a fragment with its attributes, and its text, as a browser decodes them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text = ""

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text += data


def parsed(fragment: str) -> Elements:
    parser = Elements()
    parser.feed(fragment)
    parser.close()
    return parser


@pytest.mark.parametrize("text", HOSTILE_TEXT)
def test_html_text_stays_one_attribute_and_one_text(text):
    html = f'<a title="{html_text(text)}" aria-label="{html_text(text)}">{html_text(text)}</a>'
    page = parsed(html)
    assert page.elements == [("a", {"title": text, "aria-label": text})]
    assert page.text == text


@pytest.mark.parametrize("text", HOSTILE_TEXT)
def test_markdown_text_shows_literally_as_markdown_and_as_html(text):
    inert = markdown_text(text)
    # As the blog plugin uses it: `# {title}` rendered by Markdown with the site's extensions.
    rendered = parsed(markdown.markdown(f"# {inert}\n\nCorps.", extensions=EXTENSIONS))
    assert [tag for tag, _attrs in rendered.elements] == ["h1", "p"]
    assert set(rendered.elements[0][1]) <= {"id"}
    assert rendered.text.startswith(text)
    # As Material prints it: raw into HTML text and a double-quoted attribute.
    page = parsed(f'<a title="{inert}">{inert}</a>')
    assert page.elements == [("a", {"title": text})] and page.text == text


def test_engine_url_cannot_leave_its_attribute():
    url = engine_url('https://portail.example/"onmouseover=\'x\'/<b>/?a=1&b=%20#top')
    page = parsed(f'<link rel="canonical" href="{url}">')
    assert page.elements == [("link", {"rel": "canonical", "href": url})]
    assert engine_url("https://portail.example/ressources/?a=1&b=%20#top") == (
        "https://portail.example/ressources/?a=1&b=%20#top")  # a checked address is left as it is


def test_site_config_escapes_every_string_material_prints():
    graph = load_graph(REPO)
    site = graph.site("calvados").model_copy(update={
        "name": HOSTILE_TEXT[0], "tagline": HOSTILE_TEXT[2], "contact_email": 'a@b.example" onclick="x'})
    network = graph.network.model_copy(update={"name": 'Réseau " & Cie'})
    graph = dataclasses.replace(graph, network=network)
    view = SiteView.build(graph, site, DEMO_NOW)
    config = yaml.safe_load(site_config({}, view, has_logo=False))
    assert config["site_name"] == html_text(HOSTILE_TEXT[0])
    assert config["site_description"] == html_text(HOSTILE_TEXT[2])
    assert config["copyright"] == html_text('Réseau " & Cie — a@b.example" onclick="x')
    assert config["site_url"] == site.url
    labels = [label for item in config["nav"] for label in item]
    assert "Ressources" in labels and all(parsed(label).text == label.replace("&amp;", "&") for label in labels)


def test_sanitized_html_stays_as_it_is_when_the_engine_reads_it_as_markdown():
    """An editor's Markdown field, rendered and sanitized, goes into a page the engine renders
    again: text nh3 left outside any element must not become Markdown there (a hostile
    `<details>` swallowed the rest of a group's description, whose links turned live)."""
    from generator.render.engine_text import markdown_inert_html
    from generator.render.markdown import markdown_html

    field = '<details open ontoggle="x">a</details><body onload="x">\n\n[lien](javascript:window.__x=4)\n\n*fin*'
    sanitized = markdown_html(field)
    page = "<h1>Titre</h1>\n\n" + str(markdown_inert_html(sanitized)) + "\n"
    rendered = parsed(markdown.markdown(page, extensions=EXTENSIONS))
    assert all(attrs.get("href") is None for _tag, attrs in rendered.elements)
    assert "[lien](javascript:window.__x=4)" in rendered.text
    assert parsed(markdown_inert_html(sanitized)).text == parsed(sanitized).text  # the same text in a browser
    assert markdown_inert_html('<a href="https://x.example/?a=1&amp;b=[2]" title="a>b">[x]</a>') == (
        '<a href="https://x.example/?a=1&amp;b=[2]" title="a>b">&#91;x&#93;</a>')  # tags untouched


def test_the_projects_extra_values_are_escaped_but_those_material_prints_as_json():
    graph = load_graph(REPO)
    view = SiteView.build(graph, graph.site("calvados"), DEMO_NOW)
    base = {"extra": {
        "generator": False,
        "status": {"new": '" onmouseover="window.__x=1'},
        "consent": {"title": "<img src=x onerror=window.__x=1>", "actions": ["accept"]},
        "annotate": {"json": [".s > .p"]},
    }}
    extra = yaml.safe_load(site_config(base, view, has_logo=False))["extra"]
    assert extra["generator"] is False
    assert extra["status"]["new"] == html_text('" onmouseover="window.__x=1')
    assert extra["consent"] == {"title": "&lt;img src=x onerror=window.__x=1&gt;", "actions": ["accept"]}
    assert extra["annotate"] == {"json": [".s > .p"]}  # printed through tojson, which escapes it
    assert set(extra["bibnum"]) >= {"site", "csp", "search", "feeds"}
