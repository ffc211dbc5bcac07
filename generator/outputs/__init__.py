"""Derived outputs: pure functions from the validated model to bytes (feeds, API, iCalendar…)."""
