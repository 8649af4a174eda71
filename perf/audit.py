"""`make audit`: Lighthouse (mobile) on every page, served with gzip, in both palettes.

Data flow: build the site into a temporary folder with every week released (RELEASE_DATE =
the last `release:` in data/), serve it with `perf.serve` (gzip, as GitHub Pages), then run
the pinned Lighthouse from node_modules/ against each page with Debian's Chromium:

- light palette: performance, accessibility, best practices and SEO;
- dark palette (Chromium's `--force-dark-mode`, which makes `prefers-color-scheme: dark`
  true, so Material's automatic palette shows slate): accessibility, the only category
  colours can change.

Two kinds of result, kept apart (limits and targets from perf/budgets.toml):

- The gate, which fails the run: accessibility, best practices and SEO at `min_score`, the
  layout shift and the number of render-blocking requests, and no request leaving the
  machine. None of these depends on how busy the CPUs are, so a correct commit passes on a
  shared machine too. It comes from each page's first run.
- The benchmark figures, reported against their targets but never failing the run: the
  performance score and total blocking time, as the median and spread of `runs` runs per
  page. Lighthouse measures them on this machine and scales them to a slow phone (4x CPU
  slowdown), so other programs on the same cores inflate them; before each such run the
  audit waits (up to a limit) for quiet CPUs, and each row reports Lighthouse's measure of
  the host's speed (`benchmarkIndex`; about 2,500 on an idle 2-core CI machine).

`--gate` (the last step of `make test`) makes one run per page and palette and skips the
waiting: the figures of that single run are shown, marked as one run.
Nothing leaves the machine: Chromium is pointed at a proxy that does not exist for every
host but 127.0.0.1, and the audit fails if any page requested another origin. 404.html is
left out (Lighthouse's SEO category fails any page served with status 404, by design).

Reports: perf/results/audit/<page>-<palette>.json (the first run's Lighthouse JSON) and
summary.json.

    python -m perf.audit                 # build, serve and audit everything
    python -m perf.audit --gate          # one run per page: the checks of `make test`
    python -m perf.audit --site site/ --pages week-1/ --palettes light --runs 5
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from perf.budgets import Budgets, load_budgets
from perf.pages import page_paths
from perf.serve import serve
from perf.synthetic import last_release

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
MKDOCS = Path(sys.executable).parent / "mkdocs"
CHROMIUM = "/usr/bin/chromium"
REPORTS = ROOT / "perf" / "results" / "audit"
# Headless Chromium that talks to nothing but this machine: every host except loopback goes
# through a proxy on a port where nothing listens, so a stray request fails at once.
CHROME_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-sync",
    "--disable-extensions",
    "--proxy-server=http://127.0.0.1:9",
)
PALETTE_FLAGS = {"light": (), "dark": ("--force-dark-mode",)}
QUIET_BUSY_MAX = 0.25  # share of all CPUs others may use while performance is measured
QUIET_WAIT_S = 20  # per run; after that the run goes ahead (and may need another attempt)
# Root may raise the audited browser's CPU priority, so neighbours on a shared machine take
# less of its time (CI runs nothing else; there this changes nothing).
PRIORITY = ["nice", "-n", "-10"] if os.geteuid() == 0 else []


def _cpu_times() -> tuple[int, int]:
    """(busy, total) jiffies of all CPUs since boot, from /proc/stat."""
    fields = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle + iowait
    return sum(fields) - idle, sum(fields)


def cpu_busy_share(seconds: float = 1.0) -> float:
    """The share of all CPUs that was busy over the next `seconds`."""
    busy_before, total_before = _cpu_times()
    time.sleep(seconds)
    busy_after, total_after = _cpu_times()
    return (busy_after - busy_before) / max(1, total_after - total_before)


def wait_for_quiet_cpus(limit_s: float = QUIET_WAIT_S) -> float:
    """Wait until the CPUs are mostly idle (or `limit_s` passed); returns the last busy share."""
    deadline = time.monotonic() + limit_s
    busy = cpu_busy_share()
    while busy > QUIET_BUSY_MAX and time.monotonic() < deadline:
        busy = cpu_busy_share()
    return busy


@dataclass
class PageResult:
    path: str
    palette: str
    scores: dict[str, int] = field(default_factory=dict)  # the gate's categories, first run
    layout_shift: float | None = None  # cumulative layout shift of the first light run
    render_blocking: list[str] = field(default_factory=list)  # requests holding the first paint
    performance: list[int] = field(default_factory=list)  # score of each run
    blocking_ms: list[float] = field(default_factory=list)  # total blocking time of each run
    metrics: dict[str, float] = field(default_factory=dict)  # medians over the runs
    host: dict[str, float] = field(default_factory=dict)  # median benchmarkIndex, busy CPU share
    failures: list[str] = field(default_factory=list)  # why the gate failed, audit by audit
    external: list[str] = field(default_factory=list)  # requests that left the site

    @property
    def passed(self) -> bool:
        """The gate: nothing here depends on CPU load."""
        return not self.failures and not self.external


def build_site(destination: Path) -> None:
    """The strict build with every week released, as readers will eventually see it."""
    release = last_release(ROOT)
    env = {**os.environ, "RELEASE_DATE": release.isoformat(), "NO_MKDOCS_2_WARNING": "1"}
    command = [str(MKDOCS), "build", "--strict", "--site-dir", str(destination), "--config-file", "mkdocs.yml"]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"the build failed:\n{result.stderr[-3000:]}")


def run_lighthouse(url: str, categories: Sequence[str], palette: str, report: Path) -> dict[str, Any]:
    """One Lighthouse run (mobile, simulated throttling); returns its JSON report."""
    with tempfile.TemporaryDirectory(prefix="liftheavy-chrome-") as profile:
        flags = [*CHROME_FLAGS, *PALETTE_FLAGS[palette], f"--user-data-dir={profile}"]
        command = [
            *PRIORITY,
            str(LIGHTHOUSE),
            url,
            f"--only-categories={','.join(categories)}",
            "--form-factor=mobile",
            "--output=json",
            f"--output-path={report}",
            "--quiet",
            "--no-enable-error-reporting",
            f"--chrome-flags={' '.join(flags)}",
        ]
        env = {**os.environ, "CHROME_PATH": CHROMIUM}
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300, check=False)
    if result.returncode != 0 or not report.is_file():
        raise SystemExit(f"Lighthouse failed on {url} ({palette}):\n{result.stderr[-3000:]}")
    data = json.loads(report.read_text(encoding="utf-8"))
    if data.get("runtimeError"):
        raise SystemExit(f"Lighthouse could not audit {url} ({palette}): {data['runtimeError']}")
    return data


def category_scores(report: dict[str, Any]) -> dict[str, int]:
    """Category scores out of 100 (a category Lighthouse could not score counts as 0)."""
    return {name: round(100 * (category["score"] or 0)) for name, category in report["categories"].items()}


def failing_audits(report: dict[str, Any], category: str) -> list[str]:
    """The weighted audits that cost `category` points, with what they point at."""
    failures = []
    for reference in report["categories"][category]["auditRefs"]:
        audit = report["audits"][reference["id"]]
        if reference["weight"] and audit["score"] is not None and audit["score"] < 1:
            items = audit.get("details", {}).get("items", [])
            where = sorted({item["node"].get("selector", "") for item in items if isinstance(item.get("node"), dict)})
            shown = audit.get("displayValue") or ", ".join(where[:3])
            failures.append(f"{category}: {audit['id']} ({audit['score']}){': ' + shown if shown else ''}")
    return failures


def external_requests(report: dict[str, Any], base_url: str) -> list[str]:
    """Requests in the report that went anywhere but the local server (data: URLs are inline)."""
    # Runs limited to accessibility have no network audit; the light run of the page has it.
    items = report["audits"].get("network-requests", {}).get("details", {}).get("items", [])
    return [item["url"] for item in items if not item["url"].startswith((base_url, "data:"))]


def key_metrics(report: dict[str, Any]) -> dict[str, float]:
    audits = report["audits"]
    names = {
        "FCP ms": "first-contentful-paint",
        "LCP ms": "largest-contentful-paint",
        "TBT ms": "total-blocking-time",
        "CLS": "cumulative-layout-shift",
        "SI ms": "speed-index",
    }
    return {label: audits[name]["numericValue"] for label, name in names.items() if name in audits}


def render_blocking(report: dict[str, Any]) -> list[str] | None:
    """The URLs that hold the first paint, or None if Lighthouse could not tell."""
    for name in ("render-blocking-resources", "render-blocking-insight"):
        audit = report["audits"].get(name)
        if audit and audit.get("details") and not audit.get("errorMessage"):
            return sorted({item["url"] for item in audit["details"].get("items", []) if item.get("url")})
    return None


def _gate(result: PageResult, report: dict[str, Any], categories: Sequence[str], budgets: Budgets) -> None:
    """Record the first run's CPU-independent results and what fails the gate."""
    scores = category_scores(report)
    result.scores = {name: scores[name] for name in categories}
    for name, score in result.scores.items():
        if score < budgets.lighthouse_min_score:
            result.failures += failing_audits(report, name)
    if "performance" not in report["categories"]:
        return
    result.layout_shift = report["audits"]["cumulative-layout-shift"]["numericValue"]
    if result.layout_shift > budgets.layout_shift_max:
        shifted = failing_audits_items(report, "layout-shifts")
        result.failures.append(
            f"layout shift {result.layout_shift:.3f} > {budgets.layout_shift_max}{': ' + shifted if shifted else ''}"
        )
    blocking = render_blocking(report)
    if blocking is None:
        result.failures.append("render-blocking requests: Lighthouse could not list them")
    else:
        result.render_blocking = blocking
        if len(blocking) > budgets.render_blocking_max:
            result.failures.append(
                f"{len(blocking)} render-blocking requests > {budgets.render_blocking_max}: {', '.join(blocking)}"
            )


