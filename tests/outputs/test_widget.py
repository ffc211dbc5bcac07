"""The search widget's files (issue 17): per-library access links, the script, the snippet, escaping."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup

from generator.access import target_link
from generator.models.login import CasLogin, DirectLogin, EzproxyLogin, OpenAthensLogin, ResourceAccess, ShibbolethLogin

from generator.outputs import data_files
from generator.outputs import locations as loc
from generator.outputs.widget import (SHARED_MODULES, access_links, snippet, title_recipe, widget_files,
                                      widget_script)
from generator.search.records import site_records
from generator.search.static_index import static_index
from tests.outputs.conftest import PORTAL_URL, library, make_view, title

HOSTILE = "</script><img src=x onerror=alert(1)>"
PRESSE = "ressources/presse-en-ligne/"
TARGET = "https%3A%2F%2Fpresse-en-ligne.example.org%2F"


def libraries_with_logins():
    return [
        library("bayeux", login={"kind": "ezproxy", "base": "https://proxy.bayeux.example.org"}),
        library("vire"),  # no login of its own
    ]


def links_of(files: dict, path: str) -> dict:
    return json.loads(files[path])["links"]


def test_each_library_opens_resources_through_its_own_login_else_the_portals():
    files = widget_files(make_view("portail", libraries=libraries_with_logins()))
    bayeux, vire, portal = (links_of(files, path) for path in (
        loc.widget_access("bayeux"), loc.widget_access("vire"), loc.WIDGET_PORTAL_ACCESS))
    assert bayeux[PRESSE] == f"https://proxy.bayeux.example.org/login?qurl={TARGET}"
    assert vire[PRESSE] == portal[PRESSE] == f"https://proxy.example.org/login?qurl={TARGET}"
    # A free resource is the same for everyone; one read on site only has no link (its portal page).
    assert bayeux["ressources/gallica/"] == portal["ressources/gallica/"] == "https://gallica.example.org/"
    assert bayeux["ressources/archives/"] is None
    assert json.loads(files[loc.widget_access("bayeux")])["name"] == "Médiathèque bayeux"


def test_an_unknown_library_has_no_file_and_the_script_knows_the_portals_libraries():
    view = make_view("portail", libraries=libraries_with_logins())
    files = widget_files(view)
    assert sorted(path for path in files if path.startswith(f"{loc.WIDGET_DIR}/acces/")) == [
        loc.widget_access("bayeux"), loc.widget_access("vire")]
    assert json.loads(files[loc.WIDGET_PORTAL_ACCESS])["library"] is None  # what an unknown one falls back to
    assert settings_of(files[loc.WIDGET_SCRIPT])["libraries"] == ["bayeux", "vire"]


def test_a_portal_without_library_logins_gives_every_library_its_own_login_links():
    view = make_view("autre", libraries=libraries_with_logins())
    portal, libraries = access_links(view)
    assert libraries["bayeux"] == portal  # the portal has no per-library login: its own for everyone


def settings_of(script: str) -> dict:
    """The SETTINGS literal the build wrote after the element's code."""
    start = script.index("})(scope.BibnumSearch, ") + len("})(scope.BibnumSearch, ")
    return json.JSONDecoder().raw_decode(script, start)[0]


def test_the_script_is_the_portals_search_modules_then_the_element_with_escaped_settings():
    view = make_view("portail")
    view.site = view.site.model_copy(update={"name": HOSTILE})
    script = widget_script(view)
    for module in SHARED_MODULES:
        assert module.read_text(encoding="utf-8") in script  # reused as they are, not copied
    assert "</script" not in script and "<img" not in script  # inert even if pasted inline
    settings = settings_of(script)
    assert settings["portal"] == HOSTILE
    assert settings["strings"]["label"] == "Rechercher dans {portal}"
    assert settings["library_access"] == "widget/acces/{library}.json"


def test_the_snippet_is_escaped_and_points_at_the_portals_script():
    view = make_view("portail")
    code = snippet(view, 'x" onfocus="alert(1)')
    soup = BeautifulSoup(code, "html.parser")
    assert soup.script["src"] == f"{PORTAL_URL}{loc.WIDGET_SCRIPT}" and soup.script.has_attr("defer")
    element = soup.find("bibnum-recherche")
    assert element.attrs == {"bibliotheque": 'x" onfocus="alert(1)'}


def test_the_widget_is_published_by_public_portals_only():
    assert loc.WIDGET_SCRIPT in data_files(make_view("portail"))
    assert widget_files(make_view("pro")) == {}


