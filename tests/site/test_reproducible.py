"""Builds of the same commit, with the same SOURCE_DATE_EPOCH and RELEASE_DATE, are
byte-identical: every page, the sitemap (and its .gz) and the search index, whether they
build as a clean machine does (`LIFTHEAVY_CACHE=off`), fill the caches or read them: what
`.cache/liftheavy/` keeps (the publication, the pages, the figures, the scripts, the
images) and the compiled templates. An edited data file is read again, not taken from the
cache, and a data error is reported on every build."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest

from conftest import build_site, copy_project



def _tree(root: Path) -> list[str]:
    return sorted(path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file())


def _kept(project: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in (project / ".cache" / "liftheavy").glob("*.pickle")}


def test_a_warm_build_is_identical_to_a_clean_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    project = copy_project(tmp_path / "project")  # no .cache/
    clean, filling, warm = tmp_path / "clean", tmp_path / "filling", tmp_path / "warm"
    result = build_site(project, clean, LIFTHEAVY_CACHE="off")
    assert result.returncode == 0, result.stderr
    assert not (project / ".cache").exists()
    result = build_site(project, filling)
    assert result.returncode == 0, result.stderr
    kept = _kept(project)
    assert {name.split("-")[0] for name in kept} >= {"publication", "pages", "figures", "page"}
    result = build_site(project, warm)
    assert result.returncode == 0, result.stderr
    assert _kept(project) == kept  # read, not written again
    for site in (filling, warm):
        assert _tree(site) == _tree(clean)
        different = [name for name in _tree(clean) if not filecmp.cmp(clean / name, site / name, shallow=False)]
        assert different == [], site.name
    assert {"sitemap.xml", "sitemap.xml.gz", "search/search_index.json", "week-1/index.html"} <= set(_tree(clean))


def test_an_edited_data_file_is_read_again(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    assert build_site(project, tmp_path / "first").returncode == 0
    week = project / "data" / "weeks" / "week-1.yaml"
    text = week.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title:"))
    week.write_text(text.replace(title, "title: Cache test week", 1), encoding="utf-8")
    result = build_site(project, tmp_path / "second")
    assert result.returncode == 0, result.stderr
    assert "Cache test week" in (tmp_path / "second" / "week-1" / "index.html").read_text(encoding="utf-8")
    assert len([name for name in _kept(project) if name.startswith("publication-")]) == 1  # the old one is gone
    week.write_text(text.replace(title, "title: [unclosed", 1), encoding="utf-8")
    result = build_site(project, tmp_path / "third")
    assert result.returncode != 0  # a cached publication never hides a data problem
    assert "data/weeks/week-1.yaml" in result.stderr
