"""Output families: the title family is kept between builds while its inputs are unchanged,
generated again when any of them changes, and always gives the bytes a clean build gives."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from generator import digests, families, workers
from generator.build import build, load_graph
from generator.digests import data_digest
from generator.families import title_files, titles_key, titles_view
from generator.view.site_view import SiteView
from tests.conftest import DEMO_NOW, REPO, copy_project
from tests.e2e.test_incremental import EVENT, assert_same_as_clean, rename_event
from tests.fake_engine import FakeEngine

HARVEST = "data/harvest/izneo-nouveautes.json"
TITLE = "Les Gardiens du phare — Tome 1 : La Lanterne"


def test_the_title_family_is_the_same_from_the_whole_graph_and_from_its_restricted_graph():
    graph = load_graph(REPO)
    for site in graph.sites:
        restricted = title_files(titles_view(graph, site, DEMO_NOW))
        assert restricted == title_files(SiteView.build(graph, site, DEMO_NOW))
        if site.kind == "public":
            assert any(path.startswith("ressources/izneo/titres") for path in restricted)
            assert "api/v1/titles.json" in restricted
            assert any(path.startswith("opds/") for path in restricted)
            assert "api/v1/marc/izneo.unimarc.mrc" in restricted and "api/v1/kbart/izneo.txt" in restricted
        else:
            assert restricted == {}


def test_the_restricted_graph_holds_no_events_posts_or_pages():
    restricted = families.titles_graph(load_graph(REPO))
    assert not restricted.events and not restricted.posts and not restricted.pages
    assert not any(kind == "events" for kind, _id in restricted.sources)
    assert restricted.titles and restricted.resources and restricted.libraries


def test_the_title_family_is_the_same_all_day_long():
    """The key holds the build's day, not its time: the family must not show the time."""
    graph = load_graph(REPO)
    for site in graph.sites:
        morning = title_files(titles_view(graph, site, DEMO_NOW.replace(hour=0, minute=1)))
        assert morning == title_files(titles_view(graph, site, DEMO_NOW.replace(hour=23, minute=59)))


