"""data/taxonomy.yml: the vocabularies editors pick from (categories, audiences...)."""

from __future__ import annotations

from pydantic import Field, model_validator

from .base import Invalid, Model, PageName, PlainText, Slug


class Term(Model):
    """One entry of a vocabulary."""

    id: Slug = Field(description="Identifiant utilisé dans les autres fichiers (minuscules, tirets).")
    label: PlainText = Field(description="Libellé affiché aux lecteurs.")
    description: PlainText | None = Field(None, description="Phrase d'explication (facultative).")
    icon: str | None = Field(
        None, description="Icône Material for MkDocs, par ex. `material/newspaper-variant-outline`."
    )


class Taxonomy(Model):
    """Vocabularies shared by every site of the network."""

    categories: list[Term] = Field(description="Catégories de ressources (presse, autoformation, cinéma…).")
    audiences: list[Term] = Field(description="Publics (adultes, jeunesse, professionnels…).")
    devices: list[Term] = Field(description="Supports de consultation (ordinateur, tablette, liseuse…).")
    languages: list[Term] = Field(description="Langues des contenus (identifiant : code ISO 639-1, par ex. `fr`).")
    event_kinds: list[Term] = Field(description="Types d'événements (atelier, formation, COPIL…).")
    event_series: list[Term] = Field(
        default_factory=list,
        description="Séries d'événements (facultatif), par ex. la journée professionnelle annuelle : "
        "`label` est le titre de la série, `description` la présente. Chaque édition est un événement "
        "qui donne `series:` (et son `theme:`) ; la série a sa page, qui liste ses éditions.",
    )
    blog_categories: list[PageName] = Field(
        description="Catégories des billets du blog professionnel, 60 caractères au plus chacune (chacune a sa "
        "page, dont l'adresse vient du nom)."
    )

    @model_validator(mode="after")
    def _unique_ids(self) -> "Taxonomy":
        for name in ("categories", "audiences", "devices", "languages", "event_kinds", "event_series"):
            ids = [t.id for t in getattr(self, name)]
            dupes = sorted({i for i in ids if ids.count(i) > 1})
            if dupes:
                second = next(index for index, i in enumerate(ids) if ids.index(i) != index)
                raise Invalid("value.duplicate_ids", at=(name, second, "id"), vocabulary=name, ids=", ".join(dupes))
        return self
