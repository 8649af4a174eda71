"""JSON Schemas (draft 2020-12) for the three kinds of data file, for editors and reviewers.

    python -m liftheavy.tools.schema [DIR]     (`make schemas`; DIR defaults to schemas/)

writes `program.schema.json`, `exercises.schema.json`, `week.schema.json`,
`redirects.schema.json` and `log.schema.json` (the file "Your log" exports). Each data
file names its schema on its first line (`# yaml-language-server: $schema=…`), so VS Code
with the Red Hat YAML extension completes field names, lists the allowed values and
underlines mistakes while a coach types.

The schemas are generated, not hand-written, so they cannot drift from the loader: the
controlled vocabularies come from `model.py`, every number, length and list size from
`limits.py` (the same constants the loader enforces), and the exercise ids a week may use
from `data/exercises.yaml` itself, so the editor flags a misspelt id and offers the right
ones. `make check` and a test regenerate them and, when the committed files differ (a pull
request that adds an exercise), say exactly which lines to change in which file (`stale`),
because a coach in GitHub's web editor cannot run `make schemas`. A test runs every valid
and invalid fixture through both the loader and the schemas to show they agree.

Every `pattern` is also an ECMAScript regular expression valid with the `u` flag, which is
how ajv and editors compile it (no escapes such as `\"` that only Python accepts).

Some checks only the loader can make, because JSON Schema sees one file's values and
nothing else; they are listed in `LOADER_ONLY` (and in data/README.md):
cross-file references, uniqueness across list items, comparisons between two values, real
calendar dates, and YAML-level problems (duplicate keys, anchors, tags, tabs, syntax).

Only keywords that mean the same in draft-07 and 2020-12 are used (no `$ref` siblings, no
`prefixItems`, no `unevaluated*`), because the YAML extension validates with a draft-07
engine; the test checks both drafts give the same verdicts.
"""

from __future__ import annotations

import difflib
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from liftheavy.data import anatomy, limits
from liftheavy.data import model as vocabulary  # the loader's controlled vocabularies
from liftheavy.data.errors import DataError, Problem
from liftheavy.data.loader import load_program
from liftheavy.data.model import Exercise

Schema = dict[str, Any]

DRAFT = "https://json-schema.org/draft/2020-12/schema"
FILES = {
    "program": "data/program.yaml",
    "exercises": "data/exercises.yaml",
    "week": "data/weeks/week-*.yaml",
    "redirects": "data/redirects.yaml",
}
# What each schema validates: the data files above, and the log file the browser exports.
VALIDATES = {**FILES, "log": "the JSON file exported by Your log (browser/js/logfile.js exportJson)"}

LOADER_ONLY = (
    "source ids a week cites must exist in program.yaml (cross-file; exercise ids are in the week schema)",
    "a week file is named for its number (week-2.yaml says week: 2) and no two weeks share a number (cross-file)",
    "exercise, source and session ids are unique, and an exercise appears once per session",
    "every exercise in a dual- or tri-set has the same number of sets",
    "a set of reps gives rir, a hold or carry gives reserve_s instead",
    "percent_1rm, reps and rir agree with the effort chart (within its tolerance)",
    "a card's former ids are not used by another card of the same session",
    "a rep range goes from low to high (8-10, not 10-8)",
    "a release date exists on the calendar (no 2027-02-30)",
    "a former id of an exercise is not a current id and belongs to one exercise only",
    "a redirect's old address is not a page, is listed once, and its target page and anchor exist",
    "every part a figure's position rests on touches its support (the loader measures the drawn figure)",
    "a figure's implement is none exactly when its hold is none",
    "YAML itself: duplicate keys, anchors and aliases, tags, tabs, syntax errors, UTF-8, file size",
)

# Text: something other than blanks, no HTML tags anywhere ([\s\S] also spans line breaks).
_NO_HTML = r"(?![\s\S]*<\s*[A-Za-z!/?])"
_TEXT = rf"^{_NO_HTML}[\s\S]*\S"
# Markdown text may link, but only to http(s) addresses: [words](https://…).
_MARKDOWN = rf"^{_NO_HTML}(?![\s\S]*\]\((?!https?://))[\s\S]*\S"
_ID = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
# No quote marks in an address. Not a raw string: the regex must hold a bare `"`, since `\"` is
# an invalid escape in an ECMAScript regex with the `u` flag (ajv and editors refuse it).
_URL = "^https?://[^\\s<>'\"]+$"
_DATE = r"^\s*\d{4}-\d{2}-\d{2}\s*$"
_REP_RANGE = r"^\s*\d{1,3}\s*-\s*\d{1,3}\s*$"
_TEMPO = r"^[0-9Xx]-[0-9Xx]-[0-9Xx]-[0-9Xx]$"
_WARM_UP_SET = r"^\s*(bar|\d{1,3}\s*%)\s*[×xX*]\s*\d{1,3}\s*$"

