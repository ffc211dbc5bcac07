"""Our own small HTTP(S) client for harvesting (I/O edge).

Why not urllib's opener: we need a hard size cap, a total deadline (a server that
trickles one byte per second never trips a read timeout), redirects we count and
check ourselves (never to file:// or any other scheme), and conditional requests.
Local sources (`file://` or a path relative to the project) are read with the
same size cap.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import time
import zlib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from ..messages import MESSAGES, say, system_error

USER_AGENT = "bibnum-harvest/0.1 (+https://github.com/bibnum)"
ACCEPT = (
    "application/atom+xml, application/rss+xml, application/xml;q=0.9, text/xml;q=0.9, "
    "text/calendar, text/tab-separated-values, text/plain;q=0.5, */*;q=0.1"
)
_REDIRECTS = {301, 302, 303, 307, 308}
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class Limits:
    """How long and how much a fetch may take; tests shrink these to stay fast."""

    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    total_timeout: float = 120.0
    max_redirects: int = 5


@dataclass(frozen=True)
class Fetched:
    """What a fetch returned: the body, or `not_modified` after a 304."""

    body: bytes
    not_modified: bool = False
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None
    url: str = ""


class FetchError(Exception):
    """The source could not be read; the message is the reason shown in the report."""


def fetch(
    url: str,
    root: Path,
    *,
    max_bytes: int,
    limits: Limits = Limits(),
    etag: str | None = None,
    last_modified: str | None = None,
) -> Fetched:
    """Read a source: an http(s) URL, a file:// URL or a path relative to the project `root`."""
    scheme = urlsplit(url).scheme.lower()
    if scheme in ("http", "https"):
        return _fetch_http(url, max_bytes, limits, etag, last_modified)
    if scheme == "file":
        return _read_file(Path(unquote(urlsplit(url).path)), max_bytes, url)
    if scheme and len(scheme) > 1:
        raise FetchError(say("fetch.scheme", scheme=scheme))
    return _read_file(root / url, max_bytes, url)


def _read_file(path: Path, max_bytes: int, url: str) -> Fetched:
    try:
        with path.open("rb") as handle:
            body = handle.read(max_bytes + 1)
    except OSError as exc:
        raise FetchError(say("fetch.unreadable", url=url, why=system_error(exc))) from None
    if len(body) > max_bytes:
        raise FetchError(say("fetch.too_large", limit=max_bytes))
    return Fetched(body, url=url)


def _fetch_http(url: str, max_bytes: int, limits: Limits, etag: str | None, last_modified: str | None) -> Fetched:
    deadline = time.monotonic() + limits.total_timeout
    seen: set[str] = set()
    headers = {"User-Agent": USER_AGENT, "Accept": ACCEPT, "Accept-Encoding": "gzip, identity"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    for _hop in range(limits.max_redirects + 1):
        seen.add(url)
        status, _reason, response_headers, body = _request(url, headers, max_bytes, limits, deadline)
        if status in _REDIRECTS:
            location = response_headers.get("location")
            if not location:
                raise FetchError(say("fetch.redirect_no_location", status=status))
            target = urljoin(url, location.strip())
            scheme = urlsplit(target).scheme.lower()
            if scheme not in ("http", "https"):
                raise FetchError(say("fetch.redirect_scheme", target=target[:120]))
            if target in seen:
                raise FetchError(say("fetch.redirect_loop", target=target[:120]))
            url = target
            continue
        if status == 304:
            return Fetched(b"", not_modified=True, etag=etag, last_modified=last_modified, url=url)
        if status != 200:
            raise FetchError(say("fetch.http", status=status, meaning=_meaning(status)))
        return Fetched(
            body,
            etag=response_headers.get("etag"),
            last_modified=response_headers.get("last-modified"),
            content_type=response_headers.get("content-type"),
            url=url,
        )
    raise FetchError(say("fetch.too_many_redirects", limit=limits.max_redirects))


def _request(
    url: str, headers: dict[str, str], max_bytes: int, limits: Limits, deadline: float
) -> tuple[int, str, dict[str, str], bytes]:
    parts = urlsplit(url)
    if not parts.hostname:
        raise FetchError(say("fetch.no_host", url=url[:120]))
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        port = parts.port
    except ValueError:
        raise FetchError(say("fetch.bad_port", url=url[:120])) from None
    if parts.scheme.lower() == "https":
        conn: http.client.HTTPConnection = http.client.HTTPSConnection(
            parts.hostname, port, timeout=limits.connect_timeout, context=ssl.create_default_context())
    else:
        conn = http.client.HTTPConnection(parts.hostname, port, timeout=limits.connect_timeout)
    try:
        try:
            conn.connect()
        except (TimeoutError, socket.timeout):
            raise FetchError(say("fetch.connect_timeout", seconds=_seconds(limits.connect_timeout))) from None
        conn.sock.settimeout(min(limits.read_timeout, max(0.01, deadline - time.monotonic())))
        conn.request("GET", target, headers=headers)
        response = conn.getresponse()
        response_headers = {k.lower(): v for k, v in response.getheaders()}
        if response.status != 200:
            return response.status, response.reason, response_headers, b""
        length = response_headers.get("content-length", "")
        if length.isdigit() and int(length) > max_bytes:
            raise FetchError(say("fetch.too_large_announced", size=int(length), limit=max_bytes))
        body = _read_body(response, response_headers.get("content-encoding", ""), max_bytes, limits, deadline)
        return response.status, response.reason, response_headers, body
    except (TimeoutError, socket.timeout):
        raise FetchError(say("fetch.read_timeout", seconds=_seconds(limits.read_timeout))) from None
    except ssl.SSLError as exc:
        raise FetchError(say("fetch.tls", code=exc.reason or exc.__class__.__name__)) from None
    except (OSError, http.client.HTTPException) as exc:
        raise FetchError(say("fetch.connection", why=system_error(exc))) from None
    finally:
        conn.close()


def _read_body(response: http.client.HTTPResponse, encoding: str, max_bytes: int, limits: Limits,
               deadline: float) -> bytes:
    # gzip is decompressed with the same cap, so a small "zip bomb" cannot grow past it.
    inflater = zlib.decompressobj(wbits=47) if encoding.strip().lower() in ("gzip", "x-gzip") else None
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise FetchError(say("fetch.too_slow", seconds=_seconds(limits.total_timeout)))
        chunk = response.read1(_CHUNK)
        if not chunk:
            break
        if inflater is not None:
            try:
                chunk = inflater.decompress(chunk, max_bytes + 1 - size)
            except zlib.error:
                raise FetchError(say("fetch.gzip")) from None
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(say("fetch.too_large", limit=max_bytes))
        chunks.append(chunk)
    return b"".join(chunks)


def _meaning(status: int) -> str:
    """What an HTTP status means, in French (the server's own reason phrase is English)."""
    known = (key for key in (f"fetch.http.{status}", f"fetch.http.{status // 100}xx") if key in MESSAGES)
    return say(next(known, "fetch.http.other"))


def _seconds(value: float) -> str:
    return f"{value:g}".replace(".", ",")
