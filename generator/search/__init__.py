"""Site search: records from the model, a chunked static index, an optional Algolia push (DESIGN.md §7).

- records.py       the model -> one SearchRecord per resource, title, event, library, post, page
- normalize.py     folding, words, stop words, stems (mirrored in search-index.js)
- postings.py, shards.py, static_index.py   records -> the static index files
- head.py          a portal's resources and titles, indexed once and kept between builds
- labels.py        French labels and strings for the page and the script
- algolia.py       records -> Algolia objects and index settings (pure); push.py sends them

`update_index` (the build's, into a folder of its own) and `write_site_index` (into a built
site) are the I/O edges; everything else is pure.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
from pathlib import Path

from ..digests import code_digest
from ..errors import BibnumError
from ..messages import say
from ..gc_pause import paused_gc
from ..writer import GuardedWriter, WriteReport
from ..view.site_view import SiteView
from .labels import search_labels
from .head import KeptHead, load_or_make, save as save_head, worth_saving
from .records import other_records, site_records
from .shards import ShardLimits
from .static_index import Cut, static_index

INDEX_DIR = "bn-search"
LIMITS = ShardLimits()
META = "meta.json"  # the index's entry point: published after the files it names (see publish.sync)
# Material's lunr index: written by its search plugin when a project turns it on (bibnum's base
# leaves it off: the header's search box is ours), never fetched by our search box, so never published.
MATERIAL_INDEX = "search/search_index.json"


def site_index_files(view: SiteView) -> dict[str, bytes]:
    """{path under the site: bytes} of one site's static index."""
    with paused_gc():  # tens of thousands of small objects, no cycles: see gc_pause
        files = static_index(site_records(view), search_labels(view))
    return {f"{INDEX_DIR}/{path}": data for path, data in files.items()}


def update_index(view: SiteView, folder: Path, *, previous: str | None = None,
                 before_writing=lambda: None, head: KeptHead | None = None) -> tuple[str, bool]:
    """Keep FOLDER holding the site's static index (what goes under bn-search/).

    Return the digest of the records and labels it was made from, and whether it changed.
    `previous` is the digest the index in FOLDER was made from (the site's ledger says so):
    when it matches, the stemming and sharding are skipped (most edits leave most sites'
    records untouched). `before_writing` runs before FOLDER is changed (the build forgets the
    site's ledger then). Unchanged files keep their bytes and times.
    `head`: where a public portal's resources and titles are kept between builds (head.py):
    only the other records are made, digested and indexed anew; the files are the same.
    """
    refuse_admin_key(view.site)
    with paused_gc():
        if head is not None and view.site.kind == "public":
            kept, head_digest, made = load_or_make(head)
        else:
            kept, head_digest, made = None, None, False
        labels = search_labels(view)
        if kept is None:
            records = site_records(view)
            digest = index_digest(records, labels)
        else:
            records = other_records(view)  # the index reads only these beside the head
            digest = index_digest(records, labels, head=head_digest)
        if previous == digest and (folder / META).is_file():
            if made:
                save_head(head, kept, head_digest)
            return digest, False
        cuts: list[Cut] = []
        files = static_index(records, labels, LIMITS, head=kept, cuts=cuts)
    before_writing()
    report = _write_index(folder, files)
    if kept is not None and worth_saving(kept, made, cuts[0]):
        save_head(head, dataclasses.replace(kept, cut=cuts[0]), head_digest)
    return digest, bool(report.written or report.removed)


def index_digest(records, labels, *, head: str | None = None) -> str:
    """What an index is made from: the records, the labels and the code that stems and shards them.

    `head`: the digest of the kept head (head.py), which the records follow."""
    return hashlib.sha256(pickle.dumps((code_digest(), head, records, labels), protocol=5)).hexdigest()


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
