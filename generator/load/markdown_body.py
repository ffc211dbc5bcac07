"""Editors' Markdown bodies (pages, posts, news), which the engine renders itself.

Two walls, both by parsing, never by scanning lines for bad words:
1. raw HTML, found by an HTML tokenizer over the source (code blocks, code spans, escaped
   `\\<` and autolinks left out), is refused at its FILE:LINE:COL: the engine would copy it
   into readers' pages as written;
2. the body is rendered with Python-Markdown and the same extensions as the engine, and
   every element, attribute and URL of the result is judged against an allowlist: Markdown
   alone can make a `javascript:` link or, through `attr_list`, an `onclick` attribute.
   An image shows only a file of content/images/, written `/images/<name>` (the web editor's
   form) or `images/<name>`, with a text alternative: a remote one would make every reader's
   browser call another site (DESIGN.md §10, private). The names it shows are kept
   (`BodyImage`) for validate.py, which knows the files; `with_image_paths` points them at the
   site's images/ folder when the page is written.
"""

from __future__ import annotations

import html
import re
import threading
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

import markdown

from ..errors import Location, Problem
from ..messages import say
from ..urls import IMAGE_NAME, IMAGES_FOLDER, is_safe_link, local_image

Extensions = tuple[tuple[str, Any], ...]
"""Markdown extensions as (name, options or None), in the engine configuration's order."""

# --- 1. raw HTML in the source -------------------------------------------------------------------

