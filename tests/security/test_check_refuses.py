"""What validation refuses of hostile editor input, `bibnum check` names at FILE:LINE:COL (issue 12).

The browser suite (tests/browser/test_hostile_pages.py) builds whatever validation accepts;
this is the other half: markup in plain-text fields, `javascript:` addresses in every
encoding, and hostile Markdown bodies (checked at load by generator/load/markdown_source.py)
are refused, all in one run of `check`, each at its own line, with exit 1 and no traceback.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.conftest import copy_project, run_check
from tests.security.hostile import _spans

LOCATION = re.compile(r"^(?P<file>[^\s:]+):(?P<line>\d+):(?P<col>\d+): ", re.M)


def set_field(project: Path, file: str, path: tuple, value: str) -> int:
    """Set one value of a YAML data file; return the 1-based line it is written on."""
    target = project / file
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100_000)
    target.write_text(text, encoding="utf-8")
    return next(first for first, _last, where in _spans(yaml.compose(text)) if where == path)


def set_front(project: Path, file: str, key: str, value: str) -> int:
    """Set one key of a Markdown file's front matter; return its line."""
    target = project / file
    _, front, body = target.read_text(encoding="utf-8").split("---\n", 2)
    meta = yaml.safe_load(front)
    meta[key] = value
    dumped = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=100_000)
    target.write_text(f"---\n{dumped}---\n{body}", encoding="utf-8")
    return 1 + next(first for first, _last, where in _spans(yaml.compose(dumped)) if where == (key,))


def add_to_body(project: Path, file: str, markdown: str) -> int:
    """Append Markdown to a page's body; return the line where it starts."""
    target = project / file
    text = target.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    target.write_text(text + markdown + "\n", encoding="utf-8")
    return text.count("\n") + 1


# Markup in fields that hold one line of plain text (names, titles...): refused, whatever the file.
PLAIN_FIELDS = [
    ("data/sites.yml", ("network", "name"), "<script>window.__x=1</script>"),
    ("data/sites.yml", ("sites", 0, "name"), '<img src=x onerror="window.__x=1">'),
    ("data/sites.yml", ("sites", 1, "tagline"), '<meta http-equiv="refresh" content="0;url=https://evil.example/">'),
    ("data/taxonomy.yml", ("blog_categories", 0), "<b onmouseover=window.__x=1>Vie du réseau</b>"),
    ("data/groups.yml", ("groups", 0, "name"), "<svg onload=window.__x=1>"),
    ("data/authors.yml", ("authors", "claire-m", "name"), "Claire <script>window.__x=1</script>"),
    ("data/resources/izneo.yml", ("title",), "Izneo<img src=x onerror=window.__x=1>"),
    ("data/libraries/bayeux.yml", ("name",), "<a href=javascript:window.__x=1>Bayeux</a>"),
    ("data/events/2026-06-10-atelier-tablette-bayeux.yml", ("title",), "<div\nonmouseover=window.__x=1>Atelier</div>"),
]
# Addresses: only https (or an allowed http), judged as a browser reads them.
URL_FIELDS = [
    ("data/resources/cafeyn.yml", ("access", "target"), "javascript:window.__x=1"),
    ("data/resources/gallica.yml", ("access", "target"), "JaVaScRiPt:window.__x=1"),
    ("data/resources/assimil.yml", ("access", "target"), "java\tscript:window.__x=1"),
    ("data/libraries/caen-alexis-de-tocqueville.yml", ("website",), " javascript:window.__x=1"),
    ("data/libraries/bretteville-sur-odon.yml", ("website",), "data:text/html,<script>window.__x=1</script>"),
]
FRONT_MATTER = [
    ("content/blog/posts/2025-09-15-rentree-2025.md", "title", "Rentrée <script>window.__x=1</script>"),
    ("content/public/aide.md", "title", 'Aide <img src=x onerror="window.__x=1">'),
]
# Raw HTML and hostile links in Markdown bodies the engine renders (finding 3 of the issue).
BODIES = [
    ("content/public/a-propos.md", '<img src="../logo.svg" alt=""\nonload="window.__x=106">'),
    ("content/pro/adherer.md", '<div\nonmouseover="window.__x=107">survol</div>'),
    ("content/pro/documents.md", "[x](&#106;avascript:window.__x=108)"),
    ("content/news/2026-07-01-ete-boite-numerique.md", "[x](java\nscript:window.__x=109)"),
    ("content/news/2026-09-29-les-bons-clics.md", "[x](javascript&colon;window.__x=110)"),
    ("content/blog/posts/2025-11-12-pnb-parametrer-les-prets.md",
     '<svg><a xlink:href="javascript:window.__x=111"><text>x</text></a></svg>'),
]


