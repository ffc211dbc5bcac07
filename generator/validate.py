"""Turn parsed sources into the validated NetworkGraph, or report every problem at once."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import Location, Problem, ProjectInvalid
from .messages import say
from .reference_fields import VOCABULARIES
from .references import Checked, References
from .references.best_bets import best_bet_problems
from .schema_errors import problems_from
from .load.project import Sources
from .load.yaml_source import YamlDocument
from .models.content import AuthorsFile, PageMeta, PostMeta
from .models.event import Event
from .models.audit import AccessibilityAudit
from .models.graph import NetworkGraph, Page, Post
from .models.group import Group, GroupsFile
from .models.library import Library
from .models.resource import Resource
from .models.site import Network, Site, SitesFile
from .models.source import Source, SourcesFile
from .harvest.records import harvested
from .usage.check import declaration_problems, usage_files
from .render.markdown import markdown_images
from .urls import local_image
from .models.taxonomy import Taxonomy
from .view import paths

M = TypeVar("M", bound=BaseModel)


def validate(sources: Sources) -> NetworkGraph:
    """Validate everything in one pass; raise ProjectInvalid listing every problem found.

    A file that failed (to parse, or against its model) never stops the others: every
    file is validated, then cross-checked against whatever validated, and the ids a
    failed file declares (or may declare) count as known, so that its own errors do not
    cascade into "unknown id" errors everywhere else.
    """
    problems = list(sources.problems)
    failed = {problem.location.file for problem in problems}

    def unreadable(name: str) -> bool:
        """An optional file that exists but gave no data (its ids are unknown, not absent)."""
        return getattr(sources, name) is None and f"data/{name}.yml" in failed

    sites_file = _model(SitesFile, sources.sites, problems)
    tax = _model(Taxonomy, sources.taxonomy, problems)
    groups_file = _model(GroupsFile, sources.groups, problems) if sources.groups else GroupsFile(groups=[])
    authors_file = _model(AuthorsFile, sources.authors, problems) if sources.authors else AuthorsFile(authors={})

    docs: dict[tuple[str, str], YamlDocument] = {}
    resources = _by_stem(Resource, "resources", sources.resources, docs, problems)
    libraries = _by_stem(Library, "libraries", sources.libraries, docs, problems)
    events = _by_stem(Event, "events", sources.events, docs, problems)
    usage = usage_files(sources.usage, frozenset(sources.found_ids.get("resources", ())), problems)
    problems.extend(declaration_problems(resources, {stem: doc for (kind, stem), doc in docs.items()
                                                     if kind == "resources"}))
    problems.extend(best_bet_problems(resources, {stem: doc for (kind, stem), doc in docs.items()
                                                  if kind == "resources"}))
    pages = _pages(sources, problems)
    posts = _posts(sources, problems)
    problems.extend(_missing_images(sources))
    problems.extend(_field_images(sources))
    audit = _model(AccessibilityAudit, sources.audit, problems) if sources.audit else None
    declared = _harvest_sources(sources.harvest_sources, problems)
    harvest = harvested(declared, sources.harvest, {t.id: t for t in tax.event_kinds} if tax else {})
    problems.extend(Problem(Location(file, 1, 1), message) for file, message in harvest.problems)
    for event_id, harvested_event in harvest.events.items():
        events.setdefault(event_id, harvested_event)  # an editor's event of the same id wins

    checked = Checked(
        root=sources.root,
        network=sites_file.network if sites_file else _part(Network, _raw(sources.sites, "network")),
        site_rows=_rows(Site, sources.sites, "sites", sites_file.sites if sites_file else None),
        vocab=_vocabularies(sources.taxonomy, tax),
        resources=resources,
        libraries=libraries,
        events=events,
        group_rows=_rows(Group, sources.groups, "groups", groups_file.groups if groups_file else None),
        known_groups=None if unreadable("groups") else _known_ids(
            sources.groups, "groups", [g.id for g in groups_file.groups] if groups_file else None),
        known_authors=None if unreadable("authors") else _known_authors(sources.authors, authors_file),
        known_sites=_known_ids(sources.sites, "sites", [s.id for s in sites_file.sites] if sites_file else None),
        known_public_sites=_known_ids(
            sources.sites, "sites", [s.id for s in sites_file.sites if s.kind == "public"] if sites_file else None,
            unless_kind="pro"),
        known_files={kind: sources.found_ids.get(kind, set()) for kind in ("resources", "libraries", "events")},
        pages=tuple(pages),
        posts=tuple(posts),
        harvest_sources={src.id: src for src in declared},
    )
    References(checked, sources, docs, problems).check()
    _audited_sites(audit, sources.audit, checked.known_sites, problems)
    if problems or sites_file is None or tax is None or groups_file is None or authors_file is None:
        raise ProjectInvalid(problems)

    return NetworkGraph.create(
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
        engine=sites_file.engine,
        editing=sites_file.editing,
        usage=dict(sorted(usage.items())),
    )


# --- what a failed file still tells the cross-checks ---------------------------------------------


def _raw(doc: YamlDocument | None, key: str) -> Any:
    return doc.data.get(key) if doc is not None and isinstance(doc.data, dict) else None


def _part(cls: type[M], data: Any) -> M | None:
    """`data` as `cls`, or None; its errors are already reported by the whole file's validation."""
    try:
        return cls.model_validate(data) if data is not None else None
    except (ValidationError, TypeError):
        return None


