"""Real-browser checks at a 360×740 phone viewport in Debian's Chromium (Playwright).

What a runner at the gym needs: every page opens without errors or requests to other
hosts, nothing scrolls sideways (down to 320 px), text is at least 16 px, tap targets
are at least 44 px, and every exercise card shows its sets, reps, load, effort and rest.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from conftest import PHONE, ROOT
from liftheavy.data.loader import load_program
from liftheavy.pages.render import amount

pytestmark = pytest.mark.browser
PAGES = ["", "why-lift-heavy/", "week-1/", "week-2/", "week-3/", "week-4/", "exercises/", "exercises/squat/", "about/"]
PROGRAM = load_program(ROOT)
# Collects Content-Security-Policy violations so a test can assert there were none.
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) =>
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));
"""


def csp_violations(page) -> list[str]:
    return page.evaluate("window.__cspViolations")


@pytest.fixture(params=["light", "dark"])
def phone(request: pytest.FixtureRequest, browser, served_site: str) -> Iterator[object]:
    """A fresh phone-sized page that records console errors and every request it makes."""
    context = browser.new_context(viewport=PHONE, color_scheme=request.param, device_scale_factor=2)
    page = context.new_page()
    page.errors = []
    page.requests = []
    page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("request", lambda req: page.requests.append(req.url))
    page.on("dialog", lambda dialog: (page.errors.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.add_init_script(CSP_LISTENER)
    yield page
    context.close()


@pytest.mark.parametrize("url", PAGES)
def test_page_opens_cleanly_and_never_scrolls_sideways(phone, served_site: str, url: str) -> None:
    phone.goto(served_site + url, wait_until="networkidle")
    assert phone.errors == []
    assert csp_violations(phone) == []
    assert [request for request in phone.requests if not request.startswith(served_site)] == []
    for width in (360, 320):
        phone.set_viewport_size({"width": width, "height": 740})
        overflow = phone.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{url} scrolls sideways by {overflow} px at {width} px"


@pytest.mark.parametrize("url", PAGES)
def test_text_and_tap_targets_are_big_enough(phone, served_site: str, url: str) -> None:
    phone.goto(served_site + url)
    small_text = phone.evaluate(
        """() => [...document.querySelectorAll('.md-content p, .md-content li, .lh-card__facts dd, .lh-schedule td')]
            .filter(el => el.offsetParent !== null && el.textContent.trim())
            .filter(el => parseFloat(getComputedStyle(el).fontSize) < 16)
            .map(el => el.textContent.trim().slice(0, 40))"""
    )
    assert small_text == []
    small_targets = phone.evaluate(
        """() => [...document.querySelectorAll('.lh-card__title a, .lh-weeknav a, .lh-schedule a, .md-header__button')]
            .filter(el => el.offsetParent !== null)
            .map(el => [el.textContent.trim().slice(0, 30), el.getBoundingClientRect()])
            .filter(([, box]) => box.height < 44 || box.width < 24)
            .map(([text, box]) => `${text}: ${Math.round(box.width)}x${Math.round(box.height)}`)"""
    )
    assert small_targets == []


@pytest.mark.parametrize("week", PROGRAM.weeks, ids=lambda week: week.slug)
def test_every_exercise_card_shows_what_to_do(phone, served_site: str, week) -> None:
    phone.goto(f"{served_site}{week.slug}/")
    for session in week.sessions:
        assert phone.locator(f"#session-{session.id}").is_visible()
        for block in session.blocks:
            for index, prescription in enumerate(block.prescriptions):
                card = phone.locator(f"#{session.id}-{prescription.exercise.id}")
                card.scroll_into_view_if_needed()
                assert card.is_visible()
                text = " ".join(card.inner_text().split())
                load = prescription.load
                expected = [
                    block.label(index),
                    prescription.exercise.name,
                    f"Sets {prescription.sets}",
                    amount(prescription),
                    f"RPE {load.rpe}" if load.rir is not None else f"Stop with about {load.reserve_s} s left",
                    "Rest",
                ]
                if load.percent_1rm is not None:
                    expected.append(f"{load.percent_1rm}% 1RM")
                assert [part for part in expected if part not in text] == [], text
    assert phone.locator("#high-mileage").is_visible()


def test_palette_toggle_switches_light_and_dark(browser, served_site: str) -> None:
    context = browser.new_context(viewport=PHONE, color_scheme="light")
    page = context.new_page()
    page.add_init_script(CSP_LISTENER)
    page.goto(served_site + "week-1/")
    schemes = []
    for _ in range(3):
        page.locator("label.md-header__button[for^='__palette']:visible").click()
        schemes.append(page.evaluate("document.body.getAttribute('data-md-color-scheme')"))
    violations = csp_violations(page)
    context.close()
    assert "slate" in schemes
    assert "default" in schemes
    assert violations == []


SEARCH_FILES = re.compile(r"/search/search_index\.json$|/workers/search\.[^/]*\.js$")


def test_search_loads_when_opened_and_says_so(browser, served_site: str) -> None:
    """The search worker and index are not part of a page's load: opening search fetches
    them, and until the index arrives (held back here) search says it is getting ready.
    (The service worker, blocked here, saves both in the background for offline use.)"""
    context = browser.new_context(viewport=PHONE, service_workers="block")
    phone = context.new_page()
    phone.errors, phone.requests = [], []
    phone.on("console", lambda message: message.type == "error" and phone.errors.append(message.text))
    phone.on("pageerror", lambda error: phone.errors.append(str(error)))
    phone.on("request", lambda req: phone.requests.append(req.url))
    held = []
    phone.route("**/search/search_index.json", lambda route: held.append(route))
    phone.goto(served_site + "week-1/", wait_until="networkidle")
    phone.wait_for_timeout(500)
    assert [url for url in phone.requests if SEARCH_FILES.search(url)] == []
    phone.locator("label.md-header__button[for='__search']").click()
    phone.wait_for_function("document.activeElement && document.activeElement.matches('input.md-search__input')")
    meta = phone.locator(".md-search-result__meta")
    expect(meta).to_have_text("Initializing search")
    expect(meta).to_be_visible()
    phone.wait_for_timeout(300)
    assert len(held) == 1
    assert [url for url in phone.requests if SEARCH_FILES.search(url)] != []
    held[0].continue_()
    phone.locator("input.md-search__input").press_sequentially("soleus")
    phone.locator(".md-search-result__item", has_text="soleus").first.wait_for()
    context.close()
    assert phone.errors == []


def test_search_finds_an_exercise(phone, served_site: str) -> None:
    phone.goto(served_site + "week-1/", wait_until="networkidle")  # search loads on first use
    phone.locator("label.md-header__button[for='__search']").click()
    phone.locator("input.md-search__input").press_sequentially("copenhagen")
    # Results refresh as each letter arrives; wait for the finished query's list, not the first one.
    results = phone.locator(".md-search-result__item", has_text="Copenhagen")
    results.first.wait_for()
    assert "Copenhagen" in results.first.inner_text()
    assert phone.errors == []
    assert csp_violations(phone) == []


def test_exercise_link_lands_on_its_library_entry(phone, served_site: str) -> None:
    phone.goto(served_site + "week-1/")
    phone.locator("#a-barbell-back-squat .lh-card__title a").click()
    phone.wait_for_url("**/exercises/squat/#barbell-back-squat")
    assert phone.locator("#barbell-back-squat").is_visible()


LAYOUT_SHIFTS = """
window.__shift = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
}).observe({ type: "layout-shift", buffered: true });
"""


@pytest.mark.parametrize("url", PAGES)
def test_page_does_not_jump_while_loading(browser, served_site: str, url: str) -> None:
    # The gym tools are shown by a script; they must hold their place from the first paint,
    # or the session moves under the runner's thumb (Lighthouse's CLS).
    context = browser.new_context(viewport=PHONE, service_workers="block")
    page = context.new_page()
    page.add_init_script(LAYOUT_SHIFTS)
    page.goto(served_site + url, wait_until="networkidle")
    page.wait_for_timeout(500)
    shift = page.evaluate("window.__shift")
    context.close()
    assert shift < 0.02
