"""One judgement of URL schemes, as a browser reads them (generator/urls.py)."""

import pytest

from generator.urls import is_safe_link, url_scheme


@pytest.mark.parametrize(
    ("url", "scheme"),
    [
        ("https://a.example/", "https"), ("HTTP://a.example/", "http"), ("mailto:x@example.fr", "mailto"),
        ("javascript:alert(1)", "javascript"), (" \x01javascript:alert(1)", "javascript"),
        ("java\nscript:alert(1)", "javascript"), ("java\tscr\ript:x", "javascript"), ("JaVaScRiPt:x", "javascript"),
        ("vbscript:x", "vbscript"), ("data:text/html,x", "data"),
        ("../aide/", None), ("#haut", None), ("/javascript:x", None), ("java script:x", None), ("", None),
    ],
)
def test_scheme_as_a_browser_reads_it(url, scheme):
    assert url_scheme(url) == scheme


@pytest.mark.parametrize("url", ["https://a.example/", "http://a.example/", "tel:+33231000000", "../x/", "#a", "x.pdf"])
def test_safe_links(url):
    assert is_safe_link(url)


@pytest.mark.parametrize("url", ["javascript:x", "\tjavascript:x", "java\nscript:x", "vbscript:x", "data:image/png,x",
                                 "file:///etc/passwd"])
def test_unsafe_links(url):
    assert not is_safe_link(url)
