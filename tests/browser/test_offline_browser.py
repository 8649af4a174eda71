"""Offline after one visit, in a real phone browser: the service worker saves the whole site
during the first visit, every page then opens with the network off, and a new deploy
replaces the saved pages on the next online visit.

The site is served under production's base path (/runners-lift-heavy/) by a server whose
directory can be swapped, which is what a deploy looks like to a browser.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import NEXT_DEPLOY_TITLE, PHONE, ROOT
from liftheavy.data.loader import load_program
from support.pages import SITE_PAGES
from support.swapserver import SwappableSite

pytestmark = pytest.mark.browser
# today/ is left out, as it always was here: test_block_browser.py opens it offline, with a plan.
PAGES = [page for page in SITE_PAGES if page != "today/"]
PROGRAM = load_program(ROOT)


@pytest.fixture
def phone(browser) -> Iterator[object]:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.errors = []
    page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


def _title(site: Path, url: str) -> str:
    html = (site / url / "index.html").read_text(encoding="utf-8")
    return re.search(r"<title>(.*?)</title>", html).group(1)


def _version(site: Path) -> str:
    return re.search(r'const VERSION\s*=\s*"(\w+)"', (site / "sw.js").read_text()).group(1)


def _wait_until_saved(page, site: Path, seconds: float = 30) -> None:
    """Until the service worker runs and holds exactly this build's cache (the old deleted)."""
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    suffix = " " + _version(site)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        names = page.evaluate("caches.keys()")
        if len(names) == 1 and names[0].endswith(suffix):
            return
        time.sleep(0.2)
    raise AssertionError(f"the service worker did not save build {suffix.strip()}: caches {names}")


def _shows_its_content(page, site: Path, url: str) -> None:
    assert page.title() == _title(site, url).replace("&amp;", "&")
    assert page.locator("article h1").first.is_visible()
    # Styled (Material's and our stylesheets came from the cache): the header is coloured.
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor") != "rgba(0, 0, 0, 0)"


def test_every_page_opens_offline_after_visiting_the_overview(phone, site: Path) -> None:
    with SwappableSite(site) as server:
        phone.goto(server.url)
        _wait_until_saved(phone, site)
        phone.context.set_offline(True)
        for url in PAGES:
            phone.goto(server.url + url)
            _shows_its_content(phone, site, url)
        for week in PROGRAM.weeks:
            phone.goto(f"{server.url}{week.slug}/")
            cards = sum(len(block.prescriptions) for session in week.sessions for block in session.blocks)
            assert phone.locator(".lh-card").count() == cards + len(week.high_mileage.prescriptions)
            assert phone.locator("[data-lh-gym]").is_visible()  # the gym script came from the cache too
            assert phone.get_by_text("This site now works offline on this phone.").is_visible()
        # Ticking sets works with no signal and survives a reload.
        phone.goto(server.url + "week-1/")
        phone.locator("[data-lh-tick]").nth(1).check()
        phone.reload()
        assert phone.locator("[data-lh-tick]").nth(1).is_checked()
        # A newsletter link with tracking tags opens the saved page.
        phone.goto(server.url + "week-2/?utm_source=newsletter&utm_medium=email#session-b")
        _shows_its_content(phone, site, "week-2/")
        # Search works offline: its index was saved too.
        phone.goto(server.url + "exercises/")
        phone.locator("label.md-header__button[for='__search']").click()
        phone.locator("input.md-search__input").press_sequentially("soleus")
        phone.locator(".md-search-result__item").first.wait_for()
        assert phone.errors == []


def test_a_new_deploy_replaces_the_saved_pages_on_the_next_online_visit(phone, site: Path, changed_site: Path) -> None:
    old_title = _title(site, "week-1/")
    assert NEXT_DEPLOY_TITLE not in old_title
    with SwappableSite(site) as server:
        phone.goto(server.url + "week-1/")
        _wait_until_saved(phone, site)
        phone.reload()
        assert phone.title() == old_title
        server.swap(changed_site)
        since_deploy = len(server.requests)
        phone.goto(server.url + "week-1/")  # the next online visit gets the new page at once
        assert NEXT_DEPLOY_TITLE in phone.title()
        _wait_until_saved(phone, changed_site)  # ...and the new service worker saves the new deploy
        # Files with a content hash in their name come from the cache; unchanged files are
        # copied from the old cache, not downloaded again.
        downloaded = server.requests[since_deploy:]
        assert server.base_path + "week-1/" in downloaded
        assert [path for path in downloaded if re.search(r"\.[0-9a-f]{8}\.min\.(js|css)$", path)] == []
        assert server.base_path + "assets/images/icon-512.png" not in downloaded
        phone.context.set_offline(True)
        phone.goto(server.url + "week-1/")
        assert NEXT_DEPLOY_TITLE in phone.title()
        phone.goto(server.url + "week-3/")
        _shows_its_content(phone, changed_site, "week-3/")
        assert phone.errors == []
