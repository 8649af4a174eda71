"""The site in WebKit, the engine of Safari: Debian's WebKitGTK (its MiniBrowser, through
WebKitWebDriver and Selenium) on a virtual screen (Xvfb). It is desktop WebKit on Linux,
not an iPhone: the same engine family, not iOS Safari's settings, fonts or storage rules.

On week 1: ticks survive a reload, the rest timer counts down, the units switch changes the
loads, the before-run switch hides the full sessions, the service worker controls the page
after a reload; your block: today's session one tap from the overview and from today/; no
page scrolls sideways at 360 px; and no page has a script error.

Errors are collected by serving each page with one extra same-origin script first in its
`<head>` (our CSP allows 'self'): it reports uncaught errors, rejected promises,
console.error, failed loads and CSP violations to the test server. Two canary pages show
that the error report and the sideways check can fail. WebDriver cannot set the clock, so
for the block's dates the server adds one more same-origin script that starts the page's
clock at a chosen instant.

The MiniBrowser's toolbar keeps its window at least 447 px wide; a GTK stylesheet under
XDG_CONFIG_HOME shrinks the toolbar so the page itself can be 360 px wide.
"""

from __future__ import annotations

import datetime as dt
import http.server
import math
import os
import re
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from conftest import PHONE, ROOT, missing_tool
from liftheavy.data.loader import load_program
from support.gymloads import KG_PER_LB, barbell_text

pytestmark = pytest.mark.browser
DRIVER = Path("/usr/bin/WebKitWebDriver")
MINIBROWSER = Path("/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser")
XVFB = Path("/usr/bin/Xvfb")
BASE_PATH = "/runners-lift-heavy/"  # production's, so the 404 page's absolute links work
REPORTER_PATH = BASE_PATH + "__errors.js"
CLOCK_PATH = BASE_PATH + "__clock.js"
# WebDriver cannot set the browser's clock; for the block's dates the test server adds one
# more same-origin script that starts the page's clock at a given instant (it then runs).
CLOCK = """(() => {
  const offset = %d - Date.now();
  const RealDate = Date;
  class SetDate extends RealDate {
    constructor(...args) { if (args.length === 0) super(RealDate.now() + offset); else super(...args); }
    static now() { return RealDate.now() + offset; }
  }
  window.Date = SetDate;
})();
"""
WEEK_1 = load_program(ROOT).weeks[0]

REPORTER = """(() => {
  // Leaving a page cancels its fetches and Material's bundle then throws "Network error":
  // nobody sees that page any more, so nothing is reported from then on.
  let leaving = false;
  addEventListener("beforeunload", () => { leaving = true; });
  const report = (text) => leaving || navigator.sendBeacon("/__errors", location.pathname + ": " + text);
  addEventListener("error", (event) => {
    const target = event.target;
    if (target && target !== window && (target.src || target.href)) report("failed to load " + (target.src || target.href));
    else report(event.message + " (" + event.filename + ":" + event.lineno + ")");
  }, true);
  addEventListener("unhandledrejection", (event) => report("unhandled rejection: " + event.reason));
  addEventListener("securitypolicyviolation", (event) => report("CSP blocked " + event.blockedURI + " (" + event.violatedDirective + ")"));
  const error = console.error;
  console.error = (...args) => { report("console.error: " + args.join(" ")); error.apply(console, args); };
})();
"""
# Canaries, served only by the test server: a script error, and a page wider than a phone.
CANARIES = {
    BASE_PATH + "__canary-error.html": "<script>undefinedFunction()</script>",
    BASE_PATH + "__canary-wide.html": '<div style="width: 500px">wide</div>',
}
GTK_CSS = """/* The MiniBrowser's toolbar, shrunk, so its window (and the page) can be 360 px wide. */
headerbar, toolbar, entry, button { min-width: 0; min-height: 0; padding: 0; margin: 0; }
* { font-size: 1px; }
"""


