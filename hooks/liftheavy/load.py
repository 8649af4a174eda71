"""`data/` → `Program`: the one loader for the program data.

Data flow: each YAML file is composed into a node tree (`yamlnodes.compose`), then read
into frozen dataclasses (`model.py`) by the `_read_*` functions below, which check every
value where it stands. Cross-file checks (exercise ids, source ids, week numbers) run once
all files are read. Every problem from every file is collected; if there is any, one
`DataError` lists them all and nothing is returned.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from yaml.nodes import Node

from liftheavy.errors import DataError, Problem
from liftheavy.model import (
    BLOCK_KINDS,
    EQUIPMENT,
    IMPLEMENTS,
    MUSCLES,
    PATTERNS,
    Block,
    Exercise,
    HighMileage,
    Inspiration,
    Load,
    Prescription,
    Program,
    RepRange,
    Session,
    Source,
    WarmUp,
    Week,
)
from liftheavy.yamlnodes import Reader, compose, did_you_mean

PROGRAM_FILE = "data/program.yaml"
EXERCISES_FILE = "data/exercises.yaml"
WEEKS_DIR = "data/weeks"
_WEEK_FILE = re.compile(r"week-(\d+)\.yaml")
_REPS = re.compile(r"(\d{1,3})\s*-\s*(\d{1,3})")
_TEMPO = re.compile(r"[0-9X]-[0-9X]-[0-9X]-[0-9X]")


def load_program(root: Path) -> Program:
    """Read and validate everything under `root/data`, or raise `DataError`."""
    problems: list[Problem] = []
    program_node, program_reader = _compose_file(root, PROGRAM_FILE, problems)
    exercises_node, exercises_reader = _compose_file(root, EXERCISES_FILE, problems)
    header, sources = _read_program(program_reader, program_node) if program_node else (None, None)
    library = _read_library(exercises_reader, exercises_node) if exercises_node else None
    weeks = []
    for path in _week_files(root, problems):
        node, reader = _compose_file(root, path, problems)
        if node is not None:
            weeks.append(_read_week(reader, node, library, sources))
            problems.extend(reader.problems)
    problems.extend(program_reader.problems + exercises_reader.problems)
    if not weeks and not problems:
        problems.append(Problem(WEEKS_DIR, 1, 1, "", "no week files; add data/weeks/week-1.yaml"))
    problems.extend(_check_week_numbers(root, weeks))
    if problems or header is None or library is None or any(w is None for w, _ in weeks):
        raise DataError(problems or [Problem(WEEKS_DIR, 1, 1, "", "the program could not be read")])
    ordered = tuple(sorted((w for w, _ in weeks), key=lambda week: week.number))
    return Program(**header, exercises=tuple(library.values()), weeks=ordered)


def _compose_file(root: Path, path: str, problems: list[Problem]) -> tuple[Node | None, Reader]:
    reader = Reader(path)
    try:
        raw = (root / path).read_bytes()
    except FileNotFoundError:
        problems.append(Problem(path, 1, 1, "", "file is missing; see data/README.md"))
        return None, reader
    node, found = compose(path, raw)
    problems.extend(found)
    return (None if found else node), reader


def _week_files(root: Path, problems: list[Problem]) -> list[str]:
    """Week files in a stable order; anything else in data/weeks/ is a mistake to report."""
    folder = root / WEEKS_DIR
    paths = sorted(folder.iterdir()) if folder.is_dir() else []
    found = []
    for path in paths:
        relative = f"{WEEKS_DIR}/{path.name}"
        if _WEEK_FILE.fullmatch(path.name):
            found.append(relative)
        else:
            problems.append(
                Problem(relative, 1, 1, "", "week files must be named week-<number>.yaml, like week-5.yaml")
            )
    return found


def _check_week_numbers(root: Path, weeks: list) -> list[Problem]:
    problems = []
    seen: dict[int, str] = {}
    for week, node in weeks:
        if week is None:
            continue
        if week.number in seen:
            problems.append(_at(week.path, node, "week", f"week {week.number} is also defined in {seen[week.number]}"))
        seen.setdefault(week.number, week.path)
        named = int(_WEEK_FILE.fullmatch(Path(week.path).name).group(1))
        if named != week.number:
            message = (
                f"this file is named for week {named} but says week: {week.number}; rename the file or fix the number"
            )
            problems.append(_at(week.path, node, "week", message))
    return problems


def _at(path: str, node: Node, where: str, message: str) -> Problem:
    return Problem(path, node.start_mark.line + 1, node.start_mark.column + 1, where, message)


# -- program.yaml ------------------------------------------------------------------------


def _read_program(r: Reader, node: Node) -> tuple[dict | None, dict[str, Source] | None]:
    """The program header, and the sources by id (None when any source is unreadable)."""
    before = len(r.problems)
    keys = r.mapping(
        node, "", ("title", "tagline", "description", "sessions_per_week", "equipment", "sources", "inspiration")
    )
    if keys is None:
        return None, None
    read = _Fields(keys)
    values = {
        "title": read("title", lambda n: r.text(n, "title", max_length=80)),
        "tagline": read("tagline", lambda n: r.text(n, "tagline", max_length=120)),
        "description": read("description", lambda n: r.text(n, "description", max_length=200)),
        "sessions_per_week": read("sessions_per_week", lambda n: r.integer(n, "sessions_per_week", 1, 7, 2)),
        "equipment": read("equipment", lambda n: r.texts(n, "equipment", max_items=20)),
        "sources": (),
        "inspiration": read("inspiration", lambda n: _read_inspiration(r, n)),
    }
    sources = read("sources", lambda n: _read_sources(r, n))
    values["sources"] = tuple(sources.values()) if sources else ()
    return (None if len(r.problems) > before else values), sources


def _read_sources(r: Reader, node: Node) -> dict[str, Source] | None:
    before = len(r.problems)
    sources: dict[str, Source] = {}
    for index, item in enumerate(r.sequence(node, "sources", max_items=200)):
        source = _read_source(r, item, f"sources[{index}]")
        if source is not None and source.id in sources:
            r.error(item, f"sources[{index}].id", f"duplicate source id '{source.id}'")
        elif source is not None:
            sources[source.id] = source
    return None if len(r.problems) > before else sources


def _read_source(r: Reader, node: Node, at: str) -> Source | None:
    before = len(r.problems)
    keys = r.mapping(node, at, ("id", "authors", "year", "title", "journal"), ("doi", "url", "note"))
    if keys is None:
        return None
    if "doi" not in keys and "url" not in keys:
        r.error(node, at, "give a doi or a url so readers can find the source")
    read = _Fields(keys)
    fields = {
        "id": read("id", lambda n: r.identifier(n, f"{at}.id")),
        "authors": read("authors", lambda n: r.text(n, f"{at}.authors")),
        "year": read("year", lambda n: r.integer(n, f"{at}.year", 1900, 2100, 2008)),
        "title": read("title", lambda n: r.text(n, f"{at}.title")),
        "journal": read("journal", lambda n: r.text(n, f"{at}.journal")),
        "doi": read("doi", lambda n: r.text(n, f"{at}.doi")),
        "url": read("url", lambda n: r.url(n, f"{at}.url")),
        "note": read("note", lambda n: r.text(n, f"{at}.note")),
    }
    return None if len(r.problems) > before else Source(**fields)


def _read_inspiration(r: Reader, node: Node) -> Inspiration | None:
    before = len(r.problems)
    keys = r.mapping(node, "inspiration", ("title", "publisher", "year", "url"))
    if keys is None:
        return None
    read = _Fields(keys)
    fields = {
        "title": read("title", lambda n: r.text(n, "inspiration.title")),
        "publisher": read("publisher", lambda n: r.text(n, "inspiration.publisher")),
        "year": read("year", lambda n: r.integer(n, "inspiration.year", 1900, 2100, 2019)),
        "url": read("url", lambda n: r.url(n, "inspiration.url")),
    }
    return None if len(r.problems) > before else Inspiration(**fields)


# -- exercises.yaml ----------------------------------------------------------------------


def _read_library(r: Reader, node: Node) -> dict[str, Exercise] | None:
    keys = r.mapping(node, "", ("exercises",))
    if keys is None or "exercises" not in keys:
        return None
    library: dict[str, Exercise] = {}
    items = r.sequence(keys["exercises"], "exercises", max_items=500)
    for index, item in enumerate(items):
        exercise = _read_exercise(r, item, f"exercises[{index}]")
        if exercise is None:
            continue
        if exercise.id in library:
            r.error(item, f"exercises[{index}].id", f"duplicate exercise id '{exercise.id}'")
        library[exercise.id] = exercise
    return library if len(library) == len(items) else None


def _read_exercise(r: Reader, node: Node, at: str) -> Exercise | None:
    before = len(r.problems)
    texts = ("regression", "progression", "substitution")
    keys = r.mapping(node, at, ("id", "name", "pattern", "implement", "equipment", "muscles", "cues", "faults", *texts))
    if keys is None:
        return None
    read = _Fields(keys)
    fields = {
        "id": read("id", lambda n: r.identifier(n, f"{at}.id")),
        "name": read("name", lambda n: r.text(n, f"{at}.name", max_length=60)),
        "pattern": read("pattern", lambda n: r.choice(n, f"{at}.pattern", PATTERNS)),
        "implement": read("implement", lambda n: r.choice(n, f"{at}.implement", IMPLEMENTS)),
        "equipment": read("equipment", lambda n: r.each(n, f"{at}.equipment", lambda i, w: r.choice(i, w, EQUIPMENT))),
        "muscles": read("muscles", lambda n: r.each(n, f"{at}.muscles", lambda i, w: r.choice(i, w, MUSCLES))),
        "cues": read("cues", lambda n: r.texts(n, f"{at}.cues", markdown=True)),
        "faults": read("faults", lambda n: r.texts(n, f"{at}.faults", markdown=True)),
        **{key: read(key, lambda n, key=key: r.text(n, f"{at}.{key}", markdown=True)) for key in texts},
    }
    return None if len(r.problems) > before else Exercise(**fields)


# -- weeks/week-N.yaml -------------------------------------------------------------------

_WEEK_REQUIRED = ("week", "title", "release", "summary", "focus", "changes", "warm_up", "sessions", "high_mileage")


def _read_week(r: Reader, node: Node, library: dict | None, sources: dict | None) -> tuple[Week | None, Node]:
    keys = r.mapping(node, "", _WEEK_REQUIRED, ("sources",))
    if keys is None:
        return None, node
    read = _Fields(keys)
    fields = {
        "number": read("week", lambda n: r.integer(n, "week", 1, 104, 1)),
        "title": read("title", lambda n: r.text(n, "title", max_length=60)),
        "release": read("release", lambda n: r.date(n, "release")),
        "summary": read("summary", lambda n: r.text(n, "summary", max_length=160)),
        "focus": read("focus", lambda n: r.text(n, "focus", max_length=1200, markdown=True)),
        "changes": read("changes", lambda n: r.texts(n, "changes", markdown=True)),
        "warm_up": read("warm_up", lambda n: _read_warm_up(r, n)),
        "sessions": read("sessions", lambda n: _read_sessions(r, n, library)),
        "high_mileage": read("high_mileage", lambda n: _read_high_mileage(r, n, library)),
        "sources": read(
            "sources", lambda n: r.each(n, "sources", lambda i, at: _lookup(r, i, at, sources, "source")), ()
        ),
    }
    if r.problems:
        return None, keys.get("week", node)
    return Week(**fields, path=r.file), keys["week"]


class _Fields:
    """Reads the keys that are present; a missing key was already reported by `mapping`."""

    def __init__(self, keys: dict[str, Node]) -> None:
        self.keys = keys

    def __call__(self, key: str, read: Callable[[Node], object], default: object = None) -> object:
        return read(self.keys[key]) if key in self.keys else default


def _read_sessions(r: Reader, node: Node, library: dict | None) -> tuple[Session, ...]:
    sessions = r.each(node, "sessions", lambda n, at: _read_session(r, n, at, library), max_items=7)
    ids = [session.id for session in sessions]
    for index, session_id in enumerate(ids):
        if session_id in ids[:index]:
            r.error(node.value[index], f"sessions[{index}].id", f"duplicate session id '{session_id}'")
    return sessions


def _lookup(r: Reader, node: Node, at: str, known: dict | None, what: str):
    value = r.identifier(node, at)
    if value is None or known is None:
        return None
    if value not in known:
        r.error(node, at, f"unknown {what} '{value}'{did_you_mean(value, tuple(known))}")
        return None
    return known[value]


def _read_warm_up(r: Reader, node: Node) -> WarmUp | None:
    phases = ("raise", "activate", "mobilise", "potentiate")
    keys = r.mapping(node, "warm_up", phases)
    if keys is None:
        return None
    read = {phase: r.texts(keys[phase], f"warm_up.{phase}", markdown=True) for phase in phases if phase in keys}
    if len(read) < len(phases):
        return None
    return WarmUp(
        raise_=read["raise"], activate=read["activate"], mobilise=read["mobilise"], potentiate=read["potentiate"]
    )


def _read_session(r: Reader, node: Node, at: str, library: dict | None) -> Session | None:
    before = len(r.problems)
    keys = r.mapping(node, at, ("id", "title", "blocks"))
    if keys is None:
        return None
    read = _Fields(keys)
    session_id = read("id", lambda n: r.identifier(n, f"{at}.id"))
    title = read("title", lambda n: r.text(n, f"{at}.title", max_length=60))
    blocks = read("blocks", lambda n: _read_blocks(r, n, f"{at}.blocks", library), ())
    if len(r.problems) > before:
        return None
    _check_repeats(r, keys["blocks"], at, blocks)
    return Session(id=session_id, title=title, blocks=blocks)


def _read_blocks(r: Reader, node: Node, at: str, library: dict | None) -> tuple[Block, ...]:
    items = r.sequence(node, at, max_items=12)
    blocks = (_read_block(r, item, f"{at}[{index}]", index + 1, library) for index, item in enumerate(items))
    return tuple(block for block in blocks if block is not None)


def _check_repeats(r: Reader, node: Node, at: str, blocks: list[Block]) -> None:
    """An exercise appears once per session: its anchor on the page is session-exercise."""
    seen: set[str] = set()
    for block in blocks:
        for prescription in block.prescriptions:
            if prescription.exercise.id in seen:
                r.error(node, f"{at}.blocks", f"exercise '{prescription.exercise.id}' appears twice in this session")
            seen.add(prescription.exercise.id)


def _read_block(r: Reader, node: Node, at: str, number: int, library: dict | None) -> Block | None:
    before = len(r.problems)
    keys = r.mapping(node, at, ("exercises",))
    if keys is None or "exercises" not in keys:
        return None
    items = r.sequence(keys["exercises"], f"{at}.exercises", max_items=len(BLOCK_KINDS))
    read = [_read_prescription(r, item, f"{at}.exercises[{i}]", library) for i, item in enumerate(items)]
    if len(r.problems) > before or None in read:  # None without a problem here: the library is broken
        return None
    if len({p.sets for p in read}) > 1:
        kind = BLOCK_KINDS[len(read)]
        r.error(keys["exercises"], f"{at}.exercises", f"every exercise in a {kind} needs the same number of sets")
        return None
    return Block(number=number, prescriptions=tuple(read))


_DOSE = ("reps", "time_s", "distance_m")
_PRESCRIPTION_OPTIONAL = (*_DOSE, "per_side", "tempo", "cues", "note")


def _read_prescription(r: Reader, node: Node, at: str, library: dict | None) -> Prescription | None:
    before = len(r.problems)
    keys = r.mapping(node, at, ("exercise", "sets", "load", "rest_s"), _PRESCRIPTION_OPTIONAL)
    if keys is None:
        return None
    doses = [key for key in _DOSE if key in keys]
    if len(doses) != 1:
        given = " and ".join(doses) or "none of them"
        r.error(node, at, f"give exactly one of reps, time_s or distance_m (got {given})")
    read = _Fields(keys)
    fields = {
        "exercise": read("exercise", lambda n: _lookup(r, n, f"{at}.exercise", library, "exercise")),
        "sets": read("sets", lambda n: r.integer(n, f"{at}.sets", 1, 10, 3)),
        "load": read("load", lambda n: _read_load(r, n, f"{at}.load")),
        "rest_s": read("rest_s", lambda n: r.integer(n, f"{at}.rest_s", 0, 600, 120)),
        "reps": read("reps", lambda n: _read_reps(r, n, f"{at}.reps")),
        "time_s": read("time_s", lambda n: r.integer(n, f"{at}.time_s", 1, 600, 30)),
        "distance_m": read("distance_m", lambda n: r.integer(n, f"{at}.distance_m", 1, 400, 20)),
        "per_side": read("per_side", lambda n: r.boolean(n, f"{at}.per_side"), False),
        "tempo": read("tempo", lambda n: _read_tempo(r, n, f"{at}.tempo")),
        "cues": read("cues", lambda n: r.texts(n, f"{at}.cues", max_items=2, markdown=True), ()),
        "note": read("note", lambda n: r.text(n, f"{at}.note", markdown=True)),
    }
    if len(r.problems) > before or fields["exercise"] is None:
        return None
    return Prescription(**{**fields, "cues": fields["cues"] or fields["exercise"].cues[:2]})


def _read_reps(r: Reader, node: Node, at: str) -> RepRange | None:
    match = _REPS.fullmatch(str(node.value).strip()) if hasattr(node, "value") and isinstance(node.value, str) else None
    if match and node.tag.endswith(":str"):
        low, high = int(match.group(1)), int(match.group(2))
        if 1 <= low < high <= 100:
            return RepRange(low=low, high=high)
        r.error(node, at, f"a rep range goes from low to high, like 8-10, got {node.value!r}")
        return None
    if node.tag.endswith(":str") and not match:
        r.error(node, at, f"expected a whole number like 8 or a range like 8-10, got {node.value!r}")
        return None
    count = r.integer(node, at, 1, 100, 8)
    return None if count is None else RepRange(low=count, high=count)


def _read_tempo(r: Reader, node: Node, at: str) -> str | None:
    value = str(node.value).upper() if hasattr(node, "value") else ""
    if not _TEMPO.fullmatch(value):
        r.error(node, at, f"expected a tempo like 3-1-1-0 (lower, pause, lift, pause; X = fast), got {node.value!r}")
        return None
    return value


def _read_load(r: Reader, node: Node, at: str) -> Load | None:
    before = len(r.problems)
    keys = r.mapping(node, at, ("rir",), ("percent_1rm", "note"))
    if keys is None:
        return None
    read = _Fields(keys)
    rir = read("rir", lambda n: r.integer(n, f"{at}.rir", 0, 6, 2))
    percent = read("percent_1rm", lambda n: r.integer(n, f"{at}.percent_1rm", 1, 100, 75))
    note = read("note", lambda n: r.text(n, f"{at}.note", max_length=120))
    return None if len(r.problems) > before else Load(percent_1rm=percent, rir=rir, note=note)


def _read_high_mileage(r: Reader, node: Node, library: dict | None) -> HighMileage | None:
    before = len(r.problems)
    keys = r.mapping(node, "high_mileage", ("note", "exercises"))
    if keys is None:
        return None
    read = _Fields(keys)
    note = read("note", lambda n: r.text(n, "high_mileage.note", max_length=800, markdown=True))
    prescriptions = read(
        "exercises",
        lambda n: r.each(n, "high_mileage.exercises", lambda i, at: _read_prescription(r, i, at, library), max_items=6),
    )
    return None if len(r.problems) > before else HighMileage(note=note, prescriptions=prescriptions)
