"""Your block's data island (`data-lh-block-data`, render.block_data) in a built page.

The plan dates every session of the program, so the island names each future week's release
date and address (never its content: a future week's sessions have no titles); a week page's
island (render.block_dates) has neither titles nor addresses. Release tests take the island
out before checking that nothing else of a future week is on any page."""

from __future__ import annotations

import html
import json
import re

ISLAND = re.compile(r"<div data-lh-block-data='([^']*)' hidden></div>")


def without_block_data(page: str, future: set[str]) -> str:
    """`page` without its data islands, after checking they hold no future week's titles."""
    for island in ISLAND.findall(page):
        for week in json.loads(html.unescape(island))["weeks"]:
            if "path" not in week:  # dates only: number, release, session ids
                assert set(week) == {"number", "release", "sessions"}, week
                assert all(set(session) == {"id"} for session in week["sessions"]), week
            elif week["path"].rstrip("/") in future:
                assert not any(session["title"] for session in week["sessions"]), week
    return ISLAND.sub("", page)
