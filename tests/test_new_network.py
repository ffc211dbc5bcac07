"""`bibnum new` and the engine settings' checks on a small project (no engine run)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.build import load_graph
from generator.cli import main
from generator.errors import BibnumError, ProjectInvalid, ProjectNotFound
from generator.scaffold import NetworkChoices, scaffold_files, write_scaffold

TODAY = date(2026, 11, 21)


@pytest.fixture
def network(tmp_path: Path) -> Path:
    root = tmp_path / "reseau"
    write_scaffold(root, scaffold_files(NetworkChoices("Réseau : « Vallée » # 1", url="https://v.example.org/r"),
                                       TODAY, requirement="bibnum==0.1.0"))
    return root


def test_scaffold_fills_every_placeholder_and_quotes_names():
    files = scaffold_files(NetworkChoices('Réseau : "Vallée" # 1', "Portail de la Vallée", "https://v.example.org"),
                           TODAY, requirement="bibnum==9.9")
    assert not [path for path, data in files.items() if re.search(rb"__[A-Z_]+__", path.encode() + data)]
    sites = yaml.safe_load(files["data/sites.yml"])
    assert sites["network"]["name"] == 'Réseau : "Vallée" # 1'
    assert [(s["id"], s["name"], s["url"]) for s in sites["sites"]] == [
        ("portail", "Portail de la Vallée", "https://v.example.org/portail/"),
        ("pro", 'Réseau : "Vallée" # 1 — Espace pro', "https://v.example.org/pro/")]
    assert "data/events/2026-12-21-atelier-decouverte.yml" in files  # an event still to come
    assert {".gitignore", ".github/workflows/build.yml", "requirements.txt", "README.md",
            "themes/reseau/logo.svg", "mkdocs.yml"} <= set(files)
    assert files["requirements.txt"].decode().rstrip().endswith("bibnum==9.9")
    assert yaml.safe_load(files["mkdocs.yml"]) is None  # comments only: the engine's base as it is


def test_a_new_network_checks_clean(network: Path):
    graph = load_graph(network)
    assert graph.network.name == "Réseau : « Vallée » # 1"
    assert [s.id for s in graph.sites] == ["portail", "pro"]
    assert len(graph.resources) == len(graph.libraries) == len(graph.events) == 1


def test_new_refuses_a_folder_that_is_not_empty(tmp_path: Path):
    (tmp_path / "notes.txt").write_text("à garder", encoding="utf-8")
    with pytest.raises(BibnumError, match="n'est pas vide"):
        write_scaffold(tmp_path, {"data/sites.yml": b""})
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_new_command_without_a_terminal_uses_options(tmp_path: Path):
    result = CliRunner().invoke(main, ["new", str(tmp_path / "n"), "--name", "Médiathèques du Lac",
                                       "--portal-name", "Lire au Lac"])
    assert result.exit_code == 0, result.output
    sites = yaml.safe_load((tmp_path / "n" / "data" / "sites.yml").read_text(encoding="utf-8"))
    assert sites["network"]["name"] == "Médiathèques du Lac" and sites["sites"][0]["name"] == "Lire au Lac"
    again = CliRunner().invoke(main, ["new", str(tmp_path / "n")])
    assert again.exit_code == 1 and "n'est pas vide" in again.output


def test_an_empty_folder_says_to_run_new(tmp_path: Path):
    with pytest.raises(ProjectNotFound, match="bibnum new"):
        load_graph(tmp_path)


def problems_of(root: Path) -> list[str]:
    with pytest.raises(ProjectInvalid) as invalid:
        load_graph(root)
    return [str(p) for p in invalid.value.problems]


def test_missing_look_logo_and_engine_settings_are_check_errors_at_their_line(network: Path):
    sites = network / "data" / "sites.yml"
    text = sites.read_text(encoding="utf-8")
    lines = text.splitlines()
    look_line = next(i for i, line in enumerate(lines, 1) if line.strip() == "look: reseau")
    logo_line = next(i for i, line in enumerate(lines, 1) if i > look_line + 5 and line.strip() == "logo: logo.svg")
    sites.write_text(text.replace("look: reseau", "look: absent", 1), encoding="utf-8")
    (network / "themes" / "reseau" / "logo.svg").unlink()
    (network / "mkdocs.yml").write_text(
        "markdown_extensions:\n  - footnotes\n  - pas.une.extension\nplugins:\n  - pas-un-plugin\n"
        "  - blog:\n      pagination_per_page: dix\ntheme:\n  language: xx\nsite_name: Essai\nfoo: 1\n",
        encoding="utf-8")
    found = problems_of(network)
    where = {problem.split(": ")[0] for problem in found}
    assert f"data/sites.yml:{look_line}:5" in where  # look: no folder themes/absent/
    assert f"data/sites.yml:{logo_line}:5" in where  # the pro site's logo: themes/reseau/logo.svg is gone
    for location, words in [
        ("mkdocs.yml:3:5", "« pas.une.extension » est introuvable"),
        ("mkdocs.yml:5:5", "« pas-un-plugin » n'est pas installé"),
        ("mkdocs.yml:7:7", "« pagination_per_page » du plugin « blog » : attendu un nombre entier"),
        ("mkdocs.yml:9:3", "langue « xx » inconnue"),
        ("mkdocs.yml:10:1", "site_name : clé refusée"),
        ("mkdocs.yml:11:1", "foo : clé inconnue du moteur"),
    ]:
        assert any(p.startswith(location + ": ") and words in p for p in found), (location, found)
    assert len([p for p in found if p.startswith("mkdocs.yml")]) == 6


def test_a_project_without_mkdocs_yml_or_themes_uses_the_package(network: Path, tmp_path: Path):
    (network / "mkdocs.yml").unlink()
    graph = load_graph(network)
    from generator.work_tree import generate_site
    from tests.conftest import DEMO_NOW

    files = generate_site(graph, graph.sites[0], DEMO_NOW)
    config = yaml.safe_load(files["mkdocs.yml"])
    assert config["theme"]["name"] == "material" and config["site_name"] == graph.sites[0].name
    assert "overrides/main.html" in files and "docs/assets/bibnum/logo.svg" in files


def test_the_guide_opens_with_creating_a_network():
    from generator.guide import editor_guide_markdown
    from generator.load.engine_config import REFUSED

    text = editor_guide_markdown()
    assert text.startswith("## Créer le site de son réseau\n")
    assert "bibnum new mon-reseau" in text and "### Publier" in text and "### Réglages du moteur" in text
    assert all(f"- `{'.'.join(path)}` : " in text for path in REFUSED)  # every refused key, from the code


def test_new_command_asks_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr("generator.cli._at_a_terminal", lambda: True)
    result = CliRunner().invoke(main, ["new", str(tmp_path / "b")],
                           input="Bibliothèques du Bocage\n\nhttps://bocage.example.org/sites\n")
    assert result.exit_code == 0, result.output
    assert "Nom du réseau" in result.output and "Adresse de publication" in result.output
    sites = yaml.safe_load((tmp_path / "b" / "data" / "sites.yml").read_text(encoding="utf-8"))
    assert sites["network"]["name"] == sites["sites"][0]["name"] == "Bibliothèques du Bocage"  # portal: default
    assert sites["sites"][1]["url"] == "https://bocage.example.org/sites/pro/"


def test_engine_problems_all_at_once_in_french():
    from generator.engine_check import engine_problems
    from generator.load.engine_config import engine_config

    found = [str(p) for p in engine_problems(engine_config(
        "plugins:\n  - blog:\n      pagination_per_page: dix\n      pas_une_option: 1\n"
        "markdown_extensions:\n  - toc:\n      toc_depth: [1]\n  - admonition:\n      inconnue: 1\n"
        "site_author: 3\nrepo_url: 4\n"))]
    assert found == [
        "mkdocs.yml:10:1: site_author : attendu un texte, trouvé un nombre entier ; corrigez la valeur "
        "(voir la documentation de MkDocs).",
        "mkdocs.yml:11:1: repo_url : attendu un texte, trouvé un nombre entier ; corrigez la valeur "
        "(voir la documentation de MkDocs).",
        "mkdocs.yml:3:7: plugins : option « pagination_per_page » du plugin « blog » : attendu un nombre entier "
        "(par ex. `10`), trouvé un texte ; corrigez la valeur.",
        "mkdocs.yml:4:7: plugins : « pas_une_option » n'est pas une option du plugin « blog » ; vérifiez "
        "l'orthographe dans sa documentation ou retirez-la.",
        "mkdocs.yml:9:7: markdown_extensions : « inconnue » n'est pas une option de l'extension « admonition » ; "
        "vérifiez l'orthographe dans sa documentation ou retirez-la.",
        "mkdocs.yml:6:5: markdown_extensions : l'extension « toc » refuse ses options (une valeur n'a pas le type "
        "ou la forme attendus, TypeError) ; corrigez-les d'après sa documentation ou retirez-la.",
    ]


def test_an_added_stylesheet_must_ship_with_the_look_never_from_another_site(network: Path):
    (network / "mkdocs.yml").write_text(
        "extra_css:\n  - assets/reseau.css\n  - assets/bibnum/bibnum.css\n  - https://cdn.example.org/x.css\n"
        "extra_javascript:\n  - assets/reseau.js\n", encoding="utf-8")
    (network / "themes" / "reseau" / "assets").mkdir()
    (network / "themes" / "reseau" / "assets" / "reseau.css").write_text("a{}", encoding="utf-8")
    assert problems_of(network) == [
        "mkdocs.yml:4:5: extra_css : « https://cdn.example.org/x.css » viendrait d'un autre site, or aucune visite "
        "ne doit atteindre un tiers ; copiez le fichier dans `themes/<look>/assets/` et citez son chemin, par ex. "
        "`assets/reseau.css`.",
        "mkdocs.yml:6:5: extra_javascript : le fichier « assets/reseau.js » manque ; ajoutez "
        "`themes/reseau/assets/reseau.js` ou corrigez le chemin (relatif au dossier `themes/<look>/`)."]


def test_a_broken_look_template_is_a_check_error_at_its_line(network: Path):
    (network / "themes" / "reseau" / "partials").mkdir()
    (network / "themes" / "reseau" / "partials" / "footer.html").write_text(
        "<footer>\n  {% if config.extra %}\n  <p>{{ config.site_name }</p>\n</footer>\n", encoding="utf-8")
    found = problems_of(network)
    assert len(found) == 1 and found[0].startswith("themes/reseau/partials/footer.html:3:1: gabarit invalide"), found


@pytest.mark.parametrize(("options", "words"), [
    (["--url", "http://v.example.org/"], "--url : « http://v.example.org/ » n'est pas une adresse https"),
    (["--url", "v.example.org"], "--url : « v.example.org » n'est pas une adresse https"),
    (["--name", " "], "--name : donnez un nom sur une ligne"),
])
def test_new_refuses_choices_check_would_refuse(tmp_path: Path, options: list[str], words: str):
    result = CliRunner().invoke(main, ["new", str(tmp_path / "n"), *options])
    assert result.exit_code == 1 and words in result.output
    assert not (tmp_path / "n").exists()  # nothing written


def test_extra_keys_material_reads_are_checked_for_shape():
    from generator.engine_check import engine_problems
    from generator.load.engine_config import engine_config

    found = [str(p) for p in engine_problems(engine_config(
        "extra:\n  social:\n    - icon: fontawesome/brands/mastodon\n      link: https://m.example.org/@reseau\n"
        "    - icon: pas/une-icone\n      link: https://x.example.org/\n    - link: https://y.example.org/\n"
        "  status: nouveau\ntheme:\n  features: [navigation.expand, 3]\n"))]
    assert found == [
        "mkdocs.yml:10:33: theme.features, 2e élément : attendu un texte (par ex. `- navigation.expand`), trouvé "
        "le nombre 3.",
        "mkdocs.yml:8:3: extra.status : attendu une table de clés, par ex. `new: Nouveau`.",
        "mkdocs.yml:5:7: extra.social : icône « pas/une-icone » inconnue du thème ; choisissez-en une de la liste "
        "de mkdocs-material, par ex. `fontawesome/brands/mastodon` ou `material/email`.",
        "mkdocs.yml:7:7: extra.social, 3e lien : attendu `icon:` et `link:`, par ex. "
        "`- icon: fontawesome/brands/mastodon` puis `  link: https://…`.",
    ]
