"""End to end: the demo network built for real (session fixture `demo_build`), read back as HTML and iCalendar.

Expectations come from the model (`load_graph` + `SiteView`), never from the HTML
itself, so a page that silently drops or adds an item fails here.
"""

from __future__ import annotations

from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from icalendar import Calendar

from generator.build import build
from tests.conftest import DEMO_NOW
from tests.e2e.helpers import (
    ALL_SITES,
    PUBLIC_SITES,
    html_pages,
    normalise,
    parse,
    rel_parts,
    resolve,
    text_of,
)

pytestmark = pytest.mark.e2e


# --------------------------------------------------------------------------------------------
# helpers local to this module


def site_dir(demo_build, site_id: str) -> Path:
    path = (demo_build.out / site_id).resolve()
    assert path.is_dir(), f"site {site_id} was not built into {demo_build.out}"
    return path


def section(soup, heading_id: str):
    """The <section> labelled by the heading with this id."""
    found = soup.select_one(f'section[aria-labelledby="{heading_id}"]')
    assert found is not None, f"no section labelled #{heading_id}"
    return found


def linked_ids(root: Path, page: Path, anchors, folder: str) -> list[str]:
    """Ids of the `folder/<id>/` pages the anchors point to (each checked to exist)."""
    ids = []
    for anchor in anchors:
        target = resolve(root, page, anchor["href"])
        assert target.is_file(), f"{anchor['href']!r} in {page} points to a missing page"
        parts = rel_parts(root, target)
        assert len(parts) == 3 and parts[0] == folder and parts[2] == "index.html", (
            f"{anchor['href']!r} in {page} is not a {folder}/<id>/ page"
        )
        ids.append(parts[1])
    return ids


def subfolders(path: Path) -> set[str]:
    return {p.name for p in path.iterdir() if p.is_dir()} if path.is_dir() else set()


def fr_money(amount: Decimal) -> str:
    """French currency format written independently of babel: '1 920,00 €'."""
    return f"{amount:,.2f}".replace(",", " ").replace(".", ",") + " €"


def fr_number(value: int) -> str:
    return f"{value:,}".replace(",", " ")


def blog_listing(root: Path, blog_dir: str) -> list[str]:
    """Post ids listed by a blog index, following its pagination (blog_dir/page/N/)."""
    pages = [root / blog_dir / "index.html"]
    pages += sorted((root / blog_dir / "page").glob("*/index.html"), key=lambda p: int(p.parent.name))
    ids: list[str] = []
    for page in pages:
        soup = parse(page)
        ids += linked_ids(root, page, soup.select("article.md-post h2 a[href]"), blog_dir)
    return ids


def event_card_ids(root: Path, page: Path, container) -> list[str]:
    return linked_ids(root, page, container.select("li.bn-event h3 a[href]"), "evenements")


def ics_events(path: Path) -> list:
    assert path.is_file(), f"missing calendar {path}"
    calendar = Calendar.from_ical(path.read_bytes())
    return [component for component in calendar.walk("VEVENT")]


def tz_name(value: datetime) -> str | None:
    tz = value.tzinfo
    return getattr(tz, "key", None) or getattr(tz, "zone", None) or (str(tz) if tz else None)


# --------------------------------------------------------------------------------------------
# 1. home pages


@pytest.mark.parametrize("site_id", ALL_SITES)
def test_home_page_is_french_and_names_the_site(demo_build, graph, site_id):
    soup = parse(site_dir(demo_build, site_id) / "index.html")
    assert soup.html is not None and soup.html.get("lang") == "fr"
    assert graph.site(site_id).name in [text_of(h1) for h1 in soup.find_all("h1")]


