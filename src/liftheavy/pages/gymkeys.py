"""What the week pages' interactive layer (check-offs, rest timer, load calculator) needs
to know about each prescription, computed at build time and written as `data-*` attributes.

The templates call these; the gym script (`src/liftheavy/browser/js/`, bundled by `bundle.py`)
reads the attributes and never re-derives program logic:

- `tick_key`: a short content hash naming one exercise's sets in one session of one week.
  Ticks are stored under it, so when the coach changes the sets, the dose or the load, the
  key changes and yesterday's ticks never land on a different prescription.
- `loading`: how a %1RM load is made up in the gym: plates on a bar, one kettlebell, a pair
  of kettlebells, or plain 2.5 kg / 5 lb steps (dumbbells, cables).
- `set_label`: the full spoken label of one set's checkbox.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from liftheavy.data.model import Exercise, Prescription, Week

TICK_KEY_LENGTH = 10  # hex digits: 40 bits, no collision among a few hundred sets


def tick_key(week: Week, session_id: str, prescription: Prescription) -> str:
    """A hash of what a set *is*: week, session, exercise, sets, dose and load.

    Cues, notes, tempo and rest are left out: rewording a cue should not wipe a runner's
    ticks halfway through a session.
    """
    load = prescription.load
    parts: tuple[str, ...] = (
        f"week={week.number}",
        f"session={session_id}",
        f"exercise={prescription.exercise.id}",
        f"sets={prescription.sets}",
        f"reps={prescription.reps}",
        f"time={prescription.time_s}",
        f"distance={prescription.distance_m}",
        f"per_side={prescription.per_side}",
        f"percent={load.percent_1rm}",
        f"rir={load.rir}",
    )
    if load.reserve_s is not None:  # holds and carries; left out otherwise so older keys stay the same
        parts = (*parts, f"reserve={load.reserve_s}")
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()[:TICK_KEY_LENGTH]


def loading(exercise: Exercise) -> str:
    """How a computed load is made up: 'barbell', 'kettlebell', 'kettlebell-pair' or 'steps'.

    A pair of bells is named in the exercise id (`double-kettlebell-front-squat`): the %1RM
    is of the total, so the calculator splits it between two bells.
    """
    if exercise.implement == "barbell":
        return "barbell"
    if exercise.implement == "kettlebell":
        return "kettlebell-pair" if exercise.id.startswith("double-") else "kettlebell"
    return "steps"


def dose(prescription: Prescription) -> str:
    """One set's dose in words, for a screen reader: '8 reps', '30 seconds', '20 metres'."""
    if prescription.reps is not None:
        text = f"{prescription.reps} rep" + ("" if prescription.reps.high == 1 else "s")
    elif prescription.time_s is not None:
        text = f"{prescription.time_s} seconds"
    else:
        text = f"{prescription.distance_m} metres"
    return f"{text} per side" if prescription.per_side else text


def set_label(prescription: Prescription, number: int) -> str:
    """'Goblet squat, set 2 of 4: 6 reps at 80% 1RM' (the checkbox's accessible name)."""
    label = f"{prescription.exercise.name}, set {number} of {prescription.sets}: {dose(prescription)}"
    if prescription.load.percent_1rm is not None:
        label += f" at {prescription.load.percent_1rm}% 1RM"
    return label


@dataclass(frozen=True, slots=True)
class MainLift:
    """A lift this week prescribes as %1RM: the runner may enter their 1RM for it."""

    id: str
    name: str


def main_lifts(week: Week) -> list[MainLift]:
    """Every exercise with a %1RM in the week (sessions and high-mileage), in page order."""
    prescriptions = [p for s in week.sessions for b in s.blocks for p in b.prescriptions]
    prescriptions += week.high_mileage.prescriptions
    lifts: dict[str, MainLift] = {}
    for prescription in prescriptions:
        if prescription.load.percent_1rm is not None:
            exercise = prescription.exercise
            lifts.setdefault(exercise.id, MainLift(exercise.id, exercise.name))
    return list(lifts.values())
