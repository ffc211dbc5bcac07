"""Search records: a pure function of the model, one site at a time, never mixing public and pro."""

from __future__ import annotations

from collections import Counter

from generator.search.records import TYPES, site_records


def ids(records, kind: str) -> list[str]:
    return [r.id.split(":", 1)[1] for r in records if r.type == kind]


def test_records_are_pure_and_unique(views):
    for view in views.values():
        first, again = site_records(view), site_records(view)
        assert first == again
        assert len({r.id for r in first}) == len(first)
        # Grouped by type in TYPES order: each type is one run of doc ids.
        order = [TYPES.index(r.type) for r in first]
        assert order == sorted(order)


def test_a_public_portal_holds_what_it_shows_and_nothing_of_the_pro_site(views, demo_graph):
    for site in ("calvados", "caen"):
        view = views[site]
        records = site_records(view)
        kinds = Counter(r.type for r in records)
        assert set(kinds) <= {"resource", "title", "event", "library", "post", "page"}
        assert ids(records, "resource") == [r.id for r in sorted(view.resources, key=lambda r: (not r.featured,
                                                                                               view.resources.index(r)))]
        assert set(ids(records, "library")) == {lib.id for lib in view.libraries}
        events = {ev.id for ev in view.events}
        assert set(ids(records, "event")) == events
        assert all(demo_graph.events[e].scope == "public" for e in events)
        assert all(p.kind == "news" for p in demo_graph.posts if f"post:{p.id}" in {r.id for r in records})
        assert not any("guide" in r.id for r in records)
    assert "monde-diplomatique" in ids(site_records(views["calvados"]), "resource")
    assert "monde-diplomatique" not in ids(site_records(views["caen"]), "resource")


def test_the_pro_site_has_its_own_records(views, demo_graph):
    records = site_records(views["pro"])
    kinds = Counter(r.type for r in records)
    assert set(kinds) == {"event", "post", "group", "page"}
    assert all(demo_graph.events[e].scope == "pro" for e in ids(records, "event"))
    blog = {p.id for p in demo_graph.posts if p.kind == "blog" and not p.meta.draft}
    assert set(ids(records, "post")) == blog
    assert any(r.url.startswith("guide-editeur/#") for r in records)
    assert set(ids(records, "group")) == set(demo_graph.groups)


def test_drafts_are_never_searchable(views, demo_graph):
    drafts = {f"post:{p.id}" for p in demo_graph.posts if p.meta.draft}
    assert drafts
    for view in views.values():
        assert not drafts & {r.id for r in site_records(view)}


def test_titles_come_from_the_graph_and_open_their_resource(views):
    calvados = site_records(views["calvados"])
    titles = [r for r in calvados if r.type == "title"]
    assert [r.title for r in titles if r.resource == "assimil"] == [
        "L'espagnol sans peine", "L'anglais — Débutants"]  # newest first
    anglais = next(r for r in titles if r.title.startswith("L'anglais"))
    assert anglais.url == "ressources/assimil/"
    assert anglais.categories == ("autoformation",)
    assert "Anthony Bulger" in anglais.subtitle and "2025" in anglais.subtitle
    assert anglais.fields[0] == (10, "L'anglais — Débutants")
    assert "monde-diplomatique" in {r.resource for r in titles}
    assert "monde-diplomatique" not in {r.resource for r in site_records(views["caen"]) if r.type == "title"}


def test_events_rank_upcoming_soonest_first_then_past_latest_first(views):
    events = [r for r in site_records(views["calvados"]) if r.type == "event"]
    upcoming = [r for r in events if r.when == "upcoming"]
    past = [r for r in events if r.when == "past"]
    assert upcoming and past
    assert events == upcoming + past
    assert [r.date for r in upcoming] == sorted(r.date for r in upcoming)
    assert [r.date for r in past] == sorted((r.date for r in past), reverse=True)
    assert all(r.subtitle for r in events)


def test_featured_resources_rank_first_and_carry_their_facets(views):
    view = views["calvados"]
    resources = [r for r in site_records(view) if r.type == "resource"]
    featured = {r.id for r in view.resources if r.featured}
    flags = [r.id.split(":", 1)[1] in featured for r in resources]
    assert flags == sorted(flags, reverse=True)
    cafeyn = next(r for r in resources if r.id == "resource:cafeyn")
    assert cafeyn.categories == ("presse",) and "adultes" in cafeyn.audiences
    assert "presse" in cafeyn.text(6).lower()  # keywords and the category label weigh more than the body
