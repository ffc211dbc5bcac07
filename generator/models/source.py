"""data/sources.yml: the providers' feeds and the towns' agendas that `bibnum harvest` reads."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Literal
from urllib.parse import urlsplit

from pydantic import Field, NonNegativeInt, PositiveInt, model_validator

from ..messages import say
from .base import Invalid, Model, PlainText, Slug

TITLE_KINDS = ("feed", "opds", "kbart")
AGENDA_KINDS = ("ical", "openagenda")
# `data/harvest/report.json` sits beside the sources' files: no source may take that name.
RESERVED_IDS = frozenset({"report"})
# A source's id starts the ids of its harvested events (generator/harvest/parsers/ical.py),
# which must fit NAME_MAX with a readable part and a digest.
SOURCE_ID_MAX = 40


def url_problem(url: str) -> str | None:
    """What is wrong with a source's address, or None: http(s), file:// or a project-relative path."""
    if not url.strip() or url != url.strip():
        return say("source.url_empty")
    if "\\" in url or any(ord(c) < 0x20 or ord(c) == 0x7F for c in url):
        return say("source.url_control")
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme in ("http", "https"):
        return None if parts.hostname else say("source.url_host")
    if scheme == "file":
        return None if parts.path.startswith("/") else say("source.url_file")
    if len(scheme) > 1:  # a one-letter "scheme" is a Windows drive, refused below as absolute
        return say("source.url_scheme", scheme=scheme)
    path = PurePosixPath(url)
    if path.is_absolute() or ":" in url:
        return say("source.url_absolute")
    if ".." in path.parts:
        return say("source.url_outside")
    return None


class Source(Model):
    """One harvested source: a feed of new titles for a resource, or a library's agenda."""

    id: Slug = Field(max_length=SOURCE_ID_MAX, description="Identifiant de la source (nomme aussi son fichier "
                     "`data/harvest/<id>.json`, et commence l'identifiant de chacun de ses événements).")
    kind: Literal["feed", "opds", "kbart", "ical", "openagenda"] = Field(
        description="`feed` (flux RSS ou Atom de nouveautés), `opds` (flux d'acquisition OPDS 1.x), "
        "`kbart` (liste de titres KBART, tabulée, UTF-8), `ical` (agenda iCalendar, export OpenAgenda) ou "
        "`openagenda` (agenda lu par l'API d'OpenAgenda ; clé dans la variable d'environnement OPENAGENDA_KEY)."
    )
    url: str = Field(
        description="Adresse du flux : `https://…`, `file:///…` ou chemin relatif au projet (`data/feeds/…`) ; "
        "pour `openagenda`, l'adresse des événements de l'agenda, "
        "`https://api.openagenda.com/v2/agendas/<uid>/events`."
    )
    resource: Slug | None = Field(None, description="Pour `feed`, `opds` et `kbart` : ressource dont ce sont les titres.")
    library: Slug | None = Field(
        None, description="Pour `ical` et `openagenda` : bibliothèque où ont lieu les événements.")
    title_kind: Literal["livre", "presse", "video", "audio", "cours", "autre"] = Field(
        "autre", description="Nature des titres : `livre`, `presse`, `video`, `audio`, `cours` ou `autre`."
    )
    categories: dict[PlainText, Slug] = Field(
        default_factory=dict,
        description="Pour `ical` et `openagenda` : le type d'événement (identifiant de `event_kinds`) de "
        "chaque catégorie de l'agenda, par ex. `{Projection: projection, Ciné-goûter: projection, Atelier: atelier}` (majuscules "
        "et accents ignorés). Une catégorie qui porte le nom ou l'identifiant d'un type n'a pas besoin d'y "
        "être ; une catégorie qui n'est ni ici ni un type est signalée dans le rapport de moissonnage.",
    )
    default_kind: Slug | None = Field(
        None,
        description="Pour `ical` et `openagenda` : type des événements dont aucune catégorie n'a de type. "
        "Sans lui, ces événements ne sont pas publiés ; dans les deux cas le rapport de moissonnage les signale.",
    )
    event_kind: Slug | None = Field(None, description="Ancien nom de `default_kind` (encore accepté).")
    audiences: list[Slug] = Field(
        default_factory=list, description="Pour `ical` et `openagenda` : publics des événements.")
    refresh_hours: PositiveInt = Field(24, le=8_784, description="Intervalle de moissonnage, en heures (un an au plus).")
    grace_days: NonNegativeInt = Field(
        30, le=3_660, description="Jours de grâce avant de retirer un titre ou un événement disparu de la source."
    )
    max_bytes: PositiveInt = Field(20_000_000, le=200_000_000, description="Taille maximale acceptée, en octets.")

    @model_validator(mode="after")
    def _coherent(self) -> "Source":
        if self.id in RESERVED_IDS:
            raise Invalid("source.reserved", at=("id",), id=self.id)
        problem = url_problem(self.url)
        if problem is not None:
            raise Invalid("source.url", at=("url",), url=self.url, problem=problem)
        if self.kind in TITLE_KINDS:
            if self.resource is None or self.library is not None:
                raise Invalid("source.needs_resource", at=("kind",), kind=self.kind)
        else:
            if self.library is None or self.resource is not None:
                raise Invalid("source.needs_library", at=("kind",), kind=self.kind)
            if self.kind == "openagenda" and urlsplit(self.url).scheme.lower() not in ("http", "https"):
                raise Invalid("source.openagenda_url", at=("url",))
            if self.event_kind is not None and self.default_kind is not None:
                raise Invalid("source.old_event_kind", at=("event_kind",), kind=self.default_kind)
            return self
        if self.categories or self.default_kind:
            raise Invalid("source.agenda_only", at=("categories",) if self.categories else ("default_kind",),
                          kind=self.kind)
        return self

    @property
    def fallback_kind(self) -> str | None:
        """The kind of events whose categories map to none (None: they are not published)."""
        return self.default_kind or self.event_kind

    @property
    def target(self) -> str:
        """The resource or library this source feeds."""
        return self.resource or self.library or ""


class SourcesFile(Model):
    """data/sources.yml."""

    sources: list[Source] = Field(default_factory=list, description="Les sources moissonnées.")
