"""The figures stage: kinematics, contact with the support, and the two SVG documents.

Golden files pin the SVG of the fixture program's figures (a held bell, a dumbbell on a
step); regenerate them after an intended change with UPDATE_GOLDEN=1 and look at the
result (`make figures`) before committing. The other tests hold for every figure in the
real library, so a coach's new figure is checked the same way.
"""

from __future__ import annotations

import dataclasses
import os
import re
import xml.etree.ElementTree as ET

import pytest

from conftest import FIXTURES, ROOT
from liftheavy.data.loader import load_program
from liftheavy.data.model import Exercise, Figure
from liftheavy.figures.draw import alt_text, figure_box, figure_files, loop_svg, still_svg
from liftheavy.figures.pose import HEAD_R, TOUCH, contact_gaps, place, suggest, worst_gap

GOLDEN = FIXTURES / "golden" / "figures"
FIXTURE = {exercise.id: exercise for exercise in load_program(FIXTURES / "valid").exercises}
REAL = [exercise for exercise in load_program(ROOT).exercises if exercise.figure is not None]
SVG = "{http://www.w3.org/2000/svg}"


def _figure(exercise: Exercise) -> Figure:
    assert exercise.figure is not None
    return exercise.figure


@pytest.mark.parametrize("name", ["goblet-squat", "calf-raise"])
def test_svg_matches_golden(name: str) -> None:
    for path, text in figure_files(FIXTURE[name]).items():
        golden = GOLDEN / path.rsplit("/", 1)[1]
        if os.environ.get("UPDATE_GOLDEN"):
            golden.write_text(text, encoding="utf-8")
        assert golden.exists(), f"no golden file {golden}; run with UPDATE_GOLDEN=1 to create it"
        assert text == golden.read_text(encoding="utf-8"), f"{golden.name} changed; see the module docstring"


def test_every_exercise_in_the_library_has_a_figure() -> None:
    missing = [exercise.id for exercise in load_program(ROOT).exercises if exercise.figure is None]
    assert missing == [], "give each a `figure:` (data/README.md, The figure)"


def test_standing_figure_is_an_adult_on_the_floor() -> None:
    stand = _figure(FIXTURE["goblet-squat"]).positions[0]
    points = place(stand, "side", "chest")
    top = points["head"][1] + HEAD_R
    assert 170 <= top <= 182  # about 175 cm tall
    assert points["near-heel"][1] == pytest.approx(0, abs=0.01)
    assert points["near-toe"][1] == pytest.approx(0, abs=0.01)
    assert points["near-heel"][0] == pytest.approx(0, abs=0.01)  # anchored where the first rest is


def test_every_resting_part_of_every_real_figure_touches_its_support() -> None:
    assert REAL, "no exercise in data/exercises.yaml has a figure"
    for exercise in REAL:
        figure = _figure(exercise)
        for position in figure.positions:
            for part, support, gap in contact_gaps(position, figure.view, figure.hold):
                assert abs(gap) <= TOUCH, f"{exercise.id} › {position.label}: {part} is {gap:.1f} cm off the {support}"


def test_a_foot_lifted_off_the_floor_is_found_and_the_suggestion_puts_it_back() -> None:
    figure = _figure(FIXTURE["goblet-squat"])
    bottom = figure.positions[1]
    lifted = dataclasses.replace(bottom, far=dataclasses.replace(bottom.far, knee=90))
    off = worst_gap(lifted, "side", "chest")
    assert off is not None
    assert off[0].startswith("far-")
    fix = suggest(lifted, "side", "chest", off[0])
    assert fix is not None
    side, joint, value = fix
    fixed = dataclasses.replace(lifted, far=dataclasses.replace(lifted.far, **{joint: value}))
    assert side == "far"
    assert worst_gap(fixed, "side", "chest") is None


@pytest.mark.parametrize("exercise", REAL, ids=lambda exercise: exercise.id)
def test_loop_moves_through_every_position_and_back(exercise: Exercise) -> None:
    figure = _figure(exercise)
    root = ET.fromstring(loop_svg(figure))
    animations = root.findall(f".//{SVG}animate") + root.findall(f".//{SVG}animateTransform")
    assert len(animations) >= 6  # five body strokes and the head at least
    count = len(figure.positions)
    for animation in animations:
        assert animation.get("repeatCount") == "indefinite"
        values = animation.get("values", "").split(";")
        times = [float(t) for t in animation.get("keyTimes", "").split(";")]
        assert len(values) == len(times) == 3 * count + 1  # arrive, pause, halfway to the next; back
        assert values[0] == values[-1]
        assert times[0] == 0
        assert times[-1] == 1
        assert times == sorted(times)
        assert len(animation.get("keySplines", "").split(";")) == 3 * count
    moving = {a.get("values") for a in root.findall(f".//{SVG}animate") if len(set(a.get("values", "").split(";"))) > 1}
    assert moving, f"{exercise.id}: nothing moves between its positions"


@pytest.mark.parametrize("exercise", REAL, ids=lambda exercise: exercise.id)
def test_still_shows_every_position_labelled_and_nothing_moves(exercise: Exercise) -> None:
    figure = _figure(exercise)
    text = still_svg(figure)
    root = ET.fromstring(text)
    labels = [element.text for element in root.iter(f"{SVG}text")]
    assert labels == [f"{index} {p.label}" for index, p in enumerate(figure.positions, start=1)]
    assert not re.search(r"<animate|<set\b|<script|<style", text)
    box = figure_box(exercise)
    assert box is not None
    assert box.still_size[0] >= 110 * len(figure.positions)  # every position has room for its label
    assert root.get("width") == str(box.still_size[0])
    assert root.get("height") == str(box.still_size[1])


def test_text_alternative_is_made_of_the_positions() -> None:
    exercise = FIXTURE["goblet-squat"]
    figure = _figure(exercise)
    assert alt_text(exercise, figure) == (
        "Goblet squat, drawn in 2 positions: 1. Stand tall with the bell at the chest. "
        "2. Sit down between the heels, thighs level."
    )


def test_an_exercise_without_a_figure_has_no_files() -> None:
    assert figure_files(FIXTURE["copenhagen-short"]) == {}
    assert figure_box(FIXTURE["copenhagen-short"]) is None
