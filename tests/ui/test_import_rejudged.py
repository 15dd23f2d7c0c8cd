"""RETEST30 N1 in the window: the school's second laptop's file (its statement from before the
binding) chosen with the school's own file (whose statement binds the second laptop), the second
laptop's first. Its change waits only until the other file binds its key: the result says it was
applied and counts nothing as still waiting; the bind by hand says the same in its message."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import pytest

from ui.exchange.import_dialog import ImportPreviewDialog, ImportResultDialog

from qualityschool_desktop import exchange

from ..laptops import CODE_A, Laptop, laptops  # noqa: F401 (a fixture)
from ..test_exchange_rejudge import _levels, _two_laptops
from .test_exchange_ui import controller_of, open_window, wait_for_dialog

pytestmark = pytest.mark.usefixtures("styled_app")


def test_the_result_says_the_waiting_change_was_applied_and_nothing_waits(
        qtbot: Any, laptops: Callable[[str], Laptop], tmp_path: Path) -> None:
    ids, x, y, _l1, _l2 = _two_laptops(laptops)
    district = laptops("district")
    district.activate()
    window = open_window(qtbot, district.db, tmp_path)
    controller = controller_of(window)
    controller.preview([y, x])
    preview = wait_for_dialog(qtbot, controller, ImportPreviewDialog)
    preview.import_button.click()
    result = wait_for_dialog(qtbot, controller, ImportResultDialog)
    summary = result.summary.text()
    assert "ใช้การแก้ไขที่รอตรวจสอบ ๒ รายการแล้ว" in summary
    assert result.pending_count == 0
    assert "รอตรวจสอบ" not in window.notices.text()
    result.resize(1366, 700)
    result.grab().save(str(tmp_path / "n1-result.png"))
    result.accept()
    window.close()
    assert _levels(district, ids) == (3, 1, 4)
    with district.open() as workspace:
        assert exchange.list_pending(workspace) == []


def test_the_preview_says_the_file_will_apply_a_change_once_rejected(
        qtbot: Any, laptops: Callable[[str], Laptop], tmp_path: Path) -> None:
    """RETEST31 R3: a person rejected the second laptop's change, the laptop's key was bound since;
    the file imported again will apply the change as the school's own. The card said only
    "ปรับปรุง ๑" and only the result told; it says so before the import too."""
    from PySide6.QtWidgets import QLabel

    ids, _x, y, _l1, l2 = _two_laptops(laptops)
    district = laptops("district")
    district.import_(y)
    with district.open() as workspace:
        (answer,) = [c for c in exchange.list_pending(workspace) if c.table == "answers"]
        exchange.reject_pending(workspace, answer.id)
        exchange.bind(workspace, l2.fingerprint, CODE_A)
    before = _levels(district, ids)  # item 2: the first laptop's own level, carried in y's relayed/ (relay33)
    assert before[1] == 3  # not L2's rejected 1
    district.activate()
    window = open_window(qtbot, district.db, tmp_path)
    controller = controller_of(window)
    controller.preview([y])
    preview = wait_for_dialog(qtbot, controller, ImportPreviewDialog)
    shown = "\n".join(label.text() for label in preview.findChildren(QLabel) if label.isVisible())
    assert "๒ รายการที่เคยเลือก “ไม่ยอมรับ”" in shown  # the answer and its history row
    preview.resize(1366, 700)
    preview.grab().save(str(tmp_path / "r3-preview.png"))
    preview.reject()
    window.close()
    assert _levels(district, ids) == before  # nothing applied by the preview

