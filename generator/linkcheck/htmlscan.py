"""The start tags of an HTML page, found as html.parser (CPython 3.11) finds them, only faster (pure).

html.parser walks every token of a page in Python, and the link checker spent nearly all its time
there; it needs a few start tags. This scanner skips the rest in single regular-expression calls
and, wherever html.parser decides where a token ends, takes the same decision with the same
expressions: it reports the start tags html.parser reports, at the same offsets, with the same
attributes. tests/linkcheck/test_parse_scanner.py holds the two side by side.
"""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Callable, Iterator, Mapping
from html import unescape

# html.parser's own expressions (Lib/html/parser.py and Lib/_markupbase.py of CPython 3.11), copied
# because they are private there and the scanner must not change behaviour when they do.
_TAG_NAME = r"[a-zA-Z][^\t\n\r\f />\x00]*"
# locatestarttagend_tolerant, the tag name in a group: where html.parser ends a start tag.
_START_TAG = (
    r"<(" + _TAG_NAME + r")"
    r"""(?:[\s/]*(?:(?<=['"\s/])[^\s/>][^\s/=>]*"""
    r"""(?:\s*=+\s*(?:'[^']*'|"[^"]*"|(?!['"])[^>\s]*)\s*)?(?:\s|/(?!>))*)*)?\s*"""
)
_LOCATE_START_TAG = re.compile(_START_TAG)
_TAG_FIND = re.compile(r"(" + _TAG_NAME + r")(?:\s|/(?!>))*")
_ATTR_FIND = re.compile(
    r"""((?<=['"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*('[^']*'|"[^"]*"|(?!['"])[^>\s]*))?(?:\s|/(?!>))*"""
)
_END_TAG_FIND = re.compile(r"</\s*([a-zA-Z][-.a-zA-Z0-9:_]*)\s*>")
_COMMENT_CLOSE = re.compile(r"--\s*>")
_DECL_NAME = re.compile(r"[a-zA-Z][-_.a-zA-Z0-9]*\s*")
_SECTION_CLOSE = re.compile(r"]\s*]\s*>")
_MS_SECTION_CLOSE = re.compile(r"]\s*>")
_SECTIONS = {"temp", "cdata", "ignore", "include", "rcdata"}
_MS_SECTIONS = {"if", "else", "endif"}
# Elements whose content is not markup; html.parser ends them at this end tag (matched with re.I).
_RAW_TEXT = {name: re.compile(r"</\s*%s\s*>" % name, re.I) for name in ("script", "style")}
# check_for_whole_start_tag: a tag that stops before one of these has not ended (html.parser waits).
_NOT_ENDED = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ=/")

# What html.parser reads as text or discards, up to the next start tag that matters: text, end tags
# (outside raw text an end tag runs to the first '>'), closed comments, declarations, processing
# instructions, a '<' that opens nothing, and plain start tags nobody needs (see _skipped_tag).
# Nothing after it can fail, so the engine never backtracks into it: like html.parser, it reads each
# token once. It stops at an unterminated construct, a marked section ('<![') or a start tag to read.
_SKIPPED = r"(?:[^<]+|<(?:/[^>]*>|%s|!--.*?--\s*>|!(?!--|\[)[^>]*>|\?[^>]*>|(?=[^a-zA-Z/!?])))*"
# A plain tag: ASCII names, attributes after ASCII spaces, '=' with no space around it, a quoted
# or simple bare value. On such a tag each step of html.parser's expressions takes its first
# choice, so they end it at the same '>' and split its attributes the same way. These expressions
# are unambiguous, so they need no possessive quantifier (broken before Python 3.11.5, gh-106052).
_SPACE = r"[ \t\n\r\f]"
_PLAIN_NAME = r"[a-zA-Z_:][-a-zA-Z0-9_:.]*"
_PLAIN_BARE = r"""[^\s"'=<>`/]+"""
# html.parser lets a bare value run into '/>' ('<br a=b/>': a="b/", not self-closing): not plain.
_PLAIN_ATTR = _SPACE + r"""+%s(?:=(?:"[^"]*"|'[^']*'|""" + _PLAIN_BARE + r"(?!/)))?"
_PLAIN_TAG = r"<([a-zA-Z][a-zA-Z0-9-]*)((?:%s)*)%s*(/?)>" % (_PLAIN_ATTR % _PLAIN_NAME, _SPACE)
# Its attributes one by one: name, '=' if a value follows, the value in one of three groups.
_PLAIN_ATTRS = re.compile(_SPACE + r"""+(%s)(?:(=)(?:"([^"]*)"|'([^']*)'|(%s)))?""" % (_PLAIN_NAME, _PLAIN_BARE))
# An attribute named id, or text that looks like one: a tag without this carries no id.
_ID_HINT = re.compile(r"""(?<=['"\s/])[iI][dD](?![^\s/=>])""")

