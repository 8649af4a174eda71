"""The gym's load rules, written out independently of the page's script, for the browser
tests (Chromium and WebKit) to work out the loads a card must show: kettlebell sizes in kg
and lb, and the nearest bell to a target (a tie goes to the lighter bell)."""

from __future__ import annotations

KG_PER_LB = 0.45359237
BELLS_KG = [4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 32, 36, 40, 44, 48]
BELLS_LB = [10, 15, 20, 25, 30, 35, 40, 45, 50, 53, 55, 60, 62, 70, 80, 88, 97, 106]


def nearest_bell(target: float, bells: list[int]) -> int:
    return min(bells, key=lambda bell: (abs(bell - target), bell))
