"""The pro site's web editor (admin/) in headless Chromium: Sveltia CMS, served by the site.

The published configuration commits through GitHub (a pull request per change): that backend needs
a GitHub account and the network, so the editing tests give the CMS its own test backend instead
(the same configuration, `backend: test-repo`, publish mode `simple`, which that backend supports):
it reads and writes the project's files in the browser's origin-private file system, which the test
fills with the demo's data/ and content/ first and reads back after a save, to run `bibnum check`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

from tests.browser.axe import run_axe
from tests.browser.conftest import local_only
from tests.browser.waits import bounded, poll
from tests.conftest import REPO, copy_project, run_check

pytestmark = pytest.mark.browser

TEST_STORE = "sveltia-cms-test"  # the test backend's folder in the origin-private file system
COLLECTIONS = ("Ressources", "Bibliothèques", "Agenda", "Billets du blog", "Actualités", "Pages des portails",
               "Pages de l'espace professionnel", "Réseau")

WRITE_FILES = """async ([store, files]) => {
  const root = await navigator.storage.getDirectory();
  const top = await root.getDirectoryHandle(store, {create: true});
  for (const [path, text] of Object.entries(files)) {
    const parts = path.split('/'); let dir = top;
    for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, {create: true});
    const writable = await (await dir.getFileHandle(parts.at(-1), {create: true})).createWritable();
    await writable.write(text); await writable.close();
  }
}"""
READ_FILE = """async ([store, path]) => {
  const parts = path.split('/');
  let dir = await (await navigator.storage.getDirectory()).getDirectoryHandle(store);
  for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part);
  return await (await (await dir.getFileHandle(parts.at(-1))).getFile()).text();
}"""


def project_files() -> dict[str, str]:
    """The files the CMS edits: data/ (but the harvest's and the audit's) and content/."""
    files = {}
    for folder in ("data", "content"):
        for path in sorted((REPO / folder).rglob("*")):
            if path.is_file() and path.suffix in (".yml", ".md") and not {"harvest", "audit"} & set(path.parts):
                files[path.relative_to(REPO).as_posix()] = path.read_text(encoding="utf-8")
    return files


@pytest.fixture
def admin(browser, site_server):
    """A page of a fresh context whose requests cannot leave the test site, with what it logged."""
    context = browser.new_context(**local_only(site_server), locale="fr-FR", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.log = []  # console errors and warnings, page errors
    page.outside = []  # every request to another origin than the site's
    page.on("console", lambda m: m.type in ("error", "warning") and page.log.append(f"{m.type}: {m.text}"))
    page.on("pageerror", lambda e: page.log.append(f"pageerror: {e}"))
    page.on("response", lambda r: r.status >= 400 and page.log.append(f"HTTP {r.status}: {r.url}"))
    local = (site_server, f"blob:{site_server}", "data:")  # the site's own files, and what its scripts made
    page.on("request", lambda r: r.url.startswith(local) or page.outside.append(r.url))
    try:
        yield page
    finally:
        context.close()


def published_config(site_server: str, demo_build) -> dict:
    return yaml.safe_load((demo_build.out / "pro/admin/config.yml").read_text(encoding="utf-8"))


def open_with_test_backend(page, site_server: str, demo_build) -> None:
    """The admin page on the demo's files, through the CMS's test backend, signed in."""
    config = published_config(site_server, demo_build)
    config["backend"] = {"name": "test-repo"}
    config["publish_mode"] = "simple"  # the test backend has no pull requests
    body = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    page.route("**/pro/admin/config.yml*", lambda route: route.fulfill(
        status=200, content_type="application/yaml", body=body))
    page.goto(f"{site_server}/pro/admin/LICENSE.txt")  # the site's origin, to fill its file system
    page.evaluate(bounded(WRITE_FILES, 60), [TEST_STORE, project_files()])
    page.goto(f"{site_server}/pro/admin/")
    page.get_by_role("button", name="Travailler avec un dépôt de test").click()
    page.get_by_role("main", name=re.compile("Collection .*Ressources")).wait_for()  # the first collection


def meaning(data: object) -> object:
    """Data as the build reads it: a Markdown text's final line break says nothing (`|` or `|-`)."""
    if isinstance(data, dict):
        return {key: meaning(value) for key, value in data.items()}
    if isinstance(data, list):
        return [meaning(value) for value in data]
    return data.rstrip("\n") if isinstance(data, str) else data


LIST_FOLDER = """async ([store, path]) => {
  let dir = await (await navigator.storage.getDirectory()).getDirectoryHandle(store);
  for (const part of path.split('/')) dir = await dir.getDirectoryHandle(part);
  const names = [];
  for await (const name of dir.keys()) names.push(name);
  return names.sort();
}"""


