"""The office key in the window (issue 13, open after s22: only ``signers --office`` bound it):
in ผู้ส่งข้อมูล the office staff bind a key as the office of an area office chosen from those the
schools name, with the fingerprint shown to compare by phone and a Thai confirmation; the key's
row says which area office it is bound to; "ยกเลิกกุญแจสำนักงาน…" unbinds. Both go through the
core (``review/offices.py``): a decision signed by the key applies only while it is bound."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel

from qualityschool_desktop import exchange
from qualityschool_desktop.review import offices
from qualityschool_desktop.workspace import Workspace
from tests.laptops import CODE_A, Laptop, laptops, start_school  # noqa: F401 (a fixture)
from ui.exchange.choice_dialog import SchoolChoiceDialog
from ui.exchange.signers_dialog import SignersDialog
from ui.shell import app as app_module
from ui.shell.main_window import MainWindow

from .keyboard import show_active

AREA = "สพป.ตาก เขต 2"
AREA_SHOWN = "สพป.ตาก เขต ๒"  # the window's Thai digits


def _window(qtbot: Any, laptop: Laptop, tmp_path: Path) -> MainWindow:
    laptop.activate()
    window = MainWindow(Workspace.open(laptop.db, create=True))
    window.resize(1366, 768)
    show_active(qtbot, window)
    window.features["exchange"]._settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    return window


def test_an_office_key_is_bound_shown_and_unbound_in_the_window(
        qtbot: Any, qapp: QApplication, laptops: Callable[[str], Laptop], tmp_path: Path) -> None:
    app_module.make_application()
    school, district = laptops("school-a"), laptops("district")
    with school.open() as workspace:
        ids = start_school(workspace)
        workspace.schools.update(ids["school"], area_office=AREA)
        workspace.assessments.submit(ids["assessment"])
    district.import_(school.export("s.qsx", school_codes=[CODE_A]))
    with district.open() as workspace:
        workspace.reviews.decide(ids["assessment"], "returned", "ขาดหลักฐาน", office_name=AREA)
    school.import_(district.export("d.qsx", school_codes=[CODE_A]))  # refused: not bound yet

    window = _window(qtbot, school, tmp_path)
    controller = window.features["exchange"]
    controller.signers_action.trigger()
    qtbot.waitUntil(lambda: isinstance(controller.dialog, SignersDialog), timeout=60000)
    dialog: SignersDialog = controller.dialog
    dialog.select(district.fingerprint)
    assert dialog.office_button.isEnabled() and not dialog.unbind_office_button.isEnabled()

    qtbot.mouseClick(dialog.office_button, Qt.MouseButton.LeftButton)
    choice = dialog.choice
    assert isinstance(choice, SchoolChoiceDialog)
    assert choice.key.text() == exchange.fingerprint_groups(district.fingerprint)  # read out by phone first
    assert any("โทรถามสำนักงานเขตพื้นที่" in label.text() for label in choice.findChildren(QLabel))
    assert [choice.combo.itemText(i) for i in range(choice.combo.count())] == [AREA_SHOWN]  # the schools' offices
    assert choice.confirm_button.text() == "ลายนิ้วมือตรงกัน ผูกเป็นกุญแจของเขตนี้"
    choice.choose(AREA)
    qtbot.mouseClick(choice.confirm_button, Qt.MouseButton.LeftButton)
    assert offices.bound(window.workspace, AREA) == [district.fingerprint]  # in the database
    assert dialog.save_line.text().startswith("ผูกกุญแจ") and AREA_SHOWN in dialog.save_line.text()
    dialog.select(district.fingerprint)
    row = dialog.table.currentRow()
    assert f"กุญแจสำนักงานของ {AREA_SHOWN}" in dialog.table.item(row, 3).text()
    assert dialog.unbind_office_button.isEnabled()

    # Bound: the office's decision in its file now applies.
    window.workspace.close()
    school.import_(district.export("d2.qsx", school_codes=[CODE_A]))
    with school.open() as workspace:
        assert workspace.reviews.state(workspace.assessments.get(ids["assessment"])) == "returned"
    window.close()

    window = _window(qtbot, school, tmp_path)
    controller = window.features["exchange"]
    controller.signers_action.trigger()
    qtbot.waitUntil(lambda: isinstance(controller.dialog, SignersDialog), timeout=60000)
    dialog = controller.dialog
    dialog.select(district.fingerprint)
    qtbot.mouseClick(dialog.unbind_office_button, Qt.MouseButton.LeftButton)
    choice = dialog.choice
    assert isinstance(choice, SchoolChoiceDialog) and choice.chosen_code() == AREA
    assert choice.confirm_button.text() == "ยกเลิกกุญแจสำนักงาน"
    qtbot.mouseClick(choice.confirm_button, Qt.MouseButton.LeftButton)
    assert offices.bound(window.workspace, AREA) == []
    assert "ยกเลิกกุญแจ" in dialog.save_line.text()
    dialog.select(district.fingerprint)
    assert "กุญแจสำนักงาน" not in dialog.table.item(dialog.table.currentRow(), 3).text()
    assert not dialog.unbind_office_button.isEnabled()
    window.close()
