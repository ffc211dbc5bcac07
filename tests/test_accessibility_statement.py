"""The accessibility statement is rendered from the last audit (data/audit/accessibility.json)."""

from __future__ import annotations

import html
import json
from datetime import datetime
from pathlib import Path

import pytest

from generator.build import load_graph
from generator.errors import ProjectInvalid
from generator.pages.public import public_files
from generator.view.site_view import SiteView

AUDIT = {
    "date": "2026-10-05",
    "standard": "RGAA 4.1 / WCAG 2.1 AA",
    "tools": {"axe-core": "4.14.1", "Nu Html Checker": "26.9.27", "Chromium": "156.0"},
    "rules": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "nu-html-valid"],
    "widths": ["390×844", "1280×900"],
    "sites": {
        "calvados": {
            "pages": [
                {"path": "", "title": "La Boîte numérique"},
                {"path": "ressources/cafeyn/", "title": "Cafeyn"},
                {"path": "", "title": "La Boîte numérique", "search": "presse"},
            ],
            "rules_applicable": 37,
            "rules_passed": 36,
            "html_errors": 0,
            "exceptions": [{"tool": "Nu Html Checker", "rule": "autocomplete",
                            "statement": "Deux cases à cocher internes portent un attribut non prévu."}],
        }
    },
}


def write_audit(project: Path, audit: dict | str) -> Path:
    path = project / "data" / "audit" / "accessibility.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(audit if isinstance(audit, str) else json.dumps(audit, ensure_ascii=False, indent=2),
                    encoding="utf-8")
    return path


def statement(project: Path, site_id: str = "calvados", now: datetime = datetime(2026, 11, 21, 10)) -> str:
    graph = load_graph(project)
    view = SiteView.build(graph, graph.site(site_id), now)
    return public_files(view, "example.org")["accessibilite/index.md"]


def text(markdown: str) -> str:
    return " ".join(html.unescape(markdown).split())


def test_statement_from_the_audit(demo_copy: Path):
    write_audit(demo_copy, AUDIT)
    page = text(statement(demo_copy))
    assert "Ce site est <strong>partiellement conforme</strong>" in page
    assert "L'audit automatisé du lundi 5 octobre 2026 révèle que 97,3 % des règles" in page
    assert "(36 sur 37), sur 3 pages testées à deux tailles d'écran (390×844, 1280×900)" in page
    assert "compte 0 erreur" in page
    assert "<li>Deux cases à cocher internes portent un attribut non prévu.</li>" in page
    assert "Cette déclaration a été établie le lundi 5 octobre 2026." in page
    assert "axe-core 4.14.1, Nu Html Checker 26.9.27, Chromium 156.0" in page
    assert '<li><a href="../ressources/cafeyn/">Cafeyn</a></li>' in page
    assert "<li>Résultats de la recherche « presse »</li>" in page


def test_the_statement_does_not_change_with_the_build_date(demo_copy: Path):
    write_audit(demo_copy, AUDIT)
    assert statement(demo_copy, now=datetime(2026, 11, 21)) == statement(demo_copy, now=datetime(2027, 3, 2))


def test_a_site_the_audit_did_not_cover_says_so(demo_copy: Path):
    write_audit(demo_copy, AUDIT)
    page = text(statement(demo_copy, "caen"))
    assert "<strong>non conforme</strong>" in page and "Aucun audit n'a encore été réalisé." in page
    assert "Cette déclaration a été établie le samedi 21 novembre 2026." in page


def test_below_half_of_the_rules_is_non_conforme(demo_copy: Path):
    write_audit(demo_copy, {**AUDIT, "sites": {"calvados": {**AUDIT["sites"]["calvados"], "rules_passed": 18}}})
    assert "Ce site est <strong>non conforme</strong>" in text(statement(demo_copy))


CALVADOS = '"calvados": {'


def line_of(lines: list[str], needle: str) -> int:
    return next(number for number, line in enumerate(lines, 1) if needle in line)


def test_an_invalid_audit_file_is_reported_with_file_and_line(demo_copy: Path):
    bad = json.loads(json.dumps(AUDIT))
    bad["sites"]["calvados"]["rules_passed"] = 40
    bad["date"] = "le 5 octobre"
    lines = write_audit(demo_copy, bad).read_text(encoding="utf-8").split("\n")
    with pytest.raises(ProjectInvalid) as caught:
        load_graph(demo_copy)
    problems = "\n".join(str(p) for p in caught.value.problems)
    passed, when = line_of(lines, '"rules_passed": 40'), line_of(lines, '"date"')
    assert (f"data/audit/accessibility.json:{passed}:7: sites.calvados.rules_passed : rules_passed ne peut pas "
            "dépasser rules_applicable") in problems
    assert (f"data/audit/accessibility.json:{when}:3: date : « le 5 octobre » n'est pas une date ; écrivez-la "
            "AAAA-MM-JJ, par ex. 2026-12-20") in problems


def test_an_audit_of_an_unknown_site_is_reported(demo_copy: Path):
    lines = write_audit(demo_copy, {**AUDIT, "sites": {"montreal": AUDIT["sites"]["calvados"]}}) \
        .read_text(encoding="utf-8").split("\n")
    with pytest.raises(ProjectInvalid) as caught:
        load_graph(demo_copy)
    montreal = line_of(lines, '"montreal": {')
    assert [str(p) for p in caught.value.problems] == [
        f"data/audit/accessibility.json:{montreal}:5: sites : site « montreal » inconnu (les sites sont déclarés "
        "dans data/sites.yml) ; relancez les tests de navigateur pour réécrire ce fichier"
    ]


def test_the_committed_audit_is_valid():
    from tests.conftest import REPO

    graph = load_graph(REPO)
    assert graph.audit is not None and set(graph.audit.sites) == {s.id for s in graph.sites}
