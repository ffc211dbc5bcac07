"""The W3C Nu HTML checker (npm vnu-jar), run once over a batch of files."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

REPO = Path(__file__).resolve().parents[2]
VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@dataclass(frozen=True)
class NuMessage:
    file: Path
    line: int
    message: str
    extract: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message} [{self.extract.strip()[:100]}]"


def _java() -> str:
    java = shutil.which("java")
    if java is None or not VNU.is_file():
        pytest.fail("the Nu HTML checker needs Java and node_modules/vnu-jar: run `./dev test`, which installs "
                    "both (Debian's default-jre-headless, npm ci)", pytrace=False)
    return java


def vnu_version() -> str:
    return subprocess.run([_java(), "-jar", str(VNU), "--version"], capture_output=True, text=True,
                          check=True).stdout.strip().split()[0]


def check_html(files: list[Path]) -> list[NuMessage]:
    """Every error the checker finds in `files` (one Java start for all of them)."""
    done = subprocess.run([_java(), "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
                          capture_output=True, text=True, check=False, timeout=300)
    report = json.loads(done.stderr or done.stdout)  # vnu writes its JSON report on stderr
    return [
        NuMessage(Path(unquote(urlsplit(m.get("url", "")).path)).resolve(), m.get("lastLine", 0), m["message"],
                  m.get("extract", ""))
        for m in report["messages"] if m.get("type") == "error" or m.get("subType") == "fatal"
    ]


def allowed_nu(message: NuMessage, entries: list[dict]) -> dict | None:
    return next((e for e in entries if re.search(e["message"], message.message)
                 and re.search(e.get("extract", ""), message.extract)), None)