_MD_NOTE = " Markdown allowed: *italic*, **bold** and [links](https://example.org); no HTML."
_PLAIN_NOTE = " Plain text; no HTML."


# -- building blocks -----------------------------------------------------------------------


def text(description: str, example: str, *, max_length: int = limits.TEXT, markdown: bool = False) -> Schema:
    return {
        "description": description + (_MD_NOTE if markdown else _PLAIN_NOTE) + f" At most {max_length} characters.",
        "type": "string",
        "minLength": 1,
        "maxLength": max_length,
        "pattern": _MARKDOWN if markdown else _TEXT,
        "examples": [example],
    }


def texts(description: str, example: str, count: limits.Count = limits.TEXT_LINES, *, markdown: bool) -> Schema:
    return {
        "description": description + f" A list of {count.low} to {count.high} lines, each starting with '- '.",
        "type": "array",
        "minItems": count.low,
        "maxItems": count.high,
        "items": text("One line.", example, markdown=markdown),
        "examples": [[example]],
    }


def whole(description: str, whole_number: limits.Whole) -> Schema:
    return {
        "description": description + f" A whole number from {whole_number.low} to {whole_number.high}.",
        "type": "integer",
        "minimum": whole_number.low,
        "maximum": whole_number.high,
        "examples": [whole_number.example],
    }


def _patterned(description: str, pattern: str, example: str) -> Schema:
    """A string that must match `pattern` (the loader's own rule, as an ECMAScript regex)."""
    return {"description": description, "type": "string", "pattern": pattern, "examples": [example]}


def identifier(description: str, example: str) -> Schema:
    return _patterned(description + " Lowercase letters, digits and hyphens, like goblet-squat.", _ID, example)


def choice(description: str, choices: tuple[str, ...], example: str) -> Schema:
    return {"description": description, "enum": list(choices), "examples": [example]}


def url(description: str, example: str) -> Schema:
    return _patterned(description + " A full web address starting with https://.", _URL, example)


def mapping(
    description: str, properties: dict[str, Schema], *, optional: tuple[str, ...] = (), shown: tuple[str, ...] = ()
) -> Schema:
    """An object with exactly these fields. Its example is made of its fields' examples (the
    required ones, plus the optional ones in `shown`), so it is always complete and valid."""
    required = [key for key in properties if key not in optional]
    example = {key: field["examples"][0] for key, field in properties.items() if key in required or key in shown}
    return {
        "description": description,
        "type": "object",
        "additionalProperties": False,
        "required": required,
        "properties": properties,
        "examples": [example],
    }


def listing(description: str, items: Schema, count: limits.Count) -> Schema:
    return {
        "description": description,
        "type": "array",
        "minItems": count.low,
        "maxItems": count.high,
        "items": items,
        "examples": [[items["examples"][0]]],
    }


def document(kind: str, title: str, description: str, body: Schema) -> Schema:
    return {
        "$schema": DRAFT,
        "$comment": f"Generated from src/liftheavy/tools/schema.py by `make schemas`; do not edit. Validates {VALIDATES[kind]}.",
        "title": title,
        **body,
        "description": description,
    }


# -- program.yaml ------------------------------------------------------------------------


def source() -> Schema:
    schema = mapping(
        "A study the program is built on. Give a doi, a url, or both, so readers can find it.",
        {
            "id": identifier(
                "How weeks cite this source, usually author-year. Never rename it once weeks use it.", "storen-2008"
            ),
            "authors": text("The authors, as the journal lists them.", "Støren Ø, Helgerud J, Støa EM, Hoff J"),
            "year": whole("The year of publication.", limits.YEAR),
            "title": text(
                "The title of the study. Put it in double quotes if it contains ': '.",
                "Maximal strength training improves running economy in distance runners",
            ),
            "journal": text("Journal, volume(issue) and pages.", "Med Sci Sports Exerc 40(6):1087–1092"),
            "doi": text("The DOI, without https://doi.org/ in front.", "10.1249/MSS.0b013e318168da2f"),
            "url": url("Where to read it, if not (only) by DOI.", "https://pmc.ncbi.nlm.nih.gov/articles/PMC4783109"),
            "note": text(
                "One plain sentence on what the study shows.",
                "Eight weeks of heavy half squats improved running economy by 5%.",
            ),
        },
        optional=("doi", "url", "note"),
        shown=("doi",),
    )
    schema["anyOf"] = [{"required": ["doi"]}, {"required": ["url"]}]
    return schema


