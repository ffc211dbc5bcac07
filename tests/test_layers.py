"""The layers of generator/: every import goes to the same or a lower layer, and no two parts import each other.

Read from the source with `ast` (no import is run): relative and absolute imports, those
inside functions included. A part of generator/ is one top-level module or package
(`generator/view/`, `generator/build.py`); a new one fails the test until it is placed below.
"""

from __future__ import annotations

import ast
from pathlib import Path

import generator

# Bottom to top. A part may import its own layer and those below, never one above.
LAYERS: list[tuple[str, ...]] = [
    ("messages", "i18n"),                                   # French words: editors' messages, interface strings
    ("errors", "clock", "urls", "gc_pause", "probe", "writer", "digests", "item_cache", "lifetime"),  # small helpers with no model
    ("models",),                                            # the editors' files, typed
    ("access", "render"),                                   # access links; safe text (Markdown, engine text)
    ("view",),                                              # one site's view of the network, URL rules
    ("load",),                                              # YAML and Markdown read from the project
    ("schema_errors", "references", "reference_fields", "data_schemas", "cms_config"),  # the check's parts: schema errors, references; the data files' JSON Schemas and web editor config
    ("harvest", "usage"),                                   # harvested records: fetch, parse, merge; usage reports read
    ("validate",),                                          # the whole check: load -> graph + problems
    ("guide",),                                             # the editors' guide, read from the check's rules
    ("outputs", "admin"),                                   # published data (API, feeds, iCalendar, OPDS…), the web editor
    ("search",),                                            # the search index
    ("pages",),                                             # each site's docs tree
    ("families", "site_keys", "work_tree"),                 # page families, their keys, a site's work tree
    ("linkcheck",),                                         # broken links in a built site
    ("engines", "engine_check", "ledger", "publish", "locks"),  # the engine and publishing
    ("workers",),                                           # one site's build, in a worker process
    ("build",),                                             # the build: orchestration only
    ("live",),                                              # the preview's live reload and banner (serve only)
    # the commands' own work (preview_publish: a pull request's preview, run by its workflow)
    ("harvest_command", "serve", "scaffold", "schemas_command", "usage_command", "preview_publish"),
    ("cli",),                                               # the command line
]

PACKAGE = Path(generator.__file__).parent


def parts_of(package: Path) -> set[str]:
    """The top-level modules and packages of a package folder."""
    return {p.stem for p in package.glob("*.py") if p.name != "__init__.py"} | {
        p.name for p in package.iterdir() if p.is_dir() and (p / "__init__.py").exists()}


def imports_of(package: Path) -> list[tuple[str, int, str, str]]:
    """(file, line, importing part, imported module) for every import of the package by itself, across parts."""
    name = package.name
    found = []
    for file in sorted(package.rglob("*.py")):
        module = list(file.relative_to(package.parent).with_suffix("").parts)
        here = module[:-1] if module[-1] == "__init__" else module
        home = module[:-1]  # the package a relative import starts from
        if len(here) < 2:
            continue  # the package's own __init__ belongs to no part
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"), str(file))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = home[: len(home) - node.level + 1] if node.level else []
                target = ".".join(base + ([node.module] if node.module else []))
                # `from generator import view`: each name may be a part
                targets = [f"{target}.{a.name}" for a in node.names] if target == name else [target]
            else:
                continue
            for target in targets:
                dotted = target.split(".")
                if dotted[0] == name and len(dotted) > 1 and dotted[1] != here[1]:
                    found.append((str(file.relative_to(package.parent)), node.lineno, here[1], target))
    return found


def layer_problems(package: Path, layers: list[tuple[str, ...]]) -> list[str]:
    """Every import that runs up, every part no layer lists."""
    rank = {part: level for level, names in enumerate(layers) for part in names}
    problems = [f"{package.name}/{part}: no layer of tests/test_layers.py lists it; place it in LAYERS "
                f"(above every part it imports, below every part that imports it)"
                for part in sorted(parts_of(package) - rank.keys())]
    for file, line, part, target in imports_of(package):
        imported = target.split(".")[1]
        if part in rank and imported in rank and rank[imported] > rank[part]:
            problems.append(f"{file}:{line} imports {target}: '{imported}' is in a layer above '{part}'")
    return problems


def cycles(package: Path) -> list[list[str]]:
    """Groups of parts that import each other, directly or through others (Tarjan's strongly connected components)."""
    graph: dict[str, set[str]] = {}
    for _file, _line, part, target in imports_of(package):
        graph.setdefault(part, set()).add(target.split(".")[1])
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def cycle_lines(package: Path, group: list[str]) -> list[str]:
    return [f"{file}:{line} imports {target}" for file, line, part, target in imports_of(package)
            if part in group and target.split(".")[1] in group]


def test_every_import_of_generator_goes_to_its_own_layer_or_below():
    problems = layer_problems(PACKAGE, LAYERS)
    assert not problems, "\n".join(problems)


def test_no_two_parts_of_generator_import_each_other():
    found = cycles(PACKAGE)
    assert not found, "\n".join(f"cycle between {', '.join(g)}:\n  " + "\n  ".join(cycle_lines(PACKAGE, g))
                                for g in found)


def test_the_layers_list_each_part_once():
    listed = [part for names in LAYERS for part in names]
    assert len(listed) == len(set(listed))


def test_the_check_finds_upward_imports_cycles_and_unplaced_parts(tmp_path):
    pkg = tmp_path / "pkg"
    (pkg / "low").mkdir(parents=True)
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "low" / "__init__.py").write_text("from ..high import x\n", encoding="utf-8")
    (pkg / "high.py").write_text("from .low import y\n"
                                 "def late():\n    import pkg.low.deep\n", encoding="utf-8")
    (pkg / "loose.py").write_text("def f():\n    from pkg import high\n", encoding="utf-8")
    layers = [("low",), ("high",), ("not_written_yet",)]

    problems = layer_problems(pkg, layers)

    assert problems == [
        "pkg/loose: no layer of tests/test_layers.py lists it; place it in LAYERS "
        "(above every part it imports, below every part that imports it)",
        "pkg/low/__init__.py:1 imports pkg.high: 'high' is in a layer above 'low'",
    ]
    assert cycles(pkg) == [["high", "low"]]
    assert cycle_lines(pkg, ["high", "low"]) == [
        "pkg/high.py:1 imports pkg.low", "pkg/high.py:3 imports pkg.low.deep", "pkg/low/__init__.py:1 imports pkg.high"]
