"""The gym's load rules, written out independently of the page's script, for the browser
tests (Chromium and WebKit) to work out the loads a card must show: kettlebell sizes in kg
and lb, the nearest bell to a target (a tie goes to the lighter bell), and a barbell load
with its plates per side."""

from __future__ import annotations

import math

KG_PER_LB = 0.45359237
BELLS_KG = [4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 32, 36, 40, 44, 48]
BELLS_LB = [10, 15, 20, 25, 30, 35, 40, 45, 50, 53, 55, 60, 62, 70, 80, 88, 97, 106]


def nearest_bell(target: float, bells: list[int]) -> int:
    return min(bells, key=lambda bell: (abs(bell - target), bell))


def _nearest_step(value: float, step: float) -> float:
    return math.floor(value / step + 0.5) * step


def _plates(per_side: float, plates: list[float]) -> list[float]:
    used = []
    for plate in plates:
        while per_side >= plate - 1e-9:
            used.append(plate)
            per_side -= plate
    return used


def _number(value: float) -> str:
    return f"{value:g}"


def _barbell_load(one_rep_max: float, percent: int, unit: str, bar: float) -> tuple[float, str]:
    step, plates = (5, [45, 35, 25, 10, 5, 2.5]) if unit == "lb" else (2.5, [25, 20, 15, 10, 5, 2.5, 1.25])
    total = max(bar, _nearest_step(one_rep_max * percent / 100, step))
    return total, " + ".join(_number(plate) for plate in _plates((total - bar) / 2, plates))


def ramp_text(one_rep_max: float, ramp: list[tuple[int | None, int]], unit: str, bar: float) -> str:
    """A barbell card's warm-up sets in weights: 'Warm-up sets: bar × 8, 40 kg × 5 (10 per side)'."""
    shown = []
    for percent, reps in ramp:
        if percent is None:
            shown.append(f"bar × {reps}")
            continue
        total, side = _barbell_load(one_rep_max, percent, unit, bar)
        shown.append(f"{_number(total)} {unit} × {reps}" + (f" ({side} per side)" if side else ""))
    return "Warm-up sets: " + ", ".join(shown)


def barbell_text(one_rep_max: float, percent: int, unit: str, bar: float) -> str:
    """What a barbell card shows: the load rounded to 2.5 kg (5 lb), and the plates per side."""
    total, side = _barbell_load(one_rep_max, percent, unit, bar)
    if not side:
        return f"Your load: {_number(total)} {unit}: the empty bar"
    return f"Your load: {_number(total)} {unit} = {_number(bar)} {unit} bar + {side} {unit} per side"
