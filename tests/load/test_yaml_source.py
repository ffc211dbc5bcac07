from datetime import date

from generator.load.yaml_source import load_yaml


def test_positions_of_nested_keys_and_items():
    doc, problems = load_yaml("a: 1\nb:\n  c: x\n  d:\n    - e: 2\n", "f.yml")
    assert problems == []
    assert doc.positions[("a",)] == (1, 1)
    assert doc.positions[("b", "c")] == (3, 3)
    assert doc.positions[("b", "d", 0, "e")] == (5, 7)
    assert str(doc.locate(("b", "d", 0, "missing"))) == "f.yml:5:7"
    assert str(doc.locate(("nowhere",))) == "f.yml:1:1"


def test_duplicate_keys_are_errors_not_silently_overwritten():
    doc, problems = load_yaml("title: A\nsummary: s\ntitle: B\n", "r.yml")
    assert len(problems) == 1
    assert str(problems[0].location) == "r.yml:3:1"
    assert "duplicate key 'title' (first at line 1)" in problems[0].message


def test_times_stay_text_and_dates_are_dates():
    doc, _ = load_yaml("at: 14:00\nday: 2026-11-28\nn: 12\n", "f.yml")
    assert doc.data == {"at": "14:00", "day": date(2026, 11, 28), "n": 12}


def test_syntax_error_names_line_and_column():
    doc, problems = load_yaml("a: [1, 2\nb: 3\n", "bad.yml")
    assert doc is None
    assert problems[0].location.file == "bad.yml"
    assert problems[0].location.line == 2
    assert problems[0].message.startswith("invalid YAML")


def test_unsafe_tags_are_refused():
    doc, problems = load_yaml("a: !!python/object/apply:os.system ['true']\n", "evil.yml")
    assert doc is None
    assert "invalid YAML" in problems[0].message


def test_line_offset_for_front_matter():
    doc, _ = load_yaml("title: x\n", "p.md", line_offset=1)
    assert doc.positions[("title",)] == (2, 1)


def test_unquoted_colon_gets_a_quoting_hint():
    _, problems = load_yaml("title: Atelier : tablette\n", "e.yml")
    assert "must be quoted" in problems[0].message
