"""Which weeks are published: each week goes live on its `release` date.

The date that decides is today's date in UTC, or `RELEASE_DATE=YYYY-MM-DD` when set, so a
daily rebuild of the same commit publishes new weeks on their day while two builds on
the same day stay identical. (`SOURCE_DATE_EPOCH` only fixes timestamps; it plays no
part here.) A preview (`make serve`) shows every week and marks the unreleased ones.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from liftheavy.data.model import Program, Week


class ReleaseDateError(ValueError):
    """RELEASE_DATE is set but is not a date."""


@dataclass(frozen=True, slots=True)
class Release:
    """The release decision for one build."""

    today: dt.date
    preview: bool = False  # show unreleased weeks too, marked as such

    def is_released(self, week: Week) -> bool:
        return week.release <= self.today

    def is_published(self, week: Week) -> bool:
        """Whether the week gets a page in this build."""
        return self.preview or self.is_released(week)

    def published(self, program: Program) -> Program:
        """The program as this build publishes it: only the weeks that get a page."""
        return dataclasses.replace(program, weeks=tuple(w for w in program.weeks if self.is_published(w)))


def release_from_environment(environ: Mapping[str, str], *, preview: bool, now: dt.datetime | None = None) -> Release:
    """The release decision from RELEASE_DATE, else today's date in UTC."""
    value = environ.get("RELEASE_DATE", "").strip()
    if value:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ReleaseDateError(f"RELEASE_DATE must be a date like 2027-01-04, got {value!r}")
        try:
            return Release(today=dt.date.fromisoformat(value), preview=preview)
        except ValueError as error:
            raise ReleaseDateError(f"RELEASE_DATE {value!r} is not a real date: {error}") from None
    today = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).date()
    return Release(today=today, preview=preview)


def release_for_command(environ: Mapping[str, str], command: str) -> Release:
    """The release decision of one MkDocs run: `serve` previews every week unless RELEASE_DATE is set."""
    preview = command == "serve" and not environ.get("RELEASE_DATE", "").strip()
    return release_from_environment(environ, preview=preview)


_MONTHS = ("January", "February", "March", "April", "May", "June", "July",
           "August", "September", "October", "November", "December")  # fmt: skip
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def long_date(day: dt.date) -> str:
    """Monday 4 January 2027: spelled out, independent of the machine's locale."""
    return f"{_DAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"
