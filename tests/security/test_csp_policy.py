"""The policy's text (generator/pages/csp.py); tests/browser/test_csp.py proves it in Chromium."""

from __future__ import annotations

from generator.pages.csp import content_security_policy, engine_script_hashes, script_hash


def directives(policy: str) -> dict[str, list[str]]:
    return {name: sources for name, *sources in (part.split() for part in policy.split("; "))}


def test_scripts_only_from_the_site_and_by_hash():
    policy = directives(content_security_policy(engine_script_hashes()))
    assert policy["script-src"][0] == "'self'"
    assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"]
    assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'self'"]
    assert policy["connect-src"] == ["'self'"]
    # Material's fixed inline script (partials/javascripts/content.html) is allowed by its hash.
    anchor = 'var target=document.getElementById(location.hash.slice(1));target&&target.name&&' \
             '(target.checked=target.name.startsWith("__tabbed_"))'
    assert script_hash(anchor) in policy["script-src"]


def test_an_algolia_site_may_reach_its_own_application_only():
    policy = directives(content_security_policy((), "ABCDEF1234"))
    assert policy["connect-src"] == [
        "'self'", "https://abcdef1234-dsn.algolia.net", "https://abcdef1234-1.algolianet.com",
        "https://abcdef1234-2.algolianet.com", "https://abcdef1234-3.algolianet.com"]
