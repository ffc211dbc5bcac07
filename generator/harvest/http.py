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
        raise FetchError(f"the {scheme!r} scheme is not allowed")
    return _read_file(root / url, max_bytes, url)


def _read_file(path: Path, max_bytes: int, url: str) -> Fetched:
    try:
        with path.open("rb") as handle:
            body = handle.read(max_bytes + 1)
    except OSError as exc:
        raise FetchError(f"cannot read {url}: {exc.strerror or exc}") from None
    if len(body) > max_bytes:
        raise FetchError(f"too large: more than {max_bytes} bytes (max_bytes)")
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
        status, reason, response_headers, body = _request(url, headers, max_bytes, limits, deadline)
        if status in _REDIRECTS:
            location = response_headers.get("location")
            if not location:
                raise FetchError(f"HTTP {status} redirect without a Location header")
            target = urljoin(url, location.strip())
            scheme = urlsplit(target).scheme.lower()
            if scheme not in ("http", "https"):
                raise FetchError(f"redirect to a non-http(s) address refused: {target[:120]}")
            if target in seen:
                raise FetchError(f"redirect loop at {target[:120]}")
            url = target
            continue
        if status == 304:
            return Fetched(b"", not_modified=True, etag=etag, last_modified=last_modified, url=url)
        if status != 200:
            raise FetchError(f"HTTP {status} {reason}".strip())
        return Fetched(
            body,
            etag=response_headers.get("etag"),
            last_modified=response_headers.get("last-modified"),
            content_type=response_headers.get("content-type"),
            url=url,
        )
    raise FetchError(f"too many redirects (more than {limits.max_redirects})")


def _request(
    url: str, headers: dict[str, str], max_bytes: int, limits: Limits, deadline: float
) -> tuple[int, str, dict[str, str], bytes]:
    parts = urlsplit(url)
    if not parts.hostname:
        raise FetchError(f"no host in {url[:120]}")
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        port = parts.port
    except ValueError:
        raise FetchError(f"bad port in {url[:120]}") from None
    if parts.scheme.lower() == "https":
        conn: http.client.HTTPConnection = http.client.HTTPSConnection(
            parts.hostname, port, timeout=limits.connect_timeout, context=ssl.create_default_context())
    else:
        conn = http.client.HTTPConnection(parts.hostname, port, timeout=limits.connect_timeout)
    try:
        try:
            conn.connect()
        except (TimeoutError, socket.timeout):
            raise FetchError(f"connection timed out after {limits.connect_timeout:g} s") from None
        conn.sock.settimeout(min(limits.read_timeout, max(0.01, deadline - time.monotonic())))
        conn.request("GET", target, headers=headers)
        response = conn.getresponse()
        response_headers = {k.lower(): v for k, v in response.getheaders()}
        if response.status != 200:
            return response.status, response.reason, response_headers, b""
        length = response_headers.get("content-length", "")
        if length.isdigit() and int(length) > max_bytes:
            raise FetchError(f"too large: {int(length)} bytes announced, more than {max_bytes} (max_bytes)")
        body = _read_body(response, response_headers.get("content-encoding", ""), max_bytes, limits, deadline)
        return response.status, response.reason, response_headers, body
    except (TimeoutError, socket.timeout):
        raise FetchError(f"read timed out after {limits.read_timeout:g} s") from None
    except ssl.SSLError as exc:
        raise FetchError(f"TLS error: {exc.reason or exc}") from None
    except (OSError, http.client.HTTPException) as exc:
        raise FetchError(f"connection failed: {exc.__class__.__name__}: {exc}") from None
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
            raise FetchError(f"too slow: not finished after {limits.total_timeout:g} s")
        chunk = response.read1(_CHUNK)
        if not chunk:
            break
        if inflater is not None:
            try:
                chunk = inflater.decompress(chunk, max_bytes + 1 - size)
            except zlib.error as exc:
                raise FetchError(f"corrupt gzip body: {exc}") from None
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"too large: more than {max_bytes} bytes (max_bytes)")
        chunks.append(chunk)
    return b"".join(chunks)
