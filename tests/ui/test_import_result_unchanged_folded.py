"""s32 (item 2): a district importing 40 school files read a block of lines per file even where
nothing changed ("ใหม่ ๐ ปรับปรุง ๐ เหมือนเดิม ๑๒ …" and the school under it). It reads what changed
and what was refused; the files and schools where nothing changed are one line, after them."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from ui.exchange.controller import ApplyOutcome
from ui.exchange.import_dialog import ImportResultDialog

pytestmark = pytest.mark.usefixtures("styled_app")


def a_file(n: int, *, new: int = 0, updated: int = 0, unchanged: int = 12, action: str = "unchanged") -> Any:
    counts = SimpleNamespace(new=new, updated=updated, unchanged=unchanged, conflicting=0, pending=0, older=0)
    return SimpleNamespace(counts={"answers": counts}, conflicts=[],
                           schools=[(action, f"63200000{n:02d}", f"โรงเรียนบ้านหมายเลข{n}")])


def test_forty_files_read_what_changed_and_one_line_for_the_rest(qtbot: Any, tmp_path: Path) -> None:
    results = [(tmp_path / f"t{n:02d}.qsx", a_file(n)) for n in range(40)]
    results[7] = (tmp_path / "t07.qsx", a_file(7, updated=2, action="update"))
    results[30] = (tmp_path / "t30.qsx", a_file(30, new=5, unchanged=0, action="insert"))
    outcome = ApplyOutcome(results=results, refused=[(Path("bad.qsx"), "ไฟล์เสีย")])
    dialog = ImportResultDialog(outcome, 41)
    qtbot.addWidget(dialog)
    lines = [line for line in dialog.summary.text().split("\n") if line.strip()]
    assert lines[0].startswith("bad.qsx: นำเข้าไม่ได้"), lines  # the refused first, as before
    said = "\n".join(lines)
    assert "t07.qsx: ใหม่" in said and "ปรับปรุง: ๖๓๒๐๐๐๐๐๐๗" in said, said
    assert "t30.qsx: ใหม่" in said and "โรงเรียนใหม่: ๖๓๒๐๐๐๐๐๓๐" in said, said
    assert "t05.qsx" not in said and "๖๓๒๐๐๐๐๐๐๕" not in said, said  # nothing changed: not a row of its own
    assert lines[-1] == "ไม่มีอะไรเปลี่ยน: ๓๘ ไฟล์, ๓๘ โรงเรียน (ข้อมูลเหมือนที่มีอยู่แล้ว)", lines
    assert len(lines) == 6, lines
    assert "ไม่เปลี่ยนแปลง ๓๘ โรงเรียน" in dialog.schools_line.text()  # the count above says it too
    dialog.reject()


def test_a_file_of_one_school_that_changed_nothing_is_still_said(qtbot: Any, tmp_path: Path) -> None:
    outcome = ApplyOutcome(results=[(tmp_path / "t01.qsx", a_file(1))])
    dialog = ImportResultDialog(outcome, 1)
    qtbot.addWidget(dialog)
    assert dialog.summary.text().strip() == "ไม่มีอะไรเปลี่ยน: ๑ ไฟล์, ๑ โรงเรียน (ข้อมูลเหมือนที่มีอยู่แล้ว)"
    dialog.reject()
