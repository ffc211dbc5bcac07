"""`bibnum schemas`: the data files' JSON Schemas and the editor's settings, written into a project.

`schemas/*.schema.json` (generator/data_schemas.py) and `.vscode/settings.json`, whose
`yaml.schemas` maps each schema to its files for the YAML language server (VS Code, github.dev).
An existing settings.json keeps every other key; one that is not JSON is left alone and told.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from .errors import Location, Problem, ProjectInvalid
from .load.project import find_project
from .load.yaml_source import load_yaml
from .messages import say
from .models.site import SitesFile
from .models.taxonomy import Taxonomy
from .data_schemas import DATA_FILES, SCHEMA_DIR, Choices, data_schemas, project_choices, schema_text
from .schema_errors import problems_from

SETTINGS = ".vscode/settings.json"


def schema_mapping() -> dict[str, list[str]]:
    """`yaml.schemas`: each schema (relative to the project) and the files it describes."""
    return {f"./{kind.schema_path}": [kind.glob] for kind in DATA_FILES}


def merged_settings(existing: str | None) -> str | None:
    """settings.json with our `yaml.schemas` entries; None when the existing text is not a JSON object."""
    settings: dict = {}
    if existing is not None and existing.strip():
        try:
            settings = json.loads(existing)
        except ValueError:
            return None
        if not isinstance(settings, dict):
            return None
    mapping = settings.get("yaml.schemas")
    mapping = dict(mapping) if isinstance(mapping, dict) else {}
    mapping.update(schema_mapping())
    settings["yaml.schemas"] = mapping
    return json.dumps(settings, ensure_ascii=False, indent=2) + "\n"


def editor_files(choices: Choices, existing_settings: str | None = None) -> tuple[dict[str, str], bool]:
    """{relative path: text} to write, and whether settings.json could be merged."""
    files = {path: schema_text(schema) for path, schema in data_schemas(choices).items()}
    settings = merged_settings(existing_settings)
    if settings is not None:
        files[SETTINGS] = settings
    return files, settings is not None


def project_choices_from(root: Path) -> Choices:
    """The choices of a project, from its data/taxonomy.yml and data/sites.yml (every problem at once)."""
    problems: list[Problem] = []
    models = []
    for name, model in (("data/taxonomy.yml", Taxonomy), ("data/sites.yml", SitesFile)):
        path = root / name
        doc, found = load_yaml(path.read_text(encoding="utf-8"), name) if path.is_file() else (None, [])
        problems.extend(found)
        if doc is None:
            if not found:
                problems.append(Problem(Location(name, 1, 1), _missing()))
            models.append(None)
            continue
        try:
            valid = model.model_validate(doc.data)
            models.append(valid.sites if isinstance(valid, SitesFile) else valid)
        except ValidationError as exc:
            problems.extend(problems_from(exc, doc, model))
            models.append(None)
    if problems:
        raise ProjectInvalid(problems)
    return project_choices(*models)


def _missing() -> str:
    return say("load.missing_file")


def write_editor_files(project: Path) -> list[str]:
    """Write the schemas and the settings into PROJECT; return French lines saying what was done."""
    root = find_project(project)
    settings_path = root / SETTINGS
    existing = settings_path.read_text(encoding="utf-8") if settings_path.is_file() else None
    files, merged = editor_files(project_choices_from(root), existing)
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    lines = [say("schemas.written", count=len(DATA_FILES), folder="schemas/")]
    lines.append(say("schemas.settings" if merged else "schemas.settings_unreadable"))
    return lines


def stale_schemas(root: Path, choices: Choices) -> list[str]:
    """The schemas PROJECT/schemas/ holds that differ from its data's (none when it has no such folder)."""
    if not (root / SCHEMA_DIR).is_dir():
        return []
    stale = []
    for relative, schema in data_schemas(choices).items():
        path = root / relative
        if not path.is_file() or path.read_text(encoding="utf-8") != schema_text(schema):
            stale.append(relative)
    return stale