@pytest.mark.parametrize("site_id", PUBLIC_SITES)
def test_public_home_whats_new_categories_and_upcoming_events(demo_build, graph, views, site_id):
    root, view = site_dir(demo_build, site_id), views[site_id]
    page = root / "index.html"
    soup = parse(page)

    new = section(soup, "bn-new")
    assert text_of(new.find("h2")) == "Nouveautés"
    cards = new.select("li.bn-card")
    assert cards, "the 'Nouveautés' section shows no resource card"
    shown_new = linked_ids(root, page, [card.select_one("h3 a[href]") for card in cards], "ressources")
    assert shown_new == [r.id for r in view.new_resources()]

    tiles = section(soup, "bn-categories").select("a.bn-tile[href]")
    assert linked_ids(root, page, tiles, "categories") == [term.id for term, _ in view.by_category()]

    upcoming = section(soup, "bn-upcoming")
    times = upcoming.select("li.bn-event time[datetime]")
    assert times, "no upcoming event on the home page"
    for time in times:
        # An event is upcoming while it is not over; no demo event is under way at DEMO_NOW,
        # so every card's start is also in the future.
        assert datetime.fromisoformat(time["datetime"]) >= DEMO_NOW, time
    ids = event_card_ids(root, page, upcoming)
    assert ids == [ev.id for ev in view.upcoming()[:4]]
    past = {ev.id for ev in view.past()}
    assert past, "the demo should hold past events, or this test proves nothing"
    assert not past & set(ids)


def test_pro_home_latest_posts_and_no_draft_anywhere(demo_build, graph, views):
    root, view = site_dir(demo_build, "pro"), views["pro"]
    page = root / "index.html"
    soup = parse(page)
    published = [p for p in view.posts if not p.meta.draft]
    links = section(soup, "bn-posts").select("ul.bn-news a[href]")
    assert linked_ids(root, page, links, "blog") == [p.id for p in published[:4]]

    drafts = [p for p in graph.posts if p.kind == "blog" and p.meta.draft]
    assert drafts, "the demo should hold a draft post (draft: true in content/blog/posts/)"
    for draft in drafts:
        for path in root.rglob("*"):
            assert draft.id not in path.relative_to(root).as_posix(), f"draft {draft.id} published as {path}"
            if path.is_file():
                data = path.read_bytes()
                assert draft.id.encode() not in data, f"draft {draft.id} referenced in {path}"
                assert draft.meta.title.encode() not in data, f"draft title shown in {path}"


# --------------------------------------------------------------------------------------------
# 2. resource pages and access links


@pytest.mark.parametrize("site_id", PUBLIC_SITES)
def test_every_resource_page_has_its_site_access_link(demo_build, graph, views, site_id):
    root, view, site = site_dir(demo_build, site_id), views[site_id], graph.site(site_id)
    assert view.resources
    assert subfolders(root / "ressources") == {r.id for r in view.resources}
    for res in view.resources:
        page = root / "ressources" / res.id / "index.html"
        soup = parse(page)
        assert [text_of(h1) for h1 in soup.find_all("h1")] == [res.title]
        assert text_of(soup.title) == f"{res.title} - {site.name}"
        link = view.links[res.id]
        buttons = soup.select("[data-bn-access-button]")
        if link.kind == "on_site":
            assert buttons == []
            onsite = soup.select_one(".bn-access__onsite")
            assert onsite is not None and link.where in text_of(onsite)
        else:
            assert len(buttons) == 1, f"{res.id}: expected one access button"
            assert buttons[0]["href"] == link.url, res.id


def test_access_links_differ_between_portals(demo_build, graph, views):
    hrefs = {}
    for site_id in PUBLIC_SITES:
        root = site_dir(demo_build, site_id)
        hrefs[site_id] = {}
        for res in views[site_id].resources:
            button = parse(root / "ressources" / res.id / "index.html").select_one("[data-bn-access-button]")
            if button is not None:
                hrefs[site_id][res.id] = button["href"]
    common = hrefs["calvados"].keys() & hrefs["caen"].keys()
    differing = {rid for rid in common if hrefs["calvados"][rid] != hrefs["caen"][rid]}
    assert differing, "the EZproxy (calvados) and CAS (caen) portals give the same links"
    login = {rid for rid in common if views["caen"].links[rid].kind == "login"}
    assert login <= differing, "a login resource has the same link through EZproxy and CAS"
    ezproxy, cas = graph.site("calvados").login, graph.site("caen").login
    assert (ezproxy.kind, cas.kind) == ("ezproxy", "cas")
    for rid in login:
        assert hrefs["calvados"][rid].startswith(ezproxy.base.rstrip("/") + "/login?qurl=https%3A%2F%2F"), rid
        assert hrefs["caen"][rid].startswith(cas.base.rstrip("/") + "/login?service=https%3A%2F%2F"), rid


def test_on_site_resource_exists_in_the_demo(views):
    assert any(link.kind == "on_site" for link in views["calvados"].links.values())


