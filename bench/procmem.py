"""Peak memory of a process and all its descendants, sampled from /proc (Linux).

Memory is the proportional set size (Pss of /proc/PID/smaps_rollup): a page shared by
forked workers counts once in all, not once per process as resident sizes (RSS) would.
The RSS sum is kept too, as an upper bound.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:
            continue
        # "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last ')'.
        ppid = int(stat[stat.rindex(")") + 2:].split()[1])
        tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def _field(path: str, name: str) -> int:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(name):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def tree_memory(root: int, descendants_only: bool = False) -> tuple[int, int]:
    """(Pss, RSS) bytes of ROOT and every process below it (only those below with DESCENDANTS_ONLY), now."""
    tree, pss, rss = _children(), 0, 0
    todo = list(tree.get(root, [])) if descendants_only else [root]
    while todo:
        pid = todo.pop()
        pss += _field(f"/proc/{pid}/smaps_rollup", "Pss:")
        rss += _field(f"/proc/{pid}/status", "VmRSS:")
        todo.extend(tree.get(pid, []))
    return pss, rss


class PeakSampler:
    """Samples tree_memory(pid) every `interval` seconds in a thread; `peak` (Pss) and `peak_rss` are the largest seen.

    With `descendants_only`, PID itself is left out: a launcher's own memory is not the engine's."""

    def __init__(self, pid: int, interval: float = 0.1, descendants_only: bool = False):
        self.pid, self.interval, self.peak, self.peak_rss = pid, interval, 0, 0
        self.descendants_only = descendants_only
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> "PeakSampler":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            pss, rss = tree_memory(self.pid, self.descendants_only)
            self.peak, self.peak_rss = max(self.peak, pss), max(self.peak_rss, rss)
            self._stop.wait(self.interval)
