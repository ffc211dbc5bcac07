"""French opening-hours lines -> schema.org `openingHours` values, when they can be read.

Editors write one line per day, e.g. « Mercredi : 10 h – 12 h 30 et 14 h – 18 h ».
That line gives ["We 10:00-12:30", "We 14:00-18:00"]. A set of lines is either
read whole or not at all: publishing part of a week would tell search engines
the library is closed on the days we could not read.
"""

from __future__ import annotations

import re
import unicodedata

_DAYS = {
    "lundi": "Mo", "mardi": "Tu", "mercredi": "We", "jeudi": "Th",
    "vendredi": "Fr", "samedi": "Sa", "dimanche": "Su",
}
_LINE = re.compile(r"^\s*(?P<day>[^\W\d_]+)\s*:\s*(?P<ranges>.+?)\s*$")
_TIME = r"(\d{1,2})\s*h\s*(\d{2})?"
_RANGE = re.compile(rf"^{_TIME}\s*[-–—à]+\s*{_TIME}$")
_SEPARATOR = re.compile(r"\s+et\s+|\s*[,;/]\s*")


def _clock(hours: str, minutes: str | None) -> str | None:
    h, m = int(hours), int(minutes or 0)
    return f"{h:02d}:{m:02d}" if h <= 24 and m < 60 else None


def parse_line(line: str) -> list[str] | None:
    """« Mardi : 13 h – 18 h » -> ['Tu 13:00-18:00']; None when the line cannot be read."""
    match = _LINE.match(unicodedata.normalize("NFC", line).replace("\u00a0", " ").replace("\u202f", " "))
    if match is None:
        return None
    day = _DAYS.get(match["day"].casefold())
    if day is None:
        return None
    values = []
    for part in _SEPARATOR.split(match["ranges"]):
        found = _RANGE.match(part.strip())
        if found is None:
            return None
        start, end = _clock(found[1], found[2]), _clock(found[3], found[4])
        if start is None or end is None or end <= start:
            return None
        values.append(f"{day} {start}-{end}")
    return values or None


def opening_hours(lines: list[str]) -> list[str] | None:
    """Every line read, in order; None if any line cannot be read (or there are none)."""
    values: list[str] = []
    for line in lines:
        parsed = parse_line(line)
        if parsed is None:
            return None
        values.extend(parsed)
    return values or None
