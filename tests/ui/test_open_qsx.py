"""A double-clicked .qsx file opens the app with the import preview of that file (issue 12: the
Windows installer associates .qsx with ``QualitySchoolDesktop.exe --import "%1"``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from qualityschool_desktop import cli
from qualityschool_desktop.exchange import export_file
from qualityschool_desktop.workspace import Workspace
from ui.shell import app as app_module


def test_the_command_line_takes_files_to_import_in_the_window(tmp_path: Path) -> None:
    args = cli.parse(["--import", str(tmp_path / "โรงเรียน.qsx")])
    assert cli.run(args) is None  # the window, not a command
    assert args.import_files == [tmp_path / "โรงเรียน.qsx"]


@pytest.fixture
def school_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("QUALITYSCHOOL_DATA_DIR", str(tmp_path / "school-laptop"))
    with Workspace.open(tmp_path / "school.sqlite3", create=True) as ws:
        ws.schools.add(code="6301000001", name="โรงเรียนบ้านตากวิทยา", district="บ้านตาก", province="ตาก")
        target = export_file(ws, tmp_path / "โรงเรียนบ้านตาก.qsx").path
    monkeypatch.setenv("QUALITYSCHOOL_DATA_DIR", str(tmp_path / "office-laptop"))
    return Path(target)


def test_the_window_opens_with_the_preview_of_the_file(qapp: QApplication, tmp_path: Path, school_file: Path) -> None:
    seen: list[str] = []
    waited = 0

    def look() -> None:
        nonlocal waited
        waited += 100
        for widget in QApplication.topLevelWidgets():
            if type(widget).__name__ == "ImportPreviewDialog" and widget.isVisible():
                seen.append("\n".join(label.text() for label in widget.findChildren(QLabel)))
                widget.reject()
                QApplication.instance().exit(0)  # type: ignore[union-attr]
                return
        if waited > 30_000:
            QApplication.instance().exit(5)  # type: ignore[union-attr]
            return
        QTimer.singleShot(100, look)

    QTimer.singleShot(100, look)
    office = tmp_path / "office.sqlite3"
    status = app_module.run_app(office, create=True, demo=False, import_files=[school_file])
    assert status == 0, "no import preview appeared"
    assert seen and "ตรวจไฟล์แล้ว ๑ ไฟล์: นำเข้าได้ ๑ ไฟล์" in seen[0]  # the window's digits (Thai by default)
    with Workspace.open(office) as ws:
        assert ws.schools.count() == 0  # a preview writes nothing


def test_a_second_launch_with_a_file_hands_it_to_the_open_window(held_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The app is open on the user's database and a .qsx is double-clicked: the new process finds
    the window (one window per database), which comes forward and previews the file."""
    from ui.shell.database_lock import Outcome
    from ui.shell.single_instance import InstanceGuard

    database = tmp_path / "school.sqlite3"
    _window, guard = held_window(database)
    received: list[list[Path]] = []
    guard.import_requested.connect(received.append)
    sent = [tmp_path / "ไฟล์จากโรงเรียน.qsx", tmp_path / "second file.qsx"]
    second = InstanceGuard()
    assert second.claim(database, files=sent) is Outcome.FORWARDED
    assert received == [sent]
    assert second.claim(database) is Outcome.FORWARDED  # a plain second launch brings no file
    assert received == [sent]


def test_a_file_to_import_into_a_database_held_by_a_hung_program_is_said_not_imported(
        qapp: QApplication, tmp_path: Path, school_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """retest28 R6: the first launch hung before its window; the double-clicked .qsx's launch opened
    read-only after its wait and said nothing about the file."""
    from ui.shell import database_lock

    office = tmp_path / "office.sqlite3"
    Workspace.open(office, create=True).close()
    hung = database_lock.DatabaseLock(office)
    assert hung.try_take()  # held, never listening: a start that hung
    monkeypatch.setattr(database_lock, "STARTING_TIMEOUT_MS", 300)
    monkeypatch.setattr(database_lock, "REACH_TIMEOUT_MS", 300)
    said: list[str] = []
    previewed: list[str] = []
    still_said: list[str] = []
    waited = 0

    def look() -> None:
        nonlocal waited
        waited += 100
        if said:  # test29b B5: the hung program ended, the take-over: the file is offered again
            for widget in QApplication.topLevelWidgets():
                if type(widget).__name__ == "ImportPreviewDialog" and widget.isVisible():
                    previewed.append("\n".join(label.text() for label in widget.findChildren(QLabel)))
                    still_said.extend(label.text() for window in QApplication.topLevelWidgets()
                                      for label in window.findChildren(QLabel)
                                      if label.isVisible() and label.text().startswith("ยังไม่ได้นำเข้า"))
                    widget.grab().save(str(tmp_path / "preview-after-take-over.png"))
                    widget.reject()
                    QApplication.instance().exit(0)  # type: ignore[union-attr]
                    return
        else:
            for widget in QApplication.topLevelWidgets():
                texts = [label.text() for label in widget.findChildren(QLabel) if label.isVisible()]
                said.extend(text for text in texts if text.startswith("ยังไม่ได้นำเข้า"))
            if said:
                hung.release()  # the hung program ended (killed)
                button = next(button for widget in QApplication.topLevelWidgets()
                              for button in widget.findChildren(QPushButton, "takeOverLock"))
                button.click()  # "ปิดโปรแกรมอื่นแล้ว — เปิดแก้ไข"
        if waited > 30_000:
            QApplication.instance().exit(5 if not said else 6)  # type: ignore[union-attr]
            return
        QTimer.singleShot(100, look)

    QTimer.singleShot(100, look)
    try:
        status = app_module.run_app(office, create=False, demo=False, import_files=[school_file])
    finally:
        hung.release()
    assert status != 5, "nothing said about the file"
    assert said[0] == app_module.NOT_IMPORTED_HELD.format(files=school_file, name="office.sqlite3")
    assert status == 0 and previewed, "the file was not offered again after the take-over"
    assert "นำเข้าได้ ๑ ไฟล์" in previewed[0] and still_said == []  # the notice replaced by the preview
    with Workspace.open(office) as ws:
        assert ws.schools.count() == 0
