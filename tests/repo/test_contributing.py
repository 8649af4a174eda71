"""What CONTRIBUTING.md tells contributors to paste really works, and the helpers it points
to (pre-commit, the pull-request template) are set up as described."""

from __future__ import annotations

import re
import shutil
import textwrap
from pathlib import Path

import yaml

from conftest import ROOT
from liftheavy.data.loader import load_program
from support.datafixtures import VALID

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def yaml_blocks(heading: str) -> list[str]:
    """The ```yaml blocks of one section of CONTRIBUTING.md, dedented."""
    section = GUIDE.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    return [textwrap.dedent(block) for block in re.findall(r"```yaml\n(.*?)```", section, flags=re.DOTALL)]


def test_the_add_an_exercise_examples_load_when_pasted(tmp_path: Path) -> None:
    shutil.copytree(VALID, tmp_path, dirs_exist_ok=True)
    library_entry, week_entry = yaml_blocks("Add an exercise")
    library = tmp_path / "data/exercises.yaml"
    library.write_text(library.read_text() + textwrap.indent(library_entry, "  "))
    week = tmp_path / "data/weeks/week-1.yaml"
    text = week.read_text()
    week.write_text(text.replace("high_mileage:", textwrap.indent(week_entry, "      ") + "high_mileage:", 1))
    program = load_program(tmp_path)
    session_b = program.weeks[0].sessions[1]
    [added] = session_b.blocks[-1].prescriptions
    assert (added.exercise.name, added.sets, added.time_s, added.per_side) == ("Copenhagen plank", 2, 20, True)


def test_the_set_count_example_changes_only_the_sets() -> None:
    before, after = (yaml.safe_load(block) for block in yaml_blocks("Change a set count"))
    assert before[0]["exercises"][0]["sets"] == 3
    assert after[0]["exercises"][0]["sets"] == 4
    after[0]["exercises"][0]["sets"] = 3
    assert before == after


def test_pre_commit_runs_make_check_on_data_files_only() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    local = {hook["id"]: hook for repo in config["repos"] if repo["repo"] == "local" for hook in repo["hooks"]}
    data_hook = local["check-program-data"]
    assert data_hook["entry"] == "make check"
    assert data_hook["pass_filenames"] is False
    assert re.search(data_hook["files"], "data/weeks/week-5.yaml")
    assert not re.search(data_hook["files"], "docs/index.md")
    assert {"ruff-check", "ruff-format"} <= local.keys()


def test_pull_request_template_has_a_checklist() -> None:
    template = (ROOT / ".github/pull_request_template.md").read_text(encoding="utf-8")
    assert template.count("- [ ] ") >= 4
    assert "change summary" in template
