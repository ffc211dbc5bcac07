"""axe-core over every page type of every demo site, at a phone and a desktop width (WCAG 2.1 A/AA).

One browser, one context per width, one page reused for every load: the sweep runs once per
module and each (page type, width) is then its own test. A violation that only
mkdocs-material's own markup causes, and that a small override cannot fix, may be explained
in a11y-allowlist.yml; every other one fails. The sweep's result is the audit that the
accessibility statements are rendered from (data/audit/accessibility.json).
"""

from __future__ import annotations

import json
import os
import warnings
from datetime import date
from pathlib import Path

import pytest

from generator.build import load_graph

from .audit import audit_document, substance
from .axe import AxeResult, allowed_axe, allowlist, axe_script, axe_version, run_axe, unexplained
from .conftest import local_only
from .keyboard import open_search, settle
from .nu import vnu_version
from .page_types import SEARCH_QUERY, WIDTHS, declared

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
AUDIT = REPO / "data" / "audit" / "accessibility.json"


@pytest.fixture(scope="module")
def axe_sweep(browser, site_server, page_sample) -> dict:
    """(page type, width) -> AxeResult, or the error that kept axe from running on that page."""
    axe_script()
    results: dict = {}
    for width, (w, h) in WIDTHS.items():
        phone = width == "phone"
        # Nothing leaves the machine (test_catalogue.py proves that no page even tries).
        context = browser.new_context(viewport={"width": w, "height": h}, locale="fr-FR", is_mobile=phone,
                                      has_touch=phone, **local_only(site_server))
        context.set_default_timeout(10_000)
        page = context.new_page()
        try:
            for sample in page_sample:
                try:
                    page.goto(site_server + sample.url, wait_until="load")
                    settle(page)
                    if sample.kind == "search":
                        open_search(page, SEARCH_QUERY)
                    results[(sample, width)] = run_axe(page)
                except Exception as exc:  # noqa: BLE001 - reported by the test of that page
                    results[(sample, width)] = exc
        finally:
            context.close()
    return results


def _visit(axe_sweep: dict, site: str, kind: str, width: str) -> AxeResult:
    [result] = [r for (p, w), r in axe_sweep.items() if (p.site, p.kind, w) == (site, kind, width)]
    if isinstance(result, Exception):
        raise result
    return result


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize(("site", "kind"), declared(), ids=lambda v: v)
def test_no_wcag_violation(axe_sweep, site: str, kind: str, width: str):
    result = _visit(axe_sweep, site, kind, width)
    assert len(result.passes) > 10, "axe checked almost nothing: did the page load?"
    problems = unexplained(result, allowlist()["axe"])
    assert not problems, f"/{site}/ {kind} at {width} width:\n  " + "\n  ".join(problems)


def test_every_allowlisted_violation_still_happens(axe_sweep):
    """An exception nobody meets any more must leave the allowlist (and the public statement)."""
    seen = {(v["rule"], t) for r in axe_sweep.values() if isinstance(r, AxeResult) for v in r.violations
            for t in v["targets"]}
    for entry in allowlist()["axe"]:
        assert any(allowed_axe(rule, target, [entry]) for rule, target in seen), f"stale allowlist entry: {entry}"


def test_the_audit_file_holds_this_run(axe_sweep, nu_report, browser):
    """data/audit/accessibility.json, which the statements are rendered from, says what this run found.

    When the result changed (not merely the date or a tool's version), the file is rewritten, dated
    today: locally, commit it; in CI the build that follows the tests renders the statements from
    it, so a published statement always says what its own commit was found to be.
    """
    visits = {key: result for key, result in axe_sweep.items() if isinstance(result, AxeResult)}
    assert len(visits) == len(axe_sweep), "some pages could not be audited; see the failures above"
    by_page: dict = {}
    for message in nu_report["messages"]:
        if message.file in nu_report["files"]:
            by_page.setdefault(nu_report["files"][message.file], []).append(message)
    tools = {"axe-core": axe_version(), "Nu Html Checker": vnu_version(), "Chromium": browser.version}
    current = audit_document(visits, by_page, allowlist(), tools=tools, search_query=SEARCH_QUERY, today=date.today())
    committed = json.loads(AUDIT.read_text(encoding="utf-8")) if AUDIT.is_file() else None
    if committed is None or substance(committed) != substance(current):
        AUDIT.parent.mkdir(parents=True, exist_ok=True)
        # Written aside (outside the folders copy_project copies) then renamed: a test copying the
        # project on another xdist worker never reads half a file.
        written = REPO / f".{AUDIT.name}.{os.getpid()}"
        written.write_text(json.dumps(current, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        os.replace(written, AUDIT)
        warnings.warn(f"{AUDIT.relative_to(REPO)} rewritten with this run's result: commit it", stacklevel=1)
    # What the statements will read back: the project's own loader and model, as a build does.
    audit = load_graph(REPO).audit
    assert audit is not None
    for site, expected in current["sites"].items():
        read = audit.sites[site]
        assert (read.rules_applicable, read.rules_passed, read.html_errors) == (
            expected["rules_applicable"], expected["rules_passed"], expected["html_errors"])
        assert [page.path for page in read.pages] == [page["path"] for page in expected["pages"]]
        assert 0 < read.rate <= 100