# Read-only: the attributes of a plain tag are shared between the tags that repeat them.
Attributes = Mapping[str, "str | None"]
_NO_ATTRIBUTES: Attributes = {}


@functools.lru_cache(maxsize=8)
def _scanner(kept: frozenset[str]) -> re.Pattern[str]:
    """Skip to the next start tag named in `kept` or with an id; read it if plain, else find its name."""
    return re.compile(_SKIPPED % _skipped_tag(kept) + r"(?:" + _PLAIN_TAG + "|" + _START_TAG + r")?", re.DOTALL)


def _skipped_tag(kept: frozenset[str]) -> str:
    """A plain start tag named outside `kept`, without an id attribute: one nobody needs to read.

    A bare value may run into '/>' here: html.parser reads it differently, but ends the tag at
    the same '>'.
    """
    attribute = rf"(?![iI][dD](?![-a-zA-Z0-9_:.])){_PLAIN_NAME}" r"""(?:=(?:"[^"]*"|'[^']*'|%s))?""" % _PLAIN_BARE
    return rf"(?!{_any_case(kept)}[ \t\n\r\f/>])[a-zA-Z][a-zA-Z0-9-]*(?:{_SPACE}+{attribute})*{_SPACE}*/?>"


def _any_case(names: frozenset[str]) -> str:
    """`names` in any case, grouped by first letter: the engine then rejects most tags at once."""
    by_first: dict[str, list[str]] = {}
    for name in sorted(names, key=len, reverse=True):
        by_first.setdefault(name[0], []).append(name[1:])
    return "(?:" + "|".join(f"{_letters(first)}(?:{'|'.join(map(_letters, rests))})"
                            for first, rests in sorted(by_first.items())) + ")"


def _letters(word: str) -> str:
    return "".join(f"[{c.lower()}{c.upper()}]" if c in string.ascii_letters else re.escape(c) for c in word)


def start_tags(text: str, wanted: frozenset[str]) -> Iterator[tuple[int, str, Attributes, str | None, bool]]:
    """(offset of '<', tag, attributes, raw content, self-closing) of start tags in `wanted` or with an id.

    Tag and attribute names are lower-cased and values unescaped, as html.parser reports them; of
    a repeated attribute the last value is kept. The raw content is the text of a <script> or
    <style> up to its end tag (None when the tag closes itself, holds no raw text or never ends).
    Other tags may be reported too; most are skipped unread.
    """
    end_of_text = len(text)
    kept = frozenset(wanted | _RAW_TEXT.keys())
    match_next = _scanner(kept).match
    pos = 0
    while True:
        found = match_next(text, pos)
        plain, attributes, slash, name = found.groups()
        if plain is not None:
            start, pos = found.start(1) - 1, found.end()
            tag = plain.lower()
            attrs = _plain_attributes(attributes) if attributes else _NO_ATTRIBUTES
            self_closing = bool(slash)
        elif name is not None:
            start = found.start(4) - 1
            pos = _start_tag_end(text, start, found.end())
            if pos < 0:
                pos = _unterminated(text, start)
                continue
            tag = name.lower()
            if tag not in kept and not _ID_HINT.search(text, start, pos):
                continue
            exact, closing = _attributes(text, start, pos)
            if closing is None:  # html.parser reads a malformed tag as text
                continue
            attrs, self_closing = exact, closing
        else:  # an unterminated construct, a marked section or the end of the page
            pos = found.end()
            pos = _after_other_markup(text, pos) if pos < end_of_text else -1
            if pos < 0:
                return
            continue
        if self_closing or tag not in _RAW_TEXT:
            yield start, tag, attrs, None, self_closing
            continue
        content_start = pos
        content_end, pos = _raw_text_end(text, tag, pos)
        yield start, tag, attrs, (text[content_start:content_end] if content_end >= 0 else None), False
        if pos < 0:  # html.parser reads nothing after a raw-text element that never ends
            return


