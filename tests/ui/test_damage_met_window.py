"""Damage SQLite's quick check does not see, met by the window after its checks passed (try27b N1):
opening a school did nothing but print a traceback. Wherever the window meets it — a slot, a worker —
the user reads the Thai "damaged, open a backup" message, nothing is written, and the window stays
usable; an error no page caught is said in Thai too."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from qualityschool_desktop.errors import StorageError
from qualityschool_desktop.workspace import Workspace
from tests.damaged_index import index_damaged_copy
from ui.shell import app as app_module
from ui.shell.api import SCHOOLS
from ui.shell.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("styled_app")


def test_a_school_of_a_file_damaged_past_its_check_says_so_in_thai_and_nothing_is_written(
        qtbot, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    content, damaged_ids = index_damaged_copy(db_path)
    workspace = Workspace.open(db_path, checks_later=True)
    assert workspace.finish_checks()  # quick_check does not see a broken index
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.faults.install()
    try:
        page = window.page("schools")
        assert page.select(damaged_ids[0])
        page.open_button.click()  # the slot meets the damage
        box = window.faults.box
        assert box is not None and box.isVisible()
        assert "เสียหาย" in box.text() and db_path.name in box.text() and "malformed" in box.detailedText()
        # Over the window and modal to it (test28 N5: it opened behind the window, which stayed usable).
        assert box.parent() is window and box.windowModality() == Qt.WindowModality.WindowModal
        assert QApplication.activeModalWidget() is box
        assert window.location.kind == SCHOOLS  # still on the list, the menus at hand
        assert window.navigator.history == []  # and Back not pointing at the list itself
        # test29b B4: a .qsx handed over meanwhile (a second launch) is not previewed over the box
        assert window.features["exchange"].preview([db_path.with_name("from-school.qsx")]) is None
        assert QApplication.activeModalWidget() is box and box.isVisible()
        said = window.notices.text()
        assert "ยังไม่ได้นำเข้า from-school.qsx" in said and "เสียหาย" in said and db_path.name in said, said
        box.close()
        page.edit_button.click()  # แก้ไขข้อมูล: the same
        assert window.faults.box is not None and "เสียหาย" in window.faults.box.text()
        failures: list[BaseException] = []
        window.ops.run(lambda worker, _progress, _cancelled: worker.schools.get(damaged_ids[0]),
                       database=db_path, read_only=True, on_failure=failures.append)
        qtbot.waitUntil(lambda: bool(failures))
        assert isinstance(failures[0], StorageError) and db_path.name in str(failures[0])
        with pytest.raises(StorageError, match="เสียหาย"):
            workspace.schools.add(code="6302000003", name="โรงเรียนบ้านวังตะเคียน")
    finally:
        window.faults.uninstall()
    window.close()
    assert db_path.read_bytes() == content


def test_the_daily_copy_of_damage_the_check_missed_is_not_kept_and_says_the_file_is_damaged(
        qtbot, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """test28 N2: the daily copy, made before the damage was met, was the same damage."""
    from qualityschool_desktop.backup import auto_backups
    from ui.backup import actions as backup_actions

    monkeypatch.setattr(backup_actions, "AUTO_DELAY_MS", 3_600_000)  # started by hand below
    content, _damaged_ids = index_damaged_copy(db_path)
    workspace = Workspace.open(db_path, checks_later=True)
    assert workspace.finish_checks()
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    backups = window.features["backup"]
    assert backups.auto_back_up() is not None
    qtbot.waitUntil(lambda: backups.message_box is not None, timeout=15000)
    box = backups.message_box
    assert box.windowTitle() == "ไฟล์ฐานข้อมูลเสียหาย" and db_path.name in box.text()
    assert box.windowModality() == Qt.WindowModality.WindowModal  # over the window, as the guard's box
    assert "ลองอีกครั้งในวันถัดไป" not in box.text() and "index" in box.detailedText()  # no "tomorrow" for damage
    assert auto_backups(db_path) == []
    with pytest.raises(StorageError, match="เสียหาย"):  # the window's own saves are refused from now on
        workspace.schools.add(code="6302000003", name="โรงเรียนบ้านวังตะเคียน")
    box.close()
    window.close()
    assert db_path.read_bytes() == content


def test_an_error_no_page_caught_is_said_in_thai_with_its_traceback_behind_details(
        qtbot, memory_workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(memory_workspace)
    qtbot.addWidget(window)
    button = QPushButton(window)
    button.clicked.connect(lambda: 1 / 0)
    with qtbot.capture_exceptions() as handed_on:
        window.faults.install()
        try:
            button.click()
        finally:
            window.faults.uninstall()
    assert [kind for kind, *_rest in handed_on] == [ZeroDivisionError]  # stderr's traceback: the hook before
    box = window.faults.box
    assert box is not None and "ไม่คาดคิด" in box.text() and "ZeroDivisionError" in box.detailedText()
    assert box.windowModality() == Qt.WindowModality.WindowModal and QApplication.activeModalWidget() is box


def test_the_boxes_buttons_show_words_without_the_desktops_icons(qtbot, styled_app) -> None:  # type: ignore[no-untyped-def]
    """test28 N5: on Linux the platform theme asks for icons on dialog buttons and, with no icon
    theme installed, "ตกลง" came with a broken glyph. Offscreen has no such theme: a style that
    asks for them the same way stands in for it."""
    from PySide6.QtWidgets import QMessageBox, QProxyStyle, QStyle

    class IconsOnButtons(QProxyStyle):  # what Qt's generic Unix theme answers
        def styleHint(self, hint, option=None, widget=None, returnData=None):  # type: ignore[no-untyped-def]  # noqa: N802
            if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
                return 1
            return super().styleHint(hint, option, widget, returnData)

    styled_app.setStyle(IconsOnButtons("Fusion"))
    try:
        box = QMessageBox(QMessageBox.Icon.Critical, "ไฟล์ฐานข้อมูลเสียหาย", "เสียหาย", QMessageBox.StandardButton.Ok)
        qtbot.addWidget(box)
        box.show()
        ok = box.button(QMessageBox.StandardButton.Ok)
        assert ok.text() == "ตกลง" and ok.icon().isNull()
    finally:
        app_module.make_application()  # Fusion and the style sheet again, for the tests after
