"""`data/` → `Program`: the one loader for the program data.

Data flow: each YAML file is composed into a node tree (`yamlnodes.compose`), then read
into frozen dataclasses (`model.py`) by the `_read_*` functions below, which check every
value where it stands. Cross-file checks (exercise ids, source ids, week numbers) run once
all files are read. Every problem from every file is collected; if there is any, one
`DataError` lists them all and nothing is returned.

Each reader is handed a `Where` breadcrumb and names what it descends into in the data's
own terms: a week file is "week 2", a session "session A", an entry the exercise's name
from the library ("Goblet squat"), falling back to positions ("block 2 › exercise 1") when
the name is unknown, so a coach can read "week 2 › session A › Goblet squat › sets".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol, TypeVar, cast

from yaml.nodes import MappingNode, Node, SequenceNode

from liftheavy.data import anatomy, effort, limits
from liftheavy.data.errors import DataError, Problem, Where
from liftheavy.data.model import (
    BLOCK_KINDS,
    BODY_PARTS,
    EQUIPMENT,
    FIGURE_IMPLEMENTS,
    FIGURE_VIEWS,
    HOLDS,
    HOLDS_FIXING_HANDS,
    IMPLEMENTS,
    MUSCLES,
    PATTERNS,
    SUPPORTS,
    Block,
    EstimateFrom,
    Exercise,
    Figure,
    FigurePosition,
    HighMileage,
    Inspiration,
    Limbs,
    Load,
    Prescription,
    Program,
    Progression,
    Redirect,
    RepRange,
    Session,
    Source,
    WarmUp,
    WarmUpSet,
    Week,
)
from liftheavy.data.yamlnodes import Reader, compose, did_you_mean, mapping_value, scalar_text, shown
from liftheavy.figures.pose import suggest, worst_gap

_T = TypeVar("_T")
_D = TypeVar("_D")


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


_Named = TypeVar("_Named", bound=_HasId)  # what an id in a week file may name: an exercise, a source

PROGRAM_FILE = "data/program.yaml"
EXERCISES_FILE = "data/exercises.yaml"
REDIRECTS_FILE = "data/redirects.yaml"  # optional
WEEKS_DIR = "data/weeks"
_WEEK_FILE = re.compile(r"week-(\d+)\.yaml")
_REPS = re.compile(r"(\d{1,3})\s*-\s*(\d{1,3})")
_TEMPO = re.compile(r"[0-9X]-[0-9X]-[0-9X]-[0-9X]")
_WARM_UP_SET = re.compile(r"(?:(bar)|(\d{1,3})\s*%)\s*[×xX*]\s*(\d{1,3})")


def load_program(root: Path) -> Program:
    """Read and validate everything under `root/data`, or raise `DataError`."""
    problems: list[Problem] = []
    program_node, program_reader = _compose_file(root, PROGRAM_FILE, problems)
    exercises_node, exercises_reader = _compose_file(root, EXERCISES_FILE, problems)
    header, sources = _read_program(program_reader, program_node) if program_node else (None, None)
    library = _read_library(exercises_reader, exercises_node) if exercises_node else None
    known = _Known(exercises=library, sources=sources, names=_exercise_names(exercises_node))
    weeks = []
    for path in _week_files(root, problems):
        node, reader = _compose_file(root, path, problems)
        if node is not None:
            weeks.append(_read_week(reader, node, _week_where(path), known))
            problems.extend(reader.problems)
    problems.extend(program_reader.problems + exercises_reader.problems)
    if not weeks and not problems:
        problems.append(Problem(WEEKS_DIR, 1, 1, "", "no week files; add data/weeks/week-1.yaml"))
    problems.extend(_check_week_numbers(root, weeks))
    redirects = _load_redirects(root, [w for w, _ in weeks if w is not None], problems)
    read_weeks = [week for week, _ in weeks if week is not None]
    if problems or header is None or library is None or len(read_weeks) < len(weeks):
        raise DataError(problems or [Problem(WEEKS_DIR, 1, 1, "", "the program could not be read")])
    ordered = tuple(sorted(read_weeks, key=lambda week: week.number))
    return replace(header, exercises=tuple(library.values()), weeks=ordered, redirects=redirects)


@dataclass(frozen=True, slots=True)
class _Known:
    """What the week files may refer to. `exercises`/`sources` are None when their file has
    problems (ids cannot be checked then); `names` names exercises in breadcrumbs anyway."""

    exercises: dict[str, Exercise] | None
    sources: dict[str, Source] | None
    names: dict[str, str]


def _exercise_names(node: Node | None) -> dict[str, str]:
    """id → name for every library entry that has both, read before (and despite) any checks."""
    items = mapping_value(node, "exercises") if node is not None else None
    entries = items.value if isinstance(items, SequenceNode) else []
    pairs = ((scalar_text(mapping_value(e, "id")), scalar_text(mapping_value(e, "name"))) for e in entries)
    return {exercise_id: name for exercise_id, name in pairs if exercise_id and name}


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


def _named_week(path: str) -> int:
    """The week number in a week file's name (only names that match are ever read)."""
    match = _WEEK_FILE.fullmatch(Path(path).name)
    assert match is not None, path  # _week_files lists only matching names
    return int(match.group(1))


def _week_where(path: str) -> Where:
    """A week file's breadcrumb root, "week 2", from its name (the one name always known)."""
    return Where((f"week {_named_week(path)}",))


