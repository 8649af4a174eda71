"""The program as typed, frozen data.

`load.py` builds these from the YAML in `data/` (and is the only place that does);
`render.py` turns them into pages. Nothing here knows about YAML, files or MkDocs.
Controlled vocabularies live here so the loader, the docs and the tests share one list.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

PATTERNS = (
    "squat",
    "hinge",
    "lunge",
    "single-leg",
    "calf-raise",
    "knee-flexion",
    "adduction",
    "pull",
    "push",
    "carry",
    "anti-rotation",
    "anti-extension",
    "anti-lateral-flexion",
    "power",
)
IMPLEMENTS = ("barbell", "kettlebell", "dumbbell", "bodyweight", "band", "cable")
EQUIPMENT = (
    "kettlebell",
    "barbell",
    "dumbbell",
    "rack",
    "plates",
    "bench",
    "box",
    "step",
    "band",
    "cable",
    "pull-up-bar",
    "partner",
    "bodyweight",
    "trap-bar",
)
MUSCLES = (
    "quadriceps",
    "glutes",
    "hamstrings",
    "adductors",
    "gastrocnemius",
    "soleus",
    "hip-flexors",
    "core",
    "obliques",
    "lats",
    "upper-back",
    "shoulders",
    "chest",
    "triceps",
    "biceps",
    "grip",
)

# Figures (`Exercise.figure`): what a drawn figure can hold and rest on. The drawing facts
# behind each word (sizes, heights) live in `liftheavy.figures`; the angle ranges in `anatomy.py`.
FIGURE_VIEWS = ("side", "front")
FIGURE_IMPLEMENTS = ("kettlebell", "barbell", "trap-bar", "dumbbell", "cable", "band", "none")
# Where the implement is: chest (goblet), rack, back (barbell on the upper back) and lap fix
# it to the body; the others to the hands (bottoms-up: one bell upside down in the near
# hand). "none" for bodyweight moves.
HOLDS = ("chest", "rack", "back", "lap", "hands", "each-hand", "near-hand", "far-hand", "bottoms-up", "none")
HOLDS_FIXING_HANDS = ("chest", "rack", "back")  # the arms reach for the grip; no arm angles
SUPPORTS = ("floor", "bench", "box", "step", "plates", "bar", "partner", "air")
BODY_PARTS = (
    *tuple(f"{side}-{part}" for side in ("near", "far") for part in ("foot", "heel", "toe", "knee", "hand", "elbow")),
    "hips",
    "back",
)
JOINTS = ("hip", "knee", "ankle", "shoulder", "elbow")

BlockKind = Literal["straight", "dual-set", "tri-set"]
BLOCK_KINDS: dict[int, BlockKind] = {1: "straight", 2: "dual-set", 3: "tri-set"}


@dataclass(frozen=True, slots=True, kw_only=True)
class Limbs:
    """One side's joint angles in whole degrees (`anatomy.py` says what each measures).

    `shoulder` and `elbow` are None when the hold fixes the hands (bell at the chest, in the
    rack, bar on the back): the arms then reach for the grip."""

    hip: int
    knee: int
    ankle: int
    shoulder: int | None
    elbow: int | None


@dataclass(frozen=True, slots=True, kw_only=True)
class FigurePosition:
    """One key position of a move, as a drawn figure takes it."""

    label: str  # a word or two under the still picture: "Bottom"
    says: str  # one line for the text alternative
    rests: tuple[tuple[str, str], ...]  # (body part, support); the first anchors the drawing
    trunk: int  # lean from upright, degrees
    neck: int
    near: Limbs
    far: Limbs


@dataclass(frozen=True, slots=True, kw_only=True)
class Figure:
    """An exercise as a figure seen from the side (or the front): two or three positions."""

    view: str
    implement: str
    hold: str
    positions: tuple[FigurePosition, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Exercise:
    """One entry of the exercise library (`data/exercises.yaml`)."""

    id: str
    name: str
    pattern: str
    implement: str
    equipment: tuple[str, ...]
    muscles: tuple[str, ...]
    cues: tuple[str, ...]
    faults: tuple[str, ...]
    regression: str
    progression: str
    substitution: str
    former_ids: tuple[str, ...] = ()  # ids it had before a rename; their old links still land here
    figure: Figure | None = None  # the drawn figure; every library exercise gets one (issue 14)


@dataclass(frozen=True, slots=True, kw_only=True)
class RepRange:
    """Reps as a single number (low == high) or a range such as 8-10."""

    low: int
    high: int

    def __str__(self) -> str:
        return str(self.low) if self.low == self.high else f"{self.low}–{self.high}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Load:
    """How heavy: %1RM where it applies, and always an effort that fits the dose: reps in
    reserve for sets of reps, seconds in reserve for holds and carries (the loader makes
    sure exactly one of `rir` and `reserve_s` is given)."""

    percent_1rm: int | None
    rir: int | None
    note: str | None
    reserve_s: int | None = None

    @property
    def rpe(self) -> int | None:
        """RPE on the 10-point reps-in-reserve scale (RPE 8 = 2 reps left); None for timed work."""
        return None if self.rir is None else 10 - self.rir


@dataclass(frozen=True, slots=True, kw_only=True)
class WarmUpSet:
    """One warm-up set before a card's first work set: reps at a percent of the 1RM the card's
    own %1RM is of, or the empty bar (`percent_1rm` None). Written `40% × 5` or `bar × 8`."""

    percent_1rm: int | None
    reps: int

    def __str__(self) -> str:
        return f"{'bar' if self.percent_1rm is None else f'{self.percent_1rm}%'} × {self.reps}"


@dataclass(frozen=True, slots=True, kw_only=True)
class EstimateFrom:
    """Where a new variation's first load comes from while the runner has no log of it: a
    share of the 1RM estimated from their sets of another lift, as a study measured it."""

    exercise: Exercise
    percent: int  # this lift's 1RM as a percentage of the other's
    source: Source


@dataclass(frozen=True, slots=True, kw_only=True)
class Prescription:
    """What to do with one exercise in one block: sets, dose, load, rest."""

    exercise: Exercise
    sets: int
    reps: RepRange | None
    time_s: int | None
    distance_m: int | None
    per_side: bool
    load: Load
    rest_s: int
    tempo: str | None
    cues: tuple[str, ...]
    note: str | None
    former_ids: tuple[str, ...] = ()  # exercises this card replaced; their old card anchors land here
    ramp: tuple[WarmUpSet, ...] = ()  # warm-up sets before the work sets (a %1RM card only), lightest first
    estimate_from: EstimateFrom | None = None  # a %1RM card's 1RM until the runner has logged this lift


@dataclass(frozen=True, slots=True, kw_only=True)
class Block:
    """Exercises done together: one (straight sets), two (dual-set) or three (tri-set)."""

    number: int
    prescriptions: tuple[Prescription, ...]

    @property
    def kind(self) -> BlockKind:
        return BLOCK_KINDS[len(self.prescriptions)]

    @property
    def round_rest_s(self) -> int:
        """Rest between two sets of the same exercise in a dual- or tri-set (the other moves' rests)."""
        return sum(prescription.rest_s for prescription in self.prescriptions)

    def label(self, index: int) -> str:
        """The printed label of the exercise at `index`: 1, or 2A/2B, or 3A/3B/3C."""
        if len(self.prescriptions) == 1:
            return str(self.number)
        return f"{self.number}{'ABC'[index]}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Session:
    id: str
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class WarmUp:
    """A RAMP warm-up: raise, activate, mobilise, potentiate."""

    raise_: tuple[str, ...]
    activate: tuple[str, ...]
    mobilise: tuple[str, ...]
    potentiate: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class HighMileage:
    """The shorter, lighter version to do before a run when mileage is high."""

    note: str
    prescriptions: tuple[Prescription, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    id: str
    authors: str
    year: int
    title: str
    journal: str
    doi: str | None
    url: str | None
    note: str | None

    @property
    def short(self) -> str:
        """How a card cites it: 'Støren et al. 2008', 'Smith and Jones 2019', 'Smith 2019'."""
        names = [author.strip().rsplit(" ", 1)[0] for author in self.authors.split(",")]
        who = names[0] if len(names) == 1 else " and ".join(names) if len(names) == 2 else f"{names[0]} et al."
        return f"{who} {self.year}"

    @property
    def link(self) -> str:
        """Where a reader can find it: the DOI resolver if there is a DOI."""
        return f"https://doi.org/{self.doi}" if self.doi else str(self.url)


@dataclass(frozen=True, slots=True, kw_only=True)
class Progression:
    """The one progression rule (`progression:` in program.yaml): after a session, the
    logged sets of a loaded exercise say whether its next load goes up a step, stays, or
    comes down. `progression.py` applies it; the pages state it; the log applies it too."""

    add_margin: int  # every rep done and the last set's RIR this many above the card's → add a step
    drop_margin: int  # reps missed, or the last set's RIR this many below the card's → drop a step
    step_percent: int  # one step, as a percentage of the working weight (or of the working 1RM)


@dataclass(frozen=True, slots=True, kw_only=True)
class Inspiration:
    title: str
    publisher: str
    year: int
    url: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Week:
    number: int
    title: str
    release: dt.date
    summary: str
    focus: str
    changes: tuple[str, ...]
    sources: tuple[Source, ...]
    warm_up: WarmUp
    sessions: tuple[Session, ...]
    high_mileage: HighMileage
    path: str  # the YAML file, relative to the project root, for "edit this page"

    @property
    def slug(self) -> str:
        """The stable URL segment: /week-1/ (never derived from the title)."""
        return f"week-{self.number}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Redirect:
    """An old address that keeps working after a page moved (`data/redirects.yaml`).

    Paths are site paths as a reader sees them after the site's address: `/weeks/2/`,
    `/week-2/`, `/exercises/#goblet-squat`. The locations (1-based line and column of each
    value) let problems found later, once the built pages are known, point at the line.
    """

    old: str
    new: str
    file: str
    old_at: tuple[int, int]
    new_at: tuple[int, int]


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """A hand-written page with a publication `date:` in its front matter (the feed lists it)."""

    src_uri: str  # relative to docs/, e.g. why-lift-heavy.md
    title: str
    description: str
    published: dt.date


@dataclass(frozen=True, slots=True, kw_only=True)
class Program:
    title: str
    tagline: str
    description: str
    sessions_per_week: int
    equipment: tuple[str, ...]
    sources: tuple[Source, ...]
    inspiration: Inspiration
    progression: Progression
    exercises: tuple[Exercise, ...]
    weeks: tuple[Week, ...]
    redirects: tuple[Redirect, ...] = ()

    def neighbours(self, week: Week) -> tuple[Week | None, Week | None]:
        """The previous and next week in program order."""
        index = self.weeks.index(week)
        previous = self.weeks[index - 1] if index > 0 else None
        following = self.weeks[index + 1] if index + 1 < len(self.weeks) else None
        return previous, following
