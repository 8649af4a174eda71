"""The strict build of the real site: every page is there, every internal link and anchor
resolves, generated pages edit their YAML file, broken data fails the build cleanly,
and `mkdocs serve` rebuilds when data changes."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import MKDOCS, ROOT, build_site, copy_project
from liftheavy.tools.htmlscan import html_pages, page_url, scan
from liftheavy.tools.linkcheck import broken_links

PAGES = ["", "why-lift-heavy/", "week-1/", "week-2/", "week-3/", "week-4/", "exercises/", "exercises/squat/", "about/"]
REPO = "https://github.com/runners-lift-heavy/runners-lift-heavy"


@pytest.mark.parametrize("url", PAGES)
def test_page_is_built(site: Path, url: str) -> None:
    assert (site / url / "index.html").is_file()


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    assert broken_links(site) == []


def test_link_check_finds_a_missing_page_and_a_missing_anchor(site: Path, tmp_path: Path) -> None:
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    about = copy / "about" / "index.html"
    html = about.read_text(encoding="utf-8")
    about.write_text(html.replace("</body>", '<a href="../week-9/">x</a><a href="../week-1/#nowhere">y</a></body>'))
    assert broken_links(copy) == ["/about/ → ../week-9/ (no page)", "/about/ → ../week-1/#nowhere (no anchor)"]
    result = subprocess.run(
        [sys.executable, "-m", "liftheavy.tools.linkcheck", str(copy)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    assert "/about/ → ../week-9/ (no page)" in result.stderr


def test_pages_load_nothing_from_other_hosts(site: Path) -> None:
    external = [
        f"{page_url(site, path)}: {url}"
        for path in html_pages(site)
        for url in scan(path).resources
        if re.match(r"(https?:)?//", url)
    ]
    assert external == []


@pytest.mark.parametrize(
    ("url", "source"),
    [
        ("week-2/", "data/weeks/week-2.yaml"),
        ("exercises/", "data/exercises.yaml"),
        ("why-lift-heavy/", "docs/why-lift-heavy.md"),
    ],
)
def test_edit_this_page_opens_the_right_file(site: Path, url: str, source: str) -> None:
    links = scan(site / url / "index.html").links
    assert f"{REPO}/edit/main/{source}" in links


def test_week_page_has_stable_anchors_and_neighbours(site: Path) -> None:
    page = scan(site / "week-2" / "index.html")
    assert {"warm-up", "session-a", "session-b", "high-mileage", "a-barbell-back-squat", "a-double-kettlebell-front-squat"} <= page.ids
    assert {"../week-1/", "../week-3/"} <= set(page.links)


def test_overview_links_every_week_and_shows_the_sources_page(site: Path) -> None:
    links = scan(site / "index.html").links
    assert {"week-1/", "week-2/", "week-3/", "week-4/"} <= set(links)
    about = scan(site / "about" / "index.html")
    assert "source-storen-2008" in about.ids


def test_navigation_lists_the_weeks_in_order(site: Path) -> None:
    html = (site / "index.html").read_text(encoding="utf-8")
    positions = [html.index(f"Week {n}: ") for n in (1, 2, 3, 4)]
    assert positions == sorted(positions)


def test_broken_data_fails_the_build_with_the_loader_message(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    week = project / "data/weeks/week-2.yaml"
    week.write_text(week.read_text(encoding="utf-8").replace("sets: 4", "sets: four", 1), encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert re.search(
        r"data/weeks/week-2\.yaml:\d+:\d+: week 2 › session A › Barbell back squat › sets: expected a whole number like 3, got 'four'",
        result.stderr,
    )
    assert "Traceback" not in result.stderr


def test_make_build_keeps_the_old_site_when_the_build_fails(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "Makefile").write_text((ROOT / "Makefile").read_text())
    (project / "site").mkdir()
    (project / "site" / "marker.txt").write_text("old site")
    (project / "data/exercises.yaml").write_text("exercises: nope\n")
    venv = MKDOCS.parent.parent  # reuse the test environment instead of installing again
    result = subprocess.run(
        ["make", "--no-print-directory", f"VENV={venv}", "-o", f"{venv}/.site", "build"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode != 0
    assert "data/exercises.yaml:1:12: exercises: expected a list ('- item' lines), got 'nope'" in result.stderr
    assert (project / "site" / "marker.txt").read_text() == "old site"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def _wait_for(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def test_serve_previews_every_week_and_rebuilds_when_data_changes(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    later = project / "data/weeks/week-2.yaml"  # push week 2 far into the future
    later.write_text(later.read_text(encoding="utf-8").replace("release: 2027-01-11", "release: 2099-01-05"))
    port = _free_port()
    base = f"http://127.0.0.1:{port}/runners-lift-heavy/"
    environ = {key: value for key, value in os.environ.items() if key != "RELEASE_DATE"}
    server = subprocess.Popen(
        [str(MKDOCS), "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=environ,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert _wait_for(lambda: "Week 1: Foundation" in _fetch(base + "week-1/"), 60), "serve did not start"
        # Editors see every week in a preview, the unreleased ones clearly marked.
        preview = "this week is not released yet. It goes live on Monday 5 January 2099."
        assert preview in _fetch(base + "week-2/")
        week = project / "data/weeks/week-1.yaml"
        week.write_text(week.read_text(encoding="utf-8").replace("title: Foundation", "title: Groundwork"))
        rebuilt = _wait_for(lambda: "Week 1: Groundwork" in _fetch(base + "week-1/"), 60)
        assert rebuilt, "serve did not rebuild after a data change"
    finally:
        server.terminate()
        server.wait(timeout=10)
