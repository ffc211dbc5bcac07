"""How problems are printed: FILE:LINE:COL: message, or GitHub Actions annotations."""

from __future__ import annotations

from collections import Counter
from urllib.parse import urlsplit

from ..errors import Problem, visible
from ..messages import count, say

FORMATS = ("text", "github")


def format_problem(problem: Problem, fmt: str = "text") -> str:
    if fmt == "github":
        loc = problem.location
        return (f"::error file={_property(visible(loc.file))},line={loc.line},col={loc.column}"
                f"::{_data(visible(problem.message))}")
    return str(problem)


def external_summary(external: dict[str, list[str]], fmt: str = "text") -> list[str]:
    """External links (never fetched): one line per host in text; every URL, folded, on GitHub."""
    if not external:
        return []
    pages = {page for linked in external.values() for page in linked}
    head = say("links.external", links=count(len(external), "count.external_link"),
               pages=count(len(pages), "count.page"))
    if fmt == "github":
        return [f"::group::{head}", *(f"{url}  ({linked[0]})" for url, linked in external.items()), "::endgroup::"]
    hosts = Counter(urlsplit(url).hostname or url for url in external)
    return [f"{head} :", *(f"  {host} : {number}" for host, number in sorted(hosts.items()))]


def _data(text: str) -> str:
    # GitHub's workflow-command escaping (toolkit/core command.ts): %, CR and LF in the message.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
