"""s34 exw34b (TEST34B B8): the school's import result counts what waits once, in every place.

The office's second file brings its verdict again (waiting here already), its first budget decision
again and a later decision on the same item (ไม่อนุมัติ). Before: "รอตรวจสอบ ๑", "รอตรวจสอบอยู่แล้ว ๒",
"มี ๒ รายการที่ผู้ลงนามไม่ใช่เจ้าของข้อมูล", "ผลการอนุมัติงบประมาณของสำนักงาน ๑ รายการ", "(๓)". Now the
earlier budget decision is replaced, the office's decisions are counted as the office's (not
changes by a key that does not own the data) and the button says as many as the notes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.laptops import CODE_A, Laptops, laptops  # noqa: F401 (a fixture)
from tests.test_budget_approvals import projector_asked
from ui.exchange.controller import ApplyOutcome
from ui.exchange.import_dialog import ImportResultDialog

pytestmark = pytest.mark.usefixtures("styled_app")


def test_the_office_s_second_file_is_counted_once_everywhere(qtbot: Any, laptops: Laptops) -> None:
    school, district = laptops("school-a"), laptops("district")
    with school.open() as workspace:
        ids, item = projector_asked(workspace)
        workspace.assessments.submit(ids["assessment"])
    district.import_(school.export("a-1.qsx", school_codes=[CODE_A]))
    with district.open() as workspace:
        workspace.reviews.decide(ids["assessment"], "accepted", "")
        workspace.budget.set_approval(item.id, "10000", "")
    school.import_(district.export("d-1.qsx", school_codes=[CODE_A]))
    with district.open() as workspace:
        workspace.budget.set_approval(item.id, "0", "งบไม่พอ")
    result = school.import_(district.export("d-2.qsx", school_codes=[CODE_A]))
    dialog = ImportResultDialog(ApplyOutcome(results=[(Path("d-2.qsx"), result)]), 1)
    qtbot.addWidget(dialog)
    notes = " ".join(label.text() for label in dialog.findChildren(type(dialog.heading)))
    assert "ผู้ลงนามไม่ใช่เจ้าของข้อมูล" not in notes, notes  # the office's, said as the office's
    assert "ผลการตรวจของสำนักงาน ๑ รายการ" in notes and "ผลการอนุมัติงบประมาณ ๑ รายการ" in notes, notes
    assert dialog.pending_count == 2 and dialog.pending_button is not None
    assert "๒" in dialog.pending_button.text(), dialog.pending_button.text()
    dialog.reject()