class ReportingSite:
    """The built site under BASE_PATH, each page with the error reporter first in its head."""

    def __init__(self, directory: Path) -> None:
        self.errors: list[str] = []
        self.clock: dt.datetime | None = None  # the instant pages start their clock at, if set
        site = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def do_GET(self) -> None:
                path = urlsplit(self.path).path
                if path == REPORTER_PATH:
                    return self._send(REPORTER.encode(), "text/javascript")
                if path == CLOCK_PATH and site.clock is not None:
                    return self._send((CLOCK % (site.clock.timestamp() * 1000)).encode(), "text/javascript")
                if path in CANARIES:
                    page = f'<!doctype html><html lang="en"><head><title>canary</title></head><body>{CANARIES[path]}</body></html>'
                    return self._send(self._with_reporter(page), "text/html; charset=utf-8")
                file = directory / path.removeprefix(BASE_PATH)
                if not path.startswith(BASE_PATH) or ".." in path:
                    return self.send_error(404)
                if file.is_dir():
                    file = file / "index.html"
                if file.suffix == ".html" and file.is_file():
                    return self._send(self._with_reporter(file.read_text(encoding="utf-8")), "text/html; charset=utf-8")
                return super().do_GET()

            def translate_path(self, path: str) -> str:
                return str(directory / urlsplit(path).path.removeprefix(BASE_PATH))

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode("utf-8", "replace")
                if urlsplit(self.path).path == "/__errors":
                    site.errors.append(body)
                self.send_response(204)
                self.end_headers()

            @staticmethod
            def _with_reporter(html: str) -> bytes:
                scripts = f'<script src="{REPORTER_PATH}"></script>'
                if site.clock is not None:
                    scripts = f'<script src="{CLOCK_PATH}"></script>' + scripts
                return html.replace("<head>", f"<head>\n{scripts}", 1).encode()

            def _send(self, body: bytes, kind: str) -> None:
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:  # keep test output readable
                pass

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}{BASE_PATH}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture(scope="module")
def display() -> Iterator[str]:
    """A virtual screen: Xvfb on the first free display number from :90."""
    if not XVFB.exists():
        missing_tool(f"{XVFB} is missing; `make test` installs it with apt-get (xvfb)")
    for number in range(90, 200):
        if Path(f"/tmp/.X{number}-lock").exists():
            continue
        xvfb = subprocess.Popen(
            [str(XVFB), f":{number}", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while xvfb.poll() is None and not Path(f"/tmp/.X11-unix/X{number}").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        if xvfb.poll() is None:
            break
    else:
        raise RuntimeError("no free X display from :90 to :199")
    yield f":{number}"
    xvfb.terminate()
    xvfb.wait()


@pytest.fixture(scope="module")
def served(site: Path) -> Iterator[ReportingSite]:
    server = ReportingSite(site)
    yield server
    server.close()


@pytest.fixture(scope="module")
def driver(display: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """One WebKitGTK MiniBrowser at 360×740, with its own empty profile."""
    if not (DRIVER.exists() and MINIBROWSER.exists()):
        missing_tool(f"{DRIVER} is missing; `make test` installs it with apt-get (webkit2gtk-driver)")
    from selenium import webdriver
    from selenium.webdriver.webkitgtk.options import Options
    from selenium.webdriver.webkitgtk.service import Service

    home = tmp_path_factory.mktemp("webkit-home")
    (home / "config" / "gtk-3.0").mkdir(parents=True)
    (home / "config" / "gtk-3.0" / "gtk.css").write_text(GTK_CSS, encoding="utf-8")
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DISPLAY": display,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
    }
    options = Options()
    options.binary_location = str(MINIBROWSER)
    options.add_argument("--automation")
    browser = webdriver.WebKitGTK(options=options, service=Service(executable_path=str(DRIVER), env=env))
    browser.set_window_size(PHONE["width"], PHONE["height"])
    yield browser
    browser.quit()


@pytest.fixture
def webkit(driver: Any, served: ReportingSite) -> Iterator[Any]:
    """The browser on a fresh visit: this site's storage empty, no errors so far; after the
    test, no page it opened reported an error."""
    driver.get(served.url)
    driver.execute_script("localStorage.clear(); sessionStorage.clear()")
    served.errors.clear()
    yield driver
    driver.get("about:blank")  # leave the last page, so its errors (if any) are in
    assert served.errors == [], "\n".join(served.errors)


def tap(driver: Any, element: Any) -> None:
    """Scroll the element to the middle of the screen (clear of the header and the rest-timer
    bar), then tap it, as a person would."""
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def css(driver: Any, selector: str) -> Any:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.CSS_SELECTOR, selector)


def wait_for(driver: Any, script: str, seconds: float = 15) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, seconds).until(lambda browser: browser.execute_script(script))


