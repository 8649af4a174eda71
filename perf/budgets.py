"""The budgets in `perf/budgets.toml`, typed: read by the budget tests, the bench and the audit."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

BUDGETS_FILE = Path(__file__).with_name("budgets.toml")


@dataclass(frozen=True, slots=True)
class Budgets:
    html_gzip_max_bytes: int
    own_code_gzip_max_bytes: int  # our JS + CSS as served
    first_load_gzip_max_bytes: int
    first_load_requests_max: int
    figure_gzip_max_bytes: int  # each drawn figure file (assets/figures/*.svg)
    lighthouse_min_score: int
    lighthouse_categories: tuple[str, ...]
    lighthouse_dark_categories: tuple[str, ...]
    layout_shift_max: float
    render_blocking_max: int
    performance_score_target: int
    total_blocking_time_ms_max: float
    performance_runs: int
    build_real_seconds_max: float
    build_real_peak_rss_mb_max: float
    build_real_cpu_ratio_max: float
    build_synthetic_peak_rss_mb_max: float
    generation_growth_max: float  # data → pages time per KB of data, 52 weeks / 4


def load_budgets(path: Path = BUDGETS_FILE) -> Budgets:
    """Read the budgets; a missing key is a KeyError naming it."""
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    html, first, lighthouse, build = raw["html"], raw["first_load"], raw["lighthouse"], raw["build"]
    performance = raw["performance"]
    return Budgets(
        html_gzip_max_bytes=html["gzip_max_bytes"],
        own_code_gzip_max_bytes=raw["own_code"]["gzip_max_bytes"],
        first_load_gzip_max_bytes=first["gzip_max_bytes"],
        first_load_requests_max=first["requests_max"],
        figure_gzip_max_bytes=raw["figures"]["gzip_max_bytes"],
        lighthouse_min_score=lighthouse["min_score"],
        lighthouse_categories=tuple(lighthouse["categories"]),
        lighthouse_dark_categories=tuple(lighthouse["dark_categories"]),
        layout_shift_max=lighthouse["layout_shift_max"],
        render_blocking_max=lighthouse["render_blocking_max"],
        performance_score_target=performance["score_target"],
        total_blocking_time_ms_max=performance["total_blocking_time_ms_max"],
        performance_runs=performance["runs"],
        build_real_seconds_max=build["real_seconds_max"],
        build_real_peak_rss_mb_max=build["real_peak_rss_mb_max"],
        build_real_cpu_ratio_max=build["real_cpu_ratio_max"],
        build_synthetic_peak_rss_mb_max=build["synthetic_peak_rss_mb_max"],
        generation_growth_max=build["generation_growth_max"],
    )
