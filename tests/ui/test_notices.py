"""The window's notice bar (ui/common/notices.py): what a print, export, import or backup did and
where, with the ways to the file; and a status bar whose database label leaves room for messages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt, QUrl
from PySide6.QtGui import QCursor, QDesktopServices, QEnterEvent
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from qualityschool_desktop.workspace import Workspace
from ui.common import notices as notices_module
from ui.common.notices import Notice, NoticeBar
from ui.shell.main_window import MainWindow

from .keyboard import show_active


pytestmark = pytest.mark.usefixtures("styled_app")


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    urls: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url) or True)
    return urls


@pytest.fixture
def bar(qtbot: Any) -> NoticeBar:
    bar = NoticeBar()
    qtbot.addWidget(bar)
    bar.resize(1000, 40)
    QCursor.setPos(5, 700)  # away from the bar: a pointer resting on it keeps it up
    bar.move(0, 200)
    bar.show()
    bar.dismiss()
    return bar


def test_a_saved_file_is_offered_to_open_and_its_folder_too(qtbot: Any, bar: NoticeBar, opened: list[QUrl],
                                                           tmp_path: Path) -> None:
    pdf = tmp_path / "รายงาน.pdf"
    bar.show_notice(Notice(f"บันทึกรายงานที่ {pdf}", file=pdf))
    assert bar.isVisible() and bar.text() == f"บันทึกรายงานที่ {pdf}"
    assert bar.open_file_button.isVisible() and bar.open_folder_button.isVisible() and bar.close_button.isVisible()
    qtbot.mouseClick(bar.open_file_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(bar.open_folder_button, Qt.MouseButton.LeftButton)
    assert opened == [QUrl.fromLocalFile(str(pdf)), QUrl.fromLocalFile(str(tmp_path))]
    qtbot.mouseClick(bar.close_button, Qt.MouseButton.LeftButton)
    assert not bar.isVisible() and bar.text() == ""


def test_a_file_only_this_app_reads_offers_its_folder_only(bar: NoticeBar, tmp_path: Path) -> None:
    bar.show_notice(Notice("ส่งออกข้อมูลแล้ว", file=tmp_path / "a.qsx", openable=False))
    assert not bar.open_file_button.isVisible() and bar.open_folder_button.isVisible()
    bar.show_notice(Notice("นำเข้าข้อมูลแล้ว"))
    assert not bar.open_file_button.isVisible() and not bar.open_folder_button.isVisible()


def test_a_notice_goes_by_itself_but_a_failure_stays_until_dismissed(qtbot: Any, bar: NoticeBar,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    bar.timer.setInterval(50)
    bar.show_notice(Notice("บันทึกแล้ว"))
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=2000)
    bar.show_notice(Notice("บันทึกแล้ว"))
    QApplication.sendEvent(bar, QEnterEvent(QPointF(5, 5), QPointF(5, 5), QPointF(5, 205)))
    qtbot.wait(200)
    assert bar.isVisible(), "the pointer resting on it keeps it up"
    QApplication.sendEvent(bar, QEvent(QEvent.Type.Leave))
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=2000)
    bar.show_notice(Notice("บันทึกไม่ได้", kind="failed"))
    qtbot.wait(200)
    assert bar.isVisible() and not bar.timer.isActive()


def test_a_busy_notice_is_taken_down_by_none_and_nothing_else_is(bar: NoticeBar) -> None:
    bar.show_notice(Notice("กำลังส่งออกตาราง…", kind="busy"))
    assert bar.isVisible() and not bar.close_button.isVisible()
    bar.show_notice(None)
    assert not bar.isVisible()
    bar.show_notice(Notice("บันทึกตารางแล้ว"))
    bar.show_notice(None)
    assert bar.isVisible()


def test_a_notice_nobody_asked_for_waits_behind_one_that_stays(bar: NoticeBar) -> None:
    """try27b finding 6: the daily backup's notice pushed the key-lost notice away unread."""
    bar.show_notice(Notice("กุญแจลงนามของเครื่องนี้หายหรือถูกเปลี่ยน", kind="info", sticky=True))
    bar.show_notice(Notice("ปรับรุ่นฐานข้อมูลแล้ว", kind="info", sticky=True, unasked=True))
    bar.show_notice(Notice("สำรองข้อมูลอัตโนมัติประจำวันแล้ว", kind="info", unasked=True))
    assert bar.text().startswith("กุญแจ")
    bar.close_button.click()  # read and closed: what waited follows, in turn
    assert bar.isVisible() and bar.text().startswith("ปรับรุ่น")
    bar.close_button.click()
    assert bar.isVisible() and bar.text().startswith("สำรอง")
    bar.close_button.click()
    assert not bar.isVisible()


def test_a_file_the_system_cannot_open_says_so_and_what_to_do(qtbot: Any, bar: NoticeBar, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: False)
    book = tmp_path / "ตาราง.xlsx"
    bar.show_notice(Notice("บันทึกตารางแล้ว", file=book))
    qtbot.mouseClick(bar.open_file_button, Qt.MouseButton.LeftButton)
    assert bar.notice is not None and bar.notice.kind == "failed"
    assert bar.text() == notices_module.OPEN_FILE_FAILED.format(path=book, folder=tmp_path)
    assert bar.open_folder_button.isVisible()


