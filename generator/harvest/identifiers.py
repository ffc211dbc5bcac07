"""Stable identifiers of harvested titles (pure): `isbn:` + 13 digits, `issn:`, `urn:`, else `guid:` + hash.

The same book announced by two runs, or by two feeds of a resource, gets the same
identifier, so that it is shown once and keeps its `first_seen`.
"""

from __future__ import annotations

import hashlib
import re

_ISBN_CHARS = re.compile(r"[\s\-‐‑–]")
_ISBN = re.compile(r"(?:97[89])?\d{9}[\dX]")
_ISSN = re.compile(r"^(\d{4})-?(\d{3}[\dX])$")
_URN = re.compile(r"^urn:([a-z0-9][a-z0-9-]{0,31}):(\S+)$", re.IGNORECASE)


def isbn13(value: str) -> str | None:
    """'978-2-07-061275-8', '2070612759', 'urn:isbn:…' -> '9782070612758' (checksums verified)."""
    text = _ISBN_CHARS.sub("", value.strip()).upper()
    for prefix in ("URN:ISBN:", "ISBN:", "ISBN"):
        if text.startswith(prefix):
            text = text[len(prefix):]
            break
    if not _ISBN.fullmatch(text):
        return None
    if len(text) == 10:
        total = sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(text))
        if total % 11:
            return None
        text = "978" + text[:9]
        return text + str((10 - sum((1 if i % 2 == 0 else 3) * int(c) for i, c in enumerate(text)) % 10) % 10)
    if len(text) != 13 or "X" in text:
        return None
    if sum((1 if i % 2 == 0 else 3) * int(c) for i, c in enumerate(text)) % 10:
        return None
    return text


def issn(value: str) -> str | None:
    """'0395-2037', 'urn:issn:0395-2037' -> '0395-2037' (checksum verified)."""
    text = value.strip().upper()
    for prefix in ("URN:ISSN:", "ISSN:", "ISSN"):
        if text.startswith(prefix):
            text = text[len(prefix):].strip()
            break
    match = _ISSN.match(text)
    if match is None:
        return None
    digits = match[1] + match[2]
    total = sum((8 - i) * int(c) for i, c in enumerate(digits[:7]))
    check = (11 - total % 11) % 11
    if digits[7] != ("X" if check == 10 else str(check)):
        return None
    return f"{digits[:4]}-{digits[4:]}"


def title_id(candidates: list[str], fallback: str | None) -> str | None:
    """The best identifier among `candidates` (ISBN, then ISSN, then URN), else a hash of `fallback`."""
    cleaned = [c.strip() for c in candidates if isinstance(c, str) and c.strip()]
    for value in cleaned:
        found = isbn13(value)
        if found:
            return f"isbn:{found}"
    for value in cleaned:
        if value.lower().startswith(("urn:issn:", "issn")) or _ISSN.match(value):
            found = issn(value)
            if found:
                return f"issn:{found}"
    for value in cleaned:
        match = _URN.match(value)
        if match and match[1].lower() not in ("isbn", "issn"):
            return f"urn:{match[1].lower()}:{match[2]}"
    if fallback and fallback.strip():
        return "guid:" + hashlib.sha256(fallback.strip().encode("utf-8")).hexdigest()[:20]
    return None
