"""Finding 9 (issue 11): at 150 % the district's readiness bar for ด้านที่ ๒ had a red sliver with
no number (one urgent school beside many ready ones). Every non-zero segment is wide enough to
carry its count; the tooltip lists them all."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics

from ui.district.widgets import ReadinessBar, segment_widths


def test_a_small_segment_keeps_room_for_its_count() -> None:
    widths = segment_widths([24, 0, 1], 150.0, [20, 0, 14])
    assert widths[2] >= 14 and widths[1] == 0
    assert abs(sum(widths) - 150.0) < 0.01
    assert widths[0] > widths[2]


def test_the_bar_writes_every_count(qtbot) -> None:  # type: ignore[no-untyped-def]
    bar = ReadinessBar()
    qtbot.addWidget(bar)
    bar.set_counts([("พร้อม", 24, "#2e7d32"), ("ผ่านเกณฑ์", 0, "#f9a825"), ("เร่งด่วน", 1, "#c62828")])
    bar.resize(150, bar.sizeHint().height())
    least = [QFontMetrics(bar.font()).horizontalAdvance(t) + 8 for t in ("๒๔", "", "๑")]
    widths = segment_widths(bar.counts(), 150.0, least)
    assert widths[2] >= QFontMetrics(bar.font()).horizontalAdvance("๑") + 4
    assert "๑" in bar.toolTip()