def program_schema() -> Schema:
    body = mapping(
        "The program overview.",
        {
            "title": text("The site's name.", "Runners Lift Heavy", max_length=limits.PROGRAM_TITLE),
            "tagline": text(
                "One line under the title on the overview.",
                "A four-week heavy strength block for runners",
                max_length=limits.TAGLINE,
            ),
            "description": text(
                "What search engines and link previews show.",
                "A free four-week heavy-lifting block for runners: two gym sessions a week.",
                max_length=limits.DESCRIPTION,
            ),
            "sessions_per_week": whole("How many gym sessions a week the program asks for.", limits.SESSIONS_PER_WEEK),
            "equipment": texts(
                "What a gym needs for the program, shown on the overview.",
                "A barbell, plates and a squat rack with safety arms",
                limits.PROGRAM_EQUIPMENT,
                markdown=False,
            ),
            "sources": listing("The studies the program is built on.", source(), limits.SOURCES),
            "inspiration": mapping(
                "The original article this program credits.",
                {
                    "title": text("The article's title.", "Runners need to lift heavy"),
                    "publisher": text("Who published it.", "Furthermore (Equinox) × ASICS"),
                    "year": whole("The year it was published.", limits.YEAR),
                    "url": url("Where to read it.", "https://example.org/runners-need-to-lift-heavy"),
                },
            ),
            "progression": mapping(
                "The one progression rule: after a session, the last set of each loaded exercise, judged "
                "against its card, says whether the next load goes up a step, stays, or comes down. "
                "The pages state it and the log applies it.",
                {
                    "add_step_at_rir_margin": whole(
                        "Add a step when every rep was done and the last set ended with at least this many "
                        "more reps in reserve than the card asks.",
                        limits.RIR_MARGIN,
                    ),
                    "drop_step_at_rir_margin": whole(
                        "Drop a step when reps were missed, or the last set ended with at least this many "
                        "fewer reps in reserve than the card asks.",
                        limits.RIR_MARGIN,
                    ),
                    "step_percent": whole("One load step, as a percentage of the load.", limits.STEP_PERCENT),
                },
            ),
        },
    )
    return document("program", "Runners Lift Heavy: program.yaml", "The program overview (data/program.yaml).", body)


# -- exercises.yaml ----------------------------------------------------------------------


def exercise() -> Schema:
    return mapping(
        "One exercise of the library. Weeks refer to it by its id.",
        {
            "id": identifier(
                "Part of the page address (/exercises/#goblet-squat) and how weeks refer to it. "
                "Never rename an existing id.",
                "goblet-squat",
            ),
            "name": text("The name shown on the page.", "Goblet squat", max_length=limits.TITLE),
            "pattern": choice("The movement pattern.", vocabulary.PATTERNS, "squat"),
            "implement": choice("How the exercise is loaded.", vocabulary.IMPLEMENTS, "kettlebell"),
            "equipment": listing(
                "Everything needed to do it.",
                choice("One piece of equipment.", vocabulary.EQUIPMENT, "kettlebell"),
                limits.ANY,
            ),
            "muscles": listing(
                "The main muscles it works.", choice("One muscle group.", vocabulary.MUSCLES, "glutes"), limits.ANY
            ),
            "cues": texts(
                "Short 'do this' sentences, the two most important first: a week shows those two "
                "when it gives no cues of its own.",
                "Sit down between your heels until your thighs are about level with the floor.",
                markdown=True,
            ),
            "faults": texts("Common mistakes, one short sentence each.", "Heels lift as you sit.", markdown=True),
            "regression": text(
                "One sentence: the easier option.",
                "Squat to a bench or box at knee height with the same bell.",
                markdown=True,
            ),
            "progression": text(
                "One sentence: the harder option.",
                "Double-kettlebell front-rack squat, with a bell in each hand.",
                markdown=True,
            ),
            "substitution": text(
                "One sentence: what to do when the equipment is taken.",
                "Hold a dumbbell upright at your chest by one end.",
                markdown=True,
            ),
            "former_ids": listing(
                "Ids this exercise had before it was renamed, so old links (/exercises/#old-id) keep working.",
                identifier("One old id.", "goblet-squat-kb"),
                limits.FORMER_IDS,
            ),
            "figure": figure(),
        },
        optional=("former_ids", "figure"),
    )


