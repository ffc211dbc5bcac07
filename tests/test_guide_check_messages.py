"""The guide's list of `bibnum check` messages: one real example per kind, made by the check itself."""

from __future__ import annotations

import re

from generator.guide import editor_guide_markdown
from generator.guide.check_messages import _CASES, _example, check_messages_section

KINDS = [
    "Fichier illisible (YAML invalide)", "Clé obligatoire absente", "Clé inconnue", "Valeur non prévue",
    "Texte trop long ou vide", "Date ou date et heure mal écrite", "Règle entre deux clés",
    "Nombre mal écrit ou hors limites", "Liste trop courte", "Identifiant mal formé", "Identifiant inconnu",
    "Adresse refusée", "Adresse électronique mal écrite", "Nom trop long pour une adresse",
]


def examples() -> dict[str, str]:
    """Each kind's title -> its example message, read back from the guide's Markdown."""
    text = "\n".join(check_messages_section())
    found = re.findall(r"^### (.+)\n\n.+\n\n    (.+)$", text, re.MULTILINE)
    return dict(found)


def test_every_kind_of_message_has_one_example_in_the_guide() -> None:
    text = editor_guide_markdown()
    assert "## Les messages de `bibnum check`" in text
    assert list(examples()) == KINDS
    for message in examples().values():
        assert re.match(r"^data/[\w/.-]+\.yml:\d+:\d+: ", message), message
        assert message in text


def test_the_examples_are_what_the_check_says() -> None:
    """Each example is the message the validation gives for its bad file, at the bad key's line."""
    shown = examples()
    assert shown["Clé inconnue"].endswith("sumary : clé inconnue « sumary » ; vouliez-vous dire « summary » ?")
    assert re.match(r"data/events/atelier-anglais\.yml:4:1: end : la fin \(2026-11-28T10:00\) est avant le début",
                    shown["Règle entre deux clés"])
    assert "1er groupe (id ressources-numeriques) › kind : « comite-pilotage » n'est pas une valeur possible ; " \
           "valeurs possibles : " in shown["Valeur non prévue"]
    assert re.search(r"summary : \d+ caractères ; 240 au plus", shown["Texte trop long ou vide"])
    assert "« 28/11/2026 14h » n'est pas une date et heure" in shown["Date ou date et heure mal écrite"]
    assert "bibliothèque « montargi » inconnue (vouliez-vous dire « montargis » ?)" in shown["Identifiant inconnu"]
    assert "« mediatheque montargis@example.fr » n'est pas une adresse électronique" in \
        shown["Adresse électronique mal écrite"]
    assert re.search(r"town : .* \d+ caractères ; 80 au plus", shown["Nom trop long pour une adresse"])
    assert shown == {case.title: _example(case) for case in _CASES}


def test_the_introduction_shows_the_real_unknown_key_message() -> None:
    text = editor_guide_markdown()
    intro = text[: text.index("## Les messages de `bibnum check`")]
    assert examples()["Clé inconnue"] in intro
    assert "unknown key" not in text and "did you mean" not in text


def test_the_guide_shows_frequent_syntax_mistakes_with_the_checks_french_message() -> None:
    from generator.guide.check_messages import _SYNTAX, syntax_example

    text = editor_guide_markdown()
    section = text[text.index("### Erreurs de syntaxe fréquentes"):]
    for title, written in _SYNTAX:
        message = syntax_example(written)
        assert f"#### {title}" in section
        assert re.match(r"^data/events/atelier-anglais\.yml:\d+:\d+: YAML invalide : ", message), message
        assert f"    {message}" in section
        assert not [word for word in ("found", "expected", "while", "scanning") if word in message], message
