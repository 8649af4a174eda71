"""What a change to `data/` does to the program, said in program terms, for reviewers.

    python -m liftheavy.tools.changes BASE [HEAD] [--markdown]     (`make changes BASE=origin/main`)

prints, for example:

    Week 2 › Session A › Goblet squat: sets 3 → 4, rest 120 s → 90 s
    Week 3 › Session B: new exercise Copenhagen plank as 3 (2 × 20 s per side, RIR 3, rest 60 s)

Data flow: `revisions.program_at` loads each revision's data with the build's own loader;
`compare(old, new)` (pure, no git, no files) walks the two `Program`s side by side, matching
weeks by number, sessions by id and exercises by id, and returns one `Change` per place;
`render_text` / `render_markdown` lay them out (Markdown for the pull request's job summary).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from liftheavy.data.errors import BREADCRUMB, DataError
from liftheavy.data.model import (
    JOINTS,
    EstimateFrom,
    Exercise,
    Figure,
    HighMileage,
    Prescription,
    Program,
    Progression,
    Session,
    Source,
    Week,
)
from liftheavy.tools.revisions import RevisionError, program_at

_K = TypeVar("_K")


@dataclass
class Change:
    """Everything that changed at one place: `Week 2 › Session A › Goblet squat: sets 3 → 4`."""

    where: tuple[str, ...]
    what: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return f"{BREADCRUMB.join(self.where)}: {', '.join(self.what)}"


class _Changes:
    """Collects changes in the order they are found, one `Change` per place."""

    def __init__(self) -> None:
        self.found: dict[tuple[str, ...], Change] = {}

    def add(self, where: tuple[str, ...], what: str) -> None:
        self.found.setdefault(where, Change(where)).what.append(what)

    def field(
        self, where: tuple[str, ...], label: str, old: object, new: object, show: Callable[[Any], str] = str
    ) -> None:
        """`label old → new` when the two differ (None shows as "none")."""
        if old != new:
            shown = [show(value) if value is not None else "none" for value in (old, new)]
            self.add(where, f"{label} {shown[0]} → {shown[1]}")

    def text(self, where: tuple[str, ...], label: str, old: object, new: object) -> None:
        """Longer text only says it changed; quoting both versions would bury the summary."""
        if old != new:
            state = "added" if not old else "removed" if not new else "changed"
            self.add(where, f"{label} {state}")


def _gone(before: Mapping[_K, object], after: Mapping[_K, object]) -> list[_K]:
    """Keys of `before` missing from `after`, in their old order."""
    return [key for key in before if key not in after]


def _quoted(text: str) -> str:
    return f'"{text}"'


def _seconds(value: int) -> str:
    return f"{value} s"


# -- the comparison ----------------------------------------------------------------------


def compare(old: Program, new: Program) -> list[Change]:
    """Every difference between two versions of the program, in reading order."""
    changes = _Changes()
    _compare_header(changes, old, new)
    _compare_library(changes, old.exercises, new.exercises)
    old_weeks = {week.number: week for week in old.weeks}
    for week in new.weeks:
        if week.number not in old_weeks:
            changes.add((f"Week {week.number}",), f"new week {_quoted(week.title)}, released {week.release}")
        else:
            _compare_week(changes, old_weeks[week.number], week)
    for number in sorted(set(old_weeks) - {week.number for week in new.weeks}):
        changes.add((f"Week {number}",), "removed")
    return list(changes.found.values())


def _compare_header(changes: _Changes, old: Program, new: Program) -> None:
    where = ("Program",)
    changes.field(where, "title", old.title, new.title, _quoted)
    changes.text(where, "tagline", old.tagline, new.tagline)
    changes.text(where, "description", old.description, new.description)
    changes.field(where, "sessions per week", old.sessions_per_week, new.sessions_per_week)
    _compare_lists(changes, where, "equipment", old.equipment, new.equipment)
    _compare_sources(changes, old.sources, new.sources)
    if old.inspiration != new.inspiration:
        changes.add(where, "credited article changed")
    _compare_progression(changes, old.progression, new.progression)
    _compare_lists(changes, ("Redirects",), "old addresses", _redirects(old), _redirects(new))


def _compare_progression(changes: _Changes, old: Progression, new: Progression) -> None:
    where = ("Progression rule",)
    changes.field(where, "add a step at reps in reserve above the card by", old.add_margin, new.add_margin)
    changes.field(where, "drop a step at reps in reserve below the card by", old.drop_margin, new.drop_margin)
    changes.field(where, "step", old.step_percent, new.step_percent, lambda value: f"{value}%")


def _redirects(program: Program) -> list[str]:
    return [f"{redirect.old} → {redirect.new}" for redirect in program.redirects]


def _compare_lists(
    changes: _Changes, where: tuple[str, ...], label: str, old: Sequence[str], new: Sequence[str]
) -> None:
    added = [item for item in new if item not in old]
    removed = [item for item in old if item not in new]
    if added:
        changes.add(where, f"{label}: added {', '.join(map(_quoted, added))}")
    if removed:
        changes.add(where, f"{label}: removed {', '.join(map(_quoted, removed))}")
    if not added and not removed and list(old) != list(new):
        changes.add(where, f"{label} reordered")


def _compare_sources(changes: _Changes, old: Iterable[Source], new: Iterable[Source]) -> None:
    before = {source.id: source for source in old}
    after = {source.id: source for source in new}
    for source_id, source in after.items():
        if source_id not in before:
            changes.add(("Sources",), f"new source {source_id}")
        elif source != before[source_id]:
            fields = ("authors", "year", "title", "journal", "doi", "url", "note")
            differing = [name for name in fields if getattr(source, name) != getattr(before[source_id], name)]
            changes.add(("Sources", source_id), f"{', '.join(differing)} changed")
    for source_id in _gone(before, after):
        changes.add(("Sources",), f"removed source {source_id}")


def _compare_library(changes: _Changes, old: Iterable[Exercise], new: Iterable[Exercise]) -> None:
    before = {exercise.id: exercise for exercise in old}
    after = {exercise.id: exercise for exercise in new}
    library = ("Exercise library",)
    for exercise_id, exercise in after.items():
        if exercise_id not in before:
            changes.add(library, f"new exercise {exercise.name}")
            continue
        was = before[exercise_id]
        where = (*library, exercise.name)
        changes.field(where, "name", was.name, exercise.name, _quoted)
        changes.field(where, "pattern", was.pattern, exercise.pattern)
        changes.field(where, "implement", was.implement, exercise.implement)
        _compare_lists(changes, where, "equipment", was.equipment, exercise.equipment)
        _compare_lists(changes, where, "muscles", was.muscles, exercise.muscles)
        for name in ("cues", "faults", "regression", "progression", "substitution"):
            changes.text(where, name, getattr(was, name), getattr(exercise, name))
        _compare_lists(changes, where, "former ids", was.former_ids, exercise.former_ids)
        _compare_figure(changes, where, was.figure, exercise.figure)
    for exercise_id in _gone(before, after):
        changes.add(library, f"removed {before[exercise_id].name}")


def _compare_figure(changes: _Changes, where: tuple[str, ...], old: Figure | None, new: Figure | None) -> None:
    """A figure's changes, angle by angle, so a reviewer knows what to look for in figures.png."""
    if old is None or new is None:
        if old != new:
            changes.add(where, "figure added" if old is None else "figure removed")
        return
    changes.field(where, "figure view", old.view, new.view)
    changes.field(where, "figure implement", old.implement, new.implement)
    changes.field(where, "figure hold", old.hold, new.hold)
    old_labels, new_labels = [p.label for p in old.positions], [p.label for p in new.positions]
    if old_labels != new_labels:
        changes.field(where, "figure positions", " → ".join(old_labels), " → ".join(new_labels))
        return
    for was, now in zip(old.positions, new.positions, strict=True):
        at = (*where, f"figure position {now.label}")
        changes.text(at, "says", was.says, now.says)
        changes.field(at, "rests", was.rests, now.rests, lambda rests: ", ".join(f"{p} on {s}" for p, s in rests))
        changes.field(at, "trunk", was.trunk, now.trunk)
        changes.field(at, "neck", was.neck, now.neck)
        for side in ("near", "far"):
            for joint in JOINTS:
                changes.field(
                    at, f"{side} {joint}", getattr(getattr(was, side), joint), getattr(getattr(now, side), joint)
                )


