"""Every input that used to crash `check` (issue 12, findings 4 and 7) is one French FILE:LINE:COL error.

Each case edits a copy of the demo, runs the real command in a subprocess and reads what an
editor reads: exit 1, no traceback, the file, line and column, and a message in French.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import replace_line, run_check


def billion_laughs() -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]
    return "\n".join(lines) + "\n"


def alias_bomb(root: Path) -> tuple[str, int, int, str]:
    (root / "data/resources/bombe.yml").write_text(billion_laughs(), encoding="utf-8")
    return "data/resources/bombe.yml", 6, 10, "alias"


def nested_brackets(root: Path) -> tuple[str, int, int, str]:
    (root / "data/events/crochets.yml").write_text("title: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    return "data/events/crochets.yml", 1, 57, "niveaux"


def deep_keys(root: Path) -> tuple[str, int, int, str]:
    text = "".join("  " * i + f"niveau{i}:\n" for i in range(200)) + "  " * 200 + "fin\n"
    (root / "data/libraries/profonde.yml").write_text(text, encoding="utf-8")
    return "data/libraries/profonde.yml", 51, 101, "niveaux"


def impossible_post_date(root: Path) -> tuple[str, int, int, str]:
    line = replace_line(root / "content/blog/posts/2025-09-15-rentree-2025.md", "date:", "date: 2026-02-30")
    return "content/blog/posts/2025-09-15-rentree-2025.md", line, 1, "2026-02-30"


def impossible_resource_date(root: Path) -> tuple[str, int, int, str]:
    line = replace_line(root / "data/resources/cafeyn.yml", "added:", "added: 2024-02-30")
    return "data/resources/cafeyn.yml", line, 1, "2024-02-30"


def huge_population(root: Path) -> tuple[str, int, int, str]:
    digits = "1" * 41
    sites = root / "data/sites.yml"
    text = sites.read_text(encoding="utf-8")
    line = next(i + 1 for i, row in enumerate(text.split("\n")) if "population: 12970" in row)
    sites.write_text(text.replace("population: 12970", f"population: {digits}", 1), encoding="utf-8")
    return "data/sites.yml", line, 0, "population"


def twenty_megabytes(root: Path) -> tuple[str, int, int, str]:
    row = "- " + "x" * 97 + "\n"
    (root / "data/events/enorme.yml").write_text("items:\n" + row * 200_000, encoding="utf-8")
    return "data/events/enorme.yml", 1, 1, "trop gros"


def deep_harvest_json(root: Path) -> tuple[str, int, int, str]:
    # Written by `bibnum harvest`, but committed: an edit can nest it too deep for json.loads.
    (root / "data/harvest/pnb-nouveautes.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    return "data/harvest/pnb-nouveautes.json", 1, 1, "imbriqué trop profondément"


CASES = [alias_bomb, nested_brackets, deep_keys, impossible_post_date, impossible_resource_date, huge_population,
         twenty_megabytes, deep_harvest_json]


@pytest.mark.parametrize("make", CASES, ids=[case.__name__ for case in CASES])
def test_hostile_input_is_one_french_error_at_its_place(make, demo_copy: Path):
    file, line, column, words = make(demo_copy)
    result = run_check(demo_copy)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and "Error" not in result.stderr, result.stderr
    errors = [row for row in result.stderr.splitlines() if row.startswith(f"{file}:")]
    assert errors, result.stderr
    assert all(re.match(r"^[\w./-]+:\d+:\d+: .+", row) for row in errors), errors
    where = f"{file}:{line}:{column}:" if column else f"{file}:{line}:"
    mine = [row for row in errors if row.startswith(where)]
    assert mine, (where, errors)
    assert any(words in row for row in mine), mine
    # French, not a library's English: no "Input should", "invalid", "expected"...
    for row in mine:
        assert not re.search(r"\b(Input should|invalid YAML|expected|is not|must)\b", row), row


def test_the_size_limit_is_configurable(demo_copy: Path):
    (demo_copy / "data/events/grand.yml").write_text("title: x\n# " + "x" * 1_500_000 + "\n", encoding="utf-8")
    refused = run_check(demo_copy)
    assert "data/events/grand.yml:1:1: fichier trop gros : 1,5 Mo, la limite est de 1,0 Mo" in refused.stderr
    assert "BIBNUM_MAX_FILE_SIZE" in refused.stderr
    raised = run_check(demo_copy, BIBNUM_MAX_FILE_SIZE="2M")
    assert "trop gros" not in raised.stderr
    unreadable = run_check(demo_copy, BIBNUM_MAX_FILE_SIZE="beaucoup")
    assert unreadable.returncode == 1 and "Traceback" not in unreadable.stderr
    assert "BIBNUM_MAX_FILE_SIZE='beaucoup' : taille illisible" in unreadable.stderr


def test_finding_3_payloads_in_a_page_are_each_refused_at_their_line(demo_copy: Path):
    """The issue's finding 3: what the line-by-line guard let through, each at its own line."""
    page = demo_copy / "content/public/aide.md"
    text = page.read_text(encoding="utf-8")
    first = text.count("\n") + 2  # a blank line, then the payloads, one paragraph each
    payloads = [
        '<img src="../logo.svg" alt=""\nonload="window.__x=106">',
        '<div\nonmouseover="window.__x=1">survol</div>',
        "[lien](&#106;avascript:window.__x=3)",
        "[lien](javascript&colon;window.__x=4)",
        "[lien](java\nscript:window.__x=5)",
        '<svg><a xlink:href="javascript:window.__x=6"><text>x</text></a></svg>',
        '[lien](https://a.example){ onclick="window.__x=7" }',
    ]
    lines, body = [], ""
    for payload in payloads:
        lines.append(first + body.count("\n"))
        body += payload + "\n\n"
    page.write_text(text + "\n" + body, encoding="utf-8")

    result = run_check(demo_copy)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    errors = [row for row in result.stderr.splitlines() if row.startswith("content/public/aide.md:")]
    assert sorted({int(row.split(":")[1]) for row in errors}) == lines, errors  # all at once, each at its line
    assert all("refusé" in row for row in errors), errors
