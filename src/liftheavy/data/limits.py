"""How big, how long and how many: the limits on values in `data/`, in one table.

The loader (`load.py`) enforces these and the JSON Schemas (`schema.py` → `schemas/`)
declare them, so an editor's inline check and `make check` can never disagree on a
number. Each limit's `example` is what error messages and the schemas suggest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Whole:
    """A whole number from `low` to `high` (inclusive)."""

    low: int
    high: int
    example: int


@dataclass(frozen=True, slots=True)
class Count:
    """How many items a list holds, from `low` to `high`."""

    low: int
    high: int


# -- whole numbers -----------------------------------------------------------------------
WEEK = Whole(1, 104, 1)
SESSIONS_PER_WEEK = Whole(1, 7, 2)
YEAR = Whole(1900, 2100, 2019)
SETS = Whole(1, 10, 3)
REPS = Whole(1, 100, 8)
TIME_S = Whole(1, 600, 30)
DISTANCE_M = Whole(1, 400, 20)
REST_S = Whole(0, 600, 120)
PERCENT_1RM = Whole(1, 100, 75)
RIR = Whole(0, 6, 2)
RESERVE_S = Whole(1, 60, 5)  # holds and carries: seconds left in you when you stop
RIR_MARGIN = Whole(1, 5, 2)  # progression: reps in reserve above/below the card's that move the load
RAMP_REPS = Whole(1, 12, 5)  # one warm-up set of a ramp
ESTIMATE_PERCENT = Whole(30, 150, 85)  # a variation's 1RM as a share of another lift's
STEP_PERCENT = Whole(1, 20, 5)  # progression: one load step, % of the working weight

# -- text lengths, in characters (after joining lines) ------------------------------------
TEXT = 500  # any text without a stricter limit below
PROGRAM_TITLE = 80
TAGLINE = 120
DESCRIPTION = 200  # search engines show about this much
TITLE = 60  # week and session titles, exercise names
SUMMARY = 160
FOCUS = 1200
HIGH_MILEAGE_NOTE = 800
LOAD_NOTE = 120
FIGURE_LABEL = 16  # under each position of a still figure
FIGURE_SAYS = 120  # one position in words, for the figure's text alternative

# -- list lengths -------------------------------------------------------------------------
ANY = Count(1, 1000)
TEXT_LINES = Count(1, 12)  # cues, faults, changes, warm-up parts
PROGRAM_EQUIPMENT = Count(1, 20)
SOURCES = Count(1, 200)
LIBRARY = Count(1, 500)
SESSIONS = Count(1, 7)
BLOCKS = Count(1, 12)
BLOCK_EXERCISES = Count(1, 3)  # straight sets, dual-set, tri-set
HIGH_MILEAGE_EXERCISES = Count(1, 6)
PRESCRIPTION_CUES = Count(1, 2)
FORMER_IDS = Count(1, 20)
RAMP = Count(1, 6)  # warm-up sets before a card's work sets
FIGURE_POSITIONS = Count(2, 3)  # start and end, and a middle one where the path matters
REDIRECTS = Count(0, 500)  # data/redirects.yaml may list none  # old ids an exercise keeps answering to

# -- addresses (data/redirects.yaml; the JSON Schema uses the same patterns) ----------------
# An old address: /, then path segments (none starting with a dot, so no ".."), ending in / or .html.
_SEGMENT = r"[A-Za-z0-9_~-][A-Za-z0-9._~-]*"
OLD_ADDRESS = re.compile(rf"/(?:{_SEGMENT}/)*(?:{_SEGMENT}\.html?)?")
# A page of this site (our addresses are lowercase and end in /), with an optional #anchor.
NEW_ADDRESS = re.compile(r"/(?:[a-z0-9][a-z0-9-]*/)*(?:#[A-Za-z0-9_-]+)?")
