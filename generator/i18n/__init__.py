"""Interface language: every reader-facing string and format lives here.

Only French exists today; another language is a new strings module plus a
`language` value, with templates unchanged.
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from decimal import Decimal

from babel.dates import format_date as _babel_date
from babel.numbers import format_currency, format_decimal

from .fr import STRINGS

LOCALE = "fr_FR"


def text(key: str, **values: object) -> str:
    """The interface string `key`, with `{name}` placeholders filled."""
    try:
        template = STRINGS[key]
    except KeyError:
        raise KeyError(f"no interface string {key!r} in generator/i18n/fr.py") from None
    return template.format(**values) if values else template


def plural(count: int, key: str) -> str:
    """'1 ressource', '3 ressources', '0 ressource' (French: 0 and 1 take the singular)."""
    one, many = STRINGS[key].split("|")
    return f"{format_decimal(count, locale=LOCALE)} {one if count < 2 else many}"


def long_date(value: date | datetime) -> str:
    """'samedi 28 novembre 2026'; the first of the month is written '1er'."""
    day = "1er" if value.day == 1 else str(value.day)
    return _babel_date(value, f"EEEE '{day}' MMMM y", locale=LOCALE)


def short_date(value: date | datetime) -> str:
    """'28 nov. 2026'."""
    return _babel_date(value, "d MMM y", locale=LOCALE)


def clock(value: datetime) -> str:
    """'14 h' or '14 h 30', the French typographic convention."""
    return f"{value.hour} h" if value.minute == 0 else f"{value.hour} h {value.minute:02d}"


def time_span(start: datetime, end: datetime) -> str:
    """'samedi 28 novembre 2026, de 14 h à 16 h' (or across days)."""
    if start.date() == end.date():
        return text("date.same_day", day=long_date(start), start=clock(start), end=clock(end))
    return text("date.days", start=long_date(start), start_time=clock(start), end=long_date(end), end_time=clock(end))


def money(amount: Decimal | float) -> str:
    """'1 950,00 €'."""
    return format_currency(amount, "EUR", locale=LOCALE)


def number(value: int | float | Decimal) -> str:
    """'12 800'."""
    return format_decimal(value, locale=LOCALE)


def sort_key(value: str) -> tuple[str, str]:
    """Sort French text the way readers expect: accents and case do not matter."""
    folded = "".join(
        c for c in unicodedata.normalize("NFKD", value.casefold()) if not unicodedata.combining(c)
    )
    return folded, value
