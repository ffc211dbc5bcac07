"""End to end: a build after an edit renders and publishes only what changed, and gives
exactly the site a clean build of the same sources gives."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
import yaml

from generator.build import build
from generator.load.engine_config import SHARED_LOOK
from generator.engines import CLEAN, DIRTY, UNCHANGED
from tests.conftest import DEMO_NOW, copy_project

pytestmark = pytest.mark.e2e

EVENT = "2026-11-28-atelier-tablette-bayeux"  # upcoming, in a calvados-only library
POST = "2026-11-09-programme-cest-dans-la-boite-2026"


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def assert_same_as_clean(project: Path, out: Path, scratch: Path, engine=None) -> None:
    """A clean build of the same sources (with ENGINE, default the project's), with its own state
    folder, gives the same bytes."""
    clean = build(project, out=scratch, now=DEMO_NOW, incremental=False, state=".bibnum-clean", engine=engine)
    assert all(site.mode == CLEAN for site in clean.sites)
    built, expected = tree(out), tree(scratch)
    assert sorted(built) == sorted(expected), (sorted(set(built) ^ set(expected)))[:20]
    differing = [path for path in built if built[path] != expected[path]]
    assert not differing, differing[:20]
    shutil.rmtree(project / ".bibnum-clean")


def rename_event(project: Path, title: str) -> None:
    path = project / "data" / "events" / f"{EVENT}.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["title"] = title
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def built_once(tmp_path_factory) -> tuple[Path, Path, Path]:
    """The demo built once for the module, and a copy of it (sources, state folder, OUT) kept aside."""
    base = tmp_path_factory.mktemp("incremental")
    project, out = copy_project(base / "network"), base / "out"
    result = build(project, out=out, now=DEMO_NOW)
    assert all(site.mode == CLEAN for site in result.sites)  # nothing kept yet
    for folder in (project, out):
        shutil.copytree(folder, base / "kept" / folder.name, symlinks=True)
    return project, out, base / "kept"


@pytest.fixture
def built(built_once) -> tuple[Path, Path]:
    """The demo just built: the kept copy put back where it was built (its state names those
    paths), times kept, so each test starts from the same first build."""
    project, out, kept = built_once
    for folder in (project, out):
        shutil.rmtree(folder)
        shutil.copytree(kept / folder.name, folder, symlinks=True)
    return project, out


def test_event_and_post_edits_render_only_what_shows_them(built, tmp_path):
    project, out = built
    rename_event(project, "Atelier tablette : nouvel horaire")
    post = project / "content" / "blog" / "posts" / f"{POST}.md"
    post.write_text(post.read_text(encoding="utf-8").replace(
        "<!-- more -->", "Une phrase ajoutée au billet.\n\n<!-- more -->", 1), encoding="utf-8")
    resource_page = out / "calvados" / "ressources" / "cafeyn" / "index.html"
    resource_before = resource_page.stat().st_mtime_ns

    result = build(project, out=out, now=DEMO_NOW)
    sites = {site.site: site for site in result.sites}
    assert sites["calvados"].mode == DIRTY and sites["pro"].mode == DIRTY
    assert sites["caen"].mode == UNCHANGED and sites["caen"].published == []
    calvados = set(sites["calvados"].published)
    assert f"evenements/{EVENT}/index.html" in calvados and f"evenements/{EVENT}.ics" in calvados
    assert "agenda/index.html" in calvados and "agenda/agenda.ics" in calvados
    assert "ressources/cafeyn/index.html" not in calvados  # shows no event: left alone
    assert resource_page.stat().st_mtime_ns == resource_before
    assert len(calvados) < 200  # of about 1,000 files
    assert "nouvel horaire" in (out / "calvados" / "evenements" / EVENT / "index.html").read_text(encoding="utf-8")
    post_page = out / "pro" / "blog" / POST / "index.html"
    assert "Une phrase ajoutée au billet." in post_page.read_text(encoding="utf-8")
    assert f"blog/{POST}/index.html" in sites["pro"].published and "blog/index.html" in sites["pro"].published
    assert_same_as_clean(project, out, tmp_path / "clean")


def test_an_image_edit_publishes_the_new_image_in_every_site(built, tmp_path):
    """content/images/ is every site's input (site_keys.py): the engine's differential run copies it."""
    project, out = built
    image = project / "content" / "images" / "boite-numerique-bd.png"
    image.write_bytes(image.read_bytes() + b"\0")  # still a PNG, other bytes
    result = build(project, out=out, now=DEMO_NOW)
    for site in result.sites:
        assert site.mode == DIRTY and "images/boite-numerique-bd.png" in site.published, site.site
        assert "ressources/cafeyn/index.html" not in site.published  # the image, not every page
        assert (out / site.site / "images" / "boite-numerique-bd.png").read_bytes() == image.read_bytes()
    assert_same_as_clean(project, out, tmp_path / "clean")


def test_nothing_changed_publishes_nothing(built):
    project, out = built
    before = tree(out)
    result = build(project, out=out, now=DEMO_NOW)
    assert [site.mode for site in result.sites] == [UNCHANGED] * 3
    assert all(site.published == [] for site in result.sites)
    assert tree(out) == before


def test_deleted_event_disappears_and_deleted_post_forces_a_clean_run(built, tmp_path):
    project, out = built
    (project / "data" / "events" / f"{EVENT}.yml").unlink()
    (project / "content" / "blog" / "posts" / f"{POST}.md").unlink()
    result = build(project, out=out, now=DEMO_NOW)
    sites = {site.site: site for site in result.sites}
    assert sites["calvados"].mode == DIRTY and sites["pro"].mode == CLEAN
    assert not (out / "calvados" / "evenements" / EVENT).exists()
    assert not (out / "calvados" / "evenements" / f"{EVENT}.ics").exists()
    assert_same_as_clean(project, out, tmp_path / "clean")


def test_theme_or_config_change_renders_every_page_again(built, tmp_path):
    project, out = built
    # A look's override (themes/<look>/) renders that look's site again, every page.
    css = project / "themes" / "calvados" / "assets" / "bibnum" / "bibnum.css"
    css.parent.mkdir(parents=True, exist_ok=True)
    css.write_text((SHARED_LOOK / "assets" / "bibnum" / "bibnum.css").read_text(encoding="utf-8")
                   + "\n/* édition */\n", encoding="utf-8")
    result = build(project, out=out, now=DEMO_NOW)
    assert {site.site: site.mode for site in result.sites}["calvados"] == CLEAN
    assert_same_as_clean(project, out, tmp_path / "clean")


def test_a_failed_engine_run_makes_the_next_run_clean(built):
    from generator.engines import MkDocs
    from generator.errors import BuildFailed

    project, out = built
    before = tree(out)
    rename_event(project, "Atelier tablette : version qui échoue")

    class Broken(MkDocs):
        def render(self, work, out, *, epoch, changes):
            (out / "index.html").write_text("à moitié écrit", encoding="utf-8")  # then fails
            raise BuildFailed("the engine failed on calvados: simulated")

    with pytest.raises(BuildFailed):
        build(project, out=out, now=DEMO_NOW, engine=Broken())
    assert tree(out) == before  # nothing published
    result = build(project, out=out, now=DEMO_NOW)
    sites = {site.site: site for site in result.sites}
    assert sites["calvados"].mode == CLEAN  # its kept output may be half written
    assert "version qui échoue" in (out / "calvados" / "evenements" / EVENT / "index.html").read_text(encoding="utf-8")


def test_the_preview_publishes_site_by_site_and_ends_with_the_bytes_of_a_clean_build(tmp_path, demo_build):
    project = copy_project(tmp_path / "network")
    out = tmp_path / "preview"
    first = build(project, out=out, now=DEMO_NOW, preview=True, state=".bibnum-preview")
    assert [site.mode for site in first.sites] == [CLEAN] * 3
    assert all(site.published is None for site in first.sites)  # whole sites, each as soon as it was rendered
    assert tree(out) == tree(demo_build.out)  # the session's build is a clean build of the same sources

    rename_event(project, "Atelier tablette : vu dans l'aperçu")
    result = build(project, out=out, now=DEMO_NOW, preview=True, state=".bibnum-preview")
    sites = {site.site: site for site in result.sites}
    assert sites["calvados"].mode == DIRTY and sites["caen"].mode == UNCHANGED
    calvados = set(sites["calvados"].published)
    assert f"evenements/{EVENT}/index.html" in calvados
    assert any(path.startswith("bn-search/") for path in calvados)  # its new index, published just after
    assert "vu dans l'aperçu" in (out / "calvados" / "evenements" / EVENT / "index.html").read_text(encoding="utf-8")
    assert_same_as_clean(project, out, tmp_path / "clean")
