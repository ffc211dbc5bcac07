"""The pro site's web editor (`admin/`): Sveltia CMS, served from the site, configured from the models.

Librarians who do not use git change the site there: each change is committed by the CMS
as a pull request on the network's repository (its editorial workflow), which the PR
workflow checks with `bibnum check` before anyone merges it. Published only when
data/sites.yml has an `editing:` block naming that repository.

The CMS's files are vendored from its npm release (vendor/sveltia-cms/, refreshed with
`npm run vendor:sveltia-cms`): a built site loads nothing from a CDN. The page allows
connections to the site itself, GitHub's API and the network's sign-in service only.
"""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from pathlib import Path

import yaml

from ..cms_config import cms_config
from ..data_schemas import project_choices
from ..i18n import text as _
from ..models.graph import NetworkGraph
from ..models.site import Site
from ..view.paths import ADMIN_DIR as ADMIN
VENDOR = Path(__file__).resolve().parent / "vendor" / "sveltia-cms"
FONTS = VENDOR.parent / "fonts"
LOCALE = "fr"  # the editors' language: the CMS follows the browser's
# What the editor reaches besides the site: GitHub's API (REST and GraphQL) and, for the pictures
# GitHub serves, its avatars and raw files (an image uploaded in a pending change).
GITHUB_API = "https://api.github.com"
GITHUB_IMAGES = ("https://avatars.githubusercontent.com", "https://raw.githubusercontent.com")


def admin_files(graph: NetworkGraph, pro: Site) -> dict[str, str | bytes]:
    """The admin page, its configuration and the CMS's files, as {docs path: content} ({} without `editing`)."""
    editing = graph.editing
    if editing is None:
        return {}
    config = cms_config(
        project_choices(graph.taxonomy, graph.sites), editing.repository, editing.branch,
        authors={id_: author.name for id_, author in graph.authors.items()},
        blog_categories=graph.taxonomy.blog_categories,
        auth_url=editing.auth_url, site_url=pro.url, title=_("admin.title", network=graph.network.name),
        site_logins={site.id: site_login(site) for site in graph.sites if site.kind == "public"},
    )
    files: dict[str, str | bytes] = {
        f"{ADMIN}/index.html": admin_page(graph.network.name, admin_policy(editing.auth_url)),
        f"{ADMIN}/config.yml": _("admin.config_header") + yaml.safe_dump(
            config, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100),
    }
    files.update({f"{ADMIN}/{path}": content for path, content in cms_files().items()})
    return files


# Where the CMS looks for its own files on CDNs (its other languages' strings, a check for a newer
# release, its fonts), and where the admin page has them instead: the same files, from npm.
_CMS_CDN = "`https://unpkg.com/@sveltia/cms`"
_CMS_HERE = "`./cms`"  # relative to admin/, where the page is
# Its check of GitHub's status page (a third party's host, Statuspage): answered by the site with an
# empty status, which the CMS takes as "unknown" and shows nothing for.
_STATUS = "`https://www.githubstatus.com/api/v2/status.json`"
_STATUS_HERE = "`./cms/status.json`"
_FONT_CDN = re.compile(rb"https://cdn\.jsdelivr\.net/fontsource/fonts/([a-z0-9-]+)(?::vf)?@[0-9.]+/([a-z0-9-]+\.woff2)")


@lru_cache(maxsize=1)
def cms_files() -> dict[str, bytes]:
    """The CMS's files as admin/ serves them, {path under admin/: bytes} (the same for every network).

    Its script names two CDNs and a status page; the copy published here names the site's own
    files instead, so that nothing is requested from elsewhere but GitHub's API (the privacy rule
    holds for editors too).
    """
    package = json.loads((VENDOR / "package.json").read_text(encoding="utf-8"))
    script = (VENDOR / "sveltia-cms.js").read_bytes()
    if script.count(_CMS_CDN.encode()) != 1 or script.count(_STATUS.encode()) != 1 or not _FONT_CDN.search(script):
        # A new release moved them: the tests say so before any site is published with a CDN in it.
        raise RuntimeError("generator/admin/vendor: the CMS no longer names its CDN as bibnum expects")
    script = script.replace(_CMS_CDN.encode(), _CMS_HERE.encode()).replace(_STATUS.encode(), _STATUS_HERE.encode())
    fonts = {match[1].decode() + "-" + match[2].decode() for match in _FONT_CDN.finditer(script)}
    script = _FONT_CDN.sub(rb"fonts/\1-\2", script)
    files = {
        "sveltia-cms.js": script,
        "LICENSE.txt": (VENDOR / "LICENSE.txt").read_bytes(),
        "cms/package.json": (VENDOR / "package.json").read_bytes(),
        "cms/status.json": b"{}\n",
        f"cms@{package['version']}/locales/{LOCALE}.json": (VENDOR / "locales" / f"{LOCALE}.json").read_bytes(),
    }
    for chunk in sorted((VENDOR / "chunks").glob("*.js")):
        files[f"chunks/{chunk.name}"] = chunk.read_bytes()
    for font in sorted(fonts):
        files[f"fonts/{font}"] = (FONTS / font).read_bytes()
    for notice in sorted(FONTS.glob("LICENSE-*")):
        files[f"fonts/{notice.name}"] = notice.read_bytes()
    return files



def site_login(site: Site) -> str:
    """How a portal's readers log in, in a few words (shown beside a resource's access)."""
    login = site.login
    detail = {"ezproxy": getattr(login, "base", ""), "cas": getattr(login, "base", ""),
              "openathens": getattr(login, "domain", ""), "shibboleth": getattr(login, "idp", "")}.get(login.kind)
    said = _(f"admin.login.{login.kind}", detail=detail)
    if site.library_logins:
        said += _("admin.login.libraries")
    return f"{site.name} : {said}"


def admin_policy(auth_url: str | None) -> str:
    """The admin page's Content-Security-Policy (its own: the CMS is not a page of the engine's).

    Svelte sets styles inline, so styles allow 'unsafe-inline'; scripts stay the site's own files.
    """
    directives = {
        "default-src": ("'self'",),
        "script-src": ("'self'",),
        "style-src": ("'self'", "'unsafe-inline'"),
        "img-src": ("'self'", "data:", "blob:", *GITHUB_IMAGES),
        "media-src": ("'self'", "blob:"),
        "font-src": ("'self'", "data:"),
        "connect-src": ("'self'", "data:", GITHUB_API, *((auth_url,) if auth_url else ())),
        "worker-src": ("'self'", "blob:"),
        "object-src": ("'none'",),
        "frame-src": ("'none'",),
        "base-uri": ("'self'",),
        "form-action": ("'none'",),
    }
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def admin_page(network: str, policy: str) -> str:
    """The page that loads the CMS, which reads config.yml beside it."""
    return (
        "<!doctype html>\n"
        '<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{html.escape(policy)}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex, nofollow">\n'
        '<meta name="referrer" content="same-origin">\n'
        f"<title>{html.escape(_('admin.title', network=network))}</title>\n"
        # No icon of its own: without this the browser asks the host's root for /favicon.ico.
        '<link rel="icon" href="data:,">\n'
        '<link href="config.yml" type="application/yaml" rel="cms-config-url">\n'
        "</head>\n<body>\n"
        # Without JavaScript, the page still says what it is (the CMS writes its own heading).
        f"<noscript><h1>{html.escape(_('admin.title', network=network))}</h1>"
        f"<p>{html.escape(_('admin.noscript'))}</p></noscript>\n"
        '<script src="sveltia-cms.js"></script>\n'
        "</body>\n</html>\n"
    )