@functools.lru_cache(maxsize=1024)
def _plain_attributes(attributes: str) -> Attributes:
    """The attributes of a plain tag, decoded as html.parser's parse_starttag decodes them.

    Cached: every page of a site repeats its navigation, so most attribute lists were seen before.
    """
    attrs: dict[str, str | None] = {
        name.lower(): (double or single or bare) if equals else None
        for name, equals, double, single, bare in _PLAIN_ATTRS.findall(attributes)
    }
    if "&" in attributes:
        for name, value in attrs.items():
            if value and "&" in value:
                attrs[name] = unescape(value)
    return attrs


def _start_tag_end(text: str, start: int, located: int) -> int:
    """html.parser's check_for_whole_start_tag: the offset after the tag, or -1 if it never ends."""
    following = text[located:located + 1]
    if following == ">":
        return located + 1
    if following == "/":
        return located + 2 if text.startswith("/>", located) else -1
    if following == "" or following in _NOT_ENDED:
        return -1
    return located if located > start else start + 1


def _attributes(text: str, start: int, end: int) -> tuple[Attributes, bool | None]:
    """html.parser's parse_starttag: the attributes, and whether the tag closes itself (None: not a tag)."""
    k = _TAG_FIND.match(text, start + 1).end()  # type: ignore[union-attr]
    attrs: dict[str, str | None] = {}
    while k < end:
        found = _ATTR_FIND.match(text, k)
        if not found:
            break
        name, rest, value = found.group(1, 2, 3)
        if not rest:
            value = None
        elif value[:1] == "'" == value[-1:] or value[:1] == '"' == value[-1:]:
            value = value[1:-1]
        if value and "&" in value:
            value = unescape(value)
        attrs[name.lower()] = value
        k = found.end()
    closing = text[k:end].strip()
    if closing not in (">", "/>"):
        return attrs, None
    return attrs, closing == "/>"


def _raw_text_end(text: str, tag: str, pos: int) -> tuple[int, int]:
    """Where a raw-text element's content ends and reading resumes; (-1, -1) if it never ends."""
    close = _RAW_TEXT[tag]
    while True:
        found = close.search(text, pos)
        if not found:
            return -1, -1
        at = found.start()
        after = text.find(">", at + 1) + 1
        end_tag = _END_TAG_FIND.match(text, at)
        if end_tag and end_tag[1].lower() == tag:
            return at, after
        pos = after  # re.I matched an end tag html.parser does not accept (e.g. '</ſcript>'): text


