"""Turn parsed sources into the validated NetworkGraph, or report every problem at once."""

from __future__ import annotations

import difflib
from pathlib import PurePosixPath
from typing import Any, Iterable, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import Location, Problem, ProjectInvalid
from .references import References
from .load.project import Sources
from .load.yaml_source import YamlDocument
from .models import content, event, group, library, login, resource, site, source, taxonomy
from .models.content import AuthorsFile, PageMeta, PostMeta
from .models.event import Event
from .models.audit import AccessibilityAudit
from .models.graph import NetworkGraph, Page, Post
from .models.group import GroupsFile
from .models.library import Library
from .models.resource import Resource
from .models.site import SitesFile
from .models.source import Source, SourcesFile
from .harvest.records import harvested
from .models.taxonomy import Taxonomy

M = TypeVar("M", bound=BaseModel)

_KNOWN_KEYS = sorted(
    {
        name
        for module in (content, event, group, library, login, resource, site, source, taxonomy)
        for obj in vars(module).values()
        if isinstance(obj, type) and issubclass(obj, BaseModel)
        for name in obj.model_fields
    }
)


def validate(sources: Sources) -> NetworkGraph:
    """Validate everything; raise ProjectInvalid listing every problem found."""
    problems = list(sources.problems)
    sites_file = _model(SitesFile, sources.sites, problems)
    tax = _model(Taxonomy, sources.taxonomy, problems)
    groups_file = _model(GroupsFile, sources.groups, problems) if sources.groups else GroupsFile(groups=[])
    authors_file = _model(AuthorsFile, sources.authors, problems) if sources.authors else AuthorsFile(authors={})

    docs: dict[tuple[str, str], YamlDocument] = {}
    resources = _by_stem(Resource, "resources", sources.resources, docs, problems)
    libraries = _by_stem(Library, "libraries", sources.libraries, docs, problems)
    events = _by_stem(Event, "events", sources.events, docs, problems)
    pages = _pages(sources, problems)
    posts = _posts(sources, problems)
    audit = _model(AccessibilityAudit, sources.audit, problems) if sources.audit else None
    declared = _harvest_sources(sources.harvest_sources, problems)
    harvest = harvested(declared, sources.harvest, {t.id: t for t in tax.event_kinds} if tax else {})
    problems.extend(Problem(Location(file, 1, 1), message) for file, message in harvest.problems)
    for event_id, harvested_event in harvest.events.items():
        events.setdefault(event_id, harvested_event)  # an editor's event of the same id wins

    if sites_file is None or tax is None or groups_file is None or authors_file is None:
        raise ProjectInvalid(problems)

    graph = NetworkGraph.create(
        root=sources.root,
        network=sites_file.network,
        sites=tuple(sites_file.sites),
        taxonomy=tax,
        resources=dict(sorted(resources.items())),
        libraries=dict(sorted(libraries.items())),
        events=dict(sorted(events.items(), key=lambda kv: (kv[1].start, kv[0]))),
        groups={g.id: g for g in groups_file.groups},
        authors=dict(authors_file.authors),
        pages=tuple(pages),
        posts=tuple(sorted(posts, key=lambda p: (str(p.meta.date), p.id), reverse=True)),
        sources={key: doc.file for key, doc in docs.items()},
        titles=harvest.titles,
        harvest_sources={src.id: src for src in declared},
        audit=audit,
    )
    References(graph, sources, docs, problems).check()
    _audited_sites(audit, sources.audit, {s.id for s in graph.sites}, problems)
    if problems:
        raise ProjectInvalid(problems)
    return graph


def _audited_sites(audit: AccessibilityAudit | None, doc: YamlDocument | None, known: set[str],
                   problems: list[Problem]) -> None:
    """The accessibility audit only speaks of sites that exist."""
    for site_id in audit.sites if audit and doc else ():
        if site_id not in known:
            problems.append(Problem(doc.locate(("sites", site_id)),
                                    f"sites: unknown site '{site_id}' (sites are declared in data/sites.yml); "
                                    "rerun the browser tests to rewrite this file"))


# --- per-document validation ---------------------------------------------------------------


