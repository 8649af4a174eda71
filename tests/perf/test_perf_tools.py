"""The measuring tools behind the budgets, `make bench` and `make audit`: the gzip server,
the synthetic programs, the budgets file, and a smoke run of the benchmark (its output's
shape, never its timings)."""

from __future__ import annotations

import datetime as dt
import gzip
import itertools
import json
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT
from liftheavy.data.loader import load_program
from liftheavy.pages.render import library_sections
from perf.bench import compare, render_tables
from perf.budgets import BUDGETS_FILE, load_budgets
from perf.serve import serve
from perf.synthetic import last_release, make_project


def _get(url: str, *, gzip_ok: bool) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture
def tiny_site(tmp_path: Path) -> Path:
    (tmp_path / "week-1").mkdir()
    (tmp_path / "week-1" / "index.html").write_text("<p>" + "squat " * 500 + "</p>")
    (tmp_path / "404.html").write_text("<p>Not here</p>")
    (tmp_path / "icon.png").write_bytes(b"\x89PNG" + bytes(300))
    return tmp_path


def test_server_sends_gzip_only_to_browsers_that_ask(tiny_site: Path) -> None:
    page = (tiny_site / "week-1" / "index.html").read_bytes()
    with serve(tiny_site) as (base_url, sent):
        status, headers, body = _get(base_url + "week-1/", gzip_ok=True)
        assert (status, headers["Content-Encoding"], headers["Vary"]) == (200, "gzip", "Accept-Encoding")
        assert gzip.decompress(body) == page
        assert len(body) < len(page) / 10
        status, headers, body = _get(base_url + "week-1/", gzip_ok=False)
        assert (status, "Content-Encoding" in headers, body) == (200, False, page)
        _, headers, body = _get(base_url + "icon.png", gzip_ok=True)  # already compressed
        assert ("Content-Encoding" in headers, body) == (False, (tiny_site / "icon.png").read_bytes())
    assert [(entry.path, entry.encoding) for entry in sent] == [
        ("/week-1/", "gzip"),
        ("/week-1/", ""),
        ("/icon.png", ""),
    ]
    assert sent[0].body_bytes == len(gzip.compress(page, 6, mtime=0))


def test_server_answers_like_github_pages(tiny_site: Path) -> None:
    with serve(tiny_site) as (base_url, _):
        status, headers, body = _get(base_url + "no-such-page/", gzip_ok=False)
        assert (status, body) == (404, b"<p>Not here</p>")
        assert headers["Cache-Control"] == "max-age=600"
        request = urllib.request.Request(base_url + "week-1")
        with urllib.request.urlopen(request) as response:  # follows the redirect to week-1/
            assert response.url == base_url + "week-1/"


@pytest.mark.parametrize(("weeks", "exercises"), [(4, 10), (13, 50)])
def test_synthetic_program_is_valid_for_our_loader(tmp_path: Path, weeks: int, exercises: int) -> None:
    project = make_project(ROOT, tmp_path / "project", weeks, exercises)
    program = load_program(project)
    real = load_program(ROOT)
    assert [week.number for week in program.weeks] == list(range(1, weeks + 1))
    releases = [week.release for week in program.weeks]
    assert releases[0] == real.weeks[0].release
    assert {later - earlier for earlier, later in itertools.pairwise(releases)} <= {dt.timedelta(weeks=1)}
    assert last_release(project) == releases[-1]
    assert len(program.exercises) == max(exercises, len(real.exercises))
    assert len({exercise.id for exercise in program.exercises}) == len(program.exercises)


def test_budgets_file_is_read_whole_and_a_missing_key_is_named(tmp_path: Path) -> None:
    budgets = load_budgets()
    assert budgets.html_gzip_max_bytes == 14 * 1024
    assert budgets.first_load_gzip_max_bytes == 100 * 1024
    assert budgets.lighthouse_min_score == 100
    broken = tmp_path / "budgets.toml"
    broken.write_text(BUDGETS_FILE.read_text().replace("requests_max", "request_max"))
    with pytest.raises(KeyError, match="requests_max"):
        load_budgets(broken)


