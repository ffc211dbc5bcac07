"""Groups and committees: kinds with their own label, named people with roles, the chair read as such."""

from __future__ import annotations

import dataclasses
import re

import pytest
from pydantic import ValidationError

from generator.build import load_graph
from generator.work_tree import generate_site
from generator.errors import ProjectInvalid
from generator.load.project import load_project
from generator.models.group import Group
from generator.validate import validate
from tests.conftest import DEMO_NOW, REPO


def group(**fields) -> Group:
    return Group.model_validate({"id": "g", "name": "Groupe", "summary": "Mission.", **fields})


def facts(page: str) -> dict[str, str]:
    """The page's <dt>/<dd> pairs, as text."""
    return dict(re.findall(r"<dt>([^<]+)</dt>\s*<dd>(.*?)</dd>", page, re.S))


def test_existing_shape_stays_valid_and_lead_reads_by_kind() -> None:
    copil = group(kind="copil", lead="Direction de la lecture publique", members=["bayeux"])
    work = group(kind="groupe-de-travail", lead="Claire Marie")
    assert copil.people_by_role()[0][0] == "presidence"
    assert work.people_by_role()[0][0] == "animation"
    assert group(kind="comite-technique", lead="X").lead_role == "animation"


def test_a_committee_needs_its_label_and_roles_are_a_closed_list() -> None:
    with pytest.raises(ValidationError, match="label"):
        group(kind="comite")
    assert group(kind="comite", label="Comité des usagers").label == "Comité des usagers"
    with pytest.raises(ValidationError):
        group(kind="copil", people=[{"name": "A", "role": "chef"}])


@pytest.fixture(scope="module")
def pro_docs():
    graph = load_graph(REPO)
    copil = graph.groups["copil"]
    groups = dict(graph.groups)
    # A COPIL with only `lead` (the shape of existing projects), and a labelled committee.
    groups["copil"] = copil.model_copy(update={"people": [], "lead": "Anne Présidente"})
    groups["usagers"] = group(id="usagers", kind="comite", label="Comité des usagers", people=[
        {"name": "Louis Perrin", "role": "animation", "library": "bayeux"},
        {"name": "Zoé Martin", "role": "secretariat", "organisation": "Association des lecteurs"},
        {"name": "Jean Membre"}])
    graph = dataclasses.replace(graph, groups=groups)
    return generate_site(graph, graph.site("pro"), DEMO_NOW)


def test_copil_lead_is_shown_as_presidence(pro_docs) -> None:
    shown = facts(pro_docs["docs/groupes/copil/index.md"])
    assert shown.get("Présidence") == "Anne Présidente"
    assert "Animation" not in shown


def test_committee_page_shows_its_label_and_every_role(pro_docs) -> None:
    page = pro_docs["docs/groupes/usagers/index.md"]
    assert '<p class="bn-muted">Comité des usagers</p>' in page
    shown = facts(page)
    assert shown["Animation"] == "Louis Perrin (Médiathèque Les 7 Lieux)"
    assert shown["Secrétariat"] == "Zoé Martin (Association des lecteurs)"
    assert shown["Membre"] == "Jean Membre"
    assert list(shown)[:3] == ["Animation", "Secrétariat", "Membre"]
    assert "Comité des usagers" in pro_docs["docs/groupes/index.md"]


def test_demo_working_group_lead_is_animation(pro_docs) -> None:
    assert "Animation" in facts(pro_docs["docs/groupes/pnb/index.md"])


def test_unknown_library_of_a_person_is_reported_at_its_line(demo_copy) -> None:
    path = demo_copy / "data/groups.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("        library: lisieux\n", "        library: lisieu\n", 1), encoding="utf-8")
    line = text.split("\n").index("        library: lisieux") + 1
    with pytest.raises(ProjectInvalid) as caught:
        validate(load_project(demo_copy))
    found = [(p.location.file, p.location.line) for p in caught.value.problems]
    assert found == [("data/groups.yml", line)]
    assert "lisieu" in caught.value.problems[0].message


def test_a_groups_people_are_found_by_search() -> None:
    from generator.view.site_view import SiteView
    from generator.search.records import site_records

    graph = load_graph(REPO)
    records = {r.id: r for r in site_records(SiteView.build(graph, graph.site("pro"), DEMO_NOW))}
    assert "Hélène Vautier" in " ".join(text for _weight, text in records["group:copil"].fields)
    ids = [rid for rid in records if rid.startswith("group:")]
    assert ids[:2] == ["group:copil", "group:comite-technique"]  # the COPIL, then the committees