def test_resource_restricted_to_calvados_has_no_caen_page(demo_build, graph):
    restricted = [r for r in graph.resources.values() if r.sites == ["calvados"]]
    assert restricted, "the demo should hold a resource with sites: [calvados]"
    for res in restricted:
        assert (site_dir(demo_build, "calvados") / "ressources" / res.id / "index.html").is_file()
        assert not (site_dir(demo_build, "caen") / "ressources" / res.id).exists()
        for page in html_pages(site_dir(demo_build, "caen")):
            for anchor in parse(page).select("a[href]"):
                assert f"ressources/{res.id}/" not in anchor["href"], f"{page} links to {res.id}"


def test_calvados_library_chooser_lists_every_library_without_js(demo_build, views):
    root, view = site_dir(demo_build, "calvados"), views["calvados"]
    assert view.site.library_logins
    with_chooser = 0
    for res in view.resources:
        soup = parse(root / "ressources" / res.id / "index.html")
        chooser = soup.select("[data-bn-chooser]")
        expected = view.library_links.get(res.id)
        if not expected:
            assert chooser == [], f"{res.id}: chooser without library logins"
            continue
        with_chooser += 1
        assert len(chooser) == 1
        listing = chooser[0].select_one("[data-bn-chooser-list]")
        assert listing is not None and listing.has_attr("open") and not listing.has_attr("hidden")
        assert not any(parent.has_attr("hidden") for parent in listing.parents)
        anchors = [a for a in listing.select("a[data-library]") if a["data-library"]]
        got = [(a["data-library"], a["href"]) for a in anchors]
        assert got == [(item.library.id, item.link.url) for item in expected], res.id
        assert {lid for lid, _ in got} == {lib.id for lib in view.libraries}
        assert len(got) == len(view.libraries)
        network = listing.select('a[data-library=""]')
        assert [a["href"] for a in network] == [view.links[res.id].url]
    assert with_chooser, "no calvados resource offers the library chooser"


def test_caen_has_no_library_chooser(demo_build, views):
    root = site_dir(demo_build, "caen")
    assert not views["caen"].site.library_logins
    for page in html_pages(root):
        assert parse(page).select("[data-bn-chooser]") == [], page


# --------------------------------------------------------------------------------------------
# 3. event pages


@pytest.mark.parametrize("site_id", ALL_SITES)
def test_every_event_page_has_title_time_and_ics_link(demo_build, views, site_id):
    root, view = site_dir(demo_build, site_id), views[site_id]
    assert view.events
    assert subfolders(root / "evenements") == {ev.id for ev in view.events}
    for ev in view.events:
        page = root / "evenements" / ev.id / "index.html"
        soup = parse(page)
        assert [text_of(h1) for h1 in soup.find_all("h1")] == [ev.title]
        times = soup.select(".bn-event-page time[datetime]")
        assert [t["datetime"] for t in times] == [ev.start.isoformat()]
        ics = [a for a in soup.select("a[href]") if a["href"].endswith(f"{ev.id}.ics")]
        assert ics, f"{ev.id}: no link to its .ics"
        for anchor in ics:
            assert resolve(root, page, anchor["href"]) == root / "evenements" / f"{ev.id}.ics"
            assert (root / "evenements" / f"{ev.id}.ics").is_file()


def test_pro_events_only_on_pro_and_public_events_only_on_portals(demo_build, graph, views):
    pro_ids = {ev.id for ev in graph.events.values() if ev.scope == "pro"}
    public_ids = {ev.id for ev in graph.events.values() if ev.scope == "public"}
    assert pro_ids and public_ids
    assert {ev.id for ev in views["pro"].events} == pro_ids
    assert not subfolders(site_dir(demo_build, "pro") / "evenements") & public_ids
    for site_id in PUBLIC_SITES:
        shown = subfolders(site_dir(demo_build, site_id) / "evenements")
        assert shown <= public_ids and not shown & pro_ids
        assert {ev.scope for ev in views[site_id].events} == {"public"}


# --------------------------------------------------------------------------------------------
# 4. iCalendar files


def uid_key(ev) -> str:
    """What precedes '@' in an event's UID: its id, or the agenda's own UID for a harvested event."""
    return (ev.uid or ev.id).split("@")[0]


