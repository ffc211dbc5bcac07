"""Editors' Markdown fields may show images of content/images/ only: the sanitizer rewrites their
address for where the HTML is shown and removes every other src (parsing, not a denylist)."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from generator.load.markdown_body import with_image_paths
from generator.render.markdown import markdown_html, sanitize_html
from generator.urls import local_image


class _Images(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.attrs: list[dict] = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.attrs.append(dict(attrs))


def images(html: str) -> list[dict]:
    parser = _Images()
    parser.feed(str(html))
    return parser.attrs


@pytest.mark.parametrize(("markdown", "src"), [
    ("![Affiche](/images/affiche.png)", "../../images/affiche.png"),  # the web editor's form
    ("![Affiche](images/affiche.png)", "../../images/affiche.png"),
    ("![Affiche](/images/2026/plan-acces.webp)", "../../images/2026/plan-acces.webp"),  # one sub-folder
    ("![Affiche][a]\n\n[a]: /images/affiche.JPG", "../../images/affiche.JPG"),
])
def test_an_image_of_content_images_is_shown_from_the_page(markdown, src):
    assert images(markdown_html(markdown, "../../images/")) == [{"alt": "Affiche", "src": src}]


@pytest.mark.parametrize("src", [
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:image/png;base64,iVBORw0KGgo=", "//evil.example/x.png",
    "https://evil.example/pixel.png", "http://evil.example/x.png", "../../etc/passwd.png", "/images/../secret.png",
    "/images/a/b/c.png", "/images/x.svg", "/images/x.png?track=1", "/images/x.png#y", "/images/.hidden.png",
    "images%2Fx.png", "/images/%2e%2e/x.png", "/IMAGES/x.png", "/images/x y.png",
])
def test_any_other_src_is_removed(src):
    for html in (markdown_html(f"![x]({src})", "../images/"),
                 markdown_html(f'<img src="{src}" alt="x">', "../images/")):
        assert images(html) == [], (src, html)  # the image, left with no src, is left out whole
        assert "<img" not in str(html)
    assert local_image(src) is None


def test_only_src_and_alt_reach_the_page_and_handlers_never():
    hostile = ('<img src="/images/a.png" alt="a" onerror="alert(1)" srcset="https://evil.example/x.png 2x" '
               'style="position:fixed" loading="lazy" width="9999">')
    assert images(sanitize_html(hostile, "../images/")) == [{"src": "../images/a.png", "alt": "a"}]
    # Through Markdown's attr_list syntax too: it is not enabled for fields, left as text.
    html = str(markdown_html('![a](/images/a.png){: onerror="alert(1)" }', ""))
    assert images(html) == [{"src": "a.png", "alt": "a"}] and "onerror=" not in html.replace("{: onerror", "")


def test_without_an_images_folder_images_are_left_out():
    """Harvested summaries and fields shown where no images/ folder is known keep no image."""
    assert images(markdown_html("![a](/images/a.png)")) == []
    assert images(sanitize_html('<p><img src="/images/a.png" alt="a"></p>')) == []


def test_a_body_s_images_point_at_the_docs_root_from_its_source_file_and_code_stays_as_written():
    body = ("![A](/images/a.png \"titre\") [B](images/sub/b.jpg)\n\n"
            "```\n![C](/images/c.png)\n```\n\nUn `![D](/images/d.png)` et [r]: /images/e.png\n\n"
            "[e]: </images/e.png>\n[distant](https://example.org/images/x.png)\n")
    assert with_image_paths(body, "../../") == (
        "![A](../../images/a.png \"titre\") [B](../../images/sub/b.jpg)\n\n"
        "```\n![C](/images/c.png)\n```\n\nUn `![D](/images/d.png)` et [r]: /images/e.png\n\n"
        "[e]: <../../images/e.png>\n[distant](https://example.org/images/x.png)\n")
    assert with_image_paths(body, "").startswith("![A](images/a.png")


@pytest.mark.parametrize("src", ["https://pisteur.example/p.png", "//evil.example/x.png", "../../etc/passwd.png",
                                 "/images/../secret.png", "data:image/png;base64,iVBORw0KGgo=", "javascript:alert(1)",
                                 "autre/x.png", "/images/x.svg"])
def test_a_body_showing_any_other_image_is_refused_at_its_line(src):
    from generator.load.markdown_source import load_markdown
    from generator.load.project import markdown_extensions
    from generator.load.engine_config import engine_config

    document, problems = load_markdown(f"---\ntitle: T\n---\nTexte.\n\n![Photo]({src})\n", "p.md",
                                       markdown_extensions(engine_config("").settings))
    assert [(p.location.line, p.message.split(" : ")[0]) for p in problems] == [(6, f"image « {src} » refusée")]
    assert document.images == ()
