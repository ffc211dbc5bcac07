"""Access links: each convention of DESIGN.md §6 pinned to its exact output."""

from __future__ import annotations

import pytest

from generator.access import AccessLink, AccessLinkError, access_link, check_url
from generator.models.login import (
    AccessOverride,
    CasLogin,
    DirectLogin,
    EzproxyLogin,
    OpenAthensLogin,
    ResourceAccess,
    ShibbolethLogin,
)

# `%20` in the target shows that '%' is encoded once, as %25.
TARGET = "https://provider.example.org/path?a=1&b=x%20y#frag"
TARGET_ENC = "https%3A%2F%2Fprovider.example.org%2Fpath%3Fa%3D1%26b%3Dx%2520y%23frag"
ACCENTED = "https://presse.example.org/titre/l'Équipe"
ACCENTED_ENC = "https%3A%2F%2Fpresse.example.org%2Ftitre%2Fl%27%C3%89quipe"
IDP = "https://idp.reseau.example.org/idp/shibboleth"
IDP_ENC = "https%3A%2F%2Fidp.reseau.example.org%2Fidp%2Fshibboleth"


def login_access(target: str = TARGET, **keys: str) -> ResourceAccess:
    return ResourceAccess(kind="login", target=target, **keys)


@pytest.mark.parametrize(
    ("login", "access", "expected"),
    [
        pytest.param(
            EzproxyLogin(kind="ezproxy", base="https://proxy.reseau.example.org"),
            login_access(),
            f"https://proxy.reseau.example.org/login?qurl={TARGET_ENC}",
            id="ezproxy-qurl",
        ),
        pytest.param(
            EzproxyLogin(kind="ezproxy", base="https://proxy.reseau.example.org/"),
            login_access(ACCENTED),
            f"https://proxy.reseau.example.org/login?qurl={ACCENTED_ENC}",
            id="ezproxy-qurl-trailing-slash-non-ascii",
        ),
        pytest.param(
            EzproxyLogin(kind="ezproxy", base="https://proxy.reseau.example.org/", form="url"),
            login_access(),
            "https://proxy.reseau.example.org/login?url=https://provider.example.org/path?a=1&b=x%20y#frag",
            id="ezproxy-legacy-url-raw",
        ),
        pytest.param(
            OpenAthensLogin(kind="openathens", domain="reseau.example.org"),
            login_access(ACCENTED),
            f"https://go.openathens.net/redirector/reseau.example.org?url={ACCENTED_ENC}",
            id="openathens",
        ),
        pytest.param(
            ShibbolethLogin(kind="shibboleth", idp=IDP),
            login_access(sp="https://sp.provider.example.org/"),
            f"https://sp.provider.example.org/Shibboleth.sso/Login?entityID={IDP_ENC}&target={TARGET_ENC}",
            id="shibboleth-explicit-sp",
        ),
        pytest.param(
            ShibbolethLogin(kind="shibboleth", idp=IDP),
            login_access("https://provider.example.org:8443/doc?id=7"),
            "https://provider.example.org:8443/Shibboleth.sso/Login"
            f"?entityID={IDP_ENC}&target=https%3A%2F%2Fprovider.example.org%3A8443%2Fdoc%3Fid%3D7",
            id="shibboleth-sp-from-target-origin",
        ),
        pytest.param(
            CasLogin(kind="cas", base="https://cas.reseau.example.org/cas/"),
            login_access(),
            f"https://cas.reseau.example.org/cas/login?service={TARGET_ENC}",
            id="cas-service-defaults-to-target",
        ),
        pytest.param(
            CasLogin(kind="cas", base="https://cas.reseau.example.org/cas"),
            login_access(service="https://provider.example.org/cas-callback?next=/home"),
            "https://cas.reseau.example.org/cas/login"
            "?service=https%3A%2F%2Fprovider.example.org%2Fcas-callback%3Fnext%3D%2Fhome",
            id="cas-explicit-service",
        ),
        pytest.param(
            DirectLogin(kind="direct"),
            login_access(ACCENTED),
            "https://presse.example.org/titre/l'Équipe",
            id="direct-login-strategy",
        ),
    ],
)
def test_login_conventions(login, access: ResourceAccess, expected: str) -> None:
    assert access_link(access, login) == AccessLink("login", expected)


def test_template_encodes_each_field_and_ignores_the_strategy() -> None:
    access = ResourceAccess(
        kind="template", template="https://provider.example.org/sso?id_bib={code_bib}&site={site}"
    )
    link = access_link(
        access,
        EzproxyLogin(kind="ezproxy", base="https://proxy.reseau.example.org"),
        {"code_bib": "14 BN&1", "site": "reseau", "unused": "x"},
    )
    assert link == AccessLink("template", "https://provider.example.org/sso?id_bib=14%20BN%261&site=reseau")