@pytest.mark.browser
def test_bench_smoke_run_writes_a_well_formed_result(tmp_path: Path, browser) -> None:
    """`make bench` on the 4-week case, one build per side: the table and the file, not the timings."""
    command = [sys.executable, "-m", "perf.bench", "--cases", "4", "--repeat", "1", "--warmup", "0"]
    command += ["--lighthouse-runs", "1", "--lighthouse-pages", "week-1/"]
    result = subprocess.run(
        [*command, "--output", str(tmp_path)], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr
    latest = json.loads((tmp_path / "latest.json").read_text())
    assert [path.name for path in tmp_path.glob("*.json") if path.name != "latest.json"] != []
    (case,) = latest["cases"]
    assert (case["case"], case["weeks"]) == ("4", 4)
    for side in ("ours", "stock"):
        assert case[side]["wall_s"]["median"] > 0
        assert case[side]["cpu_s"]["median"] > 0
        assert case[side]["peak_rss_mb"] > 10
    library = library_sections(load_program(ROOT))  # the 4-week case keeps the real library
    assert case["generation"]["generated_pages"] == 4 + 1 + len(library)  # weeks, library index, patterns
    assert 0 < case["generation_share"] < 1
    pages = {page["path"] for page in case["ours"]["html"]}
    assert {"week-1/", "week-4/", "exercises/", "404.html"} <= pages
    assert set(latest["first_load"]["ours"]) == pages - {"404.html"}
    assert set(latest["first_load"]["stock"]) == pages - {"404.html"}
    assert all(load["requests"] > 1 and load["gzip"] > 0 for load in latest["first_load"]["ours"].values())
    assert {target["target"] for target in latest["targets"]} >= {
        "largest page HTML, gzip (4)",
        "largest first load, gzip",
    }
    (lighthouse,) = latest["lighthouse"]["pages"].values()
    assert len(lighthouse["performance"]) == len(lighthouse["blocking_ms"]) == 1
    assert {row["target"] for row in latest["lighthouse"]["targets"]} == {
        "performance score, lowest page median",
        "total blocking time ms, highest page median",
    }
    assert result.stdout.startswith("Builds")
    assert render_tables(latest) in result.stdout
    assert "/week-1/" in result.stdout
    table = compare(latest, latest)
    assert "first load gzip B" in table
    assert "TBT ms (median)" in table
    assert "+0.0%" in table


def test_peak_memory_is_the_commands_own_not_the_callers() -> None:
    # On Linux a forked child starts with its parent's memory high-water mark; a big test
    # session must not make a small build look big.
    import os
    import sys

    from perf.measure import run_measured

    ballast = bytearray(300 * 1024 * 1024)
    for index in range(0, len(ballast), 4096):
        ballast[index] = 1
    measured = run_measured([sys.executable, "-c", "pass"], env=dict(os.environ), cwd=ROOT)
    assert measured.returncode == 0
    assert measured.peak_rss_mb < 100
    del ballast


def test_a_measure_the_older_result_lacks_is_shown_as_missing_not_as_zero() -> None:
    from perf.bench import compare

    def result(commit: str, ratios: dict[str, float]) -> dict[str, object]:
        case = {
            "case": "real",
            "ratios": {"wall_s": 1.0, "cpu_s": 1.0} | ratios,
            "ours": {"peak_rss_mb": 40.0, "html_gzip_max": 13_816, "site_bytes": 4_000_000},
            "generation": {"per_page_ms": 2.0},
        }
        return {"commit": commit, "created": "2026-12-03", "cases": [case]}

    table = compare(result("a" * 40, {}), result("b" * 40, {"cpu_s_same_templates": 1.21, "cold_cpu_s": 2.0}))
    (row,) = [line for line in table.splitlines() if "caching templates" in line]
    assert [cell.strip() for cell in row.split("|")][2:] == ["-", "1.21", "-"]
    (row,) = [line for line in table.splitlines() if "generation ms/data KB" in line]
    assert [cell.strip() for cell in row.split("|")][2:] == ["-", "-", "-"]
