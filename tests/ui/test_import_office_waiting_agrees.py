"""s35 exch35 (TEST34B B8) in the window: the school imports the office's second file (the office
changed its budget decision) with the verdict and the first decision waiting already. The result
counts what waits as the command line does (one rule, ``exchange.office_waiting``): the office's
decisions by kind, none of them called "not by the owner", the button the rows of the list."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from qualityschool_desktop import cli, exchange
from tests.laptops import CODE_A, Laptops, laptops  # noqa: F401 (a fixture)
from tests.test_budget_approvals import projector_asked
from ui.exchange.import_dialog import ImportPreviewDialog, ImportResultDialog

from .test_exchange_review import controller_of, open_window, wait_for_dialog

pytestmark = pytest.mark.usefixtures("styled_app")
SHOTS = Path(os.environ.get("QSD_SHOTS", "")) if os.environ.get("QSD_SHOTS") else None


def test_the_result_counts_the_office_s_decisions_as_the_command_line_does(
        qtbot: Any, laptops: Laptops, tmp_path: Path) -> None:  # noqa: F811
    school, district = laptops("school-a"), laptops("district")
    with school.open() as workspace:
        ids, item = projector_asked(workspace)
        workspace.assessments.submit(ids["assessment"])
    district.import_(school.export("a-1.qsx", school_codes=[CODE_A]))
    with district.open() as workspace:
        workspace.reviews.decide(ids["assessment"], "accepted", "")
        workspace.budget.set_approval(item.id, "10000", "")
    school.import_(district.export("d1.qsx", school_codes=[CODE_A]))
    with district.open() as workspace:
        workspace.budget.set_approval(item.id, "0", "งบไม่พอ")
    d2 = district.export("d2.qsx", school_codes=[CODE_A])
    window = open_window(qtbot, school, tmp_path)
    controller = controller_of(window)
    controller.preview([d2])
    preview = wait_for_dialog(qtbot, controller, ImportPreviewDialog)
    card = [label.text() for label in preview.card_for(d2.name).findChildren(QLabel)]
    # The card before the import says the same: the office's decision waits for its key, no one's "ยอมรับ".
    assert not any("ผู้ลงนามไม่ใช่เจ้าของข้อมูล" in text for text in card), card
    assert any("ผลการอนุมัติงบประมาณของสำนักงาน ๑ รายการ รอกุญแจของสำนักงาน" in text for text in card), card
    preview.import_button.click()
    result = wait_for_dialog(qtbot, controller, ImportResultDialog)
    result.resize(1366, 768)
    with school.open() as workspace:
        rows = len(exchange.list_pending(workspace))
    assert rows == result.pending_count == 2
    notes = [label.text() for label in result.findChildren(QLabel)]
    assert not any("ผู้ลงนามไม่ใช่เจ้าของข้อมูล" in text for text in notes), notes
    office = [text for text in notes if "ผลการตรวจของสำนักงาน ๑ รายการ และผลการอนุมัติงบประมาณ ๑ รายการ" in text]
    assert office, notes
    result.grab().save(str((SHOTS or tmp_path) / "exch35-office-waiting-result.png"))
    result.close()
    window.close()
    # The command line, given the same file again, counts the same: one verdict, one budget decision.
    school.activate()
    out, err = io.StringIO(), io.StringIO()
    assert cli.run(cli.parse(["import", "--db", str(school.db), str(d2)]), out=out, err=err) == 0, err.getvalue()
    assert "ผลการตรวจของสำนักงาน 1 รายการ และผลการอนุมัติงบประมาณ 1 รายการรอตรวจสอบ" in out.getvalue(), out.getvalue()


def test_the_result_has_no_blank_gap_between_its_lines_and_its_notes(
        qtbot: Any, laptops: Laptops, tmp_path: Path) -> None:  # noqa: F811
    from ui.common.screen import open_fitted
    from ui.exchange.controller import ApplyOutcome
    from tests.test_budget_approvals import approved_by_an_unbound_office

    _school, _district, _item, result = approved_by_an_unbound_office(laptops)
    dialog = ImportResultDialog(ApplyOutcome(results=[(Path("d-1.qsx"), result)]), 1)
    qtbot.addWidget(dialog)
    open_fitted(dialog)  # as the window opens it
    qtbot.waitExposed(dialog)
    # B8's "tall blank gap": the lines' area took what the wrapped notes' narrow size hint had asked.
    needed = dialog.summary.heightForWidth(dialog.lines.viewport().width())
    qtbot.waitUntil(lambda: dialog.lines.height() <= needed + 24, timeout=3000)
    dialog.grab().save(str((SHOTS or tmp_path) / "exch35-result-no-gap.png"))
    dialog.reject()