@pytest.mark.parametrize(
    ("fields", "key"),
    [({"site": "reseau"}, "fields.code_bib"), ({"code_bib": " ", "site": "reseau"}, "fields.code_bib")],
)
def test_template_field_without_value(fields: dict[str, str], key: str) -> None:
    access = ResourceAccess(kind="template", template="https://p.example.org/sso?id={code_bib}&s={site}")
    with pytest.raises(AccessLinkError) as err:
        access_link(access, DirectLogin(kind="direct"), fields)
    assert err.value.key == key
    assert "{code_bib}" in str(err.value) and "fields:" in str(err.value)
    assert "du site ou de la bibliothèque" in str(err.value)


@pytest.mark.parametrize(
    ("template", "problem"),
    [
        ("https://p.example.org/sso?id={code_bib", "une accolade ne fait pas partie d'un champ"),
        ("https://p.example.org/sso?id={{code_bib}}", "une accolade ne fait pas partie d'un champ"),
        ("https://p.example.org/sso?id={Code}", "une accolade ne fait pas partie d'un champ"),
        ("javascript:alert({code_bib})", "le protocole « javascript » est refusé"),
        ("https://{code_bib}/sso", "il manque le nom du serveur"),
        ("{code_bib}https://p.example.org/sso", "placez les champs seulement dans le chemin ou la requête"),
    ],
)
def test_template_refused(template: str, problem: str) -> None:
    access = ResourceAccess(kind="template", template=template)
    with pytest.raises(AccessLinkError) as err:
        access_link(access, DirectLogin(kind="direct"), {"code_bib": "14"})
    assert err.value.key == "template"
    assert problem in str(err.value)


def test_direct_and_on_site() -> None:
    strategy = EzproxyLogin(kind="ezproxy", base="https://proxy.reseau.example.org")
    direct = ResourceAccess(kind="direct", target=TARGET)
    assert access_link(direct, strategy) == AccessLink("direct", TARGET)
    on_site = ResourceAccess(kind="on_site", where="Médiathèque centrale, poste 3")
    assert access_link(on_site, strategy) == AccessLink("on_site", None, "Médiathèque centrale, poste 3")


def test_site_override_is_merged() -> None:
    access = ResourceAccess(
        target=TARGET,
        sites={"pro": AccessOverride(kind="direct", target="https://pro.provider.example.org/")},
    )
    strategy = OpenAthensLogin(kind="openathens", domain="reseau.example.org")
    assert access_link(access.for_site("pro"), strategy) == AccessLink(
        "direct", "https://pro.provider.example.org/"
    )
    assert access_link(access.for_site("public"), strategy) == AccessLink(
        "login", f"https://go.openathens.net/redirector/reseau.example.org?url={TARGET_ENC}"
    )


def test_override_missing_the_key_its_kind_needs() -> None:
    access = ResourceAccess(target=TARGET, sites={"pro": AccessOverride(kind="template")})
    with pytest.raises(AccessLinkError) as err:
        access_link(access.for_site("pro"), DirectLogin(kind="direct"))
    assert err.value.key == "template"
    assert "demande « template »" in str(err.value)


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("javascript:alert(1)", "le protocole « javascript » est refusé ; utilisez une adresse en https:// du fournisseur"),
        ("JaVaScRiPt:alert(1)", "le protocole « javascript » est refusé"),
        (" javascript:alert(1)", "le protocole « javascript » est refusé"),
        ("\x01java\tscript:alert(1)", "le protocole « javascript » est refusé"),
        ("data:text/html,<script>alert(1)</script>", "le protocole « data » est refusé"),
        ("vbscript:msgbox", "le protocole « vbscript » est refusé"),
        ("file:///etc/passwd", "le protocole « file » est refusé"),
        ("ftp://provider.example.org/doc", "le protocole « ftp » est refusé"),
        ("http://provider.example.org/doc", "http:// sans chiffrement est refusé"),
        ("/ressources/presse", "pas de https://"),
        ("provider.example.org/doc", "pas de https://"),
        ("https:///doc", "il manque le nom du serveur"),
        ("https:provider.example.org", "il manque le nom du serveur"),
        ("https://provider.example.org/a b", "elle contient une espace"),
        ("https://provider.example.org/a\nb", "caractère de contrôle"),
        ("https://provider.example.org\\@evil.example.org/", "barre oblique inverse"),
        ("https://provider.example.org@evil.example.org/", "un nom ou un mot de passe"),
        ("https://provider.example.org:99999/", "port"),
        ("", "elle est vide"),
    ],
)
def test_check_url_refuses(url: str, problem: str) -> None:
    with pytest.raises(AccessLinkError) as err:
        check_url(url, key="target")
    assert err.value.key == "target"
    assert str(err.value).startswith(f"adresse « {url[:79]}")
    assert problem in str(err.value)


