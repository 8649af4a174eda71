"""Links that last, in a phone browser: a newsletter link with UTM parameters and no
#fragment, the library's old one-page addresses, old links after renames, and the overview's
follow links (the files behind them are checked in tests/site/test_links.py and test_feed.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import PHONE, serve_directory

pytestmark = pytest.mark.browser
SITE_URL = "https://runners-lift-heavy.github.io/runners-lift-heavy/"


@pytest.fixture
def phone(browser) -> Iterator[object]:
    context = browser.new_context(viewport=PHONE, device_scale_factor=2)
    page = context.new_page()
    page.errors, page.requests = [], []
    page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    context.close()


def test_week_opens_from_a_newsletter_link_with_utm_and_no_fragment(phone, served_site: str) -> None:
    phone.goto(
        f"{served_site}week-2/?utm_source=newsletter&utm_medium=email&utm_campaign=week-2", wait_until="networkidle"
    )
    assert phone.errors == []
    assert [url for url in phone.requests if not url.startswith(served_site)] == []
    assert phone.locator("h1").inner_text().rstrip("¶") == "Week 2: Build"
    assert phone.evaluate("window.scrollY") == 0
    assert phone.locator("#session-a").count() == 1
    canonical = phone.locator("link[rel=canonical]").get_attribute("href")
    assert canonical == SITE_URL + "week-2/"
    # Links on the page still go to pages (the query string does not leak into them).
    href = phone.locator(".lh-weeknav__next").get_attribute("href")
    assert href == "../week-3/"


@pytest.mark.parametrize("exercise", ["goblet-squat", "nordic-hamstring-curl", "dead-bug"])
def test_old_library_addresses_forward_in_a_browser(browser, served_site: str, exercise: str) -> None:
    """/exercises/#id, from before the library was split by pattern, opens the exercise's own
    page at its entry and leaves no extra step in the history; without script, the reader
    lands on the entry's link in the index instead."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(served_site + "about/")
    page.goto(served_site + f"exercises/#{exercise}", wait_until="networkidle")
    page.wait_for_url(re.compile(rf".*/exercises/[a-z-]+/#{exercise}$"))
    heading = page.locator(f"h2#{exercise}").bounding_box()
    assert heading is not None
    assert 0 <= heading["y"] < PHONE["height"] / 2, heading
    page.go_back()
    page.wait_for_url(re.compile(r".*/about/$"))  # the index replaced itself: one Back returns
    context.close()
    assert errors == []

    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(served_site + f"exercises/#{exercise}")
    assert page.url.endswith(f"/exercises/#{exercise}")
    link = page.locator(f"li#{exercise} a")
    box = link.bounding_box()
    assert box is not None
    assert 0 <= box["y"] < PHONE["height"] / 2, box
    assert link.get_attribute("href").endswith(f"/#{exercise}")
    context.close()


def test_old_links_land_in_a_browser_after_renames(browser, renamed_site: Path) -> None:
    with serve_directory(renamed_site) as base:
        context = browser.new_context(viewport=PHONE)
        page = context.new_page()
        errors = []
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        page.goto(base + "exercises/#goblet-squat", wait_until="networkidle")
        heading = page.locator("#kettlebell-goblet-squat").bounding_box()
        assert 0 <= heading["y"] < PHONE["height"] / 2, heading  # the entry is at the top of the screen
        page.goto(base + "week-1/#a-goblet-squat", wait_until="networkidle")
        # Week 1's goblet-squat card was replaced by the back squat, which keeps its old anchor.
        card = page.locator("#a-barbell-back-squat").bounding_box()
        assert 0 <= card["y"] < PHONE["height"] / 2, card
        page.goto(base + "why-lift-heavy/?utm_source=newsletter", wait_until="networkidle")
        page.wait_for_url(re.compile(r".*/evidence/$"))
        assert page.locator("h1").inner_text().rstrip("¶") == "Why runners should lift heavy"
        context.close()
    assert errors == []


def test_follow_links_are_easy_to_tap(browser, served_site: str) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(served_site)
    boxes = [link.bounding_box() for link in page.locator(".lh-follow__links a").all()]
    context.close()
    assert len(boxes) == 2
    assert all(box["height"] >= 44 for box in boxes), boxes
