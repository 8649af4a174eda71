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

from yaml.nodes import Node, SequenceNode

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
    Redirect,
    RepRange,
    Session,
    Source,
    WarmUp,
    Week,
)
from liftheavy.yamlnodes import Reader, compose, did_you_mean

PROGRAM_FILE = "data/program.yaml"
EXERCISES_FILE = "data/exercises.yaml"
REDIRECTS_FILE = "data/redirects.yaml"  # optional
WEEKS_DIR = "data/weeks"
_WEEK_FILE = re.compile(r"week-(\d+)\.yaml")
_REPS = re.compile(r"(\d{1,3})\s*-\s*(\d{1,3})")
_TEMPO = re.compile(r"[0-9X]-[0-9X]-[0-9X]-[0-9X]")
# An old address: /, then path segments (none starting with a dot, so no ".."), ending in / or .html.
_SEGMENT = r"[A-Za-z0-9_~-][A-Za-z0-9._~-]*"
_OLD_PATH = re.compile(rf"/(?:{_SEGMENT}/)*(?:{_SEGMENT}\.html?)?")
# A page of this site (our addresses are lowercase and end in /), with an optional #anchor.
_NEW_PATH = re.compile(r"/(?:[a-z0-9][a-z0-9-]*/)*(?:#[A-Za-z0-9_-]+)?")


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
    redirects = _load_redirects(root, [w for w, _ in weeks if w is not None], problems)
    if problems or header is None or library is None or any(w is None for w, _ in weeks):
        raise DataError(problems or [Problem(WEEKS_DIR, 1, 1, "", "the program could not be read")])
    ordered = tuple(sorted((w for w, _ in weeks), key=lambda week: week.number))
    return Program(**header, exercises=tuple(library.values()), weeks=ordered, redirects=redirects)


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
    keys = r.mapping(node, at, ("id", "authors", "year", "title", "journal"), ("doi", "url", "note"))
    if keys is None or len(keys) < 5:
        return None
    if "doi" not in keys and "url" not in keys:
        r.error(node, at, "give a doi or a url so readers can find the source")
    doi = r.text(keys["doi"], f"{at}.doi") if "doi" in keys else None
    url = r.url(keys["url"], f"{at}.url") if "url" in keys else None
    fields = {
        "id": r.identifier(keys["id"], f"{at}.id"),
        "authors": r.text(keys["authors"], f"{at}.authors"),
        "year": r.integer(keys["year"], f"{at}.year", 1900, 2100, 2008),
        "title": r.text(keys["title"], f"{at}.title"),
        "journal": r.text(keys["journal"], f"{at}.journal"),
    }
    if None in fields.values() or (doi is None and url is None):
        return None
    note = r.text(keys["note"], f"{at}.note") if "note" in keys else None
    return Source(**fields, doi=doi, url=url, note=note)


def _read_inspiration(r: Reader, node: Node) -> Inspiration | None:
    keys = r.mapping(node, "inspiration", ("title", "publisher", "year", "url"))
    if keys is None or len(keys) < 4:
        return None
    fields = {
        "title": r.text(keys["title"], "inspiration.title"),
        "publisher": r.text(keys["publisher"], "inspiration.publisher"),
        "year": r.integer(keys["year"], "inspiration.year", 1900, 2100, 2019),
        "url": r.url(keys["url"], "inspiration.url"),
    }
    return None if None in fields.values() else Inspiration(**fields)


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
    if len(library) != len(items):
        return None
    _check_former_ids(r, items, library)
    return None if r.problems else library


def _check_former_ids(r: Reader, items: list[Node], library: dict[str, Exercise]) -> None:
    """A former id keeps an old link working, so it must lead to exactly one exercise."""
    claimed: dict[str, str] = {}
    for index, (item, exercise) in enumerate(zip(items, library.values(), strict=True)):
        for position, former in enumerate(exercise.former_ids):
            at = f"exercises[{index}].former_ids[{position}]"
            node = _former_id_node(item, position)
            if former in library:
                r.error(node, at, f"'{former}' is the id of an exercise in the library; a former id must be unused")
            elif former in claimed:
                r.error(node, at, f"'{former}' is already a former id of '{claimed[former]}'")
            claimed.setdefault(former, exercise.id)


def _former_id_node(item: Node, position: int) -> Node:
    for key, value in item.value:
        if key.value == "former_ids":
            return value.value[position]
    return item


