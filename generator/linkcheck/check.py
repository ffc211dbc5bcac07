"""Check every link of one built site (pure: works on what `tree.read_site` gathered, never on disk)."""

from __future__ import annotations

import posixpath
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from ..errors import Location, Problem
from ..messages import say
from ..urls import url_scheme
from .access_rules import PageAccess, check_access
from .parse import Link, PageFacts

# Links that name no document to check: written for the reader's own apps.
_NOT_DOCUMENTS = {"mailto", "tel", "sms", "geo"}
# Absolute addresses a page may link to (listed as external); any other scheme is refused.
_EXTERNAL = {"https", "http"}
# Elements that may embed a data: URL (an inline image); anywhere else it is a way to smuggle a page in.
_EMBEDS = {"img", "source", "image", "use", "link", "css", "video"}
# HTML scrolls to the top for these fragments even without an element of that id.
_BUILTIN_FRAGMENTS = {"", "top"}


@dataclass(frozen=True)
class SiteTree:
    """A built site as the checker sees it: every file, every parsed page and stylesheet."""

    files: frozenset[str]  # paths relative to the site folder, '/'-separated
    pages: Mapping[str, PageFacts]
    stylesheets: Mapping[str, tuple[Link, ...]] = field(default_factory=dict)

    def folders(self) -> frozenset[str]:
        return frozenset(posixpath.dirname(path) for path in self.files)


@dataclass(frozen=True)
class SiteRules:
    """What the checker must know about the site besides its files."""

    url: str = ""  # the site's public address ('https://host/path/'); its path roots the 404 page's links
    allow_http: bool = False
    access: Mapping[str, PageAccess] = field(default_factory=dict)  # page -> its expected access links
    # Material writes root-absolute links (from site_url) in its 404 page, which the server shows at any
    # depth; they are resolved against the site's path. Anywhere else such a link breaks under a sub-path.
    root_absolute_pages: frozenset[str] = frozenset({"404.html"})

    @property
    def base_path(self) -> str:
        return urlsplit(self.url).path or "/" if self.url else "/"


@dataclass(frozen=True)
class LinkProblem:
    """A broken link: the file (relative to the site folder) and position where it is written."""

    page: str
    line: int
    column: int
    url: str
    message: str

    def problem(self, label: str) -> Problem:
        """As an error of the CLI, located as LABEL/PAGE:LINE:COL."""
        return Problem(Location(f"{label}/{self.page}" if label else self.page, self.line, self.column), self.message)


@dataclass
class LinkReport:
    problems: list[LinkProblem] = field(default_factory=list)
    external: dict[str, list[str]] = field(default_factory=dict)  # URL -> pages that link to it
    pages: int = 0
    links: int = 0


def check_site(tree: SiteTree, rules: SiteRules) -> LinkReport:
    """Every problem of the site's links, and the external links it holds (listed, never fetched)."""
    report = LinkReport(pages=len(tree.pages))
    external: dict[str, set[str]] = defaultdict(set)
    folders = tree.folders()
    for page, facts in sorted(tree.pages.items()):
        for link in facts.links:
            report.links += 1
            message = _check(page, link, tree, folders, rules, external)
            if message:
                report.problems.append(LinkProblem(page, link.line, link.column, link.url, message))
        for line, column, url, message in check_access(facts.access, rules.access.get(page),
                                                       allow_http=rules.allow_http):
            report.problems.append(LinkProblem(page, line, column, url, message))
    for sheet, links in sorted(tree.stylesheets.items()):
        for link in links:
            report.links += 1
            message = _check(sheet, link, tree, folders, rules, external)
            if message:
                report.problems.append(LinkProblem(sheet, link.line, link.column, link.url, message))
    report.external = {url: sorted(pages) for url, pages in sorted(external.items())}
    return report


def _check(page: str, link: Link, tree: SiteTree, folders: frozenset[str], rules: SiteRules,
           external: dict[str, set[str]]) -> str | None:
    """Why `link` (written in `page`) is broken, or None when it resolves or is external."""
    url = link.url
    what = say("links.what.link" if link.element in ("a", "area", "form") else "links.what.asset")
    name = url_scheme(url)  # as a browser reads it: " java\tscript:" is javascript
    if name is not None:
        if name == "data":
            return None if link.element in _EMBEDS else say("links.data", what=what)
        if name in _NOT_DOCUMENTS:
            return None
        if name not in _EXTERNAL:
            return say("links.scheme", what=what, url=url[:60], scheme=name)
        # An absolute address is external even on the site's own host: that host may serve more
        # than this build (documents, a form service, the town portal around a sub-path).
        external[url].add(page)
        return None
    if url.startswith("//"):
        external[url].add(page)
        return None
    if url.startswith("/"):
        if page not in rules.root_absolute_pages:
            return say("links.root_absolute", what=what, url=url)
        base = rules.base_path
        if not url.startswith(base):
            return say("links.outside_base", what=what, url=url, base=base)
        # Static hosts read '//' as '/' (the 404 page's links are site_url's path + a path that may start with '/').
        return _resolve(page, link, url[len(base):].lstrip("/"), "", tree, folders)
    return _resolve(page, link, url, posixpath.dirname(page), tree, folders)


def _resolve(page: str, link: Link, url: str, start: str, tree: SiteTree, folders: frozenset[str]) -> str | None:
    is_link = link.element in ("a", "area", "form")
    what = say("links.what.link" if is_link else "links.what.asset")
    parts = urlsplit(url)
    path = unquote(parts.path)
    if not path:
        target = page
    else:
        joined = posixpath.normpath(posixpath.join(start, path))
        if joined == ".":
            joined = ""
        if joined == ".." or joined.startswith("../"):
            return say("links.leaves", what=what, url=link.url)
        if path.endswith("/") or joined in folders and joined not in tree.files:
            target = posixpath.join(joined, "index.html") if joined else "index.html"
        elif joined not in tree.files and f"{joined}/index.html" in tree.files:
            target = f"{joined}/index.html"
        else:
            target = joined
    if target not in tree.files:
        if is_link and path.endswith(".md"):  # a source file's name: pages are linked by their address
            stem = path[:-3].removesuffix("index").rstrip("/")
            return say("links.broken_source_name", url=link.url, target=target, page=f"../{stem}/" if stem else "../")
        return say("links.broken" if is_link else "links.missing_asset", url=link.url, target=target)
    fragment = unquote(parts.fragment)
    if fragment in _BUILTIN_FRAGMENTS or fragment.startswith(":~:") or target not in tree.pages:
        return None
    if fragment not in tree.pages[target].ids:
        return say("links.missing_anchor", url=link.url, target=target, fragment=fragment)
    return None
