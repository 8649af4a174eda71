"""The weight budget: all of our own JavaScript and CSS, as served, within `perf/budgets.toml`.

"Our own" is every .js and .css file in the built site that Material for MkDocs does not
ship (the theme's files are measured by the baseline, not by us): the stylesheets, the
gym script and the service worker. Each is compressed on its own, as a server sends it.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import material

from perf.budgets import load_budgets

BUDGET_BYTES = load_budgets().own_code_gzip_max_bytes
MATERIAL_FILES = Path(material.__file__).parent / "templates"


def _our_code(site: Path) -> list[Path]:
    return sorted(
        path
        for path in site.rglob("*")
        if path.suffix in (".js", ".css") and not (MATERIAL_FILES / path.relative_to(site)).is_file()
    )


def test_our_javascript_and_css_fit_their_gzip_budget(site: Path) -> None:
    files = _our_code(site)
    names = {path.relative_to(site).as_posix() for path in files}
    assert {"sw.js", "assets/javascripts/liftheavy-gym.js", "assets/stylesheets/liftheavy-gym.css"} <= names
    sizes = {path.relative_to(site).as_posix(): len(gzip.compress(path.read_bytes(), mtime=0)) for path in files}
    total = sum(sizes.values())
    assert total <= BUDGET_BYTES, f"{total} bytes gzipped, budget {BUDGET_BYTES}: {sizes}"


def test_the_theme_files_are_not_counted_as_ours(site: Path) -> None:
    names = {path.relative_to(site).as_posix() for path in _our_code(site)}
    assert not [name for name in names if "bundle." in name or "/lunr/" in name or "/workers/" in name]
