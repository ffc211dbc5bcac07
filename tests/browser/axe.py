"""axe-core in a page, and the allowlist of findings mkdocs-material's own markup causes."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from .waits import bounded

REPO = Path(__file__).resolve().parents[2]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
ALLOWLIST = Path(__file__).resolve().parent / "a11y-allowlist.yml"
# RGAA 4.1 follows WCAG 2.1 AA: axe's rules tagged for its A and AA success criteria.
TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")


@dataclass
class AxeResult:
    violations: list[dict] = field(default_factory=list)  # {rule, impact, help, targets}
    passes: set[str] = field(default_factory=set)
    incomplete: set[str] = field(default_factory=set)
    title: str = ""

    @property
    def applicable(self) -> set[str]:
        return self.passes | {v["rule"] for v in self.violations}


def axe_script() -> Path:
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `./dev test`, which installs the npm test tools (npm ci)",
                    pytrace=False)
    return AXE


def axe_version() -> str:
    return json.loads((AXE.parent / "package.json").read_text(encoding="utf-8"))["version"]


def run_axe(page) -> AxeResult:
    """Run axe-core's WCAG 2.1 A/AA rules on the page as it is now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Through the DevTools protocol, which the page's Content-Security-Policy does not govern
        # (an added <script> is inline code the policy blocks, as it should).
        page.evaluate(axe_script().read_text(encoding="utf-8") + "\n;undefined")
    raw = page.evaluate(bounded(
        """tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
            .then(r => ({
                violations: r.violations.map(v => ({rule: v.id, impact: v.impact, help: v.help,
                    targets: v.nodes.map(n => n.target.join(' '))})),
                passes: r.passes.map(p => p.id),
                incomplete: r.incomplete.map(p => p.id),
            }))""", seconds=180),
        list(TAGS),
    )
    # The page's own title, as the statement lists it: its <h1>, else the document's title.
    title = page.evaluate("() => (document.querySelector('main h1, article h1, h1') || document).textContent"
                          " || document.title")
    return AxeResult(raw["violations"], set(raw["passes"]), set(raw["incomplete"]), " ".join(title.split()))


def allowlist() -> dict[str, list[dict]]:
    data = yaml.safe_load(ALLOWLIST.read_text(encoding="utf-8")) or {}
    for section in ("axe", "nu"):
        for entry in data.get(section) or []:
            missing = {"reason", "statement", "rule" if section == "axe" else "message"} - set(entry)
            assert not missing, f"{ALLOWLIST.name}: {section} entry {entry} lacks {sorted(missing)}"
    return {"axe": data.get("axe") or [], "nu": data.get("nu") or []}


def allowed_axe(rule: str, target: str, entries: list[dict]) -> dict | None:
    """The allowlist entry that explains this finding, if any."""
    return next((e for e in entries if e["rule"] == rule and re.search(e.get("target", ".*"), target)), None)


def unexplained(result: AxeResult, entries: list[dict]) -> list[str]:
    """Every violation the allowlist does not explain, as 'rule (impact): help — target'."""
    return [
        f"{v['rule']} ({v['impact']}): {v['help']} — {target}"
        for v in result.violations for target in v["targets"]
        if allowed_axe(v["rule"], target, entries) is None
    ]
