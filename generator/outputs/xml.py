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
from collections.abc import Sequence
from datetime import datetime
from email.utils import format_datetime
from xml.etree.ElementTree import Element, SubElement, indent, tostring

# Characters XML 1.0 cannot carry at all, even escaped (control codes, lone surrogates, U+FFFE/F).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n'


def xml_text(value: object) -> str:
    return _NOT_XML.sub("", str(value))


def not_xml(text: str) -> bool:
    """Whether `text` holds a character that XML cannot carry (xml_text would drop it)."""
    return _NOT_XML.search(text) is not None


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


def serialize(document: Element, fragments: Sequence[str] = ()) -> bytes:
    """UTF-8 bytes with the XML declaration, indented, ending with a newline.

    `fragments` are children already written as text at level 1 (outputs/opds.py), appended
    after the document's own children: the bytes are those of the same children as Elements.
    """
    indent(document, space="  ")
    text = tostring(document, encoding="unicode")
    if fragments:
        if not len(document):
            raise ValueError("fragments are appended after the document's own children: it has none")
        closing = f"\n</{document.tag}>"
        text = text[: -len(closing)] + "".join("\n  " + fragment for fragment in fragments) + closing
    return (DECLARATION + text + "\n").encode("utf-8")


# Mass entries (a resource's titles) are written as text (outputs/opds.py): building and
# indenting an Element per title costs several times more. These escape as ElementTree does.


def attribute(value: object) -> str:
    """One attribute value as `child(..., name=value)` writes it, for hand-written tags."""
    return escape_attribute(xml_text(value))


def escape_text(text: str) -> str:
    # ElementTree's _escape_cdata: '&' first, and only the three characters.
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def escape_attribute(text: str) -> str:
    # ElementTree's _escape_attrib: quotes, and line breaks and tabs as character references.
    text = escape_text(text)
    for char, reference in (('"', "&quot;"), ("\r", "&#13;"), ("\n", "&#10;"), ("\t", "&#09;")):
        if char in text:
            text = text.replace(char, reference)
    return text


def rfc822(moment: datetime) -> str:
    """RSS 2.0 date: 'Sat, 21 Nov 2026 10:00:00 +0100' (English names whatever the locale)."""
    return format_datetime(moment)


def rfc3339(moment: datetime) -> str:
    """Atom date: '2026-11-21T10:00:00+01:00'."""
    return moment.isoformat()
