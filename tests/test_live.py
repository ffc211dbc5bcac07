"""The preview's live side without a browser (generator/live/): where the script goes in a page,
what each event says, and the preview server's answers on a small folder."""

from __future__ import annotations

import html
import json
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from generator.errors import Location, Problem
from generator.live import LiveState, inject
from generator.live.server import PreviewServer
from generator.live.state import problem_pairs

CSP = b'<meta http-equiv="Content-Security-Policy" content="script-src \'self\'">'


def test_the_script_goes_at_the_end_of_the_head_after_the_policy():
    page = b"<!doctype html><html><head>" + CSP + b"<title>t</title></HEAD ><body></body></html>"
    added = inject(page, "abc", 3)
    head = added[:added.lower().index(b"</head")]
    assert head.index(CSP) < head.index(b'<script src="/__bibnum__/preview.js"')
    assert b'data-session="abc" data-generation="3" defer></script>' in head
    assert b'<link rel="stylesheet" href="/__bibnum__/preview.css">' in head
    assert added.count(b"preview.js") == 1


def test_a_page_without_head_gets_the_script_after_its_doctype():
    added = inject(b"<!DOCTYPE html><title>t</title><pre>x</pre>", "s", 0)
    assert added.startswith(b'<!DOCTYPE html><link rel="stylesheet"')


def test_a_page_whose_policy_allows_no_script_is_left_as_it_is():
    from generator.pages.csp import HUB_POLICY, PRINT_POLICY, content_security_policy

    def page(policy: str) -> bytes:
        meta = f'<meta http-equiv="Content-Security-Policy" content="{html.escape(policy)}">'
        return f"<!doctype html><html><head>{meta}<title>t</title></head><body></body></html>".encode()

    for policy in (HUB_POLICY, PRINT_POLICY, "script-src 'none'; default-src 'self'"):
        assert inject(page(policy), "s", 1) == page(policy)
    for policy in (content_security_policy(("'sha256-x'",)), "default-src 'self'", "img-src 'none'"):
        assert b"preview.js" in inject(page(policy), "s", 1)


def test_each_event_says_which_sites_changed_and_the_mistakes():
    live = LiveState()
    live.built(["portail", "pro"], [])  # a site built for the first time counts as changed
    live.built(["portail", "pro"], ["pro"])
    live.failed(problem_pairs([Problem(Location("data/resources/x.yml", 4, 1), "title : <b>\x1b[2J</b>")]))
    now = live.now
    assert (now.generation, dict(now.sites)) == (2, {"portail": 1, "pro": 2})
    event = now.event()
    assert event.startswith(f"id: {now.version}\ndata: ") and event.endswith("\n\n") and event.count("\n") == 3
    payload = json.loads(event.split("data: ", 1)[1])
    assert payload["problems"] == [{"where": "data/resources/x.yml:4:1", "message": "title : <b>\\x1b[2J</b>"}]
    assert payload["texts"]["heading"] == "L'aperçu n'est pas à jour : 1 erreur dans les fichiers"
    assert "dernière construction réussie" in payload["texts"]["kept"]
    live.built(["portail", "pro"], ["portail"])
    assert (live.now.problems, live.now.sites["portail"], live.now.sites["pro"]) == ((), 3, 2)


def test_a_waiting_stream_returns_on_a_change_and_at_once_on_close():
    live = LiveState()
    assert live.wait(after=0, timeout=0.01) is None
    threading.Timer(0.05, live.built, (["a"], ["a"])).start()
    assert live.wait(after=0, timeout=10).generation == 1
    threading.Timer(0.05, live.close).start()
    assert live.wait(after=live.now.version, timeout=10) is None and live.closed


