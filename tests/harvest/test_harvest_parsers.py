"""Parsers: good feeds become clean records; malformed, hostile or lying documents are refused."""

from __future__ import annotations

from datetime import date

import pytest

from generator.harvest.parsers import ParseError
from generator.harvest.parsers.feed import parse_feed
from generator.harvest.parsers.ical import event_id, parse_ical
from generator.harvest.parsers.kbart import parse_kbart
from tests.harvest.helpers import atom, books

TODAY = date(2026, 11, 21)


def feed(body: bytes, kind: str = "feed", content_type: str | None = None):
    return parse_feed(body, content_type, kind=kind, title_kind="livre", today=TODAY)


def test_atom_entries_become_records() -> None:
    parsed = feed(atom(books(3)))
    assert parsed.entries == 3 and parsed.skipped == 0
    first = parsed.records[0]
    assert first["id"].startswith("isbn:978210") and len(first["id"]) == len("isbn:") + 13
    assert first["title"] == "Livre numéro 0"
    assert first["authors"] == ["Jeanne Auteur"]
    assert first["url"] == "https://provider.example.org/livre/0"
    assert first["summary_html"] == "<p>Résumé du livre 0.</p>"
    assert first["published"] == "2026-11-01" and first["kind"] == "livre"


def test_rss_items_keep_guid_identity_and_description() -> None:
    body = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Presse</title>
    <link>https://presse.example.org/</link><description>x</description><language>fr-FR</language>
    <item><title>Édition du 20 novembre</title><link>https://presse.example.org/2026-11-20</link>
    <guid>https://presse.example.org/2026-11-20</guid><pubDate>Fri, 20 Nov 2026 05:00:00 +0100</pubDate>
    <description>À la une : &lt;b&gt;le tramway&lt;/b&gt;</description></item></channel></rss>""".encode()
    record = feed(body).records[0]
    assert record["id"].startswith("guid:")
    assert record["published"] == "2026-11-20" and record["language"] == "fr"
    assert record["summary_html"] == "À la une : <b>le tramway</b>"


def test_opds_uses_dc_identifier_and_acquisition_link() -> None:
    body = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/terms/">
    <id>x</id><title>OPDS</title><updated>2026-11-20T10:00:00Z</updated>
    <entry><title>Album</title><id>https://bd.example.org/a/1</id><updated>2026-11-19T10:00:00Z</updated>
    <dc:identifier>ISBN 2-07-061275-9</dc:identifier><dc:issued>2026-11-18</dc:issued>
    <link rel="http://opds-spec.org/acquisition/borrow" href="https://bd.example.org/lire/1" type="text/html"/>
    </entry></feed>"""
    record = feed(body, kind="opds").records[0]
    assert record["id"] == "isbn:9782070612758"  # ISBN-10 normalised to 13 digits
    assert record["url"] == "https://bd.example.org/lire/1"
    assert record["published"] == "2026-11-18"


def test_opds_source_refuses_rss() -> None:
    body = b'<rss version="2.0"><channel><title>x</title><item><title>a</title><guid>1</guid></item></channel></rss>'
    with pytest.raises(ParseError, match="un flux OPDS est un flux Atom"):
        feed(body, kind="opds")


def test_hostile_entries_are_cleaned() -> None:
    entries = [{
        "id": "urn:isbn:9782070612758",
        "title": "Le <script>alert(1)</script> prince\x9b",
        "link": "javascript:alert(1)",
        "summary": '<p onclick="x">Bien<script>alert(2)</script><img src=x onerror=alert(3)>'
                   '<a href="javascript:alert(4)">clic</a><a href="https://ok.example.org/">ok</a></p>',
        "authors": ["<b>Auteur</b>"],
    }, {
        "id": "tag:evil,2026:2", "title": "<b>Gras</b> & 1 < 2", "title_type": "html",
        "link": " JaVaScRiPt:alert(5)", "summary": "<iframe src='https://evil.example.org'></iframe>",
    }]
    records = feed(atom(entries)).records
    first, second = records
    assert "<" not in first["title"] and ">" not in first["title"] and "\x9b" not in first["title"]
    assert first["url"] is None and second["url"] is None
    html = first["summary_html"] + second["summary_html"]
    for bad in ("script", "onerror", "onclick", "javascript", "iframe", "<img"):
        assert bad not in html.lower()
    assert '<a href="https://ok.example.org/"' in first["summary_html"]
    assert second["title"] == "Gras & 1 2"
    assert all("<" not in a for a in first["authors"])


