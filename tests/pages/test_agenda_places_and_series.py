"""The agenda by town and by library (static pages, link lists, the instant filter's form) and event
series (a page listing every edition with its theme, linked from each edition)."""

from __future__ import annotations

import dataclasses
import re

import pytest

from generator.build import load_graph
from generator.work_tree import generate_site
from generator.errors import ProjectInvalid
from tests.conftest import DEMO_NOW, REPO

SERIES = "docs/agenda/series/cest-dans-la-boite/index.md"


@pytest.fixture(scope="module")
def graph():
    return load_graph(REPO)


@pytest.fixture(scope="module")
def calvados(graph):
    return generate_site(graph, graph.site("calvados"), DEMO_NOW)


@pytest.fixture(scope="module")
def pro(graph):
    return generate_site(graph, graph.site("pro"), DEMO_NOW)


def links(page: str, prefix: str) -> list[str]:
    return re.findall(rf'href="\.\./{prefix}([^"/]+)/"', page)


def titles(page: str) -> list[str]:
    return re.findall(r'class="bn-event__title"><a href="[^"]+">([^<]+)</a>', page)


def test_every_town_and_library_of_the_portal_has_its_agenda_page(graph, calvados) -> None:
    shown = [lib for lib in graph.libraries.values() if "calvados" in lib.sites]
    assert {p for p in calvados if p.startswith("docs/agenda/bibliotheques/")} == {
        f"docs/agenda/bibliotheques/{lib.id}/index.md" for lib in shown}
    index = calvados["docs/agenda/index.md"]
    assert sorted(links(index, "agenda/bibliotheques/")) == sorted(lib.id for lib in shown)
    assert "herouville-saint-clair" in links(index, "agenda/communes/")  # accents folded in the address


def test_a_town_page_lists_the_upcoming_events_of_its_libraries(graph, calvados) -> None:
    page = calvados["docs/agenda/communes/ifs/index.md"]
    expected = [ev.title for ev in graph.events.values()
                if ev.library == "ifs" and ev.scope == "public" and ev.end >= DEMO_NOW]
    assert expected and titles(page) == [t.replace("'", "&#39;") for t in expected]
    assert "<h1>Agenda — Ifs</h1>" in page
    assert 'href="../../../agenda/bibliotheques/ifs/"' in page  # its libraries' own agenda pages


def test_a_library_page_links_to_the_library_and_its_town(calvados) -> None:
    page = calvados["docs/agenda/bibliotheques/pont-l-eveque/index.md"]
    assert 'href="../../../bibliotheques/pont-l-eveque/"' in page
    assert 'href="../../../agenda/communes/pont-l-eveque/"' in page
    assert len(titles(page)) == 1


def test_the_filter_form_offers_only_places_with_upcoming_events(calvados) -> None:
    index = calvados["docs/agenda/index.md"]
    form = index[index.index("<form class=\"bn-filter\""):index.index("</form>")]
    towns = re.findall(r'<option value="([^"]+)">', form[form.index('name="town"'):form.index('name="library"')])
    assert "ifs" in towns and "lisieux" not in towns  # no upcoming event in Lisieux on DEMO_NOW
    assert '<label for="bn-filter-town">Commune</label>' in form
    assert 'role="status" aria-live="polite"' in form
    cards = re.findall(r'<li class="bn-event[^"]*" data-town="([^"]*)" data-library="([^"]*)"', index)
    assert ("ifs", "ifs") in cards
    assert "data-bn-cards" in index and "data-bn-empty" in index


def test_many_towns_are_grouped_by_initial(graph) -> None:
    base = graph.libraries["bayeux"]
    extra = {f"lib-{n}": base.model_copy(update={"id": f"lib-{n}", "town": town})
             for n, town in enumerate(["Épron", "Eterville", "Authie", "Amblie", *[f"Ville {n:02d}" for n in range(30)]])}
    big = dataclasses.replace(graph, libraries={**graph.libraries, **extra})
    index = generate_site(big, big.site("calvados"), DEMO_NOW)["docs/agenda/index.md"]
    assert "bn-places--letters" in index
    letters = re.findall(r'<span class="bn-places__letter" aria-hidden="true">(.)</span>', index)
    assert letters[:2] == ["A", "B"] and "É" not in letters
    e_row = index[index.index('aria-hidden="true">E<'):]
    e_row = e_row[:e_row.index("</ul>")]
    assert "Épron" in e_row and "Eterville" in e_row


def test_series_page_lists_every_edition_with_its_theme(pro) -> None:
    page = pro[SERIES]
    upcoming, past = page.split("<h2>Éditions passées</h2>")
    assert "Journée professionnelle 2026" in upcoming and "Thème : Faire connaître les ressources" in upcoming
    assert "Journée professionnelle 2025" in past and "Thème : La jeunesse et le numérique" in past


def test_each_edition_links_to_its_series(pro) -> None:
    page = pro["docs/evenements/2025-12-05-cest-dans-la-boite-2025/index.md"]
    assert '<dt>Série</dt>\n<dd><a href="../../agenda/series/cest-dans-la-boite/">' in page


def test_an_unknown_series_is_reported_at_its_line(demo_copy) -> None:
    path = demo_copy / "data/events/2025-12-05-cest-dans-la-boite-2025.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("series: cest-dans-la-boite", "series: cest-dans-la-boit"), encoding="utf-8")
    with pytest.raises(ProjectInvalid) as caught:
        load_graph(demo_copy)
    found = [(p.location.file, p.location.line) for p in caught.value.problems]
    assert found == [("data/events/2025-12-05-cest-dans-la-boite-2025.yml", 3)]
    assert "cest-dans-la-boit" in caught.value.problems[0].message


def test_the_agenda_links_to_the_series_it_shows(pro, calvados) -> None:
    assert 'href="../agenda/series/cest-dans-la-boite/"' in pro["docs/agenda/index.md"]
    assert "agenda/series/" not in calvados["docs/agenda/index.md"]  # the demo's series is the pro day