def _check_week_numbers(root: Path, weeks: list[tuple[Week | None, Node]]) -> list[Problem]:
    problems = []
    seen: dict[int, str] = {}
    for week, node in weeks:
        if week is None:
            continue
        if week.number in seen:
            message = f"week {week.number} is also defined in {seen[week.number]}; give each week its own number"
            problems.append(_at(week.path, node, _week_where(week.path) / "week", message))
        seen.setdefault(week.number, week.path)
        named = _named_week(week.path)
        if named != week.number:
            message = (
                f"this file is named for week {named} but says week: {week.number}; rename the file or fix the number"
            )
            problems.append(_at(week.path, node, _week_where(week.path) / "week", message))
    return problems


def _at(path: str, node: Node, where: Where, message: str) -> Problem:
    return Problem(path, node.start_mark.line + 1, node.start_mark.column + 1, str(where), message)


# -- program.yaml ------------------------------------------------------------------------

_TOP = Where()


def _read_program(r: Reader, node: Node) -> tuple[Program | None, dict[str, Source] | None]:
    """The program header (a Program without exercises and weeks yet), and the sources by id
    (None when any source is unreadable)."""
    before = len(r.problems)
    keys = r.mapping(
        node,
        _TOP,
        ("title", "tagline", "description", "sessions_per_week", "equipment", "sources", "inspiration", "progression"),
    )
    if keys is None:
        return None, None
    read = _Fields(keys)
    sources = read.optional("sources", lambda n: _read_sources(r, n, _TOP / "sources"), None)
    header = Program(
        title=read.required("title", lambda n: r.text(n, _TOP / "title", max_length=limits.PROGRAM_TITLE)),
        tagline=read.required("tagline", lambda n: r.text(n, _TOP / "tagline", max_length=limits.TAGLINE)),
        description=read.required(
            "description", lambda n: r.text(n, _TOP / "description", max_length=limits.DESCRIPTION)
        ),
        sessions_per_week=read.required(
            "sessions_per_week", lambda n: r.integer(n, _TOP / "sessions_per_week", limits.SESSIONS_PER_WEEK)
        ),
        equipment=read.required("equipment", lambda n: r.texts(n, _TOP / "equipment", limits.PROGRAM_EQUIPMENT)),
        sources=tuple(sources.values()) if sources else (),
        inspiration=read.required("inspiration", lambda n: _read_inspiration(r, n, _TOP / "inspiration")),
        progression=read.required("progression", lambda n: _read_progression(r, n, _TOP / "progression")),
        exercises=(),
        weeks=(),
    )
    return (None if len(r.problems) > before else header), sources


def _source_name(node: Node, index: int) -> str:
    """A source is named by its id ("storen-2008") when it has a readable one."""
    return scalar_text(mapping_value(node, "id")) or f"source {index + 1}"


def _read_sources(r: Reader, node: Node, at: Where) -> dict[str, Source] | None:
    before = len(r.problems)
    sources: dict[str, Source] = {}
    for index, item in enumerate(r.sequence(node, at, limits.SOURCES)):
        where = at / _source_name(item, index)
        source = _read_source(r, item, where)
        if source is not None and source.id in sources:
            r.error(item, where / "id", f"two sources have the id '{source.id}'; give each source its own id")
        elif source is not None:
            sources[source.id] = source
    return None if len(r.problems) > before else sources


def _read_source(r: Reader, node: Node, at: Where) -> Source | None:
    before = len(r.problems)
    keys = r.mapping(node, at, ("id", "authors", "year", "title", "journal"), ("doi", "url", "note"))
    if keys is None:
        return None
    if "doi" not in keys and "url" not in keys:
        r.error(node, at, "give a doi or a url so readers can find the source")
    read = _Fields(keys)
    source = Source(
        id=read.required("id", lambda n: r.identifier(n, at / "id")),
        authors=read.required("authors", lambda n: r.text(n, at / "authors")),
        year=read.required("year", lambda n: r.integer(n, at / "year", limits.YEAR)),
        title=read.required("title", lambda n: r.text(n, at / "title")),
        journal=read.required("journal", lambda n: r.text(n, at / "journal")),
        doi=read.optional("doi", lambda n: r.text(n, at / "doi"), None),
        url=read.optional("url", lambda n: r.url(n, at / "url"), None),
        note=read.optional("note", lambda n: r.text(n, at / "note"), None),
    )
    return None if len(r.problems) > before else source


def _read_inspiration(r: Reader, node: Node, at: Where) -> Inspiration | None:
    before = len(r.problems)
    keys = r.mapping(node, at, ("title", "publisher", "year", "url"))
    if keys is None:
        return None
    read = _Fields(keys)
    inspiration = Inspiration(
        title=read.required("title", lambda n: r.text(n, at / "title")),
        publisher=read.required("publisher", lambda n: r.text(n, at / "publisher")),
        year=read.required("year", lambda n: r.integer(n, at / "year", limits.YEAR)),
        url=read.required("url", lambda n: r.url(n, at / "url")),
    )
    return None if len(r.problems) > before else inspiration


def _read_progression(r: Reader, node: Node, at: Where) -> Progression | None:
    names = ("add_step_at_rir_margin", "drop_step_at_rir_margin", "step_percent")
    keys = r.mapping(node, at, names)
    if keys is None:
        return None
    margins = {name: limits.STEP_PERCENT if name == "step_percent" else limits.RIR_MARGIN for name in names}
    read = {name: r.integer(keys[name], at / name, margins[name]) for name in names if name in keys}
    add, drop, step = (read.get(name) for name in names)
    if add is None or drop is None or step is None:
        return None
    return Progression(add_margin=add, drop_margin=drop, step_percent=step)


# -- exercises.yaml ----------------------------------------------------------------------


def _library_name(node: Node, index: int) -> str:
    """A library entry is named by its name ("Goblet squat"), else its id, else its position."""
    return scalar_text(mapping_value(node, "name")) or scalar_text(mapping_value(node, "id")) or f"exercise {index + 1}"