def test_http_only_when_allowed() -> None:
    url = "http://provider.example.org/doc"
    assert check_url(url, key="target", allow_http=True) == url
    assert access_link(ResourceAccess(kind="direct", target=url), DirectLogin(kind="direct"), allow_http=True) == (
        AccessLink("direct", url)
    )
    with pytest.raises(AccessLinkError, match="http:// sans chiffrement est refusé"):
        access_link(ResourceAccess(kind="direct", target=url), DirectLogin(kind="direct"))


@pytest.mark.parametrize(
    ("login", "access", "key", "problem"),
    [
        (DirectLogin(kind="direct"), login_access("javascript:alert(1)"), "target", "« javascript »"),
        (EzproxyLogin(kind="ezproxy", base="http://proxy.example.org"), login_access(), "login.base", "http"),
        (EzproxyLogin(kind="ezproxy", base="https://proxy.example.org/?x=1"), login_access(), "login.base", "« ? »"),
        (CasLogin(kind="cas", base="data:text/html,x"), login_access(), "login.base", "« data »"),
        (OpenAthensLogin(kind="openathens", domain="x.org/../evil"), login_access(), "login.domain", "domaine"),
        (ShibbolethLogin(kind="shibboleth", idp=" "), login_access(), "login.idp", "entityID"),
        (ShibbolethLogin(kind="shibboleth", idp=IDP), login_access(sp="ftp://sp.example.org"), "sp", "« ftp »"),
        (CasLogin(kind="cas", base="https://cas.example.org"), login_access(service="vbscript:x"), "service", "« vbscript »"),
    ],
)
def test_access_link_names_the_key_at_fault(login, access: ResourceAccess, key: str, problem: str) -> None:
    with pytest.raises(AccessLinkError) as err:
        access_link(access, login)
    assert err.value.key == key
    assert problem in str(err.value)


# --- the fast paths used for harvested titles (one link per title and site) ------------------


@pytest.mark.parametrize("allow_http", [False, True])
def test_plain_address_shortcut_agrees_with_the_full_check(allow_http, monkeypatch):
    import random
    import re

    from generator import access

    schemes = ["https://", "http://", "HTTPS://", "javascript:", "", "https:/"]
    hosts = ["a", "b.example.org", "-x", "x-", ".", "", "user@h", "[::1]", "é.fr", "h h", "h\\"]
    ports = ["", "", ":8080", ":0", ":99999", ":", ":x"]
    rest = ["/", "/t/1", "?q=1", "#f", "@", " ", "\t", "\\", "é", "%20", "\x00", "\x85", "\u2028", "/a:b", ""]
    rnd = random.Random(11)
    urls = [rnd.choice(schemes) + rnd.choice(hosts) + rnd.choice(ports)
            + "".join(rnd.choice(rest) for _ in range(rnd.randint(0, 4))) for _ in range(12000)]
    check = access._url_problem.__wrapped__  # the check itself, not its cache
    shortcut = [check(url, allow_http) for url in urls]
    assert sum(bool(access._PLAIN_URL.fullmatch(url)) for url in urls) > 100  # the shortcut is exercised
    monkeypatch.setattr(access, "_PLAIN_URL", re.compile(r"(?!)"))  # no address takes the shortcut
    assert [check(url, allow_http) for url in urls] == shortcut


@pytest.mark.parametrize("login", [
    EzproxyLogin(kind="ezproxy", base="https://proxy.reseau.example.org"),
    EzproxyLogin(kind="ezproxy", base="https://proxy.reseau.example.org", form="url"),
    OpenAthensLogin(kind="openathens", domain="reseau.example.org"),
    ShibbolethLogin(kind="shibboleth", idp=IDP),
    CasLogin(kind="cas", base="https://cas.reseau.example.org/cas"),
    DirectLogin(kind="direct"),
])
@pytest.mark.parametrize("kind", ["login", "direct"])
def test_target_link_is_access_link_with_that_target(login, kind):
    from generator.access import target_link

    access = ResourceAccess(kind=kind, target="https://provider.example.org/", sp="https://sp.example.org")
    for target in (TARGET, ACCENTED, "http://plain.example.org/t", "javascript:alert(1)", ""):
        try:
            expected = access_link(access.model_copy(update={"target": target}), login)
        except AccessLinkError as err:
            with pytest.raises(AccessLinkError):
                target_link(access, target, login)
            assert err.key == "target"
        else:
            assert target_link(access, target, login) == expected
