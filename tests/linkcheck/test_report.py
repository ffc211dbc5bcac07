"""Problems as FILE:LINE:COL text or as GitHub Actions annotations; external links summarised."""

from __future__ import annotations

from generator.errors import Location, Problem
from generator.linkcheck.report import external_summary, format_problem

PROBLEM = Problem(Location("data/resources/a,b.yml", 12, 3), "target: 100% wrong\nsecond line")


def test_text_format_is_file_line_col():
    assert format_problem(PROBLEM) == "data/resources/a,b.yml:12:3: target: 100% wrong\nsecond line"


def test_github_annotation_escapes_properties_and_message():
    assert format_problem(PROBLEM, "github") == (
        "::error file=data/resources/a%2Cb.yml,line=12,col=3::target: 100%25 wrong%0Asecond line"
    )


def test_external_links_by_host_or_folded_list():
    external = {"https://a.example.org/1": ["x/index.html"], "https://a.example.org/2": ["y/index.html"],
                "https://b.example.org/": ["x/index.html"]}
    assert external_summary(external) == [
        "3 liens externes sur 2 pages, listés, non vérifiés :",
        "  a.example.org : 2",
        "  b.example.org : 1",
    ]
    github = external_summary(external, "github")
    assert github[0].startswith("::group::3 liens externes") and github[-1] == "::endgroup::"
    assert "https://a.example.org/2  (y/index.html)" in github
    assert external_summary({}) == []
