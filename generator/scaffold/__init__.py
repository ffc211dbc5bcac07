"""`bibnum new`: a small, working network project, made from the package's scaffold files.

The files under `files/` are the project, with placeholders (`__NETWORK_NAME__`…) in
their text and names; `scaffold_files` fills them in (a pure function), `write_scaffold`
writes the result into an empty folder. Dot files are stored without their dot
(`dot-github/`, `gitignore`) so that packaging never leaves them out.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import BibnumError
from ..messages import say

FILES = Path(__file__).resolve().parent / "files"
LOOK = "reseau"
PORTAL_ID, PRO_ID = "portail", "pro"
_RENAMED = {"dot-github": ".github", "gitignore": ".gitignore"}


@dataclass(frozen=True)
class NetworkChoices:
    """What `bibnum new` asks: the network's name, its portal's name and where the sites are published."""

    name: str = "Réseau des médiathèques"
    portal_name: str | None = None  # default: the network's name
    url: str = "https://example.org/"  # the sites go under it: <url>portail/, <url>pro/


def choice_problems(choices: NetworkChoices) -> list[str]:
    """What would keep the new project from passing `bibnum check` (French, one message per choice)."""
    found = []
    for label, value in (("--name", choices.name), ("--portal-name", choices.portal_name)):
        if value is not None and (not value.strip() or any(ord(c) < 32 for c in value)):
            found.append(say("new.name_one_line", option=label))
    address = urlsplit(choices.url)
    if address.scheme != "https" or not address.hostname or address.query or address.fragment:
        found.append(say("new.url_https", url=choices.url))
    return found


def scaffold_files(choices: NetworkChoices, today: date, requirement: str | None = None) -> dict[str, bytes]:
    """Every file of the new project, {relative path: bytes}."""
    base = choices.url if choices.url.endswith("/") else choices.url + "/"
    plain = {
        "__NETWORK_NAME__": choices.name,
        "__LOOK__": LOOK,
        "__TODAY__": today.isoformat(),
        "__YEAR__": str(today.year),
        "__EVENT_DATE__": (today + timedelta(days=30)).isoformat(),
        "__BIBNUM_REQUIREMENT__": requirement or _requirement(),
    }
    quoted = {  # YAML values: JSON strings are YAML double-quoted scalars
        "__NETWORK_NAME_Q__": choices.name,
        "__PORTAL_NAME_Q__": choices.portal_name or choices.name,
        "__PRO_NAME_Q__": f"{choices.name} — Espace pro",
        "__PORTAL_URL_Q__": f"{base}{PORTAL_ID}/",
        "__PRO_URL_Q__": f"{base}{PRO_ID}/",
    }
    files: dict[str, bytes] = {}
    for path in sorted(p for p in FILES.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        relative = path.relative_to(FILES).as_posix()
        for stored, real in _RENAMED.items():
            if relative == stored or relative.startswith(stored + "/"):
                relative = real + relative[len(stored):]
        data = path.read_bytes()
        if path.suffix != ".svg":
            text = data.decode("utf-8")
            for token, value in quoted.items():
                text = text.replace(token, json.dumps(value, ensure_ascii=False))
            for token, value in plain.items():
                text = text.replace(token, value)
            data = text.encode("utf-8")
        for token, value in plain.items():
            relative = relative.replace(token, value)
        files[relative] = data
    files.update(_editor_files(files))
    return files


def _editor_files(files: dict[str, bytes]) -> dict[str, bytes]:
    """The data files' JSON Schemas and .vscode/settings.json, so a new project completes from the start."""
    from ..load.yaml_source import load_yaml
    from ..models.site import SitesFile
    from ..models.taxonomy import Taxonomy
    from ..data_schemas import project_choices
    from ..schemas_command import editor_files

    def model(cls, name):
        doc, _ = load_yaml(files[name].decode("utf-8"), name)
        return cls.model_validate(doc.data)

    choices = project_choices(model(Taxonomy, "data/taxonomy.yml"), model(SitesFile, "data/sites.yml").sites)
    written, _ = editor_files(choices)
    return {path: text.encode("utf-8") for path, text in written.items()}


def write_scaffold(target: Path, files: dict[str, bytes]) -> None:
    """Write FILES into TARGET, which must be absent or empty (nothing of an editor's is ever overwritten)."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise BibnumError(say("new.not_empty", target=target))
    for relative, data in files.items():
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def _requirement() -> str:
    try:
        return f"bibnum=={version('bibnum')}"
    except PackageNotFoundError:  # pragma: no cover - bibnum runs installed
        return "bibnum"
