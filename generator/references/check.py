"""References: every cross-reference check of a project, run in one pass (each job's checks in its module)."""

from __future__ import annotations

from ..errors import Problem
from ..load.project import Sources
from ..messages import say
from ..models.library import Library
from ..models.network_facts import town_key, town_slug
from .checked import Checked, Known
from .content import ContentChecks
from .lists import ListChecks
from .sites import SiteChecks
from .towns import TownChecks, towns_as_written


class References(SiteChecks, TownChecks, ContentChecks, ListChecks):
    """Checks that every id an editor wrote points at something that exists."""

    def __init__(self, checked: Checked, sources: Sources, docs: dict, problems: list[Problem]):
        self.graph, self.sources, self.docs, self.problems = checked, sources, docs, problems
        self.vocab = checked.vocab
        # Ids of files that exist but failed validation count as known: their own
        # errors are already reported, and should not cascade into every reference.
        self.known = checked.known_files
        self.site_ids = checked.known_sites
        self.public_ids = checked.known_public_sites
        towns = checked.network.towns if checked.network else towns_as_written(sources.sites)
        self.towns = {town_key(town.name): town for town in towns} if towns is not None else None
        # A town's agenda page is named by its slug: no two towns may share one.
        self.town_slugs = {town_slug(town.name): town for town in towns or ()}
        self.undeclared_slugs: dict[str, Library] = {}  # the first library naming each undeclared town
        self.undeclared_populations: dict[str, Library] = {}  # the first giving an undeclared town's population
        # Each set of ids of generator/reference_fields.py's ID_TARGETS.
        self._known_ids: dict[str, Known] = {
            "sites": checked.known_sites, "public_sites": checked.known_public_sites,
            "libraries": checked.known_files["libraries"], "resources": checked.known_files["resources"],
            "groups": checked.known_groups,
        }

    def check(self) -> None:
        self._sites()
        for kind, models in (("resources", self.graph.resources), ("libraries", self.graph.libraries),
                             ("events", self.graph.events)):
            for (doc_kind, stem), doc in self.docs.items():
                if doc_kind == kind and stem not in models:
                    self._as_written(doc, kind, doc.data)
                    self._addresses(doc, kind, doc.data, allow_http=kind == "resources")
        for res in self.graph.resources.values():
            doc = self.docs[("resources", res.id)]
            self._fields(doc, "resources", res)
            self._access(res, doc)
        for lib in self.graph.libraries.values():
            doc = self.docs[("libraries", lib.id)]
            self._fields(doc, "libraries", lib)
            self._addresses(doc, "libraries", lib)
            self._town(doc, lib)
        for ev in self.graph.events.values():
            if ("events", ev.id) not in self.docs:
                continue  # harvested: its source's library and kinds are checked in _harvest_sources
            doc = self.docs[("events", ev.id)]
            if ev.source is not None:
                self._add(doc.locate(("source",)), f"source : {say('ref.harvest_only')}")
            self._fields(doc, "events", ev)
            self._addresses(doc, "events", ev)
        self._groups()
        self._content()
        self._harvest_sources()
