"""End to end: harvested titles and agendas in the built portals, and hostile feeds kept inert."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator.build import build
from generator.harvest_command import harvest
from tests.conftest import DEMO_NOW, copy_project
from tests.e2e.helpers import parse, resolve, text_of

pytestmark = pytest.mark.e2e


def test_resource_page_lists_newest_titles_and_links_to_all(demo_build) -> None:
    site = demo_build.out / "calvados"
    page = site / "ressources" / "pnb" / "index.html"
    soup = parse(page)
    titles = soup.select(".bn-resource-titles .bn-title")
    assert len(titles) == 10
    first = titles[0].select_one("a")
    assert text_of(first).startswith("Le Carnet rouge")
    assert first["href"].startswith("https://proxy.boitenumerique.example.org/login?qurl=https%3A%2F%2F")
    more = next(a for a in soup.select(".bn-resource-titles a") if text_of(a) == "Tous les titres (32)")
    listing = resolve(site, page, more["href"])
    assert listing == (site / "ressources" / "pnb" / "titres" / "index.html").resolve()
    assert len(parse(listing).select(".bn-title")) == 32


def test_titles_link_through_the_caen_login(demo_build) -> None:
    soup = parse(demo_build.out / "caen" / "ressources" / "izneo" / "titres" / "index.html")
    links = [li.select_one("a")["href"] for li in soup.select(".bn-title")]
    assert len(links) == 24
    assert all(href.startswith("https://cas.caenlamer.example.org/cas/login?service=https%3A%2F%2F") for href in links)


def test_harvested_agenda_shows_on_the_library_page(demo_build) -> None:
    soup = parse(demo_build.out / "calvados" / "bibliotheques" / "ifs" / "index.html")
    assert "Contes de Noël" in text_of(soup)


HOSTILE = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><id>urn:x</id><title>Piège</title><updated>2026-11-20T10:00:00Z</updated>
<entry><title>Le &lt;script&gt;alert(1)&lt;/script&gt; piège &lt;img src=x onerror=alert(2)&gt;</title>
<id>urn:isbn:9782070612758</id><updated>2026-11-20T10:00:00Z</updated>
<author><name>&lt;b onmouseover="alert(3)"&gt;Auteur&lt;/b&gt;</name></author>
<link rel="alternate" type="text/html" href="javascript:alert(4)"/>
<summary type="html">&lt;p&gt;Résumé&lt;script&gt;alert(5)&lt;/script&gt;&lt;img src=x onerror=alert(6)&gt;
&lt;a href="javascript:alert(7)"&gt;clic&lt;/a&gt;&lt;iframe src="https://evil.example.org"&gt;&lt;/iframe&gt;

[lien](javascript:alert(8)) &lt;style&gt;body{display:none}&lt;/style&gt;&lt;/p&gt;</summary></entry>
<entry><title type="html">&lt;b&gt;Gras&lt;/b&gt; &amp;amp; «&amp;nbsp;citations&amp;nbsp;»</title><id>tag:x,2026:2</id>
<updated>2031-01-01T00:00:00Z</updated><published>pas une date</published>
<link href="data:text/html;base64,PHNjcmlwdD5hbGVydCg5KTwvc2NyaXB0Pg=="/></entry>
</feed>
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("hostile-feed") / "network")
    (project / "data" / "feeds" / "piege.atom").write_text(HOSTILE, encoding="utf-8")
    sources = yaml.safe_load((project / "data" / "sources.yml").read_text(encoding="utf-8"))
    sources["sources"].append({"id": "piege", "kind": "feed", "url": "data/feeds/piege.atom", "resource": "cafeyn"})
    (project / "data" / "sources.yml").write_text(yaml.safe_dump(sources, allow_unicode=True), encoding="utf-8")
    report = harvest(project, now=DEMO_NOW, only=["piege"])
    assert report.rows[0].status == "ok" and report.rows[0].total == 2
    return build(project, sites=["calvados"], out=project.parent / "out", now=DEMO_NOW).out / "calvados"


@pytest.mark.parametrize("page", ["ressources/cafeyn/index.html", "ressources/cafeyn/titres/index.html"])
def test_nothing_hostile_reaches_the_html(hostile_site: Path, page: str) -> None:
    soup = parse(hostile_site / page)
    content = soup.select_one("article")
    section = content.select(".bn-title")
    assert len(section) == 2
    html = str(content)
    for bad in ("<script", "<iframe", "<img", "<style"):
        assert bad not in html.lower(), bad
    for tag in content.find_all(True):
        assert not [a for a in tag.attrs if a.lower().startswith("on")], tag
        values = " ".join(str(v) for v in tag.attrs.values()).lower()
        assert "javascript:" not in values and "data:" not in values, tag
    # Markdown link syntax in a summary stays inert text, never a link.
    assert "[lien](javascript:alert(8))" in text_of(content)
    names = [text_of(li.select_one(".bn-title__name")) for li in section]
    assert any(name.startswith("Le scriptalert(1)/script piège") for name in names), names
    assert any(name.startswith("Gras & « citations »") for name in names), names
    summary = text_of(content.select_one(".bn-title__summary"))
    assert "Résumé" in summary and "alert(5)" not in summary
    for li in section:  # no provider link left: both go to the resource page
        assert li.select_one("a")["href"] in ("../../ressources/cafeyn/", "../../../ressources/cafeyn/")
    metas = [text_of(li.select_one(".bn-title__meta")) for li in section]
    assert "Document" in metas  # the future and unparsable dates were dropped, not shown
    assert any(re.search(r"Paru le 20 nov\. 2026", meta) for meta in metas)
