"""data/groups.yml: working groups, committees and the steering committee (COPIL)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .base import Email, Invalid, MarkdownText, Model, PlainText, Slug

GroupKind = Literal["copil", "comite-technique", "comite", "groupe-de-travail"]
Role = Literal["presidence", "animation", "secretariat", "membre"]
ROLES: tuple[Role, ...] = ("presidence", "animation", "secretariat", "membre")  # the order pages show them in
KIND_ORDER: tuple[GroupKind, ...] = ("copil", "comite-technique", "comite", "groupe-de-travail")


class Person(Model):
    """A named member of a group and the role they hold in it."""

    name: PlainText = Field(description="Nom de la personne, par ex. « Claire Marie ».")
    role: Role = Field(
        "membre", description="Rôle : `presidence`, `animation`, `secretariat` ou `membre` (par défaut)."
    )
    library: Slug | None = Field(None, description="Bibliothèque où elle travaille (identifiant), facultatif.")
    organisation: PlainText | None = Field(
        None, description="Ou l'organisme qu'elle représente, par ex. « Conseil départemental »."
    )


class Group(Model):
    id: Slug = Field(description="Identifiant du groupe.")
    name: PlainText = Field(description="Nom du groupe.")
    kind: GroupKind = Field(
        description="`copil` (comité de pilotage), `comite-technique`, `comite` (autre comité : "
        "donner son `label`) ou `groupe-de-travail`."
    )
    label: PlainText | None = Field(
        None, description="Pour `kind: comite` : la sorte de comité affichée, par ex. « Comité des usagers »."
    )
    summary: PlainText = Field(description="Mission en une phrase.")
    description: MarkdownText = Field("", description="Présentation (Markdown).")
    lead: PlainText | None = Field(
        None, description="Qui le mène, en une ligne : affiché « Présidence » pour un COPIL ou un comité, "
        "« Animation » pour un comité technique ou un groupe de travail. Pour plusieurs rôles, voir `people`."
    )
    members: list[Slug] = Field(default_factory=list, description="Bibliothèques membres (identifiants).")
    people: list[Person] = Field(
        default_factory=list,
        description="Membres nommés et leur rôle, par ex. `- {name: Claire Marie, role: presidence, "
        "library: mediatheque-centrale}`.",
    )
    contact_email: Email | None = Field(None, description="Adresse de contact du groupe.")

    @model_validator(mode="after")
    def _labelled(self) -> "Group":
        if self.kind == "comite" and self.label is None:
            raise Invalid("group.label_needed", at=("kind",))
        return self

    @property
    def lead_role(self) -> Role:
        """How `lead` reads: committees are chaired, working groups are led."""
        return "presidence" if self.kind in ("copil", "comite") else "animation"

    def people_by_role(self) -> list[tuple[Role, list[Person]]]:
        """Named people grouped by role, chair first; `lead` joins its role's list first."""
        lead = [Person(name=self.lead, role=self.lead_role)] if self.lead else []
        everyone = lead + [p for p in self.people if not (lead and p.name == self.lead)]
        return [(role, [p for p in everyone if p.role == role]) for role in ROLES
                if any(p.role == role for p in everyone)]


class GroupsFile(Model):
    groups: list[Group]
