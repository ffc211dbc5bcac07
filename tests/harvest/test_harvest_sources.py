"""data/sources.yml is validated like every data file; harvest files load fast and fail clearly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.build import load_graph
from generator.cli import main
from generator.errors import ProjectInvalid
from generator.models.source import Source, url_problem

GOOD = {"id": "flux", "kind": "feed", "url": "data/feeds/flux.atom", "resource": "pnb"}


def problems(project: Path, text: str) -> list[str]:
    (project / "data" / "sources.yml").write_text(text, encoding="utf-8")
    with pytest.raises(ProjectInvalid) as caught:
        load_graph(project)
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize("url, ok", [
    ("https://fournisseur.example.org/flux.atom", True),
    ("http://fournisseur.example.org/flux.atom", True),
    ("file:///srv/flux.atom", True),
    ("data/feeds/flux.atom", True),
    ("javascript:alert(1)", False),
    ("ftp://fournisseur.example.org/flux", False),
    ("/etc/passwd", False),
    ("../../etc/passwd", False),
    ("https://", False),
    ("C:\\flux.atom", False),
])
def test_source_urls(url: str, ok: bool) -> None:
    assert (url_problem(url) is None) == ok


def test_kind_decides_resource_or_library() -> None:
    Source.model_validate(GOOD)
    with pytest.raises(ValueError, match="donnez « resource »"):
        Source.model_validate({**GOOD, "resource": None, "library": "ifs"})
    # An agenda needs no default kind: its categories may name every kind (data/sources.yml `categories:`).
    assert Source.model_validate({"id": "a", "kind": "ical", "url": "a.ics", "library": "ifs"}).fallback_kind is None
    with pytest.raises(ValueError, match="est réservé"):
        Source.model_validate({**GOOD, "id": "report"})


def test_errors_name_file_line_and_fix(demo_copy: Path) -> None:
    text = (
        "sources:\n"
        "  - id: flux\n    kind: feed\n    url: data/feeds/flux.atom\n    resource: pnbb\n"
        "  - id: flux\n    kind: rss\n    url: data/feeds/flux.atom\n    resource: pnb\n"
        "  - id: agenda\n    kind: ical\n    url: a.ics\n    library: ifs\n    event_kind: atelierr\n"
        "    audiences: [famille]\n"
    )
    found = problems(demo_copy, text)
    assert any(p.startswith("data/sources.yml:5:5: 1re source (id flux) › resource : ressource « pnbb » inconnue "
                            "(vouliez-vous dire « pnb » ?) ; valeurs possibles : assimil,") for p in found), found
    assert any(p.startswith("data/sources.yml:7:5: 2e source (id flux) › kind : « rss » n'est pas une valeur "
                            "possible ; valeurs possibles : feed, opds, kbart, ical") for p in found), found
    assert any("data/sources.yml:14:5: 3e source (id agenda) › event_kind : type d'événement « atelierr » inconnu "
               "(vouliez-vous dire « atelier » ?)" in p for p in found), found
    assert any("data/sources.yml:15:17: 3e source (id agenda) › 1er public : public « famille » inconnu" in p
               for p in found), found


def test_duplicate_source_ids(demo_copy: Path) -> None:
    entry = yaml.safe_dump([GOOD, GOOD])
    found = problems(demo_copy, "sources:\n" + "\n".join("  " + line for line in entry.splitlines()))
    assert any("identifiant « flux » en double" in p for p in found), found


def test_corrupt_harvest_file_is_one_clear_error(demo_copy: Path) -> None:
    path = demo_copy / "data" / "harvest" / "pnb-nouveautes.json"
    path.write_text(path.read_text(encoding="utf-8")[:-200], encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(demo_copy)])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if "data/harvest" in line]
    assert len(lines) == 1 and lines[0].startswith("data/harvest/pnb-nouveautes.json:1:1: fichier de moisson illisible (JSON invalide, ligne")
    assert "bibnum harvest --source pnb-nouveautes --force" in lines[0]


def test_tampered_record_is_reported_not_shown(demo_copy: Path) -> None:
    path = demo_copy / "data" / "harvest" / "pnb-nouveautes.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["records"][3]["title"] = "<script>alert(1)</script>"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ProjectInvalid) as caught:
        load_graph(demo_copy)
    assert [str(p) for p in caught.value.problems] == [
        "data/harvest/pnb-nouveautes.json:1:1: 4e notice : « title » doit être un texte simple, sans « < », « > » "
        "ni caractère de contrôle ; lancez `bibnum harvest --source pnb-nouveautes --force` pour réécrire le "
        "fichier, ou supprimez-le"]


def test_tampered_summary_is_sanitized_on_load(demo_copy: Path) -> None:
    path = demo_copy / "data" / "harvest" / "pnb-nouveautes.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["records"][0]["summary_html"] = '<p>ok<script>alert(1)</script><img src=x onerror=alert(1)></p>'
    path.write_text(json.dumps(data), encoding="utf-8")
    summaries = [t.summary_html for t in load_graph(demo_copy).titles["pnb"]]
    assert "<p>ok</p>" in summaries and not any("script" in s or "onerror" in s for s in summaries)


def test_files_of_undeclared_sources_are_ignored(demo_copy: Path) -> None:
    sources = yaml.safe_load((demo_copy / "data" / "sources.yml").read_text(encoding="utf-8"))
    sources["sources"] = [s for s in sources["sources"] if s["id"] != "pnb-nouveautes"]
    (demo_copy / "data" / "sources.yml").write_text(yaml.safe_dump(sources), encoding="utf-8")
    assert "pnb" not in load_graph(demo_copy).titles


def test_an_editor_event_may_not_pretend_to_be_harvested(demo_copy: Path) -> None:
    path = demo_copy / "data" / "events" / "2026-11-25-permanence-numerique-ifs.yml"
    path.write_text(path.read_text(encoding="utf-8") + "source: agenda-ifs\n", encoding="utf-8")
    with pytest.raises(ProjectInvalid) as caught:
        load_graph(demo_copy)
    assert [str(p) for p in caught.value.problems] == [
        "data/events/2026-11-25-permanence-numerique-ifs.yml:12:1: source : « source » est écrit par "
        "`bibnum harvest` sur les événements moissonnés ; supprimez-la"]


def test_the_preview_reuses_titles_built_from_the_same_parsed_stores(demo_copy: Path) -> None:
    """With a parse cache (the preview), unchanged stores are the same objects: their titles
    are not built again; an edited store, or an edited declaration, builds them again."""
    from generator.load.project import ParseCache

    cache = ParseCache()
    first = load_graph(demo_copy, cache)
    second = load_graph(demo_copy, cache)
    assert second.titles["izneo"] is first.titles["izneo"]
    assert load_graph(demo_copy).titles["izneo"] == first.titles["izneo"]  # no cache: the same titles, built anew

    store = demo_copy / "data" / "harvest" / "izneo-nouveautes.json"
    data = json.loads(store.read_text(encoding="utf-8"))
    data["records"][0]["title"] = "Un titre corrigé"
    store.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    third = load_graph(demo_copy, cache)
    assert "Un titre corrigé" in [t.title for t in third.titles["izneo"]]

    sources = demo_copy / "data" / "sources.yml"
    declared = yaml.safe_load(sources.read_text(encoding="utf-8"))
    declared["sources"] = [s for s in declared["sources"] if s["id"] != "izneo-nouveautes"]
    sources.write_text(yaml.safe_dump(declared, allow_unicode=True), encoding="utf-8")
    assert "izneo" not in load_graph(demo_copy, cache).titles


def test_a_damaged_event_record_is_told_in_french(demo_copy: Path) -> None:
    path = demo_copy / "data" / "harvest" / "agenda-ifs.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["records"][1]["status"] = "bientot"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ProjectInvalid) as caught:
        load_graph(demo_copy)
    assert [str(p) for p in caught.value.problems] == [
        "data/harvest/agenda-ifs.json:1:1: 2e notice : ce n'est pas un événement valide (status : « bientot » n'est "
        "pas une valeur possible ; valeurs possibles : scheduled, cancelled, postponed) ; lancez "
        "`bibnum harvest --source agenda-ifs --force` pour réécrire le fichier, ou supprimez-le"]
    del data["records"][1]["status"], data["records"][1]["uid"]
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ProjectInvalid) as caught:
        load_graph(demo_copy)
    assert "2e notice : ce n'est pas un événement valide (clé « uid » absente)" in str(caught.value.problems[0])


def test_a_record_whose_summary_is_not_text_is_named_by_its_key() -> None:
    from generator.harvest.records import _title_problem

    record = {"title": "Les Misérables", "authors": ["Victor Hugo"], "summary_html": 3}
    assert _title_problem(record) == "« summary_html » doit être un texte"
