"""s35 exch35 (TEST34B B6, RETEST34 D2): the pending window at 1366×768 with the office's budget
decision waiting at the school (shot-30).

The detail scrolled as a whole AND its comparison table scrolled inside it, showing ~2 of its rows,
with the "แสดงทุกช่องข้อมูล…" check box cut at the bottom edge: one scroll, the table as high as its
rows. The comparison's column called the approver "ผู้ตรวจในนาม สพป.…" (a reviewer): a budget
decision's approver is the office, as the budget words say it."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QScrollArea

from tests.laptops import Laptops, laptops  # noqa: F401 (a fixture)
from tests.test_budget_approvals import approved_by_an_unbound_office
from ui.exchange.pending_dialog import PendingDialog

from .test_exchange_review import controller_of, open_window, wait_for_dialog

pytestmark = pytest.mark.usefixtures("styled_app")
SHOTS = Path(os.environ.get("QSD_SHOTS", "")) if os.environ.get("QSD_SHOTS") else None


def _opened(qtbot: Any, laptops: Laptops, tmp_path: Path) -> tuple[Any, PendingDialog]:
    school, _district, _item, _result = approved_by_an_unbound_office(laptops)
    window = open_window(qtbot, school, tmp_path)
    controller = controller_of(window)
    controller.pending_action.trigger()  # type: ignore[union-attr]
    dialog = wait_for_dialog(qtbot, controller, PendingDialog)
    dialog.resize(1366, 768)  # as on the tester's screen without a window manager
    (change,) = dialog.changes
    dialog.select(change.id)
    return window, dialog


def test_the_budget_decision_s_approver_is_the_office_not_a_reviewer(
        qtbot: Any, laptops: Laptops, tmp_path: Path) -> None:  # noqa: F811
    window, dialog = _opened(qtbot, laptops, tmp_path)
    heading = dialog.versions.heading(2)
    assert "ผู้ตรวจ" not in heading, heading
    assert "ผู้อนุมัติในนาม สพป.ตาก เขต ๒" in heading, heading
    assert "ผู้ตรวจ" not in dialog.sender_name.text(), dialog.sender_name.text()
    window.close()


def test_the_detail_scrolls_once_and_the_table_shows_every_row(
        qtbot: Any, laptops: Laptops, tmp_path: Path) -> None:  # noqa: F811
    window, dialog = _opened(qtbot, laptops, tmp_path)
    table = dialog.versions.table

    def whole() -> bool:  # every row of the table in it, whole: none cut at its lower edge
        last = table.rowCount() - 1
        return (table.rowCount() >= 5 and table.verticalScrollBar().maximum() == 0
                and table.rowViewportPosition(last) + table.rowHeight(last) <= table.viewport().height())

    qtbot.waitUntil(whole, timeout=5000)
    side = dialog.findChild(QScrollArea, "pendingDetails")
    assert side is not None
    # The check box whole and in sight, however the detail is scrolled (it was cut at the lower edge).
    box = dialog.versions.all_fields
    for value in (0, side.verticalScrollBar().maximum()):
        side.verticalScrollBar().setValue(value)
        shown = box.visibleRegion().boundingRect()
        assert box.isVisible() and shown.height() == box.height(), (value, shown, box.height())
        bottom = box.mapTo(dialog, QPoint(0, box.height())).y()
        assert bottom <= dialog.height(), (bottom, dialog.height())
    side.verticalScrollBar().setValue(0)
    dialog.grab().save(str((SHOTS or tmp_path) / "exch35-pending-budget.png"))
    window.close()