def _read_library(r: Reader, node: Node) -> dict[str, Exercise] | None:
    before = len(r.problems)
    keys = r.mapping(node, _TOP, ("exercises",))
    if keys is None or "exercises" not in keys:
        return None
    library: dict[str, Exercise] = {}
    items = r.sequence(keys["exercises"], _TOP / "exercises", limits.LIBRARY)
    for index, item in enumerate(items):
        where = _TOP / "exercises" / _library_name(item, index)
        exercise = _read_exercise(r, item, where)
        if exercise is None:
            continue
        if exercise.id in library:
            first = library[exercise.id].name
            r.error(
                item, where / "id", f"the id '{exercise.id}' is already used by {first}; give each exercise its own id"
            )
        library[exercise.id] = exercise
    if len(r.problems) > before:
        # A library with problems cannot say which ids are unknown: the weeks then skip that check.
        return None
    _check_former_ids(r, items, library)
    return None if len(r.problems) > before else library


def _check_former_ids(r: Reader, items: list[Node], library: dict[str, Exercise]) -> None:
    """A former id keeps an old link working, so it must lead to exactly one exercise."""
    claimed: dict[str, str] = {}
    for index, (item, exercise) in enumerate(zip(items, library.values(), strict=True)):
        for position, former in enumerate(exercise.former_ids):
            at = _TOP / "exercises" / _library_name(item, index) / "former_ids" / f"item {position + 1}"
            node = _former_id_node(item, position)
            if former in library:
                r.error(node, at, f"'{former}' is the id of an exercise in the library; a former id must be unused")
            elif former in claimed:
                r.error(node, at, f"'{former}' is already a former id of '{claimed[former]}'")
            claimed.setdefault(former, exercise.id)


def _former_id_node(item: Node, position: int) -> Node:
    for key, value in item.value:
        if key.value == "former_ids":
            node: Node = value.value[position]
            return node
    return item


def _read_exercise(r: Reader, node: Node, at: Where) -> Exercise | None:
    before = len(r.problems)
    texts = ("regression", "progression", "substitution")
    keys = r.mapping(
        node,
        at,
        ("id", "name", "pattern", "implement", "equipment", "muscles", "cues", "faults", *texts),
        ("former_ids", "figure"),
    )
    if keys is None:
        return None
    read = _Fields(keys)

    def markdown(key: str) -> str:
        return read.required(key, lambda n: r.text(n, at / key, markdown=True))

    exercise = Exercise(
        id=read.required("id", lambda n: r.identifier(n, at / "id")),
        name=read.required("name", lambda n: r.text(n, at / "name", max_length=limits.TITLE)),
        pattern=read.required("pattern", lambda n: r.choice(n, at / "pattern", PATTERNS)),
        implement=read.required("implement", lambda n: r.choice(n, at / "implement", IMPLEMENTS)),
        equipment=read.required(
            "equipment", lambda n: r.each(n, at / "equipment", lambda i, w: r.choice(i, w, EQUIPMENT))
        ),
        muscles=read.required("muscles", lambda n: r.each(n, at / "muscles", lambda i, w: r.choice(i, w, MUSCLES))),
        cues=read.required("cues", lambda n: r.texts(n, at / "cues", markdown=True)),
        faults=read.required("faults", lambda n: r.texts(n, at / "faults", markdown=True)),
        regression=markdown("regression"),
        progression=markdown("progression"),
        substitution=markdown("substitution"),
        former_ids=read.optional(
            "former_ids", lambda n: r.each(n, at / "former_ids", r.identifier, limits.FORMER_IDS), ()
        ),
        figure=read.optional("figure", lambda n: _read_figure(r, n, at / "figure"), None),
    )
    former_items = keys["former_ids"].value if isinstance(keys.get("former_ids"), SequenceNode) else []
    for index, item in enumerate(former_items):
        if item.value == exercise.id:
            r.error(item, at / "former_ids" / f"item {index + 1}", f"'{item.value}' is this exercise's current id")
    return None if len(r.problems) > before else exercise


def _read_figure(r: Reader, node: Node, at: Where) -> Figure | None:
    """A drawn figure: its view, implement and hold, then two or three positions."""
    before = len(r.problems)
    keys = r.mapping(node, at, ("view", "implement", "hold", "positions"))
    if keys is None or len(r.problems) > before:
        return None
    view = r.choice(keys["view"], at / "view", FIGURE_VIEWS)
    implement = r.choice(keys["implement"], at / "implement", FIGURE_IMPLEMENTS)
    hold = r.choice(keys["hold"], at / "hold", HOLDS)
    if implement is not None and hold is not None and (implement == "none") != (hold == "none"):
        fix = "hold: none" if implement == "none" else "implement: none, or where it is held"
        r.error(keys["hold"], at / "hold", f"implement {implement} with hold {hold}; write {fix}")
    if view is None or implement is None or hold is None:
        return None
    items = r.sequence(keys["positions"], at / "positions")
    count = limits.FIGURE_POSITIONS
    if items and not count.low <= len(items) <= count.high:
        advice = "add the end position" if len(items) < count.low else "keep the start, the end and one in between"
        message = f"a figure has {count.low} or {count.high} positions, got {len(items)}; {advice}"
        r.error(keys["positions"], at / "positions", message)
    positions = []
    for index, item in enumerate(items):
        name = scalar_text(mapping_value(item, "label")) or f"position {index + 1}"
        position = _read_position(r, item, at / "positions" / name, view, hold)
        if position is not None:
            positions.append(position)
    if len(r.problems) > before:
        return None
    return Figure(view=view, implement=implement, hold=hold, positions=tuple(positions))