def failing_audits_items(report: dict[str, Any], audit_id: str) -> str:
    """The selectors an audit points at, for a message."""
    items = report["audits"].get(audit_id, {}).get("details", {}).get("items", [])
    return ", ".join(sorted({item["node"].get("selector", "") for item in items if isinstance(item.get("node"), dict)}))


def audit_page(
    base_url: str, path: str, palette: str, budgets: Budgets, reports: Path, *, runs: int, quiet: bool
) -> PageResult:
    """Lighthouse on one page in one palette: the gate from the first run, then the
    performance figures over `runs` runs (the first included). Light runs measure all four
    categories; dark runs accessibility alone, once."""
    light = palette == "light"
    gate_categories = budgets.lighthouse_categories if light else budgets.lighthouse_dark_categories
    categories = ("performance", *gate_categories) if light else gate_categories
    report_file = reports / f"{path.strip('/').replace('/', '_') or 'index'}-{palette}.json"
    result = PageResult(path, palette)
    measured: list[dict[str, Any]] = []
    for run in range(runs if light else 1):
        busy = wait_for_quiet_cpus() if light and quiet else None
        report = run_lighthouse(base_url + path, categories, palette, report_file)
        report["liftheavyBusyBefore"] = busy
        result.external = sorted(set(result.external) | set(external_requests(report, base_url)))
        if run == 0:
            _gate(result, report, gate_categories, budgets)
            report_file.write_text(json.dumps(report), encoding="utf-8")
        if light:
            measured.append(report)
    if measured:
        result.performance = [category_scores(report)["performance"] for report in measured]
        result.blocking_ms = [report["audits"]["total-blocking-time"]["numericValue"] for report in measured]
        per_run = [key_metrics(report) for report in measured]
        result.metrics = {name: statistics.median(metrics[name] for metrics in per_run) for name in per_run[0]}
        result.host = {"benchmarkIndex": statistics.median(r["environment"]["benchmarkIndex"] for r in measured)}
        busy_values = [r["liftheavyBusyBefore"] for r in measured if r["liftheavyBusyBefore"] is not None]
        if busy_values:
            result.host["busy"] = statistics.median(busy_values)
    return result


