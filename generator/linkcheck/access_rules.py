"""Access links in built pages follow DESIGN.md §6: https, and into the host of the right login.

The expected hosts are computed from the editor's declarations (the site's or the library's
login strategy, the resource's access), independently of generator.access which builds the
URLs: a link that went to the wrong server, lost its scheme or was mangled on its way
through the engine is caught here. Access links are external: they are never fetched.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
import dataclasses
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType
from urllib.parse import urlsplit

from ..messages import say
from ..models.graph import NetworkGraph
from ..models.login import CasLogin, EzproxyLogin, LoginStrategy, OpenAthensLogin, ResourceAccess, ShibbolethLogin
from ..models.site import Site
from ..view import paths
from ..view.site_view import SiteView
from .parse import AccessLinkSeen

OPENATHENS_HOST = "go.openathens.net"
# The view's access links do not depend on the date (trials aside, see below); any fixed 'now' gives the same ones.
_ANY_NOW = datetime(2000, 1, 1)


@dataclass(frozen=True)
class ExpectedAccess:
    kind: str  # login, template, direct or on_site (the resource's access on this site)
    host: str | None  # the host the link must go to; None: on site only, no link at all


@dataclass(frozen=True)
class PageAccess:
    """What a resource page must offer: the network's access, and each library's in the chooser."""

    network: ExpectedAccess
    libraries: Mapping[str, ExpectedAccess] = field(default_factory=dict)


def check_access(seen: tuple[AccessLinkSeen, ...], expected: PageAccess | None, *,
                 allow_http: bool) -> Iterator[tuple[int, int, str, str]]:
    """(line, column, url, message) for every access link of a page that breaks the rules."""
    buttons = [link for link in seen if link.library is None]
    if expected is not None and expected.network.host is not None and not buttons:
        yield 1, 1, "", say("access.button_missing")
    if expected is not None and expected.network.host is None and buttons:
        first = buttons[0]
        yield first.line, first.column, first.url, say("access.on_site_link")
    for link in seen:
        scheme = urlsplit(link.url).scheme.lower()
        if scheme != "https" and not (scheme == "http" and allow_http):
            yield link.line, link.column, link.url, say("access.https", url=link.url[:80])
            continue
        if expected is None:
            continue
        rule = expected.network if not link.library else expected.libraries.get(link.library)
        who = say("access.of_library", library=link.library) if link.library else say("access.of_network")
        if rule is None:
            yield link.line, link.column, link.url, say("access.unknown_library", library=link.library)
        elif rule.host is not None and urlsplit(link.url).hostname != rule.host:
            yield (link.line, link.column, link.url,
                   say("access.wrong_host", url=link.url[:80], who=who, host=urlsplit(link.url).hostname,
                       kind=rule.kind, expected=rule.host))


def access_expectations(graph: NetworkGraph, site: Site) -> dict[str, PageAccess]:
    """Built page path -> the access links it must hold, for every resource page of a public site."""
    if site.kind != "public":
        return {}
    # A trial's page is built only while the trial runs, which the built site says, not the rules: every
    # resource the site may show gets its rule (the rule of a page that was not built is never read).
    untimed = dataclasses.replace(graph, resources=MappingProxyType({
        rid: res.model_copy(update={"trial": None}) if res.trial else res for rid, res in graph.resources.items()}))
    view = SiteView.build(untimed, site, _ANY_NOW)
    expectations: dict[str, PageAccess] = {}
    for res in view.resources:
        access = res.access.for_site(site.id)
        libraries = {
            item.library.id: expected_access(access, item.library.login or site.login)
            for item in view.library_links.get(res.id, [])
        }
        page = paths.url_of(paths.resource(res.id)) + "index.html"
        expectations[page] = PageAccess(expected_access(access, site.login), libraries)
    return expectations


def expected_access(access: ResourceAccess, login: LoginStrategy) -> ExpectedAccess:
    """Where a reader following this access with this login must land first."""
    if access.kind == "on_site":
        return ExpectedAccess("on_site", None)
    if access.kind == "direct":
        return ExpectedAccess("direct", _host(access.target))
    if access.kind == "template":
        return ExpectedAccess("template", _host(access.template))  # fields sit only in the path and query
    if isinstance(login, (EzproxyLogin, CasLogin)):
        return ExpectedAccess("login", _host(login.base))
    if isinstance(login, OpenAthensLogin):
        return ExpectedAccess("login", OPENATHENS_HOST)
    if isinstance(login, ShibbolethLogin):
        return ExpectedAccess("login", _host(access.sp or access.target))
    return ExpectedAccess("login", _host(access.target))  # direct login: the provider asks itself


def _host(url: str | None) -> str | None:
    return urlsplit(url).hostname if url else None
