"""iCalendar output: RFC 5545 structure, Paris times, escaping, folding, reproducibility."""

from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from generator.models.event import Event
from generator.models.library import Library
from generator.outputs.ical import calendar_ics, markdown_to_text

PARIS = ZoneInfo("Europe/Paris")
STAMP = datetime(2026, 10, 1, 6, 30, tzinfo=timezone.utc)
SITE = "https://boitenumerique.example.org/"
LONG_DESCRIPTION = (
    "## Au programme\n\n"
    "Découvrez **Tout apprendre** : des cours d'anglais en ligne, avec votre carte de "
    "bibliothèque, sur [le portail](https://boitenumerique.example.org/ressources/tout-apprendre/).\n\n"
    "- apportez votre tablette ;\n- ou utilisez celles de la médiathèque."
)
SUMMARY_SPECIAL = r"COPIL; bilan, budget \ perspectives"


def library() -> Library:
    return Library.model_validate(
        {
            "id": "bayeux",
            "name": "Médiathèque « Les 7 Lieux »",
            "town": "Bayeux",
            "population": 12_000,
            "address": {"street": "1 boulevard Fabian-Ware", "postcode": "14400", "city": "Bayeux"},
            "geo": {"lat": 49.2764, "lon": -0.7056},
            "joined": 2016,
            "sites": ["calvados"],
        }
    )


def events() -> list[Event]:
    # Deliberately not in chronological order.
    return [
        Event.model_validate(
            {
                "id": "copil-2026",
                "title": SUMMARY_SPECIAL,
                "kind": "copil",
                "scope": "pro",
                "start": "2026-12-03T09:30",
                "end": "2026-12-03T12:00",
                "place": "Hôtel du Département, Caen",
                "summary": "Comité de pilotage annuel.",
                "status": "cancelled",
            }
        ),
        Event.model_validate(
            {
                "id": "atelier-anglais",
                "title": "Atelier « Anglais » : débuter en été",
                "kind": "atelier",
                "start": "2026-11-28T14:00",
                "end": "2026-11-28T16:00",
                "library": "bayeux",
                "summary": "Apprendre l'anglais en ligne avec la médiathèque.",
                "description": LONG_DESCRIPTION,
            }
        ),
        Event.model_validate(
            {
                "id": "webinaire-pnb",
                "title": "Webinaire PNB",
                "kind": "formation",
                "scope": "pro",
                "start": "2026-11-28T14:00",
                "end": "2026-11-28T15:00",
                "online_url": "https://visio.example.org/pnb",
                "summary": "Les nouveautés du prêt numérique.",
                "status": "postponed",
            }
        ),
    ]


def build(evts: list[Event] | None = None) -> bytes:
    return calendar_ics(
        events() if evts is None else evts,
        name="Agenda de La Boîte numérique",
        libraries={"bayeux": library()},
        site_url=SITE,
        stamp=STAMP,
        uid_domain="boitenumerique.example.org",
        event_url=lambda e: f"agenda/{e.id}/",
    )


@pytest.fixture
def raw() -> bytes:
    return build()


@pytest.fixture
def vevents(raw: bytes) -> dict[str, object]:
    cal = Calendar.from_ical(raw)
    return {str(ev["uid"]): ev for ev in cal.walk("VEVENT")}


def test_calendar_properties(raw: bytes) -> None:
    cal = Calendar.from_ical(raw)
    assert str(cal["prodid"]) == "-//bibnum//bibnum//FR"
    assert str(cal["version"]) == "2.0"
    assert str(cal["calscale"]) == "GREGORIAN"
    assert str(cal["method"]) == "PUBLISH"
    assert str(cal["x-wr-calname"]) == "Agenda de La Boîte numérique"
    assert str(cal["x-wr-timezone"]) == "Europe/Paris"


def test_vtimezone_for_paris(raw: bytes) -> None:
    cal = Calendar.from_ical(raw)
    timezones = cal.walk("VTIMEZONE")
    assert [str(tz["tzid"]) for tz in timezones] == ["Europe/Paris"]
    assert cal.get_missing_tzids() == set()
    assert {c.name for c in timezones[0].subcomponents} == {"STANDARD", "DAYLIGHT"}


def test_events_sorted_by_start_then_id(raw: bytes) -> None:
    uids = [str(ev["uid"]) for ev in Calendar.from_ical(raw).walk("VEVENT")]
    assert uids == [
        "atelier-anglais@boitenumerique.example.org",
        "webinaire-pnb@boitenumerique.example.org",
        "copil-2026@boitenumerique.example.org",
    ]


