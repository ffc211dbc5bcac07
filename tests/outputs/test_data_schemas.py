"""The JSON Schemas of the data files: every file the check accepts validates; a broken one is refused
by the schema and by `bibnum check`, for the same file and the same key."""

from __future__ import annotations

import fnmatch
import json
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft7Validator, Draft202012Validator

from generator.errors import ProjectInvalid
from generator.load.project import load_project
from generator.load.yaml_source import load_yaml
from generator.models.site import SitesFile
from generator.models.taxonomy import Taxonomy
from generator.data_schemas import DATA_FILES, data_schemas, project_choices
from generator.validate import validate
from tests.conftest import REPO, copy_project, small_network


def _data(path: Path):
    doc, problems = load_yaml(path.read_text(encoding="utf-8"), path.name)
    assert not problems
    return doc.data


def schemas_of(root: Path) -> dict[str, dict]:
    taxonomy = Taxonomy.model_validate(_data(root / "data/taxonomy.yml"))
    sites = SitesFile.model_validate(_data(root / "data/sites.yml"))
    return data_schemas(project_choices(taxonomy, sites.sites))


def data_files(root: Path) -> list[tuple[Path, dict]]:
    """Every data file of the project with its schema."""
    schemas = schemas_of(root)
    found = []
    for kind in DATA_FILES:
        for path in sorted(root.glob(kind.glob)):
            found.append((path, schemas[kind.schema_path]))
    return found


def schema_errors(path: Path, schema: dict) -> list:
    """The errors of draft 2020-12; draft-07 (what the YAML language server implements) finds the same."""
    data = _data(path)
    errors = list(Draft202012Validator(schema).iter_errors(data))
    seen = sorted((list(e.absolute_path), e.message) for e in errors)
    assert sorted((list(e.absolute_path), e.message) for e in Draft7Validator(schema).iter_errors(data)) == seen
    return errors


@pytest.mark.parametrize("project", ["demo", "new", "hostile"])
def test_every_data_file_the_check_accepts_validates_against_its_schema(project, tmp_path):
    """The demo, a new project, and the demo with a payload in every free-text field check accepts."""
    from tests.security.hostile import hostile_copy

    root = {"demo": lambda: REPO, "new": lambda: small_network(tmp_path / "new"),
            "hostile": lambda: hostile_copy(copy_project(tmp_path / "hostile")).root}[project]()
    files = data_files(root)
    assert {kind.name for kind in DATA_FILES} - {"sources", "groups", "authors"} <= {
        next(k.name for k in DATA_FILES if fnmatch.fnmatch(p.relative_to(root).as_posix(), k.glob)) for p, _ in files}
    for path, schema in files:
        Draft202012Validator.check_schema(schema)
        Draft7Validator.check_schema(schema)
        assert schema_errors(path, schema) == [], path


def test_every_key_has_a_french_title_and_description():
    for path, schema in schemas_of(REPO).items():
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["$id"].startswith("https://") and schema["$id"].endswith(path.split("/")[-1])
        for node in [schema, *schema.get("$defs", {}).values()]:
            for key, prop in node.get("properties", {}).items():
                assert prop["title"] and "Clé «" not in prop["title"], (path, key)
                assert prop["description"] and "Clé «" not in prop["description"], (path, key)


def test_the_taxonomy_and_the_sites_give_the_choices_with_their_labels():
    resource = schemas_of(REPO)["schemas/resource.schema.json"]
    taxonomy = Taxonomy.model_validate(_data(REPO / "data/taxonomy.yml"))
    category = resource["properties"]["category"]
    assert category["enum"] == [t.id for t in taxonomy.categories]
    assert category["markdownEnumDescriptions"][0].startswith(taxonomy.categories[0].label)
    assert resource["properties"]["audiences"]["items"]["enum"] == [t.id for t in taxonomy.audiences]
    assert "id" not in resource["properties"]  # the file's name is the id


# (file, key path, new value or DELETE): each a mistake an editor makes.
DELETE = object()
BROKEN = [
    ("data/resources/cafeyn.yml", ("conditions", "loan_days"), "quinze"),  # wrong type
    ("data/resources/cafeyn.yml", ("titre",), "Cafeyn"),  # unknown key
    ("data/resources/cafeyn.yml", ("provider",), DELETE),  # missing required key
    ("data/resources/cafeyn.yml", ("category",), "inconnue"),  # outside the taxonomy
    ("data/resources/cafeyn.yml", ("added",), "02/11/2026"),  # bad date
    ("data/events/2026-06-18-copil-2026.yml", ("status",), "annule"),  # outside the model's values
    ("data/events/2026-06-18-copil-2026.yml", ("start",), "18 juin 2026"),  # bad date-time
    ("data/libraries/bayeux.yml", ("address", "postcode"), "1400"),  # pattern
    ("data/sites.yml", ("sites", 0, "palette", "primary"), "bleu"),  # colour
    ("data/taxonomy.yml", ("categories", 0, "id"), "Presse Écrite"),  # not a slug
    ("data/authors.yml", ("authors", "Claire Marie"), {"name": "Claire Marie", "description": "Cheffe"}),  # key not an id
]


def _set(data, path, value):
    *parents, last = path
    for key in parents:
        data = data[key]
    if value is DELETE:
        del data[last]
    else:
        data[last] = value


