"""The guide's words on a pull request's preview (generator/guide/pr_preview.py) say what the workflows do."""

from __future__ import annotations

from generator import preview_publish
from generator.guide import editor_guide_markdown
from generator.guide import pr_preview
from generator.guide.preview import PULL_REQUEST_HEADING
from tests.conftest import REPO

WORKFLOWS = (REPO / ".github" / "workflows" / "preview.yml",
             REPO / "generator" / "scaffold" / "files" / "dot-github" / "workflows" / "preview.yml")


def section() -> str:
    text = editor_guide_markdown()
    start = text.index(f"### {PULL_REQUEST_HEADING}\n")
    return text[start:text.index("\n## ", start)]


def test_the_guide_says_where_the_link_is_when_it_goes_and_how_to_set_it_up() -> None:
    words = section()
    assert "un commentaire de la demande donne l'adresse" in words and "met à jour ce commentaire" in words
    assert "son aperçu est retiré" in words and "fork" in words
    assert "#### Mettre en place les aperçus, une fois" in words
    for step in ("Crée le dépôt des aperçus", "Active GitHub Pages", "Deploy from a branch", "Fine-grained tokens",
                 "Only select repositories", "Contents : Read and write", "New repository secret"):
        assert step in words, step
    assert "--base-url" in words


def test_the_guide_names_what_the_workflows_use() -> None:
    words = section()
    assert pr_preview.MAX_MB == preview_publish.MAX_MB and f"limité à {preview_publish.MAX_MB} Mo" in words
    assert f"`{pr_preview.SECRET}`" in words and f"compte/mon-reseau{pr_preview.SUFFIX}" in words
    for workflow in WORKFLOWS:
        text = workflow.read_text(encoding="utf-8")
        assert f"secrets.{pr_preview.SECRET} }}}}" in text
        assert f"PREVIEW_REPOSITORY: ${{{{ github.repository }}}}{pr_preview.SUFFIX}" in text
        assert f"« {PULL_REQUEST_HEADING} »" in text  # its notice sends to this very section
