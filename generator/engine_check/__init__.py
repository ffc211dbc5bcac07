"""Check the project's engine settings as the engine itself will, at `bibnum check` time.

The merged settings (generator/load/engine_config.py) go through MkDocs' own validation,
each plugin and each Markdown extension the project names is loaded as the engine would
load it, and every finding is mapped back to its line of the project's mkdocs.yml, in
French: no configuration that `check` accepts makes the engine fail afterwards.
Only what the project adds is checked (the base is tested with the package); results are
cached by the merged settings, so the preview's reloads do not pay for it again.

The parts, one job each: mkdocs_settings (MkDocs' validation, plugins, Markdown extensions,
through engine_messages for the French), theme_keys and extra_keys (what Material reads and
MkDocs lets through), looks (the look folders, their templates and the files the project adds).
"""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import Problem
from ..load.engine_config import EngineConfig, entry_name
from .extra_keys import extra_problems
from .looks import asset_problems, declared_looks, template_problems
from .mkdocs_settings import engine_findings, in_project
from .theme_keys import theme_problems, without_told

__all__ = ["declared_looks", "engine_problems", "template_problems"]


def engine_problems(config: EngineConfig, looks: dict[str, Path] | None = None) -> list[Problem]:
    """Every problem of the project's engine settings: the merge's, then the engine's own checks.

    `looks` ({look id: its folder}) are the folders the sites' files come from: a stylesheet or
    script the project adds must be in each of them (or in the shared look).
    """
    problems = list(config.problems)
    doc = config.project
    if doc is None:
        return problems
    problems += asset_problems(doc, looks or {})
    problems += extra_problems(doc)
    problems += theme_problems(doc, looks or {})
    named = {key: tuple(sorted({n for n in map(entry_name, doc.data.get(key) or []) if n}))
             for key in ("plugins", "markdown_extensions") if isinstance(doc.data.get(key), list)}
    settings = json.dumps(without_told(config.settings, doc), sort_keys=True, default=str)
    findings = engine_findings(settings, named.get("plugins", ()), named.get("markdown_extensions", ()))
    for path, message in findings:
        problems.append(Problem(doc.locate(in_project(doc.data, path)), message))
    return problems
