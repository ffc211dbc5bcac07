"""The web editor's configuration: every collection in French, fields as the models say, and what the
CMS writes (block YAML, its date forms) passes `bibnum check`."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.cms_config import cms_config
from generator.models.content import PageMeta, PostMeta
from generator.models.event import Event
from generator.models.library import Library
from generator.models.resource import Resource
from generator.schemas_command import project_choices_from
from tests.conftest import REPO, run_check, small_network

FOLDERS = {"resources": Resource, "libraries": Library, "events": Event, "posts": PostMeta, "news": PostMeta,
           "public_pages": PageMeta, "pro_pages": PageMeta}


@pytest.fixture(scope="module")
def demo_config() -> dict:
    authors = yaml.safe_load((REPO / "data/authors.yml").read_text(encoding="utf-8"))["authors"]
    blog_categories = yaml.safe_load((REPO / "data/taxonomy.yml").read_text(encoding="utf-8"))["blog_categories"]
    return cms_config(project_choices_from(REPO), "reseau/site", "main",
                      authors={id_: author["name"] for id_, author in authors.items()},
                      blog_categories=blog_categories)


def _collections(config: dict) -> dict[str, dict]:
    return {c["name"]: c for c in config["collections"]}


def _all_fields(fields: list[dict]):
    for field in fields:
        yield field
        yield from _all_fields(field.get("fields", []))
        for kind in field.get("types", []):  # a typed object: one form per kind
            yield from _all_fields(kind.get("fields", []))
        if "field" in field:
            yield from _all_fields([field["field"]])


def cms_yaml(data: object) -> str:
    """YAML as the CMS writes it: block style, strings quoted only when needed, text as is."""
    return yaml.safe_dump(data, default_flow_style=False, allow_unicode=True, sort_keys=False, width=10_000)


def test_config_has_every_collection_in_french(demo_config: dict):
    assert demo_config["backend"] == {"name": "github", "repo": "reseau/site", "branch": "main", "auth_methods": ["token"]}
    assert demo_config["publish_mode"] == "editorial_workflow"
    collections = _collections(demo_config)
    assert set(collections) == {*FOLDERS, "network"}
    assert {f["file"] for f in collections["network"]["files"]} == {
        "data/sites.yml", "data/taxonomy.yml", "data/groups.yml", "data/authors.yml", "data/sources.yml"}
    assert collections["resources"]["label"] == "Ressources" and collections["events"]["label"] == "Agenda"
    for collection in [*collections.values(), *collections["network"]["files"]]:
        for field in _all_fields(collection.get("fields", [])):
            assert field["label"] and field["widget"], field
            if field["name"] not in ("item", "body") and field["widget"] != "hidden":
                assert field["hint"] and field["label"] != field["name"], (collection["name"], field["name"])


def test_required_and_defaults_follow_the_models(demo_config: dict):
    collections = _collections(demo_config)
    for name, model in FOLDERS.items():
        fields = {f["name"]: f for f in collections[name]["fields"] if f["name"] != "body"}
        assert "id" not in fields  # the id is the file's name
        assert {n for n, f in fields.items() if f.get("required")} == {
            n for n, info in model.model_fields.items() if info.is_required() and n != "id"}, name
    events = {f["name"]: f for f in collections["events"]["fields"]}
    assert events["status"]["default"] == "scheduled"
    assert events["start"]["format"] == "YYYY-MM-DD[T]HH:mm"
    assert events["library"]["widget"] == "relation" and events["library"]["collection"] == "libraries"
    assert events["resources"]["widget"] == "relation" and events["resources"]["multiple"] is True
    assert events["group"]["value_field"] == "groups.*.id"
    kinds = events["kind"]
    assert kinds["widget"] == "select" and {"label": "Atelier", "value": "atelier"} in kinds["options"]
    groups = {f["name"]: f for f in collections["network"]["files"][2]["fields"][0]["fields"]}
    assert groups["members"]["widget"] == "relation" and groups["members"]["multiple"] is True
    people = {f["name"]: f for f in groups["people"]["fields"]}
    assert people["library"]["widget"] == "relation" and people["library"]["collection"] == "libraries"
    posts = {f["name"]: f for f in collections["posts"]["fields"]}
    assert posts["authors"]["widget"] == "select" and posts["authors"]["multiple"] is True
    assert posts["authors"]["options"] and posts["categories"]["options"]
    assert posts["date"]["date_format"] == "YYYY-MM-DD" and posts["date"]["time_format"] is False
    assert posts["body"]["widget"] == "markdown"


def _value(field: dict, ids: dict[str, str]) -> object:
    """What an editor who fills only the required fields gets written."""
    widget = field["widget"]
    if widget == "select":
        value = field["options"][0]["value"]
        return [value] if field.get("multiple") else value
    if widget == "relation":
        value = ids[field["collection"]]
        return [value] if field.get("multiple") else value
    if widget == "datetime":
        day = "2026-12-22"
        if field.get("time_format") is False:
            return yaml.safe_load(day)  # the widget writes 2026-12-22, which YAML reads as a day
        return f"{day}T{'16:00' if field['name'] == 'end' else '14:00'}"
    if widget == "number":
        return field.get("min", 1)
    if widget == "boolean":
        return False
    if widget == "list":
        if "fields" in field:
            return [_entry(field["fields"], ids)]
        return [_value({**field["field"], "name": field["name"]}, ids)]
    if widget == "object" and "types" in field:  # the first kind the editor may pick
        return {field["typeKey"]: field["types"][0]["name"], **_entry(field["types"][0]["fields"], ids)}
    if widget == "object":
        return _entry(field["fields"], ids)
    if widget == "markdown":
        return "Un texte *en Markdown*, écrit dans le formulaire : « citation », 2 € — fin."
    if "pattern" in field:
        return EXAMPLES[field["name"]]  # a form that says its expected shape: the editor writes that
    return "Texte d'essai : écrit dans le formulaire"


EXAMPLES = {"postcode": "14000"}
# What the models require across keys (the check says it; see cms_config.UNMAPPED): what an editor adds.
ALSO_FILLED = {"events": {"library": "mediatheque-centrale"}, "libraries": {"population": 5000},
               "resources": {"access": {"kind": "login", "target": "https://fournisseur.example.org/"}}}


def _entry(fields: list[dict], ids: dict[str, str]) -> dict:
    return {f["name"]: _value(f, ids) for f in fields if f.get("required") and f["name"] != "body"}


def test_new_entries_written_by_the_cms_pass_check(tmp_path: Path):
    root = small_network(tmp_path / "network")
    collections = _collections(cms_config(project_choices_from(root), "reseau/site", "main"))
    ids = {"libraries": "mediatheque-centrale", "resources": "gallica"}
    for name in ("resources", "events", "libraries"):
        collection = collections[name]
        path = root / collection["folder"] / "nouvelle-entree-du-formulaire.yml"
        entry = {**_entry(collection["fields"], ids), **ALSO_FILLED.get(name, {})}
        path.write_text(cms_yaml(entry), encoding="utf-8")
    for name in ("posts", "news"):
        collection = collections[name]
        front = _entry(collection["fields"], ids)
        path = root / collection["folder"] / "2026-12-22-nouveau-billet.md"
        path.write_text(f"---\n{cms_yaml(front)}---\n\nLe texte du billet, **en gras**.\n", encoding="utf-8")
    result = run_check(root)
    assert result.returncode == 0, result.stdout + result.stderr
    event = (root / "data/events/nouvelle-entree-du-formulaire.yml").read_text(encoding="utf-8")
    assert "start: 2026-12-22T14:00\n" in event  # the datetime widget's form, unquoted


def _known(data: object, fields: list[dict], where: str) -> list[str]:
    """The keys of `data` no field of the form holds (the CMS would drop them on save), and the values
    a select does not offer."""
    if not isinstance(data, dict):
        return []
    by_name = {f["name"]: f for f in fields}
    unknown = []
    for key, value in data.items():
        field = by_name.get(key)
        if field is None:
            unknown.append(f"{where}.{key}")
        elif field["widget"] == "select":
            allowed = {option["value"] for option in field["options"]}
            unknown += [f"{where}.{key}={v}" for v in (value if isinstance(value, list) else [value])
                        if v not in allowed]
        elif field["widget"] == "object" and "types" in field and isinstance(value, dict):
            kinds = {kind["name"]: kind for kind in field["types"]}
            kind = kinds.get(value.get(field["typeKey"]))
            rest = {k: v for k, v in value.items() if k != field["typeKey"]}
            unknown += _known(rest, kind["fields"], f"{where}.{key}") if kind else [f"{where}.{key}: kind"]
        elif field["widget"] == "object":
            unknown += _known(value, field["fields"], f"{where}.{key}")
        elif field["widget"] == "list" and "fields" in field and isinstance(value, list):
            for index, item in enumerate(value):
                unknown += _known(item, field["fields"], f"{where}.{key}[{index}]")
    return unknown


def _front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n", 2)[1]) if text.startswith("---\n") else {}


def test_demo_files_saved_back_the_cms_way_keep_their_meaning(demo_config: dict):
    collections = _collections(demo_config)
    unknown: list[str] = []
    count = 0
    for collection in collections.values():
        if "folder" in collection:
            pattern = f"*.{collection['extension']}"
            files = [(p, collection["fields"]) for p in sorted((REPO / collection["folder"]).glob(pattern))]
        else:
            files = [(REPO / f["file"], f["fields"]) for f in collection["files"]]
        for path, fields in files:
            data = _front_matter(path) if path.suffix == ".md" else yaml.safe_load(path.read_text(encoding="utf-8"))
            assert yaml.safe_load(cms_yaml(data)) == data, path
            unknown += _known(data, fields, str(path.relative_to(REPO)))
            count += 1
    assert count > 40
    assert unknown == []  # every key the demo writes has its field, every choice its option: saving drops none