def test_the_key_changes_with_every_input(tmp_path):
    project = copy_project(tmp_path / "network")
    site, other = load_graph(project).sites[:2]
    inputs = data_digest(project, families.TITLES_LEAVE_OUT)
    key = titles_key(inputs, site, None, DEMO_NOW)
    assert key == titles_key(inputs, site, None, DEMO_NOW + timedelta(hours=5))
    assert key != titles_key(inputs, site, None, DEMO_NOW + timedelta(days=1))
    assert key != titles_key(inputs, site, "http://127.0.0.1:8000/calvados/", DEMO_NOW)
    assert key != titles_key(inputs, other, None, DEMO_NOW)  # a site's settings are in data/sites.yml

    rename_event(project, "Un autre titre")  # left out: the family's graph has no events
    (project / "content" / "news" / "ajout.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    assert data_digest(project, families.TITLES_LEAVE_OUT) == inputs
    for edited in (HARVEST, "data/resources/izneo.yml", "data/sites.yml", "data/taxonomy.yml"):
        path = project / edited
        original = path.read_bytes()
        path.write_bytes(original + b"\n")
        assert data_digest(project, families.TITLES_LEAVE_OUT) != inputs, edited
        path.write_bytes(original)
    (project / "data" / "libraries" / "nouvelle.yml").write_text("id: x\n", encoding="utf-8")
    assert data_digest(project, families.TITLES_LEAVE_OUT) != inputs


def test_the_code_digest_covers_templates_and_strings():
    package = Path(families.__file__).parent
    covered = digests.list_files(package)
    assert package / "templates" / "public" / "titles.md.j2" in covered
    assert package / "i18n" / "fr" / "__init__.py" in covered
    assert package / "i18n" / "fr" / "agenda.py" in covered
    assert package / "outputs" / "opds.py" in covered


def test_the_code_digest_follows_the_versions_of_the_libraries_that_write_outputs(monkeypatch):
    before = digests.code_digest()
    real = digests.version

    for library in ("Jinja2", "icalendar", "mkdocs-material", "pymarc"):
        monkeypatch.setattr(digests, "_code", None)
        monkeypatch.setattr(digests, "version", lambda name, upgraded=library: "99.0" if name == upgraded
                            else real(name))
        assert digests.code_digest() != before, library
    monkeypatch.setattr(digests, "_code", None)
    monkeypatch.setattr(digests, "version", real)
    assert digests.code_digest() == before


@pytest.fixture
def counted(tmp_path, monkeypatch) -> Path:
    """Each generation of a title family appends its site to a file (forked workers too)."""
    calls = tmp_path / "title-family-calls.txt"
    calls.touch()

    def counting(view):
        with calls.open("a", encoding="utf-8") as handle:
            handle.write(view.site.id + "\n")
        return title_files(view)

    monkeypatch.setattr(workers, "title_files", counting)
    return calls


def generated(calls: Path) -> list[str]:
    sites = calls.read_text(encoding="utf-8").split()
    calls.write_text("", encoding="utf-8")
    return sorted(sites)


# The fake engine: which sites generate their family is the generator's doing; the real
# engine's differential runs are tested in tests/e2e/test_incremental.py.
def test_an_event_edit_keeps_the_title_family_and_a_harvest_edit_makes_it_again(tmp_path, counted):
    project = copy_project(tmp_path / "network")
    out = tmp_path / "out"
    build(project, out=out, now=DEMO_NOW, engine=FakeEngine())
    assert generated(counted) == ["caen", "calvados", "pro"]
    titles_page = project / ".bibnum" / "work" / "calvados" / "docs" / "ressources" / "izneo" / "titres" / "index.md"
    assert TITLE in titles_page.read_text(encoding="utf-8")

    rename_event(project, "Atelier tablette : nouvel horaire")
    result = build(project, out=out, now=DEMO_NOW, engine=FakeEngine())
    assert generated(counted) == []  # kept in every site
    calvados = next(site for site in result.sites if site.site == "calvados")
    assert f"docs/evenements/{EVENT}/index.md" in calvados.written
    assert not any("titres" in path or "titles" in path or path.startswith("docs/opds/") for path in calvados.written)
    assert titles_page.is_file() and calvados.pages > 50
    assert_same_as_clean(project, out, tmp_path / "clean-event", engine=FakeEngine())
    generated(counted)  # the clean build's

    store = project / HARVEST
    harvest = json.loads(store.read_text(encoding="utf-8"))
    harvest["records"][0]["title"] = "Les Gardiens du phare — Tome 1 : La Lampe"
    store.write_text(json.dumps(harvest, ensure_ascii=False), encoding="utf-8")
    result = build(project, out=out, now=DEMO_NOW, engine=FakeEngine())
    assert generated(counted) == ["caen", "calvados", "pro"]
    assert "La Lampe" in titles_page.read_text(encoding="utf-8")
    assert "La Lampe" in (out / "calvados" / "ressources" / "izneo" / "titres" / "index.html").read_text(
        encoding="utf-8")
    for marc in ("api/v1/marc/izneo.unimarc.mrc", "api/v1/marc/izneo.marc21.xml", "api/v1/kbart/izneo.txt"):
        assert "La Lampe".encode() in (out / "calvados" / marc).read_bytes(), marc  # the catalogues' files too
    assert_same_as_clean(project, out, tmp_path / "clean-harvest", engine=FakeEngine())
    generated(counted)

    build(project, out=out, now=DEMO_NOW + timedelta(days=1), engine=FakeEngine())  # a new day: the API's date changes
    assert generated(counted) == ["caen", "calvados", "pro"]
    build(project, out=out, now=DEMO_NOW, incremental=False, engine=FakeEngine())  # --clean keeps nothing
    assert generated(counted) == ["caen", "calvados", "pro"]


# The fake engine: which sites generate their family is the generator's doing; the real
# engine's differential runs are tested in tests/e2e/test_incremental.py.
def test_a_removed_family_file_or_a_lost_ledger_makes_the_family_again(tmp_path, counted):
    project = copy_project(tmp_path / "network")
    out = tmp_path / "out"
    build(project, out=out, now=DEMO_NOW, engine=FakeEngine())
    generated(counted)
    page = project / ".bibnum" / "work" / "calvados" / "docs" / "ressources" / "izneo" / "titres" / "index.md"
    page.unlink()
    build(project, out=out, now=DEMO_NOW, engine=FakeEngine())
    assert generated(counted) == ["calvados"]
    assert page.is_file()
    build(project, out=out, now=DEMO_NOW, engine=FakeEngine())
    assert generated(counted) == []  # every site's inputs are unchanged: whole work trees kept
    (project / ".bibnum" / "ledger" / "caen.json").unlink()  # nothing of caen is trusted any more
    build(project, out=out, now=DEMO_NOW, engine=FakeEngine())
    assert generated(counted) == ["caen"]
    assert_same_as_clean(project, out, tmp_path / "clean", engine=FakeEngine())


def test_hidden_files_of_a_look_change_the_inputs_digest(tmp_path):
    """Material's custom icons live in a look's `.icons/`: copied into the work tree, so keyed."""
    from generator.site_keys import input_digests

    project = copy_project(tmp_path / "network")
    icons = project / "themes" / "calvados" / ".icons" / "reseau"
    icons.mkdir(parents=True)
    (icons / "logo.svg").write_text("<svg/>", encoding="utf-8")
    before = input_digests(project).look("calvados")
    (icons / "logo.svg").write_text("<svg><title>autre</title></svg>", encoding="utf-8")
    assert input_digests(project).look("calvados") != before
