"""The link checker on the real demo: no broken link; `check --links`, `--format github`, `build --strict`."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.build import build, load_graph
from generator.cli import main
from generator.linkcheck import LinksBroken, check_built_site
from generator.linkcheck.access_rules import access_expectations
from tests.conftest import DEMO_NOW

pytestmark = pytest.mark.e2e


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def demo_root(demo_build) -> Path:
    return demo_build.out.parent


def test_the_demo_build_has_no_broken_link(demo_build):
    graph = load_graph(demo_root(demo_build))
    for site in graph.sites:
        result = check_built_site(graph, site, demo_build.out / site.id, site.id)
        assert result.problems == [], "\n".join(map(str, result.problems))
        assert result.report.pages > 20 and result.report.links > 1000
    # Every resource page of a public portal is held to its access rule; the chooser's libraries too.
    calvados = graph.site("calvados")
    rules = access_expectations(graph, calvados)
    assert len(rules) == sum(1 for r in graph.resources.values() if r.sites is None or "calvados" in r.sites)
    assert any(rule.libraries for rule in rules.values())


def test_check_links_cli_on_the_demo(demo_build):
    result = run("check", str(demo_root(demo_build)), "--links", "--out", str(demo_build.out))
    assert result.exit_code == 0, result.output
    assert re.search(r"^calvados : \d+ pages, \d+ liens vérifiés, 0 problème$", result.stdout, re.M)
    assert "liens externes" in result.stdout and "proxy.boitenumerique.example.org" in result.stdout


def test_check_links_names_the_page_and_the_link(demo_build, tmp_path: Path):
    out = tmp_path / "site"
    shutil.copytree(demo_build.out, out)
    page = out / "caen" / "agenda" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</article>", '<a href="../nulle-part/">x</a></article>', 1),
                    encoding="utf-8")
    (out / "pro" / "assets" / "bibnum" / "bibnum.css").unlink()
    result = run("check", str(demo_root(demo_build)), "--links", "--out", str(out))
    assert result.exit_code == 1
    assert re.search(r"caen/agenda/index\.html:\d+:\d+: lien cassé « \.\./nulle-part/ » : nulle-part/index\.html n'existe pas",
                     result.stderr)
    assert re.search(r"/pro/(\S*/)?index\.html:\d+:\d+: fichier manquant « (\.\./)*assets/bibnum/bibnum\.css »", result.stderr)
    github = run("check", str(demo_root(demo_build)), "--links", "--out", str(out), "--format", "github")
    assert github.exit_code == 1
    assert re.search(r"^::error file=[^,]*caen/agenda/index\.html,line=\d+,col=\d+::lien cassé", github.stderr, re.M)
    assert "::group::" in github.stdout


def test_check_links_wants_every_site_built(demo_build, tmp_path: Path):
    result = run("check", str(demo_root(demo_build)), "--links", "--out", str(tmp_path))
    assert result.exit_code == 1
    assert "le site « calvados » n'est pas construit ; lancez d'abord `bibnum build`" in result.stderr


def test_check_format_github_annotates_the_editors_file(demo_copy: Path):
    path = demo_copy / "data" / "resources" / "izneo.yml"
    lines = path.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith("category:"))
    lines[index] = "category: bandes-dessinees"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = run("check", str(demo_copy), "--format", "github")
    assert result.exit_code == 1
    assert re.search(rf"^::error file=data/resources/izneo\.yml,line={index + 1},col=\d+::category : catégorie « bandes-dessinees » inconnue",
                     result.stderr, re.M)
    assert "erreur : rien n'a été construit ni publié." in result.stderr


def test_strict_build_refuses_a_broken_link_and_leaves_out_as_it_was(demo_copy: Path, tmp_path: Path):
    page = demo_copy / "content" / "pro" / "documents.md"
    text = page.read_text(encoding="utf-8").rstrip("\n")
    line = text.count("\n") + 3
    page.write_text(text + "\n\nVoir [la page disparue](../disparue/#plus).\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("published", encoding="utf-8")
    with pytest.raises(LinksBroken) as caught:
        build(demo_copy, sites=["pro"], out=out, now=DEMO_NOW, strict=True)
    [problem] = caught.value.problems
    # Located in the editor's Markdown, not only in the built page.
    assert str(problem.location) == f"content/pro/documents.md:{line}:25"
    assert "lien cassé « ../disparue/#plus »" in problem.message and "pro/documents/index.html" in problem.message
    assert sorted(p.name for p in out.iterdir()) == ["keep.txt"]
    # Without --strict the same build goes through (the check is opt-in for previews).
    build(demo_copy, sites=["pro"], out=out, now=DEMO_NOW)
    assert (out / "pro" / "documents" / "index.html").is_file()
