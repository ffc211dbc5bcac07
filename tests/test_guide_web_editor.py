"""The guide's « Modifier le site sans git »: in the pro site's guide, naming this network's web editor
when data/sites.yml has an `editing:` block, saying how to turn it on when not; the facts it quotes
(form labels, the example block, the media folder) are those of the generated CMS configuration."""

from __future__ import annotations

import dataclasses

import markdown
import pytest

from generator.cms_config import MEDIA_FOLDER, cms_config
from generator.data_schemas import Choices
from generator.guide import editor_guide_markdown
from generator.guide import web_editor
from generator.models.site import Editing, SitesFile
from generator.pages.pro import pro_files
from generator.search.records import other_records
from generator.view import paths
from generator.view.site_view import SiteView
from tests.outputs.conftest import NOW, PRO_URL, make_graph

EDITING = Editing(repository="mediatheques-vallee/sites", branch="publication",
                  auth_url="https://connexion.vallee.example.net")


def section(text: str) -> str:
    """The section « Modifier le site sans git », up to the next section of its level."""
    start = text.index(f"## {web_editor.HEADING}\n")
    return text[start:text.index("\n## ", start)]


def pro_guide(editing: Editing | None) -> tuple[str, SiteView]:
    graph = dataclasses.replace(make_graph(), editing=editing)
    view = SiteView.build(graph, graph.site("pro"), NOW)
    return pro_files(view, "test")[paths.GUIDE], view


def test_the_pro_guide_names_this_networks_editor():
    page, view = pro_guide(EDITING)
    text = section(page)
    assert f"à l'adresse `{PRO_URL}admin/`" in text
    assert "le dépôt GitHub `mediatheques-vallee/sites`, sur la branche `publication`" in text
    assert "par le service de connexion `https://connexion.vallee.example.net`" in text
    assert "son `auth_url` est `https://connexion.vallee.example.net`" in text
    assert "`ALLOWED_DOMAINS` : `pro.example.org`" in text  # the pro site's host, where admin/ runs
    assert "Ce réseau n'a pas encore d'éditeur en ligne" not in text
    # the search index reads the same text: a search for the editor's address lands on this section
    record = next(r for r in other_records(view) if r.title.endswith(web_editor.HEADING))
    assert record.url == f"{paths.url_of(paths.GUIDE)}#modifier-le-site-sans-git"
    assert any("mediatheques-vallee/sites" in value for _, value in record.fields)


def test_without_an_editing_block_it_says_how_to_open_the_editor():
    page, _ = pro_guide(None)
    text = section(page)
    assert "sans bloc `editing:` dans `data/sites.yml`, l'espace professionnel ne publie pas de page `admin/`" in text
    assert "    editing:\n      repository: compte/depot\n      branch: main\n" in text
    assert "Sans `auth_url`, chacun se connecte avec un jeton d'accès personnel" in text


def test_key_facts_of_signing_in_and_of_the_pull_requests():
    text = section(editor_guide_markdown())
    # the token, with the permissions the CMS's own link preselects (contents and pull requests, write)
    assert "« Se connecter avec un jeton d'accès »" in text
    assert "**Contents** (le contenu du dépôt) et **Pull requests** (les demandes de fusion), tous deux en " \
           "lecture et écriture (*Read and write*)" in text
    # the one-time OAuth setup: the app's callback, the Worker's variables, then auth_url
    assert "*Authorization callback URL* : l'adresse du service suivie de `/callback`" in text
    for variable in ("GITHUB_CLIENT_ID", "GITHUB_CLIENT_SECRET", "ALLOWED_DOMAINS"):
        assert f"`{variable}`" in text
    assert "ajoutez au bloc `editing:` la clé `auth_url:`" in text
    assert "bibnum ne l'héberge pas et n'en fournit pas" in text
    # every change a pull request, checked, merged by « Publier »
    assert "**« Enregistrer »** crée une branche et une demande de fusion sur GitHub" in text
    assert "le workflow `pr.yml` lance `bibnum check`" in text
    assert "**« Publier »** (une entrée « Prêt ») fusionne la demande" in text
    assert f"dans le dossier `{MEDIA_FOLDER}` du dépôt" in text


def test_the_two_ways_to_edit_link_to_each_other():
    text = editor_guide_markdown()
    rendered = markdown.markdown(text, extensions=["toc"])
    files_anchor = web_editor.anchor(web_editor.FILES_HEADING)
    assert f'<h2 id="modifier-le-site-sans-git">{web_editor.HEADING}</h2>' in rendered
    assert f'id="{files_anchor}"' in rendered
    assert f'<a href="#{files_anchor}">' in rendered  # from « Modifier le site sans git »
    files_section = text[text.index(f"## {web_editor.FILES_HEADING}"):]
    assert "](#modifier-le-site-sans-git)" in files_section.split("\n## ", 1)[0]


def test_the_example_block_is_a_valid_editing_block():
    Editing.model_validate(web_editor.EXAMPLE["editing"])
    assert "editing" in SitesFile.model_fields


@pytest.fixture(scope="module")
def config() -> dict:
    return cms_config(Choices(), "compte/depot", "main")


def test_the_labels_it_quotes_are_the_editors(config: dict):
    collections = config["collections"]
    assert tuple(c["label"] for c in collections) == web_editor.COLLECTIONS
    network = next(c for c in collections if c["name"] == "network")
    assert tuple(f["label"] for f in network["files"]) == web_editor.NETWORK_FILES
    labels = set()
    stack = [f for c in collections for f in c.get("fields", [])]
    while stack:
        field = stack.pop()
        labels.add(field["label"])
        stack += field.get("fields", []) + ([field["field"]] if "field" in field else [])
    assert set(web_editor.FIELDS) <= labels
    text = section(editor_guide_markdown())
    for label in web_editor.COLLECTIONS + web_editor.NETWORK_FILES + web_editor.FIELDS:
        assert f"« {label} »" in text
    assert config["media_folder"] == MEDIA_FOLDER


def test_code_spans_hold_any_text():
    assert web_editor.code("a/b") == "`a/b`"
    assert web_editor.code("a`b") == "``a`b``"
    assert markdown.markdown(web_editor.code("`x``")) == "<p><code>`x``</code></p>"
