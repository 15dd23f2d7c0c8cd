"""Issue 15: โรงเรียนที่ถึงกำหนดนิเทศ — schools due or overdue this term, remaining on top, with
their last visit, assessment and contact (BE dates); the contact-log dialog saves a line through the
core and says saved only for what is stored; bad input gets a Thai reason and stores nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from qualityschool_desktop.workspace import Workspace
from tests.ui.keyboard import type_text
from ui.coverage.contact_dialog import ContactDialog
from ui.coverage.page import CoveragePage

TODAY = date(2027, 2, 1)  # term 2/2569, after its first half


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    for where in ("ui.coverage.page.today", "ui.coverage.contact_dialog.today",
                  "qualityschool_desktop.coverage.contacts.today"):
        monkeypatch.setattr(where, lambda: TODAY)
    ws = Workspace.open(tmp_path / "db.sqlite3", create=True)
    for code, name, level in (("6301000001", "โรงเรียนบ้านม่วง", 5), ("6301000002", "โรงเรียนบ้านแดง", 1),
                              ("6301000003", "โรงเรียนบ้านเหลือง", 3)):
        school = ws.schools.add(code=code, name=name, district="แม่สอด", province="ตาก")
        assessment = ws.assessments.start(school.id, 2569, assessed_on=date(2026, 11, 20))
        for item in ws.frameworks.latest().items:
            ws.answers.set_level(assessment.id, item.code, level)
        ws.answers.flush_pending()
        ws.assessments.submit(assessment.id)  # a draft is no re-assessment done (F11)
    yellow = ws.schools.by_code("6301000003").id
    ws.visits.add_person(ws.visits.start(yellow, visited_on=date(2026, 12, 3)).id, "visitor", "นางกานดา รักเรียน")  # C12
    yield ws
    ws.close()


@pytest.fixture
def page(qtbot: Any, workspace: Workspace) -> CoveragePage:
    widget = CoveragePage(workspace)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    widget.refresh()
    return widget


def rows(page: CoveragePage) -> list[list[str]]:
    return [[page.table.item(r, c).text() for c in range(page.table.columnCount())] for r in range(page.table.rowCount())]


def test_remaining_on_top_with_be_dates(page: CoveragePage) -> None:
    shown = rows(page)
    assert [row[1] for row in shown] == ["โรงเรียนบ้านแดง", "โรงเรียนบ้านเหลือง", "โรงเรียนบ้านม่วง"]
    assert shown[0][0] == "เลยกำหนด" and shown[0][3] == "แดง" and shown[0][7] == "–"
    assert shown[1][0] == "ถึงกำหนด" and shown[1][7] in ("3 ธ.ค. 2569", "๓ ธ.ค. ๒๕๖๙")
    assert shown[2][0] == "ไม่มีกำหนด"
    assert "ภาคเรียนที่" in page.term_box.currentText() and "2569" in page.term_box.currentText() or "๒๕๖๙" in page.term_box.currentText()
    assert "ถึงกำหนดหรือเลยกำหนด" in page.summary.text()


def test_a_contact_is_saved_through_the_core_and_shown(qtbot: Any, page: CoveragePage, workspace: Workspace) -> None:
    red = workspace.schools.by_code("6301000002").id
    published: list[Any] = []
    dialog = ContactDialog(workspace, red, "โรงเรียนบ้านแดง", page, publish=published.append)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.channel.setCurrentIndex(dialog.channel.findData("in_person"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # no topic yet
    assert "เรื่องที่ติดต่อ" in dialog.save_line.text() and workspace.contacts.for_school(red) == []
    type_text(dialog.topic, "พบผู้อำนวยการที่ประชุมเครือข่าย")
    type_text(dialog.who, "ผอ.สมชาย")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.save_line.text().startswith("บันทึกแล้ว")
    [stored] = workspace.contacts.for_school(red)
    assert (stored.channel, stored.topic, stored.who, stored.contacted_on) == (
        "in_person", "พบผู้อำนวยการที่ประชุมเครือข่าย", "ผอ.สมชาย", "2027-02-01")
    assert dialog.log.rowCount() == 1 and dialog.topic.text() == ""
    assert published and published[0].any_contacts
    page.refresh()
    red_row = next(row for row in rows(page) if row[1] == "โรงเรียนบ้านแดง")
    assert red_row[4] in ("1/2", "๑/๒") and red_row[9] in ("1 ก.พ. 2570", "๑ ก.พ. ๒๕๗๐")  # in person counts


def test_the_page_asks_for_a_school_before_a_contact(page: CoveragePage) -> None:
    page.table.clearSelection()
    page.add_contact()
    assert "เลือกโรงเรียน" in page.save_line.text()


def test_screenshot(page: CoveragePage, workspace: Workspace, qtbot: Any) -> None:
    page.grab().save("/tmp/coverage_page.png")
    dialog = ContactDialog(workspace, workspace.schools.by_code("6301000002").id, "โรงเรียนบ้านแดง", page)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.grab().save("/tmp/coverage_dialog.png")


def test_the_follow_up_list_and_the_dashboard_show_the_same_schools(qtbot: Any, workspace: Workspace,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """F10: not only a count: the schools due (overdue first) and a link to the whole list."""
    from ui.district.page import DistrictPage
    from ui.follow_ups.page import FollowUpsPage

    follow_ups = FollowUpsPage(workspace, today=TODAY)
    qtbot.addWidget(follow_ups)
    follow_ups.refresh()
    line = follow_ups.due_visits.text().replace("\xa0", " ")
    assert "ถึงกำหนดนิเทศภาคเรียนนี้ " in line and ("2 โรงเรียน" in line or "๒ โรงเรียน" in line)
    assert line.index("โรงเรียนบ้านแดง") < line.index("โรงเรียนบ้านเหลือง")  # overdue first, as on the page
    assert "โรงเรียนบ้านม่วง" not in line and 'href="coverage"' in line
    opened: list[bool] = []
    follow_ups.due_visits.open_list.connect(lambda: opened.append(True))
    follow_ups.due_visits.linkActivated.emit("coverage")
    assert opened == [True]
    monkeypatch.setattr("ui.district.page.today", lambda: TODAY)
    dashboard = DistrictPage(workspace)
    qtbot.addWidget(dashboard)
    dashboard.refresh()
    assert dashboard.due_visits.text() == follow_ups.due_visits.text()


def test_the_dashboards_link_opens_the_coverage_page(qtbot: Any, workspace: Workspace) -> None:
    from ui.shell.api import Location
    from ui.shell.main_window import MainWindow

    window = MainWindow(workspace)
    qtbot.addWidget(window)
    for where in ("follow_ups", "district"):
        window.navigate(Location(where))
        label = next(w for w in window.findChildren(QLabel) if hasattr(w, "open_list") and w.isVisibleTo(window))
        label.linkActivated.emit("coverage")
        assert window.location == Location("coverage"), where


def test_reached_from_the_menu(qtbot: Any, workspace: Workspace) -> None:
    from ui.shell.api import Location
    from ui.shell.main_window import MainWindow

    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    action = window.features["coverage"].action
    assert action.shortcut().toString() == "Ctrl+Shift+T"
    action.trigger()
    assert window.location == Location("coverage")
    window.grab().save("/tmp/coverage_window.png")


def test_the_selection_follows_the_school_when_the_list_re_sorts(page: CoveragePage, workspace: Workspace) -> None:
    """F16: after a contact the list re-sorts; the next contact must still go to the same school."""
    red = workspace.schools.by_code("6301000002").id
    page.table.selectRow(0)
    assert page.selected().school_id == red
    for topic in ("พบที่ประชุมเครือข่าย", "พบที่ศูนย์เครือข่าย"):  # two in-person meetings: red is done, moves down
        workspace.contacts.add(red, TODAY, "in_person", topic)
    page.refresh()
    assert rows(page)[0][1] != "โรงเรียนบ้านแดง"
    assert page.selected() is not None and page.selected().school_id == red


def test_the_contact_dialog_names_the_school_in_its_body(qtbot: Any, page: CoveragePage, workspace: Workspace) -> None:
    dialog = ContactDialog(workspace, workspace.schools.by_code("6301000002").id, "โรงเรียนบ้านแดง", page)
    qtbot.addWidget(dialog)
    assert "โรงเรียนบ้านแดง" in dialog.school_label.text() and dialog.school_label.isVisibleTo(dialog)


def test_each_row_says_why_and_a_line_call_is_named(page: CoveragePage, workspace: Workspace) -> None:
    """F2: the reason on the page; a LINE call counts as follow-up, not as a visit."""
    red = workspace.schools.by_code("6301000002").id
    workspace.contacts.add(red, date(2027, 1, 20), "line", "ติดตามแผนนิเทศภายใน")
    page.refresh()
    red_row = next(row for row in rows(page) if row[1] == "โรงเรียนบ้านแดง")
    assert red_row[0] == "เลยกำหนด" and red_row[4] in ("0/2", "๐/๒") and red_row[6] in ("1", "๑")
    assert any(f"ติดต่อทาง LINE เมื่อ {d}" in red_row[2] for d in ("20 ม.ค. 2570", "๒๐ ม.ค. ๒๕๗๐"))
    assert "ยังไม่ได้นิเทศครั้งที่" in red_row[2]
    assert "นับเป็นการติดตาม" in page.rules_note.text()


def test_the_office_changes_the_rules_from_the_page(page: CoveragePage, data_dir: Path) -> None:
    """F17: the page names the rules file, makes the office's copy, follows it once edited, and
    names a broken one in Thai while it goes on with the program's rules."""
    import json

    assert "ค่าเริ่มต้นของโปรแกรม" in page.rules_line.where.text()
    page.rules_line.button.click()
    copy = data_dir / "coverage-rules.json"
    assert copy.is_file() and str(copy) in page.save_line.text()
    data = json.loads(copy.read_text(encoding="utf-8"))
    data["visits"]["per_term"] = 3
    copy.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    page.refresh()
    red_row = next(row for row in rows(page) if row[1] == "โรงเรียนบ้านแดง")
    assert red_row[4] in ("0/3", "๐/๓") and "กฎของสำนักงาน" in page.rules_line.where.text()
    data["visits"]["per_term"] = 99
    copy.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    page.refresh()
    assert "ระหว่าง ๐ ถึง ๓๑" in page.save_line.text() and "ค่าเริ่มต้นของโปรแกรม" in page.save_line.text()
    red_row = next(row for row in rows(page) if row[1] == "โรงเรียนบ้านแดง")
    assert red_row[4] in ("0/2", "๐/๒")
    copy.unlink()  # mended (here: removed): the refusal goes, the program's rules stay
    page.refresh()
    assert "ใช้ไม่ได้" not in page.save_line.text() and "ค่าเริ่มต้นของโปรแกรม" in page.rules_line.where.text()


