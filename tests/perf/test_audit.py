"""`make audit` itself: Lighthouse through perf.audit fails pages below the bar, in either
palette, and names what failed, including any request that left the machine. (The audit of
the real site runs as the last step of `make test`.)"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, missing_tool
from perf.audit import LIGHTHOUSE

pytestmark = pytest.mark.browser

HEAD = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8">'
    '<meta name="viewport" content="width=device-width,initial-scale=1">'
    '<meta name="description" content="A page for testing the audit."><link rel="icon" href="data:,">'
)
# Fine in the light palette, unreadable in the dark one (dark grey on black).
DARK_ONLY_PROBLEM = (
    f"{HEAD}<title>Dark problem</title><style>body{{color:#222;background:#fff}}"
    "@media (prefers-color-scheme: dark){body{color:#333;background:#000}}</style>"
    "</head><body><main><h1>Week 1</h1><p>Three sets of eight.</p></main></body></html>"
)
# No title, an image without alt text, and a request to another host.
BROKEN = f'{HEAD}</head><body><main><h1>Week 2</h1><img src="http://example.invalid/bar.png"></main></body></html>'


@pytest.fixture
def lighthouse() -> Path:
    if not LIGHTHOUSE.exists():
        missing_tool(f"{LIGHTHOUSE} is missing; `make test` installs it with npm ci")
    return LIGHTHOUSE


def test_audit_fails_pages_below_100_and_says_why(tmp_path: Path, lighthouse: Path) -> None:
    site = tmp_path / "site"
    (site / "broken").mkdir(parents=True)
    (site / "index.html").write_text(DARK_ONLY_PROBLEM)
    (site / "broken" / "index.html").write_text(BROKEN)
    reports = tmp_path / "reports"
    command = [sys.executable, "-m", "perf.audit", "--site", str(site), "--reports", str(reports)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert result.returncode != 0
    summary = {(row["path"], row["palette"]): row for row in json.loads((reports / "summary.json").read_text())}
    assert summary[("", "light")]["passed"]
    assert not summary[("", "dark")]["passed"]
    assert any("color-contrast" in failure for failure in summary[("", "dark")]["failures"])
    broken = summary[("broken/", "light")]
    assert broken["scores"]["accessibility"] < 100
    assert broken["scores"]["seo"] < 100
    assert broken["external"] == ["http://example.invalid/bar.png"]
    assert "FAILED /broken/ (light)" in result.stderr
    assert "image-alt" in result.stderr
    assert "request left the site: http://example.invalid/bar.png" in result.stderr