@pytest.fixture
def preview_server(tmp_path: Path):
    (tmp_path / "portail" / "page").mkdir(parents=True)
    (tmp_path / "portail" / "page" / "index.html").write_text("<html><head><title>p</title></head></html>")
    (tmp_path / "portail" / "404.html").write_text("<html><head><title>absente</title></head></html>")
    (tmp_path / "portail" / "data.json").write_text("{}")
    (tmp_path / "portail" / "été 100%").mkdir()
    (tmp_path / "portail" / "été 100%" / "index.html").write_text("<html><head></head>été</html>")
    live = LiveState()
    live.built(["portail"], ["portail"])
    server = PreviewServer(("127.0.0.1", 0), tmp_path, live)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", live
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def get(url: str, method: str = "GET") -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, method=method), timeout=5) as r:  # noqa: S310
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_the_server_adds_the_script_to_pages_only(preview_server):
    origin, live = preview_server
    status, headers, body = get(f"{origin}/portail/page/")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert f'data-session="{live.now.session}" data-generation="1"'.encode() in body
    assert int(headers["Content-Length"]) == len(body)
    assert b"__bibnum__" not in get(f"{origin}/portail/data.json")[2]
    assert get(f"{origin}/portail/page")[0] == 200  # redirected to the folder's address, then the page
    status, _, body = get(f"{origin}/portail/%C3%A9t%C3%A9%20100%25/?q=1")  # an address is unquoted once
    assert status == 200 and "été".encode() in body and b"preview.js" in body
    status, _, body = get(f"{origin}/portail/gone/")  # a page that no longer exists: its site's 404 page
    assert status == 404 and b"absente" in body and b"preview.js" in body
    for address in (f"{origin}/", f"{origin}/autre/page/"):  # no site's page: the preview's own, in French
        status, _, body = get(address)
        assert status == 404 and "Page introuvable dans l'aperçu".encode() in body and b"preview.js" in body
    assert get(f"{origin}/portail/image-absente.png")[0] == 404
    status, headers, body = get(f"{origin}/portail/page/", "HEAD")
    assert status == 200 and body == b"" and int(headers["Content-Length"]) > 0
    status, headers, body = get(f"{origin}/__bibnum__/preview.js")
    assert status == 200 and headers["Content-Type"].startswith("text/javascript") and b"EventSource" in body
    assert get(f"{origin}/__bibnum__/preview.css")[1]["Content-Type"].startswith("text/css")
    assert get(f"{origin}/__bibnum__/other")[0] == 404


def test_the_event_stream_sends_the_state_then_each_change(preview_server):
    origin, live = preview_server
    with urllib.request.urlopen(f"{origin}/__bibnum__/events", timeout=5) as stream:  # noqa: S310
        assert stream.headers["Content-Type"] == "text/event-stream; charset=utf-8"
        assert stream.readline() == b"retry: 1000\n"
        lines = [stream.readline() for _ in range(4)]
        assert lines[1] == b"id: 1\n" and json.loads(lines[2][len(b"data: "):])["sites"] == {"portail": 1}
        live.failed((("data/x.yml:1:1", "mauvais"),))
        lines = [stream.readline() for _ in range(3)]
        assert lines[0] == b"id: 2\n" and b"mauvais" in lines[1]
        started = time.monotonic()
        live.close()  # the server stops: the stream ends at once
        assert stream.read() == b""
        assert time.monotonic() - started < 5


def test_the_widget_and_index_files_are_served_to_every_origin(preview_server, tmp_path: Path):
    """A town's page on another origin reads them (the search widget), as GitHub Pages allows; not the rest."""
    origin, _ = preview_server
    for folder in ("widget", "bn-search"):
        (tmp_path / "portail" / folder).mkdir()
        (tmp_path / "portail" / folder / "f.json").write_text("{}")
        assert get(f"{origin}/portail/{folder}/f.json")[1].get("Access-Control-Allow-Origin") == "*"
    assert "Access-Control-Allow-Origin" not in get(f"{origin}/portail/data.json")[1]
    assert "Access-Control-Allow-Origin" not in get(f"{origin}/portail/page/")[1]