def _read_position(r: Reader, node: Node, at: Where, view: str, hold: str) -> FigurePosition | None:
    before = len(r.problems)
    keys = r.mapping(node, at, ("label", "says", "rests", "trunk", "neck", "near", "far"))
    if keys is None or len(r.problems) > before:
        return None
    label = r.text(keys["label"], at / "label", max_length=limits.FIGURE_LABEL)
    says = r.text(keys["says"], at / "says", max_length=limits.FIGURE_SAYS)
    rests = _read_rests(r, keys["rests"], at / "rests")
    trunk = r.integer(keys["trunk"], at / "trunk", anatomy.TRUNK.range)
    neck = r.integer(keys["neck"], at / "neck", anatomy.NECK.range)
    near = _read_limbs(r, keys["near"], at / "near", view, hold)
    far = _read_limbs(r, keys["far"], at / "far", view, hold)
    if label is None or says is None or rests is None or trunk is None or neck is None or near is None or far is None:
        return None
    position = FigurePosition(label=label, says=says, rests=rests, trunk=trunk, neck=neck, near=near, far=far)
    off = worst_gap(position, view, hold)
    if off is not None:
        # Point at the part in `rests` whose point is off its support, and say what to change.
        point, support, gap = off
        part = next(p for p, _ in rests if point == p or point.rsplit("-", 1)[0] + "-foot" == p)
        where = "above" if gap > 0 else "below" if support == "floor" else "below the top of"
        fix = suggest(position, view, hold, point)
        hint = (
            f"; set {fix[0]} › {fix[1]} to {fix[2]} (now {getattr(getattr(position, fix[0]), fix[1])})"
            if fix
            else "; change the angles on that side, or what it rests on"
        )
        r.error(
            _key_node(keys["rests"], part),
            at / "rests" / part,
            f"{point} is {abs(gap):.0f} cm {where} the {support}{hint}",
        )
        return None
    return position


def _key_node(node: Node, key: str) -> Node:
    for key_node, _ in node.value:
        if key_node.value == key:
            found: Node = key_node
            return found
    return node


def _read_rests(r: Reader, node: Node, at: Where) -> tuple[tuple[str, str], ...] | None:
    """`rests`: body part → what it rests on, in order; the first anchors the drawing."""
    if not isinstance(node, MappingNode) or not node.value:
        r.error(node, at, "expected 'part: support' lines, like near-foot: floor")
        return None
    before = len(r.problems)
    rests = []
    for key_node, value in node.value:
        part = r.choice(key_node, at, BODY_PARTS)
        support = r.choice(value, at / str(key_node.value), SUPPORTS)
        if part is not None and support is not None:
            rests.append((part, support))
    return None if len(r.problems) > before else tuple(rests)


def _read_limbs(r: Reader, node: Node, at: Where, view: str, hold: str) -> Limbs | None:
    """One side's joint angles, each within its range in `anatomy.py`; when the hold fixes
    the hands (chest, rack, back), the arms follow the grip and take no angles."""
    arms_free = hold not in HOLDS_FIXING_HANDS
    legs, arms = ("hip", "knee", "ankle"), ("shoulder", "elbow")
    before = len(r.problems)
    if not arms_free and isinstance(node, MappingNode):
        for key_node, _ in node.value:
            if key_node.value in arms:
                message = f"with hold {hold} the hands stay on the grip and the arms follow; remove '{key_node.value}'"
                r.error(key_node, at / str(key_node.value), message)
    keys = r.mapping(node, at, legs + arms if arms_free else legs, () if arms_free else arms)
    if keys is None or len(r.problems) > before:
        return None
    table = anatomy.VIEWS[view]
    angles = {joint: r.integer(value, at / joint, table[joint].range) for joint, value in keys.items()}
    hip, knee, ankle = angles["hip"], angles["knee"], angles["ankle"]
    if len(r.problems) > before or hip is None or knee is None or ankle is None:
        return None
    return Limbs(hip=hip, knee=knee, ankle=ankle, shoulder=angles.get("shoulder"), elbow=angles.get("elbow"))


# -- weeks/week-N.yaml -------------------------------------------------------------------

_WEEK_REQUIRED = ("week", "title", "release", "summary", "focus", "changes", "warm_up", "sessions", "high_mileage")


def _read_week(r: Reader, node: Node, at: Where, known: _Known) -> tuple[Week | None, Node]:
    keys = r.mapping(node, at, _WEEK_REQUIRED, ("sources",))
    if keys is None:
        return None, node
    read = _Fields(keys)
    week = Week(
        number=read.required("week", lambda n: r.integer(n, at / "week", limits.WEEK)),
        title=read.required("title", lambda n: r.text(n, at / "title", max_length=limits.TITLE)),
        release=read.required("release", lambda n: r.date(n, at / "release")),
        summary=read.required("summary", lambda n: r.text(n, at / "summary", max_length=limits.SUMMARY)),
        focus=read.required("focus", lambda n: r.text(n, at / "focus", max_length=limits.FOCUS, markdown=True)),
        changes=read.required("changes", lambda n: r.texts(n, at / "changes", markdown=True)),
        warm_up=read.required("warm_up", lambda n: _read_warm_up(r, n, at / "warm_up")),
        sessions=read.required("sessions", lambda n: _read_sessions(r, n, at, known)),
        high_mileage=read.required("high_mileage", lambda n: _read_high_mileage(r, n, at / "high_mileage", known)),
        sources=read.optional(
            "sources", lambda n: r.each(n, at / "sources", lambda i, w: _lookup(r, i, w, known.sources, "source")), ()
        ),
        path=r.file,
    )
    if r.problems:
        return None, keys.get("week", node)
    return week, keys["week"]


