"""data/groups.yml: working groups and the steering committee (COPIL)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import MarkdownText, Model, PlainText, Slug


class Group(Model):
    id: Slug = Field(description="Identifiant du groupe.")
    name: PlainText = Field(description="Nom du groupe.")
    kind: Literal["groupe-de-travail", "copil"] = Field(description="`groupe-de-travail` ou `copil`.")
    summary: PlainText = Field(description="Mission en une phrase.")
    description: MarkdownText = Field("", description="Présentation (Markdown).")
    lead: PlainText | None = Field(None, description="Animateur ou animatrice.")
    members: list[Slug] = Field(default_factory=list, description="Bibliothèques membres (identifiants).")
    contact_email: str | None = Field(None, description="Adresse de contact du groupe.")


class GroupsFile(Model):
    groups: list[Group]
