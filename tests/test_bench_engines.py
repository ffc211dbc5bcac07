"""The pure parts of `bench/build.py --engines` (bench/engines.py): medians over rounds, the table (engines as columns),
and the engines' peak memory left without the process that launches them (bench/procmem.py)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _bench_module(name: str):
    sys.path.insert(0, str(BENCH))
    try:
        spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(BENCH))


def _round(full: float, alone: float, edit: float, modes: tuple[str, ...] = ("dirty", "unchanged")) -> dict:
    return {
        "full_build": {"wall_seconds": full, "cpu_seconds": full / 2, "peak_memory_bytes": 100 * 2**20},
        "engine_alone": {"wall_seconds": alone, "cpu_seconds": alone / 2, "peak_memory_bytes": 40 * 2**20},
        "ours_share": (full - alone) / full, "ours_cpu_share": (full - alone) / full,
        "event_edit": {"wall_seconds": edit, "cpu_seconds": edit / 2, "sites": {site: {"engine_mode": mode}
                                                       for site, mode in zip(("portail", "pro"), modes)}},
        "sites": {"portail": {"html_pages": 30}, "pro": {"html_pages": 12}},
    }


def test_medians_take_the_middle_round_of_each_figure():
    bench = _bench_module("engines")
    middle = bench.medians([_round(10.0, 4.0, 2.0), _round(30.0, 2.0, 9.0), _round(12.0, 3.0, 1.0)])
    assert middle["full_build_seconds"] == 12.0
    assert middle["engine_alone_seconds"] == 3.0
    assert middle["event_edit_seconds"] == 2.0
    assert middle["ours_share"] == (12.0 - 3.0) / 12.0  # the middle share, not one computed from medians
    assert middle["full_build_cpu_seconds"] == 6.0


def test_the_table_has_one_column_per_engine_in_the_order_measured():
    bench = _bench_module("engines")
    size = {"size": "demo", "engines": {}}
    for name, full in (("zensical", 8.0), ("mkdocs-material", 20.0)):
        rounds = [_round(full, 2.0, 1.5)]
        size["engines"][name] = {"rounds": rounds, "median": bench.medians(rounds),
                                 "preview": {"median_seconds": 0.75}}
    table = bench.engines_table(size).splitlines()
    assert "portail 30, pro 12" in table[0]
    assert table[1].split() == ["zensical", "mkdocs-material"]
    rows = {line[:16].strip(): line[16:].split() for line in table[2:]}
    assert rows["HTML pages"] == ["42", "42"]
    assert rows["full build s"] == ["8.0", "20.0"]
    assert rows["ours %"] == ["75%", "90%"]
    assert rows["full CPU s"] == ["4.0", "10.0"]
    assert rows["edit modes"] == ["d/u", "d/u"]
    assert rows["preview s"] == ["0.75", "0.75"]
    assert rows["peak MB engine"] == ["40", "40"]


def test_descendants_only_leaves_the_launcher_out():
    procmem = _bench_module("procmem")
    child = subprocess.Popen([sys.executable, "-c", "import time; print('ready', flush=True); time.sleep(30)"],
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "ready"
        everything, _ = procmem.tree_memory(os.getpid())
        below, _ = procmem.tree_memory(os.getpid(), descendants_only=True)
        assert 0 < below < everything  # the child counted, this (larger) test process not
        assert procmem.tree_memory(child.pid, descendants_only=True) == (0, 0)  # the child has no child
    finally:
        child.kill()
        child.wait()
