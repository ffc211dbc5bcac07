"""The QR code's inline SVG: an image named by its text alternative, escaped, styled by the stylesheet only."""

from __future__ import annotations

from bs4 import BeautifulSoup

from generator.render.qr import qr_svg


def test_the_qr_code_is_an_image_whose_name_is_escaped_and_which_carries_no_style():
    label = 'Code QR vers « Tom & Jerry » <b>"x"</b> : https://a.example.org/?a=1&b=2'
    svg = str(qr_svg("https://a.example.org/?a=1&b=2", label))
    element = BeautifulSoup(svg, "html.parser").svg
    assert element["role"] == "img" and element["aria-label"] == label  # read back as written, nothing injected
    assert element.find_all(True, attrs={"style": True}) == [] and "style" not in element.attrs
    assert not element.find_all(["script", "foreignobject"]) and "width" not in element.attrs  # sized by CSS
    assert len(element.find_all("path")) == 2  # the white quiet zone, then the dark modules
