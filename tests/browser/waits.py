"""Waiting on a page without ever waiting forever."""

from __future__ import annotations


def bounded(script: str, seconds: float = 20) -> str:
    """SCRIPT, a JavaScript function that returns a promise, failing after SECONDS if the promise has
    not settled: Playwright's `evaluate` has no timeout, and a promise that never settles would hold
    the test (and its worker) forever."""
    return (f"(arg) => Promise.race([({script})(arg), new Promise((_, fail) => setTimeout("
            f"() => fail(new Error('not settled after {seconds:g} s')), {int(seconds * 1000)}))])")