class _Fields:
    """Reads the fields of one mapping into the types its dataclass declares.

    Each reader returns its value or None after reporting a problem, and a missing key was
    already reported by `Reader.mapping`. `required` gives the value as its field's type, so
    mypy checks every keyword of a model constructor against the reader that fills it. Where
    a required value is missing it stands in as None (the one cast, here): the caller then
    sees new problems and drops the object it built, so no None reaches the model.
    """

    def __init__(self, keys: Mapping[str, Node]) -> None:
        self.keys = keys

    def required(self, key: str, read: Callable[[Node], _T | None]) -> _T:
        return cast(_T, read(self.keys[key]) if key in self.keys else None)

    def optional(self, key: str, read: Callable[[Node], _T | None], default: _D) -> _T | _D:
        """An optional field: its value, or `default` when it is absent (or unreadable, and reported)."""
        if key not in self.keys:
            return default
        value = read(self.keys[key])
        return default if value is None else value


def _session_name(node: Node, index: int) -> str:
    """A session is named as on its page, "session A", or by position when its id is unreadable."""
    session_id = scalar_text(mapping_value(node, "id"))
    return f"session {session_id.upper() if session_id else index + 1}"


def _read_sessions(r: Reader, node: Node, week: Where, known: _Known) -> tuple[Session, ...]:
    # A session is named on its own ("week 2 › session A"); the list itself is "week 2 › sessions".
    items = r.sequence(node, week / "sessions", limits.SESSIONS)
    wheres = [week / _session_name(item, index) for index, item in enumerate(items)]
    read = [_read_session(r, item, where, known) for item, where in zip(items, wheres, strict=True)]
    seen: set[str] = set()
    for item, where, session in zip(items, wheres, read, strict=True):
        if session is not None and session.id in seen:
            r.error(item, where / "id", f"two sessions have the id '{session.id}'; give each its own letter")
        seen.add(session.id if session else "")
    return tuple(session for session in read if session is not None)


def _lookup(r: Reader, node: Node, at: Where, known: Mapping[str, _Named] | None, what: str) -> _Named | None:
    """The exercise or source an id names; unknown ids are problems with "did you mean"."""
    value = r.identifier(node, at)
    if value is None or known is None:
        return None
    if value not in known:
        renamed = [item.id for item in known.values() if value in getattr(item, "former_ids", ())]
        hint = f"; it was renamed to '{renamed[0]}'" if renamed else did_you_mean(value, tuple(known))
        r.error(node, at, f"unknown {what} '{value}'{hint}")
        return None
    return known[value]


def _read_warm_up(r: Reader, node: Node, at: Where) -> WarmUp | None:
    phases = ("raise", "activate", "mobilise", "potentiate")
    keys = r.mapping(node, at, phases)
    if keys is None:
        return None
    read = {phase: r.texts(keys[phase], at / phase, markdown=True) for phase in phases if phase in keys}
    if len(read) < len(phases):
        return None
    return WarmUp(
        raise_=read["raise"], activate=read["activate"], mobilise=read["mobilise"], potentiate=read["potentiate"]
    )


def _read_session(r: Reader, node: Node, at: Where, known: _Known) -> Session | None:
    before = len(r.problems)
    keys = r.mapping(node, at, ("id", "title", "blocks"))
    if keys is None:
        return None
    read = _Fields(keys)
    session = Session(
        id=read.required("id", lambda n: r.identifier(n, at / "id")),
        title=read.required("title", lambda n: r.text(n, at / "title", max_length=limits.TITLE)),
        blocks=read.optional("blocks", lambda n: _read_blocks(r, n, at, known), ()),
    )
    if len(r.problems) > before:
        return None
    _check_repeats(r, keys["blocks"], at, session.blocks)
    return session


def _read_blocks(r: Reader, node: Node, session: Where, known: _Known) -> tuple[Block, ...]:
    items = r.sequence(node, session / "blocks", limits.BLOCKS)
    blocks = (_read_block(r, item, session, index + 1, known) for index, item in enumerate(items))
    return tuple(block for block in blocks if block is not None)


def _check_repeats(r: Reader, node: Node, at: Where, blocks: tuple[Block, ...]) -> None:
    """An exercise appears once per session: its anchor on the page is session-exercise."""
    _check_anchors(r, node, at / "blocks", [p for block in blocks for p in block.prescriptions])


def _check_anchors(r: Reader, node: Node, at: Where, prescriptions: list[Prescription]) -> None:
    """Each card's anchor (and each former anchor it keeps) is used once in its list."""
    seen: set[str] = set()
    for prescription in prescriptions:
        exercise = prescription.exercise
        if exercise.id in seen:
            r.error(node, at, f"{exercise.name} appears twice in this session; list each exercise once per session")
        seen.add(exercise.id)
    for prescription in prescriptions:
        for former in prescription.former_ids:
            if former in seen:
                message = f"{prescription.exercise.name} keeps the old card '{former}', but another card here uses it"
                r.error(node, at, message)
            seen.add(former)


def _entry_where(node: Node, index: int, named_in: Where, numbered_in: Where, known: _Known) -> Where:
    """An entry is named by its exercise ("Goblet squat") when the library names the id,
    else by its position ("block 2 › exercise 1")."""
    exercise_id = scalar_text(mapping_value(node, "exercise"))
    if exercise_id in known.names:
        return named_in / known.names[exercise_id]
    return numbered_in / f"exercise {index + 1}"


