"""Every generated page is a folder's index.md (DESIGN.md §4: one tree every engine reads the same).

Pages link relative to their URL; MkDocs resolves a non-index `X.md` at `X/`, Zensical from
its source folder. Only blog and news posts are files of their own: the blog plugin names
their page by slug.
"""

from __future__ import annotations

from pathlib import PurePosixPath

import pytest
import yaml

from generator.build import load_graph
from generator.errors import ProjectInvalid
from generator.view import paths
from generator.work_tree import generate_site
from tests.conftest import DEMO_NOW, REPO, small_network


def blog_dirs(config: str) -> set[str]:
    plugins = yaml.safe_load(config).get("plugins") or []
    return {entry["blog"].get("blog_dir", "blog") for entry in plugins
            if isinstance(entry, dict) and isinstance(entry.get("blog"), dict)}


@pytest.fixture(scope="module")
def demo_trees() -> dict[str, dict[str, str | bytes]]:
    graph = load_graph(REPO)
    return {site.id: generate_site(graph, site, DEMO_NOW) for site in graph.sites}


def test_every_page_but_the_posts_is_an_index(demo_trees) -> None:
    assert set(demo_trees) == {"calvados", "caen", "pro"}
    for site, files in demo_trees.items():
        posts = {f"docs/{folder}/posts" for folder in blog_dirs(files["mkdocs.yml"])}
        assert posts, site  # each site has its blog or news folder
        pages = [path for path in files if path.startswith("docs/") and path.endswith(".md")]
        assert len(pages) > 50, site  # the demo's pages, not an empty tree
        not_index = [path for path in pages if PurePosixPath(path).name != "index.md"]
        assert not_index, site  # the posts
        assert [path for path in not_index if str(PurePosixPath(path).parent) not in posts] == [], site


def test_the_nav_names_index_pages_that_exist(demo_trees) -> None:
    for site, files in demo_trees.items():
        nav = yaml.safe_load(files["mkdocs.yml"])["nav"]
        targets = [target for item in nav for target in item.values()]
        assert len(targets) > 5, site
        for target in targets:
            assert PurePosixPath(target).name == "index.md" and f"docs/{target}" in files, (site, target)


def test_a_page_lives_in_the_folder_of_its_url() -> None:
    """What templates link to (url) and where the page is written (docs path) stay one."""
    for kind in ("resource", "category", "audience", "agenda_audience", "agenda_town", "agenda_library", "series",
                 "event", "library", "group", "page"):
        doc = paths._KINDS[kind]("une-page")
        assert doc == paths.link(kind, "une-page") + "index.md"
    assert paths.link("page", "agenda/index") == "agenda/"  # a generated index named by its folder
    assert paths.page("index") == paths.HOME
    assert paths.titles("pnb", 2) == "ressources/pnb/titres/page-2/index.md"
    assert paths.link("titles", "pnb") == "ressources/pnb/titres/"
    for doc in (paths.AGENDA_PAST, paths.ACCESSIBILITY, paths.NETWORK, paths.GUIDE, paths.OPEN_DATA, paths.EMBED):
        assert doc == paths.url_of(doc) + "index.md"


def test_an_editors_page_cannot_take_the_folder_of_a_generated_page(tmp_path) -> None:
    """content/public/agenda.md would be written agenda/index.md, over the site's agenda: a check error."""
    project = small_network(tmp_path / "network")
    front = "---\ntitle: Infos\n---\n\nTexte.\n"
    (project / "content" / "pro").mkdir(exist_ok=True)  # the new network has no pro page yet
    (project / "content" / "public" / "agenda.md").write_text(front, encoding="utf-8")
    (project / "content" / "pro" / "reseau.md").write_text(front, encoding="utf-8")
    (project / "content" / "pro" / "index.md").write_text(front, encoding="utf-8")
    (project / "content" / "public" / "agenda-infos.md").write_text(front, encoding="utf-8")  # a name of its own
    with pytest.raises(ProjectInvalid) as caught:
        load_graph(project)
    told = {str(p.location.file): p.message for p in caught.value.problems}
    assert sorted(told) == ["content/pro/index.md", "content/pro/reseau.md", "content/public/agenda.md"], told
    assert told["content/public/agenda.md"] == (
        "« agenda.md » ne peut pas être une page : l'adresse agenda/ est réservée à une page que bibnum écrit "
        "lui-même ; renommez le fichier, par ex. « agenda-infos.md »")
    assert "l'adresse reseau/" in told["content/pro/reseau.md"]
    assert "l'accueil du site" in told["content/pro/index.md"]
    (project / "content" / "public" / "agenda.md").unlink()
    (project / "content" / "pro" / "reseau.md").unlink()
    (project / "content" / "pro" / "index.md").unlink()
    assert "agenda-infos" in {page.id for page in load_graph(project).pages}
