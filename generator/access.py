"""Access links: the URL that starts the right login for a resource on a site.

Pure functions, no I/O. The conventions are those of DESIGN.md §6; every value
placed in a query string is percent-encoded exactly once (ENC below).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal
from urllib.parse import quote, urlsplit

from .models.login import (
    CasLogin,
    EzproxyLogin,
    LoginStrategy,
    OpenAthensLogin,
    ResourceAccess,
    ShibbolethLogin,
)
from .messages import say
from .urls import url_scheme

_FIELD = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_BAD_CHAR = re.compile(r"[\s\x00-\x1f\x7f-\x9f\\]")
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_DOMAIN = re.compile(rf"(?i){_LABEL}(?:\.{_LABEL})+")
_OPENATHENS = "https://go.openathens.net/redirector/"
# An address made only of a scheme, a plain host name, a short port and a path without
# space, control character or backslash: what nearly every harvested title links to.
_PLAIN_URL = re.compile(
    r"https?://[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]{1,4})?(?:[/?#][^\s\x00-\x1f\x7f-\x9f\\]*)?")
_NEEDS = {"login": "target", "direct": "target", "template": "template", "on_site": "where"}
# Who the address belongs to (a key of generator/messages/), and an example of it, for the messages.
_OWNER = {
    "login.base": ("url.owner.login", "https://proxy.example.org"),
    "service": ("url.owner.service", "https://service.example.org/…"),
}
_PROVIDER = ("url.owner.provider", "https://fournisseur.example.org/…")


@dataclass(frozen=True)
class AccessLink:
    """Where a reader goes to reach a resource (no URL for on-site-only resources)."""

    kind: Literal["login", "template", "direct", "on_site"]
    url: str | None
    where: str | None = None


class AccessLinkError(ValueError):
    """An access (or the login strategy) cannot give a safe link; `key` names the culprit."""

    def __init__(self, message: str, key: str):
        super().__init__(message)
        self.key = key


@lru_cache(maxsize=65536)  # pure; each title's address is encoded on every site that shows it
def _enc(value: str) -> str:
    return quote(value, safe="")


def _shown(url: str) -> str:
    return url if len(url) <= 80 else url[:79] + "…"


@lru_cache(maxsize=65536)  # pure; the same login bases and title addresses come back on every site
def _url_problem(url: str, allow_http: bool, owner: tuple[str, str] = _PROVIDER) -> str | None:
    """What makes `url` unsafe or unusable as a link, or None if it is fine."""
    if _PLAIN_URL.fullmatch(url) and (allow_http or url.startswith("https:")):
        return None  # the common case, which passes every check below (tests/test_access.py)
    who, example = say(owner[0]), owner[1]
    if not url.strip():
        return say("url.empty", owner=who)
    scheme = url_scheme(url)
    if scheme is None:
        return say("url.no_scheme", example=example)
    if scheme == "http" and not allow_http:
        return say("url.http")
    if scheme not in ("https", "http"):
        return say("url.scheme", scheme=scheme, owner=who)
    bad = _BAD_CHAR.search(url)
    if bad is not None:
        if bad[0] == "\\":
            return say("url.backslash")
        if _CONTROL.match(bad[0]):
            return say("url.control", position=bad.start() + 1)
        return say("url.space", position=bad.start() + 1)
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        return say("url.invalid")
    if not parts.hostname:
        return say("url.no_host", example=example)
    if "@" in parts.netloc:
        return say("url.userinfo")
    return None


def check_url(url: str, *, key: str, allow_http: bool = False) -> str:
    """Return `url` if it is a safe absolute https (or allowed http) address, else raise."""
    problem = _url_problem(url, allow_http, _OWNER.get(key, _PROVIDER))
    if problem is not None:
        raise AccessLinkError(say("url.shown", url=_shown(url), problem=problem), key)
    return url


def _base(url: str, key: str, allow_http: bool) -> str:
    """A checked base address that paths are appended to, without its trailing '/'."""
    check_url(url, key=key, allow_http=allow_http)
    if "?" in url or "#" in url:
        example = _OWNER.get(key, _PROVIDER)[1].rstrip("/…")
        raise AccessLinkError(say("url.shown", url=_shown(url), problem=say("url.query", example=example)), key)
    return url.rstrip("/")


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _check_skeleton(template: str, allow_http: bool) -> None:
    """The template's own text, its fields left out, is a safe address: raise if not."""
    skeleton = _FIELD.sub("", template)
    if "{" in skeleton or "}" in skeleton:
        raise AccessLinkError(say("template.brace", template=_shown(template)), "template")
    problem = _url_problem(skeleton, allow_http)
    if problem is not None:
        raise AccessLinkError(say("template.url", template=_shown(template), problem=problem), "template")