def _read_block(r: Reader, node: Node, session: Where, number: int, known: _Known) -> Block | None:
    before = len(r.problems)
    at = session / f"block {number}"
    keys = r.mapping(node, at, ("exercises",))
    if keys is None or "exercises" not in keys:
        return None
    items = r.sequence(keys["exercises"], at / "exercises", limits.BLOCK_EXERCISES)
    entries = [
        _read_prescription(r, item, _entry_where(item, i, session, at, known), known) for i, item in enumerate(items)
    ]
    read = [entry for entry in entries if entry is not None]
    if len(r.problems) > before or len(read) < len(entries):  # None without a problem: the library is broken
        return None
    if len({p.sets for p in read}) > 1:
        kind = BLOCK_KINDS[len(read)]
        message = (
            f"every exercise in a {kind} needs the same number of sets (got {', '.join(str(p.sets) for p in read)})"
        )
        r.error(keys["exercises"], at / "exercises", message)
        return None
    return Block(number=number, prescriptions=tuple(read))


_DOSE = ("reps", "time_s", "distance_m")
_PRESCRIPTION_OPTIONAL = (*_DOSE, "per_side", "tempo", "cues", "note", "former_ids", "ramp", "estimate_from")


def _read_prescription(r: Reader, node: Node, at: Where, known: _Known) -> Prescription | None:
    before = len(r.problems)
    keys = r.mapping(node, at, ("exercise", "sets", "load", "rest_s"), _PRESCRIPTION_OPTIONAL)
    if keys is None:
        return None
    doses = [key for key in _DOSE if key in keys]
    if len(doses) != 1:
        given = " and ".join(doses) or "none of them"
        r.error(node, at, f"give exactly one of reps, time_s or distance_m (got {given})")
    read = _Fields(keys)
    # Every field is read (and every problem reported) before deciding whether to build.
    exercise = read.optional("exercise", lambda n: _lookup(r, n, at / "exercise", known.exercises, "exercise"), None)
    sets = read.required("sets", lambda n: r.integer(n, at / "sets", limits.SETS))
    timed = doses in (["time_s"], ["distance_m"])
    load = read.required("load", lambda n: _read_load(r, n, at / "load", timed=timed))
    rest_s = read.required("rest_s", lambda n: r.integer(n, at / "rest_s", limits.REST_S))
    reps = read.optional("reps", lambda n: _read_reps(r, n, at / "reps"), None)
    time_s = read.optional("time_s", lambda n: r.integer(n, at / "time_s", limits.TIME_S), None)
    distance_m = read.optional("distance_m", lambda n: r.integer(n, at / "distance_m", limits.DISTANCE_M), None)
    per_side = read.optional("per_side", lambda n: r.boolean(n, at / "per_side"), False)
    tempo = read.optional("tempo", lambda n: _read_tempo(r, n, at / "tempo"), None)
    cues = read.optional("cues", lambda n: r.texts(n, at / "cues", limits.PRESCRIPTION_CUES, markdown=True), ())
    note = read.optional("note", lambda n: r.text(n, at / "note", markdown=True), None)
    former_ids: tuple[str, ...] = read.optional(
        "former_ids", lambda n: r.each(n, at / "former_ids", r.identifier, limits.FORMER_IDS), ()
    )
    ramp = read.optional("ramp", lambda n: _read_ramp(r, n, at / "ramp", load, exercise), ())
    estimate_from = read.optional(
        "estimate_from",
        lambda n: _read_estimate_from(r, n, at / "estimate_from", known, load, (exercise, former_ids)),
        None,
    )
    if exercise is None or len(r.problems) > before:  # None without a problem: the library is broken
        return None
    prescription = Prescription(
        exercise=exercise,
        sets=sets,
        load=load,
        rest_s=rest_s,
        reps=reps,
        time_s=time_s,
        distance_m=distance_m,
        per_side=per_side,
        tempo=tempo,
        cues=cues or exercise.cues[:2],  # without cues of its own, a card shows the library's first two
        note=note,
        former_ids=former_ids,
        ramp=ramp,
        estimate_from=estimate_from,
    )
    _check_effort(r, keys["load"], at / "load", prescription)
    if exercise.id in former_ids:
        r.error(keys["former_ids"], at / "former_ids", f"'{exercise.id}' is this card's own exercise")
    return None if len(r.problems) > before else prescription


def _check_effort(r: Reader, node: Node, at: Where, prescription: Prescription) -> None:
    """%1RM, reps and reps in reserve must agree with the effort chart (`effort.py`)."""
    load, reps = prescription.load, prescription.reps
    if load.percent_1rm is None or load.rir is None or reps is None:
        return
    expected = effort.expected_percent(reps.low, reps.high, load.rir)
    if expected.admits(load.percent_1rm):
        return
    percent_node = mapping_value(node, "percent_1rm") or node
    actual = effort.rir_for(load.percent_1rm, reps.high)
    if actual is None:
        at_percent = f"at {load.percent_1rm}% it allows only about {effort.max_reps_at(load.percent_1rm)} reps in all"
    elif actual == 0:
        at_percent = f"at {load.percent_1rm}% × {reps} the set would go to failure"
    else:
        at_percent = f"at {load.percent_1rm}% × {reps}, about {actual} would be left in reserve"
    message = (
        f"{load.percent_1rm}% 1RM disagrees with {reps} reps with {load.rir} in reserve: the effort chart "
        f"expects {expected} 1RM for that ({at_percent}); change percent_1rm, reps or rir so they agree "
        f"within {effort.TOLERANCE_POINTS:g} points (see data/README.md, Effort)"
    )
    r.error(percent_node, at / "percent_1rm", message)


def _read_reps(r: Reader, node: Node, at: Where) -> RepRange | None:
    match = _REPS.fullmatch(str(node.value).strip()) if hasattr(node, "value") and isinstance(node.value, str) else None
    if match and node.tag.endswith(":str"):
        low, high = int(match.group(1)), int(match.group(2))
        if limits.REPS.low <= low < high <= limits.REPS.high:
            return RepRange(low=low, high=high)
        r.error(node, at, f"a rep range goes from low to high, like 8-10, got {node.value!r}")
        return None
    if node.tag.endswith(":str") and not match:
        r.error(node, at, f"expected a whole number like 8 or a range like 8-10, got {node.value!r}")
        return None
    count = r.integer(node, at, limits.REPS)
    return None if count is None else RepRange(low=count, high=count)


