"""Shared fixtures: the project root, a built site, a local web server and a phone browser.

Tests are grouped by what they exercise: `unit/` (the core, no build), `site/` (a strict
build and its files), `browser/` (real browsers at phone size), `perf/` (budgets and the
benchmark and audit tools), `repo/` (workflows, docs, generated files); `js/` holds the
`node --test` unit tests of the browser code. Helpers shared by several groups live in
`support/`; the rule for a missing tool is written once, here (`missing_tool`).

The built site is made once per test session by the same command `make build` runs
(`mkdocs build --strict`), into a temporary directory, so tests see what users would get.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from liftheavy.tools.localserver import serve_site
from support.renames import rename_and_move

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MKDOCS = Path(sys.executable).parent / "mkdocs"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 360, "height": 740}


def missing_tool(message: str) -> None:
    """A tool the tests need is not installed: skip locally, fail under CI (`CI=true`),
    where `make test` has installed everything and a skip would hide a broken install."""
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


ALL_RELEASED = "2027-02-01"  # a release date after every week in data/: the whole program


def build_site(
    project: Path, site_dir: Path, release_date: str = ALL_RELEASED, *, engine: Path = MKDOCS, **environ: str
) -> subprocess.CompletedProcess[str]:
    """Run the strict build of `project` into `site_dir`, as `make build` does (`environ`: extra
    variables; `engine`: another MkDocs-compatible command, such as ProperDocs)."""
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "DISABLE_MKDOCS_2_WARNING": "true",
        "RELEASE_DATE": release_date,
        **environ,
    }
    command = [
        str(engine),
        "build",
        "--strict",
        "--site-dir",
        str(site_dir),
        "--config-file",
        str(project / "mkdocs.yml"),
    ]
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=300, check=False)


def copy_project(destination: Path) -> Path:
    """A copy of the project's site sources (config, docs, data, hooks, overrides)."""
    for name in ("docs", "data", "hooks", "overrides"):
        shutil.copytree(ROOT / name, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", destination / "mkdocs.yml")
    return destination


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once with `mkdocs build --strict`."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(ROOT, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


NEXT_DEPLOY_TITLE = "Groundwork"  # week 1's title in `changed_site`


@pytest.fixture(scope="session")
def changed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as the next deploy would build it: week 1 retitled, and its first exercise
    (session A's goblet squat) given one more set."""
    project = copy_project(tmp_path_factory.mktemp("next-deploy"))
    week = project / "data" / "weeks" / "week-1.yaml"
    text = week.read_text(encoding="utf-8").replace("title: Foundation", f"title: {NEXT_DEPLOY_TITLE}")
    week.write_text(text.replace("sets: 3", "sets: 4", 1), encoding="utf-8")
    site_dir = tmp_path_factory.mktemp("next-deploy-site")
    result = build_site(project, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.fixture(scope="session")
def renamed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site after an editor renamed an exercise id and moved the article (support/renames.py)."""
    project = rename_and_move(copy_project(tmp_path_factory.mktemp("renamed")))
    site = project / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stderr
    return site


def serve_directory(directory: Path) -> contextlib.AbstractContextManager[str]:
    """A built site on a local web server; yields its base URL."""
    return serve_site(directory)


@pytest.fixture(scope="session")
def served_site(site: Path) -> Iterator[str]:
    """The built site on a local web server; yields its base URL."""
    with serve_directory(site) as url:
        yield url


@contextlib.contextmanager
def phone_page(browser: Any, **options: Any) -> Iterator[Any]:
    """A fresh phone (empty storage, 360×740) that fails the test on any console or page error."""
    context = browser.new_context(viewport=PHONE, **options)
    page = context.new_page()
    page.errors = []
    page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    assert page.errors == []
    context.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright. Missing browser: skip locally, fail in CI."""
    if not CHROMIUM.exists():
        missing_tool(f"{CHROMIUM} is missing; `make test` installs it with apt-get (needs root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()
