"""RSS 2.0 and Atom 1.0 feeds: well-formed (feedparser bozo == 0), the right entries, escaped, reproducible."""

from __future__ import annotations

import time

import feedparser
import pytest

from generator.models.title import Title
from generator.outputs import locations as loc
from generator.outputs.feeds import atom, feed_files, new_titles_feed, posts_feed, rss
from tests.outputs.conftest import PORTAL_URL, PRO_URL, make_view, title


def parsed(data: bytes):
    feed = feedparser.parse(data)
    assert feed.bozo == 0, feed.get("bozo_exception")
    return feed


@pytest.mark.parametrize("writer, version", [(rss, "rss20"), (atom, "atom10")])
def test_news_feed_respects_each_posts_sites(writer, version):
    portal = parsed(writer(posts_feed(make_view("portail"))))
    other = parsed(writer(posts_feed(make_view("autre"))))
    assert portal.version == version
    assert [e.title for e in portal.entries] == ["Billet nouvelle-ressource", "Billet ancienne"]
    # same day: the id breaks the tie, so the order never depends on the file system
    assert [e.title for e in other.entries] == ["Billet pour-autre", "Billet nouvelle-ressource", "Billet ancienne"]
    first = portal.entries[0]
    assert first.link == PORTAL_URL + "actualites/nouvelle-ressource/"
    assert first.id == first.link
    assert first.published_parsed[:3] == (2026, 11, 1)  # 2 Nov 00:00 Paris = 1 Nov 23:00 UTC
    assert portal.feed.title == "Le Portail & ses ressources — Actualités"


@pytest.mark.parametrize("writer", [rss, atom])
def test_blog_feed_has_published_posts_only_never_drafts(writer):
    feed = parsed(writer(posts_feed(make_view("pro"))))
    assert [e.title for e in feed.entries] == ["Billet billet-publie"]
    entry = feed.entries[0]
    assert entry.link == PRO_URL + "blog/billet-publie/"
    assert entry.author == "Alice Martin"
    assert [t.term for t in entry.tags] == ["Technique"]
    # the whole post as sanitized HTML, without the excerpt marker
    body = entry.content[0].value if "content" in entry else entry.description
    assert body == "<p>Premier paragraphe.</p>\n<p>La suite.</p>"


def test_atom_entries_have_summary_content_and_dates_with_offset():
    data = atom(posts_feed(make_view("portail")))
    text = data.decode()
    # the feed changed when its newest entry did, not at each build
    assert text.count("<updated>2026-11-02T00:00:00+01:00</updated>") == 2  # the feed's and its entry's
    assert "<published>2026-11-02T00:00:00+01:00</published>" in text
    entry = parsed(data).entries[0]
    assert entry.summary == "Une nouvelle ressource."
    assert entry.content[0].value == "<p>Premier paragraphe.</p>\n<p>La suite.</p>"
    excerpt = parsed(data).entries[1]
    assert excerpt.summary == "Premier paragraphe."  # no description: the text before <!-- more -->


def test_rss_dates_are_rfc822_with_offset():
    text = rss(posts_feed(make_view("portail"))).decode()
    assert "<lastBuildDate>Mon, 02 Nov 2026 00:00:00 +0100</lastBuildDate>" in text  # the newest post's
    assert "<pubDate>Mon, 02 Nov 2026 00:00:00 +0100</pubDate>" in text
    assert 'rel="self"' in text and PORTAL_URL + "flux/actualites.xml" in text


def test_new_titles_feed_lists_newest_titles_first():
    titles = {"gallica": tuple(title("gallica", n) for n in range(1, 6))}
    view = make_view("portail", titles=titles)
    for writer in (rss, atom):
        feed = parsed(writer(new_titles_feed(view, "gallica")))
        assert len(feed.entries) == 5
        dates = [time.strftime("%Y-%m-%d", e.published_parsed) for e in feed.entries]
        assert dates == sorted(dates, reverse=True)
        assert feed.entries[0].link == "https://gallica.example.org/titre/5"
        assert feed.entries[0].id.startswith("urn:uuid:")
        assert feed.feed.link == PORTAL_URL + "ressources/gallica/"


def test_new_titles_feeds_exist_only_for_resources_with_titles():
    assert not [p for p in feed_files(make_view("portail")) if p.startswith("ressources/")]
    files = feed_files(make_view("portail", titles={"gallica": (title("gallica", 1),)}))
    assert {p for p in files if p.startswith("ressources/")} == {
        loc.new_titles_rss("gallica"), loc.new_titles_atom("gallica")}
    assert set(feed_files(make_view("pro"))) == {loc.BLOG_RSS, loc.BLOG_ATOM}


def test_hostile_text_is_escaped_and_invalid_xml_characters_dropped():
    hostile = Title.model_construct(
        **{**title("gallica", 1).model_dump(),
           "title": "</title><script>alert(1)</script> & «\x01bizarre\x0b»",
           "summary_html": '<p onclick="x()">ok</p><script>alert(2)</script>',
           "authors": ["A & B <c>"]})
    view = make_view("portail", titles={"gallica": (hostile,)})
    for writer in (rss, atom):
        data = writer(new_titles_feed(view, "gallica"))
        feed = parsed(data)
        entry = feed.entries[0]
        assert entry.title == "</title><script>alert(1)</script> & «bizarre»"
        assert b"<script>" not in data  # escaped as text, never markup
        assert "alert(2)" not in data.decode() and "onclick" not in data.decode()


def test_feeds_are_byte_reproducible():
    titles = {"gallica": tuple(title("gallica", n) for n in range(1, 4))}
    assert feed_files(make_view("portail", titles=titles)) == feed_files(make_view("portail", titles=titles))
