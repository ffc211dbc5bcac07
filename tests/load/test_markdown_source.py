from html.parser import HTMLParser

import pytest

from generator.load.engine_config import engine_config
from generator.load.markdown_source import load_markdown
from generator.load.project import markdown_extensions
from generator.render.markdown import markdown_html
from generator.urls import is_safe_link

# The engine's own extensions (bibnum's base configuration), attr_list included.
ENGINE = markdown_extensions(engine_config("").settings)


def load(text: str, file: str = "p.md"):
    return load_markdown(text, file, ENGINE)


def body_problems(body: str):
    """Problems of a page whose body starts on line 4."""
    _, problems = load(f"---\ntitle: T\n---\n{body}")
    return problems


def test_front_matter_and_body_lines():
    doc, problems = load("---\ntitle: T\ndate: 2026-01-02\n---\n\nBody\n")
    assert problems == []
    assert doc.meta.data["title"] == "T"
    assert doc.meta.positions[("date",)] == (3, 1)
    assert doc.body.strip() == "Body"
    assert doc.body_line == 5


def test_missing_or_unclosed_front_matter():
    doc, problems = load("# no front matter\n", "a.md")
    assert doc is None and "en-tête absent" in problems[0].message
    doc, problems = load("---\ntitle: T\n", "b.md")
    assert doc is None and "en-tête non fermé" in problems[0].message


def test_the_engine_extensions_are_the_base_configuration():
    assert {"attr_list", "md_in_html", "pymdownx.superfences", "toc"} <= {name for name, _ in ENGINE}


# --- raw HTML, found by a tokenizer at its line and column -----------------------------------

@pytest.mark.parametrize(
    ("body", "where", "shown"),
    [
        ("ok\n<script>alert(1)</script>\n", (5, 1), "<script>"),
        ('Texte <img src="x" onerror="alert(1)"> suite\n', (4, 7), "<img"),
        # A tag split over two lines: the old line-by-line guard saw no handler.
        ('<img src="../logo.svg" alt=""\nonload="window.__x=106">\n', (4, 1), "onload"),
        ("<div\n onmouseover=\"window.__x=1\">survol</div>\n", (4, 1), "<div"),
        ('<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>\n', (4, 1), "<svg>"),
        ('<a href="&#106;avascript:alert(1)">x</a>\n', (4, 1), "<a"),
        ('<meta http-equiv="refresh" content="0;url=https://evil.example">\n', (4, 1), "<meta"),
        ("<iframe src=\"https://evil.example.org\"></iframe>\n", (4, 1), "<iframe"),
        ("<b>gras</b>\n", (4, 1), "<b>"),
        ("<!-- x --!><img src=x onerror=alert(1)> -->\n", (4, 1), "<!--"),
        ("<!DOCTYPE html>\n", (4, 1), "<!DOCTYPE html>"),
        # Not an autolink to Python-Markdown (only http, https, ftp and e-mail are): a custom
        # element whose '/onmouseover' a browser reads as an attribute.
        ("Voir <x:y/onmouseover=alert(1)>\n", (4, 6), "<x:y/onmouseover=alert(1)>"),
        ("<javascript:alert(1)>\n", (4, 1), "<javascript:alert(1)>"),
    ],
)
def test_raw_html_is_refused_at_its_position(body, where, shown):
    problems = body_problems(body)
    assert problems, body
    first = problems[0]
    assert (first.location.line, first.location.column) == where
    assert first.location.file == "p.md"
    assert shown in first.message
    assert "HTML brut" in first.message and "écrivez-le en Markdown" in first.message


@pytest.mark.parametrize(
    "body",
    [
        "Intro du billet.\n\n<!-- more -->\n\nSuite.\n",  # the blog's excerpt marker
        "Pour aller à la ligne, on écrivait `<br>` en HTML.\n",
        "```html\n<script>alert(1)</script>\n```\n",
        "~~~~\n<iframe src=x></iframe>\n~~~~\n",
        "- liste\n\n    ```\n    <b>x</b>\n    ```\n",
        "Échappé : \\<b> reste du texte.\n",
        "Le site <https://gallica.bnf.fr/> et <contact@example.fr>.\n",
        "Comparaison : 3 < 5 et 7 > 2, a<b.\n",
        "On a vu 11 = onze, les données : data, javascript est un langage.\n",
        "## Titre {: #ancre .classe }\n\n[Lien](https://a.example/){: title=\"Un titre\" target=\"_blank\" }\n",
        "| a | b |\n|:--|--:|\n| 1 | 2 |\n",
        "[relatif](../aide/) [ancre](#haut) [courriel](mailto:x@example.fr) [tél.](tel:+33231000000)\n",
        "![Logo](/images/logo.png)\n\n!!! note \"À savoir\"\n    Texte.\n\n??? tip \"Plus\"\n    Détail.\n",
    ],
    ids=["more", "code-span", "fence", "tilde-fence", "indented-fence", "escaped", "autolinks", "comparisons",
         "words", "attr-list", "table", "links", "image-admonition-details"],
)
def test_markdown_and_code_are_not_flagged(body):
    assert body_problems(body) == []


