from generator.render.markdown import markdown_html, plain_text


def test_hostile_markdown_is_sanitized():
    html = str(markdown_html(
        "# Titre\n\nHello <script>alert(1)</script> <img src=x onerror=alert(1)>\n\n"
        "[x](javascript:alert(1)) [y](https://ok.example.org) <iframe src=https://evil.example.org></iframe>"
    ))
    assert "<script" not in html and "onerror" not in html and "<iframe" not in html and "<img" not in html
    assert "javascript:" not in html
    assert '<a href="https://ok.example.org" rel="noopener noreferrer">y</a>' in html
    assert "<h3>Titre</h3>" in html  # page layout keeps h1/h2


def test_plain_text_strips_markup():
    assert plain_text("**Gras** et [lien](https://a.example.org)\n\n- un") == "Gras et lien un"


def test_reused_converter_gives_what_a_fresh_one_gives():
    import markdown

    from generator.render.markdown import _convert

    texts = ["[ref]: https://a.example.org\n\nA [link][ref].", "Only [link][ref] here.",
             "| a | b |\n|---|---|\n| 1 | 2 |", "1. one\n* two", "<div>raw</div>\n\ntext", ""]
    for text in texts * 2:  # a reference defined in one text must not leak into the next
        assert _convert(text, editor=True) == markdown.markdown(
            text, extensions=["tables", "sane_lists"], output_format="html")
        assert _convert(text, editor=False) == markdown.markdown(text)


def test_a_link_whose_scheme_is_refused_once_spaces_are_left_out_is_dropped():
    # Markdown turns the tab of `java<TAB>script:` into spaces; the link's words stay, its address goes.
    for images in (None, "../images/"):
        html = str(markdown_html("[lien](java\tscript:window.__x=8) et [ici](https://exemple.fr/a b)", images))
        assert "script:" not in html and ">lien</a>" in html, images
        assert 'href="https://exemple.fr/a b"' in html, images  # a space elsewhere changes nothing