def new_file(page, folder: str, suffix: str) -> str:
    """The one file ending with SUFFIX that the CMS has added to FOLDER (waited for): names the test
    did not put there. Chromium writes a file through a `<name>.crswap` beside it, which is not one."""
    before = sorted(path.name for path in (REPO / folder).iterdir())
    added = poll(page, f"""async ([store, folder, before, suffix]) => {{
          const added = (await ({LIST_FOLDER})([store, folder])).filter(n => !before.includes(n) && n.endsWith(suffix));
          return added.length ? added : false; }}""", [TEST_STORE, folder, before, suffix],
                 what=f"a new {suffix} file in {folder}")
    assert len(added) == 1, added
    return f"{folder}/{added[0]}"


def pick(page, field: str, option: str) -> None:
    """Choose OPTION in the select or relation labelled FIELD, as an editor does with the mouse."""
    page.get_by_role("combobox", name=field).click()
    page.get_by_role("option", name=option, exact=True).first.click()


def saved(page, path: str) -> str:
    wait_saved(page, path, "")  # readable: the CMS has closed it
    return page.evaluate(bounded(READ_FILE), [TEST_STORE, path])


def wait_saved(page, path: str, text: str) -> None:
    """Until the CMS has written PATH with TEXT in it (a file being written cannot be read: try again)."""
    poll(page, f"""async () => {{
        try {{ return (await ({READ_FILE})(['{TEST_STORE}', '{path}'])).includes({text!r}); }}
        catch (error) {{ return false; }} }}""", what=f"{path} written with {text!r}")


def check_with(tmp_path: Path, changed: dict[str, str]):
    project = copy_project(tmp_path / "network")
    for path, text in changed.items():
        (project / path).parent.mkdir(parents=True, exist_ok=True)
        (project / path).write_text(text, encoding="utf-8")
    return run_check(project)


def test_published_admin_page_loads_from_the_site_only(admin, site_server, demo_build):
    """The real configuration (GitHub): the sign-in page, in French, everything from the site but GitHub's."""
    admin.goto(f"{site_server}/pro/admin/")
    admin.get_by_role("button", name=re.compile("jeton d.accès")).wait_for()  # token sign-in: no auth_url
    assert admin.title() == f"Modifier le site — {published_config(site_server, demo_build)['app_title'].split(' — ', 1)[1]}"
    policy = admin.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert "script-src 'self';" in policy and "unpkg" not in policy and "jsdelivr" not in policy
    # Before signing in, nothing from anywhere but the site: no CDN, no status page.
    assert admin.outside == [] and admin.log == [], (admin.outside, admin.log)
    fonts = admin.evaluate("() => document.fonts.check('16px \"Material Symbols Outlined\"')")
    assert fonts  # the icons' font, from the site


def test_editor_lists_collections_in_french_and_saves_an_edit_check_accepts(admin, site_server, demo_build,
                                                                             tmp_path):
    open_with_test_backend(admin, site_server, demo_build)
    tree = admin.get_by_role("tree", name="Liste des collections")
    for name in COLLECTIONS:
        assert tree.get_by_role("treeitem", name=name, exact=True).count() == 1, name
    # Open a resource: its fields with their French labels, its choices with the taxonomy's labels.
    admin.get_by_text("Cafeyn", exact=True).click()
    category = admin.get_by_role("group", name="Champ « ⁨Catégorie⁩ »")
    category.wait_for()
    assert "Presse" in category.inner_text()  # the taxonomy's label, not the id `presse`
    assert admin.get_by_role("group", name="Champ « ⁨Publics visés⁩ »").get_by_text("Adultes").count()
    conditions = admin.get_by_role("group", name="Champ « ⁨Conditions d'utilisation⁩ »")
    conditions.scroll_into_view_if_needed()
    concurrent = conditions.get_by_role("spinbutton", name="Nombre d'accès simultanés pour le réseau")
    assert concurrent.input_value() == "60"
    access = admin.get_by_role("group", name="Champ « ⁨Comment un lecteur atteint la ressource depuis un portail⁩ »")
    assert "EZproxy" in access.inner_text() and "CAS" in access.inner_text()  # each portal's login, shown there
    concurrent.fill("80")
    admin.get_by_role("button", name="Enregistrer").click()
    wait_saved(admin, "data/resources/cafeyn.yml", "concurrent_users: 80")
    text = saved(admin, "data/resources/cafeyn.yml")
    before = yaml.safe_load((REPO / "data/resources/cafeyn.yml").read_text(encoding="utf-8"))
    after = yaml.safe_load(text)
    before["conditions"]["concurrent_users"] = 80
    assert meaning(after) == meaning(before)  # the one change, nothing else lost or added (no empty optional key)
    result = check_with(tmp_path, {"data/resources/cafeyn.yml": text})
    assert result.returncode == 0, result.stdout + result.stderr
    assert admin.outside == [] and admin.log == [], (admin.outside, admin.log)


