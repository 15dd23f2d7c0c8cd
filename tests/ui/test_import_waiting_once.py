"""s33 exB T6 in the window: two district files carrying the same office verdict, imported together
at a laptop that has not bound the office's key: the verdict waits once; the result's button counts
the rows the pending list holds, the card of the later file says it waits already."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from qualityschool_desktop import exchange
from tests.laptops import CODE_A, Laptops, laptops  # noqa: F401 (a fixture)
from tests.test_review_offices import returned_at_district
from ui.exchange.import_dialog import ImportPreviewDialog, ImportResultDialog

from .test_exchange_review import controller_of, open_window, wait_for_dialog

pytestmark = pytest.mark.usefixtures("styled_app")
SHOTS = Path(os.environ.get("QSD_SHOTS", "")) if os.environ.get("QSD_SHOTS") else None


def test_the_same_waiting_verdict_in_two_files_is_counted_once(
        qtbot: Any, laptops: Laptops, tmp_path: Path) -> None:  # noqa: F811
    school, ids, district = returned_at_district(laptops)
    first = district.export("d1.qsx", school_codes=[CODE_A])
    school.import_(first)  # waits: the office key is not bound at the school
    second = district.export("d2.qsx", school_codes=[CODE_A])
    third = district.export("d3.qsx", school_codes=[CODE_A])
    window = open_window(qtbot, school, tmp_path)
    controller = controller_of(window)
    controller.preview([second, third])
    preview = wait_for_dialog(qtbot, controller, ImportPreviewDialog)
    preview.resize(1366, 768)
    card = preview.card_for(second.name)
    assert card.already_waiting is not None and "รอตรวจสอบอยู่แล้ว ๑ รายการ" in card.already_waiting.text()
    texts = [label.text() for label in card.findChildren(type(card.already_waiting))]
    assert not any("ยังไม่ได้ผูกเป็นกุญแจของสำนักงานที่ดูแลโรงเรียน" in text for text in texts), texts
    preview.grab().save(str((SHOTS or tmp_path) / "exB33-waiting-card.png"))
    preview.import_button.click()
    result = wait_for_dialog(qtbot, controller, ImportResultDialog)
    with school.open() as workspace:
        rows = len(exchange.list_pending(workspace))
    assert rows == 1
    assert result.pending_count == rows
    assert result.pending_button is not None and result.pending_button.text().endswith("(๑)")
    assert "รอตรวจสอบอยู่แล้ว ๑" in result.summary.text(), result.summary.text()
    result.grab().save(str((SHOTS or tmp_path) / "exB33-waiting-result.png"))
    result.close()
    window.close()
