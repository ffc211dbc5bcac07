"""What the preview pages are told after each rebuild: which sites changed, and the editor's mistakes."""

from __future__ import annotations

import dataclasses
import json
import threading
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..errors import Problem, visible
from ..messages import count, say


@dataclass(frozen=True)
class Snapshot:
    """The preview's state as the pages read it.

    `generation` counts the builds that succeeded; `sites` gives, per site, the generation at which
    its published files last changed (a page reloads when its site's number is above the one it
    was served with). `problems` are (where, message) pairs of the last build, when it failed:
    the last good build is still the one served.
    """

    session: str
    version: int = 0  # every change of the snapshot, for the event stream
    generation: int = 0
    sites: Mapping[str, int] = field(default_factory=dict)
    problems: tuple[tuple[str, str], ...] = ()

    def event(self) -> str:
        """The snapshot as one server-sent event (`data:` holds JSON on one line)."""
        return f"id: {self.version}\ndata: {json.dumps(self.payload(), ensure_ascii=False)}\n\n"

    def payload(self) -> dict:
        return {
            "session": self.session,
            "generation": self.generation,
            "sites": dict(self.sites),
            "problems": [{"where": where, "message": message} for where, message in self.problems],
            "texts": _texts(len(self.problems)) if self.problems else {},
        }


def _texts(errors: int) -> dict[str, str]:
    """The banner's words (the script holds none: every French word lives in generator/messages/)."""
    return {
        "label": say("serve.banner.label"),
        "heading": say("serve.banner.heading", errors=count(errors, "count.error")),
        "kept": say("serve.banner.kept"),
        "dismiss": say("serve.banner.dismiss"),
    }


def problem_pairs(problems: Iterable[Problem]) -> tuple[tuple[str, str], ...]:
    """Each problem as the terminal shows it, split into its place and its message."""
    return tuple((visible(str(p.location)), visible(p.message)) for p in problems)


class LiveState:
    """The current Snapshot, shared by the rebuild thread (writer) and the event streams (readers)."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._now = Snapshot(session=uuid.uuid4().hex)
        self._closed = False

    @property
    def now(self) -> Snapshot:
        with self._changed:
            return self._now

    def built(self, sites: Iterable[str], changed: Iterable[str]) -> None:
        """A build of SITES succeeded; CHANGED are those whose published files changed (a site
        built for the first time counts as changed)."""
        with self._changed:
            generation = self._now.generation + 1
            numbers = {site: self._now.sites.get(site, generation) for site in sites}
            numbers.update((site, generation) for site in changed)
            self._set(generation=generation, sites={**self._now.sites, **numbers}, problems=())

    def failed(self, problems: tuple[tuple[str, str], ...]) -> None:
        """A build failed with these (where, message) problems: the last good build stays served."""
        with self._changed:
            self._set(problems=problems)

    def _set(self, **changes) -> None:
        self._now = dataclasses.replace(self._now, version=self._now.version + 1, **changes)
        self._changed.notify_all()

    def wait(self, after: int, timeout: float) -> Snapshot | None:
        """The snapshot once its version is above AFTER; None after TIMEOUT seconds or once closed."""
        with self._changed:
            self._changed.wait_for(lambda: self._closed or self._now.version > after, timeout)
            return None if self._closed or self._now.version <= after else self._now

    def close(self) -> None:
        """The server stops: every waiting stream returns at once."""
        with self._changed:
            self._closed = True
            self._changed.notify_all()

    @property
    def closed(self) -> bool:
        with self._changed:
            return self._closed