def test_paris_start_and_end(vevents: dict) -> None:
    ev = vevents["atelier-anglais@boitenumerique.example.org"]
    start, end = ev.decoded("dtstart"), ev.decoded("dtend")
    assert start == datetime(2026, 11, 28, 14, 0, tzinfo=PARIS)
    assert end == datetime(2026, 11, 28, 16, 0, tzinfo=PARIS)
    assert start.utcoffset().total_seconds() == 3600  # CET in November
    assert ev["dtstart"].params["TZID"] == "Europe/Paris"
    assert ev["dtend"].params["TZID"] == "Europe/Paris"


def test_summer_time_is_kept_as_wall_clock() -> None:
    summer = events()[1].model_copy(update={"start": datetime(2026, 7, 4, 10), "end": datetime(2026, 7, 4, 12)})
    ev = Calendar.from_ical(build([summer])).walk("VEVENT")[0]
    assert ev.decoded("dtstart") == datetime(2026, 7, 4, 10, tzinfo=PARIS)
    assert ev.decoded("dtstart").utcoffset().total_seconds() == 7200
    assert b"DTSTART;TZID=Europe/Paris:20260704T100000\r\n" in build([summer])


def test_dtstamp_is_the_given_stamp(vevents: dict) -> None:
    for ev in vevents.values():
        assert ev.decoded("dtstamp") == STAMP


def test_non_ascii_summary(vevents: dict) -> None:
    ev = vevents["atelier-anglais@boitenumerique.example.org"]
    assert str(ev["summary"]) == "Atelier « Anglais » : débuter en été"


def test_special_characters_round_trip(raw: bytes, vevents: dict) -> None:
    ev = vevents["copil-2026@boitenumerique.example.org"]
    assert str(ev["summary"]) == SUMMARY_SPECIAL
    assert b"SUMMARY:COPIL\\; bilan\\, budget \\\\ perspectives\r\n" in raw


def test_long_description_is_folded_and_unfolds(raw: bytes, vevents: dict) -> None:
    lines = raw.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    start = next(i for i, line in enumerate(lines) if line.startswith(b"DESCRIPTION:Apprendre"))
    assert lines[start + 1].startswith(b" ")  # a continuation line
    ev = vevents["atelier-anglais@boitenumerique.example.org"]
    description = str(ev["description"])
    assert len(description.encode()) > 75
    assert description == (
        "Apprendre l'anglais en ligne avec la médiathèque.\n\n"
        "Au programme\n\n"
        "Découvrez Tout apprendre : des cours d'anglais en ligne, avec votre carte de "
        "bibliothèque, sur le portail (https://boitenumerique.example.org/ressources/tout-apprendre/).\n\n"
        "• apportez votre tablette ;\n• ou utilisez celles de la médiathèque.\n\n"
        "https://boitenumerique.example.org/agenda/atelier-anglais/"
    )


def test_crlf_line_endings(raw: bytes) -> None:
    assert raw.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert b"\r" not in raw.replace(b"\r\n", b"")


def test_location_and_geo_from_library(vevents: dict) -> None:
    ev = vevents["atelier-anglais@boitenumerique.example.org"]
    assert str(ev["location"]) == "Médiathèque « Les 7 Lieux », 1 boulevard Fabian-Ware, 14400 Bayeux"
    geo = ev["geo"]
    assert (geo.latitude, geo.longitude) == (49.2764, -0.7056)


def test_location_from_place_or_online_url(vevents: dict) -> None:
    copil = vevents["copil-2026@boitenumerique.example.org"]
    webinar = vevents["webinaire-pnb@boitenumerique.example.org"]
    assert str(copil["location"]) == "Hôtel du Département, Caen"
    assert str(webinar["location"]) == "https://visio.example.org/pnb"
    assert "geo" not in copil and "geo" not in webinar


def test_unknown_library_falls_back_to_place() -> None:
    evt = events()[1].model_copy(update={"library": "ailleurs", "place": "Salle des fêtes, Vire"})
    ev = Calendar.from_ical(build([evt])).walk("VEVENT")[0]
    assert str(ev["location"]) == "Salle des fêtes, Vire"
    assert "geo" not in ev


def test_status_and_categories(vevents: dict) -> None:
    statuses = {uid.split("@")[0]: str(ev["status"]) for uid, ev in vevents.items()}
    assert statuses == {"atelier-anglais": "CONFIRMED", "copil-2026": "CANCELLED", "webinaire-pnb": "TENTATIVE"}
    ev = vevents["copil-2026@boitenumerique.example.org"]
    assert ev["categories"].cats == ["copil"]


