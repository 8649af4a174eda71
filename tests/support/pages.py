"""The built site's pages that the browser tests open one by one (addresses below the site root):
every kind of page once, and every week. Tests that need fewer say which they leave out, and why."""

from __future__ import annotations

SITE_PAGES = [
    "",
    "why-lift-heavy/",
    "week-1/",
    "week-2/",
    "week-3/",
    "week-4/",
    "exercises/",
    "exercises/squat/",
    "about/",
    "today/",
    "log/",
]
