"""`bibnum search push`: send a site's records to Algolia, atomically (I/O edge).

Readers never see a half-filled index: the records and settings go to a temporary
index, which then replaces the live one in one `move` operation. Each step is retried
on network errors and 5xx answers (with a fresh client: the official client marks a
failing host down for minutes); a 4xx is a mistake to report, not to retry. The admin
key comes from the caller (the CLI reads ALGOLIA_ADMIN_KEY from the environment) and
is never written or printed: error messages are scrubbed of it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from ..errors import BibnumError
from ..messages import count, listed, say
from ..view.site_view import SiteView
from .algolia import algolia_objects, algolia_rules, index_settings
from .records import site_records

BATCH = 1000  # objects per batch request (Algolia's recommended size)


class PushFailed(BibnumError):
    """The push did not complete; the live index was left as it was."""


@dataclass(frozen=True)
class AlgoliaTarget:
    app_id: str
    index: str
    admin_key: str = field(repr=False)
    hosts: Sequence[str] = ()  # e.g. ("http://127.0.0.1:8123",); default: Algolia's own hosts

    @property
    def temporary(self) -> str:
        return f"{self.index}_bibnum_tmp"


@dataclass
class PushReport:
    objects: int = 0
    batches: int = 0
    retries: int = 0
    steps: list[str] = field(default_factory=list)


def make_client(target: AlgoliaTarget):
    from algoliasearch.http.hosts import Host, HostsCollection
    from algoliasearch.search.client import SearchClientSync
    from algoliasearch.search.config import SearchConfig

    config = SearchConfig(target.app_id, target.admin_key)
    if target.hosts:
        parts = [urlsplit(h) for h in target.hosts]
        config.hosts = HostsCollection([Host(p.hostname or "", scheme=p.scheme or "https", port=p.port) for p in parts])
    return SearchClientSync.create_with_config(config=config)


def push_objects(target: AlgoliaTarget, objects: list[dict[str, Any]], settings: dict[str, Any], *,
                 rules: list[dict[str, Any]] = (), attempts: int = 4, backoff: float = 1.0,
                 sleep: Callable[[float], None] = time.sleep,
                 log: Callable[[str], None] = lambda message: None) -> PushReport:
    """Fill a temporary index (settings, query rules, then records), then move it onto the live index
    (a move carries the rules along)."""
    report = PushReport(objects=len(objects))
    tmp = target.temporary

    def step(name: str, call: Callable[[Any], Any]) -> None:
        for attempt in range(1, attempts + 1):
            client = make_client(target)
            try:
                call(client)
                report.steps.append(name)
                return
            except Exception as exc:  # the client raises several unrelated types
                if attempt == attempts or not _retryable(exc):
                    raise PushFailed(say("search.push_failed", index=target.index, step=name, attempt=attempt,
                                         attempts=attempts, why=_scrub(exc, target))) from None
                report.retries += 1
                log(say("search.retrying", step=name, why=_scrub(exc, target)))
                sleep(backoff * 2 ** (attempt - 1))
            finally:
                client.close()

    try:
        # A temporary index left by an interrupted push would keep stale records: start clean.
        step(say("search.step.clear"), lambda c: _wait(c, tmp, c.delete_index(tmp)))
        step(say("search.step.settings"), lambda c: _wait(c, tmp, c.set_settings(tmp, settings)))
        if rules:
            step(say("search.step.rules"), lambda c: _wait(c, tmp, c.save_rules(tmp, list(rules),
                                                                             clear_existing_rules=True)))
        for start in range(0, len(objects), BATCH):
            chunk = objects[start:start + BATCH]
            requests = {"requests": [{"action": "addObject", "body": obj} for obj in chunk]}
            step(say("search.step.records", first=start + 1, last=start + len(chunk)),
                 lambda c, r=requests: _wait(c, tmp, c.batch(tmp, r)))
            report.batches += 1
        step(say("search.step.move"), lambda c: _wait(c, tmp, c.operation_index(
            tmp, {"operation": "move", "destination": target.index})))
    except PushFailed:
        _forget_temporary(target)
        raise
    return report


def _wait(client, index: str, response) -> None:
    task = getattr(response, "task_id", None)
    if task is not None:
        client.wait_for_task(index, task)


def _retryable(exc: Exception) -> bool:
    status = getattr(exc, "status_code", None)
    if status is not None:
        return status >= 500 or status == 429
    name = type(exc).__name__
    return "Unreachable" in name or "Timeout" in name or "Connection" in name


def _scrub(exc: Exception, target: AlgoliaTarget) -> str:
    message = f"{type(exc).__name__}: {exc}"
    return message.replace(target.admin_key, "***") if target.admin_key else message


def _forget_temporary(target: AlgoliaTarget) -> None:
    """Best effort: a failed push should not leave a half-filled temporary index behind."""
    try:
        client = make_client(target)
        try:
            client.delete_index(target.temporary)
        finally:
            client.close()
    except Exception:  # noqa: BLE001 - the push's own error is the one to report
        pass


def push_sites(graph, site_ids: Sequence[str], now, admin_key: str, *, hosts: Sequence[str] = (),
               log: Callable[[str], None] = lambda message: None, **options: Any) -> dict[str, PushReport]:
    """Push every site that configures Algolia (or the named ones); the same records as the static index."""
    if not admin_key:
        raise PushFailed(say("search.no_admin_key"))
    known = {site.id: site for site in graph.sites}
    unknown = [s for s in site_ids if s not in known]
    if unknown:
        raise PushFailed(say("build.unknown_sites", unknown=listed(unknown), known=listed(known)))
    chosen = [known[s] for s in site_ids] if site_ids else [s for s in graph.sites if s.algolia is not None]
    missing = [s.id for s in chosen if s.algolia is None]
    if missing or not chosen:
        raise PushFailed(say("search.no_settings", sites=listed(missing) or say("search.any_site")))
    reports = {}
    for site in chosen:
        if site.algolia.search_key == admin_key:
            raise PushFailed(say("search.admin_key_in_site", site=site.id))
        records = site_records(SiteView.build(graph, site, now))
        objects = algolia_objects(records)
        target = AlgoliaTarget(site.algolia.app_id, site.algolia.index, admin_key, tuple(hosts))
        log(say("search.pushing", site=site.id, objects=count(len(objects), "count.object"), index=target.index,
                app=target.app_id))
        reports[site.id] = push_objects(target, objects, index_settings(), rules=algolia_rules(records), log=log,
                                        **options)
        log(say("search.pushed", site=site.id, temporary=target.temporary, index=target.index))
    return reports
