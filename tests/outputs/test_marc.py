"""MARC (UNIMARC and MARC21, ISO 2709 and MARCXML) and KBART files of the titles, read back."""

from __future__ import annotations

import io
from urllib.parse import quote
from xml.etree import ElementTree

import pymarc
import pytest

from generator.models.title import Title
from generator.outputs import data_files
from generator.outputs.manifest import open_data_sections
from generator.outputs.marc import AUTHORS_MAX, KBART_COLUMNS, catalogue_files, kbart_path, marc_path

from tests.outputs.conftest import library, make_view, title

PROXY = "https://proxy.example.org/login?qurl="
BAYEUX_PROXY = "https://proxy.bayeux.example.org/login?qurl="


def _titles():
    return (
        title("presse-en-ligne", 1, authors=["Camille Dupont", "Léa Martin"]),
        title("presse-en-ligne", 2, id="issn:1234-5678", kind="presse", authors=[], language="en", published=None),
    )


def _view(titles=None, **graph):
    libraries = [library("bayeux", login={"kind": "ezproxy", "base": "https://proxy.bayeux.example.org"}),
                 library("vire", sites=["portail"])]
    return make_view("portail", libraries=libraries, titles={"presse-en-ligne": titles or _titles()}, **graph)


def _read(files, path) -> list[pymarc.Record]:
    data = files[path]
    if path.endswith(".mrc"):
        return list(pymarc.MARCReader(io.BytesIO(data), to_unicode=True, force_utf8=True))
    return pymarc.parse_xml_to_array(io.BytesIO(data))


def _book_and_serial(records: list[pymarc.Record]) -> tuple[pymarc.Record, pymarc.Record]:
    by_id = {record["001"].data: record for record in records}
    assert len(by_id) == len(records) == 2
    return by_id["isbn:9782070000001"], by_id["issn:1234-5678"]


def _value(record: pymarc.Record, tag: str, code: str) -> list[str]:
    return [value for field in record.get_fields(tag) for value in field.get_subfields(code)]


@pytest.mark.parametrize("extension", ["mrc", "xml"])
def test_unimarc_reads_back_to_the_titles_identifiers_and_access_links(extension):
    files = catalogue_files(_view())
    book, serial = _book_and_serial(_read(files, marc_path("presse-en-ligne", "unimarc", extension)))
    assert book["001"].data == "isbn:9782070000001"
    assert _value(book, "010", "a") == ["9782070000001"] and not book.get_fields("011")
    assert _value(book, "200", "a") == ["Titre 1"] and _value(book, "200", "f") == ["Camille Dupont, Léa Martin"]
    assert _value(book, "701", "a") == ["Camille Dupont", "Léa Martin"]
    assert _value(book, "101", "a") == ["fre"] and _value(book, "210", "d") == ["2025"]
    assert _value(book, "210", "c") == ["Fournisseur"] and _value(book, "330", "a") == ["Un résumé."]
    assert _value(book, "856", "u") == [PROXY + quote("https://presse-en-ligne.example.org/titre/1", safe="")]
    assert len(_value(book, "100", "a")[0]) == 36 and str(book.leader)[6:8] == "am"
    assert _value(serial, "011", "a") == ["1234-5678"] and not serial.get_fields("010")
    assert _value(serial, "101", "a") == ["eng"] and str(serial.leader)[7] == "s"


@pytest.mark.parametrize("extension", ["mrc", "xml"])
def test_marc21_reads_back_to_the_titles_identifiers_and_access_links(extension):
    files = catalogue_files(_view())
    book, serial = _book_and_serial(_read(files, marc_path("presse-en-ligne", "marc21", extension)))
    assert book["001"].data == "isbn:9782070000001" and len(book["008"].data) == 40
    assert book["008"].data[35:38] == "fre" and serial["008"].data[35:38] == "eng"
    assert _value(book, "020", "a") == ["9782070000001"] and _value(serial, "022", "a") == ["1234-5678"]
    assert _value(book, "245", "a") == ["Titre 1"] and _value(book, "245", "c") == ["Camille Dupont, Léa Martin"]
    assert _value(book, "264", "b") == ["Fournisseur"] and _value(book, "264", "c") == ["2025"]
    assert _value(book, "856", "u") == [PROXY + quote("https://presse-en-ligne.example.org/titre/1", safe="")]
    assert str(book.leader)[9] == "a"  # UTF-8