@pytest.mark.parametrize("site_id", ALL_SITES)
def test_agenda_ics_holds_every_event_of_the_site(demo_build, views, site_id):
    root, view = site_dir(demo_build, site_id), views[site_id]
    vevents = ics_events(root / "agenda" / "agenda.ics")
    assert len(vevents) == len(view.events)
    uids = [str(v["UID"]) for v in vevents]
    assert len(set(uids)) == len(uids)
    expected = {uid_key(ev): ev for ev in view.events}
    for vevent in vevents:
        assert vevent["DTSTART"].params.get("TZID") == "Europe/Paris"
        start = vevent.decoded("DTSTART")
        assert tz_name(start) == "Europe/Paris"
        ev = expected[str(vevent["UID"]).split("@")[0]]
        assert start.replace(tzinfo=None) == ev.start
        assert str(vevent["SUMMARY"]) == ev.title


@pytest.mark.parametrize("site_id", ALL_SITES)
def test_each_event_ics_holds_that_event(demo_build, views, site_id):
    root, view = site_dir(demo_build, site_id), views[site_id]
    agenda_uids = {str(v["UID"]) for v in ics_events(root / "agenda" / "agenda.ics")}
    for ev in view.events:
        vevents = ics_events(root / "evenements" / f"{ev.id}.ics")
        assert len(vevents) == 1
        (vevent,) = vevents
        assert str(vevent["UID"]) in agenda_uids
        assert str(vevent["UID"]).startswith(ev.uid or f"{ev.id}@")
        assert vevent["DTSTART"].params.get("TZID") == "Europe/Paris"
        assert tz_name(vevent.decoded("DTSTART")) == "Europe/Paris"
        assert vevent.decoded("DTSTART").replace(tzinfo=None) == ev.start


@pytest.mark.parametrize("site_id", PUBLIC_SITES)
def test_library_ics_holds_that_library_events(demo_build, views, site_id):
    root, view = site_dir(demo_build, site_id), views[site_id]
    assert {p.stem for p in (root / "bibliotheques").glob("*.ics")} == {lib.id for lib in view.libraries}
    with_events = 0
    for lib in view.libraries:
        expected = view.events_by_library.get(lib.id, [])
        with_events += bool(expected)
        vevents = ics_events(root / "bibliotheques" / f"{lib.id}.ics")
        assert sorted(str(v["UID"]).split("@")[0] for v in vevents) == sorted(uid_key(ev) for ev in expected)
        for vevent in vevents:
            assert vevent["DTSTART"].params.get("TZID") == "Europe/Paris"
            assert tz_name(vevent.decoded("DTSTART")) == "Europe/Paris"
    assert with_events


# --------------------------------------------------------------------------------------------
# 5. blog and news


def test_pro_blog_index_lists_published_posts(demo_build, views):
    root = site_dir(demo_build, "pro")
    published = [p.id for p in views["pro"].posts if not p.meta.draft]
    listed = blog_listing(root, "blog")
    assert sorted(listed) == sorted(published)
    assert len(listed) == len(set(listed))


def test_pro_post_pages_show_title_authors_and_categories(demo_build, graph, views):
    root, site = site_dir(demo_build, "pro"), graph.site("pro")
    posts = [p for p in views["pro"].posts if not p.meta.draft]
    assert any(p.meta.authors for p in posts) and any(p.meta.categories for p in posts)
    for post in posts:
        page = root / "blog" / post.id / "index.html"
        soup = parse(page)
        assert [text_of(h1) for h1 in soup.find_all("h1")] == [post.meta.title]
        assert text_of(soup.title) == f"{post.meta.title} - {site.name}"
        names = [text_of(s) for s in soup.select(".md-post__authors .md-profile__description strong")]
        assert names == [graph.authors[a].name for a in post.meta.authors], post.id
        category_links = [a for a in soup.select(".md-post__meta a[href]") if "category/" in a["href"]]
        assert [text_of(a) for a in category_links] == list(post.meta.categories), post.id
        for anchor in category_links:
            assert resolve(root, page, anchor["href"]).is_file(), anchor["href"]


@pytest.mark.parametrize("site_id", PUBLIC_SITES)
def test_public_news_index_lists_the_site_news(demo_build, views, site_id):
    root = site_dir(demo_build, site_id)
    expected = [p.id for p in views[site_id].posts if not p.meta.draft]
    assert expected
    assert sorted(blog_listing(root, "actualites")) == sorted(expected)
    for post_id in expected:
        assert (root / "actualites" / post_id / "index.html").is_file()


