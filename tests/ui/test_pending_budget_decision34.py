"""s34 exw34 T3/T4: the office's budget decision waiting for its key (รอตรวจสอบ) at the school.

T3: the pending window showed it as the generic field-by-field comparison ("รายการคำของบประมาณ",
satang in a field, the office's installation); it gets its own detail as a review verdict does:
the request (the item, the amount asked), the office's decision as the budget feature names it
(อนุมัติ / ไม่อนุมัติ / อนุมัติบางส่วน, the amount in baht with Thai grouping), its comment and the
fiscal year. T4: the words around it count what is waiting and name only the kinds present, never
"ผลการตรวจ (หรือผลการอนุมัติงบประมาณ)"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.laptops import Laptops, laptops  # noqa: F401 (a fixture)
from tests.test_budget_approvals import NOTE, approved_by_an_unbound_office
from ui.exchange.controller import ApplyOutcome
from ui.exchange.import_dialog import ImportResultDialog
from ui.exchange.pending_dialog import PendingDialog

from .test_exchange_review import controller_of, open_window, wait_for_dialog
from .test_pending_office_verdict33 import table_texts

pytestmark = pytest.mark.usefixtures("styled_app")


def test_the_pending_budget_decision_shows_the_request_and_what_the_office_decided(
    qtbot: Any, laptops: Laptops, tmp_path: Path,
) -> None:
    school, _district, _item, _result = approved_by_an_unbound_office(laptops)
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
        assert any("เครื่องฉายภาพ" in text for text in texts), joined  # the item asked for
        assert any("๕๐,๐๐๐ บาท" in text for text in texts), joined  # the amount asked (2 × 25,000)
        # 10,000 of 50,000: part of what was asked, in baht with Thai grouping, never satang.
        assert any("อนุมัติบางส่วน" in text and "๑๐,๐๐๐ บาท" in text for text in texts), joined
        assert not any("๑,๐๐๐,๐๐๐" in text or "1000000" in text for text in texts), joined
        assert any(NOTE in text for text in texts), joined
        assert any("ปีงบประมาณ" in text for text in texts) and any("๒๕๗๐" in text for text in texts), joined
        assert not any("ยังไม่มีในเครื่องนี้" in text for text in texts), joined
        assert not any("เครื่องของสำนักงานที่อนุมัติ" in text for text in texts), joined
    listed = dialog.list.item(0, 0).text()  # what the office decided, not an id fragment
    assert "อนุมัติบางส่วน ๑๐,๐๐๐ บาท" in listed and change.record_id[:8] not in listed, listed
    # s34 exw34b B6: the row says what the detail says, names the item and the school; so does the title.
    assert "เครื่องฉายภาพ" in listed and "โรงเรียน ๖๓๐๑๐๐๐๐๐๑" in listed, listed
    assert "อนุมัติบางส่วน ๑๐,๐๐๐ บาท" in dialog.title.text(), dialog.title.text()
    explain = dialog.explain.text()
    assert "ผลการอนุมัติงบประมาณนี้" in explain and "หรือ" not in explain, explain  # T4: this one's kind
    assert "ผูกเป็นกุญแจเขต" in explain, explain
    dialog.versions.all_fields.setChecked(False)
    dialog.resize(1366, 768)
    qtbot.wait(100)
    dialog.grab().save(str(tmp_path / "pending-budget-decision.png"))
    window.close()


def test_the_result_counts_the_budget_decisions_waiting_for_the_office_s_key(
    qtbot: Any, laptops: Laptops, tmp_path: Path,
) -> None:
    _school, _district, _item, result = approved_by_an_unbound_office(laptops)
    dialog = ImportResultDialog(ApplyOutcome(results=[(Path("d-1.qsx"), result)]), 1)
    qtbot.addWidget(dialog)
    notes = " ".join(label.text() for label in dialog.findChildren(type(dialog.heading)))
    assert "ผลการอนุมัติงบประมาณของสำนักงาน ๑ รายการ" in notes, notes
    assert "ผลการตรวจ" not in notes and "หรือผลการอนุมัติ" not in notes, notes  # only the kinds present
    dialog.reject()


def test_the_preview_s_office_tick_names_the_budget_decision_it_carries(
    qtbot: Any, laptops: Laptops, tmp_path: Path,
) -> None:
    from ui.exchange.office_tick import OfficeTick

    tick = OfficeTick("AB" * 32, ("สพป.ตาก เขต ๒",), "", lambda _area: None, kinds=("budget_decisions",))
    qtbot.addWidget(tick)
    said = " ".join(label.text() for label in tick.findChildren(type(tick.key)))
    assert "ผลการอนุมัติงบประมาณ" in said and "ผลการตรวจ" not in said and "หรือ" not in said, said