def test_an_edition_gives_its_series_as_a_category_and_its_theme_in_the_description() -> None:
    edition = events()[0].model_copy(update={"series": "journee-pro", "theme": "Les jeux vidéo ; et après ?"})
    raw = build([edition])
    ev = Calendar.from_ical(raw).walk("VEVENT")[0]
    assert ev["categories"].cats == ["copil", "journee-pro"]  # the kind, then the series (taxonomy ids)
    assert str(ev["description"]).split("\n\n")[:2] == [
        "Comité de pilotage annuel.", "Thème : Les jeux vidéo ; et après ?"]
    assert b"RELATED-TO" not in raw  # a series is no component of the calendar: nothing to relate to
    assert b"Th\xc3\xa8me : Les jeux vid\xc3\xa9o \\; et apr\xc3\xa8s ?" in raw.replace(b"\r\n ", b"")  # TEXT-escaped


def test_url_is_absolute(vevents: dict) -> None:
    ev = vevents["webinaire-pnb@boitenumerique.example.org"]
    assert str(ev["url"]) == "https://boitenumerique.example.org/agenda/webinaire-pnb/"


def test_no_other_extension_properties(raw: bytes) -> None:
    x_props = sorted({line.split(b":")[0].split(b";")[0] for line in raw.split(b"\r\n") if line.startswith(b"X-")})
    assert x_props == [b"X-WR-CALNAME", b"X-WR-TIMEZONE"]


def test_same_inputs_give_identical_bytes(raw: bytes) -> None:
    assert build() == raw
    assert build(list(reversed(events()))) == raw


def test_instant_event_has_no_dtend() -> None:
    evt = events()[1].model_copy(update={"end": datetime(2026, 11, 28, 14, 0)})
    ev = Calendar.from_ical(build([evt])).walk("VEVENT")[0]
    assert "dtend" not in ev


def test_empty_agenda_still_declares_paris() -> None:
    cal = Calendar.from_ical(build([]))
    assert cal.walk("VEVENT") == []
    assert [str(tz["tzid"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/Paris"]


def test_naive_stamp_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        calendar_ics(
            [], name="x", libraries={}, site_url=SITE, stamp=datetime(2026, 1, 1),
            uid_domain="example.org", event_url=lambda e: "",
        )


def test_markdown_to_text_keeps_words_and_addresses() -> None:
    assert markdown_to_text("Voir **[le site](https://a.example.org)** et `snake_case`.") == (
        "Voir le site (https://a.example.org) et snake_case."
    )
    assert markdown_to_text("") == ""


def _one_calendar(evts: list[Event], name: str) -> bytes:
    """The same calendar built as one icalendar Calendar, as calendar_ics did before it
    assembled memoized pieces."""
    from datetime import date

    from icalendar import Event as IcsEvent
    from icalendar import Timezone

    from generator.outputs.ical import _STATUS, _description, _location

    ordered = sorted(evts, key=lambda e: (e.start, e.id))
    calendar = Calendar()
    for key, value in (("prodid", "-//bibnum//bibnum//FR"), ("version", "2.0"), ("calscale", "GREGORIAN"),
                       ("method", "PUBLISH"), ("x-wr-calname", name), ("x-wr-timezone", "Europe/Paris")):
        calendar.add(key, value)
    first = min(e.start for e in ordered).year if ordered else STAMP.year
    last = max(e.end for e in ordered).year if ordered else STAMP.year
    calendar.add_component(Timezone.from_tzid("Europe/Paris", first_date=date(first, 1, 1),
                                              last_date=date(last + 1, 1, 1)))
    libraries = {"bayeux": library()}
    for event in ordered:
        url = f"{SITE}agenda/{event.id}/"
        lib = libraries.get(event.library) if event.library else None
        vevent = IcsEvent()
        vevent.add("uid", event.uid or f"{event.id}@boitenumerique.example.org")
        vevent.add("dtstamp", STAMP)
        vevent.add("dtstart", event.start.replace(tzinfo=PARIS))
        if event.end > event.start:
            vevent.add("dtend", event.end.replace(tzinfo=PARIS))
        vevent.add("summary", event.title)
        vevent.add("description", _description(event, url))
        if _location(event, lib):
            vevent.add("location", _location(event, lib))
        if lib is not None and lib.geo is not None:
            vevent.add("geo", (lib.geo.lat, lib.geo.lon))
        vevent.add("url", url)
        vevent.add("status", _STATUS[event.status])
        vevent.add("categories", [event.kind, *([event.series] if event.series else [])])
        calendar.add_component(vevent)
    return calendar.to_ical()


def _with_an_edition() -> list[Event]:
    return [*events(), events()[1].model_copy(update={"id": "journee", "series": "journee-pro", "theme": "Jeux"})]


@pytest.mark.parametrize("subset", [slice(None), slice(0, 1), slice(1, 2), slice(0, 0), slice(2, 4)])
def test_assembled_calendar_is_what_icalendar_writes_in_one_piece(subset) -> None:
    evts = _with_an_edition()[subset]
    assert build(evts) == _one_calendar(evts, "Agenda de La Boîte numérique")
    assert build(evts) == build(evts)  # from the memoized pieces the second time
