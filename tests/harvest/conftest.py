"""Fixtures of the harvest tests: a local feed server on 127.0.0.1 (free port, in a thread)."""

from __future__ import annotations

import pytest

from tests.harvest.helpers import FeedServer


@pytest.fixture
def server():
    feeds = FeedServer()
    feeds.thread.start()
    yield feeds
    feeds.httpd.shutdown()
    feeds.httpd.server_close()