def spread(values: Sequence[float]) -> str:
    """median (min-max), or the single value."""
    if len(values) == 1:
        return f"{values[0]:.0f}"
    return f"{statistics.median(values):.0f} ({min(values):.0f}-{max(values):.0f})"


def _table(results: list[PageResult], categories: Sequence[str]) -> str:
    short = {"accessibility": "a11y", "best-practices": "best", "seo": "seo"}
    headers = ["page", "palette", *(short.get(name, name) for name in categories), "CLS", "blocking"]
    headers += ["perf", "TBT ms", "FCP ms", "LCP ms", "host index", "busy", "runs"]
    rows = []
    for result in results:
        row = ["/" + result.path, result.palette, *(str(result.scores.get(name, "-")) for name in categories)]
        row += [f"{result.layout_shift:.3f}" if result.layout_shift is not None else "-"]
        row += [str(len(result.render_blocking)) if result.layout_shift is not None else "-"]
        if result.performance:
            busy = result.host.get("busy")
            row += [spread(result.performance), spread(result.blocking_ms)]
            row += [f"{result.metrics[name]:.0f}" for name in ("FCP ms", "LCP ms")]
            row += [f"{result.host['benchmarkIndex']:.0f}", f"{100 * busy:.0f}%" if busy is not None else "-"]
            row += [str(len(result.performance))]
        else:
            row += ["-"] * 7
        rows.append(row)
    widths = [max(len(row[i]) for row in [headers, *rows]) for i in range(len(headers))]
    lines = [" | ".join(cell.rjust(w) for cell, w in zip(row, widths, strict=True)) for row in [headers, *rows]]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def performance_summary(results: list[PageResult], budgets: Budgets) -> list[dict[str, Any]]:
    """The benchmark figures against their targets: the lowest median score and the highest
    median blocking time over the pages, with every run's spread."""
    measured = [result for result in results if result.performance]
    if not measured:
        return []
    scores = {f"/{r.path}": statistics.median(r.performance) for r in measured}
    blocking = {f"/{r.path}": statistics.median(r.blocking_ms) for r in measured}
    worst_score = min(scores, key=scores.__getitem__)
    worst_blocking = max(blocking, key=blocking.__getitem__)
    every_score = [score for r in measured for score in r.performance]
    every_blocking = [ms for r in measured for ms in r.blocking_ms]
    return [
        {
            "target": "performance score, lowest page median",
            "page": worst_score,
            "value": scores[worst_score],
            "limit": budgets.performance_score_target,
            "spread": [min(every_score), max(every_score)],
            "ok": scores[worst_score] >= budgets.performance_score_target,
        },
        {
            "target": "total blocking time ms, highest page median",
            "page": worst_blocking,
            "value": blocking[worst_blocking],
            "limit": budgets.total_blocking_time_ms_max,
            "spread": [min(every_blocking), max(every_blocking)],
            "ok": blocking[worst_blocking] <= budgets.total_blocking_time_ms_max,
        },
    ]


