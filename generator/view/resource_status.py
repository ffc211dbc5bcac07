"""What a resource's trial, notices and arrival date show at the build's now (pure functions).

A trial not started yet is hidden like an ended one: before its first day the provider's access
is not open, so a reader would find a page leading nowhere. The pro site lists both
(« Essais en cours et à venir »).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Literal

from .. import i18n
from ..models.resource import Resource
from ..models.resource_status import Notice

TrialState = Literal["upcoming", "running", "over"]


def trial_state(res: Resource, now: datetime) -> TrialState | None:
    """Where a resource's trial stands on the build's day (None: not on trial)."""
    if res.trial is None:
        return None
    today = now.date()
    if today < res.trial.start:
        return "upcoming"
    return "running" if today <= res.trial.end else "over"


def on_portals(res: Resource, now: datetime) -> bool:
    """Whether the public portals show the resource: always, but a trial only while it runs."""
    return trial_state(res, now) in (None, "running")


def active_notices(res: Resource, now: datetime) -> list[Notice]:
    """The resource's notices shown at `now`, in the order the editor wrote them."""
    return [notice for notice in res.notices if notice.active(now)]


def notice_state(notice: Notice, now: datetime) -> str:
    """'upcoming', 'active' or 'over': what a site's key records of each notice (site_keys.py)."""
    return "upcoming" if now < notice.starts else "active" if now < notice.ends else "over"


def is_new(res: Resource, now: datetime, days: int) -> bool:
    """Whether the resource arrived in the last `days` days (from its arrival day to `days` days after)."""
    return now.date() - timedelta(days=days) <= res.added <= now.date()


def notice_until(notice: Notice) -> str:
    """« Jusqu'au samedi 5 décembre 2026 inclus » (a day) or « … à 10 h » (a moment)."""
    if isinstance(notice.end, datetime):
        return i18n.text("notice.until_time", date=i18n.long_date(notice.end), time=i18n.clock(notice.end))
    return i18n.text("notice.until_day", date=i18n.long_date(notice.end))
