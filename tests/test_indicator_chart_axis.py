"""The indicator chart's axis (C14 item 5): a largest value of 30 drew lines at 0, 7.5, 15, 22.5
and 30 (๗.๕ on a chart of counts). The axis now steps by 1, 2 or 5 times a power of ten, as people
draw them: whole numbers for counts and percentages, at most five steps."""

from __future__ import annotations

import pytest

from qualityschool_desktop.reports.indicators.chart import axis_steps


@pytest.mark.parametrize("largest, ticks", [
    (30, [0, 10, 20, 30]),
    (100, [0, 20, 40, 60, 80, 100]),
    (7, [0, 2, 4, 6, 8]),
    (3, [0, 1, 2, 3]),
    (12, [0, 5, 10, 15]),
    (45, [0, 10, 20, 30, 40, 50]),
    (1, [0, 1]),
    (2500, [0, 500, 1000, 1500, 2000, 2500]),
])
def test_counts_and_percentages_step_by_whole_numbers(largest: float, ticks: list[float]) -> None:
    assert axis_steps(largest) == ticks


def test_fractions_step_by_tenths_and_nothing_draws_a_small_whole_axis() -> None:
    assert axis_steps(0.8) == pytest.approx([0, 0.2, 0.4, 0.6, 0.8])
    assert axis_steps(0) == [0, 1]
    assert axis_steps(-5) == [0, 1]


@pytest.mark.parametrize("largest", [0.3, 1, 7.5, 30, 99.9, 101, 12345])
def test_the_axis_holds_the_largest_value_in_at_most_five_steps(largest: float) -> None:
    ticks = axis_steps(largest)
    assert ticks[-1] >= largest and 2 <= len(ticks) <= 6
