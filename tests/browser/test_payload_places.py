"""The static reading of a page that picks which hostile pages the browser opens (pure, no browser)."""

from __future__ import annotations

from .payload_places import read_page, stand_ins

PAGE = """<!doctype html><html><body data-bn-search>
<header class="md-header"><span class="md-header__topic">Texte piégé [lien](javascript:window.__x=4) n°1</span></header>
<div class="md-content"><article><h1>{title}</h1>{extra}</article></div>
<script src="/assets/bundle.js"></script></body></html>"""


def test_a_live_payload_is_found_in_any_encoding():
    html = PAGE.format(title="Titre", extra=(
        '<img src=x onerror="window.__x=12">'
        '<a href="java&#10;script:window.__x=16">a</a><a href=" &#106;avascript:x">b</a>'
        '<meta http-equiv="Refresh" content="0;url=https://evil.example/">'
        '<iframe srcdoc="x"></iframe><form action="/"></form><form data-bn-filter></form>'))
    findings = read_page(html, "calvados").findings
    assert any(f.startswith("img onerror=") for f in findings)
    assert sum(f.startswith("a href=") for f in findings) == 2
    assert any(f.startswith("meta refresh") for f in findings)
    assert "iframe srcdoc" in findings and "iframe in the content" in findings
    assert findings.count("form in the content") == 1  # bibnum's own filter form is not one


def test_an_escaped_payload_is_a_place_not_a_finding():
    html = PAGE.format(title="&quot; autofocus onfocus=&quot;window.__x=2&quot; x=&quot; n°2",
                       extra='<p title="&quot; onfocus=&quot;__x=2">x</p>')
    reading = read_page(html, "calvados")
    assert reading.findings == []
    kinds = {(where.rsplit(">", 1)[-1], attribute) for where, attribute, _traces in reading.places}
    assert {("h1", "#text"), ("p", "title"), ("span.md-header__topic", "#text")} <= kinds
    assert "site calvados" in reading.shape and "data-bn-search" in reading.shape
    assert "script /assets/bundle.js" in reading.shape


def test_stand_ins_cover_every_place_and_every_shape_with_fewer_pages():
    same = PAGE.format(title="Texte piégé __x=2", extra="")
    readings = {
        "calvados/a/index.html": read_page(same, "calvados"),
        "calvados/b/index.html": read_page(same, "calvados"),  # nothing new: not opened
        "calvados/c/index.html": read_page(PAGE.format(title="x", extra="<p>__x=7</p>"), "calvados"),
        "caen/a/index.html": read_page(same, "caen"),  # another site: another shape
    }
    chosen = stand_ins(readings)
    assert sorted(chosen) == ["caen/a/index.html", "calvados/a/index.html", "calvados/c/index.html"]
