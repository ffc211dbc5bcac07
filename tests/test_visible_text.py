"""Text from outside (sources, file names, values) reaches a terminal with its control characters shown."""

import pytest

from generator.errors import Location, Problem, visible
from generator.harvest.report import Report, Row
from generator.linkcheck.report import format_problem

HOSTILE = ["\x00", "\x1b[2J", "\x1b]0;title\x07", "\x7f", "\x9b", "\r", "\u202e"]


@pytest.mark.parametrize("raw", HOSTILE)
def test_control_characters_are_escaped_visibly(raw):
    shown = visible(f"a{raw}b")
    assert shown.startswith("a") and shown.endswith("b")
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F or c == "\u202e" for c in shown)
    assert "\\x" in shown or "\\u" in shown


def test_plain_french_text_is_unchanged():
    assert visible("Médiathèque « Jacques-Prévert » : 12 € — ok") == "Médiathèque « Jacques-Prévert » : 12 € — ok"


def test_problems_show_the_control_characters_of_a_file_name_and_a_value():
    problem = Problem(Location("data/events/x\x1b[31m.yml", 3, 1), "titre « \x1b]0;title\x07 » \x00")
    for text in (str(problem), format_problem(problem, "text"), format_problem(problem, "github")):
        assert "\x1b" not in text and "\x00" not in text and "\x07" not in text
        assert "\\x1b]0;title\\x07" in text


def test_the_harvest_report_shows_what_a_source_sent_without_sending_it_to_the_terminal():
    row = Row("agenda", "ical", "calvados", "failed", reason="réponse \x1b]0;pwned\x07 \x00 illisible",
              warnings=["catégorie « \x1b[2J » inconnue"])
    table = Report("2026-11-21T10:00", [row]).table()
    assert not any(c in table for c in "\x00\x07\x1b")
    assert "réponse \\x1b]0;pwned\\x07 \\x00 illisible" in table
    assert "catégorie « \\x1b[2J » inconnue" in table
