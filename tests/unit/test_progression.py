"""The progression rule: add a step, hold or drop, from logged sets against the card."""

from __future__ import annotations

import pytest

from conftest import ROOT
from liftheavy.data.loader import load_program
from liftheavy.data.model import Progression, RepRange
from liftheavy.data.progression import LoggedSet, decide, next_working_max

RULE = Progression(add_margin=2, drop_margin=2, step_percent=5)
FIVE = RepRange(low=5, high=5)


def sets(*pairs: tuple[int, int]) -> list[LoggedSet]:
    return [LoggedSet(reps=reps, rir=rir) for reps, rir in pairs]


@pytest.mark.parametrize(
    ("logged", "decision"),
    [
        (sets((5, 2), (5, 2), (5, 2), (5, 2)), "hold"),  # exactly as the card asks
        (sets((5, 3), (5, 3), (5, 4), (5, 4)), "add"),  # last set 2 more in reserve than asked
        (sets((5, 3), (5, 3), (5, 3), (5, 3)), "hold"),  # 1 more: within misjudging, keep the load
        (sets((5, 4), (5, 4), (5, 4)), "hold"),  # easy, but a set was not logged
        (sets((5, 2), (5, 1), (5, 1), (5, 0)), "drop"),  # last set 2 below: too heavy
        (sets((5, 2), (4, 1), (5, 2), (5, 2)), "drop"),  # reps missed in a set
    ],
)
def test_decide(logged: list[LoggedSet], decision: str) -> None:
    assert decide(RULE, FIVE, 2, 4, logged) == decision


def test_rep_range_needs_its_top_to_add() -> None:
    six_to_eight = RepRange(low=6, high=8)
    assert decide(RULE, six_to_eight, 2, 2, sets((7, 4), (7, 4))) == "hold"
    assert decide(RULE, six_to_eight, 2, 2, sets((8, 4), (8, 4))) == "add"
    assert decide(RULE, six_to_eight, 2, 2, sets((6, 2), (6, 2))) == "hold"


def test_nothing_logged_is_refused() -> None:
    with pytest.raises(ValueError, match="no logged sets"):
        decide(RULE, FIVE, 2, 4, [])


def test_next_working_max() -> None:
    assert next_working_max(RULE, 100.0, "add") == pytest.approx(105.0)
    assert next_working_max(RULE, 100.0, "hold") == 100.0
    assert next_working_max(RULE, 100.0, "drop") == pytest.approx(95.0)


def test_the_program_defines_the_rule_once() -> None:
    assert load_program(ROOT).progression == RULE
