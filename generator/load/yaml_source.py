"""Safe YAML loading that remembers where every key and item stands.

PyYAML's SafeLoader builds plain data but forgets positions, and silently keeps
the last of two duplicate keys. We compose the node tree once, build the data
from it with the safe constructor, and walk the same tree to record the line and
column of every key path, so that a validation error can name FILE:LINE:COL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..errors import Location, Problem

Path_ = tuple[str | int, ...]


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps YAML 1.1 sexagesimal ints ('14:00' -> 840) as strings."""


# Drop the int resolver and re-add it without base-60, so "14:00" stays a string.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:int"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_INT = re.compile(r"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+)$")
_Loader.add_implicit_resolver("tag:yaml.org,2002:int", _INT, list("-+0123456789"))

# libyaml's parser is about ten times faster (thousands of event files); it resolves and
# constructs with the same Python classes, so the data is the same. Its error messages are
# worded differently: a file it refuses is parsed again with _Loader for PyYAML's messages.
if getattr(yaml, "__with_libyaml__", False):
    class _FastLoader(yaml.CSafeLoader):
        yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
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
            node, data = _compose(_FastLoader, text)
        except yaml.YAMLError:
            node, data = _compose(_Loader, text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + line_offset) if mark else 1 + line_offset
        col = (mark.column + 1) if mark else 1
        what = " ".join(filter(None, [exc.context, exc.problem]))
        hint = "check indentation, colons and quotes"
        if "mapping values are not allowed" in what:
            hint = "a value containing ' : ' must be quoted, e.g. title: \"Atelier : tablette\""
        problems.append(Problem(Location(file, line, col), f"invalid YAML: {what}; {hint}"))
        return None, problems
    except yaml.YAMLError as exc:  # pragma: no cover - non-marked YAML errors are rare
        problems.append(Problem(Location(file, 1 + line_offset, 1), f"invalid YAML: {exc}"))
        return None, problems

    doc = YamlDocument(file, data)
    if node is not None:
        _walk(node, (), doc, problems, line_offset)
    return doc, problems


def _compose(loader_class: type, text: str) -> tuple[yaml.Node | None, Any]:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return node, loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()


def _walk(node: yaml.Node, path: Path_, doc: YamlDocument, problems: list[Problem], offset: int) -> None:
    doc.positions.setdefault(path, (node.start_mark.line + 1 + offset, node.start_mark.column + 1))
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            line = key_node.start_mark.line + 1 + offset
            if key in seen:
                problems.append(
                    Problem(
                        Location(doc.file, line, key_node.start_mark.column + 1),
                        f"duplicate key '{key}' (first at line {seen[key]}); keep only one",
                    )
                )
            seen[key] = line
            child = path + (key,)
            doc.positions[child] = (line, key_node.start_mark.column + 1)
            _walk(value_node, child, doc, problems, offset)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, path + (index,), doc, problems, offset)
