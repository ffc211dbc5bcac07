"""Each event's page, .ics and VEVENT kept between builds (generator/pages/event_items.py,
generator/item_cache.py): an event edit makes that event's outputs again and nothing else,
an edit of what every event shows (a library, the sites) makes them all again, a damaged
cache is ignored, and every incremental build gives the bytes of a clean build (a small
network, the fake engine)."""

from __future__ import annotations

import hashlib
import pickle
import shutil
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from generator import item_cache
from generator.build import build, load_graph
from generator.item_cache import ItemCache
from generator.pages import event_items
from generator.pages.event_items import event_outputs, event_page
from tests.conftest import small_network
from generator.view.site_view import SiteView
from tests.fake_engine import FakeEngine

NOW = datetime(2026, 11, 21, 12, 0)
SITES = ("portail", "pro")
# (file name, text): events of the portal (in the library, elsewhere, over, in a series) and of the pro site.
EVENTS = {
    "2026-12-02-heure-du-conte": """title: L'heure du conte
kind: heure-du-conte
start: 2026-12-02T10:30
end: 2026-12-02T11:15
library: mediatheque-centrale
audiences: [enfants, familles]
summary: Des histoires pour les petits.
description: |
  Avec **Gallica** et [le portail](https://v.example.org/portail/).
resources: [gallica]
""",
    "2026-12-05-projection": """title: Projection en plein air
kind: projection
start: 2026-12-05T20:00
end: 2026-12-05T22:00
place: Parc de la mairie, Ville-Exemple
summary: Un film sous les étoiles.
""",
    "2026-11-02-conference": """title: Conférence passée
kind: conference
start: 2026-11-02T18:00
end: 2026-11-02T19:30
library: mediatheque-centrale
summary: Elle a déjà eu lieu.
status: cancelled
""",
    "2026-12-10-formation": """title: Formation des équipes
kind: atelier
scope: pro
start: 2026-12-10T09:30
end: 2026-12-10T12:00
library: mediatheque-centrale
summary: Prendre en main les ressources.
""",
}
SHOWN = {  # event ids each site shows
    "portail": {"2026-12-21-atelier-decouverte", "2026-12-02-heure-du-conte", "2026-12-05-projection",
                "2026-11-02-conference"},
    "pro": {"2026-12-10-formation"},
}
EDITED = "2026-12-02-heure-du-conte"


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def network(tmp_path_factory) -> Path:
    """A new network with a few more events, never built."""
    root = tmp_path_factory.mktemp("events") / "reseau"
    small_network(root)
    for name, text in EVENTS.items():
        (root / "data" / "events" / f"{name}.yml").write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def made(tmp_path, monkeypatch) -> Path:
    """Each event page or calendar made (not found in the cache) appends "page|calendar:<site>:<event>"
    to a file (forked workers too)."""
    calls = tmp_path / "made.txt"
    calls.touch()
    real_page, real_calendar = event_items.event_page, event_items.event_calendar

    def note(what: str, view: SiteView, ev) -> None:
        with calls.open("a", encoding="utf-8") as handle:
            handle.write(f"{what}:{view.site.id}:{ev.id}\n")

    def page(view, ev):
        note("page", view, ev)
        return real_page(view, ev)

    def calendar(view, ev, uid_domain):
        note("calendar", view, ev)
        return real_calendar(view, ev, uid_domain)

    monkeypatch.setattr(event_items, "event_page", page)
    monkeypatch.setattr(event_items, "event_calendar", calendar)
    return calls


def done(calls: Path) -> list[str]:
    lines = sorted(calls.read_text(encoding="utf-8").split())
    calls.write_text("", encoding="utf-8")
    return lines


def every(what: tuple[str, ...] = ("page", "calendar"), sites: tuple[str, ...] = SITES) -> list[str]:
    return sorted(f"{kind}:{site}:{event}" for site in sites for event in SHOWN[site] for kind in what)


def copy(network: Path, tmp_path: Path) -> Path:
    project = tmp_path / "reseau"
    shutil.copytree(network, project)
    return project