def checked_copy(tmp_path_factory, name: str, fields, front=(), bodies=()):
    """A copy of the demo with these payloads, checked once: (expected lines, output, exit code)."""
    project = copy_project(tmp_path_factory.mktemp(name) / "network")
    expected = {}
    for file, path, value in fields:  # one payload a file: a refused model is not checked further
        expected[(file, path)] = set_field(project, file, path, value)
    for file, key, value in front:
        expected[(file, key)] = set_front(project, file, key, value)
    for file, markdown in bodies:
        expected[(file, "body")] = add_to_body(project, file, markdown)
    result = run_check(project)
    return expected, result.stdout + result.stderr, result.returncode


@pytest.fixture(scope="module")
def refused(tmp_path_factory):
    """Every payload in one copy, checked once: the access links of resources shown on portals whose
    entry failed (markup in their name) are judged in the same run."""
    return checked_copy(tmp_path_factory, "refused", PLAIN_FIELDS + URL_FIELDS, FRONT_MATTER, BODIES)


def reported(output: str) -> set[tuple[str, int]]:
    return {(Path(m["file"]).as_posix(), int(m["line"])) for m in LOCATION.finditer(output)}


def located(output: str, file: str, line: int) -> bool:
    return any(f.endswith(file) and abs(n - line) <= 1 for f, n in reported(output))


def test_check_fails_cleanly(refused):
    _expected, output, code = refused
    assert code == 1, output
    assert "Traceback" not in output
    assert reported(output), output


@pytest.mark.parametrize(("file", "path", "value"), PLAIN_FIELDS,
                         ids=[f"{f}:{'.'.join(map(str, p))}" for f, p, _v in PLAIN_FIELDS])
def test_markup_in_plain_text_is_refused_at_its_line(refused, file, path, value):
    expected, output, _code = refused
    assert located(output, file, expected[(file, path)]), output


@pytest.mark.parametrize(("file", "path", "value"), URL_FIELDS,
                         ids=[f"{f}:{'.'.join(map(str, p))}" for f, p, _v in URL_FIELDS])
def test_a_script_address_is_refused_at_its_line(refused, file, path, value):
    expected, output, _code = refused
    assert located(output, file, expected[(file, path)]), output


@pytest.mark.parametrize(("file", "key", "value"), FRONT_MATTER, ids=[f for f, _k, _v in FRONT_MATTER])
def test_hostile_front_matter_is_refused_at_its_line(refused, file, key, value):
    expected, output, _code = refused
    assert located(output, file, expected[(file, key)]), output


@pytest.mark.parametrize(("file", "markdown"), BODIES, ids=[m.split("window")[0][:30] for _f, m in BODIES])
def test_hostile_markdown_body_is_refused_at_its_line(refused, file, markdown):
    expected, output, _code = refused
    start = expected[(file, "body")]
    assert any(f.endswith(file) and start <= n <= start + markdown.count("\n") for f, n in reported(output)), output


# Names that become file or folder names of the build (a logo's path, a look, a blog category's
# page, a town's agenda page): bounded at load, told at their line, never an OSError (issue 12, H2).
LONG = "Nom " + "très " * 80


@pytest.mark.parametrize(("file", "path"), [
    ("data/sites.yml", ("sites", 0, "logo")),
    ("data/sites.yml", ("sites", 0, "look")),
    ("data/taxonomy.yml", ("blog_categories", 0)),
    ("data/sites.yml", ("network", "towns", 0, "name")),
])
def test_a_name_too_long_for_a_file_is_a_check_error(tmp_path, file, path):
    project = copy_project(tmp_path / "network")
    line = set_field(project, file, path, LONG.replace(" ", "-") if path[-1] in ("logo", "look") else LONG)
    result = run_check(project)
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output
    assert located(output, file, line), output
