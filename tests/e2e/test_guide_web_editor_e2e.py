"""The built demo: the pro site's guide has « Modifier le site sans git », naming the network's own web
editor (read from data/sites.yml's editing block), and the two ways to edit link to each other's
heading as the engine wrote it."""

from __future__ import annotations

import pytest

from generator.guide.web_editor import FILES_HEADING, HEADING, admin_url, anchor
from tests.e2e.helpers import parse, text_of

pytestmark = pytest.mark.e2e


def test_the_built_guide_names_the_web_editor_and_links_both_ways(demo_build, graph):
    pro = next(site for site in graph.sites if site.kind == "pro")
    assert graph.editing is not None, "the demo declares its web editor (data/sites.yml, editing:)"
    root = demo_build.out / pro.id
    soup = parse(root / "guide-editeur" / "index.html")
    for heading in (HEADING, FILES_HEADING):
        found = soup.find(id=anchor(heading))
        assert found is not None and found.name == "h2" and heading in text_of(found)
    hrefs = {a["href"] for a in soup.select("article a[href^='#']")}
    assert {f"#{anchor(HEADING)}", f"#{anchor(FILES_HEADING)}"} <= hrefs
    # the paragraph that names this network's editor, its address, repository and branch as code
    said = next(p for p in soup.select("article p") if "l'éditeur en ligne est à l'adresse" in p.get_text())
    assert [code.get_text() for code in said.select("code")][:3] == [
        admin_url(pro.url), graph.editing.repository, graph.editing.branch]
    assert (root / "admin" / "index.html").is_file()  # where the guide sends librarians
