"""The change summary for reviewers: two revisions of the fixture program in a real git
repository, compared by the real command, give exactly the expected text."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
import subprocess
import sys
import typing
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from liftheavy.data import model
from liftheavy.data.loader import load_program
from liftheavy.data.model import EstimateFrom, Program, Redirect, RepRange
from liftheavy.tools.changes import compare
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
    edit(week, "{percent_1rm: 75, rir: 4}", "{percent_1rm: 75, rir: 3}")
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
    edit(week_2, "reserve_s: 5", "rir: 2")  # the hold's effort in seconds becomes the squat's reps in reserve
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


# -- every field of the model reaches the summary ------------------------------------------
# Walks the model by introspection, so a field added to the model later is checked too: each
# field of each dataclass, at its first place in the real program, is changed on its own and
# `compare` must report something. Fields listed here are not program content a reviewer
# reads, or are covered another way (an id change is a removal plus an addition).
NOT_SUMMARISED = {
    ("Week", "path"): "where the file lives, not what it says",
    ("Block", "number"): "a block's position; moves are reported per exercise label",
    ("Source", "id"): "a new id is a removed and an added source",
    ("Exercise", "id"): "a new id is a removed and an added exercise",
    ("Session", "id"): "a new id is a removed and an added session",
    ("Redirect", "file"): "always data/redirects.yaml",
    ("Redirect", "old_at"): "a line number",
    ("Redirect", "new_at"): "a line number",
}


def _changed_leaf(value: object, hint: object) -> object:
    """A different value of the same type (`hint` is the field's annotation)."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if isinstance(value, str):
        return value + " (edited)"
    if isinstance(value, dt.date):
        return value + dt.timedelta(days=1)
    if isinstance(value, tuple) and typing.get_args(hint)[0] is Redirect:  # none in the real data yet
        return (*value, Redirect(old="/old/", new="/week-1/", file="data/redirects.yaml", old_at=(1, 1), new_at=(1, 1)))
    if isinstance(value, tuple):
        return (*value, "added") if not value or isinstance(value[0], str) else value[:-1]
    if value is None:
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        first = EstimateFrom(exercise=REAL_PROGRAM.exercises[0], percent=80, source=REAL_PROGRAM.sources[0])
        sample = {int: 1, str: "added", RepRange: RepRange(low=1, high=1), EstimateFrom: first}
        return sample[options[0]]
    raise AssertionError(f"no change known for {value!r}")


Path_ = tuple[str | int, ...]  # field names and tuple indexes from the program down to one value


def _get(obj: object, path: Path_) -> object:
    for step in path:
        obj = obj[step] if isinstance(step, int) else getattr(obj, step)  # type: ignore[index]
    return obj


def _set(obj: object, path: Path_, new: object) -> object:
    """`obj` with the value at `path` replaced, every dataclass on the way rebuilt."""
    if not path:
        return new
    step, rest = path[0], path[1:]
    if isinstance(step, int):
        items = list(obj)  # type: ignore[call-overload]
        items[step] = _set(items[step], rest, new)
        return tuple(items)
    return dataclasses.replace(obj, **{step: _set(getattr(obj, step), rest, new)})  # type: ignore[type-var]


def _leaves(value: object, path: Path_) -> Iterator[tuple[tuple[str, str], Path_, object]]:
    """Every (owner, field), where it is, and its annotation, walking every instance."""
    hints = typing.get_type_hints(type(value), globalns=vars(model))
    for field in dataclasses.fields(value):  # type: ignore[arg-type]
        key, here = (type(value).__name__, field.name), (*path, field.name)
        current = getattr(value, field.name)
        if key in NOT_SUMMARISED:
            continue
        if dataclasses.is_dataclass(current):
            if type(None) in typing.get_args(hints[field.name]):
                yield key, here, hints[field.name]  # an optional part (a figure): removing it is a change
            yield from _leaves(current, here)
            continue
        yield key, here, hints[field.name]
        if isinstance(current, tuple) and current and dataclasses.is_dataclass(current[0]):
            for index, item in enumerate(current):
                yield from _leaves(item, (*here, index))


def _field_edits(program: Program) -> dict[str, Callable[[Program], object]]:
    """owner.field → a function changing that one field, at its first place in the program
    where it has a value (a None is changed only when it is None everywhere)."""
    first: dict[tuple[str, str], tuple[Path_, object]] = {}
    with_value: dict[tuple[str, str], tuple[Path_, object]] = {}
    for key, path, hint in _leaves(program, ()):
        first.setdefault(key, (path, hint))
        if _get(program, path) is not None:
            with_value.setdefault(key, (path, hint))
    edits = {}
    for key, (path, hint) in {**first, **with_value}.items():
        current = _get(program, path)
        if isinstance(current, tuple) and current and dataclasses.is_dataclass(current[0]):
            new: object = current[:-1]  # one fewer: a removed week, session, exercise, source
        elif dataclasses.is_dataclass(current):
            new = None  # an optional part removed
        else:
            new = _changed_leaf(current, hint)
        edits[f"{key[0]}.{key[1]}"] = lambda obj, path=path, new=new: _set(obj, path, new)
    return edits


REAL_PROGRAM = load_program(Path(__file__).resolve().parents[2])
FIELD_EDITS = _field_edits(REAL_PROGRAM)


@pytest.mark.parametrize("field_name", sorted(FIELD_EDITS))
def test_the_summary_reports_a_change_to_every_field_of_the_model(field_name: str) -> None:
    changed = FIELD_EDITS[field_name](REAL_PROGRAM)
    assert isinstance(changed, Program)
    assert compare(REAL_PROGRAM, changed), f"changing {field_name} is not in the change summary (tools/changes.py)"


def test_the_walk_reaches_every_dataclass_of_the_model() -> None:
    reached = {name.split(".")[0] for name in FIELD_EDITS} | {owner for owner, _ in NOT_SUMMARISED}
    models = {
        name
        for name, value in vars(model).items()
        if dataclasses.is_dataclass(value) and value.__module__ == model.__name__
    }
    # Article is the articles' front matter (docs/), not part of the program. No card of the
    # real program has an EstimateFrom yet: test_a_first_1rm_estimate_is_summarised walks its fields.
    assert models - reached == {"Article", "EstimateFrom"}


def test_a_first_1rm_estimate_is_summarised() -> None:
    squat = ("weeks", 1, "sessions", 0, "blocks", 1, "prescriptions", 0)
    card = _get(REAL_PROGRAM, squat)
    assert isinstance(card, model.Prescription)
    first = EstimateFrom(exercise=REAL_PROGRAM.exercises[0], percent=80, source=REAL_PROGRAM.sources[0])
    with_estimate = _set(REAL_PROGRAM, (*squat, "estimate_from"), first)
    assert isinstance(with_estimate, Program)
    said = [str(change) for change in compare(REAL_PROGRAM, with_estimate)]
    assert said == [f"Week 2 › Session A › {card.exercise.name}: first 1RM none → 80% of "
                    f"{REAL_PROGRAM.exercises[0].name} ({REAL_PROGRAM.sources[0].id})"]  # fmt: skip
    for field, new in (("percent", 85), ("exercise", REAL_PROGRAM.exercises[1]), ("source", REAL_PROGRAM.sources[1])):
        edited = _set(with_estimate, (*squat, "estimate_from", field), new)
        assert isinstance(edited, Program)
        assert compare(with_estimate, edited), f"a change of estimate_from.{field} is not in the summary"
