"""Run a command in a fresh process and measure it: wall time, CPU time and peak memory.

`os.wait4` returns the resource usage of exactly the child it waited for, so each build is
measured on its own (`RUSAGE_CHILDREN` would keep the maximum over every child so far).
"""

from __future__ import annotations

import os
import signal
import statistics
import subprocess
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


def run_measured(argv: Sequence[str], *, env: Mapping[str, str], cwd: Path, timeout_s: float = 600) -> Measured:
    """Run `argv` to completion in a new process and measure it; kill it after `timeout_s`."""
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        process = subprocess.Popen(argv, env=dict(env), cwd=cwd, stdout=output, stderr=subprocess.STDOUT)
        watchdog = threading.Timer(timeout_s, os.kill, (process.pid, signal.SIGKILL))
        watchdog.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            watchdog.cancel()
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen.wait
        output.seek(0)
        text = output.read().decode("utf-8", "replace")
    return Measured(
        wall_s=wall,
        cpu_s=usage.ru_utime + usage.ru_stime,
        peak_rss_mb=usage.ru_maxrss / 1024,  # kilobytes on Linux
        returncode=process.returncode,
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
