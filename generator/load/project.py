"""Read every source file of a project (I/O edge): YAML data and Markdown content."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import BibnumError, Location, Problem, ProjectNotFound
from ..gc_pause import paused_gc
from .harvest_store import HARVEST_DIR, REPORT, StoreError, read_store
from ..messages import say
from .engine_config import read_engine_config
from .images import image_files
from .markdown_body import Extensions
from .markdown_source import MarkdownDocument, load_markdown
from .parse_cache import ParseCache
from .yaml_source import YamlDocument, load_yaml

# What makes a folder a project: its data. mkdocs.yml, content/ and themes/ may be absent
# (the engine's base and the shared look ship in the package).
REQUIRED = ("data",)
AUDIT_FILE = "audit/accessibility.json"  # under data/

# Editors' files are a few kilobytes; a bound keeps a mistaken or hostile file from taking
# minutes and gigabytes to parse. Harvest results, written by bibnum itself, have none.
SIZE_VARIABLE = "BIBNUM_MAX_FILE_SIZE"
DEFAULT_MAX_FILE_SIZE = 1_000_000
_SIZE = re.compile(r"(?i)\s*([0-9]+)\s*(k|ko|kb|m|mo|mb)?\s*")
_UNITS = {None: 1, "k": 1_000, "ko": 1_000, "kb": 1_000, "m": 1_000_000, "mo": 1_000_000, "mb": 1_000_000}


@dataclass
class Sources:
    """Everything an editor wrote, parsed but not yet validated."""

    root: Path
    sites: YamlDocument | None = None
    taxonomy: YamlDocument | None = None
    groups: YamlDocument | None = None
    authors: YamlDocument | None = None
    resources: list[YamlDocument] = field(default_factory=list)
    libraries: list[YamlDocument] = field(default_factory=list)
    events: list[YamlDocument] = field(default_factory=list)
    # data/usage/<resource id>.yml, written by `bibnum usage import`.
    usage: list[YamlDocument] = field(default_factory=list)
    public_pages: list[MarkdownDocument] = field(default_factory=list)
    pro_pages: list[MarkdownDocument] = field(default_factory=list)
    posts: list[MarkdownDocument] = field(default_factory=list)
    news: list[MarkdownDocument] = field(default_factory=list)
    # data/sources.yml and the harvest results (data/harvest/<source-id>.json: source id -> (file, data)).
    harvest_sources: YamlDocument | None = None
    harvest: dict[str, tuple[str, dict]] = field(default_factory=dict)
    # data/audit/accessibility.json, written by the browser tests (JSON is YAML: read with positions).
    audit: YamlDocument | None = None
    problems: list[Problem] = field(default_factory=list)
    # Ids (file stems) of every data file found, even those that failed to parse.
    found_ids: dict[str, set[str]] = field(default_factory=dict)
    # content/images/: every file found, by its name there (a refused one too: its problem is told once).
    images: frozenset[str] = frozenset()


def max_file_size(setting: str | None) -> int:
    """The largest data or content file accepted, in bytes, from BIBNUM_MAX_FILE_SIZE's value."""
    if setting is None or not setting.strip():
        return DEFAULT_MAX_FILE_SIZE
    match = _SIZE.fullmatch(setting)
    if match is None or int(match[1]) == 0:
        raise BibnumError(say("load.size_setting", variable=SIZE_VARIABLE, setting=repr(setting),
                              default=_size(DEFAULT_MAX_FILE_SIZE)))
    return int(match[1]) * _UNITS[match[2].lower() if match[2] else None]


def _size(count: int) -> str:
    if count >= 1_000_000:
        return say("load.megabytes", size=f"{count / 1_000_000:.1f}".replace(".", ","))
    if count >= 1_000:
        return say("load.kilobytes", size=f"{count / 1_000:.1f}".replace(".", ","))
    return say("load.bytes", size=count)


def find_project(path: Path) -> Path:
    root = path.resolve()
    if not all((root / name).is_dir() for name in REQUIRED):
        raise ProjectNotFound(root)
    return root


