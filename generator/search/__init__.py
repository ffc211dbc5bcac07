"""Site search: records from the model, a chunked static index, an optional Algolia push (DESIGN.md §7).

- records.py       the model -> one SearchRecord per resource, title, event, library, post, page
- normalize.py     folding, words, stop words, stems (mirrored in search-index.js)
- postings.py, shards.py, static_index.py   records -> the static index files
- labels.py        French labels and strings for the page and the script
- algolia.py       records -> Algolia objects and index settings (pure); push.py sends them

`write_site_index` is the post-build step (I/O edge); everything else is pure.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import BibnumError
from ..harvest.store import paused_gc
from ..writer import GuardedWriter
from ..pages.view import SiteView
from .labels import search_labels
from .records import site_records
from .static_index import static_index

INDEX_DIR = "bn-search"
# Material's lunr index: written by its search plugin (which must stay enabled for the
# header to render our partial), never fetched by our search box, so never published.
MATERIAL_INDEX = "search/search_index.json"


def site_index_files(view: SiteView) -> dict[str, bytes]:
    """{path under the site: bytes} of one site's static index."""
    with paused_gc():  # tens of thousands of small objects, no cycles: see harvest.store
        files = static_index(site_records(view), search_labels(view))
    return {f"{INDEX_DIR}/{path}": data for path, data in files.items()}


def write_site_index(view: SiteView, site_dir: Path) -> int:
    """Write the index into a built site, over any previous one; return the index's size in bytes.

    The site folder may be an engine output reused from the previous build: files with
    the same bytes are left untouched and the previous index's other files are deleted,
    so that a differential publish sees only what changed.
    """
    site = view.site
    admin_key = os.environ.get("ALGOLIA_ADMIN_KEY")
    if site.algolia is not None and admin_key and site.algolia.search_key == admin_key:
        # The search key is printed in every page: the admin key must never be there.
        raise BibnumError(f"data/sites.yml: the Algolia search_key of site {site.id!r} is the admin key; "
                          "use the search-only key there, and rotate the admin key")
    files = site_index_files(view)
    prefix = f"{INDEX_DIR}/"
    writer = GuardedWriter(site_dir / INDEX_DIR)  # names come from folded words, but stay confined
    # Sorted writes put meta.json after the version folder it names: a reader of a live
    # folder never finds meta.json pointing at files not yet there.
    writer.write_all({path.removeprefix(prefix): data for path, data in files.items()})
    writer.remove_stale()
    root = site_dir.resolve()
    material = root / MATERIAL_INDEX
    material.unlink(missing_ok=True)
    if material.parent.is_dir() and not any(material.parent.iterdir()):
        material.parent.rmdir()
    return sum(len(data) for data in files.values())
