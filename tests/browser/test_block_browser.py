"""Your block in a real phone browser (Chromium at 360×740), on a fixed clock in a time zone
away from UTC (Los Angeles, UTC−8), so the runner's date and the UTC date differ in the
evening: set the plan and reload, today's link; the calendar file parsed with `icalendar`;
moving a missed session; weeks before their release; today/ opening the session, offline too.

Expected dates are worked out here by hand from the 2027 calendar (4 January is a Monday)
and the rules in docs/index.md, not by the page's script.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import icalendar
import pytest
from playwright.sync_api import expect

from conftest import build_site, phone_page, serve_directory

pytestmark = pytest.mark.browser
ZONE = "America/Los_Angeles"
PACIFIC = dt.timezone(dt.timedelta(hours=-8))  # January: standard time


def at(day: str, hour: int) -> dt.datetime:
    """An instant given as the runner's local date and hour in Los Angeles."""
    return dt.datetime.fromisoformat(day).replace(hour=hour, tzinfo=PACIFIC)


@pytest.fixture
def phone(browser) -> Iterator[object]:
    with phone_page(browser, timezone_id=ZONE, accept_downloads=True) as page:
        yield page


@pytest.fixture(scope="module")
def early_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site as built on 12 January 2027: weeks 1 and 2 out, weeks 3 and 4 still to come."""
    site_dir = tmp_path_factory.mktemp("early-site")
    result = build_site(Path(__file__).resolve().parent.parent.parent, site_dir, "2027-01-12")
    assert result.returncode == 0, result.stderr
    with serve_directory(site_dir) as url:
        yield url


def _set_clock(page, instant: dt.datetime) -> None:
    page.clock.install(time=instant)


def _start_block(page, start: str, days: tuple[str, str], *, before_run: bool = False) -> None:
    form = page.locator("[data-lh-plan-form]")
    form.locator("[name=start]").fill(start)
    for day in days:
        form.get_by_label(day, exact=True).first.check()
    if before_run:
        form.get_by_label("Before-run only (4)").check()
    form.get_by_role("button", name="Start my block").click()


def _plan_rows(page) -> list[str]:
    """Each dated session as its parts' text, one space between (independent of layout)."""
    return page.eval_on_selector_all(
        "[data-lh-plan-list] li",
        "items => items.map(li => [...li.childNodes].map(n => n.textContent.trim()).filter(Boolean).join(' '))",
    )


def test_no_plan_yet_the_overview_offers_the_form_with_next_monday(phone, served_site: str) -> None:
    _set_clock(phone, at("2027-01-06", 9))  # a Wednesday
    phone.goto(served_site)
    assert phone.locator("[data-lh-next]").inner_text() == "Start your block: your start date, your lift days"
    assert phone.locator("[data-lh-plan-form] [name=start]").input_value() == "2027-01-11"
    assert not phone.locator("[data-lh-plan-view]").is_visible()
    # One lift day is not a plan.
    phone.locator("[data-lh-plan-form]").get_by_label("Tuesday", exact=True).first.check()
    phone.get_by_role("button", name="Start my block").click()
    assert phone.locator("[data-lh-plan-problem]").inner_text() == "Choose two lift days (you chose 1)."


def test_the_plan_survives_a_reload_and_today_links_to_todays_session(phone, served_site: str) -> None:
    _set_clock(phone, at("2027-01-11", 21))  # Monday evening; already Tuesday in UTC
    phone.goto(served_site)
    _start_block(phone, "2027-01-04", ("Tuesday", "Friday"))
    assert _plan_rows(phone) == [
        "Week 1, session A Tuesday 5 January",
        "Week 1, session B Friday 8 January",
        "Week 2, session A Tuesday 12 January",
        "Week 2, session B Friday 15 January",
        "Week 3, session A Tuesday 19 January",
        "Week 3, session B Friday 22 January",
        "Week 4, session A Tuesday 26 January",
        "Week 4, session B Friday 29 January",
    ]
    next_link = phone.locator("[data-lh-next-link]")
    assert next_link.inner_text().startswith("Next: Tomorrow, week 2, session A")  # local, not UTC
    phone.reload()
    assert next_link.inner_text().startswith("Next: Tomorrow, week 2, session A")

    later = phone.context.new_page()  # Tuesday 22:30 in Los Angeles, Wednesday in UTC
    later.clock.install(time=at("2027-01-12", 22) + dt.timedelta(minutes=30))
    later.goto(served_site)
    link = later.locator("[data-lh-next-link]")
    assert link.inner_text().startswith("Today: week 2, session A")
    assert link.get_attribute("href") == served_site + "week-2/#session-a"
    link.click()
    later.wait_for_url(served_site + "week-2/#session-a")
    badge = later.locator('[data-lh-today-badge="a"]')
    assert badge.is_visible()
    assert badge.inner_text() == "Today's session"
    assert not later.locator('[data-lh-today-badge="b"]').is_visible()


