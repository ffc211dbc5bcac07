from decimal import Decimal

from generator.build import load_graph
from generator.view.site_view import SiteView
from tests.conftest import DEMO_NOW, REPO


def test_site_slices_and_fee():
    graph = load_graph(REPO)
    calvados = SiteView.build(graph, graph.site("calvados"), DEMO_NOW)
    caen = SiteView.build(graph, graph.site("caen"), DEMO_NOW)
    pro = SiteView.build(graph, graph.site("pro"), DEMO_NOW)
    assert all(ev.scope == "public" for ev in calvados.events)
    assert all(ev.scope == "pro" for ev in pro.events)
    assert not pro.resources
    assert {lib.id for lib in caen.libraries} < {lib.id for lib in calvados.libraries}
    assert all(ev.end >= DEMO_NOW for ev in calvados.upcoming())
    assert all(ev.end < DEMO_NOW for ev in calvados.past())
    assert len(calvados.upcoming()) + len(calvados.past()) == len(calvados.events)
    lib = calvados.libraries[0]
    assert calvados.fee(lib) == (Decimal(calvados.population_of(lib)) * Decimal("0.15")).quantize(Decimal("0.01"))
    # French sort: accents do not push a title to the end
    titles = [r.title for r in calvados.resources]
    assert titles == sorted(titles, key=lambda t: t.casefold().replace("é", "e").replace("É", "e"))
