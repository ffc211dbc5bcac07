"""A title (document) harvested from a provider's feed: a book, an issue, a film, an album..."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from .base import Model, PlainText, Slug


class Title(Model):
    """One harvested document of a resource. Machine-written by `bibnum harvest`, never by editors."""

    id: str = Field(description="Identifiant stable : ISBN, ISSN, URN ou GUID normalisé (par ex. `isbn:9782070612758`).")
    resource: Slug = Field(description="Ressource qui donne accès à ce titre.")
    source: Slug = Field(description="Source moissonnée d'où vient le titre.")
    title: PlainText = Field(description="Titre du document.")
    authors: list[PlainText] = Field(default_factory=list, description="Auteurs, réalisateurs, interprètes.")
    summary_html: str = Field("", description="Résumé, HTML déjà nettoyé (liste blanche).")
    url: str | None = Field(None, description="Adresse du document chez le fournisseur (http ou https).")
    kind: Literal["livre", "presse", "video", "audio", "cours", "autre"] = Field("autre", description="Nature.")
    language: str | None = Field(None, description="Code de langue ISO 639-1.")
    published: date | None = Field(None, description="Date de parution chez l'éditeur.")
    first_seen: date = Field(description="Premier moissonnage où le titre est apparu (sert aux « Nouveaux titres »).")
    last_seen: date = Field(description="Dernier moissonnage où le titre était présent.")