def _compare_week(changes: _Changes, old: Week, new: Week) -> None:
    where = (f"Week {new.number}",)
    changes.field(where, "title", old.title, new.title, _quoted)
    changes.field(where, "release", old.release, new.release)
    for name in ("summary", "focus", "changes"):
        changes.text(where, name, getattr(old, name), getattr(new, name))
    _compare_lists(changes, where, "sources", [s.id for s in old.sources], [s.id for s in new.sources])
    for phase in ("raise_", "activate", "mobilise", "potentiate"):
        changes.text((*where, "Warm-up"), phase.rstrip("_"), getattr(old.warm_up, phase), getattr(new.warm_up, phase))
    before = {session.id: session for session in old.sessions}
    for session in new.sessions:
        if session.id not in before:
            changes.add(where, f"new session {session.id.upper()} {_quoted(session.title)}")
        else:
            _compare_session(changes, (*where, f"Session {session.id.upper()}"), before[session.id], session)
    for session_id in _gone(before, {session.id: session for session in new.sessions}):
        changes.add(where, f"removed session {session_id.upper()}")
    _compare_high_mileage(changes, (*where, "High-mileage version"), old.high_mileage, new.high_mileage)


def _labelled(session: Session) -> dict[str, tuple[str, Prescription]]:
    """exercise id → (its printed label such as 2A, its prescription): unique per session."""
    return {
        prescription.exercise.id: (block.label(index), prescription)
        for block in session.blocks
        for index, prescription in enumerate(block.prescriptions)
    }


