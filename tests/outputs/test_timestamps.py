"""Dates in the data files come from the data (or the build's day), never from the build's time:
two generations of the same data an hour apart on the same day give the same bytes, so an
incremental build rewrites only the files an edit touched."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from generator.outputs import data_files
from generator.outputs import locations as loc
from generator.outputs.feeds import atom, posts_feed, rss
from generator.outputs.ical import day_stamp
from generator.pages.pro import pro_files
from generator.pages.public import public_files
from generator.view.site_view import SiteView
from tests.outputs.conftest import NOW, make_graph, title

TITLES = {"gallica": tuple(title("gallica", n) for n in range(1, 6))}
DATED = (".ics", ".json", ".xml", ".atom")


def dated_files(site_id: str, now: datetime) -> dict[str, str | bytes]:
    """The site's iCalendar files, JSON API, feeds and OPDS catalogue built at `now`."""
    graph = make_graph(titles=TITLES)
    view = SiteView.build(graph, graph.site(site_id), now)
    pages = public_files(view, "example.org") if view.site.kind == "public" else pro_files(view, "example.org")
    files = {**pages, **data_files(view)}
    return {path: content for path, content in files.items() if path.endswith(DATED)}


@pytest.mark.parametrize("site_id", ["portail", "pro"])
def test_an_hour_later_on_the_same_day_every_data_file_is_identical(site_id):
    first, later = dated_files(site_id, NOW), dated_files(site_id, NOW + timedelta(hours=1, minutes=37))
    assert first == later
    kinds = {path.rsplit(".", 1)[1] for path in first}
    assert kinds == ({"ics", "json", "xml", "atom"})
    if site_id == "portail":
        assert {loc.EVENTS_JSON, loc.NEWS_ATOM, loc.NEWS_RSS, loc.OPDS_ROOT, loc.opds_titles("gallica"),
                loc.new_titles_atom("gallica"), "agenda/agenda.ics"} <= set(first)


def test_feeds_and_opds_change_with_their_entries_not_with_the_day():
    today, next_week = dated_files("portail", NOW), dated_files("portail", NOW + timedelta(days=7))
    for path in (loc.NEWS_RSS, loc.NEWS_ATOM, loc.new_titles_atom("gallica"), loc.OPDS_ROOT, loc.OPDS_NEW,
                 loc.OPDS_FEATURED, loc.OPDS_TITLES, loc.opds_titles("gallica")):
        assert today[path] == next_week[path], path
    # the API and the calendars say which day they were published
    assert today[loc.EVENTS_JSON] != next_week[loc.EVENTS_JSON]
    assert b"DTSTAMP:20261120T230000Z\r\n" in today["agenda/agenda.ics"]
    assert b"DTSTAMP:20261127T230000Z\r\n" in next_week["agenda/agenda.ics"]


def test_updated_is_the_newest_entry():
    files = dated_files("portail", NOW)
    newest_title = max(t.first_seen for t in TITLES["gallica"]).isoformat()
    for path in (loc.new_titles_atom("gallica"), loc.opds_titles("gallica"), loc.OPDS_TITLES, loc.OPDS_ROOT):
        head = files[path].split(b"<entry>")[0].decode()
        assert f"<updated>{newest_title}T00:00:00+01:00</updated>" in head, path
    # presse-en-ligne, the only featured resource, was added on 1 October (summer time)
    assert b"<updated>2026-10-01T00:00:00+02:00</updated>" in files[loc.OPDS_FEATURED].split(b"<entry>")[0]
    assert b'"generated": "2026-11-21T00:00:00+01:00"' in files[loc.EVENTS_JSON].encode()


def test_an_empty_feed_takes_the_build_day():
    graph = make_graph(posts=[])
    view = SiteView.build(graph, graph.site("portail"), NOW)
    feed = posts_feed(view)
    assert feed.entries == () and feed.updated == loc.paris(date(2026, 11, 21))
    assert b"<lastBuildDate>Sat, 21 Nov 2026 00:00:00 +0100</lastBuildDate>" in rss(feed)
    assert b"<updated>2026-11-21T00:00:00+01:00</updated>" in atom(feed)


def test_day_stamp_is_the_start_of_the_paris_day_in_utc():
    assert day_stamp(datetime(2026, 11, 21, 10)) == datetime(2026, 11, 20, 23, tzinfo=timezone.utc)
    assert day_stamp(datetime(2026, 11, 21, 23, 59)) == day_stamp(datetime(2026, 11, 21, 0, 0))
    assert day_stamp(datetime(2026, 7, 4, 10)) == datetime(2026, 7, 3, 22, tzinfo=timezone.utc)  # summer time
