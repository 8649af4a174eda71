"""Run a command in a fresh process and measure it: wall time, CPU time and peak memory.

`os.wait4` returns the resource usage of exactly the child it waited for, so each build is
measured on its own (`RUSAGE_CHILDREN` would keep the maximum over every child so far).
The command runs under a tiny Python wrapper: on Linux a child's peak memory includes what
it inherited from the process that forked it, so forking straight from a big process (a
test session with browsers behind it) would report that process's size, not the build's.
"""

from __future__ import annotations

import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Measured:
    wall_s: float
    cpu_s: float  # user + system time of the child and its own children
    peak_rss_mb: float  # the largest resident set of the child (or a child it waited for)
    returncode: int
    output: str  # stdout and stderr, for error messages


# Runs argv[2:], waits for it with wait4 and writes its resource usage as JSON to argv[1].
_WRAPPER = """
import json, os, subprocess, sys
child = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(child.pid, 0)
with open(sys.argv[1], "w") as report:
    json.dump({"cpu_s": usage.ru_utime + usage.ru_stime, "maxrss_kb": usage.ru_maxrss}, report)
sys.exit(os.waitstatus_to_exitcode(status))
"""


def run_measured(argv: Sequence[str], *, env: Mapping[str, str], cwd: Path, timeout_s: float = 600) -> Measured:
    """Run `argv` to completion in a new process and measure it; kill it after `timeout_s`."""
    with tempfile.TemporaryFile() as output, tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "usage.json"
        command = [sys.executable, "-c", _WRAPPER, str(report), *argv]
        start = time.perf_counter()
        process = subprocess.Popen(
            command, env=dict(env), cwd=cwd, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )
        watchdog = threading.Timer(timeout_s, os.killpg, (process.pid, signal.SIGKILL))
        watchdog.start()
        try:
            returncode = process.wait()
        finally:
            watchdog.cancel()
        wall = time.perf_counter() - start
        usage = json.loads(report.read_text()) if report.exists() else {"cpu_s": 0.0, "maxrss_kb": 0}
        output.seek(0)
        text = output.read().decode("utf-8", "replace")
    return Measured(
        wall_s=wall,
        cpu_s=usage["cpu_s"],
        peak_rss_mb=usage["maxrss_kb"] / 1024,  # kilobytes on Linux
        returncode=returncode,
        output=text,
    )


@dataclass(frozen=True, slots=True)
class Summary:
    """Repeated measurements of one thing: the median is what tables show."""

    runs: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def low(self) -> float:
        return min(self.runs)

    @property
    def high(self) -> float:
        return max(self.runs)

    def as_json(self) -> dict[str, object]:
        return {"median": self.median, "min": self.low, "max": self.high, "runs": list(self.runs)}
