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
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + line_offset) if mark else 1 + line_offset
        col = (mark.column + 1) if mark else 1
        problems.append(Problem(Location(file, line, col), _explain(exc)))
        return None, problems
    except yaml.YAMLError as exc:  # pragma: no cover - non-marked YAML errors are rare
        problems.append(Problem(Location(file, 1 + line_offset, 1), f"YAML invalide : {exc}"))
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
                return event.start_mark, (
                    f"le fichier imbrique plus de {MAX_DEPTH} niveaux de listes ou de clés ; un fichier de données "
                    "en a quelques-uns (par ex. « conditions: » puis « quota: … ») ; vérifiez les crochets [ ] "
                    "et accolades { } et l'indentation")
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
                return event.start_mark, (
                    f"plus de {MAX_ALIASES} alias (*nom) dans ce fichier ; un fichier de données n'en a "
                    "pas besoin ; recopiez les valeurs au lieu de « *nom »")
            if any(anchor == event.anchor for anchor, _ in open_):
                return event.start_mark, (
                    f"l'alias « *{event.anchor} » désigne la valeur qui le contient (une boucle sans fin) ; "
                    "recopiez les valeurs au lieu de l'alias")
            size = sizes.get(event.anchor, 1)  # an undefined alias: the composer reports it
            expanded += size
            if expanded > MAX_EXPANDED:
                return event.start_mark, (
                    f"les alias (*nom) de ce fichier recopient plus de {MAX_EXPANDED:,} valeurs".replace(",", " ")
                    + " ; un fichier de données en a quelques centaines ; recopiez les valeurs au lieu des alias")
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


# PyYAML's most frequent complaints, said in French; any other is quoted as it is.
_PROBLEMS = (
    ("mapping values are not allowed", "un deux-points « : » est inattendu ici",
     "une valeur qui contient « : » doit être entre guillemets, par ex. title: \"Atelier : tablette\""),
    ("could not determine a constructor for the tag", "étiquette YAML non autorisée (« !! »)",
     "écrivez la valeur sans étiquette, par ex. titre: \"texte\""),
    ("found undefined alias", "alias « *nom » sans ancre « &nom » correspondante",
     "recopiez la valeur au lieu de l'alias"),
    ("found character '\\t'", "tabulation dans l'indentation",
     "indentez avec des espaces, jamais avec des tabulations"),
    ("found unknown escape character", "séquence « \\ » inconnue entre guillemets doubles",
     "doublez la barre oblique (\\\\) ou utilisez des guillemets simples"),
    ("found unhashable key", "une clé ne peut pas être une liste ni un dictionnaire",
     "écrivez la clé comme un simple mot, par ex. titre:"),
    ("found unexpected end of stream", "guillemet non fermé", "fermez les guillemets de la valeur"),
    ("expected ',' or ']'", "liste entre crochets non fermée", "fermez-la avec « ] », par ex. [adultes, ados]"),
    ("expected ',' or '}'", "accolade non fermée", "fermez-la avec « } »"),
)


def _explain(exc: yaml.MarkedYAMLError) -> str:
    detail = " ".join(filter(None, [exc.context, exc.problem]))
    for needle, what, fix in _PROBLEMS:
        if needle in detail:
            return f"YAML invalide : {what} ; {fix} (analyseur : {detail})"
    return (f"YAML invalide : {detail} ; attendu des lignes « clé: valeur », par ex. title: Gallica ; "
            "vérifiez l'indentation (des espaces), les deux-points et les guillemets")


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
                            f"{key} : clé en double (déjà à la ligne {seen[key]}) ; une clé ne s'écrit qu'une fois "
                            "par bloc ; gardez une seule des deux lignes",
                        )
                    )
                seen[key] = line
                child = path + (key,)
                doc.positions[child] = (line, key_node.start_mark.column + 1)
                children.append((value_node, child))
            pending.extend(reversed(children))
        elif isinstance(node, yaml.SequenceNode):
            pending.extend((item, path + (index,)) for index, item in reversed(list(enumerate(node.value))))
