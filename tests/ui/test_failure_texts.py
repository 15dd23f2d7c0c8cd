"""No raw English SQLite or Python error reaches the user in the window: a failure says in Thai what
failed and what to do; SQLite's or Python's own words wait behind "แสดงรายละเอียด…"."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton

from qualityschool_desktop.workspace import Workspace
from ui.assessment.printing import SelfAssessmentPrinter
from ui.common.ops import Ops

THAI = re.compile("[\u0e00-\u0e7f]")


pytestmark = pytest.mark.usefixtures("styled_app")


def assert_told_in_thai(box: QMessageBox, english: str) -> None:
    assert THAI.search(box.text()), box.text()
    assert english not in box.text() and english not in box.informativeText()
    assert english in box.detailedText()  # for whoever looks into it
    assert "แสดงรายละเอียด…" in {button.text() for button in box.findChildren(QPushButton)}


@pytest.mark.parametrize(("error", "english"), [
    (sqlite3.IntegrityError("UNIQUE constraint failed: schools.code"), "UNIQUE constraint failed"),
    (sqlite3.DatabaseError("answer_history is append-only"), "append-only"),
    (ValueError("invalid literal for int() with base 10: 'x'"), "invalid literal"),
    (KeyError("fiscal_year"), "KeyError"),
])
def test_a_failed_operation_is_told_in_thai(qtbot: Any, error: BaseException, english: str) -> None:
    ops = Ops()

    def broken(_workspace: Any, _progress: Any, _cancelled: Any) -> None:
        raise error

    ops.run(broken)
    qtbot.waitUntil(lambda: ops.message_box is not None, timeout=5000)
    assert ops.message_box is not None
    assert_told_in_thai(ops.message_box, english)
    ops.message_box.close()


def _print_failing(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: BaseException) -> QMessageBox:
    path = tmp_path / "school.sqlite3"
    with Workspace.open(path, create=True) as workspace:
        school = workspace.schools.add(code="6301000001", name="โรงเรียนบ้านแม่สอด")
        assessment = workspace.assessments.start(school.id, 2569)
    target = tmp_path / "report.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))

    def builder(*_args: Any, **_kwargs: Any) -> Path:
        raise error

    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    printer = SelfAssessmentPrinter(parent, builder=builder, namer=lambda _s, _a: "r.pdf",
                                    settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    with Workspace.open(path) as workspace:
        printer.print_report(workspace, assessment.id)
        qtbot.waitUntil(lambda: printer.message_box is not None, timeout=5000)
    assert printer.message_box is not None
    return printer.message_box


def test_a_report_that_cannot_be_saved_says_why_in_thai(qtbot: Any, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    box = _print_failing(qtbot, tmp_path, monkeypatch, OSError(28, "No space left on device", "report.pdf"))
    assert "พื้นที่ดิสก์ไม่พอ" in box.text()
    assert_told_in_thai(box, "No space left on device")


def test_a_report_that_fails_unexpectedly_says_so_in_thai(qtbot: Any, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    box = _print_failing(qtbot, tmp_path, monkeypatch, sqlite3.OperationalError("no such column: answers.level"))
    assert_told_in_thai(box, "no such column")


def test_opening_a_truncated_database_is_told_in_thai_with_sqlites_words_behind_details(
        qtbot, memory_workspace: Workspace, tmp_path: Path) -> None:
    """Issue 11 #3: Ctrl+O on ``head -c 5000 d.sqlite3 > corrupt.sqlite3`` showed "(database disk
    image is malformed)" in the message itself."""
    from ui.shell.main_window import MainWindow
    from . import answering
    from .keyboard import show_active

    whole = tmp_path / "d.sqlite3"
    with Workspace.open(whole, create=True) as workspace:
        for number in range(1, 200):
            workspace.schools.add(code=f"63020{number:05d}", name=f"โรงเรียนบ้านทดสอบ {number}")
    corrupt = tmp_path / "corrupt.sqlite3"
    corrupt.write_bytes(whole.read_bytes()[:5000])
    window = show_active(qtbot, MainWindow(memory_workspace))
    seen: list[tuple[str, str]] = []

    def read_box() -> bool:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        if not boxes:
            return False
        seen.append((boxes[0].text(), boxes[0].detailedText()))
        boxes[0].close()
        return True

    answering.keep_looking(read_box)
    assert not window.switch_workspace(corrupt)
    text, detail = seen[0]
    assert "เสียหาย" in text and not re.search("[A-Za-z]{3,}", text.replace(corrupt.name, "")), text
    assert "malformed" in detail or "database" in detail