def test_caen_only_news_is_absent_from_calvados(demo_build, graph):
    caen_only = [p for p in graph.posts if p.kind == "news" and p.meta.sites == ["caen"]]
    assert caen_only, "the demo should hold a news item with sites: [caen]"
    calvados, caen = site_dir(demo_build, "calvados"), site_dir(demo_build, "caen")
    for post in caen_only:
        assert (caen / "actualites" / post.id / "index.html").is_file()
        assert not (calvados / "actualites" / post.id).exists()
        for page in html_pages(calvados):
            soup = parse(page)
            assert post.meta.title not in soup.get_text(), f"{page} shows the caen-only news"
            assert not [a for a in soup.select("a[href]") if post.id in a["href"]], page


# --------------------------------------------------------------------------------------------
# 6. libraries


@pytest.mark.parametrize("site_id", PUBLIC_SITES)
def test_libraries_index_lists_every_library_of_the_site(demo_build, views, site_id):
    root, view = site_dir(demo_build, site_id), views[site_id]
    page = root / "bibliotheques" / "index.html"
    links = parse(page).select(".bn-library__name a[href]")
    assert linked_ids(root, page, links, "bibliotheques") == [lib.id for lib in view.libraries]
    assert subfolders(root / "bibliotheques") == {lib.id for lib in view.libraries}


@pytest.mark.parametrize("site_id", PUBLIC_SITES)
def test_library_page_shows_address_and_upcoming_events(demo_build, views, site_id):
    root, view = site_dir(demo_build, site_id), views[site_id]
    with_events = 0
    for lib in view.libraries:
        page = root / "bibliotheques" / lib.id / "index.html"
        soup = parse(page)
        assert [text_of(h1) for h1 in soup.find_all("h1")] == [lib.name]
        address = f"{lib.address.street}, {lib.address.postcode} {lib.address.city}"
        assert normalise(address) in [text_of(dd) for dd in soup.select(".bn-library-page dl.bn-facts dd")]
        expected = [ev.id for ev in view.upcoming(view.events_by_library.get(lib.id, []))]
        with_events += bool(expected)
        assert event_card_ids(root, page, soup.select_one(".bn-library-page")) == expected, lib.id
    assert with_events, f"no library of {site_id} has an upcoming event"


def test_pro_network_page_counts_each_town_once_with_its_fee(demo_build, graph):
    soup = parse(site_dir(demo_build, "pro") / "reseau" / "index.html")
    rate = graph.network.fee_per_inhabitant
    assert rate == Decimal("0.15")
    declared = {town.name: town.population for town in graph.network.towns}
    from_files = {lib.town: lib.population for lib in graph.libraries.values() if lib.town not in declared}
    expected = {**from_files, **declared}
    libraries_per_town = {name: sum(lib.town == name for lib in graph.libraries.values()) for name in expected}
    assert max(libraries_per_town.values()) >= 2, "the demo should have a town with several libraries"
    assert min(libraries_per_town.values()) == 0, "the demo should have a member town without a library file"
    rows = soup.select_one("#bn-towns-caption").find_parent("table").select("tbody tr")
    assert sorted(text_of(row.th) for row in rows) == sorted(expected)  # each town once
    total = Decimal(0)
    for row in rows:
        name, cells = text_of(row.th), [text_of(td) for td in row.find_all("td")]
        fee = (Decimal(expected[name]) * rate).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        total += fee
        assert cells[1] == fr_number(expected[name]), name
        assert cells[4] == fr_money(fee), name
    figures = [text_of(f) for f in soup.select(".bn-figure")]
    assert fr_money(total) in figures
    assert fr_number(sum(expected.values())) in figures
    assert fr_money(Decimal(1920)) == "1 920,00 €"  # the format itself, as written in the brief


