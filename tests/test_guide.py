"""The editor's guide: generated from the models, complete, valid examples, safe Markdown."""

from __future__ import annotations

import re
from typing import get_args

import markdown
import pytest
from pydantic import BaseModel

from generator import guide
from generator.guide import FILE_TYPES, cell, editor_guide_markdown, field_rows, table
from generator.models.content import AuthorsFile, PageMeta, PostMeta
from generator.models.event import Event
from generator.models.group import Group, GroupsFile
from generator.models.library import Library
from generator.models.login import AccessKind, LoginStrategy
from generator.models.resource import Resource
from generator.models.site import Site, SitesFile
from generator.models.source import SourcesFile
from generator.models.taxonomy import Taxonomy


@pytest.fixture(scope="module")
def text() -> str:
    return editor_guide_markdown()


@pytest.fixture(scope="module")
def html(text: str) -> str:
    return markdown.markdown(text, extensions=["tables"])


def key_cells(text: str) -> set[str]:
    """The keys of every field table (first column)."""
    return set(re.findall(r"^\| `([^`]+)` \|", text, re.MULTILINE))


@pytest.mark.parametrize(
    ("model", "prefix"),
    [
        (Resource, ""),
        (Library, ""),
        (Event, ""),
        (Site, "sites[]."),
        (Group, "groups[]."),
        (PostMeta, ""),
        (PageMeta, ""),
        (Taxonomy, ""),
    ],
)
def test_every_top_level_field_has_a_row(text: str, model: type[BaseModel], prefix: str) -> None:
    keys = key_cells(text)
    missing = [name for name in model.model_fields if f"{prefix}{name}" not in keys]
    assert missing == []


def test_nested_keys_are_dotted(text: str) -> None:
    keys = key_cells(text)
    for key in (
        "conditions.quota",
        "access.sites.<site>.target",
        "apps[].platforms",
        "address.postcode",
        "geo.lat",
        "sites[].palette.primary",
        "sites[].accessibility.contact_email",
        "network.fee_per_inhabitant",
        "authors.<auteur>.name",
        "categories[].label",
    ):
        assert key in keys


def test_every_row_has_a_description() -> None:
    for ft in FILE_TYPES:
        for row in field_rows(ft.model, id_from_file=ft.id_from_file):
            assert row.description, row.key


def test_every_login_kind_is_documented(text: str) -> None:
    kinds = [get_args(m.model_fields["kind"].annotation)[0] for m in get_args(get_args(LoginStrategy)[0])]
    assert kinds == ["ezproxy", "openathens", "shibboleth", "cas", "direct"]
    for kind in kinds:
        assert f"Avec `kind: {kind}`" in text or f"`{kind}` : aucune autre clé" in text
        assert f"kind: {kind}" in text
    for kind in get_args(AccessKind):
        assert f"kind: {kind}" in text


def test_login_variants_and_their_keys(text: str) -> None:
    assert "| `login.kind` | un choix parmi `ezproxy`, `openathens`, `shibboleth`, `cas`, `direct` |" in text
    assert "| `login.domain` | texte | obligatoire | Avec `kind: openathens` :" in text
    assert "| `sites[].login.form` | un choix parmi `qurl`, `url` | par défaut : `qurl` |" in text
    assert "| `sites[].login` | un mode choisi par `sites[].login.kind` (voir ci-dessous) | par défaut : `kind: direct` |" in text


def test_types_and_defaults_in_french(text: str) -> None:
    assert "| `featured` | oui/non | par défaut : non |" in text
    assert "| `added` | date | obligatoire |" in text
    assert "| `start` | date et heure | obligatoire |" in text
    # a library's population is optional: its town's is declared once in network.towns
    assert re.search(r"^\| `population` \| nombre entier \([^)]*\) \| facultatif \|", text, re.MULTILINE)
    assert re.search(r"^\| `network\.towns\[\]\.population` \| nombre entier \([^)]*\) \| obligatoire \|", text,
                     re.MULTILINE)
    assert "| `audiences` | liste d'identifiants (au moins 1) | obligatoire |" in text
    assert "| `summary` | texte (240 caractères au plus) | obligatoire |" in text
    assert "| `status` | un choix parmi `scheduled`, `cancelled`, `postponed` | par défaut : `scheduled` |" in text
    assert "| `languages` | liste d'identifiants | par défaut : `fr` |" in text
    assert "| `geo.lat` | nombre (de -90 à 90) | obligatoire |" in text


