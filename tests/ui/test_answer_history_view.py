"""The answer history of one item, opened from the item in the assessment view (issue 11: keep what
the user typed visible in history): when and on which laptop each change was made, the new level or
text, and "พิมพ์ว่า …" when the stored text was cleaned from what was typed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from qualityschool_desktop.workspace import Workspace
from ui.assessment.history_dialog import HistoryDialog
from ui.common import digits

from .keyboard import type_text
from .test_assessment_view import assessment, click, evidence_box, make_view, sarabun, view  # noqa: F401

TYPED = "นํ้าดื่มสะอาด"  # sara am typed before the tone mark: stored as น้ำดื่มสะอาด


def open_history_by_key(qtbot, view) -> HistoryDialog:  # type: ignore[no-untyped-def]
    qtbot.keyClick(view.focusWidget() or view, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    dialog = view.findChild(HistoryDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_the_items_history_shows_each_change_and_what_was_typed(  # type: ignore[no-untyped-def]
    qtbot, view, memory_workspace: Workspace, assessment,
) -> None:
    view.go_to("2.1.5")
    click(qtbot, view.level_buttons()[4])
    evidence = evidence_box(view)
    evidence.setFocus()
    type_text(evidence, TYPED)
    assert memory_workspace.answers.get(assessment.id, "2.1.5").evidence == "น้ำดื่มสะอาด"

    dialog = open_history_by_key(qtbot, view)
    rows = dialog.rows_shown()
    entries = memory_workspace.answers.history(assessment.id, "2.1.5")
    assert len(rows) == 2 and len(entries) == 2  # opening the history ended the burst of typing
    newest, oldest = rows  # newest first
    assert newest == (digits.moment(entries[1].changed_at), "เครื่องนี้", "หลักฐาน/ร่องรอย",
                      "น้ำดื่มสะอาด\nพิมพ์ว่า “นํ้าดื่มสะอาด”")
    assert oldest == (digits.moment(entries[0].changed_at), "เครื่องนี้", "ระดับคุณภาพ", "ระดับ ๔ ดีเลิศ")
    assert "๒๕๖" in oldest[0]  # a Buddhist-Era year, in the window's Thai digits
    assert "2.1.5" in dialog.heading_text() or "๒.๑.๕" in dialog.heading_text()

    dialog.resize(1366 // 2, 768 // 2)
    view.grab().save("/tmp/history_view.png")
    dialog.grab().save("/tmp/history_dialog.png")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_the_history_follows_the_digit_setting_and_says_when_there_is_none(  # type: ignore[no-untyped-def]
    qtbot, view, memory_workspace: Workspace, assessment,
) -> None:
    digits.set_style("arabic")
    view.go_to("1.1.1")
    button = view.findChild(QPushButton, "historyButton")
    assert button is not None and button.focusPolicy() & Qt.FocusPolicy.TabFocus
    click(qtbot, button)
    dialog = view.findChild(HistoryDialog)
    assert dialog.rows_shown() == [] and "ยังไม่มี" in dialog.heading_text()
    dialog.close()
    click(qtbot, view.level_buttons()[3])
    click(qtbot, button)
    dialog = view.findChild(HistoryDialog)
    (row,) = dialog.rows_shown()
    assert row[3] == "ระดับ 3 ดี" and "256" in row[0] and "๒" not in row[0]


def test_a_change_from_another_laptop_names_that_laptop(  # type: ignore[no-untyped-def]
    qtbot, view, memory_workspace: Workspace, assessment,
) -> None:
    ws = memory_workspace
    ws.answers.set_level(assessment.id, "1.1.2", 5)
    ws.answers.flush_pending()
    entry = ws.answers.history(assessment.id, "1.1.2")[0]
    other = "0" * 8 + "-0000-4000-8000-" + "1" * 12
    with ws.db.write():
        ws.db.execute("INSERT INTO answer_history (id, answer_id, assessment_id, item_code, field, old_value,"
                      " new_value, changed_at, changed_by, typed) VALUES (?, ?, ?, ?, 'note', NULL, 'จากโรงเรียน',"
                      " ?, ?, 'จากโรงเรียน')",
                      ["1" * 8 + "-0000-4000-8000-" + "2" * 12, entry.answer_id, assessment.id, "1.1.2",
                       entry.changed_at, other])
        ws.db.execute("INSERT INTO exchange_log (installation_id, display_name, last_exported_at, last_imported_at)"
                      " VALUES (?, ?, ?, ?)", [other, "โน้ตบุ๊กห้องธุรการ", entry.changed_at, entry.changed_at])
    view.go_to("1.1.2")
    view.show_history()
    rows = view.findChild(HistoryDialog).rows_shown()
    assert [row[1] for row in rows] == ["โน้ตบุ๊กห้องธุรการ", "เครื่องนี้"]
    assert rows[0][3] == "จากโรงเรียน"  # typed the same as stored: no "พิมพ์ว่า"


def test_the_exchange_review_shows_what_was_typed_only_when_it_differs(memory_workspace: Workspace) -> None:
    from ui.exchange.compare import field_rows

    row = {"id": "x", "field": "evidence", "old_value": None, "new_value": "น้ำดื่ม", "typed": None,
           "changed_at": "2026-11-30T10:00:00Z", "changed_by": "x"}
    assert "พิมพ์ว่า" not in [shown.label for shown in field_rows(memory_workspace, "answer_history", None, row)]
    row["typed"] = "นํ้าดื่ม"
    assert "พิมพ์ว่า" in [shown.label for shown in field_rows(memory_workspace, "answer_history", None, row)]


def test_the_laptop_column_shows_a_name_and_key_whole(  # type: ignore[no-untyped-def]
    qtbot, view, memory_workspace: Workspace, assessment,
) -> None:
    """TEST29b B7: "vm · กุญแจ C2B8-BC71…" lost its last letters: Qt sized the column without app.qss's padding."""
    from PySide6.QtWidgets import QStyle

    ws = memory_workspace
    ws.answers.set_level(assessment.id, "1.1.2", 5)
    ws.answers.flush_pending()
    entry = ws.answers.history(assessment.id, "1.1.2")[0]
    with ws.db.write():
        ws.db.execute("INSERT INTO answer_history (id, answer_id, assessment_id, item_code, field, old_value,"
                      " new_value, changed_at, changed_by) VALUES (?, ?, ?, ?, 'note', NULL, 'จากโรงเรียน', ?, ?)",
                      ["1" * 8 + "-0000-4000-8000-" + "2" * 12, entry.answer_id, assessment.id, "1.1.2",
                       entry.changed_at, "1" * 8 + "-0000-4000-8000-" + "1" * 12])
        ws.db.execute("INSERT INTO exchange_log (installation_id, display_name, last_exported_at, last_imported_at)"
                      " VALUES (?, ?, ?, ?)", ["1" * 8 + "-0000-4000-8000-" + "1" * 12, "vm · กุญแจ C2B8-BC71…",
                                               entry.changed_at, entry.changed_at])
    view.go_to("1.1.2")
    view.show_history()
    table = view.findChild(HistoryDialog).table
    who = table.item(0, 1).text()
    assert who.startswith("vm · กุญแจ C2B8-BC71")
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    assert table.fontMetrics().horizontalAdvance(who) + 2 * (4 + margin) + 1 <= table.horizontalHeader().sectionSize(1)
