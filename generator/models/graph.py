"""The validated network: one immutable graph every generator reads from."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Literal, Mapping

from .audit import AccessibilityAudit
from .content import Author, PageMeta, PostMeta
from .event import Event
from .group import Group
from .library import Library
from .resource import Resource
from .site import DEFAULT_ENGINE, Editing, Network, Site
from .source import Source
from .taxonomy import Taxonomy, Term
from .title import Title
from .usage import UsageFile


@dataclass(frozen=True)
class Page:
    """An editor's page (help, FAQ, reference documents)."""

    id: str
    scope: Literal["public", "pro"]
    meta: PageMeta
    body: str
    source: str


@dataclass(frozen=True)
class Post:
    """A staff blog post (`blog`) or a public news item (`news`)."""

    id: str
    kind: Literal["blog", "news"]
    meta: PostMeta
    body: str
    source: str


@dataclass(frozen=True)
class NetworkGraph:
    root: Path
    network: Network
    sites: tuple[Site, ...]
    taxonomy: Taxonomy
    resources: Mapping[str, Resource]
    libraries: Mapping[str, Library]
    events: Mapping[str, Event]
    groups: Mapping[str, Group]
    authors: Mapping[str, Author]
    pages: tuple[Page, ...]
    posts: tuple[Post, ...]
    sources: Mapping[tuple[str, str], str]  # (kind, id) -> source file, for messages and edit links
    # Harvested titles by resource id, newest first (empty until `bibnum harvest` has run).
    titles: Mapping[str, tuple[Title, ...]] = field(default_factory=lambda: MappingProxyType({}))
    # Harvested sources declared in data/sources.yml, by id (`bibnum harvest` reads them).
    harvest_sources: Mapping[str, Source] = field(default_factory=lambda: MappingProxyType({}))
    # The last accessibility audit (data/audit/accessibility.json), for the statements; None before the first.
    audit: AccessibilityAudit | None = None
    # The rendering engine named in data/sites.yml (generator/engines/).
    engine: str = DEFAULT_ENGINE
    # The web editor's repository and sign-in (data/sites.yml's `editing`); None: no admin/ page.
    editing: Editing | None = None
    # Usage statistics by resource id (data/usage/, written by `bibnum usage import`).
    usage: Mapping[str, UsageFile] = field(default_factory=lambda: MappingProxyType({}))

    @classmethod
    def create(cls, **parts: object) -> "NetworkGraph":
        frozen = {
            key: MappingProxyType(dict(value)) if isinstance(value, dict) else value
            for key, value in parts.items()
        }
        return cls(**frozen)  # type: ignore[arg-type]

    def site(self, site_id: str) -> Site:
        return next(s for s in self.sites if s.id == site_id)

    def at_base_url(self, base_url: str) -> "NetworkGraph":
        """The same network with every site at BASE_URL<site-id>/ (a pull request's preview): every
        address written from a site's `url` (pages, feeds, calendars, API, link check) then says so."""
        return replace(self, sites=tuple(s.model_copy(update={"url": f"{base_url}{s.id}/"}) for s in self.sites))

    def vocabulary(self, name: str) -> Mapping[str, Term]:
        """A vocabulary of taxonomy.yml as id -> term (built once per call site)."""
        return {t.id: t for t in getattr(self.taxonomy, name)}
