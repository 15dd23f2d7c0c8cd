"""The office-report page asks instead of printing a blank (issue 13, open after s22): without the
office's name "พิมพ์ PDF" / "บันทึกเป็น Word" say what is missing and take the user to the field;
the districts an area office serves are checked when the user leaves the field, with the message
beside it, not on each keystroke (half a district's name is not an error)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLineEdit

from qualityschool_desktop.workspace import Workspace
from tests.ui.keyboard import type_text
from ui.office_report.page import OfficeReportPage

OFFICE = "สพป.ตาก เขต 1"


@pytest.fixture
def page(qtbot: Any, demo_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: True)
    workspace = Workspace.open(demo_copy)
    workspace.office_texts.set_text(2569, 2, "office", "")  # the demo names its rounds' office: cleared
    widget = OfficeReportPage(workspace)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    widget.activateWindow()
    widget.refresh("2569-2")
    yield widget
    widget.close()
    workspace.close()


def _served_field(page: OfficeReportPage, office: str) -> QLineEdit:
    return page.served_fields[office]


def test_a_district_half_typed_is_no_error_and_is_saved_on_leaving(qtbot: Any, page: OfficeReportPage) -> None:
    field = _served_field(page, OFFICE)
    field.setFocus()
    type_text(field, "เมืองตาก, บ้านต")
    # Mid-word: nothing refused, nothing said in red.
    assert not page.served_messages[OFFICE].isVisible()
    assert "ไม่รู้จักอำเภอ" not in page.save_line.text()
    type_text(field, "าก")
    page.fields["policy"].setFocus()  # leaves the field
    qtbot.waitUntil(lambda: page.workspace.office_texts.texts(2569, 2).served_by(OFFICE) == ("เมืองตาก", "บ้านตาก"),
                    timeout=60000)
    assert page.save_line.text().startswith("บันทึกแล้ว")
    assert not page.served_messages[OFFICE].isVisible()


def test_an_unknown_district_is_told_beside_the_field_on_leaving(qtbot: Any, page: OfficeReportPage) -> None:
    field = _served_field(page, OFFICE)
    field.setFocus()
    type_text(field, "เมืองตาก, เชียงใหม่")
    assert not page.served_messages[OFFICE].isVisible()
    field.editingFinished.emit()  # Enter, or leaving the field
    message = page.served_messages[OFFICE]
    assert message.isVisible() and "ไม่รู้จักอำเภอ เชียงใหม่" in message.text()
    assert page.workspace.office_texts.texts(2569, 2).served_by(OFFICE) == ()  # nothing changed
    assert field.text() == "เมืองตาก, เชียงใหม่"  # what was typed stays to be corrected
    field.setText("เมืองตาก")
    field.editingFinished.emit()
    assert not message.isVisible()
    assert page.workspace.office_texts.texts(2569, 2).served_by(OFFICE) == ("เมืองตาก",)


@pytest.mark.parametrize("button", ["pdf_button", "word_button"])
def test_printing_without_the_office_s_name_asks_for_it(qtbot: Any, page: OfficeReportPage, button: str) -> None:
    asked: list[str] = []
    page.pdf._ask_target = lambda name: asked.append(name)  # type: ignore[method-assign]
    page.word._ask_target = lambda name: asked.append(name)  # type: ignore[method-assign]
    assert page.workspace.office_texts.texts(2569, 2).office == ""
    qtbot.mouseClick(getattr(page, button), Qt.MouseButton.LeftButton)
    assert asked == []  # no file asked for, nothing printed
    assert "ชื่อหน่วยงาน" in page.message.text() and page.message.isVisible()
    office = page.fields["office"]
    qtbot.waitUntil(office.hasFocus, timeout=60000)
    type_text(office, "สำนักงานศึกษาธิการจังหวัดตาก")
    asked_for: list[str] = []
    page.pdf._ask_target = lambda name: asked_for.append(name)  # type: ignore[method-assign]
    page.word._ask_target = lambda name: asked_for.append(name)  # type: ignore[method-assign]
    qtbot.mouseClick(getattr(page, button), Qt.MouseButton.LeftButton)
    assert len(asked_for) == 1  # now it goes on to ask where to save
    assert "ชื่อหน่วยงาน" not in page.message.text()


def test_the_page_writes_an_area_office_s_own_texts(qtbot: Any, page: OfficeReportPage) -> None:
    """"เขียนข้อความของ" chooses whose texts the form writes: an area office's own 6.1, 6.3 rows and
    6.4-6.6 for its part of the report by area office, kept apart from the province's."""
    store = page.workspace.office_texts
    store.set_text(2569, 2, "situation", "ภาพรวมจังหวัด")
    page.refresh("2569-2")
    box = page.area_box
    assert [box.itemText(i) for i in range(box.count())] == [
        "ทั้งรายงาน (ภาพรวม)", "สพป.ตาก เขต ๑", "สพป.ตาก เขต ๒", "สพม.ตาก"]
    page.write_for(OFFICE)
    situation = page.fields["situation"]
    assert situation.toPlainText() == ""  # the office's own, not the province's
    assert not page.fields["office"].isVisible() and not page.boxes["narratives"].isVisible()
    assert "สพป.ตาก เขต ๑" in page.message.text()
    situation.setFocus()
    type_text(situation, "เขตหนึ่งเขียนเอง")
    qtbot.mouseClick(page.problems.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(store.problems(2569, 2, area_office=OFFICE)) == 1, timeout=60000)
    assert store.texts(2569, 2, area_office=OFFICE).situation == "เขตหนึ่งเขียนเอง"
    assert store.texts(2569, 2).situation == "ภาพรวมจังหวัด" and store.problems(2569, 2) == []
    page.write_for("")
    assert situation.toPlainText() == "ภาพรวมจังหวัด" and page.fields["office"].isVisible()
    page.write_for(OFFICE)
    assert situation.toPlainText() == "เขตหนึ่งเขียนเอง"