def _seconds(clock: str) -> int:
    minutes, seconds = clock.split(":")
    return int(minutes) * 60 + int(seconds)


# Session A's first card with a %1RM (the session opens with hops, which have none).
FIRST = next(p for b in WEEK_1.sessions[0].blocks for p in b.prescriptions if p.load.percent_1rm is not None)
CARD = f"#a-{FIRST.exercise.id}"


def test_the_page_is_360_px_wide(webkit: Any, served: ReportingSite) -> None:
    webkit.get(served.url + "week-1/")
    assert webkit.execute_script("return window.innerWidth") == PHONE["width"]
    assert "AppleWebKit" in webkit.execute_script("return navigator.userAgent")


def test_ticks_survive_a_reload(webkit: Any, served: ReportingSite) -> None:
    webkit.get(served.url + "week-1/")
    boxes = webkit.find_elements("css selector", f"{CARD} [data-lh-tick]")
    assert len(boxes) == FIRST.sets
    tap(webkit, boxes[0])
    tap(webkit, boxes[1])
    webkit.refresh()
    ticked = webkit.execute_script(
        f"return [...document.querySelectorAll('{CARD} [data-lh-tick]')].map(b => b.checked)"
    )
    assert ticked == [True, True] + [False] * (FIRST.sets - 2)


def test_a_set_is_logged_with_its_steppers_and_survives_a_reload(webkit: Any, served: ReportingSite) -> None:
    webkit.get(served.url + "week-1/")
    tap(webkit, css(webkit, f"{CARD} .lh-set__what"))  # the first set's numbers: its steppers open
    weight = css(webkit, f"{CARD} .lh-edit input")
    weight.send_keys("60")
    webkit.execute_script("arguments[0].dispatchEvent(new Event('change'))", weight)
    tap(webkit, css(webkit, f"{CARD} .lh-edit button[aria-label='More: weight in kg']"))
    tap(webkit, webkit.find_elements("css selector", f"{CARD} [data-lh-tick]")[0])
    webkit.refresh()
    logged = webkit.execute_script("return JSON.parse(localStorage.getItem('lh-log')).sets")
    assert [(s["exercise"], s["set"], s["kg"], s["reps"]) for s in logged] == [
        (FIRST.exercise.id, 1, 62.5, FIRST.reps.high)
    ]
    assert css(webkit, f"{CARD} .lh-set__what").text == f"62.5 kg × {FIRST.reps.high}"


def test_the_rest_timer_counts_down(webkit: Any, served: ReportingSite) -> None:
    webkit.get(served.url + "week-1/")
    clock = css(webkit, "[data-lh-timer-time]")
    started = time.monotonic()
    tap(webkit, css(webkit, f"{CARD} [data-lh-rest]"))
    assert css(webkit, "[data-lh-timer]").is_displayed()
    first, first_read = _seconds(clock.text), time.monotonic()
    assert FIRST.rest_s - math.ceil(first_read - started) - 1 <= first <= FIRST.rest_s
    time.sleep(2.5)  # WebDriver has no clock control: real seconds
    before_second = time.monotonic()
    second, second_read = _seconds(clock.text), time.monotonic()
    # Counted down by the seconds that passed between the two readings (±1 for rounding).
    assert math.floor(before_second - first_read) - 1 <= first - second <= math.ceil(second_read - started) + 1


def test_the_units_switch_changes_the_loads(webkit: Any, served: ReportingSite) -> None:
    assert FIRST.exercise.id == "barbell-back-squat"  # a barbell lift: loads come with plates
    percent = FIRST.load.percent_1rm
    assert percent is not None
    webkit.get(served.url + "week-1/")
    tap(webkit, css(webkit, ".lh-settings summary"))
    one_rep_max = css(webkit, "[data-lh-max='barbell-back-squat']")
    tap(webkit, one_rep_max)
    one_rep_max.send_keys("100")
    load = css(webkit, f"{CARD} [data-lh-calc]")
    assert load.text == barbell_text(100, percent, "kg", 20)
    tap(webkit, css(webkit, "[name='lh-unit'][value='lb']"))
    pounds = 100 / KG_PER_LB
    assert one_rep_max.get_attribute("value") == f"{round(pounds, 1):g}"
    assert load.text == barbell_text(round(pounds, 1), percent, "lb", 45)


