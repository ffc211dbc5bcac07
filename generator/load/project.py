"""Read every source file of a project (I/O edge): YAML data and Markdown content."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Location, Problem, ProjectNotFound
from ..harvest.store import HARVEST_DIR, REPORT, StoreError, paused_gc, read_store
from .markdown_source import MarkdownDocument, load_markdown
from .yaml_source import YamlDocument, load_yaml

REQUIRED = ("mkdocs.yml", "data", "content", "themes")
AUDIT_FILE = "audit/accessibility.json"  # under data/


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


def find_project(path: Path) -> Path:
    root = path.resolve()
    if not all((root / name).exists() for name in REQUIRED):
        raise ProjectNotFound(root)
    return root


def load_project(root: Path) -> Sources:
    root = find_project(root)
    sources = Sources(root)
    data, content = root / "data", root / "content"
    sources.sites = _yaml(root, data / "sites.yml", sources, required=True)
    sources.taxonomy = _yaml(root, data / "taxonomy.yml", sources, required=True)
    sources.groups = _yaml(root, data / "groups.yml", sources, required=False)
    sources.authors = _yaml(root, data / "authors.yml", sources, required=False)
    sources.harvest_sources = _yaml(root, data / "sources.yml", sources, required=False)
    _harvest(root, sources)
    sources.audit = _yaml(root, data / AUDIT_FILE, sources, required=False)
    for name in ("resources", "libraries", "events"):
        paths = _files(data / name, "*.yml", "*.yaml")
        sources.found_ids[name] = {p.stem for p in paths}
        docs = [_yaml(root, p, sources, required=True) for p in paths]
        setattr(sources, name, [d for d in docs if d is not None])
    for name, folder in (
        ("public_pages", content / "public"),
        ("pro_pages", content / "pro"),
        ("posts", content / "blog" / "posts"),
        ("news", content / "news"),
    ):
        docs = [_markdown(root, p, sources) for p in _files(folder, "*.md")]
        setattr(sources, name, [d for d in docs if d is not None])
    return sources


def relative(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def _files(folder: Path, *patterns: str) -> list[Path]:
    if not folder.is_dir():
        return []
    found = {p for pattern in patterns for p in folder.rglob(pattern) if p.is_file()}
    return sorted(p for p in found if not any(part.startswith(".") for part in p.relative_to(folder).parts))


def _read(root: Path, path: Path, sources: Sources) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        sources.problems.append(
            Problem(Location(relative(root, path), 1, 1), f"not UTF-8 text ({exc.reason}); save the file as UTF-8")
        )
        return None


def _yaml(root: Path, path: Path, sources: Sources, *, required: bool) -> YamlDocument | None:
    rel = relative(root, path)
    if not path.is_file():
        if required:
            sources.problems.append(Problem(Location(rel, 1, 1), "file is missing; create it (see the editor's guide)"))
        return None
    text = _read(root, path, sources)
    if text is None:
        return None
    doc, problems = load_yaml(text, rel)
    sources.problems.extend(problems)
    if doc is not None and not isinstance(doc.data, dict):
        sources.problems.append(
            Problem(Location(rel, 1, 1), "expected a mapping of keys ('title: ...'), found "
                    f"{type(doc.data).__name__ if doc.data is not None else 'an empty file'}")
        )
        return None
    return doc


def _harvest(root: Path, sources: Sources) -> None:
    """Machine-written harvest results: a corrupt file is one clear error naming it."""
    for path in _files(root / HARVEST_DIR, "*.json"):
        if path.name == REPORT or path.parent != root / HARVEST_DIR:
            continue
        try:
            with paused_gc():
                sources.harvest[path.stem] = (relative(root, path), read_store(path))
        except StoreError as exc:
            sources.problems.append(Problem(
                Location(relative(root, path), 1, 1),
                f"harvest file {exc}; run `bibnum harvest --source {path.stem} --force` to rewrite it, or delete it"))


def _markdown(root: Path, path: Path, sources: Sources) -> MarkdownDocument | None:
    text = _read(root, path, sources)
    if text is None:
        return None
    doc, problems = load_markdown(text, relative(root, path))
    sources.problems.extend(problems)
    if doc is not None and not isinstance(doc.meta.data, dict):
        sources.problems.append(Problem(Location(doc.file, 2, 1), "front matter must be a mapping of keys"))
        return None
    return doc