def test_editor_adds_an_event_and_writes_a_post_that_check_accepts(admin, site_server, demo_build, tmp_path):
    open_with_test_backend(admin, site_server, demo_build)
    library = yaml.safe_load((REPO / "data/libraries/bayeux.yml").read_text(encoding="utf-8"))["name"]
    admin.get_by_role("treeitem", name="Agenda", exact=True).click()
    admin.get_by_role("button", name="Créer une entrée", exact=True).click()
    admin.get_by_role("textbox", name="Titre de l'événement").fill("Atelier d'essai : la presse en ligne")
    pick(admin, "Type", "Atelier")
    admin.get_by_role("textbox", name="Début, heure de Paris").fill("2026-12-22T14:00")
    admin.get_by_role("textbox", name="Fin, heure de Paris").fill("2026-12-22T16:00")
    pick(admin, "Bibliothèque où il a lieu", library)
    admin.get_by_role("textbox", name="Résumé en une phrase").fill("Découvrir le kiosque de presse, « pas à pas ».")
    admin.get_by_role("button", name="Enregistrer").click()
    event_path = new_file(admin, "data/events", ".yml")
    event = saved(admin, event_path)
    assert event_path == "data/events/atelier-d-essai-la-presse-en-ligne.yml"  # the id rules: ascii, lowercase
    assert "start: 2026-12-22T14:00" in event and "library: bayeux" in event, event

    admin.get_by_role("treeitem", name="Billets du blog", exact=True).click()
    admin.get_by_role("button", name="Créer une entrée", exact=True).click()
    admin.get_by_role("textbox", name=re.compile("Date de publication")).fill("2026-12-03")
    text = admin.get_by_role("textbox", name="Texte")  # the rich text editor: bold is a key, not asterisks
    text.click()
    admin.keyboard.type("Les ")
    admin.keyboard.press("Control+b")
    admin.keyboard.type("nouveautés")
    admin.keyboard.press("Control+b")
    admin.keyboard.type(" du mois, en bref.")
    # The title last, and seen kept: typed first, a change of date just after it once left it empty
    # (the form then refuses to save, as it should), as a person typing fast could see it happen.
    title = admin.get_by_role("textbox", name="Titre du billet")
    title.fill("Nouveautés de décembre")
    expect(title).to_have_value("Nouveautés de décembre")
    admin.get_by_role("button", name="Enregistrer").click()
    folder = "content/blog/posts"
    post_path = new_file(admin, folder, ".md")
    post = saved(admin, post_path)
    assert re.fullmatch(rf"{folder}/\d{{4}}-\d{{2}}-\d{{2}}-nouveautes-de-decembre\.md", post_path), post_path
    assert post.startswith("---\n") and "date: 2026-12-03" in post and "**nouveautés**" in post, post

    result = check_with(tmp_path, {event_path: event, post_path: post})
    assert result.returncode == 0, result.stdout + result.stderr
    assert admin.outside == [] and admin.log == [], (admin.outside, admin.log)


def test_admin_pages_have_no_serious_accessibility_violation_of_ours(admin, site_server, demo_build):
    found = {}
    admin.goto(f"{site_server}/pro/admin/")
    admin.get_by_role("button", name=re.compile("jeton d.accès")).wait_for()
    found["connexion"] = run_axe(admin).violations
    open_with_test_backend(admin, site_server, demo_build)
    found["collection"] = run_axe(admin).violations
    admin.get_by_text("Cafeyn", exact=True).click()
    admin.get_by_role("group", name="Champ « ⁨Catégorie⁩ »").wait_for()
    found["ressource"] = run_axe(admin).violations
    serious = {page: [v for v in violations if v["impact"] in ("serious", "critical")]
               for page, violations in found.items()}
    assert serious == {page: [] for page in found}, serious
    # What is left is the CMS's own markup, which the configuration does not control: the viewport
    # meta it adds to the page (it forbids zooming), beside ours, which allows it.
    others = {v["rule"] for violations in found.values() for v in violations}
    assert others <= {"meta-viewport"}, found
    assert admin.locator('meta[name="viewport"]').first.get_attribute("content") == \
        "width=device-width, initial-scale=1"


def test_editing_a_library_keeps_what_its_form_does_not_show(admin, site_server, demo_build, tmp_path):
    """A library's codes per site (a mapping keyed by field names) have no form: saving keeps them, and
    its own login (one form per kind) comes back as it was."""
    path = "data/libraries/bayeux.yml"
    before = yaml.safe_load((REPO / path).read_text(encoding="utf-8"))
    assert before["fields"] and before["login"]["kind"] != "direct"
    open_with_test_backend(admin, site_server, demo_build)
    admin.get_by_role("treeitem", name="Bibliothèques", exact=True).click()
    admin.get_by_text(before["name"], exact=True).click()
    phone = admin.get_by_role("textbox", name=re.compile("^Téléphone"))
    phone.fill("02 31 51 20 21")
    admin.get_by_role("button", name="Enregistrer").click()
    wait_saved(admin, path, "02 31 51 20 21")
    text = saved(admin, path)
    before["phone"] = "02 31 51 20 21"
    assert meaning(yaml.safe_load(text)) == meaning(before)
    result = check_with(tmp_path, {path: text})
    assert result.returncode == 0, result.stdout + result.stderr
    assert admin.outside == [] and admin.log == [], (admin.outside, admin.log)
