"""An editor's image (content/images/, shown by a demo news item written the web editor's way,
`/images/<name>`) loads in Chromium from every page that shows it (the post's own page and the
news listings, each at its own depth), from the site itself, with no policy violation."""

from __future__ import annotations

import pytest

from .conftest import local_only
from .test_csp import RECORD_VIOLATIONS

pytestmark = pytest.mark.browser

IMAGE = "boite-numerique-bd.png"


@pytest.mark.parametrize("site", ["calvados", "caen"])
def test_an_editor_s_image_loads_from_every_page_that_shows_it(demo_build, site_server, browser, site):
    folder = demo_build.out / site
    assert (folder / "images" / IMAGE).read_bytes() == (demo_build.out.parent / "content" / "images" / IMAGE).read_bytes()
    pages = sorted(path.parent.relative_to(folder).as_posix() for path in folder.rglob("index.html")
                   if IMAGE in path.read_text(encoding="utf-8"))
    assert len(pages) >= 2, pages  # the post's page and at least one listing
    context = browser.new_context(locale="fr-FR", **local_only(site_server))
    context.add_init_script(RECORD_VIOLATIONS)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    try:
        page = context.new_page()
        for path in pages:
            page.goto(f"{site_server}/{site}/{path}/")
            image = page.locator(f'img[src$="images/{IMAGE}"]').first
            image.wait_for(state="attached")
            page.wait_for_function("(img) => img.complete", arg=image.element_handle())
            assert image.evaluate("(img) => img.naturalWidth") > 0, path
            assert image.get_attribute("alt") == "Des planches de BD sortent de la Boîte numérique"
            assert image.evaluate("(img) => new URL(img.src).pathname") == f"/{site}/images/{IMAGE}"
            assert page.evaluate("window.__violations") == [], path
    finally:
        context.close()
    assert all(url.startswith(site_server) for url in requests), [u for u in requests if not u.startswith(site_server)]
