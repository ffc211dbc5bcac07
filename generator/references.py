"""Cross-reference checks: every id an editor wrote points at something that exists,
and every access link of every resource on every site can be computed.

They run on whatever validated, even when some files failed: a failed file's ids
count as known (or, when it could not be read at all, every id does), so that its
own errors are reported once and never cascade into "unknown id" errors elsewhere.
A file that failed its schema still has the references it holds checked, as written
(generator/reference_fields.py), so that they are told in the same run.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from .access import AccessLinkError, access_link, check_own_addresses, check_url
from .errors import Location, Problem
from .load.markdown_source import MarkdownDocument
from .load.project import Sources
from .load.yaml_source import YamlDocument
from .messages import say, unknown_id
from .models.event import Event
from .models.graph import Page, Post
from .models.group import Group
from .models.library import Library
from .models.network_facts import Town, Towns, town_key, town_slug
from .models.resource import Resource
from .models.site import Network, Site
from .models.source import Source
from .probe import is_dir, is_file, links_out, stays_in
from .reference_fields import AUTHORS, FIELDS, ID_TARGETS, TAXONOMY_TARGETS
from .schema_errors import label
Known = frozenset[str] | None  # ids a reference may name; None: any (the file declaring them is unreadable)

# The addresses each kind of file writes, checked on its valid model and, when the file failed its
# schema, as written (the schema does not judge them: it cannot have told them already). A valid
# resource's target is judged per portal (_access); a failed one's whatever its portals allow of http.
ADDRESSES: dict[str, tuple[tuple[str, ...], ...]] = {
    "libraries": (("website",), ("login", "base")),
    "events": (("registration_url",), ("online_url",)),
    "resources": (("access", "target"),),
}


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


class References:
    """Checks that every id an editor wrote points at something that exists."""

    def __init__(self, checked: Checked, sources: Sources, docs: dict, problems: list[Problem]):
        self.graph, self.sources, self.docs, self.problems = checked, sources, docs, problems
        self.vocab = checked.vocab
        # Ids of files that exist but failed validation count as known: their own
        # errors are already reported, and should not cascade into every reference.
        self.known = checked.known_files
        self.site_ids = checked.known_sites
        self.public_ids = checked.known_public_sites
        towns = checked.network.towns if checked.network else _towns_as_written(sources.sites)
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
        if self.sources.groups is not None:
            doc, valid = self.sources.groups, dict(self.graph.group_rows)
            for index, item in enumerate(_raw_items(doc, "groups")):
                if index in valid:
                    self._fields(doc, "groups", valid[index], at=("groups", index))
                else:
                    self._as_written(doc, "groups", item, at=("groups", index))
            self._unique(doc, "groups", _raw_ids(doc, "groups"))
        self._content()
        self._harvest_sources()

    # helpers -------------------------------------------------------------------------------
    def _add(self, location: Location, message: str) -> None:
        self.problems.append(Problem(location, message))

    def _fields(self, doc: YamlDocument, kind: str, source: Any, at: tuple = ()) -> None:
        """Check every reference of generator/reference_fields.py's table that a `kind` of file (or of
        a list's item, at `at` in its file) holds."""
        for field in FIELDS[kind]:
            for path, values in field.found(source):
                path = at + path
                if field.target == AUTHORS:
                    self._authors(doc, path, values)
                elif field.target in TAXONOMY_TARGETS:
                    self._in(doc, path, values, field.target)
                else:
                    what, where = ID_TARGETS[field.target]
                    self._ids(doc, path, values, self._known_ids[field.target], what, where)

    def _as_written(self, doc: YamlDocument, kind: str, data: Any, at: tuple = ()) -> None:
        """The references of a file (or a list's item) that failed its schema, as written: told in the
        same run as its schema errors. A value the schema already refused at the same place is not told twice."""
        refused = {problem.location for problem in self.problems if problem.location.file == doc.file}
        start = len(self.problems)
        self._fields(doc, kind, data, at)
        self.problems[start:] = [p for p in self.problems[start:] if p.location not in refused]

    def _authors(self, doc: YamlDocument, path: tuple, values: list[str]) -> None:
        authors = self.graph.known_authors
        for index, author in enumerate(values if authors is not None else ()):
            if author not in authors:
                close = difflib.get_close_matches(author, sorted(authors), n=1)
                at = path + (index,)
                self._add(doc.locate(at), self._say(doc, at, say(
                    "ref.unknown_author", id=author, close=say("ref.author_close", close=close[0]) if close else "")))

    def _in(self, doc: YamlDocument, path: tuple, values: list[str], vocab: str) -> None:
        self._ids(doc, path, values, self.vocab.get(vocab), TAXONOMY_TARGETS[vocab],
                  say("where.vocabulary", vocabulary=vocab))

    def _ids(self, doc: YamlDocument, path: tuple, values: list[str], known: Known, what: str, where: str) -> None:
        """Report each of `values` not in `known` (nothing when `known` is None: its file is unreadable).
        `what` names the kind of id (a key `what.<what>` of generator/messages.py)."""
        if known is None:
            return
        what = what.replace(" ", "_")
        for index, value in enumerate(values):
            if value not in known:
                at = path + (index,) if len(values) > 1 or (path + (0,)) in doc.positions else path
                close = difflib.get_close_matches(value, sorted(known), n=1)
                self._add(doc.locate(at), self._say(doc, at, unknown_id(what, value, known, where,
                                                                        close[0] if close else None)))

    def _say(self, doc: YamlDocument, path: tuple, message: str) -> str:
        """`message` after the place it is about: '2e groupe (id copil) › members : …'."""
        where = label(path, doc.data)
        return f"{where} : {message}" if where else message

    def _unique(self, doc: YamlDocument, key: str, ids: list[Any]) -> None:
        seen: set[Any] = set()
        for index, value in enumerate(ids):
            if value is None:
                continue
            if value in seen:
                path = (key, index, "id")
                self._add(doc.locate(path), self._say(doc, path, say("ref.duplicate", id=value)))
            seen.add(value)

    def _url(self, doc: YamlDocument, path: tuple, url: str | None, allow_http: bool = False) -> None:
        if url is None:
            return
        try:
            check_url(url, key=str(path[-1]), allow_http=allow_http)
        except AccessLinkError as exc:
            self._add(doc.locate(path), self._say(doc, path, str(exc)))

    def _addresses(self, doc: YamlDocument, kind: str, source: Any, allow_http: bool = False) -> None:
        """Check the addresses of ADDRESSES that a model, or a file's data as written, holds."""
        for path in ADDRESSES[kind]:
            url = _written(source, path)
            if isinstance(url, str):
                self._url(doc, path, url, allow_http)

    def _login(self, doc: YamlDocument, path: tuple, strategy: Any, allow_http: bool = False) -> None:
        base = getattr(strategy, "base", None)
        if base is not None:
            self._url(doc, path + ("base",), base, allow_http)

    def _sites(self) -> None:
        doc = self.sources.sites
        if doc is None:
            return
        self._unique(doc, "sites", _raw_ids(doc, "sites"))
        # The milestones' links as written: checked even when another key of the network failed.
        milestones = _raw(_raw(doc.data, "network"), "milestones")
        for index, milestone in enumerate(milestones if isinstance(milestones, list) else []):
            url = _raw(milestone, "url")
            if isinstance(url, str):
                self._url(doc, ("network", "milestones", index, "url"), url)
        valid = {index for index, _site in self.graph.site_rows}
        entries = _raw(doc.data, "sites")
        for index, entry in enumerate(entries if isinstance(entries, list) else []):
            if index not in valid:  # a site that failed its schema: its addresses as written
                for path in (("url",), ("login", "base")):
                    url = _written(entry, path)
                    if isinstance(url, str):
                        self._url(doc, ("sites", index, *path), url, _allows_http(entry))
        themes = self.graph.root / "themes"
        logos = {themes / st.look / st.logo for _index, st in self.graph.site_rows if st.logo}  # told at logo:
        for look in sorted({st.look for _index, st in self.graph.site_rows}):
            for path in links_out(themes / look):
                if path not in logos:
                    self._add(Location(path.relative_to(self.graph.root).as_posix(), 1, 1),
                              say("ref.look_link_outside", look=look))
        for index, st in self.graph.site_rows:
            self._url(doc, ("sites", index, "url"), st.url, st.allow_http)
            if not st.url.endswith("/"):
                path = ("sites", index, "url")
                self._add(doc.locate(path), self._say(doc, path, say("ref.site_url_slash", example=st.url + "/")))
            self._login(doc, ("sites", index, "login"), st.login, st.allow_http)
            if not is_dir(themes / st.look):
                path = ("sites", index, "look")
                self._add(doc.locate(path), self._say(doc, path, say("ref.no_look", look=st.look)))
            elif st.logo and not is_file(themes / st.look / st.logo):
                path = ("sites", index, "logo")
                self._add(doc.locate(path), self._say(doc, path, say("ref.no_logo", look=st.look, logo=st.logo)))
            elif st.logo and not stays_in(themes / st.look / st.logo, themes / st.look):
                path = ("sites", index, "logo")
                self._add(doc.locate(path), self._say(doc, path, say("ref.logo_outside", look=st.look,
                                                                     logo=st.logo)))

    def _town(self, doc: YamlDocument, lib) -> None:
        """A library's population is its town's: declared once in network.towns, or in the library file."""
        if self.towns is None:
            return  # data/sites.yml's network did not validate: its towns are unknown
        town = self.towns.get(town_key(lib.town))
        if town is None and self._town_slug_taken(doc, lib):
            return
        if town is None and lib.population is None:
            self._add(doc.locate(("town",)), self._say(doc, ("town",), say("ref.town_undeclared", town=lib.town)))
        elif town is None:
            # An undeclared town's population is given by its libraries' files: they must agree, or
            # the figures would pick one of them silently.
            first = self.undeclared_populations.setdefault(town_key(lib.town), lib)
            if first.population != lib.population:
                self._add(doc.locate(("population",)), self._say(doc, ("population",), say(
                    "ref.town_population_differs", here=lib.population, other=first.population, town=lib.town,
                    library=first.id)))
        elif town is not None and lib.population is not None and lib.population != town.population:
            self._add(doc.locate(("population",)), self._say(doc, ("population",), say(
                "ref.town_population", here=lib.population, declared=town.population, town=town.name)))

    def _town_slug_taken(self, doc: YamlDocument, lib: Library) -> bool:
        """An undeclared town written like another town but for accents, case or punctuation:
        both would have the same agenda page. True when told as a misspelt declared town."""
        slug = town_slug(lib.town)
        declared = self.town_slugs.get(slug)
        if declared is not None:
            self._add(doc.locate(("town",)), self._say(doc, ("town",), say(
                "ref.town_spelling", town=lib.town, declared=declared.name)))
            return True
        first = self.undeclared_slugs.setdefault(slug, lib)
        if town_key(first.town) != town_key(lib.town):
            self._add(doc.locate(("town",)), self._say(doc, ("town",), say(
                "ref.town_same_slug", town=lib.town, other=first.town, library=first.id, slug=slug)))
        return False

    def _access(self, res: Resource, doc: YamlDocument) -> None:
        shown_on = [s for s in self.graph.sites if s.kind == "public" and (res.sites is None or s.id in res.sites)]
        reported: set[str] = set()
        for st in shown_on:
            access = res.access.for_site(st.id)
            path = ("access", "sites", st.id) if st.id in res.access.sites else ("access",)
            logins = [(st.login, dict(st.fields), say("ref.who_site", id=st.id))]
            if st.library_logins:
                logins += [
                    (lib.login or st.login, {**st.fields, **lib.fields}, say("ref.who_library", id=lib.id))
                    for lib in self.graph.libraries.values()
                    if st.id in lib.sites
                ]
            for strategy, fields, who in logins:
                try:
                    access_link(access, strategy, fields, allow_http=st.allow_http)
                except AccessLinkError as exc:
                    key = exc.key
                    if key.startswith("fields."):
                        loc_path = path + ("template",)
                        message = self._say(doc, loc_path, say("ref.access_field", problem=exc, who=who))
                    else:
                        loc_path = path + tuple(key.split("."))
                        message = self._say(doc, loc_path, str(exc))
                    if message not in reported:
                        reported.add(message)
                        self._add(doc.locate(loc_path), message)
        # A portal whose entry in data/sites.yml failed may show the resource too: what the access
        # writes itself is checked now, not once that entry is fixed (one pass).
        for site_id, allow_http in self._invalid_public_sites(res):
            access = res.access.for_site(site_id) if site_id is not None else res.access
            path = ("access", "sites", site_id) if site_id in res.access.sites else ("access",)
            try:
                check_own_addresses(access, allow_http=allow_http)
            except AccessLinkError as exc:
                loc_path = path + tuple(exc.key.split("."))
                message = self._say(doc, loc_path, str(exc))
                if message not in reported:
                    reported.add(message)
                    self._add(doc.locate(loc_path), message)

    def _invalid_public_sites(self, res: Resource) -> list[tuple[str | None, bool]]:
        """(id, allow_http) of each site of data/sites.yml that failed its schema and may show `res`;
        an id that cannot be read stands for every site (None and each site the access names).
        Whether http is allowed is read as written; when it cannot be, http is not refused."""
        entries = _raw(self.sources.sites.data if self.sources.sites else None, "sites")
        if not isinstance(entries, list):
            entries = [None]  # the file or its list unreadable: its sites are unknown
        valid = {index for index, _site in self.graph.site_rows}
        found: list[tuple[str | None, bool]] = []
        for index, entry in enumerate(entries):
            if index in valid or _raw(entry, "kind") == "pro":
                continue
            site_id, allow_http = _raw(entry, "id"), _allows_http(entry)
            if not isinstance(site_id, str):
                found += [(None, allow_http)] + [(other, allow_http) for other in res.access.sites]
            elif res.sites is None or site_id in res.sites:
                found.append((site_id, allow_http))
        return found

    def _content(self) -> None:
        checked = {post.source for post in self.graph.posts} | {page.source for page in self.graph.pages}
        for kind, documents in (("blog", self.sources.posts), ("news", self.sources.news),
                                ("pages", self.sources.public_pages), ("pages", self.sources.pro_pages)):
            for doc in documents:
                if doc.file not in checked:
                    self._as_written(doc.meta, kind, doc.meta.data)
        for post in self.graph.posts:
            self._fields(self._markdown(post.source).meta, post.kind, post.meta)
        for page in self.graph.pages:
            self._fields(self._markdown(page.source).meta, "pages", page.meta)

    def _harvest_sources(self) -> None:
        doc = self.sources.harvest_sources
        if doc is None:
            return
        ids = _raw_ids(doc, "sources")
        self._unique(doc, "sources", ids)
        for index, item in enumerate(_raw_items(doc, "sources")):
            src = self.graph.harvest_sources.get(ids[index])
            if src is not None and ids.index(src.id) == index:
                self._fields(doc, "sources", src, at=("sources", index))
            else:
                self._as_written(doc, "sources", item, at=("sources", index))

    def _markdown(self, source: str) -> MarkdownDocument:
        for documents in (self.sources.posts, self.sources.news, self.sources.public_pages, self.sources.pro_pages):
            for doc in documents:
                if doc.file == source:
                    return doc
        raise KeyError(source)


