"""Point a broken link back at the editor's file that wrote it, so CI annotates the right line."""

from __future__ import annotations

from pathlib import Path

from ..errors import Location, Problem
from ..messages import say
from ..models.graph import NetworkGraph
from ..models.site import Site
from ..view import paths
from ..view.paths import post_url
from .check import LinkProblem


def page_sources(graph: NetworkGraph, site: Site) -> dict[str, str]:
    """Built page path -> the source file (relative to the project) an editor wrote it from."""
    def page_of(doc_path: str) -> str:
        return paths.url_of(doc_path) + "index.html"

    found: dict[str, str] = {}
    kinds = (("resources", paths.resource), ("libraries", paths.library), ("events", paths.event))
    for (kind, ident), source in graph.sources.items():
        for name, doc_path in kinds:
            if kind == name:
                found[page_of(doc_path(ident))] = source
    for page in graph.pages:
        if page.scope == site.kind:
            found[page_of(paths.page(page.id))] = page.source
    for post in graph.posts:
        if (post.kind == "news") == (site.kind == "public"):
            found[post_url(post) + "index.html"] = post.source
    return found


def locate(problem: LinkProblem, label: str, sources: dict[str, str], root: Path) -> Problem:
    """The problem at the line of the editor's source that holds the link, when one does."""
    source = sources.get(problem.page)
    if source is None or not problem.url:
        return problem.problem(label)
    try:
        lines = (root / source).read_text(encoding="utf-8").splitlines()
    except OSError:
        return problem.problem(label)
    for number, text in enumerate(lines, start=1):
        column = text.find(problem.url)
        if column >= 0:
            return Problem(Location(source, number, column + 1),
                           say("links.in_page", message=problem.message, page=f"{label}/{problem.page}"))
    return problem.problem(label)
