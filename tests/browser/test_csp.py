"""The Content-Security-Policy in every page (issue 12), in Chromium.

Every page type of every site loads with no violation of its own policy (Material's inline
scripts are allowed by their hashes, its storage helpers are a file of the site), and an
inline script, an inline event handler or a script from elsewhere injected into a real
page never runs: the browser blocks it and reports a `securitypolicyviolation`.
"""

from __future__ import annotations

import re

import pytest

from .page_types import declared, page_type

pytestmark = pytest.mark.browser

# Installed before any script of the page: every violation the page reports, kept for the test.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push({directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample});
});
"""
INJECTED = (
    '<img src="data:," alt="" onerror="window.__x=1" onload="window.__x=1">'
    "<script>window.__x=2</script>"
    '<script src="https://evil.example/x.js"></script>'
    '<a id="injected" href="#" onclick="window.__x=3">x</a>'
)


@pytest.fixture
def watched(context):
    context.add_init_script(RECORD_VIOLATIONS)
    return context.new_page()


def policy_of(page) -> str:
    return page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")


@pytest.mark.parametrize(("site", "kind"), [d for d in declared() if d[1] != "search"])
def test_every_page_type_obeys_its_policy(demo_build, site_server, watched, site, kind):
    target = page_type(demo_build.out, site, kind)
    watched.goto(site_server + target.url)
    watched.wait_for_load_state("load")
    policy = policy_of(watched)
    assert "script-src 'self' 'sha256-" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    assert "object-src 'none'" in policy and "base-uri 'self'" in policy
    # The policy comes before anything it governs: right after the charset.
    head = (demo_build.out / site / target.path / "index.html").read_text(encoding="utf-8")[:1024]
    assert re.search(r'<meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy"', head)
    # Material's helpers ran from their file, scoped to the site's root.
    assert watched.evaluate("window.__md_scope.pathname") == f"/{site}/"
    assert watched.evaluate("typeof __md_get") == "function"
    assert watched.evaluate("window.__violations") == []


def test_an_injected_script_or_handler_is_blocked_and_reported(demo_build, site_server, watched):
    """A real built page with hostile markup added, served from the site itself (same path, same policy)."""
    resource = "/calvados/ressources/cafeyn/"
    html = (demo_build.out / "calvados" / "ressources" / "cafeyn" / "index.html").read_text(encoding="utf-8")
    hostile = html.replace('<article class="md-content__inner md-typeset">',
                           '<article class="md-content__inner md-typeset">' + INJECTED, 1)
    assert hostile != html
    watched.route(site_server + resource, lambda route: route.fulfill(
        status=200, content_type="text/html; charset=utf-8", body=hostile))
    watched.goto(site_server + resource)
    watched.wait_for_load_state("load")
    watched.locator("#injected").click()
    watched.wait_for_timeout(200)  # let the violation events of the click arrive

    assert watched.evaluate("window.__x") is None
    violations = watched.evaluate("window.__violations")
    directives = {v["directive"] for v in violations}
    assert {"script-src-elem", "script-src-attr"} <= directives, violations
    assert any(v["blocked"].startswith("https://evil.example/") for v in violations), violations
    assert any(v["blocked"] == "inline" and "window.__x=2" in v["sample"] for v in violations), violations
    # The page's own scripts still run under the same policy: the library chooser is shown.
    assert watched.locator("[data-bn-chooser-form]").is_visible()


def test_the_interactive_parts_run_under_the_policy(site_server, watched):
    """Search, the catalogue filter, the library chooser and the drawer, with no violation."""
    watched.set_viewport_size({"width": 390, "height": 844})
    watched.goto(site_server + "/calvados/")
    watched.locator(".md-header label.md-header__button[for=__drawer]").click()  # Material's drawer (its bundle's code)
    watched.keyboard.press("Escape")
    watched.keyboard.press("/")
    watched.keyboard.type("presse", delay=15)
    watched.wait_for_function(  # a function: a string of code would be eval, which the policy forbids
        "q => document.querySelector('[data-bn-search]').getAttribute('data-bn-rendered') === q", arg="presse")
    assert watched.locator("[data-bn-search-results] [role=option]").count() > 0
    assert watched.evaluate("window.__violations") == []

    watched.goto(site_server + "/calvados/ressources/")
    category = watched.locator("#bn-filter-category")
    category.select_option(index=1)
    assert watched.locator("[data-bn-cards] > li:visible").count() < watched.locator("[data-bn-cards] > li").count()
    assert watched.evaluate("window.__violations") == []

    watched.goto(site_server + "/calvados/ressources/cafeyn/")
    select = watched.locator("[data-bn-library-select]")
    select.select_option(index=2)
    assert watched.locator("[data-bn-access-button]").get_attribute("href").startswith("https://")
    assert watched.evaluate("window.__violations") == []


def test_the_networks_hub_page_has_its_own_policy(demo_build, site_server, watched):
    """The page listing the network's sites is bibnum's own: links only, nothing else allowed."""
    watched.goto(site_server + "/")
    assert policy_of(watched) == "default-src 'none'; base-uri 'none'; form-action 'none'"
    assert watched.locator("main a").count() >= 1
    assert watched.evaluate("window.__violations") == []