def test_future_and_unparsable_dates_become_none() -> None:
    entries = [
        {**books(1)[0], "published": "2031-01-01T00:00:00Z"},
        {**books(1, start=1)[0], "published": "le jour de la Saint-Glinglin"},
        {**books(1, start=2)[0], "published": "2026-11-22T00:00:00Z"},  # within the tolerance
    ]
    records = {r["title"]: r for r in feed(atom(entries)).records}
    assert records["Livre numéro 0"]["published"] is None
    assert records["Livre numéro 1"]["published"] is None
    assert records["Livre numéro 2"]["published"] == "2026-11-22"


def test_malformed_xml_is_refused() -> None:
    with pytest.raises(ParseError, match="XML mal formé à la ligne"):
        feed(atom(books(2))[:-20])


def test_billion_laughs_is_refused_before_parsing() -> None:
    prolog = ('<!DOCTYPE lolz [<!ENTITY lol "lol">'
              + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10))
              + "]>")
    body = atom([{"id": "urn:x:1", "title": "&lol9;"}], prolog=prolog).replace(b"&amp;lol9;", b"&lol9;")
    with pytest.raises(ParseError, match="entités refusées"):
        feed(body)


def test_wrong_encoding_is_refused() -> None:
    body = atom([{"id": "urn:x:1", "title": "Les Misérables"}], encoding="latin-1").replace(
        b'encoding="latin-1"', b'encoding="utf-8"')
    with pytest.raises(ParseError, match="mauvais encodage : utf-8 déclaré"):
        feed(body)
    # The same bytes, honestly declared, are fine.
    honest = atom([{"id": "urn:x:1", "title": "Les Misérables"}], encoding="latin-1")
    assert feed(honest).records[0]["title"] == "Les Misérables"


def test_http_charset_wins_over_the_xml_declaration() -> None:
    body = atom([{"id": "urn:x:1", "title": "Été"}], encoding="utf-8")
    with pytest.raises(ParseError, match="mauvais encodage"):
        feed(body.decode().encode("latin-1"), content_type="application/atom+xml; charset=utf-8")


def test_not_a_feed_is_refused() -> None:
    with pytest.raises(ParseError):
        feed(b"<html><body>Maintenance</body></html>")


def test_entries_without_title_or_id_are_skipped_and_duplicates_once() -> None:
    entries = books(2) + [books(1)[0], {"id": "urn:x:9", "title": "   "}]
    parsed = feed(atom(entries))
    assert parsed.entries == 4 and len(parsed.records) == 2 and parsed.skipped == 2


# --- KBART -----------------------------------------------------------------------------------

KBART_HEADER = "publication_title\tprint_identifier\tonline_identifier\ttitle_url\tfirst_author\ttitle_id\tpublication_type\tdate_monograph_published_online\n"


def kbart(rows: list[str], header: str = KBART_HEADER) -> bytes:
    return (header + "\n".join(rows) + "\n").encode("utf-8")


def test_kbart_rows_become_records() -> None:
    body = kbart([
        'L\'anglais "sans peine"\t2-07-061275-9\t978-2-7005-0001-1\thttps://langues.example.org/anglais\tA. Bulger\tA1\tmonograph\t2024-03',
        "Revue\t\t0395-2037\thttps://langues.example.org/revue\t\tR1\tserial\t",
        "Sans identifiant\t\t\thttps://langues.example.org/x\t\tX9\tmonograph\t2031",
    ])
    records = parse_kbart(body, None, title_kind="cours", today=TODAY).records
    assert records[0]["id"] == "isbn:9782700500011"  # the online identifier comes first
    assert records[0]["title"] == 'L\'anglais "sans peine"' and records[0]["authors"] == ["A. Bulger"]
    assert records[0]["published"] == "2024-03-01" and records[0]["kind"] == "cours"
    assert records[1]["id"] == "issn:0395-2037"
    assert records[2]["id"].startswith("guid:") and records[2]["published"] is None