def _fill_template(template: str, fields: Mapping[str, str], allow_http: bool) -> str:
    """The template with every field replaced by its encoded value."""
    _check_skeleton(template, allow_http)
    for name in _FIELD.findall(template):
        value = fields.get(name)
        if value is None or not str(value).strip():
            state = "template.field_missing" if value is None else "template.field_empty"
            raise AccessLinkError(say(state, name=name), f"fields.{name}")
    url = _FIELD.sub(lambda m: _enc(str(fields[m[1]])), template)
    # A field before the scheme or host would change what the link points to.
    problem = _url_problem(url, allow_http)
    if problem is not None:
        raise AccessLinkError(say("template.gives", template=_shown(template), url=_shown(url), problem=problem),
                              "template")
    return url


def _login_url(access: ResourceAccess, target: str, login: LoginStrategy, allow_http: bool) -> str:
    """The URL that logs the reader in with `login`, then lands on `target`."""
    if isinstance(login, EzproxyLogin):
        base = _base(login.base, "login.base", allow_http)
        if login.form == "url":
            # EZproxy reads everything after url= as the target: it must stay raw.
            return f"{base}/login?url={target}"
        return f"{base}/login?qurl={_enc(target)}"
    if isinstance(login, OpenAthensLogin):
        if not _DOMAIN.fullmatch(login.domain):
            raise AccessLinkError(say("login.domain", domain=login.domain), "login.domain")
        return f"{_OPENATHENS}{login.domain}?url={_enc(target)}"
    if isinstance(login, ShibbolethLogin):
        if not login.idp.strip():
            raise AccessLinkError(say("login.idp"), "login.idp")
        sp = _base(access.sp, "sp", allow_http) if access.sp else _origin(target)
        return f"{sp}/Shibboleth.sso/Login?entityID={_enc(login.idp)}&target={_enc(target)}"
    if isinstance(login, CasLogin):
        base = _base(login.base, "login.base", allow_http)
        service = check_url(access.service, key="service", allow_http=allow_http) if access.service else target
        return f"{base}/login?service={_enc(service)}"
    return target  # DirectLogin: the provider asks for its own account.


def access_link(
    access: ResourceAccess,
    login: LoginStrategy,
    fields: Mapping[str, str] | None = None,
    *,
    allow_http: bool = False,
) -> AccessLink:
    """The link for an access already resolved for the site (`access.for_site(site_id)`)."""
    needed = _NEEDS[access.kind]
    value = getattr(access, needed)
    if not value:
        raise AccessLinkError(say("access.link_needs", kind=access.kind, key=needed), needed)
    if access.kind == "on_site":
        return AccessLink("on_site", None, where=value)
    if access.kind == "template":
        return AccessLink("template", _fill_template(value, fields or {}, allow_http))
    return target_link(access, value, login, allow_http=allow_http)


def check_own_addresses(access: ResourceAccess, *, allow_http: bool = False) -> None:
    """Check the addresses an access writes itself, whatever the site's login and fields (its
    `target`, its template's text): what can be judged while the site's own entry is invalid."""
    if access.kind in ("login", "direct") and access.target is not None:
        check_url(access.target, key="target", allow_http=allow_http)
    elif access.kind == "template" and access.template is not None:
        _check_skeleton(access.template, allow_http)


def target_link(access: ResourceAccess, target: str, login: LoginStrategy, *, allow_http: bool = False) -> AccessLink:
    """The link to `target` through a `login` or `direct` access: what `access_link` gives for
    the access with that target (a harvested title's own page), without copying the model."""
    if access.kind not in ("login", "direct"):
        raise ValueError(f"an access of kind '{access.kind}' has no target")
    target = check_url(target, key="target", allow_http=allow_http)
    if access.kind == "direct":
        return AccessLink("direct", target)
    return AccessLink("login", _login_url(access, target, login, allow_http))