def test_the_calendar_file_has_eight_all_day_events_on_the_lift_days(phone, served_site: str, tmp_path: Path) -> None:
    _set_clock(phone, at("2027-01-02", 10))
    phone.goto(served_site)
    _start_block(phone, "2027-01-04", ("Monday", "Thursday"))

    def download() -> icalendar.Calendar:
        with phone.expect_download() as info:
            phone.get_by_role("link", name="Download my calendar (.ics)").click()
        path = tmp_path / info.value.suggested_filename
        info.value.save_as(path)
        raw = path.read_bytes()
        assert b"\n" not in raw.replace(b"\r\n", b"")  # CRLF line ends only
        assert max(len(line) for line in raw.split(b"\r\n")) <= 75
        return icalendar.Calendar.from_ical(raw)

    events = download().walk("VEVENT")
    starts = [event.decoded("DTSTART") for event in events]
    assert [d.isoformat() for d in starts] == [
        "2027-01-04", "2027-01-07", "2027-01-11", "2027-01-14",
        "2027-01-18", "2027-01-21", "2027-01-25", "2027-01-28",
    ]  # fmt: skip
    assert all(type(d) is dt.date and d.weekday() in (0, 3) for d in starts)  # all-day, Mon and Thu
    assert all(e.decoded("DTEND") == e.decoded("DTSTART") + dt.timedelta(days=1) for e in events)
    assert str(events[3]["URL"]) == served_site + "week-2/#session-b"
    assert str(events[3]["SUMMARY"]).startswith("Lift: week 2, session B")
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == 8
    assert [int(e["SEQUENCE"]) for e in events] == [0] * 8

    # Moved on: the same events (same UIDs), a higher SEQUENCE, so a calendar updates them.
    phone.clock.set_fixed_time(at("2027-01-08", 9))  # Friday: Thursday's session was missed
    phone.reload()
    phone.get_by_role("button", name="Missed week 1, session B on Thursday? Move it and the rest on").click()
    moved = download().walk("VEVENT")
    assert [str(e["UID"]) for e in moved] == uids
    assert [int(e["SEQUENCE"]) for e in moved] == [1] * 8
    assert moved[1].decoded("DTSTART") == dt.date(2027, 1, 11)


def test_a_missed_session_and_the_rest_move_to_the_next_lift_day(phone, served_site: str) -> None:
    _set_clock(phone, at("2027-01-13", 8))  # Wednesday: Tuesday's session did not happen
    phone.goto(served_site)
    _start_block(phone, "2027-01-04", ("Tuesday", "Friday"))
    phone.get_by_role("button", name="Missed week 2, session A on Tuesday? Move it and the rest on").click()
    assert _plan_rows(phone)[2:] == [
        "Week 2, session A Friday 15 January",
        "Week 2, session B Tuesday 19 January",
        "Week 3, session A Friday 22 January",
        "Week 3, session B Tuesday 26 January",
        "Week 4, session A Friday 29 January",
        "Week 4, session B Tuesday 2 February",
    ]
    phone.reload()
    assert phone.locator("[data-lh-next-link]").inner_text().startswith("Next: Friday, week 2, session A")
    # On the day itself: "can't lift today" moves today's session to the next lift day.
    phone.clock.set_fixed_time(at("2027-01-15", 7))
    phone.reload()
    assert phone.locator("[data-lh-next-link]").inner_text().startswith("Today: week 2, session A")
    phone.get_by_role("button", name="Can't lift today? Move today's session and the rest on").click()
    assert _plan_rows(phone)[2] == "Week 2, session A Tuesday 19 January"


def test_weeks_before_their_release_wait_and_say_when_they_open(phone, early_site: str) -> None:
    _set_clock(phone, at("2027-01-12", 9))
    phone.goto(early_site)
    _start_block(phone, "2027-01-04", ("Tuesday", "Friday"))
    rows = _plan_rows(phone)
    assert rows[4] == "Week 3, session A Tuesday 19 January Week 3 opens on Monday 18 January."
    assert rows[7] == "Week 4, session B Friday 29 January Week 4 opens on Monday 25 January."
    # Not linked: this build has no page for them yet.
    assert phone.locator("[data-lh-plan-list] a").count() == 4
    # A runner starting on the 18th, in the morning: week 3 is out today but this copy of
    # the site was built before it.
    phone.clock.set_fixed_time(at("2027-01-18", 7))
    phone.reload()
    assert _plan_rows(phone)[4] == "Week 3, session A Tuesday 19 January Week 3 opens later today."
    # The overview's first line and today/ point at the plan, not at a page not built yet.
    link = phone.locator("[data-lh-next-link]")
    assert link.inner_text() == "Next: Tomorrow, week 3, session A (opens later today)"
    assert link.get_attribute("href") == early_site + "#your-block"
    phone.goto(early_site + "today/")
    assert phone.locator("[data-lh-today]").inner_text() == (
        "No session today. Next: Tomorrow, week 3, session A (opens later today)"
    )


def test_today_page_without_a_plan_offers_the_overview_and_the_weeks(phone, served_site: str) -> None:
    phone.goto(served_site + "today/")
    assert phone.locator("[data-lh-today]").inner_text() == "No plan on this phone yet."
    assert phone.get_by_role("link", name="Start your block").get_attribute("href") == "../#your-block"
    assert phone.locator(".md-content").get_by_role("link", name=re.compile(r"^Week 4: ")).count() == 1


