"""Scheduled release: which date decides, and what a build publishes on that date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, build_site
from support.blockdata import without_block_data
from liftheavy.tools.htmlscan import scan
from liftheavy.data.loader import load_program
from liftheavy.data.release import Release, ReleaseDateError, long_date, release_from_environment

PROGRAM = load_program(FIXTURES / "valid")  # week 1 on 2027-01-04, week 2 on 2027-01-11


def test_release_date_variable_decides() -> None:
    assert release_from_environment({"RELEASE_DATE": "2027-01-11"}, preview=False) == Release(dt.date(2027, 1, 11))


def test_without_variable_today_in_utc_decides() -> None:
    late_evening_in_new_york = dt.datetime(2027, 1, 10, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    release = release_from_environment({}, preview=False, now=late_evening_in_new_york)
    assert release.today == dt.date(2027, 1, 11)


def test_source_date_epoch_plays_no_part() -> None:
    environ = {"SOURCE_DATE_EPOCH": "0", "RELEASE_DATE": "2027-01-04"}
    assert release_from_environment(environ, preview=False).today == dt.date(2027, 1, 4)


@pytest.mark.parametrize("value", ["next monday", "2027-1-4", "2027-02-30"])
def test_bad_release_date_is_a_clear_error(value: str) -> None:
    with pytest.raises(ReleaseDateError, match="RELEASE_DATE"):
        release_from_environment({"RELEASE_DATE": value}, preview=False)


@pytest.mark.parametrize(
    ("today", "published"),
    [("2027-01-03", []), ("2027-01-04", [1]), ("2027-01-10", [1]), ("2027-01-11", [1, 2])],
)
def test_a_week_is_published_from_its_release_day(today: str, published: list[int]) -> None:
    release = Release(dt.date.fromisoformat(today))
    assert [week.number for week in release.published(PROGRAM).weeks] == published


def test_preview_publishes_everything_but_knows_what_is_released() -> None:
    release = Release(dt.date(2027, 1, 4), preview=True)
    assert [week.number for week in release.published(PROGRAM).weeks] == [1, 2]
    assert [release.is_released(week) for week in PROGRAM.weeks] == [True, False]


def test_long_date_ignores_locale() -> None:
    assert long_date(dt.date(2027, 1, 18)) == "Monday 18 January 2027"


def test_build_between_two_release_dates_publishes_only_released_weeks(tmp_path: Path) -> None:
    result = build_site(ROOT, tmp_path, release_date="2027-01-12")
    assert result.returncode == 0, result.stderr
    assert [(tmp_path / f"week-{n}" / "index.html").exists() for n in (1, 2, 3, 4)] == [True, True, False, False]
    overview = scan(tmp_path / "index.html")
    assert {"week-1/", "week-2/"} <= set(overview.links)
    assert not {"week-3/", "week-4/"} & set(overview.links)
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "Coming on Monday 18 January 2027." in html
    assert "Coming on Monday 25 January 2027." in html
    sitemap = (tmp_path / "sitemap.xml").read_text(encoding="utf-8")
    assert "/week-2/" in sitemap
    assert "/week-3/" not in sitemap
    search = (tmp_path / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "week-2/" in search
    assert "week-3/" not in search
    pages = (p.read_text(encoding="utf-8") for p in tmp_path.rglob("*.html"))
    every_page = "".join(without_block_data(page, {"week-3", "week-4"}) for page in pages)
    assert "week-3/" not in every_page
