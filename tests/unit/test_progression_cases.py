"""The progression rule's shared cases (tests/fixtures/progression-cases.json) against the
Python rule; tests/js/progression.test.js runs the same file against the browser's copy."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from liftheavy.data.model import Progression, RepRange
from liftheavy.data.progression import LoggedSet, decide

CASES = json.loads((Path(__file__).parents[1] / "fixtures" / "progression-cases.json").read_text(encoding="utf-8"))


def _rule() -> Progression:
    raw = CASES["rule"]
    return Progression(add_margin=raw["add_margin"], drop_margin=raw["drop_margin"], step_percent=raw["step_percent"])


@pytest.mark.parametrize("case", CASES["cases"], ids=[case["why"] for case in CASES["cases"]])
def test_the_python_rule_decides_each_shared_case(case: dict) -> None:  # type: ignore[type-arg]
    card = case["card"]
    logged = [LoggedSet(reps=s["reps"], rir=s["rir"]) for s in case["logged"]]
    reps = RepRange(low=card["low"], high=card["high"])
    assert decide(_rule(), reps, card["rir"], card["sets"], logged) == case["decision"]


def test_the_shared_rule_is_the_programs() -> None:
    from liftheavy.data.loader import load_program

    program = load_program(Path(__file__).parents[2])
    assert program.progression == _rule()
