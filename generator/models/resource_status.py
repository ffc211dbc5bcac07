"""A resource's trial and notices (data/resources/<id>.yml: `trial:`, `notices:`).

A trial is counted in whole days (its end day included); a notice runs from its start to its
end, a day alone standing for the whole of it, in Paris time (the build's now, generator/clock.py).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from .base import DateOrDateTime, Invalid, MarkdownText, Model

NOTICE_TEXT_MAX = 600


def moment(value: dt.date | dt.datetime, *, end: bool = False) -> dt.datetime:
    """A notice's bound as a naive Paris moment: a day starts at midnight and, as an end, ends at
    the next midnight (`end: 2026-12-05` is over on the 6th at 00:00)."""
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime.combine(value + dt.timedelta(days=1) if end else value, dt.time())


def _written(value: dt.date | dt.datetime) -> str:
    return value.isoformat(timespec="minutes") if isinstance(value, dt.datetime) else value.isoformat()


class Trial(Model):
    """A resource on trial: shown on the portals from its first to its last day, then hidden."""

    start: dt.date = Field(description="Premier jour de l'essai, par ex. `2026-11-01`. Avant ce jour, "
                           "la ressource n'apparaît pas sur les portails publics.")
    end: dt.date = Field(description="Dernier jour de l'essai (compris), par ex. `2026-12-31` : les portails "
                         "affichent « Essai jusqu'au … » et, dès le lendemain, ne montrent plus la ressource "
                         "(ni page, ni recherche, ni données publiées). L'espace pro garde la liste des essais.")

    @model_validator(mode="after")
    def _ordered(self) -> "Trial":
        if self.end < self.start:
            raise Invalid("trial.end_before_start", at=("end",), start=self.start.isoformat(),
                          end=self.end.isoformat())
        return self


class Notice(Model):
    """A notice to readers about a resource (maintenance, incident, change of conditions)."""

    kind: Literal["maintenance", "incident", "change"] = Field(
        description="Nature de l'avis : `maintenance` (travaux prévus), `incident` (panne, accès perturbé) "
        "ou `change` (changement des conditions).")
    text: MarkdownText = Field(
        min_length=1, max_length=NOTICE_TEXT_MAX,
        description=f"Le message aux lecteurs, court ({NOTICE_TEXT_MAX} caractères au plus ; Markdown simple : "
        "gras, liens), par ex. « Le service sera indisponible de 8 h à 10 h. »")
    start: DateOrDateTime = Field(
        description="Début de l'affichage, heure de Paris : un jour (`2026-12-05`, dès minuit) ou un jour et "
        "une heure (`2026-12-05T08:00`).")
    end: DateOrDateTime = Field(
        description="Fin de l'affichage, heure de Paris : un jour (`2026-12-06`, jour compris) ou un jour et "
        "une heure (`2026-12-06T10:00`). L'avis disparaît tout seul à la construction suivante.")

    @model_validator(mode="after")
    def _ordered(self) -> "Notice":
        for key in ("start", "end"):
            value = getattr(self, key)
            if isinstance(value, dt.datetime) and value.tzinfo is not None:
                raise Invalid("value.datetime_offset", at=(key,))
        if self.ends <= self.starts:
            raise Invalid("notice.end_before_start", at=("end",), start=_written(self.start),
                          end=_written(self.end))
        return self

    @property
    def starts(self) -> dt.datetime:
        return moment(self.start)

    @property
    def ends(self) -> dt.datetime:
        return moment(self.end, end=True)

    def active(self, now: dt.datetime) -> bool:
        return self.starts <= now < self.ends
