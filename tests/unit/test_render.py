"""Rendering: golden files pin the generated Markdown; unit tests pin escaping and URLs.

Regenerate the golden files after an intended change with:
    UPDATE_GOLDEN=1 make test    (then review the diff like any other change)
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os

import pytest

from conftest import FIXTURES
from liftheavy.data.loader import load_program
from liftheavy.data.release import Release
from liftheavy.pages.inline import markdown_text, render_inline
from liftheavy.pages.render import duration, expand_markers, render_pages
from liftheavy.pages.urls import relative_url

GOLDEN = FIXTURES / "golden"
PROGRAM = load_program(FIXTURES / "valid")
RELEASE = Release(today=dt.date(2027, 1, 4))  # week 1 out, week 2 not yet
PREVIEW = Release(today=dt.date(2027, 1, 4), preview=True)
PAGES = {page.src_uri: page for page in render_pages(PROGRAM, PREVIEW)}


def _check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {path}; run with UPDATE_GOLDEN=1 to create it"
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("src_uri", sorted(PAGES))
def test_generated_page_matches_golden(src_uri: str) -> None:
    _check_golden(src_uri, PAGES[src_uri].markdown)


def test_markers_match_golden() -> None:
    page = "Intro\n\n<!-- liftheavy:schedule -->\n\n<!-- liftheavy:equipment -->\n\n<!-- liftheavy:sources -->\n\n<!-- liftheavy:progression -->\n\n<!-- liftheavy:effort-chart -->\n"
    _check_golden("markers.md", expand_markers(page, PROGRAM, "index.md", RELEASE))
    _check_golden("markers-preview.md", expand_markers(page, PROGRAM, "index.md", PREVIEW))


def test_progression_is_worded_from_its_numbers() -> None:
    rule = dataclasses.replace(PROGRAM.progression, add_margin=3, drop_margin=1, step_percent=4)
    text = expand_markers(
        "<!-- liftheavy:progression -->", dataclasses.replace(PROGRAM, progression=rule), "index.md", RELEASE
    )
    assert "at least <strong>3 more</strong> reps in reserve" in text
    assert "<strong>1 or more fewer</strong>" in text
    assert "about <strong>4%</strong>" in text


def test_unreleased_weeks_get_no_page_and_no_links() -> None:
    pages = {page.src_uri: page.markdown for page in render_pages(PROGRAM, RELEASE)}
    library = sorted(uri for uri in pages if uri.startswith("exercises/"))
    assert sorted(pages) == ["exercises.md", *library, "week-1.md"]
    assert library  # one page per movement pattern
    # No link to week 2 and none of its content; "Your block" knows its release date, its
    # future address (for the runner's calendar) and how many sessions it has, nothing more.
    week_2 = PROGRAM.weeks[1]
    for markdown in pages.values():
        assert "week-2/" not in markdown.replace('"path":"week-2/"', "")
        assert not any(session.title in markdown for session in week_2.sessions)
        assert week_2.title not in markdown


def test_generated_pages_know_their_source_and_description() -> None:
    week = PAGES["week-1.md"]
    assert (week.title, week.description, week.edit_path) == (
        "Week 1: Foundation",
        "Learn the lifts with straight sets and long rests.",
        "data/weeks/week-1.yaml",
    )
    assert PAGES["exercises.md"].edit_path == "data/exercises.yaml"


def test_rendering_is_deterministic() -> None:
    again = {page.src_uri: page.markdown for page in render_pages(load_program(FIXTURES / "valid"), PREVIEW)}
    assert again == {uri: page.markdown for uri, page in PAGES.items()}


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("Sit *down* and **drive**", "Sit <em>down</em> and <strong>drive</strong>"),
        ("[guide](https://example.org/a?b=1&c=2)", '<a href="https://example.org/a?b=1&amp;c=2">guide</a>'),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("[x](javascript:alert(1))", "[x](javascript:alert(1))"),
        ('"><svg onload=alert(1)>', "&#34;&gt;&lt;svg onload=alert(1)&gt;"),
        ("{{ config }} 3 * 4 * 5", "{{ config }} 3 * 4 * 5"),
    ],
)
def test_inline_markdown_subset_escapes_everything_else(text: str, html: str) -> None:
    assert render_inline(text) == html


def test_markdown_text_shows_syntax_literally() -> None:
    assert markdown_text("A *b* [c](d) {#e} <f> & g") == r"A \*b\* \[c\]\(d\) \{\#e\} &lt;f&gt; &amp; g"


@pytest.mark.parametrize(
    ("from_src", "to_src", "anchor", "url"),
    [
        ("index.md", "week-1.md", None, "week-1/"),
        ("week-1.md", "exercises.md", "goblet-squat", "../exercises/#goblet-squat"),
        ("week-1.md", "exercises/squat.md", "goblet-squat", "../exercises/squat/#goblet-squat"),
        ("exercises.md", "exercises/squat.md", "goblet-squat", "squat/#goblet-squat"),
        ("exercises/squat.md", "week-1.md", "a-goblet-squat", "../../week-1/#a-goblet-squat"),
        ("week-2.md", "index.md", None, "../"),
        ("index.md", "index.md", "x", "./#x"),
    ],
)
def test_relative_url(from_src: str, to_src: str, anchor: str | None, url: str) -> None:
    assert relative_url(from_src, to_src, anchor) == url


@pytest.mark.parametrize(
    ("seconds", "text"), [(45, "45 s"), (60, "60 s"), (90, "90 s"), (120, "2 min"), (150, "2 min 30 s")]
)
def test_duration(seconds: int, text: str) -> None:
    assert duration(seconds) == text
