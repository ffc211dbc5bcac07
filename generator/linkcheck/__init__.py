"""The link checker: every internal link, anchor and asset of a built site resolves (DESIGN.md §4, §6).

`check_built_site` reads one built site folder and returns its problems, located in the
editor's source when the link came from one; the core (`check.check_site`) is pure.
External links, access links included, are listed and never fetched.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import BuildFailed, Problem
from ..messages import count, say
from ..models.graph import NetworkGraph
from ..models.site import Site
from .access_rules import access_expectations
from .check import LinkReport, SiteRules, check_site
from .sources import locate, page_sources
from .tree import read_site


class LinksBroken(BuildFailed):
    """Built pages hold broken links: nothing is published. Carries every problem at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        listed = "\n".join(f"  {problem}" for problem in self.problems)
        super().__init__(say("links.broken_all", links=count(len(self.problems), "count.broken_link"), listed=listed))


@dataclass(frozen=True)
class SiteLinks:
    site: str
    problems: list[Problem]
    report: LinkReport


def check_built_site(graph: NetworkGraph, site: Site, folder: Path, label: str) -> SiteLinks:
    """Check the site built in `folder`; problems are located as LABEL/PAGE (or the editor's file)."""
    rules = SiteRules(url=site.url, allow_http=site.allow_http, access=access_expectations(graph, site))
    report = check_site(read_site(folder), rules)
    sources = page_sources(graph, site)
    return SiteLinks(site.id, [locate(p, label, sources, graph.root) for p in report.problems], report)


__all__ = ["LinksBroken", "SiteLinks", "check_built_site"]
