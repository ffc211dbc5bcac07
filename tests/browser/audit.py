"""The audit's result, as data/audit/accessibility.json holds it for the accessibility statements (pure).

Per site: the pages tested; the axe-core rules applicable to at least one page at one width, and
those no page broke (a violation the allowlist explains still breaks its rule: it is a known
exception, listed in the statement); plus the Nu checker's validity, counted as one more rule.
The date and the tools' versions are what the run used; the rest is compared with the file.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from .axe import TAGS, AxeResult, allowed_axe
from .nu import NuMessage, allowed_nu
from .page_types import WIDTHS, PageType

STANDARD = "RGAA 4.1 / WCAG 2.1 AA"
NU_RULE = "nu-html-valid"  # the Nu checker's verdict on a site's pages, as one rule


def audit_document(
    visits: Mapping[tuple[PageType, str], AxeResult],
    nu_messages: Mapping[PageType, list[NuMessage]],
    allowlist: Mapping[str, list[dict]],
    *,
    tools: Mapping[str, str],
    search_query: str,
    today: date,
) -> dict:
    sites: dict[str, dict] = {}
    for site in sorted({page.site for page, _width in visits}, key=_site_order(visits)):
        pages = [page for page, width in visits if page.site == site and width == "desktop"]
        results = [result for (page, _width), result in visits.items() if page.site == site]
        applicable = set().union(*(result.applicable for result in results))
        broken = {v["rule"] for result in results for v in result.violations}
        messages = [m for page in pages for m in nu_messages.get(page, [])]
        unexplained = [m for m in messages if allowed_nu(m, allowlist["nu"]) is None]
        exceptions = _exceptions(results, messages, allowlist)
        sites[site] = {
            "pages": [_page_entry(page, visits[(page, "desktop")], search_query) for page in pages],
            "rules_applicable": len(applicable) + 1,
            "rules_passed": len(applicable - broken) + (0 if messages else 1),
            "html_errors": len(unexplained),
            "exceptions": exceptions,
        }
    return {
        "date": today.isoformat(),
        "standard": STANDARD,
        "tools": dict(tools),
        "rules": list(TAGS) + [NU_RULE],
        "widths": [f"{w}×{h}" for w, h in WIDTHS.values()],
        "sites": sites,
    }


def substance(document: Mapping) -> dict:
    """What the statement says about the site, beyond when and with which tool versions it was found."""
    return {key: value for key, value in document.items() if key not in ("date", "tools")}


def _page_entry(page: PageType, result: AxeResult, search_query: str) -> dict:
    entry = {"path": page.path, "title": result.title}
    if page.kind == "search":
        entry["search"] = search_query
    return entry


def _exceptions(results: Iterable[AxeResult], messages: Iterable[NuMessage], allowlist: Mapping) -> list[dict]:
    found: dict[tuple[str, str], dict] = {}
    for result in results:
        for violation in result.violations:
            for target in violation["targets"]:
                entry = allowed_axe(violation["rule"], target, allowlist["axe"])
                if entry is not None:
                    found[("axe-core", entry["rule"])] = _exception("axe-core", entry["rule"], entry)
    for message in messages:
        entry = allowed_nu(message, allowlist["nu"])
        if entry is not None:
            found[("Nu Html Checker", entry["message"])] = _exception("Nu Html Checker", entry["message"], entry)
    return [found[key] for key in sorted(found)]


def _exception(tool: str, rule: str, entry: Mapping) -> dict:
    return {"tool": tool, "rule": rule, "statement": " ".join(entry["statement"].split())}


def _site_order(visits: Mapping[tuple[PageType, str], AxeResult]):
    order = {page.site: index for index, (page, _width) in reversed(list(enumerate(visits)))}
    return lambda site: order[site]
