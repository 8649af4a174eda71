"""The build-time side of the gym layer: check-off keys, load kinds and set labels
(`liftheavy.pages.gymkeys`), and the markup the week template gives the gym script."""

from __future__ import annotations

import dataclasses
import re

import pytest

from conftest import ROOT
from liftheavy.data.loader import load_program
from liftheavy.data.model import Load, RepRange
from liftheavy.pages.gymkeys import loading, main_lifts, set_label, tick_key

PROGRAM = load_program(ROOT)


def _first(program):
    week = program.weeks[0]
    session = week.sessions[0]
    return week, session, session.blocks[0].prescriptions[0]


def test_tick_key_is_short_stable_and_names_week_and_session() -> None:
    week, session, prescription = _first(PROGRAM)
    key = tick_key(week, session.id, prescription)
    assert re.fullmatch(r"[0-9a-f]{10}", key)
    assert tick_key(week, session.id, prescription) == key
    assert tick_key(week, "b", prescription) != key
    assert tick_key(PROGRAM.weeks[1], session.id, prescription) != key


@pytest.mark.parametrize(
    "change",
    [
        {"sets": 4},
        {"reps": RepRange(low=6, high=6)},
        {"per_side": True},
        {"load": Load(percent_1rm=75, rir=3, note=None)},
        {"load": Load(percent_1rm=70, rir=2, note=None)},
    ],
    ids=["sets", "reps", "per-side", "percent", "rir"],
)
def test_tick_key_changes_when_the_prescription_changes(change: dict[str, object]) -> None:
    week, session, prescription = _first(PROGRAM)
    changed = dataclasses.replace(prescription, **change)
    assert tick_key(week, session.id, changed) != tick_key(week, session.id, prescription)


def test_tick_key_changes_when_the_exercise_changes() -> None:
    week, session, prescription = _first(PROGRAM)
    other = dataclasses.replace(prescription, exercise=PROGRAM.exercises[-1])
    assert tick_key(week, session.id, other) != tick_key(week, session.id, prescription)


def test_tick_key_ignores_wording() -> None:
    week, session, prescription = _first(PROGRAM)
    reworded = dataclasses.replace(prescription, cues=("Brace.",), note="New note", tempo="2-0-1-0", rest_s=30)
    assert tick_key(week, session.id, reworded) == tick_key(week, session.id, prescription)


def test_every_card_of_the_program_has_its_own_key() -> None:
    keys = [
        tick_key(week, session.id, prescription)
        for week in PROGRAM.weeks
        for session in week.sessions
        for block in session.blocks
        for prescription in block.prescriptions
    ]
    assert len(keys) == len(set(keys))


def test_loading_kinds_follow_the_implement() -> None:
    by_id = {exercise.id: exercise for exercise in PROGRAM.exercises}
    assert loading(by_id["barbell-back-squat"]) == "barbell"
    assert loading(by_id["trap-bar-deadlift"]) == "barbell"
    assert loading(by_id["goblet-squat"]) == "kettlebell"
    assert loading(by_id["double-kettlebell-front-squat"]) == "kettlebell-pair"
    assert loading(by_id["one-arm-row"]) == "steps"


def test_set_label_reads_like_a_sentence() -> None:
    week_3 = PROGRAM.weeks[2]
    squat, push_up, _ = week_3.sessions[0].blocks[0].prescriptions
    assert set_label(squat, 2) == "Barbell back squat, set 2 of 4: 5 reps at 80% 1RM"
    assert set_label(push_up, 4) == "Push-up, set 4 of 4: 8 reps"
    row = week_3.sessions[1].blocks[0].prescriptions[1]
    assert set_label(row, 1) == "Chin-up, set 1 of 4: 4–6 reps"
    carry = week_3.sessions[1].blocks[1].prescriptions[1]
    assert set_label(carry, 3) == "Suitcase carry, set 3 of 3: 20 metres per side"
    plank = PROGRAM.weeks[0].sessions[1].blocks[5].prescriptions[0]
    assert set_label(plank, 1) == "Side plank, set 1 of 3: 30 seconds per side"


def test_main_lifts_are_the_percent_lifts_of_the_week_once_each() -> None:
    week = PROGRAM.weeks[0]
    assert [lift.id for lift in main_lifts(week)] == ["barbell-back-squat", "trap-bar-deadlift"]
    for week in PROGRAM.weeks:
        ids = [lift.id for lift in main_lifts(week)]
        assert len(ids) == len(set(ids)) > 0
