"""Whole sites kept between builds: a site whose key is unchanged keeps its work tree and its
search index; any input it reads changes its key; an edit elsewhere (another site's events,
posts, news, pages or look) leaves it alone, and every incremental build still gives the
bytes of a clean build."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import shutil
from datetime import datetime

import pytest

from generator import workers
from generator.build import build, load_graph
from generator.work_tree import generate_site
from generator.engines import CLEAN, UNCHANGED
from generator.view.site_view import SiteView
from generator.site_keys import input_digests, shown_content_only, shown_events_only, site_key
from tests.conftest import DEMO_NOW, REPO, copy_project, small_network
from tests.fake_engine import FakeEngine
from tests.e2e.test_incremental import EVENT, assert_same_as_clean, rename_event


def views(project: Path, now=DEMO_NOW) -> dict[str, SiteView]:
    graph = load_graph(project)
    return {site.id: restricted(graph, site, now) for site in graph.sites}


def restricted(graph, site, now=DEMO_NOW) -> SiteView:
    """The view a build generates the site from (workers.view)."""
    return shown_content_only(shown_events_only(SiteView.build(graph, site, now)))


def keys(project: Path, now=DEMO_NOW, urls: dict[str, str] | None = None) -> dict[str, str]:
    inputs = input_digests(project)
    return {site_id: site_key(inputs, view, (urls or {}).get(site_id)) for site_id, view in views(project, now).items()}


def test_a_view_s_graph_holds_only_the_events_pages_and_posts_its_site_shows():
    graph = load_graph(REPO)
    for site in graph.sites:
        view = restricted(graph, site)
        assert set(view.graph.events) == {event.id for event in view.events}
        assert {key[1] for key in view.graph.sources if key[0] == "events"} <= set(view.graph.events)
        assert sorted(p.source for p in view.graph.pages) == sorted(p.source for p in view.pages)
        assert [p.source for p in view.graph.posts] == [p.source for p in view.posts]  # in the graph's order
        assert view.graph.libraries is graph.libraries and view.graph.titles is graph.titles
    calvados = views(REPO)["calvados"]
    assert EVENT in calvados.graph.events and len(calvados.graph.events) < len(graph.events)
    shown = {site_id: {post.source for post in view.graph.posts} for site_id, view in views(REPO).items()}
    assert shown["caen"] - shown["calvados"] and not shown["pro"] & shown["caen"]  # news of caen; blog on pro


def test_a_site_generated_from_its_restricted_graph_is_the_one_generated_from_the_whole_graph():
    graph = load_graph(REPO)
    for site in graph.sites:
        whole = generate_site(graph, site, DEMO_NOW, view=SiteView.build(graph, site, DEMO_NOW))
        view = restricted(graph, site)
        assert generate_site(view.graph, site, DEMO_NOW, view=view) == whole, site.id


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


def test_the_key_follows_the_end_of_each_shown_notice():
    """A notice ending at a time of day (the demo's Skilleos maintenance, until 23 November at noon)
    moves the key of the portals showing it then, not of the pro site, which shows no notice."""
    graph = load_graph(REPO)
    notice = next(n for n in graph.resources["skilleos"].notices if n.ends.hour == 12)
    before = keys(REPO, notice.ends - timedelta(minutes=1))
    after = keys(REPO, notice.ends + timedelta(minutes=1))
    assert before["calvados"] != after["calvados"] and before["caen"] != after["caen"]
    assert before["pro"] == after["pro"]


@pytest.mark.parametrize("edited", ["mkdocs.yml", "data/libraries/bayeux.yml", "data/sites.yml",
                                    "content/images/boite-numerique-bd.png",  # every site publishes the images
                                    "data/usage/cafeyn.yml"])  # the portals' « Populaire » mark reads usage
def test_every_file_every_site_reads_is_in_its_inputs(tmp_path, edited):
    project = copy_project(tmp_path / "network")
    before = input_digests(project)
    path = project / edited
    assert path.is_file(), edited
    path.write_bytes(path.read_bytes() + b"\n")
    assert input_digests(project).sites != before.sites


def test_a_look_is_in_the_inputs_of_the_sites_that_wear_it_only(tmp_path):
    project = copy_project(tmp_path / "network")
    before, keys_before = input_digests(project), keys(project)
    icons = project / "themes" / "calvados" / ".icons"  # hidden files count: Material's custom icons live there
    icons.mkdir()
    (icons / "reseau.svg").write_text("<svg/>", encoding="utf-8")
    after = input_digests(project)
    assert after.look("calvados") != before.look("calvados")
    assert after.sites == before.sites and after.look("caen") == before.look("caen")
    changed = keys(project)
    assert changed["calvados"] != keys_before["calvados"]
    assert changed["caen"] == keys_before["caen"]
    assert changed["pro"] != keys_before["pro"]  # it prints the portals' logos on their posters


def append(project: Path, edited: str, text: str) -> None:
    path = project / edited
    assert path.is_file(), edited
    path.write_text(path.read_text(encoding="utf-8") + f"\n{text}\n", encoding="utf-8")


@pytest.mark.parametrize(("edited", "readers"), [
    ("content/news/2026-11-16-permanences-caen-la-mer.md", {"caen"}),  # sites: [caen]
    ("content/news/2026-11-03-izneo-bd-et-mangas.md", {"caen", "calvados"}),  # every portal
    ("content/blog/posts/2026-10-01-skilleos-arrive.md", {"pro"}),
    ("content/public/aide.md", {"caen", "calvados"}),
    ("content/pro/adherer.md", {"pro"}),
])
def test_a_post_news_or_page_changes_the_key_of_the_sites_that_show_it_only(tmp_path, edited, readers):
    project = copy_project(tmp_path / "network")
    before, inputs = keys(project), input_digests(project)
    append(project, edited, "Une phrase ajoutée.")
    after = keys(project)
    assert {site for site in before if after[site] != before[site]} == readers
    assert input_digests(project) == inputs  # content/ is read through the views only


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


# The fake engine: which sites generate and index is the generator's doing; the real
# engine's differential runs are tested in tests/e2e/test_incremental.py.
def test_an_event_edit_generates_and_indexes_only_the_site_that_shows_it(tmp_path, counted):
    project = copy_project(tmp_path / "network")
    out = tmp_path / "out"
    build(project, out=out, now=DEMO_NOW, engine=FakeEngine())
    assert done(counted) == EVERY_SITE

    rename_event(project, "Atelier tablette : nouvel horaire")
    result = build(project, out=out, now=DEMO_NOW, engine=FakeEngine())
    assert done(counted) == ["generate:calvados", "index:calvados"]
    modes = {site.site: site.mode for site in result.sites}
    assert modes["caen"] == modes["pro"] == UNCHANGED and modes["calvados"] != CLEAN
    pages = {site.site: site.pages for site in result.sites}
    assert pages["caen"] > 50 and pages["pro"] > 20  # counted from the kept tree
    assert "nouvel horaire" in (out / "calvados" / "evenements" / EVENT / "index.html").read_text(encoding="utf-8")
    assert_same_as_clean(project, out, tmp_path / "clean-event", engine=FakeEngine())
    done(counted)

    news = project / "content" / "news" / "2026-11-16-permanences-caen-la-mer.md"  # caen's only
    news.write_text(news.read_text(encoding="utf-8") + "\nLes permanences reprennent en janvier.\n", encoding="utf-8")
    build(project, out=out, now=DEMO_NOW, engine=FakeEngine())
    assert done(counted) == ["generate:caen", "index:caen"]
    (project / "mkdocs.yml").write_text((project / "mkdocs.yml").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    build(project, out=out, now=DEMO_NOW, engine=FakeEngine())  # every site reads the engine's settings
    assert done(counted) == EVERY_SITE

    build(project, out=out, now=DEMO_NOW + timedelta(days=1), engine=FakeEngine())  # a new day: every site again
    assert len(done(counted)) == 6
    build(project, out=out, now=DEMO_NOW + timedelta(days=1), incremental=False, engine=FakeEngine())  # --clean keeps nothing
    assert len(done(counted)) == 6


# The fake engine: which sites generate and index is the generator's doing; the real
# engine's differential runs are tested in tests/e2e/test_incremental.py.
def test_a_damaged_work_tree_or_index_is_made_again(tmp_path, counted):
    project = copy_project(tmp_path / "network")
    out = tmp_path / "out"
    build(project, out=out, now=DEMO_NOW, engine=FakeEngine())
    done(counted)
    state = project / ".bibnum"
    (state / "work" / "caen" / "docs" / "index.md").unlink()
    build(project, out=out, now=DEMO_NOW, engine=FakeEngine())
    assert done(counted) == ["generate:caen"]
    assert (state / "work" / "caen" / "docs" / "index.md").is_file()
    (state / "search" / "pro" / "meta.json").unlink()
    build(project, out=out, now=DEMO_NOW, engine=FakeEngine())
    assert done(counted) == ["index:pro"]
    assert (state / "search" / "pro" / "meta.json").is_file()
    assert_same_as_clean(project, out, tmp_path / "clean", engine=FakeEngine())


SMALL_NOW = datetime(2026, 11, 21, 12, 0)


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Path:
    """A new network (portail and pro), the pro site in a look of its own, built once with the fake engine."""
    root = tmp_path_factory.mktemp("small") / "reseau"
    small_network(root)
    sites = root / "data" / "sites.yml"
    text = sites.read_text(encoding="utf-8")
    pro = text.index("- id: pro")
    sites.write_text(text[:pro] + text[pro:].replace("look: reseau", "look: espace", 1), encoding="utf-8")
    shutil.copytree(root / "themes" / "reseau", root / "themes" / "espace")
    build(root, out=root / "site", now=SMALL_NOW, engine=FakeEngine())
    return root


@pytest.mark.parametrize(("edited", "generated"), [
    ("content/blog/posts/2026-11-21-bienvenue.md", ["pro"]),  # a post: the pro site's blog only
    ("content/news/2026-11-21-ouverture.md", ["portail"]),
    ("content/public/aide.md", ["portail"]),  # a public page: the pro site kept
    ("themes/espace/logo.svg", ["pro"]),  # a look: the sites wearing another look kept
    ("themes/reseau/logo.svg", ["portail", "pro"]),  # the portal's logo: also on its posters, in the pro site
    ("data/sites.yml", ["portail", "pro"]),
])
def test_an_edit_generates_only_the_sites_that_show_it_and_gives_the_clean_bytes(
        small, tmp_path, counted, edited, generated):
    project = tmp_path / "reseau"
    shutil.copytree(small, project, symlinks=True)
    path = project / edited
    added = "\nUne phrase ajoutée.\n" if path.suffix == ".md" else "\n"
    path.write_text(path.read_text(encoding="utf-8").replace("Vallée", "Vallée du Lot", 1) + added, encoding="utf-8")
    result = build(project, out=project / "site", now=SMALL_NOW, engine=FakeEngine())
    assert sorted(line.split(":")[1] for line in done(counted) if line.startswith("generate:")) == generated
    assert {site.site for site in result.sites if site.mode == UNCHANGED} == {"portail", "pro"} - set(generated)
    build(project, out=tmp_path / "clean", now=SMALL_NOW, engine=FakeEngine(), incremental=False, state=".clean")
    assert tree(project / "site") == tree(tmp_path / "clean")
