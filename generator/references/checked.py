"""What validated, handed to the cross-reference checks."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..models.event import Event
from ..models.graph import Page, Post
from ..models.group import Group
from ..models.library import Library
from ..models.resource import Resource
from ..models.site import Network, Site
from ..models.source import Source

Known = frozenset[str] | None  # ids a reference may name; None: any (the file declaring them is unreadable)


@dataclass(frozen=True)
class Checked:
    """What validated, for the cross-checks; every part may be partial when a file failed."""

    root: Path
    network: Network | None
    site_rows: tuple[tuple[int, Site], ...]  # valid sites, with their index in data/sites.yml
    vocab: Mapping[str, Known]  # each vocabulary of taxonomy.yml, and blog_categories
    resources: Mapping[str, Resource]
    libraries: Mapping[str, Library]
    events: Mapping[str, Event]
    group_rows: tuple[tuple[int, Group], ...]  # valid groups, with their index in data/groups.yml
    known_groups: Known
    known_authors: Known
    known_sites: Known
    known_public_sites: Known
    known_files: Mapping[str, set[str]]  # ids (file names) of every resource, library and event file
    pages: tuple[Page, ...]
    posts: tuple[Post, ...]
    harvest_sources: Mapping[str, Source]

    @property
    def sites(self) -> tuple[Site, ...]:
        return tuple(site for _index, site in self.site_rows)
