"""Scaling: a synthetic program of 52 weeks and 200 exercises builds, every page of it stays
within the HTML budget, and the data → pages step costs the same per KB of program data at
4 and at 52 weeks. `make bench` reports the exact numbers;
the bounds here are generous guards against a blow-up (say, a step that became quadratic)."""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

from conftest import MKDOCS, ROOT
from liftheavy.data.loader import load_program
from liftheavy.data.release import Release
from liftheavy.pages.render import render_pages
from perf.budgets import load_budgets
from perf.generate import data_bytes
from perf.measure import run_measured
from perf.pages import html_sizes
from perf.synthetic import last_release, make_project

BUDGETS = load_budgets()
REPEATS = 5


def test_52_week_program_with_200_exercises_builds(tmp_path: Path) -> None:
    project = make_project(ROOT, tmp_path / "project", weeks=52, exercises=200)
    env = {**os.environ, "RELEASE_DATE": last_release(project).isoformat(), "NO_MKDOCS_2_WARNING": "1"}
    command = [str(MKDOCS), "build", "--strict", "--site-dir", str(tmp_path / "site"), "--config-file", "mkdocs.yml"]
    build = run_measured(command, env=env, cwd=project)
    assert build.returncode == 0, build.output[-3000:]
    assert sorted(path.parent.name for path in (tmp_path / "site").glob("week-*/index.html")) == sorted(
        f"week-{number}" for number in range(1, 53)
    )
    library = [path.read_text(encoding="utf-8") for path in (tmp_path / "site" / "exercises").glob("*/index.html")]
    assert sum(page.count('<div class="lh-lib">') for page in library) == 200
    assert build.peak_rss_mb < 2 * BUDGETS.build_synthetic_peak_rss_mb_max
    # Page weight does not depend on the machine: every page still arrives in one round trip.
    limit = BUDGETS.html_gzip_max_bytes
    assert [
        f"/{size.path}: {size.gzip_bytes} B" for size in html_sizes(tmp_path / "site") if size.gzip_bytes > limit
    ] == []


def _generation_seconds_per_data_kb(project: Path) -> float:
    """The fastest of a few runs of load + render, per KB of program data (process time)."""
    release = Release(today=last_release(project))
    best = float("inf")
    for _ in range(REPEATS):
        start = time.process_time()
        render_pages(load_program(project), release)
        best = min(best, (time.process_time() - start) / (data_bytes(project) / 1024))
    return best


def test_generation_time_per_kb_of_data_stays_flat_from_4_to_52_weeks(tmp_path: Path) -> None:
    small = make_project(ROOT, tmp_path / "small", weeks=4, exercises=15)
    large = make_project(ROOT, tmp_path / "large", weeks=52, exercises=200)
    assert last_release(large) - last_release(small) == dt.timedelta(weeks=48)
    growth = _generation_seconds_per_data_kb(large) / _generation_seconds_per_data_kb(small)
    assert growth < 2 * BUDGETS.generation_growth_max, f"generation per KB of data grew {growth:.2f}x"
