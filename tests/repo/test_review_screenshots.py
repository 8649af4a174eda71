"""The reviewers' screenshots (`python -m liftheavy.tools.screenshots`, run by the pull-request
workflow on the base and head builds), tried on two real builds: the site, and the next
deploy (`changed_site`: week 1 retitled, one set more). The pages whose content changed get
a 360 px screenshot before and after; the others get none; the workflow runs it and links
the artifact from the job summary."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from PIL import Image

from conftest import CHROMIUM, ROOT, missing_tool
from liftheavy.tools.screenshots import Change, changed_pages, pages

TOOL = [sys.executable, "-m", "liftheavy.tools.screenshots"]


def test_only_pages_whose_content_changed_count(site: Path, changed_site: Path, tmp_path: Path) -> None:
    # The next deploy retitles week 1 and adds a set there: the pages that change are week 1
    # and those whose content names week 1's old title (the overview, today/), no others.
    named = {page for page, content in pages(site).items() if "Foundation" in content}
    assert {"", "week-1/"} <= named
    assert changed_pages(site, changed_site) == [Change(page, True, True) for page in sorted(named | {"week-1/"})]
    assert changed_pages(site, site) == []
    head = tmp_path / "head"
    shutil.copytree(site, head)
    (head / "new-page").mkdir()
    (head / "new-page" / "index.html").write_text("<article>new</article>", encoding="utf-8")
    (head / "about" / "index.html").unlink()
    assert changed_pages(site, head) == [Change("about/", True, False), Change("new-page/", False, True)]


def test_before_and_after_screenshots_of_the_changed_pages(site: Path, changed_site: Path, tmp_path: Path) -> None:
    if not CHROMIUM.exists():
        missing_tool(f"{CHROMIUM} is missing; `make test` installs it with apt-get (needs root)")
    out = tmp_path / "screenshots"
    result = subprocess.run(
        [*TOOL, str(site), str(changed_site), str(out)], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    names = [change.name for change in changed_pages(site, changed_site)]
    assert "week-1.png" in names
    assert sorted(path.relative_to(out).as_posix() for path in out.rglob("*.png")) == sorted(
        f"{side}/{name}" for side in ("before", "after") for name in names
    )
    for side in ("before", "after"):
        with Image.open(out / side / "week-1.png") as image:
            assert image.width == 360
            assert image.height > 2000  # the whole page, not one screen
    assert (out / "before" / "week-1.png").read_bytes() != (out / "after" / "week-1.png").read_bytes()
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert "| `/week-1/` | before/week-1.png | after/week-1.png |" in readme


def test_a_missing_build_is_a_plain_error(tmp_path: Path, site: Path) -> None:
    result = subprocess.run([*TOOL, str(tmp_path), str(site), str(tmp_path / "out")], capture_output=True, text=True)
    assert result.returncode == 2
    assert "is not a built site" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_pull_request_workflow_attaches_them_when_data_or_docs_change() -> None:
    workflow = yaml.safe_load((ROOT / ".github/workflows/pull-request.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["check"]["steps"]
    shots = next(step for step in steps if step.get("id") == "screenshots")
    assert "git diff --quiet HEAD^1 HEAD -- data docs" in shots["run"]
    assert "python -m liftheavy.tools.screenshots" in shots["run"]
    upload = next(step for step in steps if step.get("id") == "upload-screenshots")
    assert upload["uses"].startswith("actions/upload-artifact@")
    assert upload["if"] == "steps.screenshots.outputs.changed == 'true'"
    summary = next(
        step for step in steps if "GITHUB_STEP_SUMMARY" in step.get("run", "") and "screenshots" in step["run"]
    )
    assert summary["env"]["ARTIFACT_URL"] == "${{ steps.upload-screenshots.outputs.artifact-url }}"


@pytest.mark.parametrize(
    ("page", "name"),
    [
        ("", "index.png"),
        ("week-1/", "week-1.png"),
        ("404.html", "404.png"),
        ("exercises/squat/", "exercises--squat.png"),
    ],
)
def test_screenshot_names(page: str, name: str) -> None:
    assert Change(page, True, True).name == name
