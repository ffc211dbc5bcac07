"""Cross-reference checks: every id an editor wrote points at something that exists,
and every access link of every resource on every site can be computed."""

from __future__ import annotations

import difflib
from typing import Any

from .access import AccessLinkError, access_link, check_url
from .errors import Location, Problem
from .load.markdown_source import MarkdownDocument
from .load.project import Sources
from .load.yaml_source import YamlDocument
from .models.graph import NetworkGraph
from .models.network_facts import town_key
from .models.resource import Resource


class References:
    """Checks that every id an editor wrote points at something that exists."""

    def __init__(self, graph: NetworkGraph, sources: Sources, docs: dict, problems: list[Problem]):
        self.graph, self.sources, self.docs, self.problems = graph, sources, docs, problems
        self.vocab = {
            name: {t.id for t in getattr(graph.taxonomy, name)}
            for name in ("categories", "audiences", "devices", "languages", "event_kinds", "event_series")
        }
        # Ids of files that exist but failed validation count as known: their own
        # errors are already reported, and should not cascade into every reference.
        self.known = {kind: sources.found_ids.get(kind, set()) for kind in ("resources", "libraries", "events")}
        self.site_ids = {s.id for s in graph.sites}
        self.public_ids = {s.id for s in graph.sites if s.kind == "public"}
        self.towns = {town_key(town.name): town for town in graph.network.towns}

    def check(self) -> None:
        self._sites()
        for res in self.graph.resources.values():
            doc = self.docs[("resources", res.id)]
            self._in(doc, ("category",), [res.category], "categories")
            self._in(doc, ("audiences",), res.audiences, "audiences")
            self._in(doc, ("devices",), res.devices, "devices")
            self._in(doc, ("languages",), res.languages, "languages")
            self._ids(doc, ("sites",), res.sites or [], self.public_ids, "public site", "data/sites.yml")
            self._ids(doc, ("access", "sites"), list(res.access.sites), self.site_ids, "site", "data/sites.yml")
            self._access(res, doc)
        for lib in self.graph.libraries.values():
            doc = self.docs[("libraries", lib.id)]
            self._ids(doc, ("sites",), lib.sites, self.public_ids, "public site", "data/sites.yml")
            self._url(doc, ("website",), lib.website)
            self._town(doc, lib)
            if lib.login is not None:
                self._login(doc, ("login",), lib.login)
        for ev in self.graph.events.values():
            if ("events", ev.id) not in self.docs:
                continue  # harvested: its source's library and kinds are checked in _harvest_sources
            doc = self.docs[("events", ev.id)]
            if ev.source is not None:
                self._add(doc.locate(("source",)), "source: set only by `bibnum harvest` on harvested events; remove it")
            self._in(doc, ("kind",), [ev.kind], "event_kinds")
            self._in(doc, ("series",), [ev.series] if ev.series else [], "event_series")
            self._in(doc, ("audiences",), ev.audiences, "audiences")
            self._ids(doc, ("library",), [ev.library] if ev.library else [], self.known["libraries"], "library", "data/libraries/")
            self._ids(doc, ("resources",), ev.resources, self.known["resources"], "resource", "data/resources/")
            self._ids(doc, ("group",), [ev.group] if ev.group else [], set(self.graph.groups), "group", "data/groups.yml")
            self._url(doc, ("registration_url",), ev.registration_url)
            self._url(doc, ("online_url",), ev.online_url)
        if self.sources.groups is not None:
            for index, grp in enumerate(self.graph.groups.values()):
                self._ids(self.sources.groups, ("groups", index, "members"), grp.members,
                          self.known["libraries"], "library", "data/libraries/")
                for number, person in enumerate(grp.people):
                    self._ids(self.sources.groups, ("groups", index, "people", number, "library"),
                              [person.library] if person.library else [], self.known["libraries"], "library",
                              "data/libraries/")
            self._unique(self.sources.groups, "groups", [g.id for g in self.graph.groups.values()])
        self._content()
        self._harvest_sources()

    # helpers -------------------------------------------------------------------------------
    def _add(self, location: Location, message: str) -> None:
        self.problems.append(Problem(location, message))

    _SINGULAR = {"categories": "category", "audiences": "audience", "devices": "device",
                 "languages": "language", "event_kinds": "event kind", "event_series": "event series"}

    def _in(self, doc: YamlDocument, path: tuple, values: list[str], vocab: str) -> None:
        self._ids(doc, path, values, self.vocab[vocab], self._SINGULAR[vocab], f"{vocab} in data/taxonomy.yml")

    def _ids(self, doc: YamlDocument, path: tuple, values: list[str], known: set[str], what: str, where: str) -> None:
        for index, value in enumerate(values):
            if value not in known:
                loc = doc.locate(path + (index,)) if len(values) > 1 or (path + (0,)) in doc.positions else doc.locate(path)
                close = difflib.get_close_matches(value, sorted(known), n=1)
                hint = f"did you mean '{close[0]}'? " if close else ""
                self._add(
                    loc,
                    f"{'.'.join(map(str, path))}: unknown {what} '{value}'; {hint}"
                    f"expected one of: {', '.join(sorted(known)) or '(none defined)'} (add it to {where})",
                )

    def _unique(self, doc: YamlDocument, key: str, ids: list[str]) -> None:
        seen: set[str] = set()
        for index, value in enumerate(ids):
            if value in seen:
                self._add(doc.locate((key, index, "id")), f"{key}: duplicate id '{value}'; each id must be unique")
            seen.add(value)

    def _url(self, doc: YamlDocument, path: tuple, url: str | None, allow_http: bool = False) -> None:
        if url is None:
            return
        try:
            check_url(url, key=str(path[-1]), allow_http=allow_http)
        except AccessLinkError as exc:
            self._add(doc.locate(path), f"{'.'.join(map(str, path))}: {exc}")

    def _login(self, doc: YamlDocument, path: tuple, strategy: Any, allow_http: bool = False) -> None:
        base = getattr(strategy, "base", None)
        if base is not None:
            self._url(doc, path + ("base",), base, allow_http)

    def _sites(self) -> None:
        doc = self.sources.sites
        if doc is None:
            return
        self._unique(doc, "sites", [s.id for s in self.graph.sites])
        for index, milestone in enumerate(self.graph.network.milestones):
            self._url(doc, ("network", "milestones", index, "url"), milestone.url)
        themes = self.graph.root / "themes"
        for index, st in enumerate(self.graph.sites):
            self._url(doc, ("sites", index, "url"), st.url, st.allow_http)
            if not st.url.endswith("/"):
                self._add(doc.locate(("sites", index, "url")), "url: end the site's address with '/'")
            self._login(doc, ("sites", index, "login"), st.login, st.allow_http)
            if not (themes / st.look).is_dir():
                self._add(doc.locate(("sites", index, "look")),
                          f"look: no folder themes/{st.look}/; create it or use an existing look")
            elif st.logo and not (themes / st.look / st.logo).is_file():
                self._add(doc.locate(("sites", index, "logo")),
                          f"logo: no file themes/{st.look}/{st.logo}; add it or fix the path")

    def _town(self, doc: YamlDocument, lib) -> None:
        """A library's population is its town's: declared once in network.towns, or in the library file."""
        town = self.towns.get(town_key(lib.town))
        if town is None and lib.population is None:
            self._add(doc.locate(("town",)),
                      f"town: la commune « {lib.town} » n'est pas déclarée dans `network.towns` de data/sites.yml "
                      "et cette bibliothèque n'a pas de `population` ; déclarez la commune (par ex. "
                      f"`- name: {lib.town}` puis `population: 12970`) ou ajoutez `population:` ici")
        elif town is not None and lib.population is not None and lib.population != town.population:
            self._add(doc.locate(("population",)),
                      f"population: {lib.population} habitants ici, mais {town.population} pour « {town.name} » "
                      "dans `network.towns` de data/sites.yml ; retirez `population` de ce fichier (le chiffre "
                      "déclaré pour la commune suffit) ou corrigez l'un des deux")

    def _access(self, res: Resource, doc: YamlDocument) -> None:
        shown_on = [s for s in self.graph.sites if s.kind == "public" and (res.sites is None or s.id in res.sites)]
        reported: set[str] = set()
        for st in shown_on:
            access = res.access.for_site(st.id)
            path = ("access", "sites", st.id) if st.id in res.access.sites else ("access",)
            logins = [(st.login, dict(st.fields), f"site '{st.id}'")]
            if st.library_logins:
                logins += [
                    (lib.login or st.login, {**st.fields, **lib.fields}, f"library '{lib.id}'")
                    for lib in self.graph.libraries.values()
                    if st.id in lib.sites
                ]
            for strategy, fields, who in logins:
                try:
                    access_link(access, strategy, fields, allow_http=st.allow_http)
                except AccessLinkError as exc:
                    key = exc.key
                    if key.startswith("fields."):
                        message = f"access.template: {exc} (for {who}: add it under 'fields:' in its data file)"
                        loc_path = path + ("template",)
                    else:
                        message = f"access.{key}: {exc}"
                        loc_path = path + (key,)
                    if message not in reported:
                        reported.add(message)
                        self._add(doc.locate(loc_path), message)

    def _content(self) -> None:
        for post in self.graph.posts:
            doc = self._markdown(post.source)
            if post.kind == "blog":
                for index, author in enumerate(post.meta.authors):
                    if author not in self.graph.authors:
                        self._add(doc.meta.locate(("authors", index)),
                                  f"authors: unknown author '{author}'; add them to data/authors.yml")
                allowed = set(self.graph.taxonomy.blog_categories)
                for index, cat in enumerate(post.meta.categories):
                    if cat not in allowed:
                        self._add(doc.meta.locate(("categories", index)),
                                  f"categories: unknown category '{cat}'; expected one of: {', '.join(sorted(allowed))} "
                                  "(blog_categories in data/taxonomy.yml)")
            self._ids(doc.meta, ("sites",), post.meta.sites or [], self.public_ids, "public site", "data/sites.yml")
        for page in self.graph.pages:
            doc = self._markdown(page.source)
            self._ids(doc.meta, ("sites",), page.meta.sites or [], self.site_ids, "site", "data/sites.yml")

    def _harvest_sources(self) -> None:
        doc = self.sources.harvest_sources
        if doc is None:
            return
        items = [item for item in (doc.data or {}).get("sources") or [] if isinstance(item, dict)]
        ids = [item.get("id") for item in items]
        self._unique(doc, "sources", ids)
        for src in self.graph.harvest_sources.values():
            path = ("sources", ids.index(src.id))
            self._ids(doc, path + ("resource",), [src.resource] if src.resource else [],
                      self.known["resources"], "resource", "data/resources/")
            self._ids(doc, path + ("library",), [src.library] if src.library else [],
                      self.known["libraries"], "library", "data/libraries/")
            for key in ("default_kind", "event_kind"):
                if getattr(src, key):
                    self._in(doc, path + (key,), [getattr(src, key)], "event_kinds")
            for category, kind in src.categories.items():
                self._in(doc, path + ("categories", category), [kind], "event_kinds")
            self._in(doc, path + ("audiences",), src.audiences, "audiences")

    def _markdown(self, source: str) -> MarkdownDocument:
        for documents in (self.sources.posts, self.sources.news, self.sources.public_pages, self.sources.pro_pages):
            for doc in documents:
                if doc.file == source:
                    return doc
        raise KeyError(source)
