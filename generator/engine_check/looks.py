"""The sites' looks as the engine reads them: which look folders the sites name, their templates
(parsed as the engine's Jinja will) and the stylesheets and scripts the project adds (in every look).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import Location, Problem
from ..load.engine_config import SHARED_LOOK  # a file there needs no copy in a network's look
from ..load.yaml_source import YamlDocument
from ..messages import listed, say
from ..models.base import NAME_MAX
from ..probe import is_dir, is_file



def declared_looks(root: Path, sites: YamlDocument | None) -> dict[str, Path]:
    """The look folders the sites of data/sites.yml name, those that exist (a missing one is its own error)."""
    entries = sites.data.get("sites") if sites is not None and isinstance(sites.data, dict) else None
    names = {e.get("look") for e in entries if isinstance(e, dict)} if isinstance(entries, list) else set()
    # Only names a look may have are probed (an over-long or odd name is the model's error, at its line).
    looks = sorted(n for n in names if isinstance(n, str) and len(n) <= NAME_MAX and _LOOK.fullmatch(n))
    return {name: root / "themes" / name for name in looks if is_dir(root / "themes" / name)}


_LOOK = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # a Slug (generator/models/base.py)


# Python's str methods: Jinja2 lets a template call them, Zensical's template engine (minijinja) has none.
PYTHON_STRING_METHODS = frozenset({
    "capitalize", "casefold", "center", "count", "encode", "endswith", "expandtabs", "find", "format", "index",
    "isalnum", "isalpha", "isdigit", "islower", "isspace", "istitle", "isupper", "join", "ljust", "lower", "lstrip",
    "partition", "removeprefix", "removesuffix", "replace", "rfind", "rindex", "rjust", "rpartition", "rsplit",
    "rstrip", "split", "splitlines", "startswith", "strip", "swapcase", "title", "upper", "zfill",
})


def template_problems(root: Path, looks: dict[str, Path], engine: str | None = None) -> list[Problem]:
    """Parse every template of the sites' looks as the engine's Jinja will: a syntax error is a check error.
    With Zensical (ENGINE, as data/sites.yml names it), a call of a Python string method is one too."""
    import jinja2
    from jinja2 import nodes

    env = jinja2.Environment(extensions=["jinja2.ext.i18n"])  # MkDocs' theme environment, translations on
    found = []
    for folder in looks.values():
        for path in sorted(folder.rglob("*.html")):
            file = path.relative_to(root).as_posix()
            try:
                tree = env.parse(path.read_text(encoding="utf-8"))
            except UnicodeDecodeError:
                found.append(Problem(Location(file, 1, 1), say("engine.template_not_utf8")))
                continue
            except jinja2.TemplateSyntaxError as exc:
                found.append(Problem(Location(file, exc.lineno or 1, 1),
                                     say("engine.template_invalid", detail=exc.message)))
                continue
            if engine != "zensical":
                continue
            for call in tree.find_all(nodes.Call):
                if isinstance(call.node, nodes.Getattr) and call.node.attr in PYTHON_STRING_METHODS:
                    found.append(Problem(Location(file, call.lineno, 1),
                                         say("engine.template_python_method", method=call.node.attr)))
    return found


def asset_problems(doc: YamlDocument, looks: dict[str, Path]) -> list[Problem]:
    """A stylesheet or script the project adds is served by the site: it ships with every look (or the shared one)."""
    found = []
    for key in ("extra_css", "extra_javascript"):
        entries = doc.data.get(key)
        for index, entry in enumerate(entries if isinstance(entries, list) else []):
            if not isinstance(entry, str) or is_file(SHARED_LOOK / entry):
                continue
            address = urlsplit(entry)
            if address.scheme or address.netloc:  # as a browser reads it: fetched from another site
                found.append(Problem(doc.locate((key, index)), say("engine.asset_elsewhere", key=key, entry=entry)))
                continue
            missing = [name for name, folder in looks.items() if not is_file(folder / entry)]
            if missing:
                files = listed(f"`themes/{name}/{entry}`" for name in missing)
                found.append(Problem(doc.locate((key, index)), say("engine.asset_missing", key=key, entry=entry,
                                                                    files=files)))
    return found
