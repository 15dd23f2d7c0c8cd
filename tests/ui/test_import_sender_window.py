"""TEST31 T3 and T12 in the window: the card names the school or the supervisor that sent a file
(the computer's name a detail), counts new budget items as the budget tab shows them, and the result
does not call a school new in the batch "ปรับปรุง" under a later file."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from tests.laptops import CODE_A, NAME_A, Laptops, laptops, start_school, start_visit  # noqa: F401 (a fixture)
from ui.common.digits import shown
from ui.exchange.import_dialog import ImportPreviewDialog, ImportResultDialog

from .test_exchange_review import controller_of, open_window, wait_for_dialog

pytestmark = pytest.mark.usefixtures("styled_app")
VISITOR = "นางวิไล รักการสอน"
SHOTS = Path(os.environ.get("QSD_SHOTS", "")) if os.environ.get("QSD_SHOTS") else None


def _school_and_visit(laptops: Laptops) -> tuple[Path, Path]:  # noqa: F811
    school, supervisor = laptops("school-a"), laptops("supervisor")
    with school.open() as workspace:
        ids = start_school(workspace)
        items = [workspace.budget.add(ids["school"], 2569, "equipment", description=f"รายการที่ {n}", quantity=1,
                                      unit="ชุด", unit_price=1000) for n in range(4)]
        workspace.budget.remove(items[3].id)  # the school's budget tab shows 3
    school_file = school.export("school.qsx")
    supervisor.import_(school_file)
    with supervisor.open() as workspace:
        start_visit(workspace, ids["school"], visitor=VISITOR)
    return school_file, supervisor.export("visit.qsx", visitor=VISITOR)


def test_the_cards_name_the_school_and_the_supervisor(qtbot: Any, laptops: Laptops, tmp_path: Path) -> None:  # noqa: F811
    school_file, visit_file = _school_and_visit(laptops)
    window = open_window(qtbot, laptops("district"), tmp_path)
    controller = controller_of(window)
    controller.preview([school_file, visit_file])
    preview = wait_for_dialog(qtbot, controller, ImportPreviewDialog)
    preview.resize(1366, 768)
    school_card, visit_card = preview.card_for(school_file.name), preview.card_for(visit_file.name)
    school_words = f"{NAME_A} (รหัส {shown(CODE_A)})"
    assert school_card.signer_name.text().startswith(school_words), school_card.signer_name.text()
    assert visit_card.signer_name.text().startswith(f"ผู้นิเทศ {VISITOR}"), visit_card.signer_name.text()
    assert school_card.counts_shown()["คำขอรับการสนับสนุนงบประมาณ"]["ใหม่"] == shown("3")
    qtbot.wait(50)
    preview.grab().save(str((SHOTS or tmp_path) / "fx31c-preview.png"))
    preview.import_button.click()
    result = wait_for_dialog(qtbot, controller, ImportResultDialog)
    result.resize(900, 500)
    said = result.summary.text()
    assert "ปรับปรุง:" not in said, said  # the count above says ปรับปรุง ๐ โรงเรียน
    assert f"ข้อมูลเพิ่มเติมของ: {shown(CODE_A)} {NAME_A}" in said, said
    qtbot.wait(50)
    result.grab().save(str((SHOTS or tmp_path) / "fx31c-result.png"))
