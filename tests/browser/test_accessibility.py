"""WCAG 2.2 AA in a real phone browser: axe-core (pinned in package.json, installed by
`make test` with npm ci) finds no violations on any page at 360×740, in the light and the
dark palette, with the gym tools open and the rest timer running and finished. Also: no
console errors, no sideways scrolling at 320 px, visible focus, reduced motion respected.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest

from conftest import PHONE, ROOT, missing_tool
from support.pages import SITE_PAGES

pytestmark = pytest.mark.browser
PAGES = SITE_PAGES
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCHEMES = {"light": "default", "dark": "slate"}


@pytest.fixture(scope="module")
def axe() -> str:
    if not AXE.is_file():
        missing_tool(f"{AXE} is missing; `make test` installs it with npm ci")
    return str(AXE)


@pytest.fixture(params=list(SCHEMES))
def phone(request: pytest.FixtureRequest, browser) -> Iterator[object]:
    # bypass_csp lets the test inject axe-core even under the site's Content-Security-Policy.
    context = browser.new_context(viewport=PHONE, color_scheme=request.param, bypass_csp=True)
    page = context.new_page()
    page.scheme = SCHEMES[request.param]
    page.errors = []
    page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


def _violations(page, axe: str) -> list[str]:
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == page.scheme
    page.add_script_tag(path=axe)
    violations = page.evaluate(
        """() => axe.run(document).then(result => result.violations.map(v =>
             `${v.id} (${v.impact}): ${v.help} -> ` + v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(', ')))"""
    )
    return violations


def _open_gym_tools(page) -> None:
    if page.locator("[data-lh-plan-form]").count():  # the overview: open the optional part of the plan form
        page.locator("[data-lh-plan-form] summary").click()
    if page.locator("[data-lh-gym]").count():
        page.locator(".lh-settings summary").click()
        page.locator("[data-lh-max]").first.fill("100")
        page.locator("[data-lh-tick]").first.check()  # ticks a set and starts the rest timer


@pytest.mark.parametrize("url", PAGES)
def test_no_axe_violations(phone, served_site: str, axe: str, url: str) -> None:
    phone.goto(served_site + url)
    _open_gym_tools(phone)
    assert _violations(phone, axe) == []
    assert phone.errors == []


def test_no_axe_violations_with_a_plan(phone, served_site: str, axe: str) -> None:
    """The overview showing a plan (today's session, a warning, a move), and that session's page."""
    phone.clock.install(time=dt.datetime(2027, 1, 12, 18, 0, tzinfo=dt.UTC))
    phone.goto(served_site)
    form = phone.locator("[data-lh-plan-form]")
    form.locator("[name=start]").fill("2027-01-04")
    form.get_by_label("Tuesday", exact=True).first.check()
    form.get_by_label("Saturday", exact=True).first.check()
    form.locator("summary").click()
    form.locator("[name=long]").select_option("6")
    phone.get_by_role("button", name="Start my block").click()
    assert phone.locator("[data-lh-plan-warnings] li").count() == 1
    assert phone.get_by_role("button", name=re.compile("^Can't lift today")).count() == 1
    assert _violations(phone, axe) == []
    phone.locator("[data-lh-next-link]").click()
    phone.wait_for_url(served_site + "week-2/#session-a")
    assert phone.locator('[data-lh-today-badge="a"]').is_visible()
    assert _violations(phone, axe) == []
    assert phone.errors == []


def test_no_axe_violations_with_a_log(phone, served_site: str, axe: str) -> None:
    """A week page with last time, a load from the log, the steppers open and a notice; the log page
    with its lists, chart, record, an open editor and an import preview."""
    sets = [
        {"id": f"s{d}{n}", "exercise": "barbell-back-squat", "card": "k", "week": 1, "session": "a", "set": n,
         "date": f"2026-11-{d}", "kg": kg, "reps": 8, "seconds": None, "rir": 4, "substitute": False,
         "target": {"low": 8, "high": 8, "rir": 4, "sets": 3}, "at": 1}
        for d, kg in (("18", 55), ("25", 60), ("26", 62.5)) for n in (1, 2, 3)
    ]  # fmt: skip
    phone.goto(served_site + "week-2/")
    phone.evaluate("s => localStorage.setItem('lh-log', JSON.stringify({version: 1, lastExport: null, sets: s}))", sets)
    phone.reload()
    card = phone.locator("#a-barbell-back-squat")
    assert card.locator(".lh-card__last").is_visible()
    card.locator(".lh-set__what").first.click()
    card.locator("[data-lh-tick]").first.check()  # a fourth session: the backup reminder shows
    assert phone.locator('[data-lh-say="backup"]').is_visible()
    assert _violations(phone, axe) == []
    phone.goto(served_site + "log/")
    phone.get_by_role("button", name=re.compile("^Change Barbell back squat, set 1")).first.click()
    assert phone.locator("svg.lh-log__chart").is_visible()
    assert _violations(phone, axe) == []
    assert phone.errors == []


def test_no_axe_violations_when_rest_is_over(phone, served_site: str, axe: str) -> None:
    start = dt.datetime(2027, 1, 5, 18, 0, tzinfo=dt.UTC)
    phone.clock.install(time=start)  # not paused: axe-core needs its own timers to run
    phone.goto(served_site + "week-1/")
    phone.locator("[data-lh-rest]").first.click()
    phone.get_by_role("button", name="Pause").click()
    assert _violations(phone, axe) == []  # the running bar, paused
    phone.get_by_role("button", name="Resume").click()
    phone.clock.run_for(10 * 60 * 1000)
    assert phone.locator("[data-lh-timer]").get_attribute("class").endswith("lh-timer--done")
    assert _violations(phone, axe) == []  # the end cue's colours


@pytest.mark.parametrize("url", PAGES)
def test_nothing_scrolls_sideways_at_320_px_with_the_gym_tools_open(phone, served_site: str, url: str) -> None:
    phone.set_viewport_size({"width": 320, "height": 740})
    phone.goto(served_site + url)
    _open_gym_tools(phone)
    overflow = phone.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{url} scrolls sideways by {overflow} px at 320 px"
    timer = phone.locator("[data-lh-timer]")
    if timer.count() and timer.is_visible():
        box = timer.bounding_box()
        assert box["x"] >= 0
        assert box["x"] + box["width"] <= 320


def test_gym_controls_are_big_and_show_focus(phone, served_site: str) -> None:
    phone.goto(served_site + "week-2/")
    _open_gym_tools(phone)
    targets = ".lh-set, [data-lh-rest], [data-lh-reset], .lh-switch label, .lh-check, [data-lh-timer] button, .lh-settings summary"
    small = phone.evaluate(
        """(selector) => [...document.querySelectorAll(selector)]
             .filter(el => el.offsetParent !== null || getComputedStyle(el).position === 'fixed')
             .map(el => [el.textContent.trim().slice(0, 30), el.getBoundingClientRect()])
             .filter(([, box]) => box.height < 44 || box.width < 44)
             .map(([text, box]) => `${text}: ${Math.round(box.width)}x${Math.round(box.height)}`)""",
        targets,
    )
    assert small == []
    for selector in ("[data-lh-tick]", "[data-lh-rest]", "[data-lh-timer-add]"):
        element = phone.locator(selector).first
        element.focus()
        phone.keyboard.press("Shift+Tab")
        phone.keyboard.press("Tab")  # keyboard focus, so :focus-visible applies
        style, width = element.evaluate("el => [getComputedStyle(el).outlineStyle, getComputedStyle(el).outlineWidth]")
        assert style != "none", selector
        assert width != "0px", selector


def test_end_cue_does_not_move_when_motion_is_reduced(browser, served_site: str) -> None:
    for motion, animated in (("reduce", False), ("no-preference", True)):
        context = browser.new_context(viewport=PHONE, reduced_motion=motion)
        page = context.new_page()
        page.goto(served_site + "week-1/")
        page.locator("[data-lh-timer]").evaluate("el => { el.hidden = false; el.classList.add('lh-timer--done'); }")
        name = page.locator("[data-lh-timer]").evaluate("el => getComputedStyle(el).animationName")
        assert (name != "none") is animated, (motion, name)
        context.close()
