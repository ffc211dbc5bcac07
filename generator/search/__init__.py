"""Site search: records from the model, a chunked static index, an optional Algolia push (DESIGN.md §7).

- records.py       the model -> one SearchRecord per resource, title, event, library, post, page
- normalize.py     folding, words, stop words, stems (mirrored in search-index.js)
- postings.py, shards.py, static_index.py   records -> the static index files
- labels.py        French labels and strings for the page and the script
- algolia.py       records -> Algolia objects and index settings (pure); push.py sends them

`update_index` (the build's, into a folder of its own) and `write_site_index` (into a built
site) are the I/O edges; everything else is pure.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from importlib.metadata import version
from pathlib import Path

from ..errors import BibnumError
from ..messages import say
from ..gc_pause import paused_gc
from ..writer import GuardedWriter, WriteReport
from ..view.site_view import SiteView
from .labels import search_labels
from .records import site_records
from .static_index import static_index

INDEX_DIR = "bn-search"
META = "meta.json"  # the index's entry point: published after the files it names (see publish.sync)
# Material's lunr index: written by its search plugin (which must stay enabled for the
# header to render our partial), never fetched by our search box, so never published.
MATERIAL_INDEX = "search/search_index.json"


def site_index_files(view: SiteView) -> dict[str, bytes]:
    """{path under the site: bytes} of one site's static index."""
    with paused_gc():  # tens of thousands of small objects, no cycles: see gc_pause
        files = static_index(site_records(view), search_labels(view))
    return {f"{INDEX_DIR}/{path}": data for path, data in files.items()}


def update_index(view: SiteView, folder: Path, *, reuse: bool = True) -> bool:
    """Keep FOLDER holding the site's static index (what goes under bn-search/); return whether it changed.

    With `reuse`, the stemming and sharding are skipped when the records and labels are
    those the index in FOLDER was made from (a digest kept beside it): most edits leave
    most sites' records untouched. Unchanged files keep their bytes and times.
    """
    refuse_admin_key(view.site)
    stamp = folder.with_name(f"{folder.name}.digest")
    with paused_gc():
        records, labels = site_records(view), search_labels(view)
        digest = hashlib.sha256(pickle.dumps((version("bibnum"), records, labels), protocol=5)).hexdigest()
        if reuse and folder.is_dir() and _still_there(_read(stamp), digest, folder):
            return False
        stamp.unlink(missing_ok=True)  # until the folder is complete, it matches no digest
        files = static_index(records, labels)
    report = _write_index(folder, files)
    # The digest, then the files it made: a file deleted since then makes the index again.
    stamp.write_text("\n".join([digest, *sorted(files)]), encoding="utf-8")
    return bool(report.written or report.removed)


def _still_there(stamp: str | None, digest: str, folder: Path) -> bool:
    lines = (stamp or "").split("\n")
    return lines[0] == digest and all((folder / name).is_file() for name in lines[1:])


def drop_material_index(site_dir: Path) -> None:
    """Material's lunr index is never fetched by our search box: never publish it."""
    material = site_dir.resolve() / MATERIAL_INDEX
    material.unlink(missing_ok=True)
    if material.parent.is_dir() and not any(material.parent.iterdir()):
        material.parent.rmdir()


def refuse_admin_key(site) -> None:
    """Every build, kept index or not: the admin key must never be the site's search key."""
    admin_key = os.environ.get("ALGOLIA_ADMIN_KEY")
    if site.algolia is not None and admin_key and site.algolia.search_key == admin_key:
        # The search key is printed in every page: the admin key must never be there.
        raise BibnumError(say("search.admin_key_in_site", site=site.id))


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def write_site_index(view: SiteView, site_dir: Path) -> int:
    """Write the index into a built site, over any previous one; return the index's size in bytes.

    For a site built without bibnum's pipeline (the search benchmark, tests); the build
    keeps each site's index in a folder of its own (`update_index`). Files with the same
    bytes are left untouched and the previous index's other files are deleted.
    """
    refuse_admin_key(view.site)
    files = site_index_files(view)
    prefix = f"{INDEX_DIR}/"
    _write_index(site_dir / INDEX_DIR, {path.removeprefix(prefix): data for path, data in files.items()})
    drop_material_index(site_dir)
    return sum(len(data) for data in files.values())


def _write_index(folder: Path, files: dict[str, bytes]) -> WriteReport:
    """FOLDER holds exactly FILES afterwards; files with the same bytes are left untouched."""
    writer = GuardedWriter(folder)  # names come from folded words, but stay confined
    # meta.json last, the files it no longer names removed after it: a reader of a live
    # folder never finds meta.json naming files not yet, or no longer, there.
    writer.write_all({path: data for path, data in files.items() if path != META})
    writer.write(META, files[META])
    writer.remove_stale()
    return writer.report
