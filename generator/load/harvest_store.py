"""`data/harvest/<source-id>.json`: each source's last good result and its state (I/O edge).

Machine-written JSON with sorted keys, records sorted by id and one key per line,
so that CI's nightly commit shows only what changed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..messages import say, system_error
from ..writer import atomic_write

FORMAT = 1
HARVEST_DIR = "data/harvest"
REPORT = "report.json"


class StoreError(Exception):
    """A harvest file is unreadable or not in the expected shape; the message says why."""


def store_path(root: Path, source_id: str) -> Path:
    return root / HARVEST_DIR / f"{source_id}.json"


def empty_store(source_id: str, kind: str, target: str) -> dict[str, Any]:
    return {"format": FORMAT, "source": source_id, "kind": kind, "target": target, "state": {},
            "records": []}


def read_store(path: Path) -> dict[str, Any]:
    """The parsed file; StoreError with a one-line reason if it is corrupt."""
    try:
        data = json.loads(path.read_bytes())
    except (OSError, UnicodeDecodeError) as exc:
        why = system_error(exc) if isinstance(exc, OSError) else say("store.not_utf8")
        raise StoreError(say("store.unreadable", why=why)) from None
    except json.JSONDecodeError as exc:
        raise StoreError(say("store.json", line=exc.lineno, column=exc.colno)) from None
    except RecursionError:  # an edited file nested thousands of levels deep
        raise StoreError(say("store.too_deep")) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise StoreError(say("store.format", format=FORMAT))
    if not isinstance(data.get("state"), dict) or not isinstance(data.get("records"), list):
        raise StoreError(say("store.shape"))
    if not all(isinstance(r, dict) and isinstance(r.get("id"), str) for r in data["records"]):
        raise StoreError(say("store.records"))
    return data


def dump(data: dict[str, Any]) -> bytes:
    """Sorted keys; the records last, one per line: a changed title is a one-line diff,
    and 50,000 records parse faster without indentation."""
    head = json.dumps({k: v for k, v in data.items() if k != "records"}, ensure_ascii=False, sort_keys=True,
                      indent=1)
    records = data.get("records", [])
    lines = ",\n".join(json.dumps(r, ensure_ascii=False, sort_keys=True) for r in records)
    tail = f' "records": [\n{lines}\n ]' if records else ' "records": []'
    return f"{head[:-2]},\n{tail}\n}}\n".encode("utf-8")


def write_json(path: Path, data: Any) -> bool:
    """Any other machine-written JSON (the report), with sorted keys."""
    return _write(path, (json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode("utf-8"))


def write_if_changed(path: Path, data: dict[str, Any]) -> bool:
    """Write a source's file atomically (temp file + os.replace); leave it alone if the bytes are the same."""
    return _write(path, dump(data))


def _write(path: Path, content: bytes) -> bool:
    if path.is_file() and path.read_bytes() == content:
        return False
    atomic_write(path, content)
    return True
