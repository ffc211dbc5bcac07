"""One ledger per site: what the last successful build of it published, and from what.

STATE/ledger/<site>.json holds the site's key (its inputs, generator/site_keys.py), the
engine that rendered it, the title family kept in its work tree (key and paths), the
manifest of the work tree the engine last rendered (path -> digest of its bytes), the
digest of its search index's records, and where it was published.

It is the only state a build trusts, and it is written only after the site was published.
Every step that changes what a ledger describes (the work tree, the engine's output, the
search index) first forgets it: a build killed or failed at any moment leaves no ledger,
and the next build of that site starts clean. A ledger present therefore means that the
work tree holds exactly `rendered`, that the engine's output was rendered from it, and that
the index was made from records with the `search` digest.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .digests import bytes_digest
from .engines.base import Changes
from .writer import atomic_write

FORMAT = 1
FOLDER = "ledger"


@dataclass(frozen=True)
class Published:
    """Where the site was published: OUT, and the identity (device, inode) of OUT/<site>
    right after the switch; a folder replaced or removed since has another identity."""

    out: str
    folder: tuple[int, int]


@dataclass(frozen=True)
class Ledger:
    key: str  # the site key its work tree and index were made with ("" when no key was computed)
    engine: str  # the engine's identity
    titles_key: str = ""
    titles: tuple[str, ...] = ()  # work-tree paths of the title family
    rendered: Mapping[str, str] = field(default_factory=dict)  # work-tree path -> digest of its bytes
    search: str = ""  # digest of the search index's records and labels (over the code's digest)
    published: Published | None = None


def path(state: Path, site_id: str) -> Path:
    return state / FOLDER / f"{site_id}.json"


def read(state: Path, site_id: str) -> Ledger | None:
    """The site's ledger, or None when there is none (or it cannot be read: then nothing is trusted)."""
    try:
        record = json.loads(path(state, site_id).read_text(encoding="utf-8"))
        if record.pop("format") != FORMAT:
            return None
        published = record.pop("published")
        return Ledger(
            **{**record, "titles": tuple(record["titles"]), "rendered": dict(record["rendered"])},
            published=Published(published["out"], tuple(published["folder"])) if published else None)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def forget(state: Path, site_id: str) -> None:
    """Before a step changes what the ledger describes: until the site is published again, nothing is trusted."""
    path(state, site_id).unlink(missing_ok=True)


def write(state: Path, site_id: str, ledger: Ledger) -> None:
    """After the site was published (never before)."""
    record = {"format": FORMAT, **asdict(ledger)}
    atomic_write(path(state, site_id), json.dumps(record, sort_keys=True).encode("utf-8"))


def manifest(files: Mapping[str, str | bytes]) -> dict[str, str]:
    """Path -> digest of the bytes of a work tree's files, as they are written."""
    return {name: bytes_digest(content.encode("utf-8") if isinstance(content, str) else content)
            for name, content in files.items()}


def changes(rendered: Mapping[str, str], current: Mapping[str, str]) -> Changes:
    """What differs between the tree last rendered and the current one."""
    written = tuple(sorted(name for name, digest in current.items() if rendered.get(name) != digest))
    removed = tuple(sorted(name for name in rendered if name not in current))
    return Changes(written, removed)
