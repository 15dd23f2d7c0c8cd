"""The network-schools tab of the school page: edits in the table are saved at once, the add line,
removal with undo, and a CSV import through the file dialog and the preview."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QFileDialog

from qualityschool_desktop.paths import fonts_dir
from qualityschool_desktop.workspace import Workspace
from ui.schools import strings as text
from ui.schools.feature import NETWORK_TAB
from ui.schools.network_schools import NetworkSchoolsPanel
from ui.schools.school_page import SchoolPage

from .keyboard import show_active, type_text


@pytest.fixture(scope="module", autouse=True)
def sarabun(qapp):  # type: ignore[no-untyped-def]
    for face in sorted(fonts_dir().glob("Sarabun-*.ttf")):
        QFontDatabase.addApplicationFont(str(face))


def panel_for(qtbot, workspace: Workspace, school) -> NetworkSchoolsPanel:  # type: ignore[no-untyped-def]
    panel = NetworkSchoolsPanel(workspace)
    panel.resize(1200, 500)
    show_active(qtbot, panel)
    panel.show_school(school.id)
    return panel


def test_the_school_page_has_the_tab(qtbot, memory_workspace, school) -> None:  # type: ignore[no-untyped-def]
    memory_workspace.network_schools.add(school.id, code="6301000011", name="โรงเรียนบ้านป่าไม้", pupils=85)
    page = SchoolPage(memory_workspace, [NETWORK_TAB])
    qtbot.addWidget(page)
    page.show_school(school.id)
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert "โรงเรียนเครือข่าย" in titles
    page.tabs.setCurrentIndex(titles.index("โรงเรียนเครือข่าย"))
    assert page.tab("network").visible_rows() == [["๖๓๐๑๐๐๐๐๑๑", "โรงเรียนบ้านป่าไม้", "๘๕", "", ""]]


def test_add_edit_in_place_remove_and_undo(qtbot, memory_workspace, school) -> None:  # type: ignore[no-untyped-def]
    network = memory_workspace.network_schools
    panel = panel_for(qtbot, memory_workspace, school)
    assert panel.empty_label.isVisible()

    # The add line, typed as on a Thai keyboard, Enter to add.
    panel.new_fields["code"].setFocus()
    type_text(panel.new_fields["code"], "๖๓๐๑๐๐๐๐๑๑")
    type_text(panel.new_fields["name"], "โรงเรียนบ้านป่าไม้")
    type_text(panel.new_fields["pupils"], "๘๕")
    type_text(panel.new_fields["distance_km"], "๗.๕")
    qtbot.keyClick(panel.new_fields["distance_km"], Qt.Key.Key_Return)
    (saved,) = network.for_school(school.id)
    assert (saved.code, saved.pupils, saved.distance_km) == ("6301000011", 85, 7.5)
    assert panel.visible_rows() == [["๖๓๐๑๐๐๐๐๑๑", "โรงเรียนบ้านป่าไม้", "๘๕", "", "๗.๕"]]
    assert "เกินประมาณ ๕ กม." in panel.message.text()  # a note; it was saved all the same
    assert panel.new_fields["code"].text() == ""
    assert panel.totals_label.text() == "รวม ๑ โรงเรียน · นักเรียน ๘๕ คน · ครู ๐ คน"

    # Editing a cell saves at once; a bad value is refused and the stored one comes back.
    panel.table.item(0, 3).setText("๖")
    assert network.get(saved.id).teachers == 6
    assert panel.visible_rows()[0][3] == "๖"
    assert panel.totals_label.text() == "รวม ๑ โรงเรียน · นักเรียน ๘๕ คน · ครู ๖ คน"
    panel.table.item(0, 0).setText("12345")
    assert "๑๐ หลัก" in panel.message.text()
    assert panel.visible_rows()[0][0] == "๖๓๐๑๐๐๐๐๑๑" and network.get(saved.id).code == "6301000011"

    # Delete removes, Ctrl+Z brings it back.
    panel.table.setFocus()
    panel.table.selectRow(0)
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert network.for_school(school.id) == [] and panel.undo_button.isVisible()
    assert panel.message.text() == "ลบ โรงเรียนบ้านป่าไม้ ออกแล้ว"
    qtbot.keyClick(panel.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [n.id for n in network.for_school(school.id)] == [saved.id]
    assert not panel.undo_button.isVisible()


def test_csv_import_through_the_dialog(qtbot, memory_workspace, school, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "เครือข่าย.csv"
    path.write_bytes("\r\n".join([
        "รหัสโรงเรียน,ชื่อโรงเรียน,จำนวนนักเรียน,จำนวนครู,ระยะทาง (กม.)",
        "6301000011,โรงเรียนบ้านป่าไม้,85,6,2.5",
        "630100001,โรงเรียนรหัสสั้น,10,1,1",
        "6301000012,โรงเรียนบ้านห้วยน้ำใส,120,8,4",
    ]).encode("cp874"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    panel = panel_for(qtbot, memory_workspace, school)

    qtbot.mouseClick(panel.import_button, Qt.MouseButton.LeftButton)
    dialog = panel.active_dialog
    assert dialog is not None and dialog.isVisible()
    assert memory_workspace.network_schools.for_school(school.id) == []  # nothing yet
    assert dialog.table.rowCount() == 3
    assert dialog.table.item(1, 1).text() == "มีปัญหา"
    assert "ต้องมี ๑๐ หลัก" in dialog.table.item(1, 7).text()
    assert not dialog.import_button.isVisible()  # a file with problems is not imported whole
    assert dialog.import_good_button.text() == "นำเข้าเฉพาะแถวที่ถูกต้อง (๒ แถว)"

    qtbot.mouseClick(dialog.import_good_button, Qt.MouseButton.LeftButton)
    assert sorted(n.code for n in memory_workspace.network_schools.for_school(school.id)) == [
        "6301000011", "6301000012"]
    assert panel.message.text() == "นำเข้าแล้ว: เพิ่ม ๒ · ปรับปรุง ๐ · เหมือนเดิม ๐ · ข้ามแถวที่มีปัญหา ๑ แถว"
    assert len(panel.visible_rows()) == 2

    # The same file again: the preview says nothing would change.
    qtbot.mouseClick(panel.import_button, Qt.MouseButton.LeftButton)
    again = panel.active_dialog
    assert again is not None and again is not dialog
    assert [again.table.item(r, 1).text() for r in (0, 2)] == ["เหมือนเดิม", "เหมือนเดิม"]
    assert not again.import_good_button.isEnabled()
    again.reject()


def test_a_csv_import_says_in_the_notice_bar_which_file_and_where(qtbot, memory_workspace, school, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """Issue 11 #9: the import said neither which file nor where; the window's notice bar does, with
    its folder."""
    from ui.shell.api import Location
    from ui.shell.main_window import MainWindow

    path = tmp_path / "เครือข่าย.csv"
    path.write_bytes("รหัสโรงเรียน,ชื่อโรงเรียน\r\n6301000011,โรงเรียนบ้านป่าไม้\r\n".encode("utf-8-sig"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    window = show_active(qtbot, MainWindow(memory_workspace))
    window.navigate(Location("school", school.id))
    panel = window.page("school").tab("network")
    panel.import_csv()
    qtbot.mouseClick(panel.active_dialog.import_button, Qt.MouseButton.LeftButton)
    notices = window.notices
    assert not notices.isHidden() and str(path) in notices.text() and "เพิ่ม ๑" in notices.text()
    assert not notices.open_folder_button.isHidden()
    window.close()


def test_a_file_that_cannot_be_read_says_why(qtbot, memory_workspace, school, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "other.csv"
    path.write_text("เลขที่,ที่อยู่\n1,ตาก\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    panel = panel_for(qtbot, memory_workspace, school)
    panel.import_csv()
    assert panel.active_dialog is None
    assert panel.message.text().startswith(text.CSV_FAILED + ": ไฟล์ other.csv ไม่มีคอลัมน์ รหัสโรงเรียน")


def test_every_encoding_the_import_reads_is_named_in_thai_in_the_preview(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Issue 11 #8: a UTF-16 list ("Unicode Text" from Excel) showed the raw codec "utf-16"."""
    from qualityschool_desktop.network_schools import ENCODINGS
    from ui.schools.network_schools import CsvPreviewDialog

    assert set(ENCODINGS) <= set(text.PREVIEW_ENCODING)
    with Workspace.open(tmp_path / "d.sqlite3", create=True) as workspace:
        school = workspace.schools.add(code="6302000001", name="โรงเรียนบ้านแม่สอด")
        path = tmp_path / "list.txt"
        path.write_bytes(b"\xff\xfe" + "รหัสโรงเรียน\tชื่อโรงเรียน\n6302000011\tโรงเรียนบ้านป่าไม้\n".encode("utf-16-le"))
        preview = workspace.network_schools.preview_csv(school.id, path)
    dialog = CsvPreviewDialog(preview)
    qtbot.addWidget(dialog)
    from PySide6.QtWidgets import QLabel

    shown = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert preview.encoding == "utf-16" and "utf-16" not in shown and "Unicode Text" in shown