def limbs(view: str, *, arms: bool) -> Schema:
    table = anatomy.VIEWS[view]
    joints = vocabulary.JOINTS if arms else ("hip", "knee", "ankle")
    return mapping(
        f"One side's joint angles in whole degrees ({view} view)."
        + ("" if arms else " The hold fixes the hands, so the arms follow the grip: no shoulder or elbow."),
        {
            joint: whole(table[joint].means[0].upper() + table[joint].means[1:] + ".", table[joint].range)
            for joint in joints
        },
    )


def figure_position(view: str, *, arms: bool) -> Schema:
    return mapping(
        "One key position of the move.",
        {
            "label": text("A word or two shown under the still picture.", "Bottom", max_length=limits.FIGURE_LABEL),
            "says": text(
                "The position in one line; the figure's text alternative is made of these.",
                "Sit down between the heels until the thighs are level.",
                max_length=limits.FIGURE_SAYS,
            ),
            "rests": {
                "description": (
                    "What each resting body part is on, like near-foot: floor. The first one anchors the "
                    "drawing; each must touch its support (within 3 cm), which `make check` measures."
                ),
                "type": "object",
                "minProperties": 1,
                "propertyNames": {"enum": list(vocabulary.BODY_PARTS)},
                "additionalProperties": {"enum": list(vocabulary.SUPPORTS)},
                "examples": [{"near-foot": "floor", "far-foot": "floor"}],
            },
            "trunk": whole(anatomy.TRUNK.means[0].upper() + anatomy.TRUNK.means[1:] + ".", anatomy.TRUNK.range),
            "neck": whole(anatomy.NECK.means[0].upper() + anatomy.NECK.means[1:] + ".", anatomy.NECK.range),
            "near": limbs(view, arms=arms),
            "far": limbs(view, arms=arms),
        },
    )


def figure() -> Schema:
    """A figure's positions depend on its view (ranges) and hold (arm angles or none), so
    the schema spells out each combination and picks one with if/then."""
    variants = []
    for view in vocabulary.FIGURE_VIEWS:
        for arms in (True, False):
            holds = [hold for hold in vocabulary.HOLDS if (hold not in vocabulary.HOLDS_FIXING_HANDS) == arms]
            positions = listing(
                "Two or three key positions, in order (the drawing loops through them).",
                figure_position(view, arms=arms),
                limits.FIGURE_POSITIONS,
            )
            variants.append(
                {
                    "if": {"properties": {"view": {"const": view}, "hold": {"enum": holds}}},
                    "then": {"properties": {"positions": positions}},
                }
            )
    schema = mapping(
        "The exercise drawn as a figure, from its key positions (see data/README.md).",
        {
            "view": choice(
                "Seen from the side, or from the front for moves to the side.", vocabulary.FIGURE_VIEWS, "side"
            ),
            "implement": choice(
                "What is drawn in the hands or on the body.", vocabulary.FIGURE_IMPLEMENTS, "kettlebell"
            ),
            "hold": choice("Where the implement is held.", vocabulary.HOLDS, "chest"),
            "positions": {
                "description": "Two or three key positions, in order (the drawing loops through them).",
                "type": "array",
                "minItems": limits.FIGURE_POSITIONS.low,
                "maxItems": limits.FIGURE_POSITIONS.high,
                "examples": [[figure_position("side", arms=False)["examples"][0]] * 2],
            },
        },
    )
    schema["allOf"] = variants
    return schema


def exercises_schema() -> Schema:
    body = mapping(
        "The exercise library: every exercise any week uses.",
        {"exercises": listing("The exercises, one entry each.", exercise(), limits.LIBRARY)},
    )
    return document(
        "exercises", "Runners Lift Heavy: exercises.yaml", "The exercise library (data/exercises.yaml).", body
    )


# -- weeks/week-N.yaml -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExerciseIds:
    """The library's ids as the week schema lists them: the ids a week may name, and the
    former ids with what each is called now (a week still using one is told the new id)."""

    current: tuple[str, ...]
    renamed: tuple[tuple[str, str], ...] = ()  # (former id, current id)

    @classmethod
    def of(cls, exercises: Iterable[Exercise]) -> ExerciseIds:
        library = tuple(exercises)
        renamed = tuple((former, exercise.id) for exercise in library for former in exercise.former_ids)
        return cls(tuple(exercise.id for exercise in library), renamed)


