"""Dates an editor wrote that pydantic refused: a day not in the calendar, a date-or-datetime."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

from babel.dates import format_date

from ..messages import say
from .spot import union_members


_DAY_WRITTEN = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?)?$")


def day_not_in_calendar(value: Any) -> dict[str, Any] | None:
    """For a date written in the right form whose day does not exist (2026-02-30): the month's length."""
    match = _DAY_WRITTEN.match(value.strip()) if isinstance(value, str) else None
    if match is None:
        return None
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= month <= 12:
        return {"reason": say("schema.no_such_month", month=month)}
    days = calendar.monthrange(year, month)[1]
    if 1 <= day <= days:
        return None
    return {"reason": say("schema.month_length", month=format_date(dt.date(year, month, 1), "MMMM y",
                                                                    locale="fr_FR"), days=days)}


def either_date_or_datetime(annotation: Any) -> bool:
    return {dt.date, dt.datetime} <= set(union_members(annotation))
