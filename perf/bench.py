"""`make bench`: build time, memory, page weight and first load, ours against stock Material.

One run measures, on this machine and in this order:

1. For each case (the real program, then synthetic programs of 4, 13, 26 and 52 weeks with a
   library growing to 200 exercises, made by `perf.synthetic` and checked by our loader):
   - the data → pages step alone (`perf.generate`, process time, in a fresh process);
   - `mkdocs build --strict` of our site and `mkdocs build` of a stock Material site made of
     the same Markdown (no hooks, no overrides, no extra CSS), each in a fresh process,
     alternating, after a warm-up: wall time, CPU time and peak memory (`perf.measure`);
     and, beside them, the stock site with our template cache hook alone, because keeping
     the theme's compiled templates also makes Material's own work cheaper: ours over that
     build is what our hooks add;
   - the HTML size of every page, raw and gzip.
2. For the first case, every page opened in Chromium against a gzip server (`perf.pages`):
   requests and compressed bytes of the first load, ours and stock.
3. For the first case, Lighthouse mobile on our pages (`perf.audit`), several runs each: the
   performance score and total blocking time, median and spread, against their targets.
   These are benchmark figures: they depend on how busy the CPUs are, so no test asserts them.

Absolute times depend on the machine and what else runs on it, so tables put ratios next
to them (ours / stock, measured in the same run). Results go to `perf/results/<time>-<commit>.json`
and `latest.json` / `latest.txt`; `--compare A B` sets two results (files or git revisions,
which are then benchmarked from `git archive`) side by side.

    python -m perf.bench                      # everything (a few minutes)
    python -m perf.bench --cases 4 --repeat 1 --warmup 0
    python -m perf.bench --compare HEAD~3 HEAD
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from perf.budgets import Budgets, load_budgets
from perf.measure import Measured, Summary, run_measured
from perf.pages import first_load, html_sizes, page_paths
from perf.serve import serve
from perf.synthetic import copy_project, last_release, make_project

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "perf" / "results"
MKDOCS = Path(sys.executable).parent / "mkdocs"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
RESULT_VERSION = 1
LIBRARY_AT_52_WEEKS = 200


@dataclass(frozen=True, slots=True)
class Case:
    name: str  # "real" or the number of weeks
    weeks: int | None  # None: the project's own data
    exercises: int | None

    @staticmethod
    def parse(name: str) -> Case:
        if name == "real":
            return Case("real", None, None)
        weeks = int(name)
        return Case(name, weeks, round(LIBRARY_AT_52_WEEKS * weeks / 52))


# -----------------------------------------------------------------------------
# Measuring one case
# -----------------------------------------------------------------------------


def _environment(project: Path, release: dt.date) -> dict[str, str]:
    return {
        **os.environ,
        "RELEASE_DATE": release.isoformat(),
        "NO_MKDOCS_2_WARNING": "1",
        "DISABLE_MKDOCS_2_WARNING": "true",
        # The measured project's own core first (src/, or hooks/ before the package move),
        # ahead of this checkout's installed one, then this checkout (for `perf`).
        "PYTHONPATH": os.pathsep.join([str(project / "src"), str(project / "hooks"), str(ROOT)]),
    }


def _check(measured: Measured, what: str) -> Measured:
    if measured.returncode != 0:
        raise SystemExit(f"{what} failed (exit {measured.returncode}):\n{measured.output[-3000:]}")
    return measured


def _generate(project: Path, release: dt.date, repeat: int, stock_docs: Path) -> dict[str, Any]:
    argv = [sys.executable, "-m", "perf.generate", str(project), "--release", release.isoformat()]
    argv += ["--repeat", str(max(repeat, 3)), "--stock-docs", str(stock_docs)]
    result = subprocess.run(argv, env=_environment(project, release), cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"generating {project} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout)


class _AnyTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml even if it uses tags such as !ENV (their values are not needed here)."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


TEMPLATE_CACHE_HOOK = Path("hooks") / "template_cache.py"  # ours: the theme's compiled templates kept
COMPILED_STOCK_CONFIG = "mkdocs-compiled-templates.yml"


def write_stock_config(project: Path, stock: Path) -> None:
    """A minimal stock Material config for the same Markdown: our Markdown extensions, nothing else.

    When the project has it, also `COMPILED_STOCK_CONFIG`: the same plus our template cache
    hook alone, so our hooks' own cost can be told apart from what caching the theme's
    compiled templates saves (it makes Material's own work cheaper too)."""
    ours = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTagLoader)
    config = {
        "site_name": ours["site_name"],
        "site_url": ours.get("site_url"),
        "theme": {"name": "material", "font": False},  # no Google Fonts: nothing leaves the machine
        "markdown_extensions": ours.get("markdown_extensions", []),
    }
    (stock / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    if (project / TEMPLATE_CACHE_HOOK).is_file():
        compiled = config | {"hooks": [str(project / TEMPLATE_CACHE_HOOK)]}
        (stock / COMPILED_STOCK_CONFIG).write_text(yaml.safe_dump(compiled, sort_keys=False), encoding="utf-8")


def _build(
    project: Path,
    site_dir: Path,
    release: dt.date,
    *,
    strict: bool,
    cold: bool = False,
    config: str = "mkdocs.yml",
    code: Path | None = None,
) -> Measured:
    """One build in a fresh process; `cold`: with our caches off (drawn images, compiled
    templates), as on a clean machine. `code`: the project whose src/ is on the path."""
    argv = [str(MKDOCS), "build", "--site-dir", str(site_dir), "--config-file", str(project / config)]
    env = _environment(code or project, release) | ({"LIFTHEAVY_CACHE": "off"} if cold else {})
    return run_measured([*argv, "--strict"] if strict else argv, env=env, cwd=project)


def measure_case(case: Case, source: Path, work: Path, repeat: int, warmup: int) -> tuple[dict[str, Any], Path, Path]:
    """Generate, build (ours and stock) and size one case; returns its results and both sites."""
    project = work / "ours"
    if case.weeks is None:
        copy_project(source, project)
    else:
        make_project(source, project, case.weeks, case.exercises)
    release = last_release(project)
    stock = work / "stock"
    generation = _generate(project, release, repeat, stock / "docs")
    write_stock_config(project, stock)
    ours_site, stock_site = work / "ours-site", work / "stock-site"
    compiled = (stock / COMPILED_STOCK_CONFIG).is_file()
    runs: dict[str, list[Measured]] = {"ours": [], "stock": []} | ({"stock_compiled": []} if compiled else {})
    for index in range(warmup + repeat):
        # Alternate, so a burst of load on the machine hits every side alike.
        built = {
            "ours": _check(_build(project, ours_site, release, strict=True), f"our build of case {case.name}"),
            "stock": _check(_build(stock, stock_site, release, strict=False), f"the stock build of case {case.name}"),
        }
        if compiled:
            measured = _build(
                stock, work / "stock-compiled-site", release, strict=False, config=COMPILED_STOCK_CONFIG, code=project
            )
            built["stock_compiled"] = _check(measured, f"the stock build with compiled templates of case {case.name}")
        if index >= warmup:
            for side, measured in built.items():
                runs[side].append(measured)
    cold = _check(_build(project, ours_site, release, strict=True, cold=True), f"our cold build of case {case.name}")
    result = {
        "case": case.name,
        "weeks": generation["weeks"],
        "exercises": generation["exercises"],
        "generation": _generation_summary(generation),
        "ours": _build_summary(runs["ours"], ours_site),
        "stock": _build_summary(runs["stock"], stock_site),
    }
    result["ratios"] = {
        key: result["ours"][key]["median"] / result["stock"][key]["median"] for key in ("wall_s", "cpu_s")
    } | {"peak_rss_mb": result["ours"]["peak_rss_mb"] / result["stock"]["peak_rss_mb"]}
    if compiled:
        # Ours over stock when both keep the theme's compiled templates: what our hooks add.
        compiled_cpu = statistics.median(run.cpu_s for run in runs["stock_compiled"])
        result["stock_compiled_cpu_s"] = compiled_cpu
        result["ratios"]["cpu_s_same_templates"] = result["ours"]["cpu_s"]["median"] / compiled_cpu
    result["ours"]["cold_cpu_s"] = cold.cpu_s
    result["ratios"]["cold_cpu_s"] = cold.cpu_s / result["stock"]["cpu_s"]["median"]
    result["generation_share"] = result["generation"]["cold_s"] / result["ours"]["cpu_s"]["median"]
    return result, ours_site, stock_site


def _generation_summary(generation: dict[str, Any]) -> dict[str, Any]:
    totals = [load + render for load, render in zip(generation["load_s"], generation["render_s"], strict=True)]
    warm = statistics.median(totals[1:]) if len(totals) > 1 else totals[0]
    return {
        "generated_pages": generation["generated_pages"],  # the week pages and the library
        "cold_s": totals[0],  # the first run in a fresh process, as in a build (templates compiled)
        "warm_s": warm,
        "per_page_ms": 1000 * warm / generation["generated_pages"],
        # Pages stopped growing with the library when it was split by pattern (15 pages for 33
        # or 200 exercises), so flat scaling is judged per KB of program data.
        "per_data_kb_ms": 1000 * warm / (generation["data_bytes"] / 1024) if "data_bytes" in generation else None,
        "load_s": statistics.median(generation["load_s"]),
        "render_s": statistics.median(generation["render_s"]),
    }


def _build_summary(runs: list[Measured], site: Path) -> dict[str, Any]:
    sizes = html_sizes(site)
    gzip_sizes = [size.gzip_bytes for size in sizes]
    return {
        "wall_s": Summary(tuple(run.wall_s for run in runs)).as_json(),
        "cpu_s": Summary(tuple(run.cpu_s for run in runs)).as_json(),
        "peak_rss_mb": max(run.peak_rss_mb for run in runs),
        "pages": len(sizes),
        "site_bytes": sum(file.stat().st_size for file in site.rglob("*") if file.is_file()),
        "html_gzip_max": max(gzip_sizes),
        "html_gzip_median": statistics.median(gzip_sizes),
        "html": [{"path": size.path, "raw": size.raw_bytes, "gzip": size.gzip_bytes} for size in sizes],
    }


# -----------------------------------------------------------------------------
# First load, in Chromium
# -----------------------------------------------------------------------------


def measure_first_loads(sites: dict[str, Path], budgets: Budgets) -> dict[str, dict[str, Any]]:
    """Every page of each site, opened with an empty cache: side → path → requests and bytes."""
    from playwright.sync_api import sync_playwright

    loads: dict[str, dict[str, Any]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            for side, site in sites.items():
                with serve(site) as (base_url, sent):
                    loads[side] = {}
                    for path in page_paths(site, include_404=False):
                        load = first_load(browser, base_url, sent, path)
                        loads[side][path] = {
                            "requests": len(load.requests),
                            "external": list(load.external),
                            "gzip": load.gzip_bytes,
                            "files": [list(file) for file in load.files],
                        }
        finally:
            browser.close()
    return loads


def measure_lighthouse(site: Path, budgets: Budgets, runs: int, pages: list[str] | None) -> dict[str, Any] | None:
    """Lighthouse's performance figures for our pages, `runs` runs each (None without Lighthouse)."""
    from perf.audit import LIGHTHOUSE, audit_page, performance_summary

    if not LIGHTHOUSE.exists():
        print(f"{LIGHTHOUSE} is missing (make install): no Lighthouse figures", file=sys.stderr)
        return None
    paths = pages if pages is not None else page_paths(site, include_404=False)
    with tempfile.TemporaryDirectory(prefix="liftheavy-bench-lh-") as reports, serve(site) as (base_url, _):
        results = [audit_page(base_url, path, "light", budgets, Path(reports), runs=runs, quiet=True) for path in paths]
    return {
        "runs": runs,
        "pages": {
            result.path: {
                "scores": result.scores,
                "performance": result.performance,
                "blocking_ms": result.blocking_ms,
                "metrics": result.metrics,
                "host": result.host,
            }
            for result in results
        },
        "targets": performance_summary(results, budgets),
    }


# -----------------------------------------------------------------------------
# Targets, tables and files
# -----------------------------------------------------------------------------


def check_targets(result: dict[str, Any], budgets: Budgets) -> list[dict[str, Any]]:
    """The issue's targets, as measured in this run."""
    cases = {case["case"]: case for case in result["cases"]}
    targets = []

    def target(name: str, value: float, limit: float | None, unit: str) -> None:
        # limit None: a figure the issue asks to report beside a target, with no limit of its own.
        ok = None if limit is None else value <= limit
        targets.append({"target": name, "value": value, "limit": limit, "unit": unit, "ok": ok})

    if "real" in cases:
        real = cases["real"]["ours"]
        target("real build, wall (median)", real["wall_s"]["median"], budgets.build_real_seconds_max, "s")
        target("real build, peak memory", real["peak_rss_mb"], budgets.build_real_peak_rss_mb_max, "MB")
        ratios = cases["real"]["ratios"]
        target("real build CPU, ours / stock (warm caches)", ratios["cpu_s"], budgets.build_real_cpu_ratio_max, "x")
        if "cold_cpu_s" in ratios:
            target("real build CPU, ours / stock (cold: reported)", ratios["cold_cpu_s"], None, "x")
    largest = max(cases.values(), key=lambda case: case["weeks"])
    if largest["case"] != "real":
        target(
            f"{largest['case']}-week build, peak memory",
            largest["ours"]["peak_rss_mb"],
            budgets.build_synthetic_peak_rss_mb_max,
            "MB",
        )
    synthetic = sorted((case for case in cases.values() if case["case"] != "real"), key=lambda case: case["weeks"])
    if len(synthetic) > 1:
        unit = "per_data_kb_ms" if synthetic[0]["generation"].get("per_data_kb_ms") else "per_page_ms"
        growth = synthetic[-1]["generation"][unit] / synthetic[0]["generation"][unit]
        target(
            f"generation per {'KB of data' if unit == 'per_data_kb_ms' else 'page'}, "
            f"{synthetic[-1]['case']} / {synthetic[0]['case']} weeks",
            growth,
            budgets.generation_growth_max,
            "x",
        )
    for case in result["cases"]:
        largest_html = max(page["gzip"] for page in case["ours"]["html"])
        target(f"largest page HTML, gzip ({case['case']})", largest_html, budgets.html_gzip_max_bytes, "B")
    if result.get("first_load"):
        ours = result["first_load"]["ours"].values()
        target("largest first load, gzip", max(page["gzip"] for page in ours), budgets.first_load_gzip_max_bytes, "B")
        target(
            "most requests on a first load", max(page["requests"] for page in ours), budgets.first_load_requests_max, ""
        )
    for row in (result.get("lighthouse") or {}).get("targets", []):
        low, high = row["spread"]
        name = f"{row['target']} ({row['page']}; runs {low:.0f}-{high:.0f})"
        targets.append({"target": name, "value": row["value"], "limit": row["limit"], "unit": "", "ok": row["ok"]})
    return targets


def _table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    cells = [[str(cell) for cell in row] for row in [headers, *rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = [" | ".join(cell.rjust(width) for cell, width in zip(row, widths, strict=True)) for row in cells]
    lines.insert(1, "-+-".join("-" * width for width in widths))
    return "\n".join(lines)


def _kb(size: float) -> str:
    return f"{size / 1024:.1f}"


def _with_unit(value: float, unit: str) -> str:
    if unit == "B":
        return f"{value / 1024:.1f} KB"
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value:.2f} {unit}".strip() if unit else f"{value:g}"


# Column headings and cells of the builds table, one pair per column.
BUILD_COLUMNS = (
    ("case", lambda case: case["case"]),
    ("weeks", lambda case: case["weeks"]),
    ("exercises", lambda case: case["exercises"]),
    ("pages", lambda case: case["ours"]["pages"]),
    ("build s", lambda case: f"{case['ours']['wall_s']['median']:.2f}"),
    ("CPU s", lambda case: f"{case['ours']['cpu_s']['median']:.2f}"),
    ("peak MB", lambda case: f"{case['ours']['peak_rss_mb']:.0f}"),
    ("stock s", lambda case: f"{case['stock']['wall_s']['median']:.2f}"),
    ("wall x", lambda case: f"{case['ratios']['wall_s']:.2f}"),
    ("CPU x", lambda case: f"{case['ratios']['cpu_s']:.2f}"),
    (
        "CPU x, stock caching templates",
        lambda case: (
            f"{case['ratios']['cpu_s_same_templates']:.2f}" if "cpu_s_same_templates" in case["ratios"] else "-"
        ),
    ),
    ("cold CPU x", lambda case: f"{case['ratios']['cold_cpu_s']:.2f}" if "cold_cpu_s" in case["ratios"] else "-"),
    ("memory x", lambda case: f"{case['ratios']['peak_rss_mb']:.2f}"),
    ("gen ms/page", lambda case: f"{case['generation']['per_page_ms']:.1f}"),
    (
        "gen ms/data KB",
        lambda case: f"{case['generation']['per_data_kb_ms']:.2f}" if case["generation"].get("per_data_kb_ms") else "-",
    ),
    ("gen share", lambda case: f"{100 * case['generation_share']:.0f}%"),
    ("largest HTML gz", lambda case: _largest_page(case)),
)


def _largest_page(case: dict[str, Any]) -> str:
    page = max(case["ours"]["html"], key=lambda page: page["gzip"])
    return f"{_kb(page['gzip'])} KB /{page['path']}"


def _builds_table(result: dict[str, Any]) -> str:
    rows = [[cell(case) for _, cell in BUILD_COLUMNS] for case in result["cases"]]
    return _table([heading for heading, _ in BUILD_COLUMNS], rows)


def _pages_table(case: dict[str, Any], loads: dict[str, dict[str, Any]]) -> str:
    stock_html = {page["path"]: page for page in case["stock"]["html"]}
    rows = []
    for page in case["ours"]["html"]:
        ours = loads.get("ours", {}).get(page["path"])
        stock = loads.get("stock", {}).get(page["path"])
        stock_page = stock_html.get(page["path"])
        rows.append(
            [
                "/" + page["path"],
                _kb(page["raw"]),
                _kb(page["gzip"]),
                _kb(stock_page["gzip"]) if stock_page else "-",
                _kb(ours["gzip"]) if ours else "-",
                ours["requests"] if ours else "-",
                _kb(stock["gzip"]) if stock else "-",
                stock["requests"] if stock else "-",
                f"{ours['gzip'] / stock['gzip']:.2f}" if ours and stock else "-",
            ]
        )
    headings = ["page", "HTML raw", "HTML gz", "stock HTML gz", "first load", "requests", "stock load", "stock req"]
    return _table([*headings, "load x"], rows)


def _verdict(ok: bool | None) -> str:
    return "-" if ok is None else "yes" if ok else "NO"


def _targets_table(targets: list[dict[str, Any]]) -> str:
    rows = [
        [
            t["target"],
            _with_unit(t["value"], t["unit"]),
            "-" if t["limit"] is None else _with_unit(t["limit"], t["unit"]),
            _verdict(t["ok"]),
        ]
        for t in targets
    ]
    return _table(["target", "measured", "limit", "ok"], rows)


def _lighthouse_lines(lighthouse: dict[str, Any] | None) -> list[str]:
    if not lighthouse:
        return []
    rows = []
    for path, page in lighthouse["pages"].items():
        scores = [page["scores"].get(name, "-") for name in ("accessibility", "best-practices", "seo")]
        host = page["host"]
        rows.append(
            [
                "/" + path,
                _spread(page["performance"]),
                _spread(page["blocking_ms"]),
                *scores,
                f"{page['metrics'].get('LCP ms', 0):.0f}",
                f"{host.get('benchmarkIndex', 0):.0f}",
                f"{100 * host['busy']:.0f}%" if "busy" in host else "-",
            ]
        )
    headers = ["page", "perf", "TBT ms", "a11y", "best", "seo", "LCP ms", "host index", "busy"]
    return [
        f"Lighthouse mobile, our pages, {lighthouse['runs']} runs each: median (min-max); a11y, best, seo of run 1",
        _table(headers, rows),
        "",
    ]


def _spread(values: Sequence[float]) -> str:
    if len(values) == 1:
        return f"{values[0]:.0f}"
    return f"{statistics.median(values):.0f} ({min(values):.0f}-{max(values):.0f})"


def render_tables(result: dict[str, Any]) -> str:
    """The printed report: builds per case, pages of the first case, targets."""
    first = result["cases"][0]
    return "\n".join(
        [
            "Builds (median of the runs; x = ours / stock Material built from the same Markdown in this run)",
            _builds_table(result),
            "",
            f"Pages of case {first['case']}, KB gzip unless raw. First load = every file fetched with an empty",
            "cache until the network is idle (service workers blocked).",
            _pages_table(first, result.get("first_load") or {}),
            "",
            *_lighthouse_lines(result.get("lighthouse")),
            "Targets (perf/budgets.toml)",
            _targets_table(result["targets"]),
        ]
    )


def _git(*args: str, cwd: Path = ROOT) -> str:
    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    return result.stdout.strip() if result.returncode == 0 else ""


def describe_source(source: Path, label: str | None) -> dict[str, Any]:
    commit = label or _git("rev-parse", "HEAD", cwd=source) or "unknown"
    dirty = label is None and bool(
        _git("status", "--porcelain", "--", "data", "docs", "hooks", "src", "overrides", "mkdocs.yml", cwd=source)
    )
    return {"commit": commit, "dirty": dirty}


def run_bench(
    source: Path,
    cases: list[Case],
    repeat: int,
    warmup: int,
    *,
    browser: bool,
    label: str | None = None,
    lighthouse_runs: int | None = None,
    lighthouse_pages: list[str] | None = None,
) -> dict[str, Any]:
    """Every measurement for one project tree, as a JSON-ready dict."""
    budgets = load_budgets()
    result: dict[str, Any] = {
        "version": RESULT_VERSION,
        **describe_source(source, label),
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "host": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load_average": list(os.getloadavg()),
        },
        "settings": {"repeat": repeat, "warmup": warmup},
        "cases": [],
        "first_load": None,
        "lighthouse": None,
    }
    runs = budgets.performance_runs if lighthouse_runs is None else lighthouse_runs
    with tempfile.TemporaryDirectory(prefix="liftheavy-bench-") as temporary:
        for index, case in enumerate(cases):
            print(f"case {case.name}: generating and building ...", file=sys.stderr, flush=True)
            measured, ours_site, stock_site = measure_case(
                case, source, Path(temporary) / f"case-{index}", repeat, warmup
            )
            result["cases"].append(measured)
            if index == 0 and browser:
                print(f"case {case.name}: first loads in Chromium ...", file=sys.stderr, flush=True)
                result["first_load"] = measure_first_loads({"ours": ours_site, "stock": stock_site}, budgets)
                if runs > 0:
                    print(f"case {case.name}: Lighthouse, {runs} runs per page ...", file=sys.stderr, flush=True)
                    result["lighthouse"] = measure_lighthouse(ours_site, budgets, runs, lighthouse_pages)
    result["targets"] = check_targets(result, budgets)
    return result


def save(result: dict[str, Any], output: Path) -> Path:
    """Write the result under a name that sorts by time, plus latest.json and latest.txt."""
    output.mkdir(parents=True, exist_ok=True)
    stamp = result["created"].replace(":", "").replace("-", "").replace("+0000", "Z")
    name = f"{stamp}-{result['commit'][:12]}{'-dirty' if result['dirty'] else ''}.json"
    text = json.dumps(result, indent=1)
    (output / name).write_text(text, encoding="utf-8")
    (output / "latest.json").write_text(text, encoding="utf-8")
    (output / "latest.txt").write_text(render_tables(result) + "\n", encoding="utf-8")
    return output / name


# -----------------------------------------------------------------------------
# Comparing two results
# -----------------------------------------------------------------------------

# What is worth comparing between two runs: ratios to stock (machine-independent) and bytes.
# A reader returns None for a measure the older benchmark or tree did not have.
COMPARED: tuple[tuple[str, Callable[[dict[str, Any]], float | None]], ...] = (
    ("build wall, ours/stock", lambda case: case["ratios"]["wall_s"]),
    ("build CPU, ours/stock", lambda case: case["ratios"]["cpu_s"]),
    ("cold build CPU, ours/stock", lambda case: case["ratios"].get("cold_cpu_s")),
    ("build CPU, ours/stock caching templates", lambda case: case["ratios"].get("cpu_s_same_templates")),
    ("peak memory MB", lambda case: case["ours"]["peak_rss_mb"]),
    ("generation ms/page", lambda case: case["generation"]["per_page_ms"]),
    ("generation ms/data KB", lambda case: case["generation"].get("per_data_kb_ms")),
    ("largest HTML gzip B", lambda case: case["ours"]["html_gzip_max"]),
    ("site bytes", lambda case: case["ours"]["site_bytes"]),
)


def _number(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.3g}"


def compare(before: dict[str, Any], after: dict[str, Any]) -> str:
    """A table of each case's key numbers in two results, with the change."""
    rows = []
    after_cases = {case["case"]: case for case in after["cases"]}
    for old in before["cases"]:
        new = after_cases.get(old["case"])
        if new is None:
            continue
        for label, read in COMPARED:
            a, b = read(old), read(new)
            change = f"{100 * (b - a) / a:+.1f}%" if a and b is not None else "-"
            rows.append([old["case"], label, _number(a), _number(b), change])
    if before.get("first_load") and after.get("first_load"):
        for path, old in before["first_load"]["ours"].items():
            new = after["first_load"]["ours"].get(path)
            if new:
                rows.append(
                    [
                        f"/{path}",
                        "first load gzip B",
                        old["gzip"],
                        new["gzip"],
                        f"{100 * (new['gzip'] - old['gzip']) / old['gzip']:+.1f}%",
                    ]
                )
    old_lh, new_lh = (before.get("lighthouse") or {}).get("pages", {}), (after.get("lighthouse") or {}).get("pages", {})
    for path, old in old_lh.items():
        new = new_lh.get(path)
        if new:
            for label, key in (("Lighthouse perf (median)", "performance"), ("TBT ms (median)", "blocking_ms")):
                a, b = statistics.median(old[key]), statistics.median(new[key])
                rows.append([f"/{path}", label, _number(a), _number(b), f"{100 * (b - a) / a:+.1f}%" if a else "-"])
    header = f"A = {before['commit'][:12]} ({before['created']})\nB = {after['commit'][:12]} ({after['created']})"
    return header + "\n" + _table(["case", "measure", "A", "B", "B vs A"], rows)


def result_for(reference: str, args: argparse.Namespace) -> dict[str, Any]:
    """A result file, or a git revision of this repository benchmarked now from `git archive`."""
    if Path(reference).is_file():
        return json.loads(Path(reference).read_text(encoding="utf-8"))
    commit = _git("rev-parse", "--verify", f"{reference}^{{commit}}")
    if not commit:
        raise SystemExit(f"{reference!r} is neither a result file nor a git revision")
    with tempfile.TemporaryDirectory(prefix="liftheavy-rev-") as temporary:
        archive = Path(temporary) / "source.tar"
        subprocess.run(["git", "archive", "--format=tar", "-o", str(archive), commit], cwd=ROOT, check=True)
        with tarfile.open(archive) as tar:
            tar.extractall(Path(temporary) / "tree", filter="data")
        print(f"benchmarking {reference} ({commit[:12]}) ...", file=sys.stderr, flush=True)
        result = run_bench(
            Path(temporary) / "tree",
            args.cases,
            args.repeat,
            args.warmup,
            browser=args.browser,
            label=commit,
            lighthouse_runs=args.lighthouse_runs,
            lighthouse_pages=args.lighthouse_pages,
        )
    save(result, args.output)
    return result


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Benchmark the site build and page weight against stock Material.")
    parser.add_argument(
        "--cases",
        default="real,4,13,26,52",
        help="comma-separated: 'real' and/or numbers of weeks (default: %(default)s)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="measured builds per side and case")
    parser.add_argument("--warmup", type=int, default=1, help="unmeasured builds first (compiles .pyc files)")
    parser.add_argument("--no-browser", dest="browser", action="store_false", help="skip the first-load measurement")
    parser.add_argument(
        "--lighthouse-runs", type=int, help="Lighthouse runs per page (default: budgets.toml; 0 skips Lighthouse)"
    )
    parser.add_argument("--lighthouse-pages", nargs="*", help="URL paths for Lighthouse (default: every page)")
    parser.add_argument("--output", type=Path, default=RESULTS, help="directory for the result files")
    parser.add_argument("--compare", nargs=2, metavar=("A", "B"), help="two result files or git revisions")
    args = parser.parse_args(argv)
    args.cases = [Case.parse(name.strip()) for name in args.cases.split(",") if name.strip()]
    if args.compare:
        before, after = (result_for(reference, args) for reference in args.compare)
        print(compare(before, after))
        return
    result = run_bench(
        ROOT,
        args.cases,
        args.repeat,
        args.warmup,
        browser=args.browser,
        lighthouse_runs=args.lighthouse_runs,
        lighthouse_pages=args.lighthouse_pages,
    )
    path = save(result, args.output)
    print(render_tables(result))
    print(f"\nWritten to {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


if __name__ == "__main__":
    main()