# --- what Markdown itself renders, judged after parsing -----------------------------------------

@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        ("[x](javascript:window.__x=2)\n", 4, "lien « javascript:window.__x=2 »"),
        ("Intro\n\n[x](&#106;avascript:alert(1))\n", 6, "lien « javascript:alert(1) »"),
        ("[x](javascript&colon;alert(1))\n", 4, "lien « javascript:alert(1) »"),
        ("[x](JaVaScRiPt:alert(1))\n", 4, "refusé"),
        ("[x](java&#x09;script:alert(1))\n", 4, "refusé"),
        ("[x](&#x20;javascript:alert(1))\n", 4, "refusé"),
        ("[x](vbscript:msgbox(1))\n", 4, "vbscript"),
        ("![x](data:image/svg+xml;base64,PHN2Zz4=)\n", 4, "data:"),
        ("[x][r]\n\n[r]: javascript:alert(1)\n", 6, "javascript"),
        ('[x](https://a.example){ onclick="window.__x=1" }\n', 4, "attribut « onclick »"),
        ("Paragraphe\n{: onmouseover=\"window.__x=1\" }\n", 5, "attribut « onmouseover »"),
        ('[x](https://a.example){ href="javascript:alert(1)" }\n', 4, "javascript"),
        ('Texte\n{: style="position:fixed;top:0" }\n', 5, "attribut « style »"),
        ('![x](/images/x.png){ onerror="window.__x=1" }\n', 4, "attribut « onerror »"),
        ("[x](java\nscript:alert(1))\n", 4, "lien « java script:alert(1) »"),
    ],
    ids=["javascript", "entity", "colon-entity", "upper-case", "tab", "leading-space", "vbscript", "data",
         "reference", "attr-onclick", "attr-block", "attr-href", "attr-style", "attr-img", "newline"],
)
def test_dangerous_markdown_is_refused(body, line, words):
    problems = body_problems(body)
    assert problems, body
    assert problems[0].location.line == line, problems
    assert words in problems[0].message, problems[0].message


def test_a_scheme_split_by_a_newline_in_raw_html_is_raw_html():
    problems = body_problems('<a href="java\nscript:alert(1)">x</a>\n')
    assert problems and "HTML brut" in problems[0].message


# --- Markdown fields of data files: rendered by us, sanitized by nh3 ----------------------------

@pytest.mark.parametrize(
    "field",
    [
        "[x](javascript:alert(1))", "[x](&#106;avascript:alert(1))", "[x](javascript&colon;alert(1))",
        "[x](java\tscript:alert(1))", "[x](JAVASCRIPT:alert(1))", "[x](vbscript:x)",
        "[x](data:text/html,<script>alert(1)</script>)", '<img src=x onerror="alert(1)">',
        '<a href="javascript:alert(1)">x</a>', "<svg><a xlink:href=\"javascript:alert(1)\">x</a></svg>",
        '[x](https://a.example){ onclick="alert(1)" }', "<script>alert(1)</script>",
        '<img src="../logo.svg" alt=""\nonload="window.__x=1">',
    ],
)
def test_markdown_fields_are_sanitized_by_parsing(field):
    tags = _Tags()
    tags.feed(str(markdown_html(field)))
    for tag, attrs in tags.seen:
        assert tag not in ("script", "img", "svg", "iframe"), (field, tag)
        for name, value in attrs:
            assert not name.startswith("on") and name != "xlink:href", (field, name)
            if name in ("href", "src"):
                assert is_safe_link(value or ""), (field, value)


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.seen = []

    def handle_starttag(self, tag, attrs):
        self.seen.append((tag, attrs))
