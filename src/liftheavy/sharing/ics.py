"""The calendar of release dates: one all-day event per week, as an iCalendar (.ics) file.

    Program (every week, released or not) --render_calendar--> text/calendar (RFC 5545)

Readers add it to their calendar to be reminded on each release day, so it lists future
weeks too (the overview already shows their dates). UIDs come from the week numbers and the
site's host, so re-importing or a calendar app's refresh updates the same events instead of
adding copies. DTSTAMP is the build time, which `SOURCE_DATE_EPOCH` fixes for reproducible
builds. Values are escaped as RFC 5545 TEXT and lines are folded at 75 octets.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from liftheavy.data.model import Program
from liftheavy.pages.render import render_template
from liftheavy.pages.urls import absolute_url, site_path


def ics_text(value: object) -> str:
    """A TEXT value: backslash, semicolon, comma and newlines escaped (RFC 5545 §3.3.11)."""
    text = str(value).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def _fold(line: str) -> str:
    """Fold a content line into 75-octet pieces, never inside a UTF-8 character (§3.1)."""
    pieces: list[str] = []
    current, size = "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = 75 if not pieces else 74  # continuation lines start with a space
        if size + width > limit:
            pieces.append(current)
            current, size = "", 0
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


def render_calendar(program: Program, *, site_name: str, site_url: str, build_time: dt.datetime) -> str:
    """The whole calendar, with CRLF line ends as the format requires."""
    host = urlsplit(site_url).hostname or "localhost"
    events = [
        {
            "uid": f"{week.slug}-release@{host}",
            "start": week.release,
            "end": week.release + dt.timedelta(days=1),
            "summary": f"{site_name}: week {week.number} ({week.title}) is out",
            "description": f"{week.summary}\n\n{absolute_url(site_url, site_path(week.slug + '.md'))}",
            "url": absolute_url(site_url, site_path(week.slug + ".md")),
        }
        for week in program.weeks
    ]
    text = render_template(
        "calendar.ics.j2",
        site_name=site_name,
        description=program.tagline,
        site=absolute_url(site_url, ""),
        stamp=build_time.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ"),
        events=events,
        text=ics_text,
    )
    return "".join(_fold(line) + "\r\n" for line in text.splitlines())
