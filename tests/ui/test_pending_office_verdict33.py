"""s33 exC T1/T2: at the school, before the office's key is bound, the office's verdict waits. The
pending window's detail names the verdict (ส่งกลับแก้ไข), the office's comment and the round it
judges (the round is here), never "ยังไม่มีในเครื่องนี้"; its header gives the office's way to
trust the key (phone, ผูกเป็นกุญแจเขต…), never "bind to the school". The import's result says the
office's decisions wait for its key, apart from changes by keys that do not own the record."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.laptops import Laptops, laptops  # noqa: F401 (a fixture)
from tests.test_office_words33 import _district_returns
from tests.test_review_offices import COMMENT
from ui.exchange.controller import ApplyOutcome
from ui.exchange.import_dialog import ImportResultDialog
from ui.exchange.pending_dialog import PendingDialog

from .test_exchange_review import controller_of, open_window, wait_for_dialog

pytestmark = pytest.mark.usefixtures("styled_app")


def table_texts(dialog: PendingDialog) -> list[str]:
    table = dialog.versions.table
    texts = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount()) if table.horizontalHeaderItem(c)]
    return texts + [table.item(r, c).text() for r in range(table.rowCount()) for c in range(table.columnCount())
                    if table.item(r, c) is not None]


def test_the_pending_office_verdict_shows_what_the_office_said_on_which_round(
    qtbot: Any, laptops: Laptops, tmp_path: Path,
) -> None:
    school, _district, _ids, decided = _district_returns(laptops)
    school.import_(decided)
    window = open_window(qtbot, school, tmp_path)
    controller = controller_of(window)
    controller.pending_action.trigger()  # type: ignore[union-attr]
    dialog = wait_for_dialog(qtbot, controller, PendingDialog)
    (change,) = dialog.changes
    dialog.select(change.id)
    for all_fields in (False, True):
        dialog.versions.all_fields.setChecked(all_fields)
        texts = table_texts(dialog)
        joined = " | ".join(texts)
        assert not any("ยังไม่มีในเครื่องนี้" in text for text in texts), joined
        assert any("ส่งกลับแก้ไข" in text for text in texts), joined
        assert any(COMMENT in text for text in texts), joined
        assert any("ปีงบประมาณ" in text and "รอบที่" in text for text in texts), joined
    explain = dialog.explain.text()
    assert "ผูกเป็นกุญแจเขต" in explain, explain
    assert "ผูกกุญแจกับโรงเรียน" not in explain, explain
    assert explain.startswith("ผลการตรวจนี้") and "หรือ" not in explain, explain  # s34 exw34 T4
    dialog.versions.all_fields.setChecked(False)
    dialog.resize(1366, 768)
    qtbot.wait(100)
    dialog.grab().save(str(tmp_path / "pending-office-verdict.png"))
    window.close()


def test_the_result_says_the_office_s_verdict_waits_for_its_key(qtbot: Any, laptops: Laptops, tmp_path: Path) -> None:
    school, _district, _ids, decided = _district_returns(laptops)
    result = school.import_(decided)
    dialog = ImportResultDialog(ApplyOutcome(results=[(decided, result)]), 1)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 500)
    notes = " ".join(label.text() for label in dialog.findChildren(type(dialog.heading)))
    assert "ผู้ลงนามไม่ใช่เจ้าของข้อมูล" not in notes, notes
    assert "ผลการตรวจของสำนักงาน" in notes and "ผูกเป็นกุญแจเขต" in notes, notes
    # s34 exw34 T4: counted by kind, only the kinds present (a verdict, no budget decision).
    assert "ผลการตรวจของสำนักงาน ๑ รายการ" in notes and "ผลการอนุมัติงบประมาณ" not in notes, notes
    dialog.grab().save(str(tmp_path / "result-office-verdict.png"))
    dialog.reject()
