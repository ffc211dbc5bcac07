"""Waiting on a page without ever waiting forever."""

from __future__ import annotations

import time


def bounded(script: str, seconds: float = 20) -> str:
    """SCRIPT, a JavaScript function that returns a promise, failing after SECONDS if the promise has
    not settled: Playwright's `evaluate` has no timeout, and a promise that never settles would hold
    the test (and its worker) forever."""
    return (f"(arg) => Promise.race([({script})(arg), new Promise((_, fail) => setTimeout("
            f"() => fail(new Error('not settled after {seconds:g} s')), {int(seconds * 1000)}))])")


def poll(page, script: str, arg: object = None, *, seconds: float = 15, what: str = "") -> object:
    """The first truthy value of SCRIPT (a JavaScript function of ARG, which may return a promise),
    evaluated again every 100 ms, within SECONDS. Not `wait_for_function`: an async predicate's
    promise is itself truthy, so that one would return at its first call, whatever it resolves to."""
    deadline = time.monotonic() + seconds
    while True:
        value = page.evaluate(bounded(script, seconds), arg)
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"not true within {seconds:g} s: {what or script[:80]}")
        page.wait_for_timeout(100)