@pytest.mark.parametrize("file, path, value", BROKEN, ids=[f"{f}:{'.'.join(map(str, p))}" for f, p, _ in BROKEN])
def test_a_broken_file_is_refused_by_its_schema_and_by_the_check_at_the_same_key(file, path, value, tmp_path):
    root = copy_project(tmp_path / "network")
    schemas = schemas_of(root)  # the project's schemas, made before the mistake
    target = root / file
    data = _data(target)
    _set(data, path, value)
    target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    schema = next(schemas[k.schema_path] for k in DATA_FILES if fnmatch.fnmatch(file, k.glob))
    errors = schema_errors(target, schema)
    # The schema points at the key itself, or at its block for a key missing or unknown there.
    at = {tuple(e.absolute_path) for e in errors}
    assert tuple(path) in at or tuple(path[:-1]) in at and any(str(path[-1]) in e.message for e in errors), (
        [(tuple(e.absolute_path), e.message) for e in errors])

    with pytest.raises(ProjectInvalid) as refused:
        validate(load_project(root))
    doc, _ = load_yaml(target.read_text(encoding="utf-8"), file)
    lines = {doc.locate(path).line, doc.locate(path[:-1]).line}
    assert any(p.location.file == file and p.location.line in lines for p in refused.value.problems), (
        [(p.location, p.message) for p in refused.value.problems])


def test_bibnum_schemas_writes_the_schemas_and_merges_the_settings(tmp_path):
    from click.testing import CliRunner

    from generator.cli import main

    root = small_network(tmp_path / "new")
    assert (root / "schemas/resource.schema.json").is_file()  # `bibnum new` wrote them
    assert json.loads((root / ".vscode/settings.json").read_text(encoding="utf-8"))["yaml.schemas"][
        "./schemas/resource.schema.json"] == ["data/resources/*.yml"]
    (root / "schemas/resource.schema.json").unlink()
    (root / ".vscode/settings.json").write_text('{"editor.tabSize": 2, "yaml.schemas": {"./a.json": ["a.yml"]}}')

    result = CliRunner().invoke(main, ["schemas", str(root)])

    assert result.exit_code == 0, result.output
    settings = json.loads((root / ".vscode/settings.json").read_text(encoding="utf-8"))
    assert settings["editor.tabSize"] == 2 and settings["yaml.schemas"]["./a.json"] == ["a.yml"]
    assert {Path(p).name for p in settings["yaml.schemas"]} >= {f"{k.name}.schema.json" for k in DATA_FILES}
    for kind in DATA_FILES:
        assert json.loads((root / kind.schema_path).read_text(encoding="utf-8")) == schemas_of(root)[kind.schema_path]

    (root / ".vscode/settings.json").write_text("{ pas du JSON", encoding="utf-8")
    result = CliRunner().invoke(main, ["schemas", str(root)])
    assert result.exit_code == 0 and "laissé tel quel" in result.output
    assert (root / ".vscode/settings.json").read_text(encoding="utf-8") == "{ pas du JSON"


def test_the_pro_site_publishes_the_schemas_and_lists_them_on_its_open_data_page():
    from generator.outputs import data_files
    from generator.outputs.manifest import open_data_sections
    from tests.outputs.conftest import PRO_URL, make_view

    pro, portal = make_view("pro"), make_view("portail")
    files = data_files(pro, titles=False)
    hrefs = {link.href for s in open_data_sections(pro) for i in s.items for link in i.links}
    for kind in DATA_FILES:
        schema = json.loads(files[kind.schema_path])
        assert schema["$id"] == f"{PRO_URL}{kind.schema_path}"
        assert kind.schema_path in hrefs
    assert files["schemas/resource.schema.json"].count('"presse"') >= 1  # the network's own categories
    assert not any(path.startswith("schemas/") for path in data_files(portal, titles=False))


def test_the_demo_keeps_its_schemas_current_and_check_says_when_they_are_stale(tmp_path):
    from click.testing import CliRunner

    from generator.cli import main
    from generator.schemas_command import project_choices_from, stale_schemas

    assert stale_schemas(REPO, project_choices_from(REPO)) == []  # run `bibnum schemas .` after a taxonomy change
    root = small_network(tmp_path / "new")
    assert "bibnum schemas" not in CliRunner().invoke(main, ["check", str(root)]).output
    taxonomy = root / "data/taxonomy.yml"
    taxonomy.write_text(taxonomy.read_text(encoding="utf-8").replace("categories:\n", "categories:\n"
                        "  - id: jeux-videos\n    label: Jeux vidéo\n", 1), encoding="utf-8")

    result = CliRunner().invoke(main, ["check", str(root)])

    assert result.exit_code == 0, result.output
    assert "schemas/resource.schema.json" in result.output and "bibnum schemas" in result.output


def test_bibnum_schemas_on_a_broken_taxonomy_says_where_and_writes_nothing(tmp_path):
    from click.testing import CliRunner

    from generator.cli import main

    root = small_network(tmp_path / "new")
    before = (root / "schemas/resource.schema.json").read_text(encoding="utf-8")
    taxonomy = root / "data/taxonomy.yml"
    taxonomy.write_text(taxonomy.read_text(encoding="utf-8").replace("categories:", "categorie:", 1), encoding="utf-8")

    result = CliRunner().invoke(main, ["schemas", str(root)])

    assert result.exit_code == 1
    assert "data/taxonomy.yml:" in result.output and "categorie" in result.output
    assert (root / "schemas/resource.schema.json").read_text(encoding="utf-8") == before