def test_a_library_with_its_own_login_gets_its_own_unimarc_files_and_no_one_else_does():
    files = catalogue_files(_view())
    own = _read(files, marc_path("presse-en-ligne", "unimarc", "mrc", "bayeux"))
    book, _serial = _book_and_serial(own)
    assert _value(book, "856", "u") == [BAYEUX_PROXY + quote("https://presse-en-ligne.example.org/titre/1", safe="")]
    as_xml = _read(files, marc_path("presse-en-ligne", "unimarc", "xml", "bayeux"))
    assert [r["001"].data for r in own] == [r["001"].data for r in as_xml]
    assert not any("/vire." in path for path in files)  # vire has the network's login: the network's file
    assert not any("/bayeux.marc21" in path for path in files)


def test_kbart_has_the_phase_two_header_and_one_row_per_title_with_identifiers_in_place():
    lines = catalogue_files(_view())[kbart_path("presse-en-ligne")].split("\n")
    assert lines[0].split("\t") == list(KBART_COLUMNS)
    assert lines[0].startswith("publication_title\tprint_identifier\tonline_identifier\t")
    assert lines[-1] == "" and len(lines) == 4  # header, two titles, final newline
    rows = {row["title_id"]: row for row in (dict(zip(KBART_COLUMNS, line.split("\t"), strict=True))
                                             for line in lines[1:3])}
    book, serial = rows["isbn:9782070000001"], rows["issn:1234-5678"]
    assert book["publication_title"] == "Titre 1" and book["online_identifier"] == "9782070000001"
    assert book["print_identifier"] == ""
    assert book["publication_type"] == "monograph" and book["first_author"] == "Camille Dupont"
    assert book["title_url"] == PROXY + quote("https://presse-en-ligne.example.org/titre/1", safe="")
    assert book["date_monograph_published_online"] == "2025-03-01" and book["publisher_name"] == "Fournisseur"
    assert serial["online_identifier"] == "1234-5678" and serial["publication_type"] == "serial"


def test_hostile_text_round_trips_literally_in_every_flavour():
    """Titles cannot hold markup (the model refuses it), but a feed's text may still hold XML's
    and MARC's special characters: written literally, read back the same."""
    hostile = 'Tom & Jerry </subfield></record>]]> "« »" \x1d\x1e\x1f fin'
    safe_title = Title.model_construct(**{**title("presse-en-ligne", 1).model_dump(), "title": hostile,
                                          "summary_html": "<p>a &lt;b&gt; &amp; c</p><script>x()</script>"})
    files = catalogue_files(_view(titles=(safe_title,)))
    expected = 'Tom & Jerry </subfield></record>]]> "« »" fin'  # MARC's delimiters become spaces, folded
    for flavour, tag, summary in (("unimarc", "200", "330"), ("marc21", "245", "520")):
        for extension in ("mrc", "xml"):
            (record,) = _read(files, marc_path("presse-en-ligne", flavour, extension))
            assert _value(record, tag, "a") == [expected], (flavour, extension)
            assert _value(record, summary, "a") == ["a <b> & c"], (flavour, extension)
        ElementTree.fromstring(files[marc_path("presse-en-ligne", flavour, "xml")])  # well-formed
    row = catalogue_files(_view(titles=(safe_title,)))[kbart_path("presse-en-ligne")].split("\n")[1].split("\t")
    assert row[0] == expected and len(row) == len(KBART_COLUMNS)


def test_only_public_portals_with_titles_publish_them_and_the_open_data_page_lists_them():
    assert catalogue_files(make_view("pro", titles={"presse-en-ligne": _titles()})) == {}
    assert catalogue_files(make_view("portail")) == {}
    view = _view()
    published = data_files(view)
    assert set(catalogue_files(view)) <= set(published)
    assert not set(catalogue_files(view)) & set(data_files(view, titles=False))  # the title family's
    listed = {link.href for section in open_data_sections(view) for item in section.items for link in item.links}
    assert set(catalogue_files(view)) <= listed


def test_a_feed_with_endless_text_still_gives_valid_iso_2709_records():
    """ISO 2709 counts a record in 5 digits: pymarc would write a longer one, unreadable."""
    endless = Title.model_construct(**{**title("presse-en-ligne", 1).model_dump(),
                                       "authors": ["Auteur " + "x" * 290] * 500,
                                       "summary_html": "<p>" + "é" * 50_000 + "</p>"})
    files = catalogue_files(_view(titles=(endless,)))
    for flavour in ("unimarc", "marc21"):
        data = files[marc_path("presse-en-ligne", flavour, "mrc")]
        assert len(data) <= 99_999 and int(data[:5]) == len(data)
        (record,) = _read(files, marc_path("presse-en-ligne", flavour, "mrc"))
        assert len(record.get_fields("701" if flavour == "unimarc" else "720")) == AUTHORS_MAX
