"""One build at a time per project state and per output folder: an exclusive OS lock that says who holds it.

The lock is the kernel's (filelock: flock on Unix, msvcrt on Windows), so the OS releases it
when its holder dies, however it dies: a killed build never blocks the next one. Who holds it
(PID, machine, command, since when) is written in a file beside the lock, `<lock>.json`,
after the lock is taken and removed before it is released: filelock owns the lock file's
content (older versions truncate it on opening). A details file found after taking the lock
was left by a holder that stopped without releasing it.

Locks are not re-entrant: a process must not take the same lock twice (the second `hold`
raises BuildBusy naming the process itself).
"""

from __future__ import annotations

import json
import os
import socket
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from filelock import FileLock, Timeout

from .errors import BibnumError, BuildBusy
from .messages import cut, say, system_error


@contextmanager
def hold(path: Path, *, subject: str, log: Callable[[str], None] = lambda message: None) -> Iterator[None]:
    """Hold an exclusive lock on `path` (parents created) for the `with` block; BuildBusy when taken.

    `subject` names what is locked, for the messages (« ce projet », « le dossier de sortie … »).
    Never waits: a second build is told at once who is building and what to do.
    """
    details = path.with_name(path.name + ".json")
    lock = FileLock(path, blocking=False)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        lock.acquire()
    except Timeout:
        raise BuildBusy(subject, holder_of(_read(details), datetime.now().astimezone())) from None
    except OSError as exc:
        raise BibnumError(say("lock.unusable", path=path, why=system_error(exc))) from exc
    try:
        left = _read(details)
        if left is not None:
            log(say("lock.taken_over", subject=subject, pid=_pid(left)))
        _write(details, _this_process())
        yield
    finally:
        details.unlink(missing_ok=True)  # before the release: the next holder's details are never removed
        lock.release()


def holder_of(details: dict | None, now: datetime) -> str:
    """« le processus 4242 (bibnum build), depuis 12:03:04 », from a holder's details (None: unknown)."""
    if details is None:  # the holder has not written them yet, or they are unreadable
        return say("lock.holder_unknown")
    host = details.get("host")
    return say("lock.holder", pid=_pid(details), command=cut(_command(details.get("command")), 60),
               host=say("lock.holder_host", host=host) if host and host != socket.gethostname() else "",
               since=_since(details.get("since"), now))


def _since(stamp: object, now: datetime) -> str:
    try:
        since = datetime.fromisoformat(str(stamp)).astimezone(now.tzinfo)
    except ValueError:
        return say("lock.since_unknown")
    if since.date() == now.date():
        return say("lock.since_today", time=since.strftime("%H:%M:%S"))
    return say("lock.since_day", day=since.strftime("%d/%m/%Y"), time=since.strftime("%H:%M:%S"))


def _pid(details: dict) -> object:
    pid = details.get("pid")
    return pid if isinstance(pid, int) else "?"


def _command(argv: object) -> str:
    """The holder's command as a person names it, `bibnum build`: its PID says which one, its options are long."""
    if not isinstance(argv, list) or not argv or not all(isinstance(a, str) for a in argv):
        return "?"
    if argv[0] in ("-c", "-m", "-", ""):  # `python -c …`: argv[0] is the option
        return f"python {argv[0]}".strip()
    return " ".join([Path(argv[0]).name, *argv[1:2]])


def _this_process() -> dict:
    return {"pid": os.getpid(), "host": socket.gethostname(), "command": list(sys.argv),
            "since": datetime.now().astimezone().isoformat(timespec="seconds")}


def _read(details: Path) -> dict | None:
    try:
        found = json.loads(details.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return found if isinstance(found, dict) else None


def _write(details: Path, values: dict) -> None:
    # Whole or not at all (temp file, then rename): a busy build reading it never sees half of it.
    temporary = details.with_name(f"{details.name}.{os.getpid()}.tmp")
    temporary.write_text(json.dumps(values, ensure_ascii=False), encoding="utf-8")
    os.replace(temporary, details)
