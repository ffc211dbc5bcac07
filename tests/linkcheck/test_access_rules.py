"""Access links in built pages: https, and into the host of the site's (or the library's) login."""

from __future__ import annotations

import pytest

from generator.linkcheck.access_rules import ExpectedAccess, PageAccess, check_access, expected_access
from generator.linkcheck.parse import parse_page
from generator.models.login import (
    CasLogin,
    DirectLogin,
    EzproxyLogin,
    OpenAthensLogin,
    ResourceAccess,
    ShibbolethLogin,
)

TARGET = "https://www.cafeyn.example.org/fr/bib"
EZPROXY = EzproxyLogin(kind="ezproxy", base="https://proxy.reseau.example.org")
CAS = CasLogin(kind="cas", base="https://cas.ifs.example.org/cas")


@pytest.mark.parametrize(("access", "login", "expected"), [
    (ResourceAccess(kind="login", target=TARGET), EZPROXY, ExpectedAccess("login", "proxy.reseau.example.org")),
    (ResourceAccess(kind="login", target=TARGET), CAS, ExpectedAccess("login", "cas.ifs.example.org")),
    (ResourceAccess(kind="login", target=TARGET), OpenAthensLogin(kind="openathens", domain="reseau.example.org"),
     ExpectedAccess("login", "go.openathens.net")),
    (ResourceAccess(kind="login", target=TARGET), ShibbolethLogin(kind="shibboleth", idp="https://idp.example.org"),
     ExpectedAccess("login", "www.cafeyn.example.org")),
    (ResourceAccess(kind="login", target=TARGET, sp="https://sp.cafeyn.example.org"),
     ShibbolethLogin(kind="shibboleth", idp="https://idp.example.org"), ExpectedAccess("login", "sp.cafeyn.example.org")),
    (ResourceAccess(kind="login", target=TARGET), DirectLogin(kind="direct"), ExpectedAccess("login", "www.cafeyn.example.org")),
    (ResourceAccess(kind="direct", target="https://gallica.example.org/"), EZPROXY, ExpectedAccess("direct", "gallica.example.org")),
    (ResourceAccess(kind="template", template="https://tout.example.org/sso?id_bib={code_bib}"), EZPROXY,
     ExpectedAccess("template", "tout.example.org")),
    (ResourceAccess(kind="on_site", where="En médiathèque"), EZPROXY, ExpectedAccess("on_site", None)),
])
def test_expected_host_of_each_access_and_login(access, login, expected):
    assert expected_access(access, login) == expected


RULE = PageAccess(
    ExpectedAccess("login", "proxy.reseau.example.org"),
    {"ifs": ExpectedAccess("login", "cas.ifs.example.org")},
)


def problems(body: str, rule: PageAccess | None = RULE, allow_http: bool = False) -> list[str]:
    return [message for *_, message in check_access(parse_page(body).access, rule, allow_http=allow_http)]


def button(url: str) -> str:
    return f'<a data-bn-access-button href="{url}">Accéder</a>'


def test_good_access_links():
    body = (button("https://proxy.reseau.example.org/login?qurl=x")
            + '<option value="ifs" data-href="https://cas.ifs.example.org/cas/login?service=x">Ifs</option>'
            + '<a data-library="" href="https://proxy.reseau.example.org/login?qurl=x">réseau</a>')
    assert problems(body) == []


def test_an_access_link_through_the_wrong_login_server():
    [message] = problems(button("https://proxy.reseau.example.org/login?qurl=x")
                         + '<a data-library="ifs" href="https://proxy.reseau.example.org/login?qurl=x">Ifs</a>')
    assert ("de la bibliothèque « ifs » va vers « proxy.reseau.example.org » ; son accès « login » doit passer par "
            "« cas.ifs.example.org »") in message


def test_plain_http_only_where_the_site_allows_it():
    body = button("http://proxy.reseau.example.org/login?qurl=x")
    assert problems(body) == [
        "le lien d'accès « http://proxy.reseau.example.org/login?qurl=x » doit être une adresse https:// (DESIGN.md §6)"]
    assert problems(body, allow_http=True) == []
    assert len(problems(button("javascript:alert(1)"), rule=None)) == 1  # checked even on a page with no rule


def test_missing_button_unknown_library_and_on_site_link():
    assert problems("<p>rien</p>") == ["le bouton d'accès (data-bn-access-button) manque sur cette page de ressource"]
    unknown = button("https://proxy.reseau.example.org/x") + '<a data-library="caen" href="https://proxy.reseau.example.org/x">C</a>'
    assert problems(unknown) == ["lien d'accès pour une bibliothèque inconnue « caen »"]
    on_site = PageAccess(ExpectedAccess("on_site", None))
    assert problems(button("https://proxy.reseau.example.org/x"), on_site) == [
        "une ressource à consulter sur place ne doit pas proposer de lien d'accès"]
    assert problems("<p>En médiathèque</p>", on_site) == []