def _rows(cls: type[M], doc: YamlDocument | None, key: str, valid: list[M] | None) -> tuple[tuple[int, M], ...]:
    """The valid items of a file's list, each with its index in the file (for positions)."""
    if valid is not None:
        return tuple(enumerate(valid))
    items = _raw(doc, key)
    parts = ((index, _part(cls, item)) for index, item in enumerate(items if isinstance(items, list) else []))
    return tuple((index, item) for index, item in parts if item is not None)


def _known_ids(doc: YamlDocument | None, key: str, valid: list[str] | None,
               unless_kind: str | None = None) -> frozenset[str] | None:
    """Ids a reference may name: the valid ones, or every id the failed file writes; None (any id)
    when the file gave no list to read. An item whose `kind` is not `unless_kind` counts."""
    if valid is not None:
        return frozenset(valid)
    items = _raw(doc, key)
    if not isinstance(items, list):
        return None
    return frozenset(
        str(item["id"]) for item in items
        if isinstance(item, dict) and "id" in item and (unless_kind is None or item.get("kind") != unless_kind)
    )


def _known_authors(doc: YamlDocument | None, valid: AuthorsFile | None) -> frozenset[str] | None:
    if valid is not None:
        return frozenset(valid.authors)
    authors = _raw(doc, "authors")
    return frozenset(str(k) for k in authors) if isinstance(authors, dict) else None


def _vocabularies(doc: YamlDocument | None, tax: Taxonomy | None) -> dict[str, frozenset[str] | None]:
    """Each vocabulary's ids; when taxonomy.yml failed, the ids it writes (None: any id)."""
    if tax is not None:
        vocab: dict[str, frozenset[str] | None] = {
            name: frozenset(t.id for t in getattr(tax, name)) for name in VOCABULARIES
        }
        vocab["blog_categories"] = frozenset(tax.blog_categories)
        return vocab
    vocab = {}
    for name in (*VOCABULARIES, "blog_categories"):
        items = _raw(doc, name)
        if not isinstance(items, list):
            vocab[name] = None
        elif name == "blog_categories":
            vocab[name] = frozenset(str(item) for item in items if isinstance(item, (str, int)))
        else:
            vocab[name] = frozenset(str(item["id"]) for item in items if isinstance(item, dict) and "id" in item)
    return vocab


