"""The weight budget: our own JavaScript and CSS on any one page, as served, within
`[own_code]` of perf/budgets.toml.

"Our own" is every .js and .css file a page links to that Material for MkDocs does not ship
(the theme's files are measured by the first load), plus the service worker every page
registers. Each is compressed on its own, as a server sends it.
"""

from __future__ import annotations

import re
from pathlib import Path

import material

from perf.budgets import load_budgets
from perf.serve import gzip_size

BUDGET_BYTES = load_budgets().own_code_gzip_max_bytes
MATERIAL_FILES = Path(material.__file__).parent / "templates"
LINKED = re.compile(r'<(?:script[^>]*\bsrc|link[^>]*rel="stylesheet"[^>]*\bhref)="([^"?#]+)', re.IGNORECASE)


def _ours(site: Path, page: Path) -> list[Path]:
    files = []
    for link in LINKED.findall(page.read_text(encoding="utf-8")):
        if "://" in link:
            continue
        # The 404 page links by absolute path under site_url's path (/runners-lift-heavy/…).
        file = (site / link.strip("/").partition("/")[2]) if link.startswith("/") else (page.parent / link).resolve()
        if file.is_file() and not (MATERIAL_FILES / file.relative_to(site.resolve())).is_file():
            files.append(file)
    return [*files, site / "sw.js"]


def test_our_javascript_and_css_on_every_page_fit_the_budget(site: Path) -> None:
    site = site.resolve()
    week = _ours(site, site / "week-1/index.html")
    names = {path.relative_to(site).as_posix() for path in week}
    assert {"sw.js", "assets/javascripts/liftheavy-gym.js", "assets/stylesheets/liftheavy.css"} <= names
    over = {}
    for page in sorted(site.rglob("*.html")):
        sizes = {path.relative_to(site).as_posix(): gzip_size(path) for path in _ours(site, page)}
        if sum(sizes.values()) > BUDGET_BYTES:
            over[page.relative_to(site).as_posix()] = sizes
    assert over == {}, f"over {BUDGET_BYTES} B gzipped: {over}"


def test_the_theme_files_are_not_counted_as_ours(site: Path) -> None:
    site = site.resolve()
    names = {path.relative_to(site).as_posix() for path in _ours(site, site / "week-1/index.html")}
    assert not [name for name in names if "bundle." in name or "/lunr/" in name or "/workers/" in name]
