"""The %1RM chart and the 1RM estimate, checked against values worked by hand."""

from __future__ import annotations

import pytest

from liftheavy.data import effort


def test_chart_is_the_published_rir_column() -> None:
    # Tuchscherer's chart at whole reps in reserve, n = 1 … 12 reps to failure.
    assert effort.CHART == (100.0, 95.5, 92.2, 89.2, 86.3, 83.7, 81.1, 78.6, 76.2, 73.9, 70.7, 68.0)
    assert all(a > b for a, b in zip(effort.CHART, effort.CHART[1:], strict=False))


@pytest.mark.parametrize(
    ("reps", "rir", "percent"),
    [
        (1, 0, 100.0),  # a true single
        (5, 2, 81.1),  # n = 7
        (5, 4, 76.2),  # n = 9: the before-run "60% × 5 at RIR 4" is really about 76%
        (8, 3, 70.7),  # n = 11
        (10, 2, 68.0),  # n = 12, the chart's last row
    ],
)
def test_percent_of_1rm_reads_the_chart(reps: int, rir: int, percent: float) -> None:
    assert effort.percent_of_1rm(reps, rir) == percent


def test_beyond_the_chart_follows_epley_from_the_last_row() -> None:
    # 68.0 × (1 + 12/30) = 95.2; n = 15: 95.2 / (1 + 15/30) = 95.2 / 1.5
    assert effort.percent_for_max_reps(15) == pytest.approx(63.4667, abs=1e-4)
    # n = 13: 95.2 / (43/30) = 66.419
    assert effort.percent_for_max_reps(13) == pytest.approx(66.4186, abs=1e-4)
    # continuous at the seam: the formula at n = 12 gives the chart's value
    anchor = effort.CHART[-1] * (1 + 12 / 30)
    assert anchor / (1 + 12 / 30) == pytest.approx(effort.CHART[-1])


def test_estimated_1rm() -> None:
    assert effort.estimated_1rm(60, 1, 0) == 60
    # 100 kg × 5 with 2 left: 100 / 0.811 = 123.30 kg
    assert effort.estimated_1rm(100, 5, 2) == pytest.approx(123.305, abs=1e-3)
    # 20 kg × 10 with 5 left (n = 15): 20 / 0.634667 = 31.51 kg
    assert effort.estimated_1rm(20, 10, 5) == pytest.approx(31.513, abs=1e-3)


@pytest.mark.parametrize(("call", "args"), [("percent_of_1rm", (0, 2)), ("percent_of_1rm", (5, -1))])
def test_impossible_inputs_are_refused(call: str, args: tuple[int, int]) -> None:
    with pytest.raises(ValueError, match=r"must|cannot"):
        getattr(effort, call)(*args)


def test_estimated_1rm_refuses_no_weight() -> None:
    with pytest.raises(ValueError, match="weight"):
        effort.estimated_1rm(0, 5, 2)


def test_expected_range_and_tolerance() -> None:
    expected = effort.expected_percent(6, 8, 2)  # n = 8 … 10: 73.9 … 78.6
    assert (expected.low, expected.high) == (73.9, 78.6)
    assert str(expected) == "about 74-79%"
    assert expected.admits(70.0)
    assert expected.admits(83.0)
    assert not expected.admits(68.0)
    assert not expected.admits(84.0)
    assert str(effort.expected_percent(5, 5, 4)) == "about 76%"


def test_rir_for_names_what_the_chart_expects() -> None:
    # 60% is n = 18 beyond the chart (95.2 / 1.6 = 59.5): 5 reps leave about 13
    assert effort.rir_for(60, 5) == 13
    assert effort.rir_for(81, 5) == 2
    assert effort.rir_for(100, 5) is None  # too heavy for 5 reps at all


def test_max_reps_at() -> None:
    assert effort.max_reps_at(100) == 1
    assert effort.max_reps_at(81) == 7  # 81.1 is the 7-rep row
    assert effort.max_reps_at(60) == 18  # beyond the chart: 95.2 / 1.6 = 59.5