def test_the_status_bar_shows_its_messages_beside_a_short_database_label(qtbot: Any, tmp_path: Path) -> None:
    folder = tmp_path.joinpath(*["โฟลเดอร์ที่ชื่อยาวมาก"] * 4)
    folder.mkdir(parents=True)
    path = folder / "qualityschool.sqlite3"
    Workspace.open(path, create=True).close()
    window = MainWindow(MainWindow.open_workspace(path))
    window.resize(1366, 768)
    show_active(qtbot, window)
    bar = window.statusBar()
    label = window.db_label
    assert label.text() == "ฐานข้อมูล: qualityschool.sqlite3"
    assert str(path) in label.toolTip()
    window.shell.show_status("บันทึกข้อมูลโรงเรียนแล้ว")
    # The message is drawn left of the permanent label: the label must leave it most of the bar.
    assert bar.currentMessage() == "บันทึกข้อมูลโรงเรียนแล้ว"
    assert label.width() < bar.width() // 3
    assert label.geometry().left() > bar.width() // 2
    window.shutdown()


def test_an_excel_export_from_the_district_page_says_where_the_workbook_went(
        qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, opened: list[QUrl]) -> None:
    from PySide6.QtWidgets import QFileDialog

    from ui.shell.api import Location

    from .test_district_page import build, define_rounds

    path = tmp_path / "district.sqlite3"
    with Workspace.open(path, create=True) as workspace:
        build(workspace)
        define_rounds(workspace)
    window = MainWindow(MainWindow.open_workspace(path))
    window.resize(1366, 768)
    show_active(qtbot, window)
    window.navigate(Location("district"))
    page = window.page("district")
    assert page is not None
    target = tmp_path / "ตารางสรุป.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), "ไฟล์ Excel (*.xlsx)"))

    qtbot.mouseClick(page.reports.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.notices.notice is not None and window.notices.notice.kind == "done",
                    timeout=15000)

    assert target.exists()
    assert window.notices.isVisible()
    assert window.notices.text() == f"บันทึกตารางสรุปผลเป็นไฟล์ Excel ที่ {target} แล้ว"
    assert window.notices.open_file_button.isVisible() and window.notices.open_folder_button.isVisible()
    window.grab().save("/tmp/window-after-export.png")
    qtbot.mouseClick(window.notices.open_file_button, Qt.MouseButton.LeftButton)
    assert opened == [QUrl.fromLocalFile(str(target))]
    window.shutdown()


def test_no_feature_reaches_for_the_windows_status_bar() -> None:
    """Features answer through ``shell.notify`` / ``shell.show_status``: a feature that wrote in
    ``widget.window().statusBar()`` was hidden by whatever the window put there."""
    root = Path(__file__).resolve().parents[2] / "ui"
    offenders = [str(path.relative_to(root)) for path in sorted(root.rglob("*.py"))
                 if path.parent.name != "shell" and "statusBar()" in path.read_text(encoding="utf-8")]
    assert offenders == []


def test_a_long_warning_shows_its_first_lines_and_scrolls_for_the_rest(qtbot: Any) -> None:
    """TEST26a #9: at 150 % a Word warning listing places covered ~40 % of the assessment view."""
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(round(1366 / 1.5), round(708 / 1.5))
    layout = QVBoxLayout(window)
    layout.addWidget(QWidget(), 1)
    bar = NoticeBar()
    bar.take_room(layout)
    window.show()
    places = "\n".join(f"  - รายงาน: ปัญหา/อุปสรรค แถวที่ {n}: 😀" for n in range(1, 13))
    bar.show_notice(Notice(f"คำเตือน: ฟอนต์ของเอกสาร Word ไม่มีอักขระต่อไปนี้\n{places}", sticky=True))
    QApplication.processEvents()
    lines = bar.message.fontMetrics().lineSpacing()
    assert 4 * lines <= bar.message_area.height() <= 5 * lines  # the first lines show ...
    assert bar.height() < window.height() / 4  # ... and most of the page stays in sight
    assert bar.message_area.verticalScrollBar().maximum() > 0  # the rest is a scroll away, not cut
    assert bar.text().endswith("แถวที่ 12: 😀") and bar.close_button.isVisible()
    bar.show_notice(Notice("บันทึกแล้ว"))  # a one-line notice is as slim as before
    QApplication.processEvents()
    assert bar.message_area.height() < 2 * lines and bar.message_area.verticalScrollBar().maximum() == 0


def test_a_notice_takes_its_own_room_and_hides_none_of_the_page(qtbot: Any, tmp_path: Path) -> None:
    """TEST31 T4: after พิมพ์รายงาน the bar lay over the assessment's ‹ ก่อนหน้า / ถัดไป › row (and
    the plan's "เพิ่มเป้าหมาย", the budget's total line) for ten seconds. The page now ends above
    the bar while it is up, and takes the room back when it goes; Tab reaches its buttons."""
    path = tmp_path / "qualityschool.sqlite3"
    Workspace.open(path, create=True).close()
    window = MainWindow(MainWindow.open_workspace(path))
    window.resize(1366, 768)
    show_active(qtbot, window)
    page = window.stack.parentWidget()
    assert page is not None
    full_height = page.height()
    window.shell.notify(Notice("บันทึกรายงานที่ /tmp/ก.pdf แล้ว", file=tmp_path / "ก.pdf"))
    QApplication.processEvents()
    bar = window.notices
    assert bar.isVisible()
    bar_top = bar.mapTo(window, bar.rect().topLeft()).y()
    page_bottom = page.mapTo(window, page.rect().bottomLeft()).y()
    assert page_bottom < bar_top  # nothing of the page under the bar
    assert page.height() < full_height
    assert bar.mapTo(window, bar.rect().bottomLeft()).y() <= window.statusBar().geometry().top()
    bar.close_button.setFocus()
    assert bar.close_button.hasFocus()
    bar.dismiss()
    QApplication.processEvents()
    assert page.height() == full_height  # the room comes back
    window.shutdown()