def test_ids_from_file_names(text: str) -> None:
    rows = [r for r in text.splitlines() if r.startswith("| `id` |")]
    assert len(rows) == 3  # resources, libraries, events
    assert all("| tiré du nom du fichier |" in r for r in rows)
    # ids inside a file are not taken from its name
    assert "| `groups[].id` | identifiant | obligatoire |" in text


def test_file_locations_and_check_command(text: str) -> None:
    for path in (
        "data/sites.yml", "data/taxonomy.yml", "data/groups.yml", "data/authors.yml",
        "data/resources/<id>.yml", "data/libraries/<id>.yml", "data/events/<id>.yml",
        "content/public/*.md", "content/pro/*.md", "content/blog/posts/*.md", "content/news/*.md",
    ):
        assert f"`{path}`" in text
    assert "`bibnum check`" in text
    assert "FICHIER:LIGNE:COLONNE: message" in text


@pytest.mark.parametrize("ft", FILE_TYPES, ids=lambda ft: ft.model.__name__)
def test_examples_are_valid(ft: guide.FileType) -> None:
    data = ft.example()
    assert "id" not in data if ft.id_from_file else True
    if ft.id_from_file:
        data = {**data, "id": ft.example_id}
    ft.model.model_validate(data)


def test_examples_are_shown_as_yaml(text: str) -> None:
    assert "Exemple (`data/resources/formaplus.yml`) :" in text
    assert "    access:\n      kind: login\n" in text
    assert "    ---\n    title: Aide et questions fréquentes\n    menu: Aide\n" in text


def test_access_examples(text: str) -> None:
    urls = re.findall(r"^Adresse produite : `([^`]+)`$", text, re.MULTILINE)
    assert urls == [
        "https://proxy.reseau.example.org/login?qurl=https%3A%2F%2Fpresse.example.org%2Fkiosque",
        "https://proxy.reseau.example.org/login?url=https://presse.example.org/kiosque",
        "https://go.openathens.net/redirector/reseau.example.org?url=https%3A%2F%2Fpresse.example.org%2Fkiosque",
        "https://presse.example.org/Shibboleth.sso/Login?entityID=https%3A%2F%2Fidp.reseau.example.org"
        "%2Fidp%2Fshibboleth&target=https%3A%2F%2Fpresse.example.org%2Fkiosque",
        "https://cas.reseau.example.org/cas/login?service=https%3A%2F%2Fpresse.example.org%2Fkiosque",
        "https://fournisseur.example.org/sso?id_bib=CD14",
        "https://ressource-libre.example.org/",
    ]
    assert "Pas de lien ; la page affiche : « Sur les postes publics de la médiathèque »." in text


def test_renders_as_tables_without_html(text: str, html: str) -> None:
    assert html.count("<table>") == len(FILE_TYPES)
    assert "<script" not in html.lower()
    assert "<script" not in text.lower()
    # no raw HTML in the source: every '<' is inside a code span or code block
    outside_code = re.sub(r"`[^`]*`", "", "\n".join(l for l in text.splitlines() if not l.startswith("    ")))
    assert "<" not in outside_code
    # every table row has the same number of cells as its header
    for block in re.findall(r"<table>.*?</table>", html, re.DOTALL):
        counts = {row.count("<td>") for row in re.findall(r"<tr>.*?</tr>", block, re.DOTALL) if "<td>" in row}
        assert counts == {4}
    assert "<pre><code>network:" in html


def test_keys_are_rendered_as_code(html: str) -> None:
    assert "<td><code>access.sites.&lt;site&gt;.target</code></td>" in html


def test_cells_escape_pipes_and_markup() -> None:
    assert cell("a | b") == "a \\| b"
    assert cell("x <b>y</b>") == "x &lt;b&gt;y&lt;/b&gt;"
    assert cell("`a|b` | `<c>`") == "`a|b` \\| `<c>`"
    assert cell("deux\nlignes") == "deux lignes"
    rendered = markdown.markdown(table(("A", "B"), [("un | deux", "`x|y` <i>")]), extensions=["tables"])
    assert "<td>un | deux</td>" in rendered
    assert "<td><code>x|y</code> &lt;i&gt;</td>" in rendered


def test_deterministic(text: str) -> None:
    assert editor_guide_markdown() == text


def test_headings_start_at_level_two(text: str) -> None:
    assert not re.search(r"^# ", text, re.MULTILINE)
    assert "## Les modes d'accès aux ressources" in text


def test_whole_files_are_covered() -> None:
    assert {ft.model for ft in FILE_TYPES} == {
        SitesFile, Taxonomy, GroupsFile, AuthorsFile, Resource, Library, Event, PageMeta, PostMeta,
        SourcesFile,
    }