def _written(source: Any, path: tuple[str, ...]) -> Any:
    """The value at `path` of a model or of a file's data as written (None where there is none)."""
    for key in path:
        if isinstance(source, dict):
            source = source.get(key)
        elif isinstance(source, BaseModel):
            source = getattr(source, key, None)
        else:
            return None
    return source


def _allows_http(entry: Any) -> bool:
    """Whether a site's entry that failed its schema allows http, as written; when that cannot be
    read, http is not refused (no error that fixing the entry would remove)."""
    allow_http = _raw(entry, "allow_http")
    if isinstance(allow_http, bool):
        return allow_http
    return not isinstance(entry, dict) or "allow_http" in entry


def _towns_as_written(doc: YamlDocument | None) -> list[Town] | None:
    """The network's towns when another key of its block failed, if they all validate; None
    otherwise (a library's town is then not judged: it may name a town that failed)."""
    network = _raw(doc.data if doc else None, "network")
    if not isinstance(network, dict):
        return None
    try:
        return _TOWNS.validate_python(network.get("towns", []))
    except ValidationError:
        return None


_TOWNS = TypeAdapter(Towns)


def _raw(data: Any, key: str) -> Any:
    """`data[key]` as written, or None when `data` is not a mapping."""
    return data.get(key) if isinstance(data, dict) else None


def _raw_items(doc: YamlDocument, key: str) -> list[Any]:
    """The items of a file's list as written."""
    items = doc.data.get(key) if isinstance(doc.data, dict) else None
    return items if isinstance(items, list) else []


def _raw_ids(doc: YamlDocument, key: str) -> list[Any]:
    """The `id` of each item of a file's list as written (None for an item without one)."""
    return [item.get("id") if isinstance(item, dict) else None for item in _raw_items(doc, key)]