def load_project(root: Path, cache: ParseCache | None = None) -> Sources:
    root = find_project(root)
    sources = Sources(root)
    limit = max_file_size(os.environ.get(SIZE_VARIABLE))
    extensions = markdown_extensions(read_engine_config(root).settings)
    data, content = root / "data", root / "content"

    def yaml_file(path: Path, *, required: bool) -> YamlDocument | None:
        if cache is None or not path.is_file():
            return _yaml(root, path, sources.problems, required=required, limit=limit)
        return cache.parsed(path, sources.problems,
                            lambda found: _yaml(root, path, found, required=required, limit=limit), depends_on=limit)

    def markdown_file(path: Path) -> MarkdownDocument | None:
        if cache is None:
            return _markdown(root, path, sources.problems, limit, extensions)
        return cache.parsed(path, sources.problems, lambda found: _markdown(root, path, found, limit, extensions),
                            depends_on=(extensions, limit))

    sources.sites = yaml_file(data / "sites.yml", required=True)
    sources.taxonomy = yaml_file(data / "taxonomy.yml", required=True)
    sources.groups = yaml_file(data / "groups.yml", required=False)
    sources.authors = yaml_file(data / "authors.yml", required=False)
    sources.harvest_sources = yaml_file(data / "sources.yml", required=False)
    _harvest(root, sources, cache)
    sources.audit = yaml_file(data / AUDIT_FILE, required=False)
    for name in ("resources", "libraries", "events", "usage"):
        paths = _files(data / name, "*.yml", "*.yaml")
        sources.found_ids[name] = {p.stem for p in paths}
        docs = [yaml_file(p, required=True) for p in paths]
        setattr(sources, name, [d for d in docs if d is not None])
    for name, folder in (
        ("public_pages", content / "public"),
        ("pro_pages", content / "pro"),
        ("posts", content / "blog" / "posts"),
        ("news", content / "news"),
    ):
        docs = [markdown_file(p) for p in _files(folder, "*.md")]
        setattr(sources, name, [d for d in docs if d is not None])
    images = image_files(root)
    sources.images = images.names
    sources.problems.extend(images.refused.values())
    return sources


def relative(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def _files(folder: Path, *patterns: str) -> list[Path]:
    if not folder.is_dir():
        return []
    found = {p for pattern in patterns for p in folder.rglob(pattern) if p.is_file()}
    return sorted(p for p in found if not any(part.startswith(".") for part in p.relative_to(folder).parts))


def _read(root: Path, path: Path, problems: list[Problem], limit: int) -> str | None:
    size = path.stat().st_size
    if size > limit:
        problems.append(Problem(Location(relative(root, path), 1, 1), say(
            "load.too_big", size=_size(size), limit=_size(limit), variable=SIZE_VARIABLE)))
        return None
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        problems.append(
            Problem(Location(relative(root, path), 1, 1), say("load.not_utf8", position=exc.start))
        )
        return None


def _yaml(root: Path, path: Path, problems: list[Problem], *, required: bool, limit: int) -> YamlDocument | None:
    rel = relative(root, path)
    if not path.is_file():
        if required:
            problems.append(Problem(Location(rel, 1, 1), say("load.missing_file")))
        return None
    text = _read(root, path, problems, limit)
    if text is None:
        return None
    doc, found = load_yaml(text, rel)
    problems.extend(found)
    if doc is not None and not isinstance(doc.data, dict):
        problems.append(
            Problem(Location(rel, 1, 1), say("load.not_a_map", found=_found(doc.data)))
        )
        return None
    return doc


def _found(data: object) -> str:
    if data is None:
        return say("load.found.empty")
    return say("found.list") if isinstance(data, list) else say("load.found.one_value")


def _harvest(root: Path, sources: Sources, cache: ParseCache | None) -> None:
    """Machine-written harvest results: a corrupt file is one clear error naming it."""
    for path in _files(root / HARVEST_DIR, "*.json"):
        if path.name == REPORT or path.parent != root / HARVEST_DIR:
            continue
        read = (lambda found, path=path: _store(root, path, found))
        store = read(sources.problems) if cache is None else cache.parsed(path, sources.problems, read)
        if store is not None:
            sources.harvest[path.stem] = (relative(root, path), store)


def _store(root: Path, path: Path, problems: list[Problem]) -> dict | None:
    try:
        with paused_gc():
            return read_store(path)
    except StoreError as exc:
        problems.append(Problem(Location(relative(root, path), 1, 1),
                                say("load.harvest_unreadable", why=exc, source=path.stem)))
        return None


def markdown_extensions(settings: dict) -> Extensions:
    """The engine's Markdown extensions as (name, options): bodies are checked as the engine renders them."""
    found = []
    for entry in settings.get("markdown_extensions") or ():
        if isinstance(entry, str):
            found.append((entry, None))
        elif isinstance(entry, dict) and len(entry) == 1:
            name, options = next(iter(entry.items()))
            found.append((str(name), options if isinstance(options, dict) else None))
    return tuple(found)


def _markdown(root: Path, path: Path, problems: list[Problem], limit: int,
              extensions: Extensions) -> MarkdownDocument | None:
    text = _read(root, path, problems, limit)
    if text is None:
        return None
    doc, found = load_markdown(text, relative(root, path), extensions)
    problems.extend(found)
    if doc is not None and not isinstance(doc.meta.data, dict):
        problems.append(Problem(Location(doc.file, 2, 1), say("load.front_matter_not_a_map",
                                                              found=_found(doc.meta.data))))
        return None
    return doc
