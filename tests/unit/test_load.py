"""The loader: valid data becomes a `Program`; every class of bad input becomes a clear
`file:line:col` problem, all reported in one run, never a traceback.

Each file in fixtures/invalid/<kind>/ replaces one file of the valid fixture program
(week → data/weeks/week-1.yaml, exercises → data/exercises.yaml, program →
data/program.yaml, redirects → data/redirects.yaml) and lists the exact problems it must produce in `# expect:` lines.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT
from liftheavy.data.errors import DataError
from liftheavy.data.loader import load_program
from liftheavy.data.yamlnodes import MAX_FILE_BYTES
from support.datafixtures import INVALID, TARGETS, expected_problems, fixture_id


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A writable copy of the valid fixture program."""
    shutil.copytree(FIXTURES / "valid", tmp_path, dirs_exist_ok=True)
    return tmp_path


def problems_of(root: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_program(root)
    return [str(problem) for problem in caught.value.problems]


def test_valid_fixture_loads_into_typed_model() -> None:
    program = load_program(FIXTURES / "valid")
    assert [week.number for week in program.weeks] == [1, 2]
    week = program.weeks[0]
    squat = week.sessions[0].blocks[0].prescriptions[0]
    assert (squat.exercise.name, squat.sets, str(squat.reps), squat.load.percent_1rm, squat.load.rpe) == (
        "Goblet squat",
        3,
        "8",
        70,
        7,
    )
    assert squat.cues == squat.exercise.cues[:2]  # library cues are the default
    assert [str(step) for step in squat.ramp] == ["40% × 5", "55% × 3"]
    back_squat = program.weeks[1].sessions[0].blocks[0].prescriptions[0]
    estimate = back_squat.estimate_from
    assert estimate is not None
    assert (estimate.exercise.id, estimate.percent, estimate.source.short) == (
        "goblet-squat",
        120,
        "Støren et al. 2008",
    )
    calf = week.sessions[1].blocks[0].prescriptions[0]
    assert (str(calf.reps), calf.per_side, calf.cues) == ("10–12", True, ("Pause one second at the top.",))
    assert program.weeks[1].sessions[0].blocks[0].kind == "dual-set"
    assert program.weeks[1].sessions[0].blocks[0].label(1) == "1B"
    assert [source.id for source in week.sources] == ["storen-2008", "jeffreys-2007"]
    assert week.path == "data/weeks/week-1.yaml"


def test_real_program_loads() -> None:
    program = load_program(ROOT)
    assert [week.number for week in program.weeks] == [1, 2, 3, 4]
    assert all(len(week.sessions) == 2 for week in program.weeks)


@pytest.mark.parametrize("fixture", INVALID, ids=fixture_id)
def test_invalid_fixture_reports_exact_problems(project: Path, fixture: Path) -> None:
    expected = expected_problems(fixture)
    assert expected, f"{fixture} lists no '# expect:' lines"
    shutil.copy(fixture, project / TARGETS[fixture.parent.name])
    assert problems_of(project) == expected


def test_not_utf8(project: Path) -> None:
    (project / "data/weeks/week-1.yaml").write_bytes("week: 1\ntitle: Fundaci\u00f3n\n".encode("latin-1"))
    assert problems_of(project) == ["data/weeks/week-1.yaml:2:1: this file is not UTF-8 text; save it as UTF-8"]


def test_file_over_size_limit_is_refused(project: Path) -> None:
    (project / "data/weeks/week-1.yaml").write_text("# padding\n" * (MAX_FILE_BYTES // 10 + 1))
    [problem] = problems_of(project)
    assert problem.startswith("data/weeks/week-1.yaml:1:1: file is ")
    assert f"the limit is {MAX_FILE_BYTES}" in problem


def test_billion_laughs_is_refused_before_expansion(project: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]" for i in range(9)]
    (project / "data/weeks/week-1.yaml").write_text("\n".join(lines) + "\n")
    assert problems_of(project) == [
        "data/weeks/week-1.yaml:1:4: anchors (&name) and aliases (*name) are not allowed; write the value out in full"
    ]


def test_deep_nesting_is_refused(project: Path) -> None:
    (project / "data/weeks/week-1.yaml").write_text("[" * 5000 + "]" * 5000)
    assert problems_of(project) == ["data/weeks/week-1.yaml:1:1: the YAML is nested too deeply"]


def test_duplicate_week_number_across_files(project: Path) -> None:
    text = (project / "data/weeks/week-2.yaml").read_text().replace("week: 2", "week: 1")
    (project / "data/weeks/week-2.yaml").write_text(text)
    assert problems_of(project) == [
        "data/weeks/week-2.yaml:2:7: week 2 › week: this file is named for week 2 but says week: 1; rename the file or fix the number",
        "data/weeks/week-2.yaml:2:7: week 2 › week: week 1 is also defined in data/weeks/week-1.yaml; give each week its own number",
    ]


def test_stray_file_in_weeks_folder(project: Path) -> None:
    shutil.copy(project / "data/weeks/week-2.yaml", project / "data/weeks/week-3.yml")
    assert problems_of(project) == [
        "data/weeks/week-3.yml:1:1: week files must be named week-<number>.yaml, like week-5.yaml"
    ]


def test_missing_files_are_named(tmp_path: Path) -> None:
    assert problems_of(tmp_path) == [
        "data/exercises.yaml:1:1: file is missing; see data/README.md",
        "data/program.yaml:1:1: file is missing; see data/README.md",
    ]


def test_unequal_sets_in_a_dual_set(project: Path) -> None:
    path = project / "data/weeks/week-2.yaml"
    path.write_text(
        path.read_text().replace("            sets: 4\n            reps: 8", "            sets: 3\n            reps: 8")
    )
    assert problems_of(project) == [
        "data/weeks/week-2.yaml:19:11: week 2 › session A › block 1 › exercises: every exercise in a dual-set needs the same number of sets (got 4, 3)"
    ]


def test_problems_in_several_files_come_in_one_run(project: Path) -> None:
    week = project / "data/weeks/week-2.yaml"
    week.write_text(week.read_text().replace("sets: 4\n            reps: 5", "sets: four\n            reps: 5"))
    library = project / "data/exercises.yaml"
    library.write_text(library.read_text().replace("implement: barbell", "implement: barbel"))
    assert problems_of(project) == [
        "data/exercises.yaml:40:16: exercises › Barbell back squat › implement: expected one of barbell, kettlebell, dumbbell, bodyweight, band, cable, got 'barbel'; did you mean 'barbell'?",
        "data/weeks/week-2.yaml:20:19: week 2 › session A › Barbell back squat › sets: expected a whole number like 3, got 'four'",
    ]


def test_a_broken_library_does_not_make_every_exercise_unknown(project: Path) -> None:
    (project / "data/exercises.yaml").write_text("exercises: nope\n")
    assert problems_of(project) == ["data/exercises.yaml:1:12: exercises: expected a list ('- item' lines), got 'nope'"]