def _performance_lines(summary: list[dict[str, Any]], runs: int) -> list[str]:
    lines = [f"Benchmark figures ({runs} run{'s' if runs > 1 else ''} per page; reported, never failing the run):"]
    for row in summary:
        low, high = row["spread"]
        verdict = "meets its target" if row["ok"] else "MISSES its target"
        lines.append(
            f"  {row['target']}: {row['value']:.0f} on {row['page']} (all runs {low:.0f}-{high:.0f}); "
            f"target {row['limit']:g}: {verdict}"
        )
    return lines


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Lighthouse mobile on every page, served with gzip.")
    parser.add_argument("--site", type=Path, help="audit this built site instead of building one")
    parser.add_argument("--pages", nargs="*", help="URL paths such as '' or 'week-1/' (default: every page)")
    parser.add_argument("--palettes", default="light,dark", help="comma-separated: light, dark")
    parser.add_argument("--reports", type=Path, default=REPORTS, help="where the Lighthouse JSON reports go")
    parser.add_argument("--runs", type=int, help="light runs per page for the figures (default: budgets.toml)")
    parser.add_argument("--gate", action="store_true", help="one run per page, no waiting: the checks of make test")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        raise SystemExit(f"{LIGHTHOUSE} is missing: run `make audit` (it installs Lighthouse with npm ci)")
    budgets = load_budgets()
    runs = 1 if args.gate else (args.runs or budgets.performance_runs)
    args.reports.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="liftheavy-audit-") as temporary:
        site = args.site or Path(temporary) / "site"
        if args.site is None:
            build_site(site)
        pages = args.pages if args.pages is not None else page_paths(site, include_404=False)
        palettes = [palette.strip() for palette in args.palettes.split(",") if palette.strip()]
        results = []
        with serve(site) as (base_url, _):
            for path in pages:
                for palette in palettes:
                    result = audit_page(base_url, path, palette, budgets, args.reports, runs=runs, quiet=not args.gate)
                    print(f"/{path} {palette}: {result.scores} {result.performance}", file=sys.stderr, flush=True)
                    results.append(result)
    print(_table(results, budgets.lighthouse_categories))
    summary = performance_summary(results, budgets)
    if summary:
        print("\n" + "\n".join(_performance_lines(summary, runs)))
    pages_json = [result.__dict__ | {"passed": result.passed} for result in results]
    (args.reports / "summary.json").write_text(
        json.dumps({"runs": runs, "pages": pages_json, "performance": summary}, indent=1), encoding="utf-8"
    )
    failed = [result for result in results if not result.passed]
    for result in failed:
        print(f"\nFAILED /{result.path} ({result.palette}): {result.scores}", file=sys.stderr)
        for line in result.failures + [f"request left the site: {url}" for url in result.external]:
            print(f"  {line}", file=sys.stderr)
    if failed:
        raise SystemExit(f"{len(failed)} of {len(results)} audits failed the gate")
    print(f"\nAll {len(results)} audits pass the gate (reports in {args.reports})")


if __name__ == "__main__":
    main()
