"""TEST30a B4: the result of importing 50 school files grew a line per file past the bottom of a
1366x768 screen, its "ปิด" button and last lines out of reach. The result fits its screen: the
lines scroll, the buttons stay in view."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from ui.common.screen import open_fitted, room
from ui.exchange.controller import ApplyOutcome
from ui.exchange.import_dialog import ImportResultDialog

pytestmark = pytest.mark.usefixtures("styled_app")


def a_school_file(n: int = 0) -> Any:
    counts = SimpleNamespace(new=12, updated=0, unchanged=0, conflicting=0, pending=0, older=0)
    return SimpleNamespace(counts={"schools": counts}, conflicts=[],
                           schools=[("insert", f"63200000{n:02d}", f"โรงเรียนบ้านหมายเลข{n}")])


def test_fifty_files_fit_the_screen_with_the_close_button_in_view(qtbot: Any, tmp_path: Path) -> None:
    outcome = ApplyOutcome(results=[(tmp_path / f"t{n:02d}.qsx", a_school_file(n)) for n in range(40, 90)])
    dialog = ImportResultDialog(outcome, 50)
    qtbot.addWidget(dialog)
    open_fitted(dialog)
    qtbot.wait(50)
    dialog.grab().save(str(tmp_path / "result-50.png"))
    assert dialog.height() <= room(dialog).height()
    close = dialog.close_button
    assert close.isVisible()
    bottom = close.mapTo(dialog, close.rect().bottomLeft()).y()
    assert bottom <= dialog.height(), (bottom, dialog.height())
    assert "t89.qsx" in dialog.summary.text()  # the last file still listed (the lines scroll)
    dialog.reject()


def test_the_result_names_the_schools_new_and_updated(qtbot: Any, tmp_path: Path) -> None:
    """TEST30a B3: per file only records counted ("ใหม่ ๑๒"); the officer wants the schools."""
    new, updated = a_school_file(), a_school_file()
    new.schools = [("insert", "6320000040", "โรงเรียนบ้านหมายเลข40")]
    updated.schools = [("update", "6320000041", "โรงเรียนบ้านหมายเลข41")]
    outcome = ApplyOutcome(results=[(tmp_path / "ข้อมูล(1).qsx", new), (tmp_path / "ข้อมูล(2).qsx", updated)])
    dialog = ImportResultDialog(outcome, 2)
    qtbot.addWidget(dialog)
    said = dialog.summary.text()
    assert "โรงเรียนใหม่ ๑ โรงเรียน" in dialog.schools_line.text() and "ปรับปรุง ๑ โรงเรียน" in dialog.schools_line.text()
    assert "๖๓๒๐๐๐๐๐๔๐ โรงเรียนบ้านหมายเลข40" in said and "๖๓๒๐๐๐๐๐๔๑ โรงเรียนบ้านหมายเลข41" in said, said
    dialog.reject()


def test_a_school_whose_answers_changed_counts_as_updated(qtbot: Any, tmp_path: Path) -> None:
    """retest30 N4: a school's file brought 3 new and 1 updated answers, its school row unchanged:
    the result said "ปรับปรุง ๐ โรงเรียน · ไม่เปลี่ยนแปลง ๑ โรงเรียน"."""
    answers = SimpleNamespace(new=3, updated=1, unchanged=0, conflicting=0, pending=0, older=0)
    row = SimpleNamespace(new=0, updated=0, unchanged=1, conflicting=0, pending=0, older=0)
    changed = SimpleNamespace(counts={"schools": row, "answers": answers}, conflicts=[],
                              schools=[("unchanged", "6310000001", "โรงเรียนบ้านทดสอบเอ")])
    same = SimpleNamespace(counts={"schools": row}, conflicts=[],
                           schools=[("unchanged", "6310000002", "โรงเรียนบ้านทดสอบบี")])
    outcome = ApplyOutcome(results=[(tmp_path / "A3.qsx", changed), (tmp_path / "B1.qsx", same)])
    dialog = ImportResultDialog(outcome, 2)
    qtbot.addWidget(dialog)
    line = dialog.schools_line.text()
    assert "ปรับปรุง ๑ โรงเรียน" in line and "ไม่เปลี่ยนแปลง ๑ โรงเรียน" in line, line
    assert "ปรับปรุง: ๖๓๑๐๐๐๐๐๐๑ โรงเรียนบ้านทดสอบเอ" in dialog.summary.text(), dialog.summary.text()
    dialog.reject()