_FENCE_OPEN = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:[^`\n]|\n(?![ \t]*\n)|`(?!\1))+?\1(?!`)")  # not across a blank line
_ESCAPED = re.compile(r"\\[<&]")
# Python-Markdown's autolinks: http(s) and ftp addresses, e-mail addresses. Any other `<x:y…>`
# is raw HTML to it (and a custom element with attributes to a browser).
_AUTOLINK = re.compile(r"<(?:(?:[Hh][Tt][Tt][Pp][Ss]?|[Ff][Tt][Pp])://[^\s<>]*|[^\s<>!@]+@[^\s<>@]+)>")


def _without_code(body: str) -> str:
    """`body` with code blocks, code spans, escapes and autolinks blanked; lines and columns kept."""
    lines = body.split("\n")
    index = 0
    while index < len(lines):
        opened = _FENCE_OPEN.match(lines[index])
        if opened:
            fence = opened[1]
            close = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
            end = next((i for i in range(index + 1, len(lines)) if close.match(lines[i])), None)
            if end is not None:  # an unclosed fence is no code block: its text stays checked
                for i in range(index, end + 1):
                    lines[i] = " " * len(lines[i])
                index = end
        index += 1
    text = "\n".join(lines)
    for pattern in (_CODE_SPAN, _ESCAPED, _AUTOLINK):
        text = pattern.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), text)
    return text


def _inert_comment(text: str) -> bool:
    # `<!-- more -->` marks a post's excerpt. A comment that holds '<', '>' or '--' could end
    # earlier in a browser than here (`--!>`) and let a tag out: refused like raw HTML.
    return not any(mark in text for mark in ("<", ">", "--"))


class _RawHtml(HTMLParser):
    """Collects every tag, declaration or unsafe comment it meets: (line, column, its source text, reported).

    End tags are noted but not reported: `</div>` alone runs nothing, its start tag says it all.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, int, str, bool]] = []

    def _note(self, text: str, reported: bool = True) -> None:
        line, column = self.getpos()
        self.found.append((line, column + 1, text, reported))

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self._note(self.get_starttag_text() or f"<{tag}>")

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self._note(self.get_starttag_text() or f"<{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        self._note(f"</{tag}>", reported=False)

    def handle_comment(self, data: str) -> None:
        if not _inert_comment(data):
            self._note(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self._note(f"<!{decl}>")

    def unknown_decl(self, data: str) -> None:
        self._note(f"<![{data}]>")

    def handle_pi(self, data: str) -> None:
        self._note(f"<?{data}>")


def _shown(text: str, limit: int = 60) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= limit else one_line[: limit - 1] + "…"


def _raw_html(body: str) -> list[tuple[int, int, str, bool]]:
    parser = _RawHtml()
    parser.feed(_without_code(body))
    parser.close()
    return parser.found


def raw_html_problems(body: str, file: str, first_line: int) -> list[Problem]:
    """Every piece of raw HTML in the body, at its position in the file."""
    return [_raw_problem(file, first_line + line - 1, column, text)
            for line, column, text, reported in _raw_html(body) if reported]


def _raw_problem(file: str, line: int, column: int, text: str) -> Problem:
    return Problem(Location(file, line, column), say("body.raw_html", value=_shown(text)))


def _blanked(body: str, found: list[tuple[int, int, str, bool]]) -> str:
    """`body` without the raw HTML found (spaces, newlines kept), so rendering judges only the Markdown."""
    starts = [0]
    for line in body.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    chars = list(body)
    for line, column, text, _ in found:
        offset = starts[line - 1] + column - 1
        end = body.find(">", offset) + 1 if text.startswith("</") else offset + len(text)
        for index in range(offset, min(max(end, offset), len(chars))):
            if chars[index] != "\n":
                chars[index] = " "
    return "".join(chars)


# --- 2. what the body renders to ---------------------------------------------------------------

# What the engine's Markdown extensions make (headings, lists, tables, admonitions, details,
# definitions, abbreviations, footnotes...); never scripts, frames, forms, SVG or styles.
_TAGS = frozenset({
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "a", "img", "em", "strong", "b", "i", "u", "s",
    "del", "ins", "mark", "small", "sub", "sup", "code", "pre", "kbd", "samp", "var", "abbr", "q", "cite",
    "dfn", "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "table", "caption", "thead", "tbody", "tfoot",
    "tr", "th", "td", "div", "span", "details", "summary", "figure", "figcaption",
})
_GLOBAL = frozenset({"id", "class", "title", "lang", "dir"})
_BY_TAG = {
    "a": frozenset({"href", "rel", "target", "hreflang"}),
    "img": frozenset({"src", "alt", "width", "height", "loading"}),
    "th": frozenset({"align", "colspan", "rowspan", "scope", "style"}),
    "td": frozenset({"align", "colspan", "rowspan", "style"}),
    "ol": frozenset({"start", "type"}),
    "li": frozenset({"value"}),
    "details": frozenset({"open"}),
}
_URLS = frozenset({"href", "src"})
_TABLE_ALIGN = re.compile(r"text-align:\s*(?:left|right|center);?")  # what the tables extension writes


class _Judge(HTMLParser):
    """Collects what the rendered HTML holds beyond the allowlist: (kind, name, value); and the
    images of content/images/ it shows (their address as written)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)  # attribute values arrive decoded, as a browser reads them
        self.refused: list[tuple[str, str, str]] = []
        self.images: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _TAGS:
            self.refused.append(("tag", tag, ""))
            return
        for name, value in attrs:
            value = value or ""
            if name not in _GLOBAL and name not in _BY_TAG.get(tag, ()):
                self.refused.append(("attribute", name, value))
            elif tag == "img" and name == "src":
                continue  # judged by _image
            elif name in _URLS and not is_safe_link(value):
                self.refused.append(("url", name, value))
            elif name == "style" and not _TABLE_ALIGN.fullmatch(value.strip()):
                self.refused.append(("attribute", name, value))
        if tag == "img":
            self._image(dict(attrs))

    handle_startendtag = handle_starttag

    def _image(self, attrs: dict[str, str | None]) -> None:
        src = attrs.get("src") or ""
        if local_image(src) is None:
            self.refused.append(("image_src", "src", src))
            return
        self.images.append(src)
        if not (attrs.get("alt") or "").strip():
            self.refused.append(("image_alt", "alt", src))

    def handle_comment(self, data: str) -> None:
        if not _inert_comment(data):
            self.refused.append(("comment", "", data))

    def handle_decl(self, decl: str) -> None:
        self.refused.append(("tag", f"!{decl}", ""))

    def handle_pi(self, data: str) -> None:
        self.refused.append(("tag", f"?{data}", ""))


_converters = threading.local()  # Markdown objects are not thread-safe; one per thread and extension set


def _converter(extensions: Extensions) -> markdown.Markdown:
    cache = getattr(_converters, "by_extensions", None)
    if cache is None:
        cache = _converters.by_extensions = {}
    key = repr(extensions)
    if key not in cache:
        cache[key] = _build_converter(extensions)
    return cache[key]


def _build_converter(extensions: Extensions) -> markdown.Markdown:
    usable: list[tuple[str, Any]] = []
    for name, options in extensions:
        try:  # an extension that cannot load is reported by the engine configuration's check
            markdown.Markdown(extensions=[name], extension_configs={name: options} if options else {})
        except Exception:  # noqa: BLE001 - any failure of a third-party extension
            continue
        usable.append((name, options))
    return markdown.Markdown(
        extensions=[name for name, _ in usable],
        extension_configs={name: options for name, options in usable if options},
        output_format="html",
    )


@dataclass(frozen=True)
class BodyImage:
    """An image of content/images/ a body shows: its name there, as written, and where."""

    name: str
    written: str
    location: Location


def rendered_problems(body: str, file: str, first_line: int,
                      extensions: Extensions) -> tuple[list[Problem], tuple[BodyImage, ...]]:
    """What the body renders to that the allowlist refuses, at the best place found in the source;
    and the images of content/images/ it shows."""
    judge = _Judge()
    judge.feed(_converter(extensions).reset().convert(body))
    judge.close()
    problems = []
    for kind, name, value in judge.refused:
        after_scheme = value.partition(":")[2].strip()[:40]  # found even when the scheme was encoded
        needles = ([value[:40], after_scheme] if kind in ("url", "image_src")
                   else [value[:40]] if kind == "image_alt" else [name, value[:40]])
        location = _find(body, file, first_line, needles)
        problems.append(Problem(location, say(f"body.{kind}", name=name, value=_shown(value))))
    images = tuple(BodyImage(local_image(src) or "", src, _find(body, file, first_line, [src]))
                   for src in judge.images)
    return problems, images


def _find(body: str, file: str, first_line: int, needles: list[str]) -> Location:
    """Where the first needle found stands in the source; else the body's first line."""
    folded = body.casefold()
    for needle in needles:
        if len(needle.strip()) >= 3:  # a shorter one would match anywhere
            offset = folded.find(needle.casefold())
            if offset >= 0:
                line = body.count("\n", 0, offset)
                column = offset - (body.rfind("\n", 0, offset) + 1) + 1
                return Location(file, first_line + line, column)
    wanted = needles[0].strip().casefold()
    if len(wanted) >= 3:  # written with character references (`&#106;avascript:`): the line that decodes to it
        for index, line in enumerate(body.split("\n")):
            if wanted in html.unescape(line).casefold():
                return Location(file, first_line + index, 1)
    return Location(file, first_line, 1)


def body_problems(body: str, file: str, first_line: int,
                  extensions: Extensions) -> tuple[list[Problem], tuple[BodyImage, ...]]:
    """Every raw HTML tag, then what the rest of the body renders to: all problems at once, none
    twice; and the images of content/images/ the body shows."""
    found = _raw_html(body)
    raw = [_raw_problem(file, first_line + line - 1, column, text) for line, column, text, reported in found
           if reported]
    rendered, images = rendered_problems(_blanked(body, found) if found else body, file, first_line, extensions)
    return raw + rendered, images


# --- 3. images pointed at the site's images/ folder ---------------------------------------------

# A link or image destination, inline `](…)` or a reference definition `[x]: …`, that starts with
# the site's images folder: `/images/` (the web editor's form) or `images/`.
_IMAGE_DESTINATION = re.compile(
    rf"(?:\]\(\s*<?|^[ ]{{0,3}}\[[^\]\n]+\]:[ \t]*<?)(/?{IMAGES_FOLDER}/)(?={IMAGE_NAME.pattern})",
    re.MULTILINE)


def with_image_paths(body: str, prefix: str) -> str:
    """BODY with every destination `/images/<name>` or `images/<name>` written `PREFIX images/<name>`,
    PREFIX leading from the page's source file back to the docs root ('' or '../' repeated): the
    engine resolves it from the source file and writes the right address for the page's depth.
    Code blocks and code spans are left as written."""
    masked = _without_code(body)
    parts, last = [], 0
    for match in _IMAGE_DESTINATION.finditer(masked):
        parts += [body[last:match.start(1)], f"{prefix}{IMAGES_FOLDER}/"]
        last = match.end(1)
    return "".join(parts) + body[last:] if parts else body
