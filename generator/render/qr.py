"""QR codes as inline SVG (segno), for printed material: a phone's camera opens the address."""

from __future__ import annotations

import html
from functools import lru_cache

import segno
from markupsafe import Markup


@lru_cache(maxsize=1024)  # the same address is drawn on a poster and on its card sheet
def qr_svg(url: str, label: str) -> Markup:
    """The QR code of URL as an inline <svg>, an image named LABEL (its text alternative).

    Error correction M (15 % of the code may be damaged or dirty) and the standard quiet
    zone of 4 modules, drawn white: a code printed on a coloured poster still reads.
    No size, no style attribute: the stylesheet sizes it (the pages' policy allows no inline style).
    """
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(scale=1, border=4, dark="#000", light="#fff", omitsize=True, svgclass="bn-qr__code",
                          lineclass=None)
    # segno names no role: the code is an image whose text alternative gives the address (WCAG 1.1.1).
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{html.escape(label)}" ', 1))
