"""Issue 11 #2: the save dialog asks about the file that will really be written. Qt's own check
looked at the name as typed (``rep``) and then ``rep.pdf`` was replaced silently; every save
dialog (PDF, XLSX/CSV, .qsx, backup) goes through one helper that adds the suffix first."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from qualityschool_desktop.workspace import Workspace
from ui.common import save_dialog
from ui.common.save_dialog import ask_save_path

from .keyboard import show_active

PDF = {"PDF (*.pdf)": (".pdf",)}
ROOT = Path(__file__).resolve().parents[2]


class Dialog:
    """Stands in for QFileDialog.getSaveFileName: answers in turn, records what was offered."""

    def __init__(self, *answers: str) -> None:
        self.answers = list(answers)
        self.offered: list[tuple[str, Any]] = []

    def __call__(self, _parent: Any, _title: str, start: str, _filters: str, selected: str = "",
                 options: Any = None) -> tuple[str, str]:
        self.offered.append((start, options))
        return (self.answers.pop(0) if self.answers else ""), selected


def answer_question(qtbot: Any, seen: list[str], replace: bool) -> None:
    """Answer the next question box (within a second) as a user would, after noting its text."""
    tries = [50]

    def click() -> None:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        box = boxes[0] if boxes else None
        if box is None:
            tries[0] -= 1
            if tries[0]:
                QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        wanted = QMessageBox.StandardButton.Yes if replace else QMessageBox.StandardButton.No
        (box.button(wanted) or box.buttons()[0]).click()  # a refusal has one button
    QTimer.singleShot(0, click)


def test_a_name_typed_without_pdf_asks_before_replacing_the_pdf(qtbot, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "rep.pdf").write_bytes(b"%PDF old")
    dialog = Dialog(str(tmp_path / "rep"))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    seen: list[str] = []
    answer_question(qtbot, seen, replace=False)
    assert ask_save_path(None, "บันทึก", tmp_path / "x.pdf", PDF) is None  # "no", then cancelled
    assert seen and "มีไฟล์ชื่อนี้อยู่แล้ว แทนที่หรือไม่" in seen[0] and str(tmp_path / "rep.pdf") in seen[0]
    assert dialog.offered[1][0] == str(tmp_path / "rep.pdf")  # back to the dialog, on the name asked about
    assert dialog.offered[0][1] == QFileDialog.Option.DontConfirmOverwrite  # Qt's check of the typed name is off

    dialog.answers = [str(tmp_path / "rep")]
    answer_question(qtbot, seen, replace=True)
    assert ask_save_path(None, "บันทึก", tmp_path / "x.pdf", PDF) == (tmp_path / "rep.pdf", "PDF (*.pdf)")


def test_an_existing_file_without_the_suffix_is_not_asked_about(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "full").write_bytes(b"not ours")  # as /dev/full: asked about "full", wrote "full.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", Dialog(str(tmp_path / "full")))
    monkeypatch.setattr(save_dialog, "confirm_replace", lambda *_a: pytest.fail("asked about a file not written"))
    assert ask_save_path(None, "บันทึก", tmp_path / "x.pdf", PDF) == (tmp_path / "full.pdf", "PDF (*.pdf)")


def test_a_csv_export_asks_about_the_files_it_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    suffixes = {"Excel (*.xlsx)": (".xlsx",), "CSV (*.csv)": (".csv",)}
    (tmp_path / "sum-bands.csv").write_text("old")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", Dialog(str(tmp_path / "sum.csv")))
    asked: list[list[Path]] = []
    monkeypatch.setattr(save_dialog, "confirm_replace", lambda _p, existing: asked.append(list(existing)) or True)
    chosen = ask_save_path(None, "ส่งออก", tmp_path / "x.xlsx", suffixes, "Excel (*.xlsx)",
                           written=lambda path, _kind: [path.with_name(f"{path.stem}-{k}.csv") for k in ("bands", "x")])
    assert chosen == (tmp_path / "sum.csv", "CSV (*.csv)")  # typed .csv under the Excel filter is CSV
    assert asked == [[tmp_path / "sum-bands.csv"]]


def test_a_backup_named_without_its_suffix_asks_before_replacing_the_copy(
        qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.backup import actions as backup_actions
    from ui.shell.main_window import MainWindow

    monkeypatch.setattr(backup_actions, "AUTO_DELAY_MS", 3_600_000)
    database = tmp_path / "qualityschool.sqlite3"
    Workspace.open(database, create=True).close()
    old_copy = tmp_path / "copy.sqlite3"
    old_copy.write_bytes(b"yesterday's copy")
    dialog = Dialog(str(tmp_path / "copy"))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    window = show_active(qtbot, MainWindow(MainWindow.open_workspace(database)))
    seen: list[str] = []
    answer_question(qtbot, seen, replace=False)
    window.features["backup"].action.trigger()
    assert seen and str(old_copy) in seen[0]
    assert old_copy.read_bytes() == b"yesterday's copy"  # kept: the dialog came back and was cancelled
    assert len(dialog.offered) == 2
    window.shutdown()


def test_every_save_dialog_goes_through_the_one_helper() -> None:
    callers = [path.relative_to(ROOT).as_posix() for path in (ROOT / "ui").rglob("*.py")
               if re.search(r"getSaveFileName\(", path.read_text(encoding="utf-8"))]
    assert callers == ["ui/common/save_dialog.py"]


def test_a_database_chosen_as_the_pdf_is_refused_and_the_dialog_comes_back(
        qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 12, try12c finding 1 in the window: a save over a file that is a database (whatever its
    name) is refused in Thai, not offered for replacing; the dialog comes back."""
    database = tmp_path / "สำเนา.pdf"
    Workspace.open(database, create=True).close()
    before = database.read_bytes()
    dialog = Dialog(str(database))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    monkeypatch.setattr(save_dialog, "confirm_replace", lambda *_a: pytest.fail("offered to replace a database"))
    seen: list[str] = []
    answer_question(qtbot, seen, replace=False)
    assert ask_save_path(None, "บันทึก", tmp_path / "x.pdf", PDF) is None  # refused, then cancelled
    assert seen and "ฐานข้อมูล" in seen[0] and "เลือกชื่อไฟล์อื่น" in seen[0]
    assert len(dialog.offered) == 2 and database.read_bytes() == before
