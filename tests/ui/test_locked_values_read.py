"""VERIFY32b V2: the grey for disabled fields (TEST32b B4) also drew a CONFIRMED visit's own values
(วันที่, รูปแบบ, ทบทวนผลการประเมิน) pale #9AA5B1 on #F0F2F5, about 2.3:1: the record looked empty, not
locked. A locked record's values now read as values (dark ink, ≥ 4.5:1), while a field that waits
for an action (the follow-up form before "เพิ่มข้อตกลง") still looks not-typeable (its own test,
test_follow_up_fields_look_off)."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
import shiboken6
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from qualityschool_desktop.workspace import Workspace
from ui.shell.api import Location
from ui.shell.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("styled_app")


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast(widget: QWidget) -> float:
    """The WCAG contrast of a widget's ink against its commonest colour (its background)."""
    window = widget.window()  # as drawn in its window: a frameless value shows its parent's background
    image = window.grab(QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())).toImage()
    pixels = Counter(image.pixel(x, y) for x in range(image.width()) for y in range(image.height()))
    background = _luminance(QColor.fromRgb(pixels.most_common(1)[0][0]))
    best = 1.0
    for rgb in pixels:
        other = _luminance(QColor.fromRgb(rgb))
        high, low = max(other, background), min(other, background)
        best = max(best, (high + 0.05) / (low + 0.05))
    return best


def test_a_confirmed_visits_own_values_read_clearly(qtbot, memory_workspace: Workspace,  # type: ignore[no-untyped-def]
                                                    school) -> None:
    visits = memory_workspace.visits
    visit = visits.start(school.id, visited_on=date(2026, 9, 15), start_time="09:00")
    visits.update(visit.id, purpose="ติดตามการอ่าน")
    visits.add_person(visit.id, "visitor", "นางกานดา รักเรียน")  # confirming needs a visitor (TEST34C C4)
    visits.finalise(visit.id)
    window = MainWindow(memory_workspace)
    window.resize(1366, 768)
    window.show()
    window.navigate(Location("school", school.id))
    window.navigate(Location("visit", visit.id))
    qtbot.wait(20)
    details = window.view.details
    seen = {name: (widget.isEnabled(), contrast(widget)) for name, widget in (
        ("date", details.date_edit.line_edit), ("type", details.type_combo), ("round", details.round_combo))}
    shiboken6.delete(window)
    for name, (enabled, ratio) in seen.items():
        assert not enabled, f"{name}: a confirmed visit takes no change"
        assert ratio >= 4.5, f"{name}: the record's own value is pale ({ratio:.1f}:1), it looks empty, not locked"
