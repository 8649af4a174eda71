"""Problems found in `data/`, reported like a compiler, in the data's own words:

    data/weeks/week-2.yaml:14:19: week 2 › session A › Goblet squat › sets: expected a whole number like 3, got 'three'

`file:line:col` lets editors and GitHub jump to the spot; the breadcrumb (`Where`) says
where that is in program terms, for a coach who does not read YAML paths. The loader
collects every `Problem` it finds and raises one `DataError` holding all of them, so a
contributor sees everything that is wrong in a single run.
"""

from __future__ import annotations

from dataclasses import dataclass

BREADCRUMB = " › "


@dataclass(frozen=True, slots=True)
class Where:
    """A breadcrumb to one value: names from the data where known ("week 2", "session A",
    "Goblet squat"), positions where not ("block 2", "exercise 1"), then the field name
    exactly as it is written in the file ("sets"), so it can be found with the editor."""

    steps: tuple[str, ...] = ()

    def __truediv__(self, step: str) -> Where:
        return Where((*self.steps, step))

    def __str__(self) -> str:
        return BREADCRUMB.join(self.steps)


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One thing wrong with the data, located by 1-based line and column."""

    file: str
    line: int
    column: int
    where: str  # the breadcrumb, e.g. "week 2 › session A › Goblet squat › sets"; "" for the whole file
    message: str

    @property
    def text(self) -> str:
        """The problem without its location: `where: message`."""
        return f"{self.where}: {self.message}" if self.where else self.message

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.text}"


class DataError(Exception):
    """The data in `data/` cannot be used; `problems` says everything that is wrong."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        count = len(self.problems)
        summary = f"{count} problem{'s' if count != 1 else ''} in the program data"
        super().__init__("\n".join([*map(str, self.problems), summary]))
