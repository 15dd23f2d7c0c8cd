"""Printing a round's report from the window: ask where to save, build on a worker with a progress
dialog that can cancel, open the PDF in the system viewer, say where it went.

The builder is passed in (the same signature as the report module's), so these tests drive the
window's side of the contract; the last test runs the real report on the demo database.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, Callable

import pytest
import shiboken6
from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QPushButton

from qualityschool_desktop.errors import ValidationError
from qualityschool_desktop.workspace import Workspace
from ui.assessment.printing import SelfAssessmentPrinter
from ui.assessment.results_view import ResultsView
from ui.assessment.view import AssessmentView
from ui.common import report_printer as report_action, save_dialog
from ui.common.ops import Cancelled
from ui.shell.api import Location
from ui.shell.main_window import MainWindow

SCHOOL_NAME = "โรงเรียนบ้านแม่สอด"
REPORT_NAME = "รายงานประเมินตนเอง-โรงเรียนบ้านแม่สอด-2569-รอบ1.pdf"
ROOT = Path(__file__).resolve().parents[2]


pytestmark = pytest.mark.usefixtures("styled_app")


class SaveDialog:
    """Stands in for QFileDialog.getSaveFileName: records what was offered, answers as told."""

    def __init__(self, answer: Path | None, digits_filter: str | None = None) -> None:
        self.answer = answer
        self.digits_filter = digits_filter
        self.offered: list[tuple[str, str, str]] = []

    def __call__(self, _parent: Any, _title: str, start: str, filters: str, selected: str = "", *_: Any) -> tuple[str, str]:
        self.offered.append((start, filters, selected))
        if self.answer is None:
            return "", ""
        return str(self.answer), self.digits_filter or selected


class Viewer:
    """Stands in for QDesktopServices.openUrl: nothing is really opened."""

    def __init__(self) -> None:
        self.opened: list[QUrl] = []

    def __call__(self, url: QUrl) -> bool:
        self.opened.append(url)
        return True


class FakeBuilder:
    """The report builder's signature; waits on ``release`` so the test can look at the window
    while the build is still running, and writes the file atomically like the real one."""

    def __init__(self, *, fail: BaseException | None = None, until_cancelled: bool = False) -> None:
        self.release = threading.Event()
        self.stopped = threading.Event()
        self.fail = fail
        self.until_cancelled = until_cancelled
        self.calls: list[dict[str, Any]] = []

    def __call__(
        self, workspace: Workspace, assessment_id: str, target: Path, *, digits: str = "thai",
        progress: Callable[[int, int], None] | None = None, cancelled: Callable[[], bool] | None = None,
    ) -> Path:
        assert progress is not None and cancelled is not None
        school = workspace.schools.get(workspace.assessments.get(assessment_id).school_id)
        self.calls.append({"workspace": workspace, "thread": threading.get_ident(), "digits": digits,
                           "school": school.name, "target": target})
        progress(1, 4)
        partial = target.with_name(target.name + ".part")
        partial.write_bytes(b"%PDF-1.4\n")
        try:
            deadline = time.monotonic() + 10
            while not self.release.is_set() and time.monotonic() < deadline:
                if cancelled():
                    raise Cancelled()
                time.sleep(0.01)
            if self.fail is not None:
                raise self.fail
            progress(4, 4)
            partial.replace(target)
            return target
        finally:
            partial.unlink(missing_ok=True)
            self.stopped.set()


@pytest.fixture
def round_db(db_path: Path) -> tuple[Path, str]:
    with Workspace.open(db_path, create=True) as workspace:
        school = workspace.schools.add(code="6301000001", name=SCHOOL_NAME, district="แม่สอด", province="ตาก")
        assessment = workspace.assessments.start(school.id, 2569, assessor_name="นางสาวรัตนา ใจดี")
    return db_path, assessment.id


@pytest.fixture
def viewer(monkeypatch: pytest.MonkeyPatch) -> Viewer:
    viewer = Viewer()
    monkeypatch.setattr(QDesktopServices, "openUrl", viewer)
    return viewer


def open_window(qtbot: Any, path: Path) -> MainWindow:
    window = MainWindow(Workspace.open(path))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    with qtbot.waitExposed(window):
        window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    return window


def install_printer(window: MainWindow, tmp_path: Path, builder: Any = None) -> SelfAssessmentPrinter:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    printer = SelfAssessmentPrinter(window, builder=builder, settings=settings, ops=window.ops,
                                    namer=None if builder is None else lambda _school, _assessment: REPORT_NAME,
                                    notify=window.shell.notify)
    window.features["assessment"].printer = printer
    return printer


def print_button(widget: Any) -> QPushButton:
    return widget.findChild(QPushButton, "printReportButton")


def wait_for_dialog(qtbot: Any, printer: ReportPrinter) -> Any:
    qtbot.waitUntil(lambda: printer.progress_dialog is not None and printer.progress_dialog.isVisible(), timeout=20000)
    return printer.progress_dialog


def test_print_button_builds_on_a_worker_with_progress_then_opens_the_pdf(
    qtbot: Any, round_db: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, viewer: Viewer,
) -> None:
    path, assessment_id = round_db
    target = tmp_path / "out" / "report.pdf"
    target.parent.mkdir()
    dialog = SaveDialog(target)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    window = open_window(qtbot, path)
    builder = FakeBuilder()
    printer = install_printer(window, tmp_path, builder)
    window.navigate(Location("assessment", assessment_id))
    view = window.stack.currentWidget()
    assert isinstance(view, AssessmentView)

    qtbot.mouseClick(print_button(view), Qt.MouseButton.LeftButton)

    # Offered: the default name in Documents (or home), Thai digits chosen.
    [(start, filters, selected)] = dialog.offered
    assert Path(start).name == REPORT_NAME
    assert Path(start).parent == report_action.default_folder()
    assert selected == report_action.DIGIT_FILTERS["thai"] and report_action.DIGIT_FILTERS["arabic"] in filters
    # The build is running and waiting: the window is free, the dialog shows how far it got.
    progress = wait_for_dialog(qtbot, printer)
    assert progress.labelText() == report_action.BUILDING
    qtbot.waitUntil(lambda: progress.maximum() == 4 and progress.value() == 1)
    assert not target.exists() and viewer.opened == []
    builder.release.set()

    qtbot.waitUntil(lambda: viewer.opened != [] or printer.message_box is not None, timeout=20000)
    assert printer.message_box is None, printer.message_box.text()
    assert viewer.opened == [QUrl.fromLocalFile(str(target))]
    assert target.read_bytes().startswith(b"%PDF")
    # The window says where the report went, with the ways to it, under its top bar.
    notices = window.notices
    assert notices.isVisible() and notices.text() == f"บันทึกรายงานที่ {target} แล้ว และเปิดให้ดูในโปรแกรมอ่าน PDF"
    assert notices.open_file_button.isVisible() and notices.open_file_button.text() == "เปิดไฟล์"
    assert notices.open_folder_button.isVisible() and notices.open_folder_button.text() == "เปิดโฟลเดอร์"
    assert notices.geometry().top() >= window.top_bar.geometry().bottom()
    notices.grab().save("/tmp/notice-after-print.png")
    window.grab().save("/tmp/window-after-print.png")
    viewer.opened.clear()
    qtbot.mouseClick(notices.open_folder_button, Qt.MouseButton.LeftButton)
    assert viewer.opened == [QUrl.fromLocalFile(str(target.parent))]
    qtbot.mouseClick(notices.open_file_button, Qt.MouseButton.LeftButton)
    assert viewer.opened[-1] == QUrl.fromLocalFile(str(target))
    assert printer.progress_dialog is None and printer.message_box is None
    [call] = builder.calls
    # Built on another thread, on a workspace of its own (closed after) over the same file.
    assert call["thread"] != threading.get_ident()
    assert call["workspace"] is not window.workspace and call["workspace"].path == path
    assert call["digits"] == "thai" and call["school"] == SCHOOL_NAME
    with pytest.raises(Exception):
        call["workspace"].schools.count()
    window.shutdown()


def test_switching_databases_mid_build_stops_it_and_delivers_nothing_to_the_new_one(
    qtbot: Any, round_db: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, viewer: Viewer,
) -> None:
    path, assessment_id = round_db
    target = tmp_path / "report.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SaveDialog(target))
    other = tmp_path / "other.sqlite3"
    Workspace.open(other, create=True).close()
    window = open_window(qtbot, path)
    builder = FakeBuilder()
    printer = install_printer(window, tmp_path, builder)
    window.navigate(Location("assessment", assessment_id))
    qtbot.mouseClick(print_button(window.stack.currentWidget()), Qt.MouseButton.LeftButton)
    progress = wait_for_dialog(qtbot, printer)

    assert window.switch_workspace(other)
    assert builder.stopped.is_set()  # cancelled and waited for before the old file closed
    qtbot.waitUntil(lambda: printer.progress_dialog is None, timeout=20000)
    # Closed, and by now perhaps deleted too (it is deleteLater()'d when the work is dropped).
    assert not (shiboken6.isValid(progress) and progress.isVisible())
    qtbot.wait(100)
    assert viewer.opened == [] and printer.message_box is None and not target.exists()
    assert window.workspace.path == other
    window.shutdown()


def test_cancel_stops_the_build_and_leaves_no_file(
    qtbot: Any, round_db: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, viewer: Viewer,
) -> None:
    path, assessment_id = round_db
    target = tmp_path / "report.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SaveDialog(target))
    window = open_window(qtbot, path)
    builder = FakeBuilder()
    printer = install_printer(window, tmp_path, builder)
    window.navigate(Location("assessment", assessment_id))
    qtbot.mouseClick(print_button(window.stack.currentWidget()), Qt.MouseButton.LeftButton)
    progress = wait_for_dialog(qtbot, printer)

    [cancel] = [b for b in progress.findChildren(QPushButton) if b.text() == report_action.CANCEL]
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)

    assert builder.stopped.wait(5), "the build should stop when cancelled"
    qtbot.waitUntil(lambda: not printer.busy)
    assert printer.progress_dialog is None  # closed (and gone)
    assert not target.exists() and list(tmp_path.glob("report.pdf*")) == []
    assert viewer.opened == [] and printer.message_box is None
    assert window.notices.isVisible() and window.notices.text() == report_action.CANCELLED
    assert not window.notices.open_file_button.isVisible()
    window.shutdown()


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (ValidationError("แบบประเมินนี้ยังไม่มีคำตอบ จึงพิมพ์รายงานไม่ได้"), "แบบประเมินนี้ยังไม่มีคำตอบ จึงพิมพ์รายงานไม่ได้"),
        (PermissionError(13, "Permission denied"), "ตรวจสอบว่าไม่ได้เปิดไฟล์นี้ค้างไว้ในโปรแกรมอื่น"),
    ],
)
def test_a_builder_error_is_shown_in_thai_and_nothing_is_opened(
    qtbot: Any, round_db: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, viewer: Viewer,
    error: BaseException, expected: str,
) -> None:
    path, assessment_id = round_db
    target = tmp_path / "report.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SaveDialog(target))
    window = open_window(qtbot, path)
    builder = FakeBuilder(fail=error)
    builder.release.set()
    printer = install_printer(window, tmp_path, builder)
    window.navigate(Location("results", assessment_id))
    assert isinstance(window.stack.currentWidget(), ResultsView)

    qtbot.mouseClick(print_button(window.stack.currentWidget()), Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: printer.message_box is not None, timeout=20000)  # the worker warms the dictionary first: slow on a loaded machine
    box = printer.message_box
    assert box.windowTitle() == report_action.FAILED_TITLE and expected in box.text()
    assert viewer.opened == [] and not target.exists()
    assert printer.progress_dialog is None
    box.accept()
    window.shutdown()


def test_a_core_error_from_the_builder_follows_the_windows_arabic_digits(
    qtbot: Any, round_db: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, viewer: Viewer,
) -> None:
    """The core writes Thai digits; with Arabic digits chosen the failure box shows 0–9 (issue 11)."""
    from ui.common import digits

    path, assessment_id = round_db
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SaveDialog(tmp_path / "report.pdf"))
    window = open_window(qtbot, path)
    digits.set_style("arabic")
    try:
        builder = FakeBuilder(fail=ValidationError("รายงานพิมพ์ได้ไม่เกิน ๕๐๐ หน้า"))
        builder.release.set()
        printer = install_printer(window, tmp_path, builder)
        window.navigate(Location("results", assessment_id))
        qtbot.mouseClick(print_button(window.stack.currentWidget()), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: printer.message_box is not None, timeout=20000)  # the worker warms the dictionary first: slow on a loaded machine
        box = printer.message_box
        assert "ไม่เกิน 500 หน้า" in box.text(), box.text()
        box.accept()
    finally:
        digits.set_style("thai")
        window.shutdown()


def test_the_folder_is_remembered_and_the_windows_digit_setting_is_every_prints_default(
    qtbot: Any, round_db: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, viewer: Viewer,
) -> None:
    path, assessment_id = round_db
    folder = tmp_path / "ส่งเขต"
    folder.mkdir()
    dialog = SaveDialog(folder / "รายงาน", report_action.DIGIT_FILTERS["arabic"])  # typed without .pdf
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    replaced: list[list[Path]] = []  # the same name each time: asked, and the user replaces
    monkeypatch.setattr(save_dialog, "confirm_replace", lambda _parent, files: replaced.append(list(files)) or True)
    window = open_window(qtbot, path)
    builder = FakeBuilder()
    builder.release.set()
    install_printer(window, tmp_path, builder)
    window.navigate(Location("assessment", assessment_id))

    window.print_action.trigger()  # the menu item (Ctrl+P) prints the round shown
    qtbot.waitUntil(lambda: len(viewer.opened) == 1, timeout=20000)
    assert builder.calls[0]["digits"] == "arabic"
    assert (folder / "รายงาน.pdf").exists()

    window.navigate(Location("school", window.workspace.assessments.get(assessment_id).school_id))
    assert window.page("school").tab("rounds").selected_id() == assessment_id
    window.page("school").tab("rounds").print_button.click()  # the school page prints the selected round
    qtbot.waitUntil(lambda: len(viewer.opened) == 2, timeout=20000)
    start, _filters, selected = dialog.offered[1]
    # Arabic was this print's choice only: the window's setting (Thai) is offered again.
    assert Path(start) == folder / REPORT_NAME and selected == report_action.DIGIT_FILTERS["thai"]

    window.digit_menu.choices["arabic"].trigger()  # มุมมอง › ตัวเลข › เลขอารบิก
    dialog.digits_filter = None  # the user takes what is offered
    window.page("school").tab("rounds").print_button.click()
    qtbot.waitUntil(lambda: len(viewer.opened) == 3, timeout=20000)
    assert dialog.offered[2][2] == report_action.DIGIT_FILTERS["arabic"]
    assert builder.calls[2]["digits"] == "arabic"
    assert replaced == [[folder / "รายงาน.pdf"]] * 2
    window.shutdown()


def test_closing_the_save_dialog_builds_nothing_and_print_is_only_offered_for_a_round(
    qtbot: Any, round_db: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, viewer: Viewer,
) -> None:
    path, assessment_id = round_db
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SaveDialog(None))
    window = open_window(qtbot, path)
    builder = FakeBuilder()
    printer = install_printer(window, tmp_path, builder)
    assert not window.print_action.isEnabled()  # the school list: no round to print
    window.navigate(Location("assessment", assessment_id))
    assert window.print_action.isEnabled()
    assert window.print_action.shortcut().toString() == "Ctrl+P"

    window.print_action.trigger()
    assert printer.operation is None and builder.calls == [] and viewer.opened == []
    window.shutdown()


def test_views_load_neither_reportlab_nor_pythainlp_at_import() -> None:
    code = (
        "import sys; import ui.shell.main_window, ui.assessment.view, ui.assessment.results_view, ui.schools.school_page, "
        "ui.assessment.rounds_tab, ui.assessment.printing, ui.visits.view, ui.visits.printing, ui.district.page; "
        "heavy = [m for m in ('reportlab', 'pythainlp', 'uharfbuzz') if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, encoding="utf-8", check=True)
    assert out.stdout.strip() == "[]"


def test_the_dictionary_warms_up_when_a_round_is_first_shown_not_at_start_up(
    qtbot: Any, round_db: tuple[Path, str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(report_action, "_warm_up_started", False)
    path, assessment_id = round_db
    window = open_window(qtbot, path)
    assert not report_action._warm_up_started
    window.navigate(Location("assessment", assessment_id))
    assert report_action._warm_up_started
    qtbot.waitUntil(report_action.is_warm, timeout=20000)
    window.shutdown()


def _real_report_available() -> bool:
    try:
        from qualityschool_desktop.reports import self_assessment  # noqa: F401
    except ImportError:
        return False
    return shutil.which("pdftotext") is not None


@pytest.mark.skipif(not _real_report_available(), reason="the report module or pdftotext is not there")
def test_end_to_end_the_real_report_of_a_demo_round(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, viewer: Viewer,
) -> None:
    from qualityschool_desktop.cli import ensure_demo

    demo = tmp_path / "demo.sqlite3"
    ensure_demo(demo)
    with Workspace.open(demo) as workspace:
        school = workspace.schools.list()[0]
        assessment = workspace.assessments.for_school(school.id)[0]
    target = tmp_path / "รายงาน.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SaveDialog(target))
    window = open_window(qtbot, demo)
    printer = install_printer(window, tmp_path)  # the real builder and file name
    window.navigate(Location("assessment", assessment.id))

    qtbot.mouseClick(print_button(window.stack.currentWidget()), Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: viewer.opened != [] or printer.message_box is not None, timeout=60000)
    assert printer.message_box is None, printer.message_box.text()
    assert viewer.opened == [QUrl.fromLocalFile(str(target))]
    first_page = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(target), "-"],
                                capture_output=True, text=True, encoding="utf-8", check=True).stdout
    assert school.name in first_page
    window.shutdown()
