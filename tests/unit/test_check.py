"""`make check` (`python -m liftheavy.tools.check`): every problem on stderr as `file:line:col: …`,
an exit status CI can act on, and inside GitHub Actions an `::error` annotation per problem
so it shows on the changed line of the pull request."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES
from support.datafixtures import INVALID, TARGETS, expected_problems, fixture_id

CHECK = [sys.executable, "-m", "liftheavy.tools.check"]


def run_check(root: Path, *, github_actions: bool) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"}
    if github_actions:
        env["GITHUB_ACTIONS"] = "true"
    return subprocess.run([*CHECK, str(root)], env=env, capture_output=True, text=True, timeout=60, check=False)


def as_annotation(expected: str) -> str:
    """`file:line:col: text` → the workflow command GitHub turns into an annotation."""
    file, line, column, text = expected.split(":", 3)
    message = text.removeprefix(" ").replace("%", "%25")  # '%' is escaped in workflow commands
    return f"::error file={file},line={line},col={column}::{message}"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES / "valid", tmp_path, dirs_exist_ok=True)
    return tmp_path


def test_valid_data_passes_quietly(project: Path) -> None:
    result = run_check(project, github_actions=True)
    assert result.returncode == 0
    assert result.stdout == "data/ and docs/ are valid: 2 weeks, 4 sessions, 4 exercises, 0 articles\n"
    assert result.stderr == ""


def test_problems_go_to_stderr_with_a_count_and_fail(project: Path) -> None:
    shutil.copy(FIXTURES / "invalid/week/many-problems.yaml", project / "data/weeks/week-1.yaml")
    result = run_check(project, github_actions=False)
    expected = expected_problems(FIXTURES / "invalid/week/many-problems.yaml")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [*expected, "5 problems found in data/ and docs/"]
    assert result.stdout == ""  # no annotations outside GitHub Actions


@pytest.mark.parametrize("fixture", INVALID, ids=fixture_id)
def test_each_problem_is_a_github_annotation_in_actions(project: Path, fixture: Path) -> None:
    shutil.copy(fixture, project / TARGETS[fixture.parent.name])
    result = run_check(project, github_actions=True)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [as_annotation(line) for line in expected_problems(fixture)]


def test_annotation_escapes_percent_signs(project: Path) -> None:
    # '%' starts an escape in workflow commands: unescaped, GitHub would garble the message.
    week = project / "data/weeks/week-1.yaml"
    week.write_text(week.read_text().replace("tempo: 3-1-1-0", 'tempo: "50%"'))
    result = run_check(project, github_actions=True)
    assert result.stdout.splitlines() == [
        "::error file=data/weeks/week-1.yaml,line=27,col=20::week 1 › session A › Goblet squat › tempo: "
        "expected a tempo like 3-1-1-0 (lower, pause, lift, pause; X = fast), got '50%25'"
    ]


def test_an_articles_front_matter_is_checked_as_the_build_checks_it(project: Path) -> None:
    # A date the build refuses must not pass `make check` (the same loader entry, the same message).
    (project / "docs").mkdir()
    (project / "docs/why.md").write_text(
        "---\ntitle: Why\ndescription: Why.\ndate: 28/12/2026\n---\n\n# Why\n", encoding="utf-8"
    )
    result = run_check(project, github_actions=False)
    assert result.returncode == 1
    first, count = result.stderr.splitlines()
    assert first == "docs/why.md:4:7: date: expected a date like 2027-01-04, got '28/12/2026'"
    assert count == "1 problem found in data/ and docs/"


def test_a_new_exercise_names_the_schema_lines_to_add(project: Path) -> None:
    """A coach adds an exercise in GitHub's web editor: the check says which lines to add to
    which schema file (the week schema lists the ids), and passes once they are there."""
    subprocess.run([sys.executable, "-m", "liftheavy.tools.schema", "schemas"], cwd=project, check=True)
    library = project / "data/exercises.yaml"
    text = library.read_text(encoding="utf-8")
    last = text.index("  - id: calf-raise")
    copy = "".join(line for line in text[last:].splitlines(keepends=True) if "former_ids:" not in line)
    library.write_text(text + copy.replace("id: calf-raise", "id: bird-dog"), encoding="utf-8")
    result = run_check(project, github_actions=True)
    assert result.returncode == 1
    problems = [line for line in result.stderr.splitlines() if line.startswith("schemas/")]
    assert problems
    assert all(line.startswith("schemas/week.schema.json:") and line.endswith(" with:") for line in problems)
    assert result.stderr.count('"bird-dog"') == len(problems)  # once per list of ids
    assert result.stdout.startswith("::error file=schemas/week.schema.json,line=")
    subprocess.run([sys.executable, "-m", "liftheavy.tools.schema", "schemas"], cwd=project, check=True)
    assert run_check(project, github_actions=True).returncode == 0