def exercise_id(ids: ExerciseIds) -> Schema:
    description = (
        "The id of an exercise in exercises.yaml. The list of ids is generated from that file by "
        "`make schemas`; when you add an exercise, the check on your pull request says which lines to add."
    )
    if ids.renamed:
        description += " Renamed: " + "; ".join(f"{old} is now {new}" for old, new in ids.renamed) + "."
    return {"description": description, "enum": list(ids.current), "examples": [ids.current[0]]}


def load() -> Schema:
    return mapping(
        "How heavy: an effort (reps in reserve), and a percentage of a one-rep max where it applies.",
        {
            "percent_1rm": whole(
                "Percent of a one-rep max. Leave it out for bodyweight moves, holds and carries.", limits.PERCENT_1RM
            ),
            "rir": whole(
                "For sets of reps: reps in reserve, the reps left in the tank at the end of the set "
                "(the page also shows RPE = 10 - rir). With percent_1rm it must agree with the effort chart.",
                limits.RIR,
            ),
            "reserve_s": whole(
                "For holds and carries (time_s or distance_m) instead of rir: the seconds you could still "
                "go on when you stop.",
                limits.RESERVE_S,
            ),
            "note": text(
                "How to pick the load without a known max.",
                "A bell you could squat about 11 times.",
                max_length=limits.LOAD_NOTE,
            ),
        },
        optional=("percent_1rm", "rir", "reserve_s", "note"),
        shown=("percent_1rm", "rir", "note"),
    )


def entry(ids: ExerciseIds) -> Schema:
    schema = mapping(
        "One exercise in a block: what to do, how many sets, how heavy and how long to rest. "
        "Give exactly one of reps, time_s or distance_m.",
        {
            "exercise": exercise_id(ids),
            "sets": whole(
                "How many sets. In a dual- or tri-set every exercise has the same number of sets.", limits.SETS
            ),
            "reps": {
                "description": 'Reps per set: a whole number like 8, or a range in quotes like "6-8".',
                "oneOf": [
                    whole("A fixed number of reps.", limits.REPS),
                    {
                        "description": "A range of reps, low to high, in quotes.",
                        "type": "string",
                        "pattern": _REP_RANGE,
                        "examples": ["6-8"],
                    },
                ],
                "examples": [8, "6-8"],
            },
            "time_s": whole("Seconds per set, for holds.", limits.TIME_S),
            "distance_m": whole("Metres per set, for carries and walking lunges.", limits.DISTANCE_M),
            "per_side": {
                "description": "true when the dose is per leg, arm or side. Leave it out otherwise.",
                "type": "boolean",
                "examples": [True],
            },
            "load": load(),
            "rest_s": whole(
                "Rest after this exercise, in seconds. In a dual- or tri-set it is the rest before the next "
                "exercise of the round.",
                limits.REST_S,
            ),
            "tempo": {
                "description": "Seconds lowering - pause - lifting - pause; digits, or X for explosive. "
                "Put it in quotes. Use it only where it matters.",
                "type": "string",
                "pattern": _TEMPO,
                "examples": ["3-1-1-0"],
            },
            "cues": texts(
                "Cues for this week; without them the page shows the exercise's first two library cues.",
                "Count three seconds on the way down.",
                limits.PRESCRIPTION_CUES,
                markdown=True,
            ),
            "note": text("A short note for this week.", "Band-assisted this week.", markdown=True),
            "former_ids": listing(
                "Exercises this card replaced in this session, so their old card addresses "
                "(/week-4/#a-old-id) land on this card. Never remove an entry.",
                identifier("The id of the exercise this card replaced.", "barbell-walking-lunge"),
                limits.FORMER_IDS,
            ),
            "ramp": listing(
                "Warm-up sets before the work sets, lightest first, each '% of 1RM × reps' (or 'bar × reps' "
                "first, the empty barbell), all below the card's percent_1rm. The card shows them in weights "
                "and plates from the runner's 1RM.",
                _patterned("One warm-up set: '40% × 5', or 'bar × 8'.", _WARM_UP_SET, "40% × 5"),
                limits.RAMP,
            ),
            "estimate_from": mapping(
                "For a %1RM card of a new variation: until the runner has logged this lift, its 1RM is a "
                "share of the one estimated from their sets of another lift, as a study measured it. The "
                "card says it is an estimate and cites the study.",
                {
                    "exercise": exercise_id(ids),
                    "percent": whole(
                        "This lift's 1RM as a percentage of the other lift's: 80 means 80% of it.",
                        limits.ESTIMATE_PERCENT,
                    ),
                    "source": identifier(
                        "The study the percentage comes from: an id in program.yaml's sources.", "storen-2008"
                    ),
                },
            ),
        },
        optional=(
            "reps",
            "time_s",
            "distance_m",
            "per_side",
            "tempo",
            "cues",
            "note",
            "former_ids",
            "ramp",
            "estimate_from",
        ),
        shown=("reps", "tempo"),
    )
    schema["oneOf"] = [{"required": ["reps"]}, {"required": ["time_s"]}, {"required": ["distance_m"]}]
    return schema


