"""Bytes -> text, strictly: a document that lies about its encoding is refused, not guessed at."""

from __future__ import annotations

import codecs
import re

from ...messages import say
from . import ParseError

_XML_DECL = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']", re.IGNORECASE)
_CHARSET = re.compile(r"charset\s*=\s*\"?([A-Za-z0-9._-]+)", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Entity declarations are how "billion laughs" and external-entity attacks start;
# no feed of titles needs them.
_ENTITY = re.compile(r"<!ENTITY", re.IGNORECASE)


def declared_encoding(body: bytes, content_type: str | None, *, xml: bool) -> str:
    for bom, name in _BOMS:
        if body.startswith(bom):
            return name
    match = _CHARSET.search(content_type or "")
    if match:
        return match[1].lower()
    if xml:
        match = _XML_DECL.match(body[:200])
        if match:
            return match[1].decode("ascii").lower()
    return "utf-8"


def decode(body: bytes, content_type: str | None, *, xml: bool) -> str:
    """The text of `body` in its declared encoding (UTF-8 by default); ParseError if it does not decode."""
    encoding = declared_encoding(body, content_type, xml=xml)
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise ParseError(say("parse.unknown_encoding", encoding=encoding)) from None
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ParseError(say("parse.wrong_encoding", encoding=encoding, position=exc.start)) from None
    return text.lstrip("\ufeff")


def refuse_entities(text: str) -> None:
    if _ENTITY.search(text):
        raise ParseError(say("parse.entities"))
