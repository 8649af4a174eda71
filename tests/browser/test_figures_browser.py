"""Drawn figures in a real browser: they move, except for readers who ask for less motion.

A runner sees the figure as an <img> (SMIL animation runs inside it; no script needed).
The test looks at it as a person would: two screenshots of the same figure a moment apart
differ while it moves, and are identical under prefers-reduced-motion, where <picture>
swaps in the still (the positions side by side). The box is reserved by width and height
before the file arrives, and no figure sticks out of its card at 320 px.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from conftest import PHONE

pytestmark = pytest.mark.browser
WEEK = "week-1/"
LIBRARY = "exercises/squat/"


@pytest.fixture(params=["no-preference", "reduce"])
def phone(request: pytest.FixtureRequest, browser, served_site: str) -> Iterator[object]:
    context = browser.new_context(viewport=PHONE, reduced_motion=request.param)
    page = context.new_page()
    page.motion = request.param
    yield page
    context.close()


def _loaded(page, selector: str) -> object:
    image = page.locator(selector).first
    image.scroll_into_view_if_needed()
    page.wait_for_function("(img) => img.complete && img.naturalWidth > 0", arg=image.element_handle())
    return image


@pytest.mark.parametrize("url", [WEEK, LIBRARY])
def test_figure_moves_unless_reduced_motion(phone, served_site: str, url: str) -> None:
    phone.goto(served_site + url)
    image = _loaded(phone, ".lh-fig img")
    source = image.evaluate("(img) => img.currentSrc")
    image.screenshot(animations="allow")  # the first paint of a just-decoded image may still change
    shots = []
    for _ in range(3):  # a loop holds each position 0.8 s and moves for 0.9 s
        shots.append(image.screenshot(animations="allow"))
        phone.wait_for_timeout(700)
    if phone.motion == "reduce":
        assert source.endswith("-still.svg")
        assert len(set(shots)) == 1, "a figure moved under prefers-reduced-motion"
    else:
        assert source.endswith(".svg")
        assert not source.endswith("-still.svg")
        assert len(set(shots)) > 1, "the figure did not move"


def test_every_figure_box_is_reserved_before_its_file_arrives(phone, served_site: str) -> None:
    phone.route("**/assets/figures/*", lambda route: None)  # the files never arrive
    phone.goto(served_site + WEEK, wait_until="domcontentloaded")
    sizes = phone.eval_on_selector_all(".lh-fig img", "(imgs) => imgs.map((i) => [i.width, i.height])")
    assert sizes
    assert all(width > 20 and height > 20 for width, height in sizes)


@pytest.mark.parametrize("url", [WEEK, LIBRARY])
def test_no_figure_sticks_out_of_its_card_at_320_px(phone, served_site: str, url: str) -> None:
    phone.set_viewport_size({"width": 320, "height": 740})
    phone.goto(served_site + url, wait_until="networkidle")
    outside = phone.evaluate(
        """() => [...document.querySelectorAll('.lh-fig img')].filter((img) => {
             const box = img.getBoundingClientRect();
             const holder = img.closest('.lh-card, .lh-lib').getBoundingClientRect();
             return box.left < holder.left - 0.5 || box.right > holder.right + 0.5;
           }).map((img) => img.src)"""
    )
    assert outside == []
    overflow = phone.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
