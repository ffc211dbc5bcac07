"""Hostile editor input (issue 12): payload families, and a copy of a project with a payload in
every free-text field that validation accepts.

Every payload sets `window.__x` to its own number if it ever runs, so a failing page says which
family got through. A field gets the richest payload its validation accepts:

1. FULL: every family, markup included (for Markdown fields, sanitized where rendered);
2. PLAIN: the families that need no '<' or '>' (for plain-text fields: names, titles...), in
   two halves that each fit a plain text's length limit; values alternate between the halves,
   so that across the copy's many fields every family reaches the plain-text fields;
3. SHORT: a Markdown link and both attribute breaks, in a few words (for names that become
   file names of the built site: blog categories start there);
4. else the field keeps its own value (an identifier, a date, a reference, an address).

`hostile_copy` finds which by validating the copy for real: a field the validator names in a
problem steps down one level, until the project is valid. What validation refuses is tested
apart (`bibnum check` must name it at FILE:LINE:COL).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.build import load_graph
from generator.errors import ProjectInvalid

# Each family: (number, text). Numbers are what window.__x is set to when the payload runs.
PLAIN_FAMILIES = [
    (2, '" autofocus onfocus="window.__x=2" x="'),                      # attribute break, double quote
    (3, "' autofocus onfocus='window.__x=3' x='"),                      # attribute break, single quote
    (4, "[lien](javascript:window.__x=4)"),                             # Markdown link, javascript:
    (5, "[lien](JaVaScRiPt:window.__x=5 \"titre\")"),                   # mixed case
    (6, "[lien](&#106;avascript:window.__x=6)"),                        # entity in the scheme
    (7, "[lien](javascript&colon;window.__x=7)"),                       # named entity for ':'
    (8, "[lien](java\tscript:window.__x=8)"),                           # tab inside the scheme
    (9, "0;url=https://evil.example/\" http-equiv=\"refresh"),           # meta refresh through an attribute
    (10, "{{ 12345*9 }} {% if true %}1111{{ '05' }}{% endif %} ${12345*9} #{12345*9}"),  # template syntax
    (11, "Titre {: onclick=\"window.__x=11\" } {#x onmouseover=window.__x=11}"),  # attribute lists
]
MARKUP_FAMILIES = [
    (1, "<script>window.__x=1</script>"),
    (12, '<img src="x" alt=""\nonerror="window.__x=12">'),              # multi-line tag
    (13, "<div\nonmouseover=\"window.__x=13\">survol</div>"),
    (14, '<svg><a xlink:href="javascript:window.__x=14"><text y="20">svg</text></a></svg>'),
    (15, '<meta http-equiv="refresh" content="0;url=https://evil.example/">'),
    (16, '<a href="java\nscript:window.__x=16">lien</a> <a href="&#106;avascript:window.__x=16">lien</a>'),
    (17, '<iframe srcdoc="<script>parent.__x=17</script>"></iframe><object data="javascript:window.__x=17"></object>'),
    (18, "<javascript:window.__x=18> [x][r]\n\n[r]: javascript:window.__x=18"),
    (19, '<style>@import "https://evil.example/x.css";</style><base href="https://evil.example/">'),
    (20, "<details open ontoggle=\"window.__x=20\">x</details><body onload=\"window.__x=20\">"),
]
PLAIN_HALVES = tuple("Texte piégé " + " ".join(text for _n, text in half)
                     for half in (PLAIN_FAMILIES[:len(PLAIN_FAMILIES) // 2], PLAIN_FAMILIES[len(PLAIN_FAMILIES) // 2:]))
FULL = "Texte piégé\n\n" + "\n\n".join(text for _n, text in MARKUP_FAMILIES + PLAIN_FAMILIES) + "\n"
# For names that become file names (a blog category's page is named after it): short enough for
# a file system, still with a Markdown link and both attribute breaks.
SHORT_LINK, SHORT_BREAK = "[a](javascript:__x=4)", '" onfocus="__x=2'
# Within the shortest such name's limit (a blog category: 60 characters), with its " n°N" suffix.
SHORT = f"{SHORT_LINK} {SHORT_BREAK} ' x='3"
# What a template engine would print if it evaluated one of the template payloads.
TEMPLATE_RESULT = "111105"
PLAIN = PLAIN_HALVES  # the level's payload depends on the value (Leaf.value)
LEVELS = (FULL, PLAIN, SHORT, None)  # None: the field keeps its own value

DATA_GLOBS = ("data/*.yml", "data/*/*.yml")
CONTENT_GLOB = "content/**/*.md"
_FRONT = re.compile(r"\A---\n(.*?\n)---\n", re.S)
# Files that are not editors' free text: the harvest's own state, the accessibility audit.
_SKIPPED = ("data/harvest/", "data/audit/")
# Keys whose value is a file name: a payload there is an over-long path, which check does not
# report yet (tests/security/test_check_refuses.py, marked xfail).
_FILE_NAMES = {"logo", "look"}
# Keys whose values name files of the built site (a blog category's page, a town's agenda):
# the short payload only, since check does not bound their length yet and a long one fails the
# build (test_check_refuses.py, marked xfail).
_NAMES_OF_FILES = {"categories", "blog_categories", "towns", "town"}


@dataclass
class Leaf:
    """One string of a data file or a front matter, and the payload level it has reached."""

    file: str
    path: tuple
    original: str
    level: int = 0
    suffix: str = ""  # makes the payload unique (names that must differ: towns, ids...)
    half: int = 0  # which half of the plain families, at the PLAIN level

    def value(self) -> str:
        payload = LEVELS[self.level]
        if payload is PLAIN:
            payload = PLAIN_HALVES[self.half]
        return self.original if payload is None else payload + self.suffix


@dataclass
class HostileCopy:
    root: Path
    leaves: list[Leaf] = field(default_factory=list)

    def hostile(self) -> list[Leaf]:
        return [leaf for leaf in self.leaves if LEVELS[leaf.level] is not None]

    def hostile_files(self) -> set[str]:
        return {leaf.file for leaf in self.hostile()}

    def holds(self, file: str, *path: Any) -> bool:
        return any(leaf.file == file and leaf.path == path for leaf in self.hostile())


def hostile_copy(root: Path, *, rounds: int = 12) -> HostileCopy:
    """Put payloads in every free-text field of the project at ROOT (in place), keep it valid."""
    copy = HostileCopy(root)
    documents = _read_documents(root)
    numbers: dict[str, int] = {}
    for file, (data, _body) in documents.items():
        for path, value in _strings(data):
            keys = {str(part) for part in path}
            if _FILE_NAMES & keys:
                continue
            # Equal values get equal payloads (a library's town names a town of sites.yml, a post's
            # category one of the taxonomy's), different values different ones (names that must differ).
            number = numbers.setdefault(value, len(numbers))
            copy.leaves.append(Leaf(file, path, value, LEVELS.index(SHORT) if _NAMES_OF_FILES & keys else 0,
                                    f" n°{number}", number % 2))
    for leaves in _groups(copy.leaves).values():  # a value's leaves start together, at the most cautious level
        for leaf in leaves:
            leaf.level = max(other.level for other in leaves)
    for _ in range(rounds):
        positions = _write(root, documents, copy.leaves)
        try:
            load_graph(root)
            return copy
        except ProjectInvalid as invalid:
            if not _step_down(invalid, positions, copy.leaves):
                raise AssertionError("problems that name no hostile field:\n"
                                     + "\n".join(str(problem)[:300] for problem in invalid.problems[:20])) from None
    raise AssertionError(f"the hostile copy is still invalid after {rounds} rounds")


def _read_documents(root: Path) -> dict[str, tuple[Any, str | None]]:
    """file -> (YAML data, Markdown body or None) for every data file and front matter."""
    documents: dict[str, tuple[Any, str | None]] = {}
    for pattern in DATA_GLOBS:
        for path in sorted(root.glob(pattern)):
            rel = path.relative_to(root).as_posix()
            if not rel.startswith(_SKIPPED):
                documents[rel] = (yaml.safe_load(path.read_text(encoding="utf-8")), None)
    for path in sorted(root.glob(CONTENT_GLOB)):
        text = path.read_text(encoding="utf-8")
        match = _FRONT.match(text)
        if match:
            documents[path.relative_to(root).as_posix()] = (yaml.safe_load(match[1]), text[match.end():])
    return documents


def _strings(data: Any, path: tuple = ()) -> list[tuple[tuple, str]]:
    if isinstance(data, str):
        return [(path, data)]
    if isinstance(data, dict):
        return [leaf for key, value in data.items() for leaf in _strings(value, (*path, key))]
    if isinstance(data, list):
        return [leaf for index, value in enumerate(data) for leaf in _strings(value, (*path, index))]
    return []


def _with_values(data: Any, values: dict[tuple, str], path: tuple = ()) -> Any:
    if isinstance(data, str):
        return values.get(path, data)
    if isinstance(data, dict):
        return {key: _with_values(value, values, (*path, key)) for key, value in data.items()}
    if isinstance(data, list):
        return [_with_values(value, values, (*path, index)) for index, value in enumerate(data)]
    return data


def _write(root: Path, documents, leaves: list[Leaf]) -> dict[str, list[tuple[int, int, tuple]]]:
    """Write every document with its leaves' payloads; return file -> [(first line, last line, path)]."""
    by_file: dict[str, dict[tuple, str]] = {}
    for leaf in leaves:
        by_file.setdefault(leaf.file, {})[leaf.path] = leaf.value()
    positions = {}
    for file, (data, body) in documents.items():
        dumped = yaml.safe_dump(_with_values(data, by_file.get(file, {})), allow_unicode=True, sort_keys=False,
                                width=100_000)
        # A front matter starts on the file's second line, after its opening '---'.
        text, offset = (dumped, 0) if body is None else (f"---\n{dumped}---\n{body}", 1)
        (root / file).write_text(text, encoding="utf-8")
        positions[file] = [(first + offset, last + offset, path) for first, last, path in _spans(yaml.compose(dumped))]
    return positions


