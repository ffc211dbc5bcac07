"""The words the search box shows (French, from generator/i18n), handed to the browser as data (pure)."""

from __future__ import annotations

from typing import Any

from .. import i18n
from ..view import paths
from ..view.site_view import SiteView
from .records import TYPES

# Strings the page's HTML needs before any script runs (the partial reads them from `extra`).
PAGE_STRINGS = ("label", "placeholder", "browse", "browse_short", "results_label", "reset")
# Strings only the script uses (shipped in meta.json).
SCRIPT_STRINGS = ("all", "facet.type", "facet.category", "facet.audience", "facet.when", "any.category",
                  "any.audience", "any.when", "results", "none", "none_hint", "more", "next", "short", "loading",
                  "error", "hint")


def type_label(kind: str, site_kind: str) -> str:
    return i18n.text(f"search.type.post.{site_kind}" if kind == "post" else f"search.type.{kind}")


def search_labels(view: SiteView) -> dict[str, Any]:
    """Labels of types and facet values, and the script's interface strings."""
    return {
        "type": {kind: type_label(kind, view.site.kind) for kind in TYPES},
        "type_order": list(TYPES),  # JSON objects lose their order (keys are sorted for reproducibility)
        "category": {cid: term.label for cid, term in view.terms["categories"].items()},
        "audience": {aid: term.label for aid, term in view.terms["audiences"].items()},
        "when": {w: i18n.text(f"search.when.{w}") for w in ("upcoming", "past")},
        "ui": {key: i18n.text(f"search.{key}") for key in SCRIPT_STRINGS},
    }


def page_settings(site_kind: str, algolia: dict[str, str] | None) -> dict[str, Any]:
    """What the header partial reads from `extra.bibnum.search` (never a secret: search-only key)."""
    strings = {key: i18n.text(f"search.{key}") for key in PAGE_STRINGS}
    if site_kind != "public":  # the link leads to the pro site's blog, not to a catalogue
        strings["browse"] = i18n.text("search.browse_pro")
    return {
        "strings": strings,
        # Readers without JavaScript browse the catalogue's facet pages (the pro site: its blog) instead.
        "browse_url": paths.url_of(paths.CATALOGUE if site_kind == "public" else paths.BLOG),
        "algolia": algolia,
    }
