"""The progression rule applied: logged sets → add a load step, hold, or drop one.

Where it sits: pure functions over the model's `Progression` (read from program.yaml by
the loader). The pages state the rule from the same numbers (`render.py`), and the log
in the browser applies the same decision, so the wording and the arithmetic cannot drift.

The rule, for one exercise in one session, judged against the card it was done from:
- drop a step if any logged set fell short of the card's lowest reps, or the last set
  ended `drop_margin` or more reps in reserve below the card's;
- add a step if every set of the card was logged, every one reached the top of the rep
  range, and the last set ended `add_margin` or more reps in reserve above the card's;
- otherwise hold: next time, use the load the next card gives.
Margins of 2 reps are used because lifters misjudge reps in reserve by about one rep
near failure (Hackett et al. 2017, doi:10.1519/JSC.0000000000001683).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from liftheavy.data.model import Progression, RepRange

Decision = Literal["add", "hold", "drop"]


@dataclass(frozen=True, slots=True, kw_only=True)
class LoggedSet:
    """One work set as the runner logged it: reps done and reps left in reserve."""

    reps: int
    rir: int


def decide(rule: Progression, reps: RepRange, rir: int, sets: int, logged: Sequence[LoggedSet]) -> Decision:
    """Whether the next load of this exercise goes up a step, stays, or comes down."""
    if not logged:
        raise ValueError("no logged sets to judge")
    last = logged[-1]
    if any(done.reps < reps.low for done in logged) or last.rir <= rir - rule.drop_margin:
        return "drop"
    complete = len(logged) >= sets and all(done.reps >= reps.high for done in logged)
    if complete and last.rir >= rir + rule.add_margin:
        return "add"
    return "hold"


def next_working_max(rule: Progression, working_max: float, decision: Decision) -> float:
    """The 1RM (or working weight) the next card's load is worked out from, after `decision`."""
    factor = {"add": 1 + rule.step_percent / 100, "hold": 1.0, "drop": 1 - rule.step_percent / 100}[decision]
    return working_max * factor
