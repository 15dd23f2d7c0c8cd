"""Which way a colour band's count moving is good news (issue 11: fewer schools in the red band was
drawn as a loss). Bands are best first (seed 001: ม่วง ฟ้า เขียว เหลือง ส้ม แดง); more schools in the
upper half is better, more in the lower half is worse."""

from __future__ import annotations

import pytest

from qualityschool_desktop.district import band_count_trend
from qualityschool_desktop.workspace import Workspace


@pytest.mark.parametrize("key, now, before, trend", [
    ("red", 0, 1, 1),  # fewer in the red: better
    ("red", 2, 1, -1),
    ("orange", 1, 3, 1),
    ("yellow", 4, 3, -1),
    ("purple", 2, 1, 1),  # more in the best band: better
    ("blue", 0, 1, -1),
    ("green", 14, 12, 1),
    ("red", 1, 1, 0),  # the same: neither
    ("red", 1, None, 0),  # nothing to compare with
])
def test_a_fall_in_the_lower_bands_is_good_news(memory_workspace: Workspace, key: str, now: int,
                                               before: int | None, trend: int) -> None:
    bands = memory_workspace.frameworks.latest().colour_bands
    assert [band.key for band in bands] == ["purple", "blue", "green", "yellow", "orange", "red"]
    assert band_count_trend(bands, key, now, before) == trend


def test_an_odd_number_of_bands_leaves_the_middle_one_neutral(memory_workspace: Workspace) -> None:
    bands = memory_workspace.frameworks.latest().colour_bands[:5]  # purple … orange: green is the middle
    assert band_count_trend(bands, "green", 3, 1) == 0
    assert band_count_trend(bands, "orange", 0, 1) == 1 and band_count_trend(bands, "purple", 0, 1) == -1
