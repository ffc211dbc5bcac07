import pytest

from generator.load.markdown_source import load_markdown


def test_front_matter_and_body_lines():
    doc, problems = load_markdown("---\ntitle: T\ndate: 2026-01-02\n---\n\nBody\n", "p.md")
    assert problems == []
    assert doc.meta.data["title"] == "T"
    assert doc.meta.positions[("date",)] == (3, 1)
    assert doc.body.strip() == "Body"
    assert doc.body_line == 5


def test_missing_or_unclosed_front_matter():
    assert load_markdown("# no front matter\n", "a.md")[0] is None
    doc, problems = load_markdown("---\ntitle: T\n", "b.md")
    assert doc is None and "not closed" in problems[0].message


@pytest.mark.parametrize(
    "line",
    [
        "<script>alert(1)</script>",
        '<img src="x" onerror="alert(1)">',
        "[x](javascript:alert(1))",
        '<iframe src="https://evil.example.org"></iframe>',
        "<a href='data:text/html,<b>x</b>'>x</a>",
    ],
)
def test_dangerous_raw_html_is_reported_with_its_line(line):
    _, problems = load_markdown(f"---\ntitle: T\n---\n\nok\n{line}\n", "p.md")
    assert len(problems) == 1
    assert problems[0].location.line == 6
    assert "not allowed" in problems[0].message


def test_ordinary_text_is_not_flagged():
    _, problems = load_markdown("---\ntitle: T\n---\n\nOn a vu 11 = onze, les données : data.\n", "p.md")
    assert problems == []
