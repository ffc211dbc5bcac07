"""The Content-Security-Policy of every page (issue 12): the second wall behind escaping.

It is written as `<meta http-equiv="Content-Security-Policy">` first thing in each page's
<head> (generator/look/main.html), which works on any static host. What it allows:

- scripts: the site's own files, and the few inline scripts the engine writes, each by the
  hash of its exact text: no 'unsafe-inline', so an injected <script> or on* attribute
  never runs (the browser reports it as a `securitypolicyviolation`). Material's one inline
  script whose text varies per page is a file of the site instead (look/partials/javascripts/base.html);
- styles: the site's own files only. Neither Material's markup nor ours carries a <style>
  element or a `style` attribute (scripts that set `element.style` are not concerned), so
  no 'unsafe-inline' is needed for styles either: an injected style is refused like a script;
- images and fonts: the site's own, and data: URLs (Material's icons are data: SVGs in CSS);
- connections: the site itself (the static search index), and the site's Algolia
  application's search hosts when it uses Algolia;
- no plugins (object-src 'none'), no <base> elsewhere, forms sent to the site only,
  no frames from elsewhere.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache
from pathlib import Path

import material

# Material's inline scripts (announce, consent, palette, content...) live in these partials.
_MATERIAL_SCRIPTS = Path(material.__file__).resolve().parent / "templates" / "partials" / "javascripts"
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


@lru_cache(maxsize=1)
def engine_script_hashes() -> tuple[str, ...]:
    """CSP sources ('sha256-…') for each inline script of Material's whose text is fixed."""
    hashes = set()
    for path in sorted(_MATERIAL_SCRIPTS.glob("*.html")):
        for text in _INLINE_SCRIPT.findall(path.read_text(encoding="utf-8")):
            if "{{" not in text and "{%" not in text:  # a text that varies per page has no fixed hash
                hashes.add(script_hash(text))
    return tuple(sorted(hashes))


def script_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def algolia_hosts(app_id: str) -> tuple[str, ...]:
    """The hosts algoliasearch-lite reads from for APP_ID (its read host, then its fallbacks)."""
    app = app_id.lower()
    return (f"https://{app}-dsn.algolia.net", *(f"https://{app}-{n}.algolianet.com" for n in (1, 2, 3)))


def content_security_policy(script_hashes: tuple[str, ...], algolia_app: str | None = None) -> str:
    """The policy's text, the same on every page of a site (pure)."""
    connect = ("'self'", *(algolia_hosts(algolia_app) if algolia_app else ()))
    directives = {
        "default-src": ("'self'",),
        "script-src": ("'self'", *script_hashes, "'report-sample'"),  # a report quotes what it blocked
        "style-src": ("'self'",),
        "img-src": ("'self'", "data:"),
        "font-src": ("'self'", "data:"),
        "connect-src": connect,
        "object-src": ("'none'",),
        "base-uri": ("'self'",),
        "form-action": ("'self'",),
        "frame-src": ("'self'",),
    }
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


# The network's hub page (generator/build.py): plain links, no script, style or image at all.
HUB_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'"

# The printable posters and cards (generator/pages/mediation.py): their stylesheets and the portal's
# logo from the site, the category's icon and the QR code inline as SVG; no script at all.
PRINT_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'"
