"""Two builds of the same commit, with the same SOURCE_DATE_EPOCH and RELEASE_DATE, are
byte-identical: every page, the sitemap (and its .gz) and the search index."""

from __future__ import annotations

import filecmp
from pathlib import Path

from conftest import ROOT, build_site


def _tree(root: Path) -> list[str]:
    return sorted(path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file())


def test_two_builds_are_identical(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    first, second = tmp_path / "first", tmp_path / "second"
    for site in (first, second):
        result = build_site(ROOT, site)
        assert result.returncode == 0, result.stderr
    assert _tree(first) == _tree(second)
    different = [name for name in _tree(first) if not filecmp.cmp(first / name, second / name, shallow=False)]
    assert different == []
    assert {"sitemap.xml", "sitemap.xml.gz", "search/search_index.json", "week-1/index.html"} <= set(_tree(first))