def test_library_profiles_on_the_pro_site_and_history_on_the_about_pages(demo_build, graph):
    root = site_dir(demo_build, "pro")
    index = root / "bibliotheques" / "index.html"
    table = parse(index).select_one("table")
    assert table.caption is not None and table.select("thead th[scope=col]")
    assert sorted(linked_ids(root, index, table.select("tbody th a[href]"), "bibliotheques")) == sorted(
        graph.libraries)
    with_profile = next(lib for lib in graph.libraries.values() if lib.profile and lib.profile.ils)
    profile = parse(root / "bibliotheques" / with_profile.id / "index.html")
    assert with_profile.profile.ils.product in text_of(profile.select_one(".bn-library-page"))
    for site_id in PUBLIC_SITES:
        about = parse(site_dir(demo_build, site_id) / "a-propos" / "index.html")
        assert len(section(about, "bn-history").select("ol > li")) == len(graph.network.milestones)
        assert len(section(about, "bn-funding").select("tbody tr")) == len(graph.network.funders)


# --------------------------------------------------------------------------------------------
# 7. catalogue and facets


def card_ids(root: Path, page: Path) -> list[str]:
    cards = parse(page).select("ul[data-bn-cards] > li.bn-card")
    return linked_ids(root, page, [c.select_one("h3 a[href]") for c in cards], "ressources")


@pytest.mark.parametrize("site_id", PUBLIC_SITES)
def test_category_and_audience_pages_list_exactly_their_resources(demo_build, views, site_id):
    root, view = site_dir(demo_build, site_id), views[site_id]
    assert subfolders(root / "categories") == {term.id for term, _ in view.by_category()}
    assert subfolders(root / "publics") == {term.id for term, _ in view.by_audience()}
    for term, items in view.by_category():
        page = root / "categories" / term.id / "index.html"
        assert card_ids(root, page) == [r.id for r in items], term.id
        assert {c["data-category"] for c in parse(page).select("li.bn-card")} == {term.id}
    for term, items in view.by_audience():
        page = root / "publics" / term.id / "index.html"
        assert card_ids(root, page) == [r.id for r in items], term.id
        for card in parse(page).select("li.bn-card"):
            assert term.id in card["data-audiences"].split()


@pytest.mark.parametrize("site_id", PUBLIC_SITES)
def test_catalogue_has_hidden_filter_form_and_one_card_per_resource(demo_build, views, site_id):
    from generator.view.site_view import access_facet

    root, view = site_dir(demo_build, site_id), views[site_id]
    page = root / "ressources" / "index.html"
    soup = parse(page)
    forms = soup.select("form[data-bn-filter]")
    assert len(forms) == 1 and forms[0].has_attr("hidden")
    assert {s["name"] for s in forms[0].select("select")} == {"category", "audiences", "devices", "languages", "access"}
    assert card_ids(root, page) == [r.id for r in view.resources]
    cards = soup.select("ul[data-bn-cards] > li.bn-card")
    for res, card in zip(view.resources, cards):
        assert card["data-category"] == res.category
        assert card["data-audiences"].split() == list(res.audiences)
        assert card["data-devices"].split() == list(res.devices)
        assert card["data-languages"].split() == list(res.languages)
        assert card["data-access"] == access_facet(view.links[res.id].kind)


# --------------------------------------------------------------------------------------------
# 8. mandatory and editorial pages


@pytest.mark.parametrize("site_id", PUBLIC_SITES)
def test_accessibility_statement_on_public_portals(demo_build, graph, site_id):
    page = site_dir(demo_build, site_id) / "accessibilite" / "index.html"
    soup = parse(page)
    assert soup.select_one(".bn-statement") is not None
    assert text_of(soup.title).startswith("Déclaration d'accessibilité")
    assert graph.site(site_id).accessibility.organisation in soup.get_text()
    assert not (site_dir(demo_build, "pro") / "accessibilite").exists()


def test_editor_guide_on_pro_with_tables(demo_build):
    page = site_dir(demo_build, "pro") / "guide-editeur" / "index.html"
    soup = parse(page)
    assert [text_of(h1) for h1 in soup.find_all("h1")] == ["Guide de l'éditeur"]
    tables = soup.select("article table")
    assert tables and all(t.select("tr") for t in tables)


# --------------------------------------------------------------------------------------------
# 9. privacy: nothing loads from a third party


THIRD_PARTY_FONTS = ("fonts.googleapis.com", "fonts.gstatic.com")


