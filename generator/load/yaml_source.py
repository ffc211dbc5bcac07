"""Safe YAML loading that remembers where every key and item stands.

PyYAML's SafeLoader builds plain data but forgets positions, and silently keeps
the last of two duplicate keys. We compose the node tree once, build the data
from it with the safe constructor, and walk the same tree to record the line and
column of every key path, so that a validation error can name FILE:LINE:COL.

Editors are not fully trusted: before composing, one pass over the event stream
refuses a file nested too deep (the composer and the constructor recurse), with
too many aliases, or whose aliases expand it beyond a bound ("billion laughs").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..errors import Location, Problem
from ..messages import say

Path_ = tuple[str | int, ...]

MAX_DEPTH = 50
"""Nested mappings and lists; the demo's deepest file has fewer than ten levels."""
MAX_ALIASES = 100
"""Aliases (`*nom`) per file; editors' files rarely use any."""
MAX_EXPANDED = 100_000
"""Values that a file's aliases copy, counted through nested aliases."""

_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_INT_TAG = "tag:yaml.org,2002:int"


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps sexagesimal ints ('14:00') and timestamps ('2026-11-28') as strings.

    Dates stay text so that the models parse them: an impossible date (2026-02-30) is then
    a validation error at its key, not a ValueError inside PyYAML's timestamp constructor.
    """


# Drop the int and timestamp resolvers; re-add int without base-60, so "14:00" stays a string.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in (_INT_TAG, _TIMESTAMP)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_INT = re.compile(r"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+)$")
_Loader.add_implicit_resolver(_INT_TAG, _INT, list("-+0123456789"))


def _bounded_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int | str:
    # Python refuses to convert more than 4,300 digits (ValueError); no figure needs 100.
    # Kept as text, such a number is refused by the model that expects a bounded int.
    if len(node.value) > 100:
        return node.value
    return yaml.SafeLoader.construct_yaml_int(loader, node)


_Loader.add_constructor(_INT_TAG, _bounded_int)

# libyaml's parser is about ten times faster (thousands of event files); it resolves and
# constructs with the same Python classes, so the data is the same. Its error messages are
# worded differently: a file it refuses is parsed again with _Loader for PyYAML's messages.
if getattr(yaml, "__with_libyaml__", False):
    class _FastLoader(yaml.CSafeLoader):
        yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
        yaml_constructors = _Loader.yaml_constructors
else:  # pragma: no cover - PyYAML wheels ship libyaml
    _FastLoader = _Loader


@dataclass
class YamlDocument:
    """Data of one YAML file plus the position of every key path in it."""

    file: str
    data: Any
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: Path_) -> Location:
        """The position of `path`, or of its nearest known ancestor."""
        path = tuple(path)
        while path:
            if path in self.positions:
                line, col = self.positions[path]
                return Location(self.file, line, col)
            path = path[:-1]
        line, col = self.positions.get((), (1, 1))
        return Location(self.file, line, col)


def load_yaml(text: str, file: str, *, line_offset: int = 0) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse `text`; return the document, or None with the problems found."""
    problems: list[Problem] = []
    try:
        try:
            beyond = _beyond_bounds(_FastLoader, text)
            if beyond is None:
                node, data = _compose(_FastLoader, text)
        except yaml.YAMLError:
            beyond = _beyond_bounds(_Loader, text)
            if beyond is None:
                node, data = _compose(_Loader, text)
    except yaml.MarkedYAMLError as exc:
        mark, message = _explain(exc)
        line = (mark.line + 1 + line_offset) if mark else 1 + line_offset
        col = (mark.column + 1) if mark else 1
        problems.append(Problem(Location(file, line, col), message))
        return None, problems
    except yaml.reader.ReaderError as exc:
        line, col, message = _unreadable_character(exc, text, line_offset)
        problems.append(Problem(Location(file, line, col), message))
        return None, problems
    except yaml.YAMLError:  # pragma: no cover - every other YAML error carries a mark
        problems.append(Problem(Location(file, 1 + line_offset, 1), say("yaml.invalid", problem=say("yaml.generic"))))
        return None, problems
    if beyond is not None:
        mark, message = beyond
        problems.append(Problem(Location(file, mark.line + 1 + line_offset, mark.column + 1), message))
        return None, problems

    doc = YamlDocument(file, data)
    if node is not None:
        _walk(node, doc, problems, line_offset)
    return doc, problems


def _beyond_bounds(loader_class: type, text: str) -> tuple[yaml.Mark, str] | None:
    """The first place where the file goes beyond the bounds, with why; None when it stays within.

    Parsing events is iterative and cheap; only composing recurses and only the constructor
    expands aliases, so both run after this pass has accepted the file.
    """
    sizes: dict[str, int] = {}  # anchor -> values its node holds, aliases expanded
    open_: list[list[Any]] = []  # per open collection: [anchor, values so far]
    aliases = expanded = 0
    for event in yaml.parse(text, Loader=loader_class):
        if isinstance(event, yaml.CollectionStartEvent):
            if len(open_) >= MAX_DEPTH:
                return event.start_mark, say("yaml.too_deep", limit=MAX_DEPTH)
            open_.append([event.anchor, 1])
        elif isinstance(event, yaml.CollectionEndEvent):
            anchor, size = open_.pop()
            if anchor is not None:
                sizes[anchor] = size
            if open_:
                open_[-1][1] += size
        elif isinstance(event, yaml.ScalarEvent):
            if event.anchor is not None:
                sizes[event.anchor] = 1
            if open_:
                open_[-1][1] += 1
        elif isinstance(event, yaml.AliasEvent):
            aliases += 1
            if aliases > MAX_ALIASES:
                return event.start_mark, say("yaml.too_many_aliases", limit=MAX_ALIASES)
            if any(anchor == event.anchor for anchor, _ in open_):
                return event.start_mark, say("yaml.alias_loop", name=event.anchor)
            size = sizes.get(event.anchor, 1)  # an undefined alias: the composer reports it
            expanded += size
            if expanded > MAX_EXPANDED:
                return event.start_mark, say("yaml.alias_expansion", limit=f"{MAX_EXPANDED:,}".replace(",", " "))
            if open_:
                open_[-1][1] += size
    return None