def _read_exercise(r: Reader, node: Node, at: str) -> Exercise | None:
    required = ("id", "name", "pattern", "implement", "equipment", "muscles", "cues", "faults")
    options = ("regression", "progression", "substitution")
    before = len(r.problems)
    keys = r.mapping(node, at, required + options, ("former_ids",))
    if keys is None or any(key not in keys for key in required + options):
        return None
    fields = {
        "id": r.identifier(keys["id"], f"{at}.id"),
        "name": r.text(keys["name"], f"{at}.name", max_length=60),
        "pattern": r.choice(keys["pattern"], f"{at}.pattern", PATTERNS),
        "implement": r.choice(keys["implement"], f"{at}.implement", IMPLEMENTS),
        "equipment": r.each(keys["equipment"], f"{at}.equipment", lambda n, w: r.choice(n, w, EQUIPMENT)),
        "muscles": r.each(keys["muscles"], f"{at}.muscles", lambda n, w: r.choice(n, w, MUSCLES)),
        "cues": r.texts(keys["cues"], f"{at}.cues", markdown=True),
        "faults": r.texts(keys["faults"], f"{at}.faults", markdown=True),
        **{key: r.text(keys[key], f"{at}.{key}", markdown=True) for key in options},
    }
    former_ids = ()
    if "former_ids" in keys:
        former_ids = r.each(keys["former_ids"], f"{at}.former_ids", r.identifier, max_items=20)
        items = keys["former_ids"].value if isinstance(keys["former_ids"], SequenceNode) else []
        for index, item in enumerate(items):
            if item.value == fields["id"]:
                r.error(item, f"{at}.former_ids[{index}]", f"'{item.value}' is this exercise's current id")
    if len(r.problems) > before:
        return None
    return Exercise(**fields, former_ids=former_ids)


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
        renamed = [item.id for item in known.values() if value in getattr(item, "former_ids", ())]
        hint = f"; it was renamed to '{renamed[0]}'" if renamed else did_you_mean(value, tuple(known))
        r.error(node, at, f"unknown {what} '{value}'{hint}")
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


# -- redirects.yaml ----------------------------------------------------------------------


def _load_redirects(root: Path, weeks: list[Week], problems: list[Problem]) -> tuple[Redirect, ...]:
    """The old addresses to keep working; the file is optional."""
    if not (root / REDIRECTS_FILE).exists():
        return ()
    node, reader = _compose_file(root, REDIRECTS_FILE, problems)
    if node is None:
        return ()
    keys = reader.mapping(node, "", ("redirects",))
    redirects = []
    if keys is not None and "redirects" in keys:
        items = reader.sequence(keys["redirects"], "redirects", min_items=0, max_items=500)
        redirects = [_read_redirect(reader, item, f"redirects[{index}]") for index, item in enumerate(items)]
    found = [(index, redirect) for index, redirect in enumerate(redirects) if redirect is not None]
    _check_redirects(reader, found, {f"/{week.slug}/": week for week in weeks})
    problems.extend(reader.problems)
    return tuple(redirect for _, redirect in found)


def _read_redirect(r: Reader, node: Node, at: str) -> Redirect | None:
    keys = r.mapping(node, at, ("from", "to"))
    if keys is None or len(keys) < 2:
        return None
    old = _read_path(r, keys["from"], f"{at}.from", _OLD_PATH, "an old address like /weeks/2/ (or /week2.html)")
    new = _read_path(
        r, keys["to"], f"{at}.to", _NEW_PATH, "a page of this site like /week-2/ or /exercises/#goblet-squat"
    )
    if old is None or new is None:
        return None
    return Redirect(old=old, new=new, file=r.file, old_at=_position(keys["from"]), new_at=_position(keys["to"]))


def _position(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _read_path(r: Reader, node: Node, at: str, pattern: re.Pattern[str], example: str) -> str | None:
    value = r.text(node, at, max_length=300)
    if value is None:
        return None
    if value.startswith(("http://", "https://", "//")):
        r.error(
            node,
            at,
            f"give the address on this site, starting with /, like /week-2/ (not a full web address), got {value!r}",
        )
    elif "?" in value or (at.endswith(".from") and "#" in value):
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
        r.problems.append(Problem(r.file, line, column, f"redirects[{index}].{key}", message))
