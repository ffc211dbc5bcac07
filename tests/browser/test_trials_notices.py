"""A resource on trial with active notices (the demo's Skilleos at DEMO_NOW) in Chromium, as the engine
rendered it: the marks and banners are seen with their words (not colour alone), headings name each
notice, the editor's Markdown is rendered, no policy violation, and axe finds nothing on its page, the
portal's home page and the pro site's list of trials."""

from __future__ import annotations

import pytest

from .axe import allowlist, run_axe, unexplained
from .nu import allowed_nu, check_html
from .test_csp import RECORD_VIOLATIONS

pytestmark = pytest.mark.browser

RESOURCE = "/calvados/ressources/skilleos/"


@pytest.fixture
def watched(context):
    """A page that records every violation of its Content-Security-Policy (a refused style or script)."""
    context.add_init_script(RECORD_VIOLATIONS)
    return context.new_page()


def test_a_resource_page_shows_its_trial_and_notices_and_passes_axe(watched, site_server):
    watched.goto(site_server + RESOURCE)
    trial = watched.locator(".bn-resource__meta .bn-tag--trial")
    assert trial.is_visible() and trial.inner_text().strip() == "Essai jusqu'au mercredi 31 mars 2027"
    assert trial.evaluate("e => getComputedStyle(e).borderTopStyle") == "solid"  # a shape, not a colour alone
    main = watched.locator("main")
    for name in ("Maintenance", "Changement des conditions"):
        heading = main.get_by_role("heading", name=name, level=2)
        assert heading.is_visible(), name
    change = watched.locator(".bn-notice--change")
    assert change.locator("strong").inner_text() == "60 lecteurs"  # the editor's Markdown, rendered
    assert "Jusqu'au dimanche 3 janvier 2027 inclus" in change.inner_text()
    assert "Jusqu'au lundi 23 novembre 2026 à 12 h" in watched.locator(".bn-notice--maintenance").inner_text()
    box = change.evaluate("e => [getComputedStyle(e).borderLeftStyle, getComputedStyle(e).borderLeftWidth]")
    assert box[0] == "solid" and float(box[1].removesuffix("px")) >= 4  # our stylesheet applies
    result = run_axe(watched)
    assert unexplained(result, allowlist()["axe"]) == []
    assert watched.evaluate("window.__violations") == []


def test_the_home_page_lists_the_active_notices_and_the_pro_site_the_trials(watched, site_server):
    entries = allowlist()["axe"]
    watched.goto(site_server + "/calvados/")
    section = watched.locator("section", has=watched.get_by_role("heading", name="Avis sur les ressources", level=2))
    links = section.get_by_role("heading", level=3).get_by_role("link", name="Skilleos")
    assert links.count() == 2  # one per notice, each naming and linking its resource
    links.first.click()
    watched.wait_for_url("**" + RESOURCE)
    watched.goto(site_server + "/calvados/")
    assert unexplained(run_axe(watched), entries) == []
    watched.goto(site_server + "/pro/essais/")
    table = watched.get_by_role("table", name="Essais en cours")
    assert table.get_by_role("rowheader", name="Skilleos").is_visible()
    assert "lundi 5 octobre 2026" in table.inner_text() and "mercredi 31 mars 2027" in table.inner_text()
    result = run_axe(watched)
    assert unexplained(result, entries) == []
    assert watched.evaluate("window.__violations") == []


def test_the_pages_with_a_trial_or_notices_are_valid_html(demo_build):
    """The W3C Nu checker on the resource's page, the portal's home page and the pro list of trials."""
    entries = allowlist()["nu"]
    files = [demo_build.out / "calvados" / "ressources" / "skilleos" / "index.html",
             demo_build.out / "calvados" / "index.html", demo_build.out / "pro" / "essais" / "index.html"]
    assert all(file.is_file() for file in files)
    errors = [str(message) for message in check_html(files) if allowed_nu(message, entries) is None]
    assert errors == []