def session(ids: ExerciseIds) -> Schema:
    block = mapping(
        "Exercises done together: one (straight sets), two (a dual-set, 2A/2B) or three (a tri-set).",
        {"exercises": listing("The block's exercises, in order.", entry(ids), limits.BLOCK_EXERCISES)},
    )
    return mapping(
        "One gym session of the week.",
        {
            "id": identifier("The session's letter; the page anchor is #session-a.", "a"),
            "title": text("What the session works.", "Squat, split stance and calves", max_length=limits.TITLE),
            "blocks": listing("The session's blocks, in order.", block, limits.BLOCKS),
        },
    )


def week_schema(ids: ExerciseIds) -> Schema:
    warm_up_example = "Glute bridge: 2 × 10"
    body = mapping(
        "One week of the program: its warm-up, sessions and high-mileage version.",
        {
            "week": whole(
                "The week's number; the file is named for it (week-2.yaml) and the page is /week-2/.", limits.WEEK
            ),
            "title": text("A short title.", "Foundation", max_length=limits.TITLE),
            "release": {
                "description": "The day the week goes live, as YYYY-MM-DD without quotes.",
                "type": "string",
                "format": "date",
                "pattern": _DATE,
                "examples": ["2027-01-04"],
            },
            "summary": text(
                "One line: the week's goal.",
                "Learn clean, stable versions of the big lifts with long rests.",
                max_length=limits.SUMMARY,
            ),
            "focus": text(
                "A short paragraph on what the week is about and why.",
                "Own the positions before you load them.",
                max_length=limits.FOCUS,
                markdown=True,
            ),
            "changes": texts(
                "What changed since last week, and why (in week 1: what to expect).",
                "Loads go up to about 80% of your best.",
                markdown=True,
            ),
            "sources": listing(
                "Sources this week cites, by their id in program.yaml.",
                identifier("The id of a source in program.yaml.", "storen-2008"),
                limits.ANY,
            ),
            "warm_up": mapping(
                "A RAMP warm-up: raise, activate, mobilise, potentiate.",
                {
                    "raise": texts(
                        "Raise the heart rate and body temperature.", "5 minutes of easy rowing", markdown=True
                    ),
                    "activate": texts("Wake up the muscles the session uses.", warm_up_example, markdown=True),
                    "mobilise": texts(
                        "Move through the ranges the session needs.", "Leg swings: 10 each way", markdown=True
                    ),
                    "potentiate": texts(
                        "Ramp-up sets of the first lift, with percentages.",
                        "Goblet squat: 8 reps at ~40%, 5 at ~55%, 3 at ~65%",
                        markdown=True,
                    ),
                },
            ),
            "sessions": listing("The week's gym sessions, usually a and b.", session(ids), limits.SESSIONS),
            "high_mileage": mapping(
                "The short, light version to do before an easy run when mileage peaks.",
                {
                    "note": text(
                        "When and how to use the short version.",
                        "Swap sessions A and B for this once a week, before an easy run.",
                        max_length=limits.HIGH_MILEAGE_NOTE,
                        markdown=True,
                    ),
                    "exercises": listing(
                        "A plain list of exercises (no blocks).",
                        entry(ids),
                        limits.HIGH_MILEAGE_EXERCISES,
                    ),
                },
            ),
        },
        optional=("sources",),
    )
    return document(
        "week", "Runners Lift Heavy: week-N.yaml", "One week of the program (data/weeks/week-N.yaml).", body
    )


# -- redirects.yaml ----------------------------------------------------------------------


