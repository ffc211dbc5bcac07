"""Thin orchestrator of `bibnum harvest`: for each due source, fetch -> parse -> merge -> store.

Above validate (it loads and checks the project first), so that the harvest package below it
(fetch, parsers, merge, records) never imports the loading or the check.

Every failure of a source (network, HTTP, malformed document, suspicious drop, or
a bug in a parser) is caught here, recorded in its state and in the report, and
its last good records are kept: one bad source never empties a resource.
"""

from __future__ import annotations

import hashlib
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from .errors import BibnumError, visible
from .messages import listed, say
from .load.project import find_project, load_project
from .models.source import AGENDA_KINDS, Source
from .models.taxonomy import Term
from .validate import validate
from .harvest.http import FetchError, Limits, fetch
from .harvest.categories import category_warnings
from .harvest.merge import merge, refusal
from .harvest.parsers import ParseError, Parsed
from .harvest.parsers.feed import parse_feed
from .harvest.parsers.ical import parse_ical
from .harvest.parsers.kbart import parse_kbart
from .harvest.parsers.openagenda import parse_openagenda
from .harvest.openagenda import fetch_agenda
from .harvest.report import Report, Row
from .load.harvest_store import HARVEST_DIR, REPORT, StoreError, empty_store, read_store, store_path, write_if_changed, write_json

PARIS = ZoneInfo("Europe/Paris")
DUE_RATIO = 0.9  # a nightly run a few seconds early still counts as a day later
# Part of each body's digest: bump it when parsing changes, so unchanged feeds are parsed again.
PARSER_VERSION = b"bibnum-harvest-1\n"


class Refused(Exception):
    """The document parsed, but replacing the last good result with it would lose data."""


def declared_sources(root: Path) -> tuple[list[Source], dict[str, Term]]:
    """data/sources.yml and the event kinds, validated with the rest of the project (harvest files
    themselves aside, so that a corrupt one can be rewritten by harvesting again)."""
    sources = load_project(root)
    sources.harvest.clear()
    sources.problems = [p for p in sources.problems if not p.location.file.startswith(HARVEST_DIR + "/")]
    graph = validate(sources)
    return list(graph.harvest_sources.values()), dict(graph.vocabulary("event_kinds"))


def harvest(project: Path, *, now: datetime, only: list[str] | None = None, force: bool = False,
            accept_drop: bool = False, limits: Limits = Limits(), openagenda_key: str | None = None,
            log=lambda message: None) -> Report:
    """Harvest the due sources (or the named ones, due or not) and write data/harvest/.

    `openagenda_key`: the OpenAgenda API key, which the command line reads from the environment."""
    root = find_project(project)
    declared, event_kinds = declared_sources(root)
    known = {s.id: s for s in declared}
    unknown = [s for s in only or [] if s not in known]
    if unknown:
        raise BibnumError(say("harvest.unknown_sources", unknown=listed(unknown),
                              known=listed(known) or say("ref.none_defined")))
    chosen = [known[s] for s in only] if only else declared
    stamp = now.replace(tzinfo=PARIS).isoformat(timespec="seconds")
    report = Report(at=stamp)
    for source in chosen:
        started = time.perf_counter()
        row = harvest_one(root, source, now=now, force=force or bool(only), accept_drop=accept_drop, limits=limits,
                           openagenda_key=openagenda_key)
        if source.kind in AGENDA_KINDS:  # what the portal publishes, whether this run read the agenda or not
            row.warnings = category_warnings(source, _kept_records(root, source), event_kinds)
        row.seconds = time.perf_counter() - started
        report.rows.append(row)
        log(visible(say("harvest.log_reason" if row.reason else "harvest.log", source=source.id,
                        status=say(f"harvest.status.{row.status}"), reason=row.reason)))
    write_json(root / HARVEST_DIR / REPORT, report.as_json())
    return report


