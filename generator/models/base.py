"""Shared base model and constrained field types used by every data file."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, StringConstraints, TypeAdapter, WrapValidator

from ..messages import say

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# An e-mail address, as bibnum accepts it (a simple check, not RFC 5322): one `@`; before it,
# letters, digits and . _ + - = ! # $ % & * / ? (no space, quote, angle bracket, brace or control
# character: the address is printed in pages and `mailto:` links); after it, a domain of labels
# (letters, digits, inner hyphens) separated by dots, ending with a name of two letters or more.
_EMAIL = re.compile(r"[\w.+=!#$%&*/?-]{1,64}@(?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)+[^\W\d_]{2,63}")
_DATE_ONLY = re.compile(r"\s*\d{4}-\d{1,2}-\d{1,2}\s*")
_DATE = TypeAdapter(dt.date)
_DATETIME = TypeAdapter(dt.datetime)


# Lengths (issue 12: bounded input). A text shown to readers is one line, not a file; a name that
# becomes a file or folder name of the build (an id, a town's or a blog category's address) must
# fit the 255 bytes file systems allow, whatever its letters: see name_length.
TEXT_MAX = 300
NAME_MAX = 80
# A name the engine makes an address of (a blog category) may give up to 4 bytes of it per
# character: a `"` is escaped to `&quot;` for the engine, which keeps `quot`. 60 x 4 = 240.
PAGE_NAME_MAX = 60


def name_length(text: str) -> int:
    """A name's length as a browser counts it (UTF-16 units). Each unit takes at most 3 bytes of
    UTF-8 (a letter of the engine's address; 4 for a `"`), so a name of PAGE_NAME_MAX units
    makes a file name of 240 bytes at most."""
    return len(text.encode("utf-16-le")) // 2


def shown(value: str, limit: int = 60) -> str:
    """A value quoted in a message, cut when long (a refused value may be a megabyte)."""
    return value if len(value) <= limit else value[: limit - 1] + "…"


class Invalid(ValueError):
    """A validator's refusal, in the editor's words (a key of generator/messages/).

    `at` names the key a model-level rule is about (an event's `end`), so that the
    message points at that key's line instead of the block's first one.
    """

    def __init__(self, message: str, *, at: tuple[str | int, ...] = (), **values: object):
        super().__init__(say(message, **values))
        self.at = at


class Model(BaseModel):
    """Frozen, strict about unknown keys: a typo in a key is an error, not a silent no-op."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


def _plain_text(value: str) -> str:
    # Page titles reach mkdocs-material templates, which do not autoescape;
    # refusing markup here keeps every title inert everywhere it is shown.
    if "<" in value or ">" in value:
        raise Invalid("value.markup")
    if _CONTROL.search(value):
        raise Invalid("value.control")
    return " ".join(value.split())


def _slug(value: str) -> str:
    # Checked here, not as a constraint of the type: pydantic lets a type's own max_length
    # override a field's lower one (Field(max_length=40) on a Slug), which would be lost.
    if len(value) > NAME_MAX:
        raise Invalid("schema.text_too_long", length=len(value), limit=NAME_MAX)
    if not _SLUG.match(value):
        raise Invalid("value.slug", value=shown(value))
    return value


def _names_a_page(value: str) -> str:
    if name_length(value) > PAGE_NAME_MAX:
        raise Invalid("value.name_too_long", length=name_length(value), limit=PAGE_NAME_MAX)
    return value


def _email(value: str) -> str:
    if len(value) > 254 or not _EMAIL.fullmatch(value):
        raise Invalid("value.email", value=shown(value))
    return value


def _no_control(value: str) -> str:
    if _CONTROL.search(value):
        raise Invalid("value.control")
    return value


def _number_as_text(value: object) -> object:
    # YAML reads `1944` or `4.5` as numbers; in a text field the editor meant text.
    return str(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else value


PlainText = Annotated[
    str, BeforeValidator(_number_as_text), StringConstraints(min_length=1, max_length=TEXT_MAX),
    AfterValidator(_plain_text),
]
"""One line of text shown to readers (titles, names): no markup, TEXT_MAX characters at most
(a field may set a lower limit of its own with `Field(max_length=…)`)."""

PageName = Annotated[PlainText, AfterValidator(_names_a_page)]
"""Plain text the engine also turns into a page's address (a blog category): PAGE_NAME_MAX at most."""

Slug = Annotated[str, AfterValidator(_slug)]
"""An identifier used in URLs, file names and cross-references (NAME_MAX characters at most)."""

Email = Annotated[str, AfterValidator(_email)]
"""An e-mail address, e.g. `contact@reseau.example.fr` (syntax checked, see _EMAIL)."""

MarkdownText = Annotated[str, AfterValidator(_no_control)]
"""Editor's Markdown; rendered and sanitized before it reaches a page."""


def _date_or_datetime(value: Any, handler: Any) -> Any:
    # The loader keeps dates as text: `2026-11-02` is a day, `2026-11-02T14:00` a moment.
    # Parsing with the one type the text asks for gives one error, not one per union member.
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise Invalid("value.date_number")
    if isinstance(value, str):
        return (_DATE if _DATE_ONLY.fullmatch(value) else _DATETIME).validate_python(value.strip())
    return handler(value)


DateOrDateTime = Annotated[dt.datetime | dt.date, WrapValidator(_date_or_datetime)]
"""A day (`2026-11-02`, kept a date) or a moment (`2026-11-02T14:00`, a datetime)."""
