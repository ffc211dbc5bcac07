"""OPDS 1.2: valid Atom (bozo == 0), navigation/acquisition MIME types, sort/new and featured rels, pagination."""

from __future__ import annotations

import feedparser

from generator.outputs import locations as loc
from generator.outputs.opds import (
    REL_ACQUISITION,
    REL_FEATURED,
    REL_OPEN_ACCESS,
    REL_SORT_NEW,
    opds_files,
    titles_feeds,
)
from tests.outputs.conftest import PORTAL_URL, make_view, title

NAVIGATION = "application/atom+xml;profile=opds-catalog;kind=navigation"
ACQUISITION = "application/atom+xml;profile=opds-catalog;kind=acquisition"


def parsed(data: bytes):
    feed = feedparser.parse(data)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


def links(item) -> dict[str, dict]:
    return {link["rel"]: link for link in item.get("links", [])}


def test_root_is_a_navigation_feed_with_sort_new_and_featured():
    files = opds_files(make_view("portail"))
    root = parsed(files[loc.OPDS_ROOT])
    feed_links = links(root.feed)
    assert feed_links["self"]["href"] == PORTAL_URL + loc.OPDS_ROOT
    assert feed_links["self"]["type"] == NAVIGATION
    assert feed_links["start"]["type"] == NAVIGATION
    assert feed_links[REL_SORT_NEW] == {"rel": REL_SORT_NEW, "href": PORTAL_URL + loc.OPDS_NEW,
                                        "type": ACQUISITION, "title": "Nouveautés"}
    assert feed_links[REL_FEATURED]["href"] == PORTAL_URL + loc.OPDS_FEATURED
    entry_rels = [(e.title, next(iter(links(e)))) for e in root.entries]
    assert entry_rels == [("Toutes les ressources", "subsection"), ("Nouveautés", REL_SORT_NEW),
                          ("À la une", REL_FEATURED)]  # no titles yet: no "titles" entry
    for entry in root.entries:
        target = next(iter(links(entry).values()))
        assert target["type"] == ACQUISITION
        assert target["href"].removeprefix(PORTAL_URL) in files  # every link leads to a published feed


def test_acquisition_feeds_of_resources():
    files = opds_files(make_view("portail"))
    everything = parsed(files[loc.OPDS_RESOURCES])
    assert links(everything.feed)["self"]["type"] == ACQUISITION
    assert links(everything.feed)["up"]["href"] == PORTAL_URL + loc.OPDS_ROOT
    assert [e.title for e in everything.entries] == ["Archives", "Gallica", "Presse-en-ligne"]
    by_title = {e.title: links(e) for e in everything.entries}
    assert by_title["Presse-en-ligne"][REL_ACQUISITION]["href"].startswith("https://proxy.example.org/login?qurl=")
    assert by_title["Gallica"][REL_OPEN_ACCESS]["href"] == "https://gallica.example.org/"
    # on-site only: no access link, the page says where
    assert by_title["Archives"][REL_ACQUISITION]["href"] == PORTAL_URL + "ressources/archives/"
    for entry_links in by_title.values():
        assert entry_links["alternate"]["type"] == "text/html"
    newest = parsed(files[loc.OPDS_NEW])
    assert [e.title for e in newest.entries][0] == "Presse-en-ligne"  # added last
    featured = parsed(files[loc.OPDS_FEATURED])
    assert [e.title for e in featured.entries] == ["Presse-en-ligne"]
    entry = everything.entries[2]
    assert entry.summary == "Résumé de presse-en-ligne."
    assert [t.term for t in entry.tags] == ["presse"]


