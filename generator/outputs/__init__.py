"""Derived outputs: pure functions from the validated model to bytes (feeds, API, iCalendar…)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..pages.view import SiteView


def data_files(view: SiteView) -> dict[str, str | bytes]:
    """Every published data file of one site (JSON API, feeds, OPDS...), as {docs path: content}.

    Pure: derived from the model, never from rendered HTML (DESIGN.md §4).
    """
    return {}