def test_kbart_refuses_a_file_without_its_header_and_bad_utf8() -> None:
    with pytest.raises(ParseError, match="ligne d'en-tête"):
        parse_kbart(b"title\turl\nx\ty\n", None, title_kind="cours", today=TODAY)
    with pytest.raises(ParseError, match="mauvais encodage"):
        parse_kbart(kbart(["Caf\xe9\t\t\thttps://x.example.org\t\t1\tmonograph\t"]).replace(b"\xc3\xa9", b"\xe9"),
                    None, title_kind="cours", today=TODAY)


def test_kbart_hostile_values_are_cleaned() -> None:
    body = kbart(["<script>alert(1)</script>Titre\t\t\tjavascript:alert(1)\t<b>X</b>\tT1\tmonograph\t"])
    record = parse_kbart(body, None, title_kind="cours", today=TODAY).records[0]
    assert "<" not in record["title"] and record["url"] is None and record["authors"] == ["bX/b"]


# --- iCalendar -------------------------------------------------------------------------------

def ics(events: str) -> bytes:
    return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//OpenAgenda//FR\r\n" + events + "END:VCALENDAR\r\n").encode()


EVENT = (
    "BEGIN:VEVENT\r\nUID:4521@openagenda.example.org\r\nDTSTAMP:20261120T050000Z\r\n"
    "DTSTART;TZID=Europe/Paris:20261205T150000\r\nDTEND;TZID=Europe/Paris:20261205T163000\r\n"
    "SUMMARY:Rencontre <script>x</script>BD\r\nDESCRIPTION:Première ligne.\\n\\nSeconde <b>ligne</b>.\r\n"
    "CATEGORIES:Heure du conte,Jeunesse\r\nURL:https://openagenda.example.org/e/4521\r\nEND:VEVENT\r\n"
)


def test_ical_events_become_records_with_their_uid() -> None:
    record = parse_ical(ics(EVENT), None, source_id="agenda-ifs", today=TODAY).records[0]
    assert record["uid"] == "4521@openagenda.example.org"
    assert record["id"] == event_id("agenda-ifs", "4521@openagenda.example.org")
    assert record["id"].startswith("agenda-ifs-4521-")
    assert record["start"] == "2026-12-05T15:00" and record["end"] == "2026-12-05T16:30"
    assert record["title"] == "Rencontre scriptx/scriptBD"
    assert record["description"] == "Première ligne.\n\nSeconde bligne/b."
    assert record["categories"] == ["Heure du conte", "Jeunesse"]
    assert record["url"] == "https://openagenda.example.org/e/4521"


def test_ical_utc_all_day_far_future_and_broken_events() -> None:
    events = (
        "BEGIN:VEVENT\r\nUID:utc\r\nDTSTART:20261205T140000Z\r\nSUMMARY:UTC\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:allday\r\nDTSTART;VALUE=DATE:20261206\r\nDTEND;VALUE=DATE:20261208\r\nSUMMARY:Expo\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:far\r\nDTSTART:20400101T100000Z\r\nSUMMARY:Trop loin\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:bad\r\nDTSTART:pas-une-date\r\nSUMMARY:Cassé\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nDTSTART:20261205T140000Z\r\nSUMMARY:Sans UID\r\nEND:VEVENT\r\n"
    )
    parsed = parse_ical(ics(events), None, source_id="agenda", today=TODAY)
    by_uid = {r["uid"]: r for r in parsed.records}
    assert set(by_uid) == {"utc", "allday"} and parsed.skipped == 3
    assert by_uid["utc"]["start"] == "2026-12-05T15:00"  # 14:00 UTC is 15:00 in Paris in winter
    assert (by_uid["allday"]["start"], by_uid["allday"]["end"]) == ("2026-12-06T00:00", "2026-12-07T23:59")


def test_ical_malformed_is_refused() -> None:
    with pytest.raises(ParseError):
        parse_ical(b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\n", None, source_id="a", today=TODAY)
    with pytest.raises(ParseError):
        parse_ical(b"<html>not a calendar</html>", None, source_id="a", today=TODAY)
