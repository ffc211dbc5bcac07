"""A tiny XML writer for the feeds (RSS 2.0, Atom 1.0, OPDS 1.2), on xml.etree.

Why not a feed library: feedgen (the well-kept one) refuses every Atom link
relation outside a short list, so OPDS relations such as
`http://opds-spec.org/acquisition` cannot be written with it; one small writer
for the three formats keeps them consistent. ElementTree escapes text and
attributes, keeps attributes in insertion order (deterministic bytes), and
namespaced names are written literally (`dc:language`) with their `xmlns:`
declarations on the root, so no module-level namespace registry is touched.
"""

from __future__ import annotations

import re
from datetime import datetime
from email.utils import format_datetime
from xml.etree.ElementTree import Element, SubElement, indent, tostring

# Characters XML 1.0 cannot carry at all, even escaped (control codes, lone surrogates, U+FFFE/F).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n'


def xml_text(value: object) -> str:
    return _NOT_XML.sub("", str(value))


def root(tag: str, namespaces: dict[str, str] | None = None, **attributes: str) -> Element:
    """The document element with its namespace declarations: {'': default, 'dc': uri...}."""
    declared = {("xmlns" if prefix == "" else f"xmlns:{prefix}"): uri for prefix, uri in (namespaces or {}).items()}
    return Element(tag, {**declared, **_attributes(attributes)})


def child(parent: Element, tag: str, text: object | None = None, **attributes: object) -> Element:
    """Append <tag attributes>text</tag>; attributes whose value is None are left out."""
    element = SubElement(parent, tag, _attributes(attributes))
    if text is not None:
        element.text = xml_text(text)
    return element


def _attributes(attributes: dict[str, object]) -> dict[str, str]:
    # Python names cannot hold ':' or be 'type'-safe everywhere: 'xml_lang' -> 'xml:lang'.
    return {name.replace("_", ":"): xml_text(value) for name, value in attributes.items() if value is not None}


def serialize(document: Element) -> bytes:
    """UTF-8 bytes with the XML declaration, indented, ending with a newline."""
    indent(document, space="  ")
    return (DECLARATION + tostring(document, encoding="unicode") + "\n").encode("utf-8")


def rfc822(moment: datetime) -> str:
    """RSS 2.0 date: 'Sat, 21 Nov 2026 10:00:00 +0100' (English names whatever the locale)."""
    return format_datetime(moment)


def rfc3339(moment: datetime) -> str:
    """Atom date: '2026-11-21T10:00:00+01:00'."""
    return moment.isoformat()
