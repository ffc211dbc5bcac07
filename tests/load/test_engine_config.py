"""The engine's settings: bibnum's base with the project's mkdocs.yml merged over it (pure, no engine run)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load.engine_config import base_settings, engine_config, read_engine_config


def problems(text: str) -> list[str]:
    return [str(p) for p in engine_config(text).problems]


@pytest.mark.parametrize("text", ["", "\n", "# rien à changer\n"])
def test_missing_or_empty_file_means_the_base(text: str):
    config = engine_config(text)
    assert config.settings == base_settings() and config.problems == () and config.project is None


def test_missing_file_means_the_base(tmp_path: Path):
    assert read_engine_config(tmp_path).settings == base_settings()


def test_the_base_is_a_working_material_config():
    base = base_settings()
    assert base["theme"]["name"] == "material"
    assert "assets/bibnum/bibnum.css" in base["extra_css"]
    # No engine search plugin: the header's search is bibnum's on every engine (look/partials/header.html).
    assert [next(iter(p)) if isinstance(p, dict) else p for p in base["plugins"]] == ["blog"]
    assert base["theme"]["variant"] == "classic"  # Zensical's Material look; MkDocs ignores it


def test_lists_are_appended_without_duplicates():
    settings = engine_config(
        "theme:\n  features: [navigation.expand, navigation.top]\n"
        "extra_css: [assets/reseau.css, assets/bibnum/bibnum.css]\nextra_javascript: [assets/reseau.js]\n"
    ).settings
    base = base_settings()
    assert settings["theme"]["features"] == base["theme"]["features"] + ["navigation.expand"]
    assert settings["extra_css"] == base["extra_css"] + ["assets/reseau.css"]
    assert settings["extra_javascript"][-1] == "assets/reseau.js"


def test_extensions_and_plugins_merge_by_name():
    settings = engine_config(
        "markdown_extensions:\n  - footnotes\n  - toc:\n      toc_depth: 3\n  - admonition\n"
        "plugins:\n  - blog:\n      pagination_per_page: 20\n  - tags\n"
    ).settings
    extensions = settings["markdown_extensions"]
    base = base_settings()["markdown_extensions"]
    assert extensions[-1] == "footnotes" and len(extensions) == len(base) + 1
    toc = next(e for e in extensions if isinstance(e, dict) and "toc" in e)["toc"]
    assert toc == {"permalink": True, "permalink_title": "Lien vers cette section", "toc_depth": 3}
    assert extensions.index("admonition") == base.index("admonition")  # a known name keeps its place
    blog = settings["plugins"][0]["blog"]
    assert blog["pagination_per_page"] == 20 and blog["post_url_format"] == "{slug}"
    assert settings["plugins"][-1] == "tags"


def test_mappings_merge_key_by_key_and_scalars_override():
    settings = engine_config("theme:\n  language: br\nextra:\n  social: []\n  generator: true\n").settings
    assert settings["theme"]["language"] == "br" and settings["theme"]["font"] is False
    assert settings["extra"] == {"generator": True, "social": []}


def test_theme_as_a_name():
    assert engine_config("theme: material\n").problems == ()
    assert problems("theme: readthedocs\n") == [
        "mkdocs.yml:1:1: theme.name : bibnum s'appuie sur le thème « material » (mkdocs-material), pas "
        "« readthedocs » ; retirez cette clé ou écrivez `name: material`."]


def test_keys_bibnum_writes_are_refused_with_where_to_set_them():
    found = problems(
        "site_name: Réseau\nnav:\n  - Accueil: index.md\ntheme:\n  palette:\n    primary: red\n"
        "  custom_dir: x\nplugins:\n  - blog:\n      blog_dir: news\nextra:\n  bibnum: {}\n"
    )
    assert found[0].startswith("mkdocs.yml:1:1: site_name : clé refusée") and "data/sites.yml" in found[0]
    assert found[1].startswith("mkdocs.yml:2:1: nav : clé refusée")
    assert found[2].startswith("mkdocs.yml:5:3: theme.palette : clé refusée") and "palette:" in found[2]
    assert found[3].startswith("mkdocs.yml:7:3: theme.custom_dir : clé refusée") and "themes/<look>/" in found[3]
    assert found[4].startswith("mkdocs.yml:10:7: plugins : option « blog_dir » de « blog » refusée")
    assert found[5].startswith("mkdocs.yml:12:3: extra.bibnum : clé refusée")
    assert len(found) == 6


def test_wrong_shapes_point_at_their_line():
    found = problems("extra_css: assets/a.css\nplugins: search\nmarkdown_extensions:\n  - {}\n  - [a]\nextra: 3\n")
    assert found == [
        "mkdocs.yml:1:1: extra_css : attendu une liste de textes (une ligne `- assets/reseau.css` par élément), "
        "trouvé le texte « assets/a.css ».",
        "mkdocs.yml:2:1: plugins : attendu une liste (une ligne `- nom` par élément, par ex. `- footnotes`), "
        "trouvé le texte « search ».",
        "mkdocs.yml:4:5: markdown_extensions, 1er élément : attendu un nom (`- footnotes`) ou un nom suivi de ses "
        "options (`- toc:` puis `    permalink: true` à la ligne).",
        "mkdocs.yml:5:5: markdown_extensions, 2e élément : attendu un nom (`- footnotes`) ou un nom suivi de ses "
        "options (`- toc:` puis `    permalink: true` à la ligne).",
        "mkdocs.yml:6:1: extra : attendu une table de clés (des lignes `clé: valeur` décalées sous `extra:`), "
        "trouvé le nombre 3.",
    ]


def test_python_tags_are_refused_in_french():
    found = problems("markdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.x\n")
    assert len(found) == 1 and found[0].startswith("mkdocs.yml:3:20: balise `!!python/…` refusée")


def test_a_list_instead_of_a_mapping():
    assert problems("- footnotes\n") == [
        "mkdocs.yml:1:1: mkdocs.yml doit être une table de clés, par ex. `extra_css: [assets/reseau.css]`, "
        "ou ne contenir que des commentaires"]


def test_settings_that_would_reach_a_third_party_are_refused():
    found = problems("theme:\n  font:\n    text: Roboto\nextra:\n  analytics:\n    provider: google\n")
    assert found[0].startswith("mkdocs.yml:2:3: theme.font : clé refusée") and "Google Fonts" in found[0]
    assert found[1].startswith("mkdocs.yml:5:3: extra.analytics : clé refusée")
