"""Every built page through the Nu HTML Checker (`vnu.jar` from npm, on Debian's Java), the
checker behind validator.w3.org: no error and no warning that our own markup causes.

The pages are checked over HTTP from the local server, not as files: checked as files, every
same-origin stylesheet and script looks blocked by our CSP (`'self'` never matches a `file:`
address). vnu refuses loopback addresses unless told (`allow-forbidden-hosts`).

What the checker finds in markup that is not ours is listed in `NOT_OURS`, each with why it
is there and why it stays, and asserted exactly: a new finding, or one gone, fails the test.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from conftest import ROOT, missing_tool

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# (kind of finding, a piece of the markup it points at) -> why it is there and why it stays.
NOT_OURS = {
    (
        "error: Attribute “autocomplete” is only allowed when the input type is",
        'type="checkbox" id="__drawer" autocomplete="off"',
    ): "Material's navigation-drawer toggle: a hidden checkbox with autocomplete=off, so Firefox "
    "does not restore it open after a reload; the attribute does nothing elsewhere.",
    (
        "error: Attribute “autocomplete” is only allowed when the input type is",
        'type="checkbox" id="__search" autocomplete="off"',
    ): "Material's search toggle: the same hidden-checkbox pattern as the drawer.",
    (
        "warning: Inline script violates Content Security Policy (meta tag)",
        '<script id="__config" type="application/json">',
    ): "Material's configuration is a JSON data block, never run, so no CSP applies to it; "
    "the checker treats every inline <script> as code.",
}
# Per page, how often each finding of NOT_OURS appears (the same on every page).
ON_EVERY_PAGE = Counter(list(NOT_OURS))
# Python-Markdown's footnotes write `<hr />`; an info message (not a warning), on the one
# page with footnotes.
FOOTNOTE_RULE = ("info: Trailing slash on void elements has no effect", "<hr />")
EXTRA = {"why-lift-heavy/": Counter({FOOTNOTE_RULE: 1})}


def _page_urls(site: Path) -> list[str]:
    pages = sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))
    return [page.removesuffix("index.html") for page in pages]


def _kind(message: dict) -> str:
    level = message.get("subType") if message["type"] == "info" and message.get("subType") else message["type"]
    return f"{level}: {message['message']}"


def _key(message: dict) -> tuple[str, str]:
    """The finding as a key of NOT_OURS: its kind and the part of the markup it names."""
    kind, extract = _kind(message), message.get("extract", "")
    for known_kind, markup in [*NOT_OURS, FOOTNOTE_RULE]:
        if kind.startswith(known_kind) and markup in extract:
            return known_kind, markup
    return kind, extract


LIVE = "broken-week-1.html"  # a copy of week 1 with one old `<section>` back (see the last test)


@pytest.fixture(scope="module")
def checked(site: Path, served_site: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Counter]:
    """Every finding of one checker run over every page (and the broken copy), per page."""
    java = shutil.which("java")
    if java is None or not VNU.is_file():
        missing_tool("java or node_modules/vnu-jar is missing; `make test` installs them (apt-get, npm ci)")
    assert java is not None
    pages = _page_urls(site)
    html = (site / "week-1" / "index.html").read_text(encoding="utf-8")
    broken = tmp_path_factory.mktemp("vnu") / LIVE
    broken.write_text(html.replace('<div class="lh-block ', '<section class="lh-block ', 1), encoding="utf-8")
    command = [
        java,
        "-Dnu.validator.servlet.allow-forbidden-hosts=true",  # our own server, on 127.0.0.1
        "-jar",
        str(VNU),
        "--format",
        "json",
        "--exit-zero-always",
        *(served_site + page for page in pages),
        str(broken),  # one JVM start for everything: it is most of the time
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stderr)  # vnu writes its report to stderr
    found: dict[str, Counter] = {page: Counter() for page in [*pages, LIVE]}
    for message in report["messages"]:
        assert message["type"] != "non-document-error", message  # a page it could not check
        page = LIVE if message["url"].endswith("/" + LIVE) else message["url"].removeprefix(served_site)
        found[page][_key(message)] += 1
    return found


@pytest.fixture(scope="module")
def findings(checked: dict[str, Counter]) -> dict[str, Counter]:
    """The built pages' findings."""
    return {page: found for page, found in checked.items() if page != LIVE}


def test_every_page_was_checked(findings: dict[str, Counter], site: Path) -> None:
    assert len(findings) == len(list(site.rglob("*.html"))) > 10
    assert {"", "404.html", "week-1/", "exercises/", "why-lift-heavy/"} <= findings.keys()


def test_no_page_has_a_finding_our_markup_causes(findings: dict[str, Counter]) -> None:
    ours = {
        page: [
            f"{count} × {kind} at {extract!r}"
            for (kind, extract), count in found.items()
            if (kind, extract) not in NOT_OURS and (kind, extract) != FOOTNOTE_RULE
        ]
        for page, found in findings.items()
    }
    assert ours == {page: [] for page in findings}


def test_the_findings_in_markup_not_ours_are_exactly_the_explained_list(findings: dict[str, Counter]) -> None:
    expected = {page: ON_EVERY_PAGE + EXTRA.get(page, Counter()) for page in findings}
    assert findings == expected


def test_the_checker_reports_what_our_markup_would_cause(checked: dict[str, Counter]) -> None:
    """The checker is live: week 1 with one block back in a `<section>` whose heading is in a
    nested card (the old template) is flagged."""
    kinds = [kind for kind, _ in checked[LIVE]]
    assert any(kind.startswith("warning: Section lacks heading.") for kind in kinds)