def test_the_before_run_switch_hides_the_full_sessions(webkit: Any, served: ReportingSite) -> None:
    webkit.get(served.url + "week-1/")
    tap(webkit, css(webkit, "[name='lh-mode'][value='short']"))
    assert not css(webkit, "#session-a").is_displayed()
    assert not css(webkit, "#session-b").is_displayed()
    assert not css(webkit, CARD).is_displayed()
    assert css(webkit, "#high-mileage").is_displayed()
    assert css(webkit, "[data-lh-session='high-mileage']").is_displayed()


def test_the_service_worker_controls_the_page_after_a_reload(webkit: Any, served: ReportingSite) -> None:
    webkit.get(served.url + "week-1/")
    assert webkit.execute_script("return window.isSecureContext && 'serviceWorker' in navigator")
    wait_for(webkit, "return navigator.serviceWorker.getRegistration().then(r => !!(r && r.active))")
    webkit.refresh()
    assert wait_for(webkit, "return navigator.serviceWorker.controller !== null")
    assert webkit.execute_script("return navigator.serviceWorker.controller.scriptURL").endswith(BASE_PATH + "sw.js")


def test_todays_session_is_one_tap_from_the_overview_and_today(webkit: Any, served: ReportingSite) -> None:
    """A block started on Monday 4 January 2027 with Tuesday and Friday as lift days: on
    Tuesday 12 January (UTC, the machine's zone) it is week 2, session A."""
    from selenium.webdriver.common.by import By

    served.clock = dt.datetime(2027, 1, 12, 12, 0, tzinfo=dt.UTC)
    try:
        webkit.get(served.url)
        form = css(webkit, "[data-lh-plan-form]")
        start = css(webkit, "[data-lh-plan-form] [name=start]")
        # WebKitGTK's date field takes no typed text through WebDriver: set it as a picker would.
        webkit.execute_script(
            "arguments[0].value = '2027-01-04'; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
            "arguments[0].dispatchEvent(new Event('change', {bubbles: true}))",
            start,
        )
        for day in ("Tuesday", "Friday"):
            tap(
                webkit,
                form.find_element(
                    By.XPATH, f".//fieldset[legend='Your two lift days']//label[normalize-space()='{day}']"
                ),
            )
        tap(webkit, form.find_element(By.XPATH, ".//button[normalize-space()='Start my block']"))
        link = css(webkit, "[data-lh-next-link]")
        assert link.text.startswith("Today: week 2, session A"), link.text
        webkit.refresh()  # the plan is kept
        link = css(webkit, "[data-lh-next-link]")
        assert link.text.startswith("Today: week 2, session A"), link.text
        tap(webkit, link)
        wait_for(webkit, f"return location.href === {served.url + 'week-2/#session-a'!r}")
        badge = css(webkit, '[data-lh-today-badge="a"]')
        assert badge.is_displayed()
        assert badge.text == "Today's session"
        assert not css(webkit, '[data-lh-today-badge="b"]').is_displayed()
        webkit.get(served.url + "today/")  # the bookmark: straight to today's session
        wait_for(webkit, f"return location.href === {served.url + 'week-2/#session-a'!r}")
    finally:
        served.clock = None


def _pages(site: Path) -> list[str]:
    pages = sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))
    return [page.removesuffix("index.html") for page in pages]


def _too_wide(driver: Any) -> list[int]:
    return driver.execute_script("return [window.innerWidth, document.documentElement.scrollWidth]")


def test_no_page_scrolls_sideways_at_360_px_and_none_has_a_script_error(
    webkit: Any, served: ReportingSite, site: Path
) -> None:
    wide = {}
    for page in _pages(site):
        webkit.get(served.url + page)
        wait_for(webkit, "return document.readyState === 'complete'")
        inner, scroll = _too_wide(webkit)
        assert inner == PHONE["width"], page
        if scroll > inner:
            wide[page] = scroll
    assert wide == {}


def test_the_canaries_show_the_checks_can_fail(driver: Any, served: ReportingSite) -> None:
    served.errors.clear()
    driver.get(served.url + "__canary-wide.html")
    assert _too_wide(driver)[1] > PHONE["width"]
    driver.get(served.url + "__canary-error.html")
    driver.get("about:blank")
    deadline = time.monotonic() + 5
    while not served.errors and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(served.errors) == 1
    assert re.search(r"__canary-error\.html: .*undefinedFunction", served.errors[0]), served.errors
    served.errors.clear()
