import pytest

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
    assert "title : clé en double (déjà à la ligne 1)" in problems[0].message


def test_times_and_dates_stay_text_for_the_models_to_parse():
    # An impossible date must reach the models as text (a validation error at its key),
    # not raise ValueError inside PyYAML's timestamp constructor.
    doc, problems = load_yaml("at: 14:00\nday: 2026-11-28\nbad: 2026-02-30\nn: 12\nwhen: 2026-11-28 14:00:05\n",
                              "f.yml")
    assert problems == []
    assert doc.data == {"at": "14:00", "day": "2026-11-28", "bad": "2026-02-30", "n": 12,
                        "when": "2026-11-28 14:00:05"}


def test_syntax_error_names_line_and_column():
    doc, problems = load_yaml("a: [1, 2\nb: 3\n", "bad.yml")
    assert doc is None
    assert problems[0].location.file == "bad.yml"
    assert problems[0].location.line == 2
    assert problems[0].message.startswith("YAML invalide : liste entre crochets non fermée")


def test_unsafe_tags_are_refused():
    doc, problems = load_yaml("a: !!python/object/apply:os.system ['true']\n", "evil.yml")
    assert doc is None
    assert "YAML invalide : étiquette YAML non autorisée" in problems[0].message


def test_line_offset_for_front_matter():
    doc, _ = load_yaml("title: x\n", "p.md", line_offset=1)
    assert doc.positions[("title",)] == (2, 1)


def test_unquoted_colon_gets_a_quoting_hint():
    _, problems = load_yaml("title: Atelier : tablette\n", "e.yml")
    assert "doit être entre guillemets" in problems[0].message


def _billion_laughs(levels: int = 9) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        (_billion_laughs(), (6, 10), "recopient plus de 100 000 valeurs"),
        ("a: " + "[" * 5000 + "]" * 5000 + "\n", (1, 53), "plus de 50 niveaux"),
        ("".join("  " * i + f"k{i}:\n" for i in range(300)) + "  " * 300 + "v\n", (51, 101), "plus de 50 niveaux"),
        ("".join("  " * i + "-\n" for i in range(3000)), (51, 101), "plus de 50 niveaux"),
        ("x: &x 1\n" + "".join(f"k{i}: *x\n" for i in range(101)), (102, 7), "plus de 100 alias"),
        ("a: &a [1, *a]\n", (1, 11), "désigne la valeur qui le contient"),
    ],
    ids=["alias-bomb", "nested-flow", "nested-keys", "nested-lists", "many-aliases", "recursive-alias"],
)
def test_unbounded_input_is_refused_quickly_at_its_position(text, where, words):
    doc, problems = load_yaml(text, "bomb.yml")
    assert doc is None
    assert [(p.location.line, p.location.column) for p in problems] == [where]
    assert words in problems[0].message


def test_a_few_aliases_and_moderate_nesting_are_fine():
    text = "base: &base {quota: 4}\none: *base\ntwo: *base\n" + "deep: " + "[" * 40 + "]" * 40 + "\n"
    doc, problems = load_yaml(text, "f.yml")
    assert problems == []
    assert doc.data["two"] == {"quota": 4}


def test_a_number_too_long_for_python_stays_text_for_the_model_to_refuse():
    doc, problems = load_yaml("population: " + "9" * 5000 + "\nsmall: 41\n", "f.yml")
    assert problems == []
    assert doc.data["population"] == "9" * 5000 and doc.data["small"] == 41
