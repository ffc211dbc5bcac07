"""A portal's OpenSearch description: OpenSearch 1.1, the portal's ?q= address, its name escaped."""

from __future__ import annotations

from xml.etree import ElementTree

import pytest

from generator.search.opensearch import NAMESPACE, opensearch_link, opensearch_xml, short_name

NS = f"{{{NAMESPACE}}}"


def test_the_description_is_opensearch_with_the_portals_search_address_and_its_name_escaped():
    name = "Médiathèques <Vire> & \"Bocage\" — ressources"
    text = opensearch_xml(name, "https://portail.example.org/ressources/", icon=True)
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    assert "<Vire>" not in text and "&lt;Vire&gt; &amp;" in text  # escaped where emitted
    root = ElementTree.fromstring(text.encode("utf-8"))
    assert root.tag == f"{NS}OpenSearchDescription"
    short = root.find(f"{NS}ShortName").text
    assert short == "Médiathèques" and len(short) <= 16
    assert root.find(f"{NS}Description").text == f"Rechercher les ressources, titres et événements de {name}"
    assert root.find(f"{NS}InputEncoding").text == "UTF-8"
    assert root.find(f"{NS}Language").text == "fr-FR"
    url = root.find(f"{NS}Url")
    assert url.attrib == {"type": "text/html", "method": "get",
                          "template": "https://portail.example.org/ressources/?q={searchTerms}"}
    image = root.find(f"{NS}Image")
    assert image.text == "https://portail.example.org/ressources/assets/bibnum/logo.svg"
    assert image.get("type") == "image/svg+xml"


def test_without_a_logo_there_is_no_image():
    root = ElementTree.fromstring(opensearch_xml("Réseau", "https://r.example.org/", icon=False))
    assert root.find(f"{NS}Image") is None
    assert root.find(f"{NS}ShortName").text == "Réseau"


def test_short_names_fit_sixteen_characters():
    assert short_name("La Boîte numérique") == "La Boîte"
    assert short_name("Bibliothèques de Caen la Mer — Ressources numériques") == "Bibliothèques"
    assert short_name("Médiathèques du Bocage") == "Médiathèques"
    assert short_name("Anticonstitutionnellement numérique") == "Anticonstitution"
    assert short_name("Réseau Vire") == "Réseau Vire"
    assert opensearch_link("La Boîte numérique — portail") == {
        "type": "application/opensearchdescription+xml", "title": "La Boîte", "href": "opensearch.xml"}


def test_the_short_name_editors_choose_is_the_one_browsers_show():
    root = ElementTree.fromstring(opensearch_xml("La Boîte numérique", "https://r.example.org/", icon=False,
                                                 short="Boîte & Cie"))
    assert root.find(f"{NS}ShortName").text == "Boîte & Cie"
    assert opensearch_link("La Boîte numérique", "Boîte & Cie")["title"] == "Boîte & Cie"


def test_a_short_name_over_sixteen_characters_is_refused_at_its_line():
    from pydantic import ValidationError

    from generator.load.yaml_source import load_yaml
    from generator.models.site import Site
    from generator.schema_errors import problems_from

    text = ("id: portail\nkind: public\nname: Réseau des médiathèques\nshort_name: Réseau des médiathèques\n"
            "tagline: t\nurl: https://r.example.org/\nlook: r\npalette: {primary: '#00506e', accent: '#1d6b4f'}\n")
    doc, found = load_yaml(text, "data/sites.yml")
    assert not found
    with pytest.raises(ValidationError) as caught:
        Site.model_validate(doc.data)
    messages = [str(p) for p in problems_from(caught.value, doc, Site)]
    assert len(messages) == 1 and messages[0].startswith("data/sites.yml:4:1: short_name")
    assert "23 caractères ; 16 au plus" in messages[0]
