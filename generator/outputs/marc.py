"""Titles for the towns' catalogues: each resource's harvested titles as MARC records and KBART.

A town's library system (ILS) imports the titles of a resource its network pays for, so
that its own catalogue finds them: UNIMARC (what French ILSs import) and MARC21, each in
ISO 2709 (.mrc) and MARCXML (.xml), plus a KBART phase II file (for link resolvers and
knowledge bases). pymarc writes the MARC21 structure; the UNIMARC tags are set here on
the same Record and Field objects (UNIMARC keeps the ISO 2709 structure).

Layout, per resource with titles (`r`):
- api/v1/marc/r.unimarc.mrc, .unimarc.xml, .marc21.mrc, .marc21.xml: 856 $u is the
  site's access link of each title (the network's login);
- api/v1/marc/r/<library>.unimarc.mrc and .xml: only for a library with its own login,
  where its 856 differs (a portal that lets readers choose their library); everyone
  else imports the network's file. UNIMARC only: these are French towns' systems;
- api/v1/kbart/r.txt.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Callable

import nh3
from pymarc import Field, Indicators, Leader, Record, Subfield, XMLWriter

from ..access import AccessLinkError, target_link
from ..models.library import Library
from ..models.title import Title
from ..view.site_view import SiteView
from . import locations as loc
from .records import page_url, titles_of

MARC_DIR = f"{loc.API}/marc"
KBART_DIR = f"{loc.API}/kbart"
FLAVOURS = ("unimarc", "marc21")
# ISO 2709 counts a field in 4 digits (9,999 bytes) and a record in 5: a capped value
# (4 bytes a character at most in UTF-8) keeps every record writable whatever a feed sends.
VALUE_MAX = 2000
AUTHORS_MAX = 20  # added entries per record: with VALUE_MAX, a record stays under ISO 2709's 99,999 bytes
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")  # MARC's own delimiters (1D, 1E, 1F) among them
# ISO 639-1 (the titles' language) -> ISO 639-2/B (MARC's). Unlisted codes are left out.
LANGUAGES = {
    "ar": "ara", "br": "bre", "ca": "cat", "co": "cos", "cs": "cze", "da": "dan", "de": "ger", "el": "gre",
    "en": "eng", "es": "spa", "eu": "baq", "fi": "fin", "fr": "fre", "he": "heb", "hi": "hin", "hu": "hun",
    "it": "ita", "ja": "jpn", "ko": "kor", "la": "lat", "nl": "dut", "no": "nor", "oc": "oci", "pl": "pol",
    "pt": "por", "ro": "rum", "ru": "rus", "sv": "swe", "tr": "tur", "uk": "ukr", "vi": "vie", "zh": "chi",
}
# Leader/06, the type of record (the same codes in UNIMARC and MARC21 for these).
RECORD_TYPE = {"video": "g", "audio": "i"}
KBART_COLUMNS = (
    "publication_title", "print_identifier", "online_identifier", "date_first_issue_online",
    "num_first_vol_online", "num_first_issue_online", "date_last_issue_online", "num_last_vol_online",
    "num_last_issue_online", "title_url", "first_author", "title_id", "embargo_info", "coverage_depth",
    "notes", "publisher_name", "publication_type", "date_monograph_published_print",
    "date_monograph_published_online", "monograph_volume", "monograph_edition", "first_editor",
    "parent_publication_title_id", "preceding_publication_title_id", "access_type",
)


def marc_path(resource_id: str, flavour: str, extension: str, library_id: str | None = None) -> str:
    """`extension`: "mrc" (ISO 2709) or "xml" (MARCXML)."""
    name = f"{resource_id}/{library_id}" if library_id else resource_id
    return f"{MARC_DIR}/{name}.{flavour}.{extension}"


def kbart_path(resource_id: str) -> str:
    return f"{KBART_DIR}/{resource_id}.txt"


def _value(text: str) -> str:
    return " ".join(_CONTROL.sub(" ", text).split())[:VALUE_MAX]


def _summary(title: Title) -> str:
    return _value(html.unescape(nh3.clean(title.summary_html, tags=set())))


def _identifier(title: Title, scheme: str) -> str | None:
    prefix = f"{scheme}:"
    return title.id[len(prefix):] if title.id.startswith(prefix) else None


def _subfields(*pairs: tuple[str, str | None]) -> list[Subfield]:
    return [Subfield(code, _value(value)) for code, value in pairs if value and _value(value)]


def _field(record: Record, tag: str, indicators: str, *pairs: tuple[str, str | None]) -> None:
    subfields = _subfields(*pairs)
    if subfields:
        record.add_field(Field(tag=tag, indicators=Indicators(*indicators), subfields=subfields))


def _leader(title: Title, unimarc: bool) -> Leader:
    level = "s" if title.kind == "presse" else "m"
    kind = RECORD_TYPE.get(title.kind, "a")
    # Lengths and base address are computed by pymarc when the record is written. UNIMARC: partial
    # ISBD (i); MARC21: UTF-8 (a), minimal level (7), ISBD punctuation omitted (c).
    return Leader(f"00000n{kind}{level}  2200000 i 450 " if unimarc else f"00000n{kind}{level} a22000007c 4500")


def unimarc_record(title: Title, publisher: str, link: str) -> Record:
    record = Record(force_utf8=True, leader=_leader(title, unimarc=True))
    record.add_field(Field(tag="001", data=_value(title.id)))
    _field(record, "010", "  ", ("a", _identifier(title, "isbn")))
    _field(record, "011", "  ", ("a", _identifier(title, "issn")))
    year = f"{title.published.year:04d}" if title.published else "    "
    # 100 $a: entered (first harvest), type of date, date 1 and 2, audience, ..., French cataloguing,
    # character set 50 (ISO 10646, written as UTF-8), Latin script.
    general = f"{title.first_seen:%Y%m%d}{'a' if title.kind == 'presse' else 'd'}{year}    u  y0frey50      ba"
    record.add_field(Field(tag="100", indicators=Indicators(" ", " "), subfields=[Subfield("a", general)]))
    _field(record, "101", "0 ", ("a", LANGUAGES.get(title.language or "")))
    _field(record, "200", "1 ", ("a", title.title), ("f", ", ".join(title.authors)))
    _field(record, "210", "  ", ("c", publisher), ("d", year.strip()))
    _field(record, "330", "  ", ("a", _summary(title)))
    for author in title.authors[:AUTHORS_MAX]:
        _field(record, "701", " 0", ("a", author))  # direct order: the feeds do not split names
    _field(record, "856", "4 ", ("u", link))
    return record


def marc21_record(title: Title, publisher: str, link: str) -> Record:
    record = Record(force_utf8=True, leader=_leader(title, unimarc=False))
    record.add_field(Field(tag="001", data=_value(title.id)))
    year = f"{title.published.year:04d}" if title.published else "uuuu"
    language = LANGUAGES.get(title.language or "", "und")
    # 008: entered (yymmdd), single date, place unknown, online (23 = o), language, other source.
    fixed = f"{title.first_seen:%y%m%d}{'s' if title.published else 'n'}{year}    xx |||||o|||||||||||{language} d"
    record.add_field(Field(tag="008", data=fixed))
    _field(record, "020", "  ", ("a", _identifier(title, "isbn")))
    _field(record, "022", "  ", ("a", _identifier(title, "issn")))
    _field(record, "245", "00", ("a", title.title), ("c", ", ".join(title.authors)))
    _field(record, "264", " 1", ("b", publisher), ("c", year if title.published else None))
    _field(record, "520", "  ", ("a", _summary(title)))
    for author in title.authors[:AUTHORS_MAX]:
        _field(record, "720", "  ", ("a", author))  # uncontrolled names: the feeds do not split them
    _field(record, "856", "40", ("u", link))
    return record


WRITERS: dict[str, Callable[[Title, str, str], Record]] = {"unimarc": unimarc_record, "marc21": marc21_record}


def iso2709(records: list[Record]) -> bytes:
    return b"".join(record.as_marc() for record in records)


def marcxml(records: list[Record]) -> bytes:
    out = io.BytesIO()
    writer = XMLWriter(out)
    for record in records:
        writer.write(record)
    writer.close(close_fh=False)
    return out.getvalue() + b"\n"


def title_links(view: SiteView, resource_id: str) -> dict[str, str]:
    """{title id: 856 $u} through the site's access; the resource's page when a title has no
    link of its own (on-site or template access)."""
    page = page_url(view, "resource", resource_id)
    links = {}
    for title in titles_of(view, resource_id):
        link = view.title_link(title)
        links[title.id] = link.url if link is not None and link.url else page
    return links


def _library_links(view: SiteView, resource_id: str, library: Library) -> dict[str, str]:
    access = view.accesses[resource_id]
    links = title_links(view, resource_id)
    for title in titles_of(view, resource_id):
        if title.url is not None and library.login is not None:
            try:
                links[title.id] = target_link(access, title.url, library.login, allow_http=view.site.allow_http).url \
                    or links[title.id]
            except AccessLinkError:
                pass  # the network's link, as the title pages show
    return links


def own_login_libraries(view: SiteView, resource_id: str) -> list[Library]:
    """The libraries whose readers reach this resource through a login of their own."""
    if view.accesses[resource_id].kind != "login":
        return []
    return [entry.library for entry in view.library_links.get(resource_id, []) if entry.library.login is not None]


def kbart(view: SiteView, resource_id: str, links: dict[str, str]) -> str:
    publisher = view.graph.resources[resource_id].provider
    rows = ["\t".join(KBART_COLUMNS)]
    for title in titles_of(view, resource_id):
        serial = title.kind == "presse"
        identifier = _identifier(title, "issn" if serial else "isbn") or ""
        row = dict.fromkeys(KBART_COLUMNS, "")
        row.update({
            "publication_title": title.title,
            "online_identifier": identifier,  # harvested from an online service: the e-ISBN or e-ISSN
            "title_url": links[title.id],
            "first_author": "" if serial or not title.authors else title.authors[0],
            "title_id": title.id,
            "coverage_depth": "fulltext",
            "publisher_name": publisher,
            "publication_type": "serial" if serial else "monograph",
            "date_monograph_published_online": "" if serial or not title.published else title.published.isoformat(),
            "access_type": "P",  # reached through the libraries' subscription
        })
        rows.append("\t".join(_value(row[column]) for column in KBART_COLUMNS))
    return "\n".join(rows) + "\n"


def _marc_files(view: SiteView, resource_id: str, links: dict[str, str], flavours: tuple[str, ...],
                library_id: str | None = None) -> dict[str, bytes]:
    publisher = view.graph.resources[resource_id].provider
    titles = titles_of(view, resource_id)
    files: dict[str, bytes] = {}
    for flavour in flavours:
        records = [WRITERS[flavour](title, publisher, links[title.id]) for title in titles]
        files[marc_path(resource_id, flavour, "mrc", library_id)] = iso2709(records)
        files[marc_path(resource_id, flavour, "xml", library_id)] = marcxml(records)
    return files


def catalogue_files(view: SiteView) -> dict[str, str | bytes]:
    """{docs path: content} of the MARC and KBART files of a public portal (none for the pro site)."""
    if view.site.kind != "public":
        return {}
    files: dict[str, str | bytes] = {}
    for resource in view.resources:
        if not view.titles.get(resource.id):
            continue
        links = title_links(view, resource.id)
        files.update(_marc_files(view, resource.id, links, FLAVOURS))
        for library in own_login_libraries(view, resource.id):
            files.update(_marc_files(view, resource.id, _library_links(view, resource.id, library), ("unimarc",),
                                     library.id))
        files[kbart_path(resource.id)] = kbart(view, resource.id, links)
    return files
