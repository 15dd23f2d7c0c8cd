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
from ui.shell import app as app_module

THAI = re.compile("[\u0e00-\u0e7f]")


@pytest.fixture(autouse=True)
def styled_app(qapp: QApplication) -> QApplication:
    return app_module.make_application()


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
