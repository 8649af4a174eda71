"""Performance budgets on the built site (numbers from perf/budgets.toml).

Every page's HTML must arrive in the first round trip (14 KB gzip), and every page opened
with an empty cache in Chromium, served with gzip, must stay within the first-load budget
(100 KB gzip of everything fetched until the network is idle, search's worker and index
included if anything asked for them) and the request budget, and must not request anything from another host.
With GitHub Pages' cache headers, a page visited again downloads nothing and the next page
costs its own HTML only. Pages are whatever the build produced, so new pages and assets are
measured too.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from perf.budgets import load_budgets
from perf.pages import FirstLoad, first_load, html_sizes, page_paths, visits
from perf.serve import gzip_size, serve

BUDGETS = load_budgets()


def test_every_page_html_arrives_in_the_first_round_trip(site: Path) -> None:
    sizes = html_sizes(site)
    assert any(size.path.startswith("week-") for size in sizes)
    too_big = [f"/{size.path}: {size.gzip_bytes} B" for size in sizes if size.gzip_bytes > BUDGETS.html_gzip_max_bytes]
    assert too_big == [], f"over {BUDGETS.html_gzip_max_bytes} B of gzip HTML"


def test_every_figure_fits_its_budget(site: Path) -> None:
    figures = sorted((site / "assets/figures").glob("*.svg"))
    assert len(figures) >= 2
    sizes = {path.name: gzip_size(path) for path in figures}
    too_big = [f"{name}: {size} B" for name, size in sizes.items() if size > BUDGETS.figure_gzip_max_bytes]
    assert too_big == [], f"over {BUDGETS.figure_gzip_max_bytes} B of gzip per figure"


@pytest.fixture(scope="module")
def first_loads(site: Path, browser) -> list[FirstLoad]:
    """Every page of the built site opened once with an empty cache, served with gzip."""
    with serve(site) as (base_url, sent):
        return [first_load(browser, base_url, sent, path) for path in page_paths(site, include_404=False)]


@pytest.mark.browser
def test_first_load_of_every_page_within_budget(first_loads: list[FirstLoad]) -> None:
    assert [load.path for load in first_loads if load.path.startswith("week-")], "no week page was measured"
    over = [
        f"/{load.path}: {load.gzip_bytes} B"
        for load in first_loads
        if load.gzip_bytes > BUDGETS.first_load_gzip_max_bytes
    ]
    assert over == [], f"over {BUDGETS.first_load_gzip_max_bytes} B on first load"


@pytest.mark.browser
def test_first_load_requests_within_budget(first_loads: list[FirstLoad]) -> None:
    over = [
        f"/{load.path}: {len(load.requests)} {load.requests}"
        for load in first_loads
        if len(load.requests) > BUDGETS.first_load_requests_max
    ]
    assert over == [], f"over {BUDGETS.first_load_requests_max} requests on first load"


@pytest.mark.browser
def test_search_is_not_part_of_a_first_load(first_loads: list[FirstLoad]) -> None:
    """Material's search worker and index come when the reader opens search."""
    files = re.compile(r"/search/search_index\.json$|/workers/search\.[^/]*\.js$")
    search = [(load.path, url) for load in first_loads for url in load.requests if files.search(url)]
    assert search == []


@pytest.mark.browser
def test_no_request_leaves_the_site(first_loads: list[FirstLoad]) -> None:
    assert [(load.path, url) for load in first_loads for url in load.external] == []


@pytest.mark.browser
def test_bytes_are_counted_as_sent_compressed(site: Path, first_loads: list[FirstLoad]) -> None:
    """The measurement itself: each page's own HTML is in its load at its gzip size, and the
    stylesheets and scripts it links were fetched compressed, not raw."""
    html = {size.path: size.gzip_bytes for size in html_sizes(site)}
    for load in first_loads:
        sent = dict(load.files)
        assert sent[f"/{load.path}"] == html[load.path]
        raw = sum((site / path.lstrip("/")).stat().st_size for path in sent if path.endswith((".css", ".js")))
        compressed = sum(size for path, size in sent.items() if path.endswith((".css", ".js")))
        assert compressed < raw / 2


@pytest.mark.browser
def test_next_page_costs_its_html_and_a_page_seen_before_nothing(site: Path, browser) -> None:
    weeks = [path for path in page_paths(site) if path.startswith("week-")][:2]
    assert len(weeks) == 2
    html = {size.path: size.gzip_bytes for size in html_sizes(site)}
    with serve(site) as (base_url, sent):
        first, following, again = visits(browser, base_url, sent, [weeks[0], weeks[1], weeks[0]])
    assert sum(response.body_bytes for response in first) > html[weeks[0]]  # CSS and JS came too
    assert [(response.path, response.body_bytes) for response in following] == [(f"/{weeks[1]}", html[weeks[1]])]
    assert again == []
