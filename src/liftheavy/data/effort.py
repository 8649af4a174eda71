"""How heavy a set is: the %1RM-by-reps-to-failure chart, in one place.

Where it sits: a pure table and pure functions with no I/O. The loader (`loader.py`) uses
them to refuse a prescription whose %1RM, reps and reps in reserve disagree; the log's
1RM estimate in the browser uses the same numbers (exported from `CHART`, never copied).

The chart gives the %1RM a lifter can lift for `n` reps to failure, with
n = reps done + reps in reserve (RIR). Its values are the reps-in-reserve chart Mike
Tuchscherer published for Reactive Training Systems ("Beginning RTS", 2014), read at whole
RIR steps; the RIR-based RPE scale behind it was validated by Zourdos et al. 2016
(doi:10.1519/JSC.0000000000001049) and its use explained by Helms et al. 2016
(doi:10.1519/SSC.0000000000000218). Beyond the chart's 12 reps we follow Epley's formula,
1RM = w × (1 + n/30), scaled to meet the chart at 12 reps so the curve has no jump there.
"""

from __future__ import annotations

from dataclasses import dataclass

# %1RM for n = 1 … 12 reps to failure (index n - 1).
CHART: tuple[float, ...] = (100.0, 95.5, 92.2, 89.2, 86.3, 83.7, 81.1, 78.6, 76.2, 73.9, 70.7, 68.0)
CHART_MAX_REPS = len(CHART)

# How far (in percentage points of 1RM) a prescription's %1RM may sit from the chart before
# the loader calls it a mistake. Lifters vary by several points around any chart (more so
# past 10 reps), so the check only catches numbers no lifter's chart would give.
TOLERANCE_POINTS = 5.0

EPLEY_DIVISOR = 30.0  # Epley: 1RM = w × (1 + n / 30)


def reps_to_failure(reps: int, rir: int) -> int:
    """n: the reps the lifter could have done in all, the reps done plus those left."""
    if reps < 1:
        raise ValueError(f"reps must be at least 1, got {reps}")
    if rir < 0:
        raise ValueError(f"reps in reserve cannot be negative, got {rir}")
    return reps + rir


def percent_for_max_reps(n: int) -> float:
    """%1RM that allows exactly `n` reps to failure: the chart, then Epley beyond it."""
    if n < 1:
        raise ValueError(f"reps to failure must be at least 1, got {n}")
    if n <= CHART_MAX_REPS:
        return CHART[n - 1]
    # Epley's shape, anchored on the chart's last value (68.0% at 12): continuous at 12.
    anchor = CHART[-1] * (1 + CHART_MAX_REPS / EPLEY_DIVISOR)
    return anchor / (1 + n / EPLEY_DIVISOR)


def percent_of_1rm(reps: int, rir: int) -> float:
    """%1RM at which `reps` reps leave `rir` in reserve (5 reps with 2 left: 81.1)."""
    return percent_for_max_reps(reps_to_failure(reps, rir))


def estimated_1rm(weight: float, reps: int, rir: int) -> float:
    """The one-rep max a set implies: `weight` for `reps` with `rir` left in reserve."""
    if weight <= 0:
        raise ValueError(f"weight must be more than 0, got {weight}")
    return weight * 100.0 / percent_of_1rm(reps, rir)


@dataclass(frozen=True, slots=True, kw_only=True)
class Expected:
    """The %1RM range the chart allows for a rep range at one RIR, before the tolerance."""

    low: float  # at the top of the rep range
    high: float  # at the bottom of the rep range

    def admits(self, percent: float, tolerance: float = TOLERANCE_POINTS) -> bool:
        return self.low - tolerance <= percent <= self.high + tolerance

    def __str__(self) -> str:
        if round(self.low) == round(self.high):
            return f"about {round(self.high)}%"
        return f"about {round(self.low)}-{round(self.high)}%"


def expected_percent(reps_low: int, reps_high: int, rir: int) -> Expected:
    """What the chart expects for `reps_low`-`reps_high` reps with `rir` in reserve."""
    return Expected(low=percent_of_1rm(reps_high, rir), high=percent_of_1rm(reps_low, rir))


def max_reps_at(percent: float) -> int:
    """About how many reps to failure the chart allows at `percent` (the closest row)."""
    rows = range(1, 61)
    return min(rows, key=lambda n: abs(percent_for_max_reps(n) - percent))


def rir_for(percent: float, reps: int) -> int | None:
    """The reps in reserve closest to `percent` for `reps` reps, or None if even 0 is too light.

    Used to say what the chart would expect instead ("at 60% × 5, about 10 reps are left").
    """
    best: tuple[float, int] | None = None
    for rir in range(0, 31):
        gap = abs(percent_of_1rm(reps, rir) - percent)
        if best is None or gap < best[0]:
            best = (gap, rir)
    if best is None or percent > percent_of_1rm(reps, 0) + TOLERANCE_POINTS:
        return None
    return best[1]
