"""A visit confirmed, reopened and confirmed again through the window (TEST34C C3, C9): the reopen
box keeps an empty reason open with the refusal under its field; who of the team confirms and
reopens is asked when there are several, the first offered; the history names them and says what
changed since the version confirmed before; the district's preview of the file says the record
was reopened and why."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QInputDialog

from qualityschool_desktop.workspace import Workspace
from tests.ui.answering import keep_looking
from tests.ui.keyboard import show_active
from ui.visits.reopen_dialog import ReopenDialog
from ui.visits.view import VisitView

KANDA, SOMCHAI = "นางกานดา รักเรียน", "นายสมชาย ใจดี"


def test_an_empty_reason_keeps_the_reopen_box_open_with_the_message_under_the_field(qtbot) -> None:
    dialog = ReopenDialog(None, [KANDA, SOMCHAI])
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.message.isVisible() and dialog.message.text() == "กรุณาระบุเหตุผลที่ขอแก้ไขบันทึกที่ยืนยันแล้ว"
    assert dialog.message.y() > dialog.reason_field.y()  # under the field, not in the header
    assert dialog.team.currentText() == KANDA  # the first of the team offered
    dialog.team.setCurrentIndex(1)
    dialog.reason_field.insert("โรงเรียนส่งหลักฐานเพิ่ม")  # as typed (QTest.keyClicks aborts on Thai)
    assert not dialog.message.isVisible()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and (dialog.reason, dialog.person) == ("โรงเรียนส่งหลักฐานเพิ่ม", SOMCHAI)


def test_confirm_reopen_confirm_names_the_team_members_and_shows_what_changed(
        qtbot, memory_workspace: Workspace, monkeypatch) -> None:
    ws = memory_workspace
    school = ws.schools.add(code="6301000001", name="โรงเรียนทดสอบวิทยา", district="เมืองตาก", province="ตาก")
    visit = ws.visits.start(school.id, visited_on=date(2026, 2, 3))
    ws.visits.add_person(visit.id, "visitor", KANDA, "ศึกษานิเทศก์")
    ws.visits.add_person(visit.id, "visitor", SOMCHAI, "ศึกษานิเทศก์")
    ws.visits.set_level(visit.id, "3", 3)
    view = VisitView(ws, visit.id)
    view.resize(1366, 768)
    show_active(qtbot, view)
    monkeypatch.setattr(view, "_confirm_finalise", lambda: True)

    def choose(name: str):
        def step() -> bool:
            box = QApplication.activeModalWidget()
            if not isinstance(box, QInputDialog):
                return False
            box.setTextValue(name)
            box.accept()
            return True
        return step

    keep_looking(choose(SOMCHAI))
    qtbot.mouseClick(view.finalise_button, Qt.MouseButton.LeftButton)
    assert ws.visits.get(visit.id).is_final

    def reopen_as(name: str, reason: str):
        def step() -> bool:
            box = QApplication.activeModalWidget()
            if not isinstance(box, ReopenDialog):
                return False
            box.team.setCurrentText(name)
            box.reason_field.setText(reason)
            box.accept()
            return True
        return step

    keep_looking(reopen_as(KANDA, "โรงเรียนส่งหลักฐานเพิ่ม"))
    qtbot.mouseClick(view.reopen_button, Qt.MouseButton.LeftButton)
    assert not ws.visits.get(visit.id).is_final
    qtbot.mouseClick(view.finding_panels["3"].picker.radios[4], Qt.MouseButton.LeftButton)
    keep_looking(choose(SOMCHAI))
    qtbot.mouseClick(view.finalise_button, Qt.MouseButton.LeftButton)
    assert ws.visits.get(visit.id).is_final
    view.go_to_section("sign")
    events = view.sign.events.text().splitlines()
    assert events[0].startswith("ยืนยันบันทึก") and events[0].endswith(f"โดย {SOMCHAI}")
    assert f"โดย {KANDA}  เหตุผล: โรงเรียนส่งหลักฐานเพิ่ม" in events[1]
    assert events[2].endswith(f"โดย {SOMCHAI}")
    assert events[-2:] == ["สิ่งที่เปลี่ยนจากฉบับที่ยืนยันก่อนหน้า:", "– องค์ประกอบที่ ๓: ระดับ ๓ ดี → ๔ ดีเลิศ"]
    view.grab().save("/tmp/visitrev35/visit_sign.png")


def test_the_districts_file_card_and_result_list_a_confirmed_visit_the_file_reopens(qtbot, tmp_path, monkeypatch) -> None:
    import uuid

    from qualityschool_desktop.exchange import apply_import, export_file, preview_import
    from qualityschool_desktop.paths import DATA_DIR_ENV
    from ui.exchange.file_card import FileCard, FileCheck

    def act_as(name: str) -> None:
        folder = tmp_path / f"{name}-data"
        folder.mkdir(exist_ok=True)
        monkeypatch.setenv(DATA_DIR_ENV, str(folder))

    act_as("supervisor")
    with Workspace.open(tmp_path / "s.sqlite3", create=True, installation=str(uuid.UUID(int=0x5A))) as laptop:
        school = laptop.schools.add(code="6301000001", name="โรงเรียนบ้านทดสอบ", district="เมืองตาก", province="ตาก")
        visit = laptop.visits.start(school.id, visited_on=date(2026, 2, 3))
        laptop.visits.add_person(visit.id, "visitor", KANDA)
        laptop.visits.finalise(visit.id)
        first = export_file(laptop, tmp_path / "first.qsx").path
        laptop.visits.reopen(visit.id, "โรงเรียนส่งหลักฐานเพิ่ม")
        laptop.visits.finalise(visit.id)
        second = export_file(laptop, tmp_path / "second.qsx").path
    act_as("district")
    with Workspace.open(tmp_path / "d.sqlite3", create=True, installation=str(uuid.UUID(int=0xD1))) as district:
        apply_import(district, first)
        preview = preview_import(district, second)
        result = apply_import(district, second)
    card = FileCard(FileCheck(second, preview=preview), lambda _card: None, lambda _card, _codes: None)
    qtbot.addWidget(card)
    assert card.revised_list is not None
    shown = card.revised_list.text()
    assert "โรงเรียนบ้านทดสอบ" in shown and f"โดย {KANDA}" in shown and "เหตุผล: โรงเรียนส่งหลักฐานเพิ่ม" in shown
    # and the window's result after the import says it again
    from ui.exchange.controller import ApplyOutcome
    from ui.exchange.import_dialog import ImportResultDialog

    dialog = ImportResultDialog(ApplyOutcome(results=[(second, result)]), 1)
    qtbot.addWidget(dialog)
    said = dialog.summary.text()
    assert f"โดย {KANDA}" in said and "เหตุผล: โรงเรียนส่งหลักฐานเพิ่ม" in said and "ยืนยันฉบับแก้ไขแล้ว" in said
