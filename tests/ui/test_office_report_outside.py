"""The office-report page and changes it did not make (issue 13, tester's F11): "ลบแถว" under 6.3
can be undone; texts changed by another process are shown, and the next keystroke never saves
over them silently."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt

from qualityschool_desktop.inspection.texts import ProblemText
from qualityschool_desktop.thai import digits as thai_digits
from qualityschool_desktop.workspace import Workspace
from tests.ui.keyboard import type_text
from ui.common.notices import Notice
from ui.office_report.page import OfficeReportPage
from ui.office_report.strings import OUTSIDE_CHANGE, OUTSIDE_TYPED

pytestmark = pytest.mark.usefixtures("styled_app")


@pytest.fixture
def page(office_report_page: Any) -> Any:
    def texts(workspace: Workspace) -> None:
        workspace.office_texts.set_text(2569, 2, "office", "สำนักงานศึกษาธิการจังหวัดตาก")
        workspace.office_texts.add_problem(2569, 2, ProblemText("ปัญหาที่หนึ่ง", "แก้ที่หนึ่ง"))
        workspace.office_texts.add_problem(2569, 2, ProblemText("ปัญหาที่สอง", "แก้ที่สอง"))
        workspace.office_texts.end_own_bursts()

    return office_report_page("2569-2", prepare=texts, activate=True)


def _problems(page: OfficeReportPage) -> list[str]:
    return [row.problem for row in page.workspace.office_texts.problems(2569, 2)]


def test_a_removed_row_comes_back_with_undo(qtbot: Any, page: OfficeReportPage) -> None:
    rows = page.rows
    assert not rows.undo_button.isVisible()
    page.problems.table.setCurrentCell(0, 0)
    page.problems.remove_button.click()
    qtbot.waitUntil(lambda: _problems(page) == ["ปัญหาที่สอง"], timeout=60000)
    assert rows.undo_button.isVisible() and rows.undo_button.text() == "เลิกทำ"
    rows.undo_button.click()
    qtbot.waitUntil(lambda: _problems(page) == ["ปัญหาที่หนึ่ง", "ปัญหาที่สอง"], timeout=60000)
    assert page.problems.table.rowCount() == 2
    assert page.problems.table.item(0, 1).text() == "แก้ที่หนึ่ง"
    assert not rows.undo_button.isVisible()


def test_texts_changed_elsewhere_are_shown_and_not_overwritten(qtbot: Any, page: OfficeReportPage) -> None:
    said: list[Notice] = []
    page.noticed.connect(said.append)
    with Workspace.open(page.workspace.path) as other:  # a second process: report summary --texts
        other.office_texts.set_text(2569, 2, "office", "สำนักงานจากสคริปต์")
        other.office_texts.set_text(2569, 2, "success_factors", "ปัจจัยจากสคริปต์")
    assert page.outside.check()  # what the page's timer does every two seconds
    assert page.fields["office"].text() == "สำนักงานจากสคริปต์"
    assert page.fields["success_factors"].toPlainText() == "ปัจจัยจากสคริปต์"
    # Said once in the window's notice bar, which takes it down by itself or on "ปิด" (RETEST13
    # N4: the page's own red line kept it for the rest of the session); the page moves nothing.
    assert [n.text for n in said] == [OUTSIDE_CHANGE] and not said[0].stays
    assert "แก้ไขจากที่อื่น" not in page.message.text()
    type_text(page.fields["office"], "A")  # typed after seeing it: saved on top of it
    qtbot.waitUntil(lambda: page.workspace.office_texts.texts(2569, 2).office == "สำนักงานจากสคริปต์A", timeout=60000)


def test_a_keystroke_before_the_page_looked_does_not_save_over_a_newer_text(qtbot: Any,
                                                                          page: OfficeReportPage) -> None:
    said: list[Notice] = []
    page.noticed.connect(said.append)
    with Workspace.open(page.workspace.path) as other:
        other.office_texts.set_text(2569, 2, "office", "สำนักงานจากสคริปต์")
    field = page.fields["office"]
    field.setFocus()
    field.end(False)
    type_text(field, "A")  # the timer has not looked yet
    assert page.workspace.office_texts.texts(2569, 2).office == "สำนักงานจากสคริปต์"
    assert field.text() == "สำนักงานจากสคริปต์"
    # A keystroke not saved must be read: the notice stays until "ปิด" (or the next notice).
    assert said[-1].text == OUTSIDE_CHANGE + OUTSIDE_TYPED and said[-1].stays
    assert "แก้ไขจากที่อื่น" not in page.message.text()
    assert not page.outside.check()  # its own keystrokes since are no change from outside


def test_the_earlier_texts_are_in_the_page_s_history(qtbot: Any, page: OfficeReportPage) -> None:
    """RETEST13 F11: the notice says the earlier version is kept in the history; the page opens it
    (ประวัติการแก้ไข, Ctrl+H), newest first, each part's earlier text with who and when (BE)."""
    with Workspace.open(page.workspace.path) as other:
        other.office_texts.set_text(2569, 2, "office", "สำนักงานจากสคริปต์")
    assert page.outside.check()
    assert page.history_button.text() == "ประวัติการแก้ไข"
    assert page.history_button.focusPolicy() & Qt.FocusPolicy.TabFocus
    page.fields["success_factors"].setFocus()
    type_text(page.fields["success_factors"], "ครูร่วมมือ")  # a burst still open is in it too
    qtbot.keyClick(page.fields["success_factors"], Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    dialog = page.history_dialog
    assert dialog is not None and dialog.isVisible()
    rows = dialog.rows_shown()
    fields = [row[2] for row in rows]
    assert fields[:3] == ["๖.๔ ปัจจัยแห่งความสำเร็จ", "หน่วยงาน", "๖.๓ ปัญหาอุปสรรคและแนวทางแก้ไข"]
    assert rows[0][3:] == ("(ว่าง)", "ครูร่วมมือ")
    assert rows[1][3:] == ("สำนักงานศึกษาธิการจังหวัดตาก", "สำนักงานจากสคริปต์")
    assert "๑. ปัญหาที่หนึ่ง — แก้ที่หนึ่ง" in rows[2][4] and "๒. ปัญหาที่สอง — แก้ที่สอง" in rows[2][4]
    year = thai_digits(datetime.now().year + 543, "thai")
    assert all(year in row[0] for row in rows) and rows[0][1] == "เครื่องนี้"
    assert "ปีงบประมาณ ๒๕๖๙ รอบที่ ๒" in dialog.heading_text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