def redirects_schema() -> Schema:
    address = {
        "description": "The old address, after the site's address: starts with /, ends with / or .html.",
        "type": "string",
        "pattern": f"^{limits.OLD_ADDRESS.pattern}$",
        "examples": ["/weeks/2/"],
    }
    page = {
        "description": "The page it moved to, like /week-2/ or /exercises/#goblet-squat.",
        "type": "string",
        "pattern": f"^{limits.NEW_ADDRESS.pattern}$",
        "examples": ["/week-2/"],
    }
    redirect = mapping("One old address and where it now leads.", {"from": address, "to": page})
    body = mapping(
        "Old addresses that keep working after a page moved.",
        {"redirects": listing("The redirects; an empty list [] when there are none.", redirect, limits.REDIRECTS)},
    )
    return document(
        "redirects", "Runners Lift Heavy: redirects.yaml", "Old addresses that still work (data/redirects.yaml).", body
    )


# -- the log file (Your log's JSON export) ------------------------------------------------
# The same bounds as readEntry in browser/js/logstore.js and readPlan in block.js, which check
# an imported file in the browser; tests/fixtures/log/ holds files that both the schema (pytest)
# and parseImport (node --test) must accept or refuse alike, so the two cannot drift. One
# leniency: the browser ignores unknown keys in a set, the schema (what we write) refuses them.
LOG_FORMAT = "runners-lift-heavy-log"
LOG_VERSION = 1
_LOG_ID = r"^[a-z0-9][a-z0-9-]{0,79}$"
_DAY = r"^\d{4}-\d{2}-\d{2}$"


def _bounded(description: str, low: float, high: float | None, example: object, *, kind: str = "integer") -> Schema:
    """A number from `low` to `high` (no upper bound when None), or null (not recorded)."""
    schema: Schema = {"description": description, "type": [kind, "null"], "minimum": low, "examples": [example]}
    if high is not None:
        schema["maximum"] = high
    return schema


def _day(description: str, example: str) -> Schema:
    return {
        "description": description + " YYYY-MM-DD.",
        "type": "string",
        "format": "date",
        "pattern": _DAY,
        "examples": [example],
    }


def logged_set() -> Schema:
    target = mapping(
        "The card's prescription the set was done against, which the progression rule judges it by.",
        {
            "low": whole("The fewest reps (or seconds) the card asks for.", limits.Whole(0, 1000, 6)),
            "high": whole("The most reps (or seconds) the card asks for.", limits.Whole(0, 1000, 8)),
            "rir": whole("The reps in reserve the card asks for.", limits.Whole(0, 1000, 2)),
            "sets": whole("How many sets the card asks for.", limits.Whole(0, 1000, 3)),
        },
    )
    target["type"] = ["object", "null"]
    return mapping(
        "One logged set. Every key is always present; null where it does not apply.",
        {
            "id": _patterned("A random id, unique in the log.", r"^[A-Za-z0-9_-]{1,40}$", "3f9a0c1b2d4e"),
            "exercise": _patterned(
                "The id of the exercise actually done (exercises.yaml); history follows it, never the card.",
                _LOG_ID,
                "goblet-squat",
            ),
            "card": {
                "description": "The tick key of the card it was logged on (data-lh-key), or empty.",
                "type": "string",
                "maxLength": 40,
                "examples": ["w2-a-goblet-squat-1a2b"],
            },
            "week": _bounded("The week it belongs to.", 0, 99, 2),
            "session": {
                "description": "The session's letter, or null.",
                "type": ["string", "null"],
                "pattern": _LOG_ID,
                "examples": ["a"],
            },
            "set": whole("Which set of the exercise that day.", limits.Whole(1, 99, 1)),
            "date": _day("The runner's local day it was done.", "2026-12-01"),
            "kg": _bounded(
                "The weight in kg; for a bodyweight move the weight added. null: none.", 0, 1000, 24, kind="number"
            ),
            "reps": _bounded("Reps done.", 0, 1000, 8),
            "seconds": _bounded("Seconds held, for holds.", 0, 36000, None),
            "rir": _bounded("Reps in reserve felt at the end of the set (RPE = 10 - rir).", 0, 30, 2),
            "substitute": {
                "description": "true when it was done as the library's substitution.",
                "type": "boolean",
                "examples": [False],
            },
            "target": target,
            "at": {
                "description": "When it was last changed, in ms since 1970 (merging keeps the newer).",
                "type": "number",
                "minimum": 0,
                "examples": [1764590400000],
            },
        },
    )