def test_the_preview_shows_the_value_that_will_be_stored(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Issue 11 (F11e 3): "1,200" km was stored as 1.2 while the preview showed "1,200". The
    preview shows what will be stored (1,200 km; ๑๒ teachers as 12); a row whose comma is not a
    thousands comma shows the text as typed and the Thai question about it."""
    from ui.common.digits import shown as shown_digits
    from ui.schools.network_schools import CsvPreviewDialog

    with Workspace.open(tmp_path / "d.sqlite3", create=True) as workspace:
        school = workspace.schools.add(code="6302000001", name="โรงเรียนบ้านแม่สอด")
        path = tmp_path / "list.csv"
        path.write_text("รหัสโรงเรียน,ชื่อโรงเรียน,จำนวนนักเรียน,จำนวนครู,ระยะทาง (กม.)\n"
                        '6302000011,โรงเรียนบ้านป่าไม้,"1,234",๑๒,"1,200 กม."\n'
                        '6302000012,โรงเรียนบ้านห้วย,85,6,"1,5"\n', encoding="utf-8")
        preview = workspace.network_schools.preview_csv(school.id, path)
    dialog = CsvPreviewDialog(preview)
    qtbot.addWidget(dialog)
    cells = [[dialog.table.item(row, column).text() for column in range(dialog.table.columnCount())]
             for row in range(dialog.table.rowCount())]
    assert cells[0][4:7] == [shown_digits("1,234"), shown_digits("12"), shown_digits("1,200")]
    assert cells[1][6] == "1,5" and "1.5" in cells[1][7]
