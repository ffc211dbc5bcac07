"""The build's 'now': from an option, SOURCE_DATE_EPOCH, or the clock (in that order).

Everything time-dependent (upcoming vs past events, "new" resources, DTSTAMP)
reads this one value, so the same inputs and the same 'now' give the same bytes.
"""

from __future__ import annotations

import os
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from .errors import BibnumError
from .messages import say

PARIS = ZoneInfo("Europe/Paris")


def build_now(option: str | None = None, environ: dict[str, str] | None = None) -> datetime:
    """Naive Europe/Paris local time of the build."""
    environ = os.environ if environ is None else environ
    if option:
        try:
            value = datetime.fromisoformat(option)
        except ValueError:
            raise BibnumError(say("clock.today", value=option)) from None
        return value.astimezone(PARIS).replace(tzinfo=None) if value.tzinfo else value
    epoch = environ.get("SOURCE_DATE_EPOCH")
    try:
        moment = datetime.fromtimestamp(int(epoch), timezone.utc) if epoch else datetime.now(timezone.utc)
    except (ValueError, OverflowError, OSError):
        raise BibnumError(say("clock.epoch", value=epoch)) from None
    return moment.astimezone(PARIS).replace(tzinfo=None, microsecond=0)


def to_utc(local: datetime) -> datetime:
    return local.replace(tzinfo=PARIS).astimezone(timezone.utc)


def epoch_of(local: datetime) -> int:
    return int(to_utc(local).timestamp())