def _read_ramp(r: Reader, node: Node, at: Where, load: Load | None, exercise: Exercise | None) -> tuple[WarmUpSet, ...]:
    """Warm-up sets climbing from the empty bar (a barbell's only) to below the card's %1RM."""
    steps = []
    previous = 0
    for index, item in enumerate(r.sequence(node, at, limits.RAMP)):
        where = at / f"item {index + 1}"
        step = _read_warm_up_set(r, item, where)
        if step is None:
            continue
        steps.append(step)
        work = load.percent_1rm if load is not None else None
        if step.percent_1rm is None:
            if index > 0:
                r.error(item, where, "'bar × N' can only be the first warm-up set (the lightest)")
            elif exercise is not None and exercise.implement != "barbell":
                r.error(
                    item,
                    where,
                    (
                        f"'bar' is the empty barbell and {exercise.name} is not a barbell lift; "
                        "start with a percentage instead, like '30% × 8'"
                    ),
                )
        elif step.percent_1rm <= previous:
            r.error(item, where, f"warm-up sets go lightest first: {step.percent_1rm}% comes after {previous}%")
        elif work is not None and step.percent_1rm >= work:
            r.error(
                item,
                where,
                (
                    f"a warm-up set is lighter than the work sets' {work}%, got {step.percent_1rm}%; "
                    "leave it out or lower it"
                ),
            )
        previous = max(previous, step.percent_1rm or 0)
    if load is not None and load.percent_1rm is None:
        message = (
            "a ramp's weights are worked out from the card's %1RM: give load.percent_1rm, or leave "
            "the ramp out and say the warm-up in the note"
        )
        r.error(node, at, message)
    return tuple(steps)


def _read_estimate_from(
    r: Reader, node: Node, at: Where, known: _Known, load: Load | None, card: tuple[Exercise | None, tuple[str, ...]]
) -> EstimateFrom | None:
    """A new variation's first 1RM: a share of another lift's (not the card's own, under any of
    its ids: `card` is its exercise and former ids), with the study it comes from."""
    before = len(r.problems)
    keys = r.mapping(node, at, ("exercise", "percent", "source"))
    if keys is None:
        return None
    read = _Fields(keys)
    exercise = read.required("exercise", lambda n: _lookup(r, n, at / "exercise", known.exercises, "exercise"))
    percent = read.required("percent", lambda n: r.integer(n, at / "percent", limits.ESTIMATE_PERCENT))
    source = read.required("source", lambda n: _lookup(r, n, at / "source", known.sources, "source"))
    if load is not None and load.percent_1rm is None:
        message = "estimate_from gives a %1RM card its first 1RM: give load.percent_1rm too, or leave it out"
        r.error(node, at, message)
    own, former_ids = card
    if exercise is not None and own is not None and exercise.id in (own.id, *own.former_ids, *former_ids):
        message = "this is the card's own lift; name the other lift whose logged sets give this one's first 1RM"
        r.error(keys["exercise"], at / "exercise", message)
    if len(r.problems) > before or exercise is None or percent is None or source is None:
        return None
    return EstimateFrom(exercise=exercise, percent=percent, source=source)


def _read_warm_up_set(r: Reader, node: Node, at: Where) -> WarmUpSet | None:
    text = scalar_text(node)
    match = _WARM_UP_SET.fullmatch(text) if text else None
    if match is None:
        r.error(node, at, f"expected a warm-up set like '40% × 5' (% of 1RM × reps) or 'bar × 8', got {shown(node)}")
        return None
    percent = None if match.group(1) else int(match.group(2))
    reps = int(match.group(3))
    if percent is not None and not limits.PERCENT_1RM.low <= percent <= limits.PERCENT_1RM.high:
        low, high = limits.PERCENT_1RM.low, limits.PERCENT_1RM.high
        r.error(node, at, f"a warm-up set's %1RM goes from {low} to {high}, got {percent}")
        return None
    if not limits.RAMP_REPS.low <= reps <= limits.RAMP_REPS.high:
        r.error(node, at, f"a warm-up set has {limits.RAMP_REPS.low} to {limits.RAMP_REPS.high} reps, got {reps}")
        return None
    return WarmUpSet(percent_1rm=percent, reps=reps)


def _read_tempo(r: Reader, node: Node, at: Where) -> str | None:
    value = str(node.value).upper() if hasattr(node, "value") else ""
    if not _TEMPO.fullmatch(value):
        r.error(node, at, f"expected a tempo like 3-1-1-0 (lower, pause, lift, pause; X = fast), got {node.value!r}")
        return None
    return value


