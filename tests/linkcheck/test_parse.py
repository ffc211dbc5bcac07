"""What the link checker reads in a page: anchors, URLs with their positions, access links."""

from __future__ import annotations

from generator.linkcheck.parse import parse_page, stylesheet_links

PAGE = """<!doctype html>
<html><head>
<link rel="stylesheet" href="assets/site.css">
<meta http-equiv="refresh" content="0; url=../moved/">
<script id="__config" type="application/json">{"base": "..", "search": "../assets/search.js"}</script>
</head><body>
<h1 id="titre">Titre</h1><a name="ancien"></a>
<a href="autre/#section">autre</a>
<img src="images/a.png" srcset="images/a-2x.png 2x, images/a-3x.png 3x" alt="">
<a class="md-button" data-bn-access-button href="https://proxy.example.org/login?qurl=x">Accéder</a>
<select><option value="">Choisir</option><option value="ifs" data-href="https://cas.ifs.example.org/cas/login?service=x">Ifs</option></select>
<ul><li><a href="https://proxy.example.org/login?qurl=x" data-library="">Réseau</a></li>
<li><a href="https://cas.ifs.example.org/cas/login?service=x" data-library="ifs">Ifs</a></li></ul>
</body></html>
"""


def test_ids_include_anchor_names():
    assert parse_page(PAGE).ids == {"__config", "titre", "ancien"}


def test_links_with_their_positions():
    facts = parse_page(PAGE)
    found = {(link.url, link.element, link.attribute) for link in facts.links}
    assert ("assets/site.css", "link", "href") in found
    assert ("../moved/", "meta", "content") in found
    assert ("../assets/search.js", "script", "__config.search") in found
    assert ("autre/#section", "a", "href") in found
    assert {"images/a.png", "images/a-2x.png", "images/a-3x.png"} <= {url for url, *_ in found}
    autre = next(link for link in facts.links if link.url == "autre/#section")
    assert (autre.line, autre.column) == (8, 1)


def test_access_links_say_whose_they_are():
    access = {(link.library, link.url.split("/")[2]) for link in parse_page(PAGE).access}
    assert access == {
        (None, "proxy.example.org"),  # the access button
        ("", "proxy.example.org"),  # the chooser's network-wide link
        ("ifs", "cas.ifs.example.org"),  # a library's link, in the list and in the <select>
    }
    assert len(parse_page(PAGE).access) == 4


def test_stylesheet_urls_and_positions():
    css = "a { color: red }\n.logo {\n  background: url('../img/logo.svg') no-repeat; }\n.x { background: url(data:image/png;base64,AA) }"
    links = stylesheet_links(css)
    assert [(link.url, link.line, link.column) for link in links] == [
        ("../img/logo.svg", 3, 15),
        ("data:image/png;base64,AA", 4, 18),
    ]
