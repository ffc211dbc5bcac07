"""Whole sites kept between builds: a site whose key is unchanged keeps its work tree and its
search index; any input it reads changes its key; an edit elsewhere leaves it alone, and
every incremental build still gives the bytes of a clean build."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from generator import workers
from generator.build import build, load_graph
from generator.work_tree import generate_site
from generator.engines import CLEAN, UNCHANGED
from generator.view.site_view import SiteView
from generator.site_keys import input_digests, shown_events_only, site_key
from tests.conftest import DEMO_NOW, REPO, copy_project
from tests.e2e.test_incremental import EVENT, assert_same_as_clean, rename_event


def views(project: Path, now=DEMO_NOW) -> dict[str, SiteView]:
    graph = load_graph(project)
    return {site.id: shown_events_only(SiteView.build(graph, site, now)) for site in graph.sites}


def keys(project: Path, now=DEMO_NOW, urls: dict[str, str] | None = None) -> dict[str, str]:
    inputs = input_digests(project).sites
    return {site_id: site_key(inputs, view, (urls or {}).get(site_id)) for site_id, view in views(project, now).items()}


def test_a_view_s_graph_holds_only_the_events_its_site_shows():
    graph = load_graph(REPO)
    for site in graph.sites:
        view = shown_events_only(SiteView.build(graph, site, DEMO_NOW))
        assert set(view.graph.events) == {event.id for event in view.events}
        assert {key[1] for key in view.graph.sources if key[0] == "events"} <= set(view.graph.events)
        assert view.graph.libraries is graph.libraries and view.graph.titles is graph.titles
    calvados = views(REPO)["calvados"]
    assert EVENT in calvados.graph.events and len(calvados.graph.events) < len(graph.events)


def test_a_site_generated_from_its_restricted_graph_is_the_one_generated_from_the_whole_graph():
    graph = load_graph(REPO)
    for site in graph.sites:
        whole = generate_site(graph, site, DEMO_NOW, view=SiteView.build(graph, site, DEMO_NOW))
        restricted = shown_events_only(SiteView.build(graph, site, DEMO_NOW))
        assert generate_site(graph, site, DEMO_NOW, view=restricted) == whole, site.id


def test_an_event_changes_the_key_of_the_sites_that_show_it_only(tmp_path):
    project = copy_project(tmp_path / "network")
    before = keys(project)
    assert len(set(before.values())) == 3
    rename_event(project, "Atelier tablette : nouvel horaire")  # a calvados-only library's
    after = keys(project)
    assert after["calvados"] != before["calvados"]
    assert after["caen"] == before["caen"] and after["pro"] == before["pro"]


def test_the_key_follows_the_day_the_url_and_the_end_of_each_shown_event():
    graph = load_graph(REPO)
    before = keys(REPO)
    assert keys(REPO, DEMO_NOW + timedelta(days=1)) != before
    assert keys(REPO, urls={"caen": "http://127.0.0.1:8000/caen/"})["caen"] != before["caen"]
    # Within the day, the key moves only when one of the site's events ends.
    ends = sorted({event.end for event in graph.events.values() if event.end.date() == DEMO_NOW.date()}
                  | {DEMO_NOW.replace(hour=23, minute=59)})
    quiet = DEMO_NOW.replace(hour=0, minute=1)
    assert quiet < ends[0]
    assert keys(REPO, quiet) == keys(REPO, quiet + (ends[0] - quiet) / 2)
    ending = next(event for event in views(REPO)["calvados"].events if 0 < event.end.hour < 23)
    just_before, just_after = ending.end - timedelta(minutes=1), ending.end + timedelta(minutes=1)
    assert keys(REPO, just_before)["calvados"] != keys(REPO, just_after)["calvados"]


@pytest.mark.parametrize("edited", ["content/news/2026-11-16-permanences-caen-la-mer.md", "themes/calvados/logo.svg",
                                    "mkdocs.yml", "data/libraries/bayeux.yml", "data/sites.yml"])
def test_every_file_a_site_reads_but_events_is_in_its_inputs(tmp_path, edited):
    project = copy_project(tmp_path / "network")
    before = input_digests(project)
    path = project / edited
    assert path.is_file(), edited
    path.write_bytes(path.read_bytes() + b"\n")
    assert input_digests(project).sites != before.sites


def test_events_are_left_out_of_the_inputs_and_read_through_the_view(tmp_path):
    project = copy_project(tmp_path / "network")
    before = input_digests(project)
    rename_event(project, "Un autre titre")
    assert input_digests(project) == before


@pytest.fixture
def counted(tmp_path, monkeypatch) -> Path:
    """Each site generated or indexed appends "generate <site>" or "index <site>" to a file
    (forked workers too)."""
    calls = tmp_path / "calls.txt"
    calls.touch()

    def note(what: str, site_id: str) -> None:
        with calls.open("a", encoding="utf-8") as handle:
            handle.write(f"{what}:{site_id}\n")

    import generator.work_tree as work_tree

    real_generate, real_index = work_tree.generate_site, workers.update_index

    def generating(graph, site, now, **options):
        note("generate", site.id)
        return real_generate(graph, site, now, **options)

    def indexing(view, folder, **options):
        note("index", view.site.id)
        return real_index(view, folder, **options)

    monkeypatch.setattr(work_tree, "generate_site", generating)
    monkeypatch.setattr(workers, "update_index", indexing)
    return calls


EVERY_SITE = sorted(f"{what}:{site}" for site in ("caen", "calvados", "pro") for what in ("generate", "index"))


def done(calls: Path) -> list[str]:
    lines = sorted(calls.read_text(encoding="utf-8").split())
    calls.write_text("", encoding="utf-8")
    return lines


@pytest.mark.e2e
def test_an_event_edit_generates_and_indexes_only_the_site_that_shows_it(tmp_path, counted):
    project = copy_project(tmp_path / "network")
    out = tmp_path / "out"
    build(project, out=out, now=DEMO_NOW)
    assert done(counted) == EVERY_SITE

    rename_event(project, "Atelier tablette : nouvel horaire")
    result = build(project, out=out, now=DEMO_NOW)
    assert done(counted) == ["generate:calvados", "index:calvados"]
    modes = {site.site: site.mode for site in result.sites}
    assert modes["caen"] == modes["pro"] == UNCHANGED and modes["calvados"] != CLEAN
    pages = {site.site: site.pages for site in result.sites}
    assert pages["caen"] > 50 and pages["pro"] > 20  # counted from the kept tree
    assert "nouvel horaire" in (out / "calvados" / "evenements" / EVENT / "index.html").read_text(encoding="utf-8")
    assert_same_as_clean(project, out, tmp_path / "clean-event")
    done(counted)

    news = project / "content" / "news" / "2026-11-16-permanences-caen-la-mer.md"
    news.write_text(news.read_text(encoding="utf-8") + "\nLes permanences reprennent en janvier.\n", encoding="utf-8")
    build(project, out=out, now=DEMO_NOW)
    assert done(counted) == EVERY_SITE

    build(project, out=out, now=DEMO_NOW + timedelta(days=1))  # a new day: every site again
    assert len(done(counted)) == 6
    build(project, out=out, now=DEMO_NOW + timedelta(days=1), incremental=False)  # --clean keeps nothing
    assert len(done(counted)) == 6


@pytest.mark.e2e
def test_a_damaged_work_tree_or_index_is_made_again(tmp_path, counted):
    project = copy_project(tmp_path / "network")
    out = tmp_path / "out"
    build(project, out=out, now=DEMO_NOW)
    done(counted)
    state = project / ".bibnum"
    (state / "work" / "caen" / "docs" / "index.md").unlink()
    build(project, out=out, now=DEMO_NOW)
    assert done(counted) == ["generate:caen"]
    assert (state / "work" / "caen" / "docs" / "index.md").is_file()
    (state / "search" / "pro" / "meta.json").unlink()
    build(project, out=out, now=DEMO_NOW)
    assert done(counted) == ["index:pro"]
    assert (state / "search" / "pro" / "meta.json").is_file()
    assert_same_as_clean(project, out, tmp_path / "clean")