def assert_same_as_clean(project: Path, out: Path, scratch: Path, now: datetime = NOW) -> None:
    """A clean build of a copy of the sources (no state folder at all) gives the same bytes."""
    clean = scratch / "reseau"
    shutil.copytree(project, clean, ignore=shutil.ignore_patterns(".bibnum", "site", "out"))
    build(clean, out=scratch / "out", now=now, engine=FakeEngine(), incremental=False)
    built, expected = tree(out), tree(scratch / "out")
    assert sorted(built) == sorted(expected)
    assert [path for path in built if built[path] != expected[path]] == []


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, path
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_event_edit_makes_that_event_s_outputs_again_and_nothing_else(network, tmp_path, made):
    project, out = copy(network, tmp_path), tmp_path / "out"
    build(project, out=out, now=NOW, engine=FakeEngine())
    assert done(made) == every()

    edit(project / "data" / "events" / f"{EDITED}.yml", "title: L'heure du conte", "title: L'heure du conte (complet)")
    build(project, out=out, now=NOW, engine=FakeEngine())
    assert done(made) == [f"calendar:portail:{EDITED}", f"page:portail:{EDITED}"]
    page = (out / "portail" / "evenements" / EDITED / "index.html").read_text(encoding="utf-8")
    assert "(complet)" in page
    assert b"SUMMARY:L'heure du conte (complet)" in (out / "portail" / "agenda" / "agenda.ics").read_bytes()
    assert_same_as_clean(project, out, tmp_path / "clean")
    done(made)  # the clean build's

    build(project, out=out, now=NOW, engine=FakeEngine())  # nothing changed: nothing made
    assert done(made) == []


@pytest.mark.parametrize(("edited", "old", "new", "sites"), [
    ("data/libraries/mediatheque-centrale.yml", "name: ", "name: Nouvelle ", SITES),  # shown by events' pages
    ("data/sites.yml", 'name: "Réseau de la Vallée"', 'name: "Réseau du Val"', SITES),
])
def test_an_edit_of_what_every_event_shows_makes_them_all_again(network, tmp_path, made, edited, old, new, sites):
    project, out = copy(network, tmp_path), tmp_path / "out"
    build(project, out=out, now=NOW, engine=FakeEngine())
    done(made)
    edit(project / edited, old, new)
    build(project, out=out, now=NOW, engine=FakeEngine())
    assert done(made) == every(sites=sites)
    assert_same_as_clean(project, out, tmp_path / "clean")


def test_another_day_keeps_the_pages_and_makes_the_calendars_again(network, tmp_path, made):
    """A page reads the build's time only through "is it over"; a calendar's DTSTAMP is the day."""
    project, out = copy(network, tmp_path), tmp_path / "out"
    build(project, out=out, now=NOW, engine=FakeEngine())
    done(made)
    later = NOW + timedelta(days=1)  # no event ends in between
    build(project, out=out, now=later, engine=FakeEngine())
    assert done(made) == every(("calendar",))
    assert_same_as_clean(project, out, tmp_path / "clean", later)
    done(made)  # the clean build's

    over = datetime(2026, 12, 3, 12, 0)  # the tale is over now: its page says so
    build(project, out=out, now=over, engine=FakeEngine())
    assert done(made) == sorted([f"page:portail:{EDITED}", *every(("calendar",))])
    assert_same_as_clean(project, out, tmp_path / "clean-over", over)


