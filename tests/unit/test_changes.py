"""The change summary for reviewers: two revisions of the fixture program in a real git
repository, compared by the real command, give exactly the expected text."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support.datafixtures import VALID

EXPECTED = """\
Program: sessions per week 2 → 3
Exercise library › Copenhagen plank, long lever: name "Copenhagen plank, short lever" → "Copenhagen plank, long lever", cues changed
Exercise library: new exercise Nordic hamstring curl
Week 1: release 2027-01-04 → 2027-01-05
Week 1 › Session A › Goblet squat: sets 3 → 4, reps 8 → 6–8, %1RM 70 → 75, rest 120 s → 90 s, tempo 3-1-1-0 → none
Week 1 › Session B: new exercise Nordic hamstring curl as 2 (2 × 4 reps, RIR 3, rest 90 s)
Week 1 › High-mileage version › Goblet squat: RIR 4 → 3
Week 2 › Session B: title "Adductors" → "Adductors and hamstrings", new exercise Goblet squat as 1 (3 × 10 reps, RIR 2, rest 60 s), removed Copenhagen plank, short lever
Week 3: new week "Peak", released 2027-01-18
"""

NORDIC = """\
  - id: nordic-curl
    name: Nordic hamstring curl
    pattern: knee-flexion
    implement: bodyweight
    equipment: [partner]
    muscles: [hamstrings]
    cues:
      - Kneel tall, heels held down.
    faults:
      - Bending at the hips.
    regression: Band-assisted.
    progression: Slower lowering.
    substitution: Sliding leg curl.
"""


def git(repository: Path, *args: str) -> str:
    command = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]
    result = subprocess.run([*command, *args], cwd=repository, capture_output=True, text=True, check=True)
    return result.stdout.strip()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def changes(repository: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    command = [sys.executable, "-m", "liftheavy.tools.changes", *args]
    return subprocess.run(command, cwd=repository, env=env, capture_output=True, text=True, timeout=60, check=False)


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A git repository with the fixture program as `base` and an edited version as `head`."""
    shutil.copytree(VALID, tmp_path, dirs_exist_ok=True)
    git(tmp_path, "init", "--quiet", "--initial-branch=main")
    git(tmp_path, "add", "data")
    git(tmp_path, "commit", "--quiet", "-m", "base")
    git(tmp_path, "tag", "base")
    data = tmp_path / "data"
    edit(data / "program.yaml", "sessions_per_week: 2", "sessions_per_week: 3")
    edit(data / "exercises.yaml", "name: Copenhagen plank, short lever", "name: Copenhagen plank, long lever")
    edit(data / "exercises.yaml", "- Top knee on the bench, hips in line.", "- Top ankle on the bench, hips in line.")
    (data / "exercises.yaml").write_text((data / "exercises.yaml").read_text() + NORDIC)
    week = data / "weeks/week-1.yaml"
    edit(week, "release: 2027-01-04", "release: 2027-01-05")
    edit(week, "sets: 3\n            reps: 8", 'sets: 4\n            reps: "6-8"')
    edit(week, "percent_1rm: 70", "percent_1rm: 75")
    edit(week, "rest_s: 120\n            tempo: 3-1-1-0\n", "rest_s: 90\n")
    edit(week, "{percent_1rm: 60, rir: 4}", "{percent_1rm: 60, rir: 3}")
    edit(
        week,
        "            note: Keep the knee straight.\n",
        "            note: Keep the knee straight.\n"
        "      - exercises:\n"
        "          - exercise: nordic-curl\n            sets: 2\n            reps: 4\n"
        "            load: {rir: 3}\n            rest_s: 90\n",
    )
    week_2 = data / "weeks/week-2.yaml"
    edit(week_2, "title: Adductors", "title: Adductors and hamstrings")
    edit(
        week_2,
        "exercise: copenhagen-short\n            sets: 3\n            time_s: 25\n            per_side: true",
        "exercise: goblet-squat\n            sets: 3\n            reps: 10",
    )
    week_3 = week_2.read_text().replace("week: 2", "week: 3").replace("title: Build", "title: Peak")
    (data / "weeks/week-3.yaml").write_text(week_3.replace("release: 2027-01-11", "release: 2027-01-18"))
    git(tmp_path, "add", "data")
    git(tmp_path, "commit", "--quiet", "-m", "head")
    return tmp_path


def test_summary_of_two_revisions_in_program_terms(repository: Path) -> None:
    result = changes(repository, "base", "HEAD")
    assert result.stderr == ""
    assert result.returncode == 0
    assert result.stdout == EXPECTED


def test_markdown_summary_for_the_pull_request_escapes_data_text(repository: Path) -> None:
    edit(repository / "data/weeks/week-3.yaml", "title: Peak", "title: Peak *strong* [x]")
    git(repository, "commit", "--quiet", "-am", "markup in a title")
    result = changes(repository, "base", "--markdown")  # HEAD by default
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[:4] == ["## What this pull request changes in the program", "", "Compared base with HEAD.", ""]
    expected = EXPECTED.replace('"Peak"', r'"Peak \*strong\* \[x\]"').splitlines()
    assert lines[4:] == [f"- {line}" for line in expected]


def test_unchanged_program_says_so(repository: Path) -> None:
    edit(repository / "data/weeks/week-1.yaml", "# Week 1", "# A comment changes nothing in week 1")
    git(repository, "commit", "--quiet", "-am", "comment only")
    result = changes(repository, "HEAD~1", "HEAD")
    assert (result.returncode, result.stdout) == (0, "No changes to the program.\n")


def test_invalid_data_at_a_revision_is_reported_not_compared(repository: Path) -> None:
    edit(repository / "data/weeks/week-1.yaml", "sets: 4", "sets: four")
    git(repository, "commit", "--quiet", "-am", "broken")
    result = changes(repository, "base", "HEAD")
    assert result.returncode == 1
    assert result.stdout == ""
    assert "the program data at HEAD has problems" in result.stderr
    assert "data/weeks/week-1.yaml:21:19: week 1 › session A › Goblet squat › sets: expected a whole number" in (
        result.stderr
    )


@pytest.mark.parametrize("revision", ["no-such-revision", "--output=/tmp/x"])
def test_unknown_revision_is_a_clear_error(repository: Path, revision: str) -> None:
    result = changes(repository, revision, "HEAD")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert revision in result.stderr
