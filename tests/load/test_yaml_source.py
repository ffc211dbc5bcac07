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
    assert "YAML invalide : étiquette « !!python/… » refusée" in problems[0].message


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


# What PyYAML refuses, told in French at the place to fix: (text, line:col, words of the message).
_SYNTAX_ERRORS = [
    ('title: "Atelier\nkind: atelier\n', (1, 8), "guillemet non fermé"),
    ("title: 'Atelier\nkind: atelier\n", (1, 8), "guillemet non fermé"),
    ("profile:\n\tsurface_m2: 120\n", (2, 1), "tabulation dans l'indentation"),
    ("title: a: b\n", (1, 9), "un deux-points « : » est inattendu ici"),
    ("profile:\n  surface_m2: 120\n staff: 3\n", (3, 2), "décalage incohérent"),
    ("audiences:\n  - adultes\n - ados\n", (3, 2), "décalage incohérent"),
    ("a: &x 1\nb: &x 2\n", (2, 4), "ancre « &x » déjà définie à la ligne 1"),
    ("audiences: *publics\n", (1, 12), "alias « *publics » sans ancre « &publics »"),
    ("title: Gallica]\naudiences: [adultes]]\n", (2, 21), "« ] » sans « [ » ouvrant"),
    ("title: }\n", (1, 8), "« } » sans « { » ouvrant"),
    ("title: Gallica\n- adultes\n", (2, 1), "un élément de liste « - » au milieu de clés"),
    ("- adultes\ntitle: Gallica\n", (2, 1), "une clé « nom: valeur » au milieu d'une liste"),
    ("audiences: [adultes, ados\nkind: atelier\n", (2, 5), "liste entre crochets non fermée"),
    ("fields: {code: CD14\nkind: atelier\n", (2, 5), "accolade non fermée"),
    ("audiences: [Atelier : tablette: x]\n", (1, 31), "un deux-points « : » dans une valeur entre crochets"),
    ("title: Gallica\x07\n", (1, 15), "caractère invisible non autorisé (U+0007)"),
    ("title: \x1b[31mrouge\n", (1, 8), "caractère invisible non autorisé (U+001B)"),
    ("%YAML 2.0\n---\ntitle: Gallica\n", (1, 1), "directive « % » non prise en charge"),
    ("%YAML 1.1\n%YAML 1.1\n---\ntitle: Gallica\n", (2, 1), "directive « % » non prise en charge"),
    ("title: Gallica\n---\ntitle: Cafeyn\n", (2, 1), "deuxième document (ligne « --- »)"),
    ("title: Gallica\n...\nkind: atelier\n", (3, 1), "du contenu après la fin du document"),
    ("title: @bibliotheque\n", (1, 8), "une valeur ne peut pas commencer par « @ »"),
    ("title: `code`\n", (1, 8), "une valeur ne peut pas commencer par « ` »"),
    ('title: "Le Horla" et autres contes\n', (1, 19), "texte en trop après une valeur fermée"),
    ("title: Gallica\nsummary\nkind: atelier\n", (2, 1), "ligne sans « : » parmi des clés"),
    ("title:\n  - a\nsummary\n", (3, 1), "ligne sans « : » parmi des clés"),
    ('title: "\\q"\n', (1, 10), "séquence « \\ » inconnue"),
    ("? [a]\n: 1\n", (1, 3), "une clé ne peut pas être une liste"),
    ("title: !!python/object:os.system x\n", (1, 8), "étiquette « !!python/… » refusée"),
    ("title: !!chose x\n", (1, 8), "étiquette YAML non autorisée"),
    ("title: !x!y z\n", (1, 8), "étiquette YAML non autorisée"),
    ("title: &\n", (1, 9), "nom manquant après « & » ou « * »"),
    ("summary: |x\n  texte\n", (1, 11), "après « | » ou « > »"),
    # No rule knows this one: the generic French message, never PyYAML's words.
    ("title: Gallica\n: Cafeyn\n", (2, 1), "syntaxe YAML invalide ici"),
]
_PYYAML_WORDS = ("found", "expected", "while ", "scanning", "parsing", "allowed", "character #", "unicode string",
                 "analyseur")


@pytest.mark.parametrize(("text", "where", "words"), _SYNTAX_ERRORS, ids=[w for _, _, w in _SYNTAX_ERRORS])
def test_syntax_errors_are_told_in_french_where_to_fix(text, where, words):
    doc, problems = load_yaml(text, "data/events/atelier.yml")
    assert doc is None
    assert len(problems) == 1
    problem = problems[0]
    assert (problem.location.line, problem.location.column) == where
    assert problem.message.startswith("YAML invalide : ")
    assert words in problem.message
    assert not [word for word in _PYYAML_WORDS if word in problem.message], problem.message


def test_front_matter_syntax_errors_count_lines_of_the_page():
    _, problems = load_yaml('title: "Aide\n', "content/public/aide.md", line_offset=1)
    assert str(problems[0].location) == "content/public/aide.md:2:8"
    assert "guillemet non fermé" in problems[0].message