def test_the_reason_wraps_and_the_table_fits_at_1366(page: CoveragePage, workspace: Workspace) -> None:
    """Test26b F6a: at 1366×768 every column is in view (no sideways scrolling) and the reason is
    read whole in its cell, wrapped, even beside a long school name."""
    workspace.schools.add(code="6301000009", name="โรงเรียนบ้านตาก “ประชาวิทยาคาร” สาขาบ้านห้วยน้ำเย็นใต้",
                          district="บ้านตาก", province="ตาก")
    page.resize(1332, 700)  # the page's width in the window at 1366×768
    page.refresh()
    table = page.table
    QApplication.processEvents()  # the scroll bar's range follows on the next layout pass
    assert table.horizontalScrollBar().maximum() == 0
    assert sum(table.columnWidth(c) for c in range(table.columnCount())) <= table.viewport().width()
    metrics = table.fontMetrics()
    for row in range(table.rowCount()):
        reason = table.item(row, 2).text()
        room = table.columnWidth(2) - 16
        needed = metrics.boundingRect(0, 0, room, 100_000, int(Qt.TextFlag.TextWordWrap), reason).height()
        assert table.rowHeight(row) >= needed, reason
        assert table.item(row, 2).toolTip() == reason


def test_the_line_under_the_table_follows_the_school_after_a_contact(page: CoveragePage, workspace: Workspace) -> None:
    """Test26b F6b–d: after contacts the line under the table gives the new reason, the "choose a
    school" hint goes once one is chosen, and the rules line names no program file."""
    page.table.clearSelection()
    page.add_contact()
    assert "เลือกโรงเรียน" in page.save_line.text()
    page.table.selectRow(0)
    assert "เลือกโรงเรียน" not in page.save_line.text()
    before = page.detail.text()
    red = workspace.schools.by_code("6301000002").id
    for topic in ("พบที่ประชุมเครือข่าย", "พบที่ศูนย์เครือข่าย"):  # two in-person meetings: both visits done
        workspace.contacts.add(red, TODAY, "in_person", topic)
    page.refresh()
    assert page.selected().school_id == red
    assert page.detail.text() != before and "ยังไม่ได้นิเทศ" not in page.detail.text()
    assert page.detail.text().endswith(page.table.item(page.table.currentRow(), 2).text())
    where = page.rules_line.where.text()
    assert "rules.json" not in where and "/" not in where and "กฎของสำนักงาน" in where
