"""Run the rendering engine (mkdocs-material) on a generated work tree."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .errors import BuildFailed


def run_engine(config: Path, site_dir: Path, *, epoch: int, dirty: bool = False) -> None:
    """`mkdocs build` in a child process: isolated, parallelisable, its logs kept for errors."""
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site_dir)]
    if dirty:
        command.append("--dirty")
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch), "PYTHONHASHSEED": "0"}
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if result.returncode != 0:
        log = (result.stderr or result.stdout).strip().splitlines()[-20:]
        raise BuildFailed(f"the engine failed on {config.parent.name}:\n  " + "\n  ".join(log))
