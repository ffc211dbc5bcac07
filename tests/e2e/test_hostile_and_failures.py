"""End to end: hostile editor input stays inert, and a failed build never touches the published output.

These tests build their own copy of the demo network (one site, or one site plus a
failing one), so they stay a few seconds long.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.build import build
from generator.errors import BuildFailed, ProjectInvalid
from tests.conftest import DEMO_NOW, copy_project
from tests.e2e.helpers import entries, html_pages, parse, text_of, tree_digest

pytestmark = pytest.mark.e2e

RESOURCE = "cafeyn"  # shown on calvados, reached through a login
EVENT = "2026-11-28-atelier-tablette-bayeux"  # public, in a calvados library, upcoming at DEMO_NOW

HOSTILE_DESCRIPTION = (
    "Une présentation.\n\n"
    "<script>alert(1)</script>\n\n"
    "<img src=x onerror=alert(1)>\n\n"
    "Un lien piégé : [x](javascript:alert(1)).\n"
)
HOSTILE_SUMMARY = "Tom & \"Jerry\" ' onmouseover='x"
HOSTILE_EVENT_DESCRIPTION = 'Avant.\n\n<iframe src="https://evil.example.org"></iframe>\n\nAprès.\n'


def edit_yaml(path: Path, **changes: object) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.update(changes)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the demo with hostile fields, calvados only, built once for this module."""
    project = copy_project(tmp_path_factory.mktemp("hostile") / "network")
    edit_yaml(project / "data" / "resources" / f"{RESOURCE}.yml",
              description=HOSTILE_DESCRIPTION, summary=HOSTILE_SUMMARY)
    edit_yaml(project / "data" / "events" / f"{EVENT}.yml", description=HOSTILE_EVENT_DESCRIPTION)
    result = build(project, sites=["calvados"], out=project.parent / "out", now=DEMO_NOW)
    return result.out / "calvados"


def test_hostile_editor_input_is_inert_in_every_page(hostile_site: Path):
    pages = html_pages(hostile_site)
    assert (hostile_site / "ressources" / RESOURCE / "index.html") in pages
    assert (hostile_site / "evenements" / EVENT / "index.html") in pages
    for page in pages:
        raw = page.read_text(encoding="utf-8")
        lowered = raw.lower()
        assert "<script>alert" not in lowered, page
        assert "onerror=" not in lowered, page
        assert "<iframe" not in lowered, page
        assert "evil.example.org" not in lowered, page
        soup = parse(page)
        assert soup.find("iframe") is None, page
        for element in soup.find_all(True):
            for attribute in element.attrs:
                assert attribute.lower() not in ("onmouseover", "onerror"), f"{page}: <{element.name} {attribute}=…>"
        for anchor in soup.select("a[href]"):
            href = "".join(anchor["href"].split()).lower()
            assert not href.startswith(("javascript:", "data:", "vbscript:")), f"{page}: {anchor['href']!r}"
        for script in soup.find_all("script"):
            assert "alert(1)" not in script.get_text(), page


def test_hostile_summary_is_shown_literally(hostile_site: Path):
    page = parse(hostile_site / "ressources" / RESOURCE / "index.html")
    assert text_of(page.select_one(".bn-resource .bn-lead")) == HOSTILE_SUMMARY
    description = page.select_one('meta[name="description"]')
    assert description is not None and description["content"] == HOSTILE_SUMMARY
    about = page.select_one('section[aria-labelledby="bn-about"]')
    assert "Une présentation." in about.get_text()
    assert about.find("img") is None and about.find("script") is None
    catalogue = parse(hostile_site / "ressources" / "index.html")
    summaries = [text_of(card.select_one(".bn-card__summary"))
                 for card in catalogue.select("li.bn-card")
                 if card.select_one(f'a[href$="ressources/{RESOURCE}/"]')]
    assert summaries == [HOSTILE_SUMMARY]


def test_hostile_event_description_is_sanitized_in_page_and_calendar(hostile_site: Path):
    page = parse(hostile_site / "evenements" / EVENT / "index.html")
    body = page.select_one(".bn-event-page")
    assert "Avant." in body.get_text() and "Après." in body.get_text()
    assert body.find("iframe") is None
    calendar = (hostile_site / "evenements" / f"{EVENT}.ics").read_text(encoding="utf-8")
    assert "<iframe" not in calendar.lower()


def test_failed_builds_leave_the_output_untouched(demo_copy: Path, tmp_path: Path):
    out = tmp_path / "out"
    build(demo_copy, sites=["calvados"], out=out, now=DEMO_NOW)
    published = tree_digest(out)
    listing = entries(out)
    assert "calvados/index.html" in published and "index.html" in published

    def assert_untouched() -> None:
        assert entries(out) == listing, "folders or files appeared or vanished in OUT"
        assert tree_digest(out) == published, "a file of OUT changed"
        assert not list(out.glob(".staging-*")) and not list(out.glob(".old-*"))

    # 1. invalid data: validation stops the build before anything is written
    resource = demo_copy / "data" / "resources" / f"{RESOURCE}.yml"
    good_resource = resource.read_bytes()
    edit_yaml(resource, category=["not", "a", "slug"], unknown_key="typo")
    with pytest.raises(ProjectInvalid) as invalid:
        build(demo_copy, sites=["calvados"], out=out, now=DEMO_NOW)
    assert any(RESOURCE in str(problem) for problem in invalid.value.problems)
    assert_untouched()
    resource.write_bytes(good_resource)

    # 2. an engine setting the engine would refuse (unknown theme): refused with the data, before the engine
    config = demo_copy / "mkdocs.yml"
    good_config = config.read_bytes()
    config.write_text("theme:\n  name: does-not-exist\n", encoding="utf-8")
    with pytest.raises(ProjectInvalid) as invalid:
        build(demo_copy, sites=["calvados"], out=out, now=DEMO_NOW)
    assert any(str(problem.location) == "mkdocs.yml:2:3" for problem in invalid.value.problems)
    assert_untouched()
    config.write_bytes(good_config)

    # 3. one site's engine fails while the other succeeds: nothing is swapped in, not even the good site
    # (a template that parses, so check passes, but fails when rendered: an undefined value's attribute)
    (demo_copy / "themes" / "pro" / "main.html").write_text(
        '{% extends "base.html" %}\n{% block content %}{{ config.extra.nothing.deeper }}{% endblock %}\n',
        encoding="utf-8")
    with pytest.raises(BuildFailed) as failed:
        build(demo_copy, sites=["calvados", "pro"], out=out, now=DEMO_NOW)
    assert "pro" in str(failed.value)
    assert_untouched()
