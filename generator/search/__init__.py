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
    return {f"{INDEX_DIR}/{path}": data for path, data in static_index(site_records(view), search_labels(view)).items()}


def write_site_index(view: SiteView, site_dir: Path) -> int:
    """Write the index into a freshly built site; return the bytes written."""
    site = view.site
    admin_key = os.environ.get("ALGOLIA_ADMIN_KEY")
    if site.algolia is not None and admin_key and site.algolia.search_key == admin_key:
        # The search key is printed in every page: the admin key must never be there.
        raise BibnumError(f"data/sites.yml: the Algolia search_key of site {site.id!r} is the admin key; "
                          "use the search-only key there, and rotate the admin key")
    files = site_index_files(view)
    GuardedWriter(site_dir).write_all(files)  # names come from folded words, but stay confined
    root = site_dir.resolve()
    material = root / MATERIAL_INDEX
    material.unlink(missing_ok=True)
    if material.parent.is_dir() and not any(material.parent.iterdir()):
        material.parent.rmdir()
    return sum(len(data) for data in files.values())
