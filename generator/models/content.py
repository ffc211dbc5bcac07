"""Front matter of editors' Markdown: pages, staff blog posts, public news, authors."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import DateOrDateTime, Model, PageName, PlainText, Slug


class Author(Model):
    name: PlainText = Field(description="Nom affiché.")
    description: PlainText = Field(description="Fonction, par ex. « Chargée des ressources numériques ».")


class AuthorsFile(Model):
    """data/authors.yml: the staff who write on the blog."""

    authors: dict[Slug, Author]


PAGE_BLOCKS = ("historique", "communes", "financement")


class PageMeta(Model):
    """Front matter of a page in content/public/ or content/pro/."""

    title: PlainText = Field(description="Titre de la page.")
    description: PlainText | None = Field(None, description="Résumé (moteurs de recherche, listes).")
    menu: PlainText | None = Field(
        None, max_length=40,
        description="Libellé court dans le menu, par ex. « Aide » pour une page "
        "titrée « Aide et questions fréquentes » ; par défaut, le titre. La page garde son titre complet.",
    )
    order: int = Field(100, ge=-10_000, le=10_000, description="Position dans le menu (plus petit = plus haut).")
    sites: list[Slug] | None = Field(None, description="Limiter la page à certains sites.")
    blocks: list[Literal[PAGE_BLOCKS]] = Field(  # type: ignore[valid-type]
        default_factory=list,
        description="Blocs ajoutés à la fin de la page à partir de `data/sites.yml` : `historique` (les dates "
        "du réseau), `communes` (communes membres et leur population), `financement` (financeurs et budget), "
        "par ex. `blocks: [historique, financement]`.",
    )


class PostMeta(Model):
    """Front matter of a blog post (content/blog/posts/) or a news item (content/news/)."""

    title: PlainText = Field(description="Titre du billet.")
    date: DateOrDateTime = Field(description="Date de publication, `2026-11-02`.")
    description: PlainText | None = Field(None, description="Résumé (facultatif).")
    authors: list[Slug] = Field(default_factory=list, description="Auteurs (identifiants de `data/authors.yml`).")
    categories: list[PageName] = Field(default_factory=list, description="Catégories (liste `blog_categories`).")
    draft: bool = Field(False, description="Brouillon : visible en aperçu, jamais publié.")
    pin: bool = Field(False, description="Épingler en tête du blog.")
    slug: Slug | None = Field(None, description="Fin de l'adresse du billet (par défaut : tirée du titre).")
    sites: list[Slug] | None = Field(None, description="Actualités : limiter à certains portails.")
