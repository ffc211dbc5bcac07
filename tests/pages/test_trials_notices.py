"""A resource's trial, notices and « Nouveau » mark on the public portals, and the pro site's list of
trials, generated from a small network written inline at dates before, during and after each."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest
import yaml

from generator.build import build, load_graph
from generator.engines import CLEAN
from generator.view.site_view import SiteView
from generator.work_tree import generate_site
from tests.conftest import run_check, small_network
from tests.e2e.helpers import tree_digest
from tests.fake_engine import FakeEngine

TRIAL_ID = "kiosque-essai"
TRIAL_TITLE = "Kiosque à l'essai"
TRIAL = {
    "title": TRIAL_TITLE, "provider": "Presse Démo", "category": "livres-numeriques", "audiences": ["adultes"],
    "summary": "Un kiosque de presse que le réseau essaie.", "description": "Des journaux.",
    "devices": ["ordinateur"], "how_to_start": ["Connectez-vous."],
    "access": {"kind": "direct", "target": "https://kiosque.example.org/"}, "added": "2026-12-01",
    "trial": {"start": "2026-12-01", "end": "2026-12-31"},
}
# Everything an editor might slip into a notice: none of it may reach a reader's browser as markup.
HOSTILE = ("Accès coupé <script>alert(1)</script> <img src=x onerror=alert(2)> "
           "[voir](javascript:alert(3)) \"guillemets\" & **pendant la maintenance**")
NOTICES = [
    {"kind": "maintenance", "text": HOSTILE, "start": "2026-12-05T08:00", "end": "2026-12-05T10:30"},
    {"kind": "change", "text": "Le quota passe à 6 films par mois.", "start": "2026-12-01", "end": "2026-12-10"},
]
RESOURCE_PAGE = f"docs/ressources/{TRIAL_ID}/index.md"


def trial_network(root: Path) -> Path:
    """The new network of `bibnum new` with a resource on trial (December 2026), linked from its
    event, two notices on its resource `gallica` and « Nouveau » for 30 days."""
    small_network(root)
    (root / "data" / "resources" / f"{TRIAL_ID}.yml").write_text(yaml.safe_dump(TRIAL, allow_unicode=True),
                                                                  encoding="utf-8")
    gallica = root / "data" / "resources" / "gallica.yml"
    gallica.write_text(gallica.read_text(encoding="utf-8") + yaml.safe_dump({"notices": NOTICES},
                                                                            allow_unicode=True), encoding="utf-8")
    sites = root / "data" / "sites.yml"
    sites.write_text(sites.read_text(encoding="utf-8").replace("network:\n", "network:\n  new_for_days: 30\n", 1),
                     encoding="utf-8")
    event = next((root / "data" / "events").glob("*.yml"))
    event.write_text(event.read_text(encoding="utf-8").replace("resources: [gallica]",
                                                               f"resources: [gallica, {TRIAL_ID}]"), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return trial_network(tmp_path_factory.mktemp("trials") / "reseau")


@pytest.fixture(scope="module")
def graph(project):
    return load_graph(project)


def site_files(graph, site_id: str, now: datetime) -> dict[str, str | bytes]:
    site = next(site for site in graph.sites if site.id == site_id)
    return generate_site(graph, site, now)


def text(files, path: str) -> str:
    return files[path] if isinstance(files[path], str) else files[path].decode("utf-8")


@pytest.mark.parametrize(("now", "shown"), [
    (datetime(2026, 11, 30, 23, 59), False),  # not started: hidden until its first day
    (datetime(2026, 12, 1, 0, 0), True),
    (datetime(2026, 12, 31, 23, 59), True),  # its last day included
    (datetime(2027, 1, 1, 0, 0), False),  # over: hidden
])
def test_a_trial_is_shown_on_the_portal_from_its_first_to_its_last_day(graph, now, shown):
    files = site_files(graph, "portail", now)
    assert (RESOURCE_PAGE in files) is shown
    catalogue = text(files, "docs/ressources/index.md")
    assert (TRIAL_TITLE.replace("'", "&#39;") in catalogue) is shown
    if shown:
        mark = "Essai jusqu&#39;au jeudi 31 décembre 2026"
        assert mark in text(files, RESOURCE_PAGE) and mark in catalogue  # its page and its card
        assert "bn-tag--trial" not in text(files, "docs/ressources/gallica/index.md")
    event = next(path for path in files if path.startswith("docs/evenements/") and path.endswith("/index.md"))
    assert (f"ressources/{TRIAL_ID}/" in text(files, event)) is shown  # no link to a page that is not there


def test_an_ended_trial_is_in_no_public_output_and_the_pro_site_lists_it(project, tmp_path):
    out = tmp_path / "out"
    build(project, out=out, now=datetime(2027, 1, 2, 9, 0), engine=FakeEngine(), state=".bibnum-ended")
    portal = [path for path in (out / "portail").rglob("*") if path.is_file()]
    assert len(portal) > 20
    leaks = [path for path in portal if TRIAL_ID.encode() in path.read_bytes() or b"Kiosque" in path.read_bytes()
             or TRIAL_ID in path.as_posix()]
    assert not leaks  # pages, search index, API, feeds, OPDS, embed snippet
    assert not [path for path in (out / "pro").rglob("*") if TRIAL_ID in path.as_posix()]  # no poster or card
    pro = (out / "pro" / "essais" / "index.html").read_text(encoding="utf-8")
    over = pro.split("Terminés", 1)[1]
    assert "Kiosque" in over and "1er décembre 2026" in over and "jeudi 31 décembre 2026" in over
    shutil.rmtree(project / ".bibnum-ended")


@pytest.mark.parametrize(("now", "state"), [
    (datetime(2026, 11, 30, 12, 0), "À venir"),
    (datetime(2026, 12, 15, 12, 0), "En cours"),
    (datetime(2027, 1, 1, 0, 0), "Terminés"),
])
def test_the_pro_site_lists_each_trial_under_its_state_with_its_dates(graph, now, state):
    files = site_files(graph, "pro", now)
    page = text(files, "docs/essais/index.md")
    sections = dict(part.split("</h2>", 1) for part in page.split('<h2 id="bn-trials-')[1:])
    found = [heading.split(">", 1)[1] for heading, body in sections.items() if "Kiosque" in body]
    assert found == [state]
    assert "<caption>" in page and '<th scope="row">Kiosque' in page
    assert "Essais" in text(files, "mkdocs.yml")  # in the pro navigation
    poster = f"docs/mediation/portail/{TRIAL_ID}/affiche.html"
    assert (poster in files) is (state == "En cours")  # a poster only while the portal shows it


@pytest.mark.parametrize(("now", "maintenance"), [
    (datetime(2026, 12, 5, 7, 59), False),
    (datetime(2026, 12, 5, 8, 0), True),
    (datetime(2026, 12, 5, 10, 29), True),
    (datetime(2026, 12, 5, 10, 30), False),  # over at its end
])
def test_a_notice_shows_on_the_resource_page_and_the_home_page_while_it_is_active(graph, now, maintenance):
    files = site_files(graph, "portail", now)
    page, home = text(files, "docs/ressources/gallica/index.md"), text(files, "docs/index.md")
    for shown in (page, home):
        assert ("Maintenance" in shown) is maintenance
        assert "Changement des conditions" in shown  # a day's notice: 1 to 10 December
    if maintenance:
        assert "Jusqu&#39;au samedi 5 décembre 2026 à 10 h 30" in page
        assert 'class="bn-notice__title"' in home and "ressources/gallica/" in home  # names and links the resource
    assert "Jusqu&#39;au jeudi 10 décembre 2026 inclus" in page


def test_a_day_s_notice_runs_from_its_first_midnight_to_the_end_of_its_last_day(graph):
    assert "Changement des conditions" not in text(site_files(graph, "portail", datetime(2026, 11, 30, 23, 59)),
                                                    "docs/index.md")
    assert "Changement des conditions" in text(site_files(graph, "portail", datetime(2026, 12, 10, 23, 59)),
                                                "docs/index.md")
    home = text(site_files(graph, "portail", datetime(2026, 12, 11, 0, 0)), "docs/index.md")
    assert "Changement des conditions" not in home and "bn-notices" not in home  # no empty section


def test_an_editor_s_notice_text_is_sanitized(graph):
    files = site_files(graph, "portail", datetime(2026, 12, 5, 9, 0))
    for shown in (text(files, "docs/ressources/gallica/index.md"), text(files, "docs/index.md")):
        notice = shown.split('class="bn-notice bn-notice--maintenance"', 1)[1].split("</div>", 1)[0]
        assert "<strong>pendant la maintenance</strong>" in notice
        for payload in ("<script", "<img", "onerror", "javascript:", 'href="javascript'):
            assert payload not in notice, payload


@pytest.mark.parametrize(("now", "new"), [
    (datetime(2026, 11, 20, 12, 0), False),  # not arrived yet
    (datetime(2026, 11, 21, 0, 0), True),  # its arrival day
    (datetime(2026, 12, 21, 23, 59), True),  # new_for_days: 30
    (datetime(2026, 12, 22, 0, 0), False),
])
def test_nouveau_marks_a_resource_for_the_network_s_number_of_days_after_it_arrived(graph, now, new):
    files = site_files(graph, "portail", now)
    for path in ("docs/ressources/gallica/index.md", "docs/ressources/index.md"):
        gallica = text(files, path)
        if path.endswith("ressources/index.md"):
            gallica = gallica.split('href="../ressources/gallica/"', 1)[1].split("</li>", 1)[0]
        assert ("bn-tag--new" in gallica) is new, path
        if new:
            assert "Nouveau" in gallica and "arrivée dans le réseau le samedi 21 novembre 2026" in gallica


BAD = """\
trial:
  start: 2026-12-31
  end: 2026-12-01