def _audited_sites(audit: AccessibilityAudit | None, doc: YamlDocument | None, known: frozenset[str] | None,
                   problems: list[Problem]) -> None:
    """The accessibility audit only speaks of sites that exist."""
    for site_id in audit.sites if audit and doc and known is not None else ():
        if site_id not in known:
            problems.append(Problem(doc.locate(("sites", site_id)),
                                    f"sites : {say('audit.unknown_site', id=site_id)}"))


# --- per-document validation ---------------------------------------------------------------


def _model(cls: type[M], doc: YamlDocument | None, problems: list[Problem], extra: dict | None = None) -> M | None:
    if doc is None:
        return None
    data = dict(doc.data or {})
    if extra:
        for key in extra:
            if key in data:
                problems.append(Problem(doc.locate((key,)), say("file.id_from_name", key=key)))
                return None
        data.update(extra)
    try:
        return cls.model_validate(data)
    except ValidationError as exc:
        # Keys given from outside the file (the id from its name) are never suggested to write.
        problems.extend(problems_from(exc, doc, cls, hidden=frozenset(extra or ())))
        return None


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
            problems.append(Problem(Location(doc.file, 1, 1),
                                    say("file.duplicate_stem", id=stem, other=docs[(kind, stem)].file)))
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


def _missing_images(sources: Sources) -> list[Problem]:
    """An image a page, post or news item shows that content/images/ does not hold."""
    return [Problem(image.location, say("body.image_missing", value=image.written, name=image.name,
                                        example=image.name.rsplit("/", 1)[-1]))
            for documents in (sources.public_pages, sources.pro_pages, sources.posts, sources.news)
            for doc in documents for image in doc.images if image.name not in sources.images]


def _field_images(sources: Sources) -> list[Problem]:
    """The images of the Markdown fields (descriptions), as a body's: of content/images/, present, described."""
    fields: list[tuple[YamlDocument, tuple]] = [
        (doc, ("description",)) for doc in (*sources.resources, *sources.events)]
    groups = _raw(sources.groups, "groups")
    fields += [(sources.groups, ("groups", index, "description")) for index in range(len(groups))] \
        if isinstance(groups, list) else []
    problems = []
    for doc, key in fields:
        text: Any = doc.data
        for part in key:
            text = text.get(part) if isinstance(text, dict) else text[part] if isinstance(text, list) else None
        if not isinstance(text, str) or "![" not in text:
            continue  # no image can render: most fields, left unrendered
        for src, alt in markdown_images(text):
            name = local_image(src)
            if name is None:
                message = say("body.image_src", value=src)
            elif name not in sources.images:
                message = say("body.image_missing", value=src, name=name, example=name.rsplit("/", 1)[-1])
            elif not alt.strip():
                message = say("body.image_alt", value=src)
            else:
                continue
            problems.append(Problem(doc.locate(key), message))
    return problems


def _pages(sources: Sources, problems: list[Problem]) -> list[Page]:
    pages: list[Page] = []
    for scope, documents in (("public", sources.public_pages), ("pro", sources.pro_pages)):
        for doc in documents:
            meta = _model(PageMeta, doc.meta, problems)
            page_id = PurePosixPath(doc.file).stem
            if paths.page(page_id) in paths.GENERATED_INDEXES:  # it would silently replace bibnum's page
                url = paths.url_of(paths.page(page_id))
                problems.append(Problem(Location(doc.file, 1, 1), say(
                    "file.page_reserved" if url else "file.page_home", id=page_id, url=url)))
            elif meta is not None:
                pages.append(Page(page_id, scope, meta, doc.body, doc.file))
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
                problems.append(Problem(doc.meta.locate(("slug",)),
                                        say("file.duplicate_slug", id=post_id, other=seen[(kind, post_id)])))
                continue
            seen[(kind, post_id)] = doc.file
            posts.append(Post(post_id, kind, meta, doc.body, doc.file))
    return posts
