"""Synthetic programs for scaling measurements: N weeks and M exercises, valid for our loader.

The real `data/` is the template, so the synthetic data has the real shape and text lengths:
exercise `k` is a copy of real exercise `k mod R` with its own id and name (`goblet-squat-v3`),
and week `n` is a copy of real week `(n - 1) mod W + 1`, renumbered, released a week after the
one before, with each exercise swapped for one of its copies so that the weeks together use
the whole library. Files are written with PyYAML's safe dumper (no anchors or aliases, which
the loader refuses); `make_project` copies the project next to the data so the result
builds with `mkdocs build` like the real project.
"""

from __future__ import annotations

import copy
import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import yaml

# Not part of the site's sources: environments, build output, results, caches.
NOT_COPIED = (".git", ".venv*", "node_modules", "site", "site.tmp", "results", "__pycache__", ".*_cache", ".hypothesis")
_NAME_MAX = 60  # the loader's limit for exercise names


class _NoAliasDumper(yaml.SafeDumper):
    """Writes repeated objects out in full: the loader refuses anchors and aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _read(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _write(path: Path, data: Any, comment: str) -> None:
    text = yaml.dump(data, Dumper=_NoAliasDumper, sort_keys=False, allow_unicode=True, width=100)
    path.write_text(f"# {comment}\n{text}", encoding="utf-8")


def copy_project(source: Path, destination: Path) -> Path:
    """Everything a build of `source` may read (config, docs, data, hooks, overrides, ...)."""
    shutil.copytree(source, destination, ignore=shutil.ignore_patterns(*NOT_COPIED), dirs_exist_ok=True)
    return destination


def variant_id(base_id: str, copy_number: int) -> str:
    """The id of a library copy: the real id for copy 0, then `id-v2`, `id-v3`, …"""
    return base_id if copy_number == 0 else f"{base_id}-v{copy_number + 1}"


def synthetic_exercises(real: list[dict[str, Any]], count: int) -> list[dict[str, Any]]:
    """`count` exercises: the real ones first, then numbered copies of them in turn."""
    exercises = []
    for index in range(count):
        base = real[index % len(real)]
        number = index // len(real)
        exercise = copy.deepcopy(base)
        exercise["id"] = variant_id(base["id"], number)
        if number:
            suffix = f" ({number + 1})"
            exercise["name"] = base["name"][: _NAME_MAX - len(suffix)] + suffix
        exercises.append(exercise)
    return exercises


def library_copies(real_library: list[dict[str, Any]], library: list[dict[str, Any]]) -> dict[str, list[str]]:
    """Each real exercise id → the ids of its copies in the synthetic library (itself first)."""
    ids = {exercise["id"] for exercise in library}
    rounds = len(library) // len(real_library) + 1
    return {
        real["id"]: [variant_id(real["id"], n) for n in range(rounds) if variant_id(real["id"], n) in ids]
        for real in real_library
    }


def _swap_exercises(week: dict[str, Any], copies: dict[str, list[str]], cycle: int) -> None:
    """Point every entry of the week at copy number `cycle` of its exercise (wrapping around)."""
    entries = [entry for session in week["sessions"] for block in session["blocks"] for entry in block["exercises"]]
    entries += week["high_mileage"]["exercises"]
    for entry in entries:
        ids = copies[entry["exercise"]]
        entry["exercise"] = ids[cycle % len(ids)]


def synthetic_week(
    real_week: dict[str, Any], number: int, first_release: dt.date, copies: dict[str, list[str]]
) -> dict[str, Any]:
    """Week `number`, made from a real week, released `number - 1` weeks after week 1."""
    week = copy.deepcopy(real_week)
    week["week"] = number
    week["release"] = first_release + dt.timedelta(weeks=number - 1)
    _swap_exercises(week, copies, cycle=number - 1)
    return week


def write_program(real_root: Path, destination: Path, weeks: int, exercises: int) -> Path:
    """Write a synthetic `data/` of `weeks` weeks and `exercises` exercises under `destination`."""
    data = destination / "data"
    if data.exists():
        shutil.rmtree(data)
    (data / "weeks").mkdir(parents=True)
    shutil.copy(real_root / "data" / "program.yaml", data / "program.yaml")
    real_library = _read(real_root / "data" / "exercises.yaml")["exercises"]
    library = synthetic_exercises(real_library, max(exercises, len(real_library)))
    _write(data / "exercises.yaml", {"exercises": library}, f"Synthetic library: {len(library)} exercises")
    copies = library_copies(real_library, library)
    real_weeks = [_read(path) for path in sorted((real_root / "data" / "weeks").glob("week-*.yaml"), key=_week_number)]
    first_release = real_weeks[0]["release"]
    for number in range(1, weeks + 1):
        week = synthetic_week(real_weeks[(number - 1) % len(real_weeks)], number, first_release, copies)
        _write(data / "weeks" / f"week-{number}.yaml", week, f"Synthetic week {number} of {weeks}")
    return destination


def _week_number(path: Path) -> int:
    return int(path.stem.removeprefix("week-"))


def last_release(root: Path) -> dt.date:
    """The latest `release:` date in `root/data/weeks`: building on it publishes every week."""
    return max(_read(path)["release"] for path in (root / "data" / "weeks").glob("week-*.yaml"))


def make_project(real_root: Path, destination: Path, weeks: int, exercises: int) -> Path:
    """A buildable copy of the project whose data is a synthetic program."""
    copy_project(real_root, destination)
    return write_program(real_root, destination, weeks, exercises)