notices:
  - kind: incident
    text: Panne.
    start: 2026-12-05T10:00
    end: 2026-12-05T09:00
  - kind: panne
    text: Panne.
    start: 2026-12-05
    end: 2026-12-06
  - kind: incident
    text: Panne.
    start: 2026-12-05
    end: 2026-12-05T09:00+01:00
"""


def test_check_tells_each_wrong_trial_or_notice_at_its_line(tmp_path):
    project = trial_network(tmp_path / "reseau")
    resource = project / "data" / "resources" / "gallica.yml"
    lines = resource.read_text(encoding="utf-8").split("\n")
    cut = next(i for i, line in enumerate(lines) if line.startswith("notices:"))
    resource.write_text("\n".join(lines[:cut]) + "\n" + BAD, encoding="utf-8")
    first = cut + 1
    result = run_check(project)
    assert result.returncode == 1
    said = result.stdout + result.stderr
    where = "data/resources/gallica.yml"
    assert f"{where}:{first + 2}:" in said and "le dernier jour de l'essai (2026-12-01) est avant" in said
    assert f"{where}:{first + 7}:" in said and "la fin de l'avis (2026-12-05T09:00) n'est pas après" in said
    assert f"{where}:{first + 8}:" in said and "panne" in said  # an unknown kind, with the known ones
    assert f"{where}:{first + 15}:" in said and "sans décalage UTC" in said


def test_a_notice_ending_mid_day_changes_the_portal_s_bytes_at_that_time(project, tmp_path):
    """As events' past/upcoming (site_keys.py): a build before the end, then after it, gives the
    bytes of a clean build after it; the pro site, which shows no notice, keeps its key."""
    out = tmp_path / "out"
    before, after = datetime(2026, 12, 5, 10, 0), datetime(2026, 12, 5, 11, 0)
    build(project, out=out, now=before, engine=FakeEngine(), state=".bibnum-notice")
    assert "Maintenance" in (out / "portail" / "index.html").read_text(encoding="utf-8")
    result = build(project, out=out, now=after, engine=FakeEngine(), state=".bibnum-notice")
    modes = {site.site: site.mode for site in result.sites}
    assert modes["portail"] != "unchanged" and modes["pro"] == "unchanged"
    assert "Maintenance" not in (out / "portail" / "index.html").read_text(encoding="utf-8")
    clean = build(project, out=tmp_path / "clean", now=after, incremental=False, state=".bibnum-clean",
                  engine=FakeEngine())
    assert all(site.mode == CLEAN for site in clean.sites)
    assert tree_digest(out) == tree_digest(tmp_path / "clean")
    for state in (".bibnum-notice", ".bibnum-clean"):
        shutil.rmtree(project / state)


def test_a_site_view_tells_each_state(graph):
    portal = next(site for site in graph.sites if site.id == "portail")
    view = SiteView.build(graph, portal, datetime(2026, 12, 5, 9, 0))
    gallica = graph.resources["gallica"]
    assert [notice.kind for notice in view.notices(gallica)] == ["maintenance", "change"]
    assert [(res.id, notice.kind) for res, notice in view.home_notices()] == [
        ("gallica", "maintenance"), ("gallica", "change")]
    assert view.trial_running(graph.resources[TRIAL_ID]) and not view.trial_running(gallica)