def test_today_page_opens_todays_session_offline(phone, served_site: str) -> None:
    _set_clock(phone, at("2027-01-19", 6))
    phone.goto(served_site)
    _start_block(phone, "2027-01-04", ("Tuesday", "Friday"), before_run=True)
    assert _plan_rows(phone)[2] == "Week 3, before-run session Tuesday 19 January Today"
    phone.evaluate("navigator.serviceWorker.ready.then(() => true)")
    phone.wait_for_function(
        "caches.keys().then(k => k.length && caches.open(k[0])).then(c => c && c.keys()).then(r => r && r.length > 40)"
    )
    phone.context.set_offline(True)
    phone.goto(served_site + "today/")
    phone.wait_for_url(served_site + "week-3/#high-mileage")
    assert phone.locator('[data-lh-today-badge="high-mileage"]').is_visible()
    assert phone.locator("h1").inner_text().startswith("Week 3")
    # No session today: the page says what is next, offline too.
    phone.clock.set_fixed_time(at("2027-01-20", 6))
    phone.goto(served_site + "today/")
    assert (
        phone.locator("[data-lh-today]").inner_text() == "No session today. Next: Tuesday, week 4, before-run session"
    )
    phone.context.set_offline(False)
    # The service worker tries the network first; those failures are expected, nothing else.
    phone.errors[:] = [error for error in phone.errors if "ERR_INTERNET_DISCONNECTED" not in error]


def test_a_week_this_phone_has_not_saved_says_connect_once(phone, served_site: str) -> None:
    _set_clock(phone, at("2027-01-05", 6))
    phone.goto(served_site)
    phone.evaluate("navigator.serviceWorker.ready.then(() => true)")
    phone.wait_for_function(
        "caches.keys().then(k => k.length && caches.open(k[0])).then(c => c && c.keys()).then(r => r && r.length > 40)"
    )
    # As if the phone had saved the site before week 4 came out.
    phone.evaluate(
        """caches.keys().then(k => caches.open(k[0])).then(cache => cache.keys().then(requests =>
             Promise.all(requests.filter(r => new URL(r.url).pathname.endsWith('/week-4/')).map(r => cache.delete(r)))))"""
    )
    _start_block(phone, "2027-01-04", ("Tuesday", "Friday"))
    rows = phone.locator("[data-lh-plan-list] li")
    expect(rows.nth(6)).to_contain_text("Not on this phone yet: connect once to save it.")
    assert (
        _plan_rows(phone)[6] == "Week 4, session A Tuesday 26 January Not on this phone yet: connect once to save it."
    )
    expect(rows.nth(7)).to_contain_text("connect once")
    assert phone.locator(".lh-plan__note").count() == 2


def test_a_damaged_stored_plan_is_kept_aside_not_lost(phone, served_site: str) -> None:
    _set_clock(phone, at("2027-01-12", 9))
    phone.goto(served_site)
    damaged = '{"version": 1, "id": "abcdefgh", "start": "2027-01-0'  # cut short
    phone.evaluate("text => localStorage.setItem('lh-block', text)", damaged)
    phone.reload()
    assert phone.locator("[data-lh-plan-problem]").inner_text().startswith("Your saved plan could not be read")
    assert phone.locator("[data-lh-next]").inner_text() == "Start your block: your start date, your lift days"
    _start_block(phone, "2027-01-04", ("Tuesday", "Friday"))
    assert phone.locator("[data-lh-next-link]").inner_text().startswith("Today: week 2, session A")
    assert phone.evaluate("JSON.parse(localStorage.getItem('lh-block-unreadable'))") == damaged
    assert phone.evaluate("JSON.parse(localStorage.getItem('lh-block')).liftDays") == [1, 4]


def test_a_new_block_after_the_last_session_gets_new_calendar_events(phone, served_site: str) -> None:
    _set_clock(phone, at("2027-01-04", 9))
    phone.goto(served_site)
    _start_block(phone, "2027-01-04", ("Tuesday", "Friday"))
    stored = "JSON.parse(localStorage.getItem('lh-block'))"
    first = phone.evaluate(stored)
    phone.get_by_role("button", name="Change my plan").click()
    phone.get_by_role("button", name="Start my block").click()  # the same block, changed
    assert phone.evaluate(stored)["id"] == first["id"]
    assert phone.evaluate(stored)["revision"] == 1
    phone.clock.set_fixed_time(at("2027-02-01", 9))  # after Friday 29 January, the last session
    phone.reload()
    assert phone.locator("[data-lh-next-link]").inner_text() == "Your block is done. Start another one?"
    phone.get_by_role("button", name="Change my plan").click()
    phone.locator("[data-lh-plan-form] [name=start]").fill("2027-02-08")
    phone.get_by_role("button", name="Start my block").click()
    again = phone.evaluate(stored)
    assert again["id"] != first["id"]
    assert (again["revision"], again["start"]) == (0, "2027-02-08")