def test_a_damaged_cache_is_ignored_and_written_again(network, tmp_path, made):
    project, out = copy(network, tmp_path), tmp_path / "out"
    build(project, out=out, now=NOW, engine=FakeEngine())
    done(made)
    edit(project / "data" / "events" / f"{EDITED}.yml", "summary: Des", "summary: Encore des")
    cache = project / ".bibnum" / item_cache.FOLDER / "portail.events.pickle"
    assert cache.is_file()
    cache.write_bytes(cache.read_bytes()[:100])  # cut short
    build(project, out=out, now=NOW, engine=FakeEngine())
    assert done(made) == every(sites=("portail",))
    assert_same_as_clean(project, out, tmp_path / "clean")
    done(made)  # the clean build's
    edit(project / "data" / "events" / "2026-12-05-projection.yml", "title: Projection", "title: Séance")
    build(project, out=out, now=NOW, engine=FakeEngine())  # the cache written again: the others are found
    assert done(made) == ["calendar:portail:2026-12-05-projection", "page:portail:2026-12-05-projection"]


def test_the_cache_keeps_only_the_outputs_of_the_events_shown(network, tmp_path, made):
    project, out = copy(network, tmp_path), tmp_path / "out"
    build(project, out=out, now=NOW, engine=FakeEngine())
    cache = project / ".bibnum" / item_cache.FOLDER / "portail.events.pickle"
    assert len(pickle.loads(cache.read_bytes())["entries"]) == 2 * len(SHOWN["portail"])  # a page, a calendar
    (project / "data" / "events" / f"{EDITED}.yml").unlink()
    build(project, out=out, now=NOW + timedelta(days=1), engine=FakeEngine())
    assert len(pickle.loads(cache.read_bytes())["entries"]) == 2 * (len(SHOWN["portail"]) - 1)
    assert_same_as_clean(project, out, tmp_path / "clean", NOW + timedelta(days=1))


def test_outputs_made_from_one_event_s_view_are_those_of_the_whole_view(network):
    graph = load_graph(network)
    for site in graph.sites:
        view = SiteView.build(graph, site, NOW)
        outputs = event_outputs(view, "v.example.org")
        assert set(outputs) == SHOWN[site.id]
        for ev in view.events:
            assert outputs[ev.id].page == event_page(view, ev)
            assert outputs[ev.id].ics.count(b"BEGIN:VEVENT") == 1 and outputs[ev.id].vevent in outputs[ev.id].ics


def test_item_cache_keeps_what_was_asked_for_or_made(tmp_path):
    cache = ItemCache.open(tmp_path, "site")
    assert cache.get("a") is None and cache.misses == 1
    cache.put("a", "page")
    cache.put("b", (b"ics", b"vevent"))
    cache.save()
    again = ItemCache.open(tmp_path, "site")
    assert again.get("b") == (b"ics", b"vevent") and again.hits == 1
    again.save()  # "a" not asked for: dropped
    assert ItemCache.open(tmp_path, "site").get("a") is None
    clean = ItemCache.open(tmp_path, "site", trusted=False)
    assert clean.get("b") is None  # a clean build reads nothing
    clean.save()  # and keeps nothing it did not make
    assert not (tmp_path / item_cache.FOLDER / f"site{item_cache.SUFFIX}").exists()
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the state folder should be", encoding="utf-8")
    unwritable = ItemCache.open(blocked, "site")
    unwritable.put("a", "page")
    unwritable.save()  # best effort: never an error


@pytest.mark.parametrize("damage", [
    b"not a pickle",
    b"",
    pickle.dumps({"format": item_cache.FORMAT, "entries": {"key": {1, 2}}}),  # a value of another type
    pickle.dumps({"format": item_cache.FORMAT, "entries": {"key": Path("x")}}),  # names a class
    pickle.dumps({"format": item_cache.FORMAT + 1, "entries": {"key": "page"}}),  # another format
    pickle.dumps(["key", "page"]),
])
def test_a_damaged_or_foreign_cache_file_is_an_empty_cache(tmp_path, damage):
    path = tmp_path / item_cache.FOLDER / f"site{item_cache.SUFFIX}"
    path.parent.mkdir()
    path.write_bytes(damage)
    cache = ItemCache.open(tmp_path, "site")
    assert cache.get("key") is None
    cache.save()  # nothing to keep: the damaged file goes
    assert not path.exists()
    cache.put("key", "page")
    cache.save()
    assert ItemCache.open(tmp_path, "site").get("key") == "page"