def _model(cls: type[M], doc: YamlDocument | None, problems: list[Problem], extra: dict | None = None) -> M | None:
    if doc is None:
        return None
    data = dict(doc.data or {})
    if extra:
        for key in extra:
            if key in data:
                problems.append(
                    Problem(doc.locate((key,)), f"'{key}' is taken from the file name; remove this key")
                )
                return None
        data.update(extra)
    try:
        return cls.model_validate(data)
    except ValidationError as exc:
        problems.extend(_problems_from(exc, doc))
        return None


def _problems_from(exc: ValidationError, doc: YamlDocument) -> Iterable[Problem]:
    for err in exc.errors(include_url=False):
        path = _yaml_path(err["loc"], doc)
        key = ".".join(str(p) for p in path) or "(file)"
        yield Problem(doc.locate(path), f"{key}: {_explain(err)}")


def _yaml_path(loc: tuple[Any, ...], doc: YamlDocument) -> tuple[Any, ...]:
    """Drop pydantic's union-tag steps, which do not exist in the YAML."""
    path: tuple[Any, ...] = ()
    for index, step in enumerate(loc):
        candidate = path + (step,)
        if candidate in doc.positions or index == len(loc) - 1 or not isinstance(step, str):
            path = candidate
        elif isinstance(loc[index + 1], str) and path + (loc[index + 1],) in doc.positions:
            continue
        else:
            path = candidate
    return path


def _explain(err: dict[str, Any]) -> str:
    kind, msg = err["type"], err["msg"]
    if kind == "missing":
        return "this required key is missing; add it (see the editor's guide for what it holds)"
    if kind == "extra_forbidden":
        name = str(err["loc"][-1])
        close = difflib.get_close_matches(name, _KNOWN_KEYS, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else "; remove it or check its spelling"
        return f"unknown key '{name}'{hint}"
    if kind in ("value_error", "assertion_error"):
        return msg.removeprefix("Value error, ").removeprefix("Assertion failed, ")
    got = err.get("input")
    shown = repr(got) if not isinstance(got, (dict, list)) else type(got).__name__
    return f"{msg} (got {shown})"


def _by_stem(
    cls: type[M],
    kind: str,
    documents: list[YamlDocument],
    docs: dict[tuple[str, str], YamlDocument],
    problems: list[Problem],
) -> dict[str, M]:
    models: dict[str, M] = {}
    for doc in documents:
        stem = PurePosixPath(doc.file).stem
        if (kind, stem) in docs:
            problems.append(
                Problem(
                    Location(doc.file, 1, 1),
                    f"duplicate id '{stem}': {docs[(kind, stem)].file} has the same file name; rename one of them",
                )
            )
            continue
        docs[(kind, stem)] = doc
        model = _model(cls, doc, problems, extra={"id": stem})
        if model is not None:
            models[stem] = model
    return models


def _harvest_sources(doc: YamlDocument | None, problems: list[Problem]) -> list[Source]:
    """data/sources.yml; when some entries are invalid, the valid ones are still cross-checked."""
    if doc is None:
        return []
    whole = _model(SourcesFile, doc, problems)
    if whole is not None:
        return list(whole.sources)
    items = (doc.data or {}).get("sources")
    valid = []
    for item in items if isinstance(items, list) else []:
        try:
            valid.append(Source.model_validate(item))
        except (ValidationError, TypeError):
            continue
    return valid


def _pages(sources: Sources, problems: list[Problem]) -> list[Page]:
    pages: list[Page] = []
    for scope, documents in (("public", sources.public_pages), ("pro", sources.pro_pages)):
        for doc in documents:
            meta = _model(PageMeta, doc.meta, problems)
            if meta is not None:
                pages.append(Page(PurePosixPath(doc.file).stem, scope, meta, doc.body, doc.file))
    return pages


def _posts(sources: Sources, problems: list[Problem]) -> list[Post]:
    posts: list[Post] = []
    seen: dict[tuple[str, str], str] = {}
    for kind, documents in (("blog", sources.posts), ("news", sources.news)):
        for doc in documents:
            meta = _model(PostMeta, doc.meta, problems)
            if meta is None:
                continue
            post_id = meta.slug or PurePosixPath(doc.file).stem
            if (kind, post_id) in seen:
                problems.append(
                    Problem(doc.meta.locate(("slug",)), f"duplicate id '{post_id}' (also {seen[(kind, post_id)]}); "
                            "rename the file or set a different 'slug'")
                )
                continue
            seen[(kind, post_id)] = doc.file
            posts.append(Post(post_id, kind, meta, doc.body, doc.file))
    return posts