def block_plan() -> Schema:
    weekday = limits.Whole(0, 6, 1)
    lift_days = listing("The two weekdays to lift (0 = Monday).", whole("A weekday.", weekday), limits.Count(2, 2))
    lift_days["examples"] = [[0, 3]]
    plan = mapping(
        "Your block's plan (browser/js/block.js), or null when none was made.",
        {
            "version": {"description": "The plan's format version.", "const": 1, "examples": [1]},
            "id": _patterned("The plan's random id.", r"^[a-z0-9]{8,40}$", "k3j9x0a1b2c3d4e5"),
            "start": _day("The block's first day.", "2027-01-04"),
            "liftDays": lift_days,
            "longRun": _bounded("The long run's weekday, or null.", 0, 6, 6),
            "keyDays": listing("Weekdays of key runs.", whole("A weekday.", weekday), limits.Count(0, 7)),
            "mode": choice("Full sessions, or the short before-run ones.", ("full", "short"), "full"),
            "moves": listing(
                "Sessions moved to another day.",
                mapping(
                    "From this session (its index in the block) on, not before this day.",
                    {
                        "from": whole("The session's index.", limits.Whole(0, 63, 2)),
                        "date": _day("The new day.", "2027-01-08"),
                    },
                ),
                limits.Count(0, 64),
            ),
            "revision": whole("Bumped on every change.", limits.Whole(0, 2**53 - 1, 0)),
        },
    )
    plan["type"] = ["object", "null"]
    return plan


def log_schema() -> Schema:
    body = mapping(
        "Everything Your log holds, as exported: every set, and the block plan.",
        {
            "format": {"description": "What the file is.", "const": LOG_FORMAT, "examples": [LOG_FORMAT]},
            "version": {"description": "The format's version.", "const": LOG_VERSION, "examples": [LOG_VERSION]},
            "exported": {
                "description": "When it was exported (ISO 8601, UTC).",
                "type": "string",
                "format": "date-time",
                "examples": ["2026-12-04T10:00:00.000Z"],
            },
            "sets": {
                "description": "Every logged set (a file is at most 2 MB).",
                "type": "array",
                "items": logged_set(),
                "examples": [[logged_set()["examples"][0]]],
            },
            "plan": block_plan(),
        },
    )
    return document("log", "Runners Lift Heavy: log file", "A log file exported by Your log.", body)


KINDS = ("program", "exercises", "week", "redirects", "log")


def build(kind: str, ids: ExerciseIds) -> Schema:
    """The schema for one kind of file; `ids` are the exercise library's (only weeks use them)."""
    if kind == "week":
        return week_schema(ids)
    return {"program": program_schema, "exercises": exercises_schema, "redirects": redirects_schema, "log": log_schema}[
        kind
    ]()


def library_ids(root: Path) -> ExerciseIds:
    """The exercise ids of the data under `root` (raises DataError when the data is invalid)."""
    return ExerciseIds.of(load_program(root).exercises)


def render(kind: str, ids: ExerciseIds) -> str:
    """The schema for one kind of file, as the JSON text committed in schemas/."""
    return json.dumps(build(kind, ids), indent=2, ensure_ascii=False) + "\n"


def stale(root: Path, ids: ExerciseIds) -> list[Problem]:
    """How the committed schemas under `root` differ from what `make schemas` would write, as
    problems that say exactly which lines to add, remove or replace, in file order, so a
    pull request made in a web editor can be fixed there without running anything."""
    problems = []
    for kind in KINDS:
        name = f"schemas/{kind}.schema.json"
        path = root / name
        wanted = render(kind, ids).splitlines()
        if not path.is_file():
            problems.append(Problem(name, 1, 1, "", "missing: create it with `make schemas`"))
            continue
        have = path.read_text(encoding="utf-8").splitlines()
        matcher = difflib.SequenceMatcher(a=have, b=wanted, autojunk=False)
        for operation, first, last, new_first, new_last in matcher.get_opcodes():
            if operation == "equal":
                continue
            new = "\n".join(wanted[new_first:new_last])
            old = f"lines {first + 1}-{last}" if last - first > 1 else f"line {first + 1}"
            if operation == "insert":
                message = f"out of date with data/: after line {first}, add:\n{new}"
            elif operation == "delete":
                message = f"out of date with data/: remove {old}"
            else:
                message = f"out of date with data/: replace {old} with:\n{new}"
            problems.append(Problem(name, first + 1, 1, "", message))
    return problems


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else Path("schemas")
    try:
        ids = library_ids(Path.cwd())
    except DataError as error:
        print(error, file=sys.stderr)
        print("the week schema lists the exercise ids: fix data/ first", file=sys.stderr)
        return 1
    folder.mkdir(parents=True, exist_ok=True)
    for kind in KINDS:
        (folder / f"{kind}.schema.json").write_text(render(kind, ids), encoding="utf-8")
    print(f"wrote {', '.join(f'{kind}.schema.json' for kind in KINDS)} to {folder}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
