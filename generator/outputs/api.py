"""The JSON API (v1) of one site: resources, titles, events, libraries, and their schemas.

Each document is an envelope (its own version, schema URL, site, generation day,
licence, count) around a list of records (generator/outputs/records.py). Keys
are sorted and the indentation fixed, so the same model gives the same bytes.
The JSON Schema of every document (generator/outputs/schema/) is published
beside it under api/v1/schema/.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..view.site_view import SiteView
from . import locations as loc
from .records import Record, event_record, library_record, resource_record, title_record, titles_of

# Above this many titles, titles.json becomes a small index of pages (titles/page-N.json):
# 5,000 records keep each file under a few megabytes for a town portal's cron job.
PAGE_SIZE = 5000
SCHEMAS = Path(__file__).resolve().parent / "schema"


def dump(document: Any, *, compact: bool = False) -> str:
    """Deterministic JSON: sorted keys, UTF-8 text, final newline; indented unless `compact`.

    Title documents are compact: they hold the mass data, and json's C encoder only
    runs without indentation (50,000 titles: 0.3 s instead of 2 s).
    """
    if compact:
        return json.dumps(document, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


@lru_cache(maxsize=None)
def schema_text(name: str) -> str:
    """The JSON Schema of a document, as published (`resources`, `titles`, `titles-page`...)."""
    return (SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def schema_version(name: str) -> str:
    """A document's version (major.minor), as its schema fixes it: one place to bump it.

    An added key raises the minor version; a breaking change gets a new address (api/v2/).
    """
    return json.loads(schema_text(name))["properties"]["version"]["const"]


def envelope(view: SiteView, schema: str, count: int) -> Record:
    site = view.site
    return {
        "version": schema_version(schema),
        "schema": loc.absolute(site, loc.schema(schema)),
        # The build's day, not its time: records carry no revision time to take the newest of.
        "generated": loc.iso(loc.day_start(view.now)),
        "site": {"id": site.id, "name": site.name, "url": site.url},
        "licence": {"name": loc.LICENCE_NAME, "url": loc.LICENCE_URL},
        "count": count,
    }


def resources_document(view: SiteView) -> Record:
    records = [resource_record(view, r) for r in view.resources]
    return {**envelope(view, "resources", len(records)), "resources": records}


def events_document(view: SiteView) -> Record:
    records = [event_record(view, ev) for ev in sorted(view.events, key=lambda ev: (ev.start, ev.id))]
    return {**envelope(view, "events", len(records)), "events": records}


def libraries_document(view: SiteView) -> Record:
    records = [library_record(view, lib) for lib in view.libraries]
    return {**envelope(view, "libraries", len(records)), "libraries": records}


def site_titles(view: SiteView) -> list[Record]:
    """Every title of the site's resources: by resource (catalogue order), newest first."""
    return [title_record(view, t) for res in view.resources for t in titles_of(view, res.id)]


def titles_documents(view: SiteView, page_size: int = PAGE_SIZE) -> dict[str, Record]:
    """titles.json with every title inline, or, past `page_size`, an index of page files."""
    records = site_titles(view)
    if len(records) <= page_size:
        return {loc.TITLES_JSON: {**envelope(view, "titles", len(records)), "titles": records}}
    chunks = [records[i:i + page_size] for i in range(0, len(records), page_size)]
    urls = [loc.absolute(view.site, loc.titles_page(n)) for n in range(1, len(chunks) + 1)]
    documents: dict[str, Record] = {
        loc.TITLES_JSON: {
            **envelope(view, "titles", len(records)),
            "page_size": page_size,
            "pages": [{"url": url, "count": len(chunk)} for url, chunk in zip(urls, chunks)],
        }
    }
    for number, chunk in enumerate(chunks, start=1):
        documents[loc.titles_page(number)] = {
            **envelope(view, "titles-page", len(chunk)),
            "page": number,
            "pages": len(chunks),
            "total": len(records),
            "previous": urls[number - 2] if number > 1 else None,
            "next": urls[number] if number < len(chunks) else None,
            "titles": chunk,
        }
    return documents


def api_documents(view: SiteView, page_size: int = PAGE_SIZE, *, titles: bool = True) -> dict[str, Record]:
    """{docs path: document} of the site. The pro site shows no resources: it publishes
    its (pro) agenda and the member libraries only. Without `titles`, no title documents."""
    documents: dict[str, Record] = {}
    if view.site.kind == "public":
        documents[loc.RESOURCES_JSON] = resources_document(view)
        if titles:
            documents.update(titles_documents(view, page_size))
    documents[loc.EVENTS_JSON] = events_document(view)
    documents[loc.LIBRARIES_JSON] = libraries_document(view)
    return documents


def api_dump(documents: dict[str, Record]) -> dict[str, str]:
    """{docs path: JSON text}; title documents compact (see dump)."""
    return {path: dump(doc, compact=path == loc.TITLES_JSON or path.startswith(loc.TITLES_DIR + "/"))
            for path, doc in documents.items()}


def schema_names(view: SiteView) -> list[str]:
    names = ["events", "libraries"]
    if view.site.kind == "public":
        names = ["resources", "titles", "titles-page", *names]
    return names


def api_files(view: SiteView, page_size: int = PAGE_SIZE, *, titles: bool = True) -> dict[str, str]:
    files = api_dump(api_documents(view, page_size, titles=titles))
    for name in schema_names(view):
        files[loc.schema(name)] = schema_text(name)
    return files
