"""A public portal's OpenSearch 1.1 description (opensearch.xml): browsers offer its search box in
their address bar, which opens the portal with ?q=… (search.js runs that search) (pure)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from .. import i18n
from .normalize import STOP_WORDS, fold

OPENSEARCH = "opensearch.xml"  # at the site's root
OPENSEARCH_TYPE = "application/opensearchdescription+xml"
NAMESPACE = "http://a9.com/-/spec/opensearch/1.1/"
SHORT_NAME_CHARS = 16  # the specification's limit
ICON = "assets/bibnum/logo.svg"  # the site's logo, when its look has one (work_tree.generate_site)


def short_name(name: str) -> str:
    """The site's name in at most 16 characters: its first part ("X — Y": X), then whole words while
    they fit, without a dangling 'de' or 'la'; a first word too long is cut."""
    head = name.split(" — ")[0].strip() or name.strip()
    if len(head) <= SHORT_NAME_CHARS:
        return head
    kept: list[str] = []
    for word in head.split():
        if len(" ".join([*kept, word])) > SHORT_NAME_CHARS:
            break
        kept.append(word)
    while kept and fold(kept[-1]) in STOP_WORDS:
        kept.pop()
    return " ".join(kept) if kept else head[:SHORT_NAME_CHARS].rstrip()


def opensearch_xml(name: str, site_url: str, *, icon: bool, short: str | None = None) -> str:
    """The description of the portal named NAME at SITE_URL (ending with '/'); `icon`: the site has a logo;
    SHORT: the short name its editors chose (else one made from NAME)."""
    ET.register_namespace("", NAMESPACE)
    root = ET.Element(f"{{{NAMESPACE}}}OpenSearchDescription")

    def child(tag: str, text: str | None = None, **attributes: str) -> None:
        element = ET.SubElement(root, f"{{{NAMESPACE}}}{tag}", attributes)
        element.text = text

    child("ShortName", short or short_name(name))
    child("Description", i18n.text("search.opensearch_description", site=name))
    child("InputEncoding", "UTF-8")
    if icon:
        child("Image", f"{site_url}{ICON}", width="64", height="64", type="image/svg+xml")
    # The search box is in every page's header: the home page answers ?q= like any other.
    child("Url", type="text/html", method="get", template=f"{site_url}?q={{searchTerms}}")
    child("Language", "fr-FR")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def opensearch_link(name: str, short: str | None = None) -> dict[str, str]:
    """The <link rel="search"> every page's head holds (generator/look/main.html escapes it)."""
    return {"type": OPENSEARCH_TYPE, "title": short or short_name(name), "href": OPENSEARCH}