def data_until_end_tag(
    text: str, start: int, tag: str, stop: Callable[[str, Attributes], bool]
) -> tuple[str, int] | None:
    """The text html.parser hands to handle_data after the start tag at `start` until it reports </tag>.

    Returns that text and the offset of the end tag; None if the end tag never comes or if a start
    tag for which `stop` holds comes first. Walks every token: only for the rare page that needs it.
    """
    located = _LOCATE_START_TAG.match(text, start)
    pos = _start_tag_end(text, start, located.end())  # type: ignore[union-attr]
    data: list[str] = []
    while pos >= 0:
        at = text.find("<", pos)
        if at < 0 or at + 1 >= len(text):
            return None
        data.append(unescape(text[pos:at]))
        following = text[at + 1]
        if following in string.ascii_letters:
            located = _LOCATE_START_TAG.match(text, at)
            end = _start_tag_end(text, at, located.end())  # type: ignore[union-attr]
            if end < 0:
                pos = _unterminated(text, at)
                data.append(unescape(text[at:pos]))
                continue
            attrs, closing = _attributes(text, at, end)
            pos = end
            if closing is None:
                data.append(text[at:end])
                continue
            name = located[1].lower()  # type: ignore[index]
            if stop(name, attrs):
                return None
            if closing or name not in _RAW_TEXT:
                continue
            content_end, pos = _raw_text_end(text, name, end)
            if content_end >= 0:
                data.append(text[end:content_end])
                if name == tag:
                    return "".join(data), content_end
        elif following not in "/!?":
            data.append("<")
            pos = at + 1
        else:
            pos, ended = _markup_end(text, at)
            if pos < 0:
                pos = _unterminated(text, at)
                data.append(unescape(text[at:pos]))
            elif ended == tag:
                return "".join(data), at
    return None


def _markup_end(text: str, pos: int) -> tuple[int, str | None]:
    """The end of the end tag, comment, declaration or processing instruction at `pos` (-1: unterminated),
    and the name html.parser reports for an end tag."""
    if text.startswith("</", pos):
        after = text.find(">", pos + 2) + 1
        if not after:
            return -1, None
        end_tag = _END_TAG_FIND.match(text, pos) or _TAG_FIND.match(text, pos + 2)
        return after, (end_tag[1].lower() if end_tag else None)
    if text.startswith("<!--", pos):
        close = _COMMENT_CLOSE.search(text, pos + 4)
        return (close.end() if close else -1), None
    if text.startswith("<![", pos):
        return _marked_section(text, pos), None
    after = text.find(">", pos + 2)  # a processing instruction, a doctype or a bogus comment
    return (after + 1 if after >= 0 else -1), None


def _after_other_markup(text: str, pos: int) -> int:
    """Where reading resumes after the '<' at `pos`, which opens no start tag nor a closed construct."""
    if text.startswith("<![", pos):
        after = _marked_section(text, pos)
        return after if after >= 0 else _unterminated(text, pos)
    if pos + 1 >= len(text):
        return -1  # a '<' that ends the page is text
    return _unterminated(text, pos)


def _marked_section(text: str, pos: int) -> int:
    """_markupbase's parse_marked_section ('<![CDATA[...]]>', '<![if ...]>'): its end, or -1."""
    name_at = pos + 3
    if name_at == len(text):
        return -1
    name = _DECL_NAME.match(text, name_at)
    if not name:
        # html.parser fails on this input: so does the scanner, rather than guess.
        raise AssertionError(f"expected name token at {text[pos:pos + 20]!r}")
    if name.end() == len(text):
        return -1
    keyword = name[0].strip().lower()
    if keyword in _SECTIONS:
        close = _SECTION_CLOSE.search(text, name_at)
    elif keyword in _MS_SECTIONS:
        close = _MS_SECTION_CLOSE.search(text, name_at)
    else:
        raise AssertionError(f"unknown status keyword {text[name_at:name.end()]!r} in marked section")
    return close.end() if close else -1


def _unterminated(text: str, pos: int) -> int:
    """At the end of the input html.parser reads an unterminated construct as text up to the next '>'."""
    after = text.find(">", pos + 1)
    if after >= 0:
        return after + 1
    after = text.find("<", pos + 1)
    return after if after >= 0 else pos + 1
