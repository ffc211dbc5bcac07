"""schema.org JSON-LD: Event and Library data, and a script block a hostile title cannot close."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from generator.models.event import Event
from generator.outputs.jsonld import event_data, event_script, library_data, library_script, script, script_json
from tests.outputs.conftest import PORTAL_URL, PRO_URL, event, make_view

HOSTILE = '</script><script>alert("x")</script><!-- & \u2028 </SCRIPT >'


def script_payload(markup: str):
    """What a browser's HTML parser sees: the scripts of the fragment and the JSON of the first."""
    soup = BeautifulSoup(f"<body>{markup}<p>after</p></body>", "html.parser")
    scripts = soup.find_all("script")
    return scripts, json.loads(scripts[0].string)


def test_script_escapes_everything_that_could_end_the_element():
    text = script_json({"name": HOSTILE})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"name": HOSTILE}
    scripts, data = script_payload(str(script({"name": HOSTILE})))
    assert len(scripts) == 1 and scripts[0]["type"] == "application/ld+json"
    assert data == {"name": HOSTILE}


def test_hostile_event_title_stays_inside_its_script():
    hostile = Event.model_construct(**{**event("atelier-bayeux").model_dump(), "title": HOSTILE})
    view = make_view("portail", events=[hostile])
    markup = str(event_script(view, hostile))
    scripts, data = script_payload(markup)
    assert len(scripts) == 1
    assert data["name"] == HOSTILE
    assert markup.count("</script>") == 1


def test_event_in_a_library():
    view = make_view("portail")
    data = event_data(view, view.graph.events["atelier-bayeux"])
    assert data["@context"] == "https://schema.org" and data["@type"] == "Event"
    assert data["startDate"] == "2026-11-28T14:00:00+01:00"
    assert data["endDate"] == "2026-11-28T16:00:00+01:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["url"] == PORTAL_URL + "evenements/atelier-bayeux/"
    assert data["location"] == {
        "@type": "Place",
        "name": "Médiathèque bayeux",
        "address": {"@type": "PostalAddress", "streetAddress": "1 rue de la Poste", "postalCode": "14000",
                    "addressLocality": "Bayeux", "addressCountry": "FR"},
        "geo": {"@type": "GeoCoordinates", "latitude": 49.2781, "longitude": -0.7031},
    }
    assert data["organizer"] == {"@type": "Library", "name": "Médiathèque bayeux",
                                 "url": PORTAL_URL + "bibliotheques/bayeux/"}


def test_mixed_online_and_cancelled_events():
    view = make_view("portail")
    mixed = event_data(view, view.graph.events["club-lecture"])
    assert mixed["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert mixed["location"] == [
        {"@type": "Place", "name": "Salle des fêtes, Vire", "address": "Salle des fêtes, Vire"},
        {"@type": "VirtualLocation", "url": "https://visio.example.org/club"},
    ]
    assert mixed["startDate"] == "2026-07-08T10:00:00+02:00"  # summer time
    assert mixed["organizer"] == {"@type": "Organization", "name": "Réseau « test »", "url": PORTAL_URL}
    online = event_data(view, view.graph.events["webinaire"])
    assert online["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert online["location"] == {"@type": "VirtualLocation", "url": "https://visio.example.org/w"}
    assert online["eventStatus"] == "https://schema.org/EventCancelled"


def test_pro_event_page_points_to_the_pro_site():
    view = make_view("pro")
    data = event_data(view, view.graph.events["formation-pro"])
    assert data["url"] == PRO_URL + "evenements/formation-pro/"
    assert data["organizer"]["url"] == PRO_URL


def test_pro_event_in_a_library_names_its_pro_page():
    view = make_view("pro", events=[event("reunion", scope="pro")])
    assert event_data(view, view.graph.events["reunion"])["organizer"] == {
        "@type": "Library", "name": "Médiathèque bayeux", "url": PRO_URL + "bibliotheques/bayeux/"}


def test_an_edition_is_part_of_its_event_series_with_its_theme():
    edition = event("journee-2026", scope="pro", library=None, place="Caen", series="journee-pro",
                    theme="Les jeux vidéo")
    view = make_view("pro", events=[edition, event("formation-pro", scope="pro", library=None, place="Caen")])
    scripts, data = script_payload(str(event_script(view, view.graph.events["journee-2026"])))
    assert data["superEvent"] == {"@type": "EventSeries", "name": "La journée « pro »",
                                  "url": PRO_URL + "agenda/series/journee-pro/"}
    assert data["about"] == {"@type": "Thing", "name": "Les jeux vidéo"}
    alone = event_data(view, view.graph.events["formation-pro"])
    assert "superEvent" not in alone and "about" not in alone


def test_library_with_readable_hours():
    view = make_view("portail")
    data = library_data(view, view.graph.libraries["bayeux"])
    assert data["@type"] == "Library"
    assert data["address"]["postalCode"] == "14000"
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 49.2781, "longitude": -0.7031}
    assert data["telephone"] == "02 31 00 00 00"
    assert data["sameAs"] == "https://bayeux.example.org/"
    assert data["openingHours"] == ["Tu 13:00-18:00", "We 10:00-12:30", "We 14:00-18:00"]
    assert data["memberOf"]["name"] == "Réseau « test »"


def test_library_with_unreadable_hours_omits_them():
    view = make_view("portail")
    data = library_data(view, view.graph.libraries["vire"])
    assert "openingHours" not in data and "geo" not in data and "telephone" not in data


@pytest.mark.parametrize("make", [
    lambda view: library_script(view, view.graph.libraries["bayeux"]),
    lambda view: event_script(view, view.graph.events["atelier-bayeux"]),
])
def test_scripts_parse_back(make):
    view = make_view("portail")
    scripts, data = script_payload(str(make(view)))
    assert len(scripts) == 1 and data["@context"] == "https://schema.org"
