"""Property: whatever a contributor saves, the loader answers with the program or with
the project's own `DataError` naming `data/...:line:col`, quickly; never another exception.

Hypothesis feeds arbitrary text and arbitrary mutations of the real data files.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from liftheavy.data.errors import DataError
from liftheavy.data.loader import load_program

REAL_FILES = ["data/program.yaml", "data/exercises.yaml", "data/weeks/week-1.yaml", "data/weeks/week-3.yaml"]
TIME_BOUND_S = 5.0
FUZZ = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _load_with(path: str, content: bytes) -> None:
    """Load a copy of the real data with one file replaced; check the outcome and the time."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(ROOT / "data", root / "data")
        (root / path).write_bytes(content)
        started = time.process_time()  # CPU time: other processes on the machine do not count
        problems = _problems(root)
        assert time.process_time() - started < TIME_BOUND_S
    for problem in problems:
        assert problem.file.startswith("data/")
        assert problem.line >= 1
        assert problem.column >= 1
        assert problem.message


def _problems(root: Path) -> list:
    """The loader's problems, or [] when the data loads. Any other exception fails the test."""
    try:
        load_program(root)
    except DataError as error:
        return error.problems or [None]  # an empty DataError fails on the attribute checks
    return []


@FUZZ
@given(path=st.sampled_from(REAL_FILES), text=st.text(max_size=2000))
def test_arbitrary_text(path: str, text: str) -> None:
    _load_with(path, text.encode("utf-8", "surrogatepass"))


@FUZZ
@given(path=st.sampled_from(REAL_FILES), data=st.binary(max_size=500))
def test_arbitrary_bytes(path: str, data: bytes) -> None:
    _load_with(path, data)


MUTATIONS = st.one_of(
    st.tuples(st.just("delete"), st.integers(0, 10**6), st.integers(1, 400)),
    st.tuples(
        st.just("insert"), st.integers(0, 10**6), st.text(alphabet=":-[]{}&*!|>#'\"\t\n 0123456789abc", max_size=12)
    ),
    st.tuples(st.just("truncate"), st.integers(0, 10**6), st.just(0)),
    st.tuples(st.just("swap-lines"), st.integers(0, 10**6), st.integers(0, 10**6)),
    st.tuples(st.just("duplicate-line"), st.integers(0, 10**6), st.just(0)),
)


def _mutate(text: str, mutation: tuple) -> str:
    kind, a, b = mutation
    at = a % (len(text) + 1)
    lines = text.splitlines(keepends=True)
    if kind == "delete":
        return text[:at] + text[at + b :]
    if kind == "insert":
        return text[:at] + b + text[at:]
    if kind == "truncate":
        return text[:at]
    if not lines:
        return text
    i, j = a % len(lines), (b if isinstance(b, int) else 0) % len(lines)
    if kind == "swap-lines":
        lines[i], lines[j] = lines[j], lines[i]
    else:
        lines.insert(i, lines[i])
    return "".join(lines)


@FUZZ
@given(path=st.sampled_from(REAL_FILES), mutations=st.lists(MUTATIONS, min_size=1, max_size=4))
def test_mutated_real_data(path: str, mutations: list) -> None:
    text = (ROOT / path).read_text(encoding="utf-8")
    for mutation in mutations:
        text = _mutate(text, mutation)
    _load_with(path, text.encode("utf-8", "surrogatepass"))