def _compose(loader_class: type, text: str) -> tuple[yaml.Node | None, Any]:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return node, loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()


# PyYAML's complaints, by the words of its problem (and context), said in French from the
# catalogue; what no rule recognises gets the catalogue's generic message, never PyYAML's English.
# A rule: (pattern on "context | problem", message key, point at the context's mark rather
# than the problem's). The pattern's named groups fill the message's placeholders.
_RULES: tuple[tuple[re.Pattern[str], str, bool], ...] = tuple(
    (re.compile(pattern), key, at_context) for pattern, key, at_context in (
        (r"quoted scalar \| found unexpected end of stream", "yaml.unclosed_quote", True),
        (r"found character '\\t' that cannot start", "yaml.tab", False),
        (r"found character '(?P<char>.)' that cannot start", "yaml.bad_start", False),
        (r"mapping values are not allowed", "yaml.colon", False),
        (r"constructor for the tag 'tag:yaml\.org,2002:python/", "yaml.python_tag", False),
        (r"could not determine a constructor for the tag|found undefined tag handle|while parsing a tag",
         "yaml.tag", False),
        (r"found undefined alias '(?P<name>[^']*)'", "yaml.undefined_alias", False),
        (r"found duplicate anchor '(?P<name>[^']*)'", "yaml.duplicate_anchor", False),
        (r"found unknown escape character", "yaml.escape", False),
        (r"found unhashable key", "yaml.unhashable", False),
        (r"expected ',' or '\]'", "yaml.unclosed_list", False),
        (r"expected ',' or '\}'", "yaml.unclosed_map", False),
        (r"but found '(?P<char>[\]}])'", "yaml.stray_close", False),
        (r"block mapping \| expected <block end>, but found '-'", "yaml.dash_in_map", False),
        (r"block collection \| expected <block end>, but found '\?'", "yaml.key_in_list", False),
        (r"block mapping \| expected <block end>, but found '<block (?:mapping|sequence) start>'", "yaml.indentation",
         False),
        (r"block mapping \| expected <block end>, but found '<scalar>'", "yaml.after_value", False),
        (r"could not find expected ':'", "yaml.no_colon", True),
        (r"expected a single document", "yaml.documents", False),
        (r"YAML directive|YAML document|tag handle|while scanning a directive", "yaml.directive", False),
        (r"expected '<document start>'", "yaml.after_end", False),
        (r"while scanning an? (?:anchor|alias)", "yaml.anchor_name", False),
        (r"while scanning a block scalar", "yaml.block_scalar", False),
    ))


def _explain(exc: yaml.MarkedYAMLError) -> tuple[yaml.Mark | None, str]:
    """Where to point and what to say about a file PyYAML refused."""
    detail = f"{exc.context or ''} | {exc.problem or ''}"
    mark = exc.problem_mark or exc.context_mark
    for pattern, key, at_context in _RULES:
        found = pattern.search(detail)
        if found:
            values = dict(found.groupdict())
            if key == "yaml.duplicate_anchor" and exc.context_mark is not None:
                values["first"] = exc.context_mark.line + 1
            if key in ("yaml.unclosed_list", "yaml.unclosed_map") and "got ':'" in detail \
                    and exc.context_mark is not None and mark is not None and exc.context_mark.line == mark.line:
                key = "yaml.flow_colon"  # closed on its line: the colon is inside a value
            if key == "yaml.stray_close":
                values["opening"] = "[" if values["char"] == "]" else "{"
            return (exc.context_mark or mark) if at_context else mark, say("yaml.invalid", problem=say(key, **values))
    return mark, say("yaml.invalid", problem=say("yaml.generic"))


def _unreadable_character(exc: yaml.reader.ReaderError, text: str, line_offset: int) -> tuple[int, int, str]:
    """Line, column and message for a character YAML refuses (a control character, most often pasted)."""
    position = max(0, min(exc.position, len(text)))
    line = text.count("\n", 0, position) + 1 + line_offset
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "\0")
    return line, column, say("yaml.invalid", problem=say("yaml.control", code=f"U+{code:04X}"))


def _walk(root: yaml.Node, doc: YamlDocument, problems: list[Problem], offset: int) -> None:
    """Record the position of every key path; iterative, so no input can exhaust the stack."""
    pending: list[tuple[yaml.Node, Path_]] = [(root, ())]
    while pending:
        node, path = pending.pop()
        doc.positions.setdefault(path, (node.start_mark.line + 1 + offset, node.start_mark.column + 1))
        if isinstance(node, yaml.MappingNode):
            seen: dict[Any, int] = {}
            children = []
            for key_node, value_node in node.value:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
                line = key_node.start_mark.line + 1 + offset
                if key in seen:
                    problems.append(
                        Problem(
                            Location(doc.file, line, key_node.start_mark.column + 1),
                            say("yaml.duplicate_key", key=key, first=seen[key]),
                        )
                    )
                seen[key] = line
                child = path + (key,)
                doc.positions[child] = (line, key_node.start_mark.column + 1)
                children.append((value_node, child))
            pending.extend(reversed(children))
        elif isinstance(node, yaml.SequenceNode):
            pending.extend((item, path + (index,)) for index, item in reversed(list(enumerate(node.value))))
