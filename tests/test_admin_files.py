"""The pro site's admin/ files: published only with an `editing` block, from the site alone, and a
configuration the CMS's own JSON schema accepts (no engine, no browser)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from generator.admin import VENDOR, admin_files, admin_policy, cms_files
from generator.load.project import load_project
from generator.validate import validate
from tests.conftest import REPO, run_check, small_network

SVELTIA = REPO / "node_modules" / "@sveltia" / "cms"


def _graph(root: Path):
    return validate(load_project(root))


def _with_editing(root: Path, block: str) -> Path:
    sites = root / "data/sites.yml"
    sites.write_text(sites.read_text(encoding="utf-8") + "\n" + block, encoding="utf-8")
    return root


def _pro(graph):
    return next(site for site in graph.sites if site.kind == "pro")


def test_no_admin_page_without_an_editing_block(tmp_path: Path):
    graph = _graph(small_network(tmp_path / "network"))
    assert graph.editing is None and admin_files(graph, _pro(graph)) == {}


def test_admin_files_of_a_new_network(tmp_path: Path):
    root = _with_editing(small_network(tmp_path / "network"),
                         "editing:\n  repository: vallee/portails\n  auth_url: https://auth.vallee.example.org\n")
    graph = _graph(root)
    files = admin_files(graph, _pro(graph))
    config = yaml.safe_load(files["admin/config.yml"])
    assert config["backend"] == {"name": "github", "repo": "vallee/portails", "branch": "main",
                                 "base_url": "https://auth.vallee.example.org"}
    assert config["publish_mode"] == "editorial_workflow" and config["site_url"] == _pro(graph).url
    assert config["app_title"] == f"Modifier le site — {graph.network.name}"
    page = files["admin/index.html"]
    assert '<html lang="fr">' in page and '<script src="sveltia-cms.js"></script>' in page
    assert "connect-src 'self' data: https://api.github.com https://auth.vallee.example.org;" in \
        page.replace("&#x27;", "'")
    # Every file the page or the CMS asks for is there, and none names a CDN.
    script = files["admin/sveltia-cms.js"]
    assert b"unpkg.com/@sveltia/cms`" not in script and b"cdn.jsdelivr.net" not in script
    assert b"githubstatus.com/api" not in script and files["admin/cms/status.json"] == b"{}\n"
    fonts = {name.decode() for name in re.findall(rb"fonts/([a-z0-9-]+\.woff2)", script)}
    assert fonts and all(f"admin/fonts/{font}" in files for font in fonts)
    version = json.loads((VENDOR / "package.json").read_text(encoding="utf-8"))["version"]
    assert f"admin/cms@{version}/locales/fr.json" in files and "admin/cms/package.json" in files
    assert "admin/chunks/react-dom.js" in files and "admin/LICENSE.txt" in files


def test_policy_without_a_sign_in_service_reaches_github_only():
    policy = admin_policy(None)
    assert "connect-src 'self' data: https://api.github.com;" in policy
    assert "script-src 'self';" in policy and "frame-src 'none'" in policy and "object-src 'none'" in policy


@pytest.mark.parametrize(("block", "key", "expected"), [
    ("editing:\n  repository: portails\n", "repository", "compte/dépôt"),
    ("editing:\n  repository: a/b\n  branch: ../main\n", "branch", "nom de branche"),
    ("editing:\n  repository: a/b\n  auth_url: http://auth.example.org/callback\n", "auth_url", "https://"),
    ("editing:\n  repo: a/b\n", "repo", ""),
])
def test_a_bad_editing_block_is_told_at_its_line(tmp_path: Path, block: str, key: str, expected: str):
    root = _with_editing(small_network(tmp_path / "network"), block)
    line = len((root / "data/sites.yml").read_text(encoding="utf-8").splitlines()) - block.count("\n") + 1
    result = run_check(root)
    assert result.returncode != 0
    said = result.stdout + result.stderr
    reported = [text for text in said.splitlines() if "data/sites.yml:" in text and key in text]
    assert reported and expected in reported[0], said
    assert int(reported[0].split(":")[1]) >= line


def test_the_published_configuration_is_valid_for_the_cms(tmp_path: Path):
    """Sveltia CMS's own JSON schema (in its npm package, installed by the test command) accepts it."""
    schema_file = SVELTIA / "schema" / "sveltia-cms.json"
    if not schema_file.is_file():
        pytest.fail(f"{schema_file} is missing: run `./dev test`, which installs the npm test tools", pytrace=False)
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    for root in (REPO, _with_editing(small_network(tmp_path / "network"), "editing:\n  repository: v/p\n")):
        graph = _graph(root)
        config = yaml.safe_load(admin_files(graph, _pro(graph))["admin/config.yml"])
        errors = [f"{list(e.absolute_path)}: {e.message[:200]}" for e in
                  jsonschema.Draft7Validator(schema).iter_errors(config)]
        assert errors == [], root


def test_vendored_files_are_the_npm_release():
    """generator/admin/vendor holds the very files of the pinned npm packages (npm run vendor:sveltia-cms)."""
    if not SVELTIA.is_dir():
        pytest.fail(f"{SVELTIA} is missing: run `./dev test`, which installs the npm test tools", pytrace=False)
    for name in ("sveltia-cms.js", "chunks/react-dom.js"):
        assert (VENDOR / name).read_bytes() == (SVELTIA / "dist" / name).read_bytes(), name
    assert (VENDOR / "locales/fr.json").read_bytes() == (SVELTIA / "locales/fr.json").read_bytes()
    assert json.loads((VENDOR / "package.json").read_text())["version"] == \
        json.loads((REPO / "package.json").read_text())["devDependencies"]["@sveltia/cms"]
    for font in (VENDOR.parent / "fonts").glob("*.woff2"):
        matches = list((REPO / "node_modules").glob(f"@fontsource*/*/files/{font.name}"))
        assert len(matches) == 1 and matches[0].read_bytes() == font.read_bytes(), font.name
    assert cms_files()["sveltia-cms.js"] != (VENDOR / "sveltia-cms.js").read_bytes()  # its CDN names rewritten


def test_a_page_named_admin_is_refused(tmp_path: Path):
    """Its address is the web editor's: an editor's admin.md would silently replace it (or be replaced)."""
    root = small_network(tmp_path / "network")
    (root / "content/pro").mkdir(exist_ok=True)
    (root / "content/pro/admin.md").write_text("---\ntitle: Administration\n---\n\nTexte.\n", encoding="utf-8")
    result = run_check(root)
    said = result.stdout + result.stderr
    assert result.returncode != 0 and "content/pro/admin.md:1:1: « admin.md » ne peut pas être une page" in said, said
