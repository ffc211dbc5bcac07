"""A page's `menu:` is its short label in the nav; the page keeps its full title (heading and <title>)."""

from __future__ import annotations

import yaml

from generator.build import load_graph
from generator.work_tree import generate_site
from tests.conftest import DEMO_NOW, REPO
from tests.e2e.helpers import parse, text_of


def nav_labels(files) -> dict[str, str]:
    nav = yaml.safe_load(files["mkdocs.yml"])["nav"]
    return {target: label for item in nav for label, target in item.items()}


def test_nav_uses_the_menu_label_and_the_page_its_title() -> None:
    graph = load_graph(REPO)
    files = generate_site(graph, graph.site("calvados"), DEMO_NOW)
    labels = nav_labels(files)
    assert labels["aide/index.md"] == "Aide"  # menu: Aide
    assert labels["a-propos/index.md"] == "À propos de la Boîte numérique"  # no menu: the title
    page = files["docs/aide/index.md"]
    assert "title: Aide et questions fréquentes\n" in page
    assert "\n<h1>Aide et questions fréquentes</h1>\n" in page
    assert "<h1>" not in files["docs/a-propos/index.md"]  # the engine writes the title itself


def test_built_page_shows_its_full_title_under_a_short_tab(demo_build) -> None:
    soup = parse(demo_build.out / "calvados" / "aide" / "index.html")
    assert text_of(soup.find("h1")) == "Aide et questions fréquentes"
    assert text_of(soup.find("title")).startswith("Aide et questions fréquentes")
    nav = [text_of(a) for a in soup.select(".md-nav--primary a.md-nav__link")]
    assert "Aide" in nav and "Aide et questions fréquentes" not in nav
