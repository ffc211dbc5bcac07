"""French opening hours -> schema.org openingHours, or nothing when a line cannot be read."""

from __future__ import annotations

import pytest

from generator.outputs.hours import opening_hours, parse_line


@pytest.mark.parametrize("line, expected", [
    ("Mardi : 13 h – 18 h", ["Tu 13:00-18:00"]),
    ("Mercredi : 10 h – 12 h 30 et 14 h – 18 h", ["We 10:00-12:30", "We 14:00-18:00"]),
    ("samedi: 9 h 30 - 12 h, 14 h - 17 h 45", ["Sa 09:30-12:00", "Sa 14:00-17:45"]),
    ("Vendredi\u00a0: 13\u202fh 30 – 18 h", ["Fr 13:30-18:00"]),
    ("Lundi : 10 h à 12 h", ["Mo 10:00-12:00"]),
])
def test_readable_lines(line, expected):
    assert parse_line(line) == expected


@pytest.mark.parametrize("line", [
    "Dimanche : 14 h – 18 h (d'octobre à avril)",
    "Mardi au vendredi : 14 h – 18 h",
    "Fermé le lundi",
    "Mardi : 18 h – 13 h",
    "Mardi : 25 h – 26 h",
    "Jour férié : 10 h – 12 h",
])
def test_unreadable_lines(line):
    assert parse_line(line) is None


def test_one_unreadable_line_drops_the_whole_week():
    assert opening_hours(["Mardi : 13 h – 18 h", "Dimanche : sur rendez-vous"]) is None
    assert opening_hours([]) is None
    assert opening_hours(["Mardi : 13 h – 18 h", "Jeudi : 13 h – 18 h"]) == ["Tu 13:00-18:00", "Th 13:00-18:00"]
