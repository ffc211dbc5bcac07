"""data/events/<id>.yml: one event (public workshop, staff training, meeting...)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, model_validator

from .base import Invalid, MarkdownText, Model, PlainText, Slug


def _datetime_text(value: object) -> object:
    # YAML may hand us a datetime already; refuse numbers, which pydantic would
    # otherwise take as Unix timestamps.
    if isinstance(value, (int, float)):
        raise Invalid("value.datetime_number")
    return value


LocalDateTime = Annotated[datetime, BeforeValidator(_datetime_text)]


class Event(Model):
    """An event of the network, in a library or elsewhere."""

    id: Slug = Field(description="Identifiant : le nom du fichier, sans `.yml` (ne pas l'écrire).")
    title: PlainText = Field(description="Titre de l'événement.")
    kind: Slug = Field(description="Type (identifiant de `event_kinds` dans `taxonomy.yml`).")
    scope: Literal["public", "pro"] = Field(
        "public", description="`public` (agenda des portails) ou `pro` (agenda de l'espace professionnel)."
    )
    start: LocalDateTime = Field(description="Début, heure de Paris : `2026-11-28T14:00`.")
    end: LocalDateTime = Field(description="Fin, heure de Paris : `2026-11-28T16:00`.")
    library: Slug | None = Field(None, description="Bibliothèque où il a lieu (identifiant).")
    place: PlainText | None = Field(None, description="Lieu, s'il n'a pas lieu dans une bibliothèque du réseau.")
    audiences: list[Slug] = Field(default_factory=list, description="Publics visés.")
    summary: PlainText = Field(max_length=240, description="Résumé en une phrase.")
    description: MarkdownText = Field("", description="Description complète (Markdown).")
    resources: list[Slug] = Field(default_factory=list, description="Ressources présentées (identifiants).")
    group: Slug | None = Field(None, description="Groupe de travail concerné (identifiant de `groups.yml`).")
    series: Slug | None = Field(
        None, description="Série dont c'est une édition, par ex. la journée professionnelle de chaque année "
        "(identifiant de `event_series` dans `taxonomy.yml`) : la page de la série liste ses éditions.",
    )
    theme: PlainText | None = Field(
        None, description="Thème de cette édition de la série, par ex. « Faire connaître les ressources »."
    )
    registration: PlainText | None = Field(None, description="Comment s'inscrire, par ex. « Sur réservation au 02 31 … ».")
    registration_url: str | None = Field(None, description="Lien d'inscription (https).")
    status: Literal["scheduled", "cancelled", "postponed"] = Field(
        "scheduled", description="`scheduled`, `cancelled` (annulé) ou `postponed` (reporté)."
    )
    online_url: str | None = Field(None, description="Lien de visioconférence, si l'événement est (aussi) en ligne.")
    # Harvested events (bibnum harvest, data/sources.yml) keep their agenda's UID.
    uid: PlainText | None = Field(
        None, description="Identifiant iCalendar (UID) de l'événement, gardé tel quel dans les agendas `.ics`."
    )
    source: Slug | None = Field(
        None, description="Source moissonnée d'où vient l'événement (écrit par `bibnum harvest`, ne pas l'écrire)."
    )

    @model_validator(mode="after")
    def _coherent(self) -> "Event":
        for key in ("start", "end"):
            if getattr(self, key).tzinfo is not None:
                raise Invalid("value.datetime_offset", at=(key,))
        if self.end < self.start:
            raise Invalid("event.end_before_start", at=("end",), start=self.start.isoformat(timespec="minutes"),
                          end=self.end.isoformat(timespec="minutes"))
        if self.library is None and self.place is None and self.online_url is None:
            raise Invalid("event.where")
        return self
