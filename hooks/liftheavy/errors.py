"""Problems found in `data/`, reported like a compiler: `file:line:col: where: what`.

The loader collects every `Problem` it finds and raises one `DataError` holding all of
them, so a contributor sees everything that is wrong in a single run.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One thing wrong with the data, located by 1-based line and column."""

    file: str
    line: int
    column: int
    where: str  # dotted path into the document, e.g. sessions[0].blocks[1].exercises[0].sets
    message: str

    def __str__(self) -> str:
        where = f"{self.where}: " if self.where else ""
        return f"{self.file}:{self.line}:{self.column}: {where}{self.message}"


class DataError(Exception):
    """The data in `data/` cannot be used; `problems` says everything that is wrong."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        count = len(self.problems)
        summary = f"{count} problem{'s' if count != 1 else ''} in the program data"
        super().__init__("\n".join([*map(str, self.problems), summary]))
