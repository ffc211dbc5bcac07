"""The harvest HTTP client against a local server: timeouts, caps, redirects, conditional requests."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from generator.harvest.http import FetchError, fetch
from tests.harvest.helpers import FAST, Reply

CAP = 10_000


def get(server, path: str, **kwargs):
    return fetch(server.url(path), Path("/nonexistent"), max_bytes=kwargs.pop("max_bytes", CAP), limits=FAST, **kwargs)


def test_good_response_returns_bytes_and_validators(server) -> None:
    server.routes["/feed"] = Reply(b"<feed/>", headers={"ETag": '"v1"', "Last-Modified": "Fri, 20 Nov 2026 10:00:00 GMT",
                                                      "Content-Type": "application/atom+xml"})
    got = get(server, "/feed")
    assert got.body == b"<feed/>" and not got.not_modified
    assert got.etag == '"v1"' and got.last_modified == "Fri, 20 Nov 2026 10:00:00 GMT"
    assert got.content_type == "application/atom+xml"


def test_conditional_request_and_304(server) -> None:
    def reply(handler):
        if handler.headers.get("If-None-Match") == '"v1"':
            return Reply(status=304, length=False)
        return Reply(b"<feed/>", headers={"ETag": '"v1"'})

    server.routes["/feed"] = reply
    got = get(server, "/feed", etag='"v1"', last_modified="Fri, 20 Nov 2026 10:00:00 GMT")
    assert got.not_modified and got.body == b""
    headers = server.requests[-1][1]
    assert headers["if-none-match"] == '"v1"'
    assert headers["if-modified-since"] == "Fri, 20 Nov 2026 10:00:00 GMT"


@pytest.mark.parametrize("status", [404, 500, 503])
def test_http_errors_name_the_status(server, status: int) -> None:
    server.routes["/feed"] = Reply(b"oops", status=status)
    with pytest.raises(FetchError, match=f"HTTP {status} \\("):
        get(server, "/feed")


def test_slow_server_times_out(server) -> None:
    server.routes["/slow"] = Reply(b"<feed/>", delay=1.0)  # beyond the 0.4 s read timeout
    with pytest.raises(FetchError, match="au bout de"):
        get(server, "/slow")


def test_trickling_server_hits_the_total_deadline(server) -> None:
    # Each byte comes within the read timeout, but the whole body would take far too long.
    server.routes["/trickle"] = Reply(b"x" * 200, trickle=0.1)
    with pytest.raises(FetchError, match="trop lent|au bout de"):
        get(server, "/trickle")


def test_announced_size_over_the_cap_is_refused(server) -> None:
    server.routes["/huge"] = Reply(b"x" * (CAP + 1))
    with pytest.raises(FetchError, match="trop gros"):
        get(server, "/huge")


def test_unannounced_size_over_the_cap_is_refused_while_reading(server) -> None:
    server.routes["/huge"] = Reply(b"x" * (CAP * 3), length=False, headers={"Connection": "close"})
    with pytest.raises(FetchError, match="trop gros"):
        get(server, "/huge")


def test_gzip_is_decompressed_under_the_same_cap(server) -> None:
    server.routes["/small.gz"] = Reply(gzip.compress(b"<feed/>"), headers={"Content-Encoding": "gzip"})
    assert get(server, "/small.gz").body == b"<feed/>"
    server.routes["/bomb.gz"] = Reply(gzip.compress(b"\0" * (CAP * 50)), headers={"Content-Encoding": "gzip"})
    with pytest.raises(FetchError, match="trop gros"):
        get(server, "/bomb.gz")


def test_good_redirect_is_followed(server) -> None:
    server.routes["/old"] = Reply(status=301, headers={"Location": "/new"})
    server.routes["/new"] = Reply(b"<feed/>")
    got = get(server, "/old")
    assert got.body == b"<feed/>" and got.url.endswith("/new")


def test_redirect_loop_is_refused(server) -> None:
    server.routes["/a"] = Reply(status=302, headers={"Location": "/b"})
    server.routes["/b"] = Reply(status=302, headers={"Location": "/a"})
    with pytest.raises(FetchError, match="redirections en boucle"):
        get(server, "/a")


def test_too_many_redirects_are_refused(server) -> None:
    for n in range(10):
        server.routes[f"/r{n}"] = Reply(status=307, headers={"Location": f"/r{n + 1}"})
    with pytest.raises(FetchError, match="trop de redirections"):
        get(server, "/r0")


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://127.0.0.1/feed", "javascript:alert(1)"])
def test_redirect_to_another_scheme_is_refused(server, target: str) -> None:
    server.routes["/evil"] = Reply(status=302, headers={"Location": target})
    with pytest.raises(FetchError, match="pas en http"):
        get(server, "/evil")


def test_connection_refused_is_a_fetch_error(server) -> None:
    url = server.url("/feed")
    server.httpd.shutdown()
    server.httpd.server_close()
    with pytest.raises(FetchError, match="connexion impossible : connexion refusée|au bout de"):
        fetch(url, Path("."), max_bytes=CAP, limits=FAST)


def test_local_paths_and_file_urls(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "flux.atom").write_bytes(b"<feed/>")
    assert fetch("data/flux.atom", tmp_path, max_bytes=CAP).body == b"<feed/>"
    assert fetch((tmp_path / "data" / "flux.atom").as_uri(), Path("/"), max_bytes=CAP).body == b"<feed/>"
    with pytest.raises(FetchError, match="trop gros"):
        fetch("data/flux.atom", tmp_path, max_bytes=3)
    with pytest.raises(FetchError, match="lecture de .* impossible : fichier ou dossier introuvable"):
        fetch("data/absent.atom", tmp_path, max_bytes=CAP)