def harvest_one(root: Path, source: Source, *, now: datetime, force: bool, accept_drop: bool,
                limits: Limits, openagenda_key: str | None = None) -> Row:
    path = store_path(root, source.id)
    row = Row(source.id, source.kind, source.target, "ok")
    try:
        store = read_store(path) if path.is_file() else empty_store(source.id, source.kind, source.target)
    except StoreError as exc:
        store = empty_store(source.id, source.kind, source.target)
        row.reason = say("harvest.previous_unreadable", why=exc)
    state = store["state"]
    if state.get("url") != source.url:  # validators belong to the old address
        state = {k: v for k, v in state.items() if k not in ("etag", "last_modified")}
    previous = store["records"]
    if not force and not _due(state, source, now):
        row.status, row.total = "skipped", len(previous)
        row.reason = say("harvest.not_due", last=state.get("last_attempt") or say("harvest.never"),
                         hours=source.refresh_hours, source=source.id)
        return row
    stamp = now.replace(tzinfo=PARIS).isoformat(timespec="seconds")
    state = {**state, "last_attempt": stamp, "url": source.url}
    today = now.date()
    last_success = date.fromisoformat(state["last_success"][:10]) if state.get("last_success") else None
    try:
        if source.kind == "openagenda":
            fetched = fetch_agenda(source.url, key=openagenda_key, today=today, max_bytes=source.max_bytes,
                                   limits=limits)
        else:
            fetched = fetch(source.url, root, max_bytes=source.max_bytes, limits=limits,
                            etag=state.get("etag"), last_modified=state.get("last_modified"))
        digest = None if fetched.not_modified else hashlib.sha256(PARSER_VERSION + fetched.body).hexdigest()
        if fetched.not_modified or (digest == state.get("digest") and previous):
            # Same document as last time: what was present still is (vanished ones may age out).
            row.status = "not-modified" if fetched.not_modified else "unchanged"
            fresh = [r for r in previous if "last_seen" not in r]
            row.entries = len(fresh)
        else:
            parsed = _parse(source, fetched.body, fetched.content_type, today)
            fresh = parsed.records
            row.entries = len(fresh)
            reason = None if accept_drop else refusal(int(state.get("entries", 0)), len(fresh),
                                                      guard_drop=source.kind not in AGENDA_KINDS)
            if reason:
                raise Refused(reason)
        # The API lists every event of the agenda's window: one missing was deleted or unpublished.
        merged = merge(previous, fresh, today=today, last_success=last_success, grace_days=source.grace_days,
                       keep_vanished=source.kind != "openagenda")
    except (FetchError, ParseError, Refused) as exc:
        return _failed(path, store, state, row, "refused" if isinstance(exc, Refused) else "failed", str(exc), stamp)
    except Exception as exc:  # noqa: BLE001 - a parser bug must not stop the other sources
        return _failed(path, store, state, row, "failed", say("harvest.unexpected", kind=exc.__class__.__name__),
                       stamp)
    state.update(last_success=stamp, last_error=None)
    if row.status == "ok":
        state.update(entries=len(fresh), etag=fetched.etag, last_modified=fetched.last_modified, digest=digest)
    state = {k: v for k, v in state.items() if v is not None}
    write_if_changed(path, {**store, "kind": source.kind, "target": source.target, "state": state,
                            "records": merged.records})
    row.added, row.updated, row.vanished, row.dropped = merged.added, merged.updated, merged.vanished, merged.dropped
    row.total = len(merged.records)
    return row


def _kept_records(root: Path, source: Source) -> list[dict]:
    """The records a source's file keeps for the portal (none when it is missing or unreadable)."""
    try:
        records = read_store(store_path(root, source.id))["records"]
    except StoreError:
        return []
    return [record for record in records if isinstance(record, dict)]


def _parse(source: Source, body: bytes, content_type: str | None, today: date) -> Parsed:
    if source.kind in ("feed", "opds"):
        return parse_feed(body, content_type, kind=source.kind, title_kind=source.title_kind, today=today)
    if source.kind == "kbart":
        return parse_kbart(body, content_type, title_kind=source.title_kind, today=today)
    if source.kind == "openagenda":
        return parse_openagenda(body, content_type, source_id=source.id, today=today)
    return parse_ical(body, content_type, source_id=source.id, today=today)


def _failed(path: Path, store: dict, state: dict, row: Row, status: str, reason: str, stamp: str) -> Row:
    state = {**state, "last_error": {"at": stamp, "reason": reason}}
    write_if_changed(path, {**store, "state": state})
    row.status, row.reason, row.total = status, row.reason + reason, len(store["records"])
    return row


def _due(state: dict, source: Source, now: datetime) -> bool:
    last = state.get("last_attempt")
    if not last:
        return True
    try:
        previous = datetime.fromisoformat(last).astimezone(PARIS).replace(tzinfo=None)
    except ValueError:
        return True
    return now - previous >= timedelta(hours=source.refresh_hours * DUE_RATIO)
