"""The HTML of every page type passes the W3C Nu HTML checker (npm vnu-jar, run once for all pages).

Errors that mkdocs-material's own markup causes and that a small override cannot fix are listed,
with their reason, in a11y-allowlist.yml (section `nu`); every other error fails here.
"""

from __future__ import annotations

from collections import defaultdict

import pytest

from .axe import allowlist
from .nu import allowed_nu

pytestmark = pytest.mark.browser


def test_the_checker_reports_errors(nu_report):
    canary = [m for m in nu_report["messages"] if m.file == nu_report["canary"]]
    assert any("Duplicate ID" in m.message for m in canary), canary


def test_every_page_type_is_valid_html(nu_report):
    entries = allowlist()["nu"]
    by_page = defaultdict(list)
    for message in nu_report["messages"]:
        page = nu_report["files"].get(message.file)
        if page is not None and allowed_nu(message, entries) is None:
            by_page[page.id].append(str(message))
    assert len(nu_report["files"]) >= 20
    assert not by_page, "\n".join(f"{page}:\n  " + "\n  ".join(found) for page, found in sorted(by_page.items()))


def test_every_allowlisted_error_still_happens(nu_report):
    """An exception nobody meets any more must leave the allowlist (and the public statement)."""
    for entry in allowlist()["nu"]:
        assert any(allowed_nu(m, [entry]) for m in nu_report["messages"]), f"stale allowlist entry: {entry['message']}"
