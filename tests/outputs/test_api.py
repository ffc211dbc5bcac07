"""JSON API v1: every document valid against its published schema, deterministic, absolute URLs."""

from __future__ import annotations

import json
import re

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from generator.outputs import locations as loc
from generator.outputs.api import PAGE_SIZE, api_documents, api_files, schema_names, schema_text
from generator.view import paths
from generator.pages.pro import pro_files
from tests.outputs.conftest import NOW, PORTAL_URL, PRO_URL, event, make_view, title

OFFSET = re.compile(r"[+-]\d{2}:\d{2}$")


def validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(json.loads(schema_text(name)), format_checker=FormatChecker())


def assert_valid(document: dict, name: str) -> None:
    errors = sorted(validator(name).iter_errors(document), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


def titles_for(resource_id: str, count: int) -> dict:
    return {resource_id: tuple(title(resource_id, n) for n in range(1, count + 1))}


@pytest.mark.parametrize("name", ["resources", "titles", "titles-page", "events", "libraries"])
def test_every_schema_is_a_valid_draft_2020_12_schema(name):
    Draft202012Validator.check_schema(json.loads(schema_text(name)))


def test_public_documents_validate_against_their_schemas():
    view = make_view("portail", titles=titles_for("presse-en-ligne", 3))
    documents = api_documents(view)
    assert set(documents) == {loc.RESOURCES_JSON, loc.TITLES_JSON, loc.EVENTS_JSON, loc.LIBRARIES_JSON}
    assert_valid(documents[loc.RESOURCES_JSON], "resources")
    assert_valid(documents[loc.TITLES_JSON], "titles")
    assert_valid(documents[loc.EVENTS_JSON], "events")
    assert_valid(documents[loc.LIBRARIES_JSON], "libraries")


def test_envelope_names_version_schema_site_licence_and_build_day():
    view = make_view("portail")
    document = api_documents(view)[loc.RESOURCES_JSON]
    assert document["version"] == "1.0"
    assert document["schema"] == PORTAL_URL + "api/v1/schema/resources.schema.json"
    assert document["generated"] == "2026-11-21T00:00:00+01:00"  # the build's day, never the clock
    assert document["site"] == {"id": "portail", "name": "Le Portail & ses ressources", "url": PORTAL_URL}
    assert document["licence"]["name"] == "Licence Ouverte / Etalab 2.0"
    assert document["count"] == len(document["resources"]) == 3


def test_resources_carry_absolute_page_and_access_links_per_site_and_library():
    view = make_view("portail")
    records = {r["id"]: r for r in api_documents(view)[loc.RESOURCES_JSON]["resources"]}
    press = records["presse-en-ligne"]
    assert press["url"] == PORTAL_URL + "ressources/presse-en-ligne/"
    assert press["access"]["kind"] == "login"
    assert press["access"]["url"] == "https://proxy.example.org/login?qurl=https%3A%2F%2Fpresse-en-ligne.example.org%2F"
    # library_logins: one entry point per library of the site
    assert [entry["library"] for entry in press["access"]["libraries"]] == ["bayeux", "vire"]
    assert records["gallica"]["access"] == {"kind": "direct", "url": "https://gallica.example.org/", "where": None,
                                           "libraries": []}
    assert records["archives"]["access"]["url"] is None
    assert records["archives"]["access"]["where"] == "Aux archives départementales"
    assert press["description_html"] == "<p>Une <strong>présentation</strong>.</p>"
    assert press["languages"] == [{"id": "fr", "label": "Français"}, {"id": "en", "label": "Anglais"}]
    assert press["titles"] == {"count": 0, "rss": None, "atom": None, "opds": None}


def test_resource_with_titles_links_its_feeds():
    view = make_view("portail", titles=titles_for("gallica", 2))
    records = {r["id"]: r for r in api_documents(view)[loc.RESOURCES_JSON]["resources"]}
    assert records["gallica"]["titles"] == {
        "count": 2,
        "rss": PORTAL_URL + "ressources/gallica/nouveautes.xml",
        "atom": PORTAL_URL + "ressources/gallica/nouveautes.atom",
        "opds": PORTAL_URL + "opds/titres/gallica.xml",
    }


def test_event_dates_carry_the_paris_offset_of_their_season():
    view = make_view("portail")
    events = {e["id"]: e for e in api_documents(view)[loc.EVENTS_JSON]["events"]}
    assert events["atelier-bayeux"]["start"] == "2026-11-28T14:00:00+01:00"
    assert events["club-lecture"]["start"] == "2026-07-08T10:00:00+02:00"
    assert events["atelier-bayeux"]["library"] == {
        "id": "bayeux", "name": "Médiathèque bayeux", "url": PORTAL_URL + "bibliotheques/bayeux/"}
    assert events["atelier-bayeux"]["ics"] == PORTAL_URL + "evenements/atelier-bayeux.ics"
    assert "formation-pro" not in events  # pro events stay on the pro site
    starts = [e["start"] for e in events.values()]
    assert list(events) == [e["id"] for e in sorted(events.values(), key=lambda e: e["start"])]
    assert all(OFFSET.search(s) for s in starts)


def test_titles_are_inline_up_to_the_page_size():
    view = make_view("portail", titles=titles_for("gallica", 4))
    documents = api_documents(view, page_size=4)
    assert set(documents) >= {loc.TITLES_JSON} and loc.titles_page(1) not in documents
    titles = documents[loc.TITLES_JSON]
    assert titles["count"] == 4 and "pages" not in titles
    # newest first within a resource
    seen = [t["first_seen"] for t in titles["titles"]]
    assert seen == sorted(seen, reverse=True)


def test_titles_become_an_index_of_pages_past_the_page_size():
    view = make_view("portail", titles=titles_for("gallica", 5))
    documents = api_documents(view, page_size=2)
    index = documents[loc.TITLES_JSON]
    assert_valid(index, "titles")
    assert "titles" not in index and index["page_size"] == 2 and index["count"] == 5
    assert [p["count"] for p in index["pages"]] == [2, 2, 1]
    assert [p["url"] for p in index["pages"]] == [PORTAL_URL + loc.titles_page(n) for n in (1, 2, 3)]
    pages = [documents[loc.titles_page(n)] for n in (1, 2, 3)]
    for page in pages:
        assert_valid(page, "titles-page")
    assert [t["id"] for p in pages for t in p["titles"]] == [
        t.id for t in sorted(titles_for("gallica", 5)["gallica"], key=lambda t: (-t.first_seen.toordinal(), t.id))]
    assert pages[0]["previous"] is None and pages[0]["next"] == PORTAL_URL + loc.titles_page(2)
    assert pages[2]["next"] is None and pages[2]["previous"] == PORTAL_URL + loc.titles_page(2)
    assert PAGE_SIZE == 5000


def test_no_titles_yet_gives_an_empty_valid_list():
    documents = api_documents(make_view("portail"))
    assert documents[loc.TITLES_JSON]["titles"] == []
    assert_valid(documents[loc.TITLES_JSON], "titles")


def test_titles_of_resources_the_site_does_not_show_stay_out():
    view = make_view("portail", titles=titles_for("ailleurs", 2))
    assert api_documents(view)[loc.TITLES_JSON]["count"] == 0


def test_pro_site_publishes_its_agenda_and_the_libraries_only():
    view = make_view("pro")
    documents = api_documents(view)
    assert set(documents) == {loc.EVENTS_JSON, loc.LIBRARIES_JSON}
    assert [e["id"] for e in documents[loc.EVENTS_JSON]["events"]] == ["formation-pro"]
    assert_valid(documents[loc.EVENTS_JSON], "events")
    assert_valid(documents[loc.LIBRARIES_JSON], "libraries")
    assert documents[loc.EVENTS_JSON]["events"][0]["url"] == PRO_URL + "evenements/formation-pro/"
    assert set(schema_names(view)) == {"events", "libraries"}


def pro_page_urls(view) -> set[str]:
    """The absolute URL of every page the pro site's docs tree holds."""
    return {PRO_URL + paths.url_of(path) for path in pro_files(view, "example.org") if path.endswith(".md")}


def test_pro_library_records_link_to_their_pro_page():
    view = make_view("pro", events=[event("reunion", scope="pro", library="vire")])
    documents = api_documents(view)
    libraries = {lib["id"]: lib for lib in documents[loc.LIBRARIES_JSON]["libraries"]}
    assert {lid: lib["url"] for lid, lib in libraries.items()} == {
        "bayeux": PRO_URL + "bibliotheques/bayeux/", "vire": PRO_URL + "bibliotheques/vire/"}
    assert set(lib["url"] for lib in libraries.values()) <= pro_page_urls(view)  # the profile pages exist
    assert all(lib["ics"] is None for lib in libraries.values())  # a library's calendar: public portals only
    assert documents[loc.EVENTS_JSON]["events"][0]["library"]["url"] == PRO_URL + "bibliotheques/vire/"
    assert_valid(documents[loc.LIBRARIES_JSON], "libraries")
    assert_valid(documents[loc.EVENTS_JSON], "events")


def test_an_edition_gives_its_series_page_and_its_theme():
    editions = [
        event("journee-2026", scope="pro", library=None, place="Caen", series="journee-pro", theme="Les jeux vidéo",
              start="2026-12-04T09:00", end="2026-12-04T17:00"),
        event("formation-pro", scope="pro", kind="formation", library=None, place="Caen"),
    ]
    view = make_view("pro", events=editions)
    document = api_documents(view)[loc.EVENTS_JSON]
    assert_valid(document, "events")
    records = {e["id"]: e for e in document["events"]}
    assert records["journee-2026"]["series"] == {
        "id": "journee-pro", "label": "La journée « pro »", "url": PRO_URL + "agenda/series/journee-pro/"}
    assert records["journee-2026"]["theme"] == "Les jeux vidéo"
    assert records["formation-pro"]["series"] is None and records["formation-pro"]["theme"] is None
    assert records["journee-2026"]["series"]["url"] in pro_page_urls(view)  # the series page exists


def test_each_document_carries_the_version_its_schema_fixes():
    documents = {**api_documents(make_view("portail", titles=titles_for("gallica", 3)), page_size=2),
                 **api_documents(make_view("pro"))}
    versions = {path: doc["version"] for path, doc in documents.items()}
    for path, document in documents.items():
        name = document["schema"].rsplit("/", 1)[1].removesuffix(".schema.json")
        assert document["version"] == json.loads(schema_text(name))["properties"]["version"]["const"]
    # series and theme were added to the events, the pro page to the libraries: minor versions
    assert versions[loc.EVENTS_JSON] == versions[loc.LIBRARIES_JSON] == "1.1"
    assert versions[loc.RESOURCES_JSON] == versions[loc.TITLES_JSON] == versions[loc.titles_page(1)] == "1.0"


def test_files_are_deterministic_sorted_json_with_their_schemas_beside_them():
    first = api_files(make_view("portail", titles=titles_for("gallica", 3)))
    second = api_files(make_view("portail", titles=titles_for("gallica", 3)))
    assert first == second
    for name in ("resources", "titles", "titles-page", "events", "libraries"):
        assert first[loc.schema(name)] == schema_text(name)
    text = first[loc.RESOURCES_JSON]
    assert text.endswith("}\n") and "Le Portail & ses ressources" in text  # UTF-8 text, not \u escapes
    document = json.loads(text)
    assert list(document) == sorted(document)
    assert list(document["resources"][0]) == sorted(document["resources"][0])
    assert str(NOW.year) in document["generated"]
    # the mass data (titles) is compact, the rest indented for people reading it
    assert "\n " not in first[loc.TITLES_JSON] and json.loads(first[loc.TITLES_JSON])["count"] == 3
    assert "\n  " in text