def test_titles_navigation_and_acquisition_feeds():
    titles = {"gallica": tuple(title("gallica", n) for n in range(1, 4))}
    files = opds_files(make_view("portail", titles=titles))
    root = parsed(files[loc.OPDS_ROOT])
    titles_entry = links(root.entries[-1])["subsection"]
    assert titles_entry == {"rel": "subsection", "href": PORTAL_URL + loc.OPDS_TITLES, "type": NAVIGATION}
    navigation = parsed(files[loc.OPDS_TITLES])
    assert [e.title for e in navigation.entries] == ["Gallica"]
    assert links(navigation.entries[0])["subsection"]["href"] == PORTAL_URL + loc.opds_titles("gallica")
    acquisition = parsed(files[loc.opds_titles("gallica")])
    assert [e.title for e in acquisition.entries] == ["Titre 3", "Titre 2", "Titre 1"]
    entry = acquisition.entries[0]
    assert links(entry)[REL_ACQUISITION]["href"] == "https://gallica.example.org/titre/3"
    assert links(entry)["related"]["href"] == PORTAL_URL + "ressources/gallica/"
    assert entry.author == "Autrice"
    assert entry.id.startswith("urn:uuid:")


def test_titles_feeds_are_paginated_with_next_and_previous():
    titles = {"gallica": tuple(title("gallica", n) for n in range(1, 6))}
    view = make_view("portail", titles=titles)
    files = titles_feeds(view, view.graph.resources["gallica"], page_size=2)
    assert list(files) == [loc.opds_titles("gallica", n) for n in (1, 2, 3)]
    pages = [parsed(files[path]) for path in files]
    assert [len(p.entries) for p in pages] == [2, 2, 1]
    assert "previous" not in links(pages[0].feed)
    assert links(pages[0].feed)["next"]["href"] == PORTAL_URL + loc.opds_titles("gallica", 2)
    assert links(pages[1].feed)["previous"]["href"] == PORTAL_URL + loc.opds_titles("gallica", 1)
    assert "next" not in links(pages[2].feed)
    assert links(pages[2].feed)["first"]["href"] == PORTAL_URL + loc.opds_titles("gallica", 1)


def test_opds_is_reproducible():
    titles = {"gallica": tuple(title("gallica", n) for n in range(1, 4))}
    assert opds_files(make_view("portail", titles=titles)) == opds_files(make_view("portail", titles=titles))


def _element_tree_feed(view, titles) -> bytes:
    """The titles feed body as it was built before: one ElementTree element per title."""
    from generator.outputs.feeds import title_uuid
    from generator.outputs.records import page_url
    from generator.outputs.xml import child, root, serialize
    from generator.render.markdown import sanitize_html

    document = root("feed", {"": "http://www.w3.org/2005/Atom"})
    child(document, "id", "x")
    for t in titles:
        page = page_url(view, "resource", t.resource)
        entry = child(document, "entry")
        child(entry, "title", t.title)
        child(entry, "id", title_uuid(t.resource, t.id))
        child(entry, "updated", loc.paris(t.first_seen).isoformat())
        for name in t.authors:
            child(child(entry, "author"), "name", name)
        child(entry, "dc:identifier", t.id)
        if t.language:
            child(entry, "dc:language", t.language)
        if t.published:
            child(entry, "dc:issued", t.published.isoformat())
        if t.summary_html:
            child(entry, "summary", sanitize_html(t.summary_html), type="html")
        child(entry, "link", rel="related", type="text/html", href=page)
        child(entry, "link", rel=REL_ACQUISITION, type="text/html", href=t.url or page)
    return serialize(document)


def test_title_entries_written_as_text_are_what_element_tree_writes():
    from generator.models.title import Title
    from generator.outputs.opds import _title_entry
    from generator.outputs.xml import child, root, serialize

    base = title("gallica", 1)
    odd = [
        base,
        base.model_copy(update={"authors": [], "language": None, "published": None, "summary_html": "", "url": None}),
        Title.model_construct(**{**base.model_dump(), "title": 'A & <b> "q" \x01\x0b\ud800', "id": "isbn:<&>",
                                 "authors": ["A & B", "\x02"], "summary_html": "<script>x</script>",
                                 "url": 'https://x.example.org/?a=1&b="2"\t\n'}),
        Title.model_construct(**{**base.model_dump(), "summary_html": "<p>Résumé &amp; <em>suite</em></p>\r\n",
                                 "title": "Été — « guillemets »"}),
    ]
    view = make_view("portail", titles={"gallica": tuple(odd)})
    document = root("feed", {"": "http://www.w3.org/2005/Atom"})
    child(document, "id", "x")
    assert serialize(document, [_title_entry(view, t) for t in odd]) == _element_tree_feed(view, odd)
