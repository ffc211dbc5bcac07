"""Interface language: every reader-facing string and format lives here.

Only French exists today; another language is a new strings module plus a
`language` value, with templates unchanged.
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache

from babel.dates import format_date as _babel_date
from babel.numbers import format_currency, format_decimal

from .fr import STRINGS

LOCALE = "fr_FR"


def text(key: str, **values: object) -> str:
    """The interface string `key`, with `{name}` placeholders filled."""
    try:
        template = STRINGS[key]
    except KeyError:
        raise KeyError(f"no interface string {key!r} in generator/i18n/fr/") from None
    return template.format(**values) if values else template


# The formatters are pure and babel is slow (~15 µs a call): the same dates and counts
# come back on thousands of title and agenda pages.
@lru_cache(maxsize=4096, typed=True)
def plural(count: int, key: str) -> str:
    """'1 ressource', '3 ressources', '0 ressource' (French: 0 and 1 take the singular)."""
    one, many = STRINGS[key].split("|")
    return f"{format_decimal(count, locale=LOCALE)} {one if count < 2 else many}"


def long_date(value: date | datetime) -> str:
    """'samedi 28 novembre 2026'; the first of the month is written '1er'."""
    return _long_date(value.year, value.month, value.day)


@lru_cache(maxsize=4096)  # by day: an agenda's events share their days, never their times
def _long_date(year: int, month: int, day: int) -> str:
    first = "1er" if day == 1 else str(day)
    return _babel_date(date(year, month, day), f"EEEE '{first}' MMMM y", locale=LOCALE)


def day_date(value: date | datetime) -> str:
    """'28 novembre 2026', '1er octobre 2026': a blog post's date."""
    return _day_date(value.year, value.month, value.day)


@lru_cache(maxsize=4096)
def _day_date(year: int, month: int, day: int) -> str:
    first = "1er" if day == 1 else str(day)
    return _babel_date(date(year, month, day), f"'{first}' MMMM y", locale=LOCALE)


def short_date(value: date | datetime) -> str:
    """'28 nov. 2026'."""
    return _short_date(value.year, value.month, value.day)


@lru_cache(maxsize=4096)
def _short_date(year: int, month: int, day: int) -> str:
    return _babel_date(date(year, month, day), "d MMM y", locale=LOCALE)


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


@lru_cache(maxsize=4096, typed=True)
def number(value: int | float | Decimal) -> str:
    """'12 800'."""
    return format_decimal(value, locale=LOCALE)


def month_name(month: str) -> str:
    """'2026-03' -> 'mars 2026'."""
    return _babel_date(date(int(month[:4]), int(month[5:7]), 1), "LLLL y", locale=LOCALE)


def short_month(month: str) -> str:
    """'2026-03' -> 'mars 26' (a chart's axis)."""
    return _babel_date(date(int(month[:4]), int(month[5:7]), 1), "LLL yy", locale=LOCALE)


def percent(ratio: Decimal, *, signed: bool = False, digits: int = 0) -> str:
    """0.083 -> '8 %' ('+8 %' when SIGNED, '8,3 %' with 1 DIGITS); halves rounded away from zero."""
    rounded = (ratio * 100).quantize(Decimal(1).scaleb(-digits), rounding="ROUND_HALF_UP")
    sign = "+" if signed and rounded > 0 else ""
    return f"{sign}{format_decimal(rounded, format='#,##0.' + '0' * digits if digits else None, locale=LOCALE)}\u202f%"


def sort_key(value: str) -> tuple[str, str]:
    """Sort French text the way readers expect: accents and case do not matter."""
    folded = "".join(
        c for c in unicodedata.normalize("NFKD", value.casefold()) if not unicodedata.combining(c)
    )
    return folded, value
