"""What a built site contains: its pages, their HTML sizes, and what a first visit downloads.

`html_sizes` reads files; `first_load` opens a page in Chromium (Playwright) against
`perf.serve`, so requests are counted by the browser and bytes by the server that sent them.
The budget tests, `make bench` and `make audit` all use these, so they measure the same thing.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from perf.serve import GZIP_LEVEL, Sent

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

PHONE = {"width": 360, "height": 740}
QUIET_MS = 500  # the network counts as settled after this long without a request


def page_paths(site: Path, *, include_404: bool = True) -> list[str]:
    """Every HTML page of a built site as a URL path relative to the root: "", "week-1/", "404.html"."""
    paths = []
    for file in sorted(site.rglob("*.html")):
        relative = file.relative_to(site).as_posix()
        if relative == "404.html" and not include_404:
            continue
        paths.append(relative.removesuffix("index.html"))
    return paths


def html_file(site: Path, path: str) -> Path:
    return site / (path + "index.html" if path == "" or path.endswith("/") else path)


@dataclass(frozen=True, slots=True)
class HtmlSize:
    path: str
    raw_bytes: int
    gzip_bytes: int


def html_sizes(site: Path) -> list[HtmlSize]:
    """Each page's HTML, raw and compressed as the server sends it."""
    sizes = []
    for path in page_paths(site):
        raw = html_file(site, path).read_bytes()
        sizes.append(HtmlSize(path, len(raw), len(gzip.compress(raw, compresslevel=GZIP_LEVEL, mtime=0))))
    return sizes


@dataclass(frozen=True, slots=True)
class FirstLoad:
    """One page opened with an empty cache."""

    path: str
    requests: tuple[str, ...]  # every URL the page requested, in order (data: URLs excluded)
    external: tuple[str, ...]  # requests that left the site
    files: tuple[tuple[str, int], ...]  # (site path, bytes of body sent) for each response

    @property
    def gzip_bytes(self) -> int:
        """Everything that crossed the wire until the network was idle (compressed bodies)."""
        return sum(size for _, size in self.files)


def first_load(browser: Browser, base_url: str, sent: list[Sent], path: str) -> FirstLoad:
    """Open `base_url + path` in a fresh phone-sized context and record what it downloads
    until the network is idle: every file, whoever asked for it (page, scripts, workers).

    Service workers are blocked, so a worker's precaching is not counted as the page's own
    first load (and cannot answer requests from its cache); the HTTP cache is disabled.
    """
    context = browser.new_context(viewport=PHONE, service_workers="block")
    try:
        page = context.new_page()
        devtools = context.new_cdp_session(page)
        devtools.send("Network.enable")
        devtools.send("Network.setCacheDisabled", {"cacheDisabled": True})
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        start = len(sent)
        page.goto(base_url + path, wait_until="load")
        _wait_until_quiet(page, requests)
        responses = sent[start:]
    finally:
        context.close()
    fetched = tuple(url for url in requests if not url.startswith("data:"))
    return FirstLoad(
        path=path,
        requests=fetched,
        external=tuple(url for url in fetched if not url.startswith(base_url)),
        files=tuple((response.path, response.body_bytes) for response in responses),
    )


def visits(browser: Browser, base_url: str, sent: list[Sent], paths: list[str]) -> list[list[Sent]]:
    """Open `paths` one after another in one browser context with its HTTP cache on, as a
    reader clicking through would (service workers blocked, so only HTTP caching counts);
    returns what the server sent for each visit."""
    context = browser.new_context(viewport=PHONE, service_workers="block")
    try:
        page = context.new_page()
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        sent_per_visit = []
        for path in paths:
            start = len(sent)
            page.goto(base_url + path, wait_until="load")
            _wait_until_quiet(page, requests)
            sent_per_visit.append(sent[start:])
    finally:
        context.close()
    return sent_per_visit


def _wait_until_quiet(page: Page, requests: list[str]) -> None:
    """Wait until no new request has started for QUIET_MS (late ones: worker, index, favicon)."""
    seen = -1
    while seen != len(requests):
        seen = len(requests)
        page.wait_for_timeout(QUIET_MS)