@pytest.mark.parametrize("site_id", ALL_SITES)
def test_no_page_loads_anything_from_another_host(demo_build, graph, site_id):
    root = site_dir(demo_build, site_id)
    own = urlsplit(graph.site(site_id).url)
    pages = html_pages(root)
    assert any(p.name == "index.html" for p in pages)
    for page in pages:
        raw = page.read_text(encoding="utf-8")
        for host in THIRD_PARTY_FONTS:
            assert host not in raw, f"{page} references {host}"
        soup = parse(page)
        for script in soup.select("script[src]"):
            src = script["src"].strip().lower()
            assert not src.startswith(("http:", "https:", "//")), f"{page}: script from {script['src']}"
        for link in soup.select("link[href]"):
            href = link["href"].strip()
            if not href.lower().startswith(("http:", "https:", "//")):
                continue
            # rel=canonical names the page's own public address; browsers never fetch it.
            target = urlsplit(href)
            rel = set(link.get("rel") or [])
            assert rel <= {"canonical", "alternate"} and (target.scheme, target.netloc) == (own.scheme, own.netloc), (
                f"{page}: <link rel={sorted(rel)} href={href}> loads from another host"
            )


# --------------------------------------------------------------------------------------------
# internal links (beyond the brief: every relative link of every page reaches a built file)


@pytest.mark.parametrize("site_id", ALL_SITES)
def test_every_relative_link_reaches_a_built_file(demo_build, site_id):
    root = site_dir(demo_build, site_id)
    broken = []
    for page in html_pages(root):
        if page.name == "404.html":  # Material writes its links root-absolute from site_url there
            continue
        soup = parse(page)
        for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            for element in soup.find_all(tag):
                href = element.get(attr)
                if not href or urlsplit(href).scheme or href.startswith(("//", "#")):
                    continue
                if not resolve(root, page, href).is_file():
                    broken.append(f"{page.relative_to(root)} -> {href}")
    assert not broken, "\n".join(sorted(set(broken)))


# --------------------------------------------------------------------------------------------
# headings (beyond the brief: RGAA 9.1 / axe 'page-has-heading-one')

BLOG_INDEXES = {"calvados": "actualites", "caen": "actualites", "pro": "blog"}


@pytest.mark.parametrize("site_id", ALL_SITES)
def test_every_page_has_one_h1(demo_build, site_id):
    root = site_dir(demo_build, site_id)
    wrong = [
        f"{page.relative_to(root)}: {len(parse(page).find_all('h1'))} h1"
        for page in html_pages(root)
        if len(parse(page).find_all("h1")) != 1
    ]
    assert not wrong, "\n".join(wrong)


def test_page_heading_is_the_page_title_not_the_nav_label(demo_build):
    page = parse(site_dir(demo_build, "calvados") / "accessibilite" / "index.html")
    assert page.find("h1").get_text(strip=True) == "Déclaration d'accessibilité"


# --------------------------------------------------------------------------------------------
# 10. reproducibility


def test_same_inputs_give_byte_identical_outputs(demo_build, tmp_path):
    """The session's demo copy built a second time, into another folder, gives the same bytes.

    Every file is compared (pages, calendars, sitemaps, search index), not only index.html
    and .ics: DESIGN.md asks for byte-identical outputs.
    """
    project = demo_build.out.parent  # demo_build builds <copy>/ into <copy>/site
    again = build(project, out=tmp_path / "again", now=DEMO_NOW)

    def outputs(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}

    first, second = outputs(demo_build.out), outputs(again.out)
    pages = [path for path in first if path.endswith("index.html")]
    calendars = [path for path in first if path.endswith(".ics")]
    assert len(pages) > 100 and len(calendars) > 20
    assert sorted(first) == sorted(second)
    differing = sorted(path for path in first if first[path] != second[path])
    assert differing == [], f"not reproducible: {differing[:20]}"


def test_no_build_machine_path_leaks_into_the_output(demo_build):
    project = str(demo_build.out.parent.resolve()).encode()
    for path in demo_build.out.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".ics", ".xml", ".json", ".js", ".css"}:
            assert project not in path.read_bytes(), f"{path} contains the build folder's path"


def test_past_events_say_so_and_upcoming_do_not(demo_build, views):
    view = views["calvados"]
    past, upcoming = view.past()[0], view.upcoming()[0]
    notice = "Cet événement a eu lieu."
    assert notice in text_of(parse(site_dir(demo_build, "calvados") / "evenements" / past.id / "index.html"))
    assert notice not in text_of(parse(site_dir(demo_build, "calvados") / "evenements" / upcoming.id / "index.html"))