def _spans(node, path: tuple = ()) -> list[tuple[int, int, tuple]]:
    """(first line, last line, path) of every node, 1-based, containers before what they hold;
    a `key: value` scalar starts at its key's line (a problem may point at the key)."""
    spans = [(node.start_mark.line + 1, node.end_mark.line + 1, path)]
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            inner = _spans(value, (*path, key.value))
            if isinstance(value, yaml.ScalarNode):
                inner[0] = (key.start_mark.line + 1, *inner[0][1:])
            spans += inner
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            spans += _spans(item, (*path, index))
    return spans


def _step_down(invalid: ProjectInvalid, positions, leaves: list[Leaf]) -> bool:
    """The hostile leaves each problem points at go one level down; False if none did.

    A problem points at a value by its dotted path when its message starts with one
    (`event_kinds.5.id: …`), else by its line: the innermost hostile value on that line, or,
    when there is none (a problem about a whole item, reported at its first line), every
    hostile value of the innermost item starting there.
    """
    hostile = {(leaf.file, leaf.path): leaf for leaf in leaves if LEVELS[leaf.level] is not None}
    stepped: dict[int, Leaf] = {}
    for problem in invalid.problems:
        file = Path(problem.location.file).as_posix()
        file = next((f for f in positions if file == f or file.endswith("/" + f)), None)
        if file is None:
            continue
        under = lambda prefix: [leaf for (f, path), leaf in hostile.items()  # noqa: E731
                                if f == file and path[:len(prefix)] == prefix]
        named = _dotted(problem.message)
        targets = under(named) if named else []
        if not targets:
            line = problem.location.line
            covering = [path for first, last, path in positions[file] if first <= line <= last]
            on_line = [hostile[(file, path)] for path in covering if (file, path) in hostile]
            targets = on_line[-1:] or next(
                (under(path) for first, _last, path in reversed(positions[file]) if first == line and under(path)),
                [])
        for leaf in targets:
            stepped[id(leaf)] = leaf
    groups = _groups(leaves)
    for original in {leaf.original for leaf in stepped.values()}:  # equal values step together
        level = max(leaf.level for leaf in groups[original]) + 1
        for leaf in groups[original]:
            leaf.level = level
    return bool(stepped)


def _groups(leaves: list[Leaf]) -> dict[str, list[Leaf]]:
    groups: dict[str, list[Leaf]] = {}
    for leaf in leaves:
        groups.setdefault(leaf.original, []).append(leaf)
    return groups


def _dotted(message: str) -> tuple | None:
    match = re.match(r"([A-Za-z_][\w-]*(?:\.[\w-]+)*): ", message)
    if match is None:
        return None
    return tuple(int(part) if part.isdigit() else part for part in match[1].split("."))