TITLE_URL = "https://presse.example.org/titre/l'Équipe_(n°1)!*~?a=1&b=x%20y#p"
LOGIN = ResourceAccess(kind="login", target="https://presse.example.org/")
IDP = "https://idp.reseau.example.org/idp/shibboleth"


@pytest.mark.parametrize("access, login", [
    (LOGIN, EzproxyLogin(kind="ezproxy", base="https://proxy.example.org")),
    (LOGIN, EzproxyLogin(kind="ezproxy", base="https://proxy.example.org", form="url")),
    (LOGIN, OpenAthensLogin(kind="openathens", domain="reseau.example.org")),
    (ResourceAccess(kind="login", target="https://presse.example.org/", sp="https://sp.example.org"),
     ShibbolethLogin(kind="shibboleth", idp=IDP)),
    (LOGIN, CasLogin(kind="cas", base="https://cas.example.org/cas")),
    (ResourceAccess(kind="direct", target="https://libre.example.org/"), DirectLogin(kind="direct")),
], ids=["ezproxy-qurl", "ezproxy-url", "openathens", "shibboleth-sp", "cas", "direct"])
def test_a_title_recipe_gives_the_link_access_py_makes_for_the_title(access, login):
    before, after, form = title_recipe(access, login, allow_http=False)
    made = before + (TITLE_URL if form == "raw" else quote(TITLE_URL, safe="")) + after
    assert made == target_link(access, TITLE_URL, login).url


@pytest.mark.parametrize("access, login", [
    (ResourceAccess(kind="login", target="https://presse.example.org/", service="https://presse.example.org/cas"),
     CasLogin(kind="cas", base="https://cas.example.org/cas")),  # a fixed service: not the title's address
    (LOGIN, ShibbolethLogin(kind="shibboleth", idp=IDP)),  # the service provider is the address's origin
    (ResourceAccess(kind="on_site", where="En médiathèque"), DirectLogin(kind="direct")),
    (ResourceAccess(kind="template", template="https://p.example.org/sso?id={code_bib}"), DirectLogin(kind="direct")),
])
def test_no_title_recipe_where_the_link_is_not_the_login_around_the_address(access, login):
    assert title_recipe(access, login, allow_http=False) is None


def test_titles_carry_their_address_and_each_library_its_recipes():
    titles = {"presse-en-ligne": (title("presse-en-ligne", 1),), "archives": (title("archives", 2),)}
    files = widget_files(make_view("portail", libraries=libraries_with_logins(), titles=titles))
    bayeux, vire = (json.loads(files[loc.widget_access(lib)])["titles"] for lib in ("bayeux", "vire"))
    assert bayeux[PRESSE] == ["https://proxy.bayeux.example.org/login?qurl=", "", "encoded"]
    assert vire[PRESSE] == ["https://proxy.example.org/login?qurl=", "", "encoded"]
    assert bayeux["ressources/archives/"] is None  # read on site only


def test_the_titles_addresses_are_in_link_chunks_the_portals_results_never_carry():
    titles = {"presse-en-ligne": (title("presse-en-ligne", 1),), "archives": (title("archives", 2),)}
    records = site_records(make_view("portail", titles=titles))
    files = static_index(records, {})
    meta = json.loads(files["meta.json"])
    block = meta["docs"].split(" ")[0]
    shown = json.loads(files[f"d/0.{block}.json"])
    assert all(len(row) == 7 for row in shown)  # what a result shows: no address of a title
    links = json.loads(files[f"l/0.{block}.json"])
    assert len(links) == len(shown)
    by_resource = {record.resource: links[doc] for doc, record in enumerate(records) if record.type == "title"}
    assert by_resource == {"presse-en-ligne": "https://presse-en-ligne.example.org/titre/1",
                           "archives": ""}  # read on site only: the title opens its resource's page
    assert all(links[doc] == "" for doc, record in enumerate(records) if record.type != "title")


def test_a_chunk_without_titles_has_no_link_chunk_and_a_new_address_renames_its_block():
    records = site_records(make_view("portail"))
    assert not any(record.type == "title" for record in records)
    assert not any(path.startswith("l/") for path in static_index(records, {}))
    one = {"presse-en-ligne": (title("presse-en-ligne", 1),)}
    moved = {"presse-en-ligne": (title("presse-en-ligne", 1, url="https://presse-en-ligne.example.org/titre/9"),)}
    before, after = (json.loads(static_index(site_records(make_view("portail", titles=t)), {})["meta.json"])["docs"]
                     for t in (one, moved))
    assert before != after  # cached files of the old addresses are never read with the new meta.json