def _compare_session(changes: _Changes, where: tuple[str, ...], old: Session, new: Session) -> None:
    changes.field(where, "title", old.title, new.title, _quoted)
    before, after = _labelled(old), _labelled(new)
    for exercise_id, (label, prescription) in after.items():
        if exercise_id not in before:
            changes.add(where, f"new exercise {prescription.exercise.name} as {label} ({_dose_summary(prescription)})")
            continue
        old_label, was = before[exercise_id]
        entry = (*where, prescription.exercise.name)
        changes.field(entry, "moved", old_label, label)
        _compare_prescription(changes, entry, was, prescription)
    for exercise_id in _gone(before, after):
        changes.add(where, f"removed {before[exercise_id][1].exercise.name}")


def _compare_high_mileage(changes: _Changes, where: tuple[str, ...], old: HighMileage, new: HighMileage) -> None:
    changes.text(where, "note", old.note, new.note)
    before = {p.exercise.id: p for p in old.prescriptions}
    after = {p.exercise.id: p for p in new.prescriptions}
    for exercise_id, prescription in after.items():
        if exercise_id not in before:
            changes.add(where, f"new exercise {prescription.exercise.name} ({_dose_summary(prescription)})")
        else:
            _compare_prescription(changes, (*where, prescription.exercise.name), before[exercise_id], prescription)
    for exercise_id in _gone(before, after):
        changes.add(where, f"removed {before[exercise_id].exercise.name}")


def _dose(prescription: Prescription) -> str:
    if prescription.reps is not None:
        return f"{prescription.reps} reps"
    if prescription.time_s is not None:
        return f"{prescription.time_s} s"
    return f"{prescription.distance_m} m"


def _dose_summary(prescription: Prescription) -> str:
    side = " per side" if prescription.per_side else ""
    load = prescription.load
    effort = f"RIR {load.rir}" if load.rir is not None else f"{load.reserve_s} s in reserve"
    return f"{prescription.sets} × {_dose(prescription)}{side}, {effort}, rest {prescription.rest_s} s"


def _estimate(estimate: EstimateFrom) -> str:
    return f"{estimate.percent}% of {estimate.exercise.name} ({estimate.source.id})"


def _compare_prescription(changes: _Changes, where: tuple[str, ...], old: Prescription, new: Prescription) -> None:
    changes.field(where, "sets", old.sets, new.sets)
    _compare_lists(changes, where, "keeps the card anchors of", old.former_ids, new.former_ids)
    if old.reps is not None and new.reps is not None:
        changes.field(where, "reps", old.reps, new.reps)
    else:
        changes.field(where, "dose", _dose(old), _dose(new))
    if old.per_side != new.per_side:
        changes.add(where, "now per side" if new.per_side else "no longer per side")
    changes.field(where, "%1RM", old.load.percent_1rm, new.load.percent_1rm)
    changes.field(where, "RIR", old.load.rir, new.load.rir)
    changes.field(where, "seconds in reserve", old.load.reserve_s, new.load.reserve_s)
    changes.text(where, "load note", old.load.note, new.load.note)
    changes.field(where, "rest", old.rest_s, new.rest_s, _seconds)
    changes.field(where, "tempo", old.tempo, new.tempo)
    old_ramp, new_ramp = (", ".join(map(str, p.ramp)) or None for p in (old, new))
    changes.field(where, "warm-up sets", old_ramp, new_ramp)
    old_from, new_from = (_estimate(p.estimate_from) if p.estimate_from else None for p in (old, new))
    changes.field(where, "first 1RM", old_from, new_from)
    # Without cues of its own an entry shows its library cues; a library edit is reported there.
    if not (old.cues == old.exercise.cues[:2] and new.cues == new.exercise.cues[:2]):
        changes.text(where, "cues", old.cues, new.cues)
    changes.text(where, "note", old.note, new.note)


# -- output --------------------------------------------------------------------------------

NO_CHANGES = "No changes to the program."
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def render_text(changes: list[Change]) -> str:
    return "\n".join(map(str, changes)) + "\n" if changes else NO_CHANGES + "\n"


def render_markdown(changes: list[Change], base: str, head: str) -> str:
    """For the pull request's job summary; data text is escaped so it cannot add markup."""
    lines = ["## What this pull request changes in the program", "", f"Compared {base} with {head}.", ""]
    if not changes:
        return "\n".join([*lines, NO_CHANGES]) + "\n"
    items = ["- " + _MARKDOWN_SPECIAL.sub(r"\\\1", str(change)) for change in changes]
    return "\n".join([*lines, *items]) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m liftheavy.tools.changes", description=__doc__.splitlines()[0])
    parser.add_argument("base", help="the revision before the change, e.g. origin/main")
    parser.add_argument("head", nargs="?", default="HEAD", help="the revision after it (default: HEAD)")
    parser.add_argument("--markdown", action="store_true", help="Markdown for a GitHub job summary")
    args = parser.parse_args(argv)
    programs = []
    for revision in (args.base, args.head):
        try:
            programs.append(program_at(revision, Path.cwd()))
        except RevisionError as error:
            print(error, file=sys.stderr)
            return 2
        except DataError as error:
            print(
                f"the program data at {revision} has problems (`make check` there shows them):\n{error}",
                file=sys.stderr,
            )
            return 1
    changes = compare(*programs)
    print(render_markdown(changes, args.base, args.head) if args.markdown else render_text(changes), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