def _read_load(r: Reader, node: Node, at: Where, *, timed: bool) -> Load | None:
    """A set of reps takes its effort as `rir`; a hold or a carry as `reserve_s`."""
    before = len(r.problems)
    keys = r.mapping(node, at, (), ("rir", "reserve_s", "percent_1rm", "note"))
    if keys is None:
        return None
    if timed and "rir" in keys:
        message = (
            "reps in reserve has no meaning for a hold or a carry; give reserve_s, the seconds you "
            "could still go on when you stop, like reserve_s: 5"
        )
        r.error(keys["rir"], at / "rir", message)
    elif timed and "reserve_s" not in keys:
        r.error(node, at, "missing required field 'reserve_s' (the seconds left in you when you stop, like 5)")
    elif not timed and "reserve_s" in keys:
        message = "reserve_s is for holds and carries; a set of reps gives rir, the reps left in reserve, like rir: 2"
        r.error(keys["reserve_s"], at / "reserve_s", message)
    elif not timed and "rir" not in keys:
        r.error(node, at, "missing required field 'rir'")
    read = _Fields(keys)
    load = Load(
        rir=read.optional("rir", lambda n: r.integer(n, at / "rir", limits.RIR), None),
        reserve_s=read.optional("reserve_s", lambda n: r.integer(n, at / "reserve_s", limits.RESERVE_S), None),
        percent_1rm=read.optional("percent_1rm", lambda n: r.integer(n, at / "percent_1rm", limits.PERCENT_1RM), None),
        note=read.optional("note", lambda n: r.text(n, at / "note", max_length=limits.LOAD_NOTE), None),
    )
    return None if len(r.problems) > before else load


def _read_high_mileage(r: Reader, node: Node, at: Where, known: _Known) -> HighMileage | None:
    before = len(r.problems)
    keys = r.mapping(node, at, ("note", "exercises"))
    if keys is None:
        return None
    read = _Fields(keys)

    def prescriptions(n: Node) -> tuple[Prescription, ...]:
        items = r.sequence(n, at / "exercises", limits.HIGH_MILEAGE_EXERCISES)
        read_items = (
            _read_prescription(r, item, _entry_where(item, i, at, at, known), known) for i, item in enumerate(items)
        )
        found = tuple(p for p in read_items if p is not None)
        _check_anchors(r, n, at / "exercises", list(found))
        return found

    high_mileage = HighMileage(
        note=read.required(
            "note", lambda n: r.text(n, at / "note", max_length=limits.HIGH_MILEAGE_NOTE, markdown=True)
        ),
        prescriptions=read.required("exercises", prescriptions),
    )
    return None if len(r.problems) > before else high_mileage


# -- redirects.yaml ----------------------------------------------------------------------


def _load_redirects(root: Path, weeks: list[Week], problems: list[Problem]) -> tuple[Redirect, ...]:
    """The old addresses to keep working; the file is optional."""
    if not (root / REDIRECTS_FILE).exists():
        return ()
    node, reader = _compose_file(root, REDIRECTS_FILE, problems)
    if node is None:
        return ()
    keys = reader.mapping(node, _TOP, ("redirects",))
    redirects = []
    if keys is not None and "redirects" in keys:
        items = reader.sequence(keys["redirects"], _TOP / "redirects", limits.REDIRECTS)
        where = _TOP / "redirects"
        redirects = [_read_redirect(reader, item, where / f"redirect {index + 1}") for index, item in enumerate(items)]
    found = [(index, redirect) for index, redirect in enumerate(redirects) if redirect is not None]
    _check_redirects(reader, found, {f"/{week.slug}/": week for week in weeks})
    problems.extend(reader.problems)
    return tuple(redirect for _, redirect in found)


def _read_redirect(r: Reader, node: Node, at: Where) -> Redirect | None:
    keys = r.mapping(node, at, ("from", "to"))
    if keys is None or len(keys) < 2:
        return None
    old = _read_path(r, keys["from"], at / "from", limits.OLD_ADDRESS, "an old address like /weeks/2/ (or /week2.html)")
    new = _read_path(
        r, keys["to"], at / "to", limits.NEW_ADDRESS, "a page of this site like /week-2/ or /exercises/#goblet-squat"
    )
    if old is None or new is None:
        return None
    return Redirect(old=old, new=new, file=r.file, old_at=_position(keys["from"]), new_at=_position(keys["to"]))


def _position(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _read_path(r: Reader, node: Node, at: Where, pattern: re.Pattern[str], example: str) -> str | None:
    value = r.text(node, at, max_length=300)
    if value is None:
        return None
    if value.startswith(("http://", "https://", "//")):
        r.error(
            node,
            at,
            f"give the address on this site, starting with /, like /week-2/ (not a full web address), got {value!r}",
        )
    elif "?" in value or (at.steps[-1] == "from" and "#" in value):
        r.error(
            node,
            at,
            f"give the path only, like /weeks/2/: query strings and #anchors never reach the server, got {value!r}",
        )
    elif not pattern.fullmatch(value):
        r.error(node, at, f"expected {example}, starting with /, got {value!r}")
    else:
        return value
    return None


def _check_redirects(r: Reader, redirects: list[tuple[int, Redirect]], week_paths: dict[str, Week]) -> None:
    """Each old address once, never a current page, never to itself, never to another old address."""
    first: dict[str, tuple[int, int]] = {}  # old address → (index, line) where it is first given
    old_paths = {redirect.old for _, redirect in redirects}
    for index, redirect in redirects:
        first_index, first_line = first.setdefault(redirect.old, (index, redirect.old_at[0]))
        target_path = redirect.new.split("#")[0]
        if first_index != index:
            problem = ("from", f"'{redirect.old}' is already redirected on line {first_line}; keep one")
        elif redirect.old == "/":
            problem = ("from", "the overview's address / cannot be redirected")
        elif redirect.old in week_paths:
            week = week_paths[redirect.old].number
            problem = ("from", f"'{redirect.old}' is the address of week {week}; a redirect cannot replace a page")
        elif redirect.old == target_path:
            problem = ("to", f"'{redirect.new}' is the old address itself")
        elif target_path in old_paths:
            problem = ("to", f"'{target_path}' is itself redirected; point straight at the page it moved to")
        else:
            continue
        key, message = problem
        line, column = redirect.old_at if key == "from" else redirect.new_at
        r.problems.append(Problem(r.file, line, column, f"redirects › redirect {index + 1} › {key}", message))
