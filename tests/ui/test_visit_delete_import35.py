"""TEST35 T1 in the window: a visit its maker deleted arrives at the district with a word, as a
reopen does: the file's card says "บันทึกการนิเทศที่ผู้บันทึกลบ ๑ รายการ" with the school and the
day, and the result after the import says it again."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from qualityschool_desktop.exchange import apply_import, export_file, preview_import
from qualityschool_desktop.paths import DATA_DIR_ENV
from qualityschool_desktop.workspace import Workspace

pytestmark = pytest.mark.usefixtures("styled_app")  # the real fonts, for the pictures


def test_the_districts_file_card_and_result_name_a_visit_the_maker_deleted(qtbot, tmp_path, monkeypatch) -> None:
    from ui.exchange.controller import ApplyOutcome
    from ui.exchange.file_card import FileCard, FileCheck
    from ui.exchange.import_dialog import ImportResultDialog

    def act_as(name: str) -> None:
        folder = tmp_path / f"{name}-data"
        folder.mkdir(exist_ok=True)
        monkeypatch.setenv(DATA_DIR_ENV, str(folder))

    act_as("supervisor")
    with Workspace.open(tmp_path / "s.sqlite3", create=True, installation=str(uuid.UUID(int=0x5A))) as laptop:
        school = laptop.schools.add(code="6301000001", name="โรงเรียนบ้านทดสอบ", district="เมืองตาก", province="ตาก")
        kept = laptop.visits.start(school.id, visited_on=date(2026, 11, 20))
        mistake = laptop.visits.start(school.id, visited_on=date(2026, 12, 3), purpose="Visit C to delete")
        first = export_file(laptop, tmp_path / "withC.qsx").path
        laptop.visits.delete(mistake.id)
        second = export_file(laptop, tmp_path / "delC.qsx").path
    act_as("district")
    with Workspace.open(tmp_path / "d.sqlite3", create=True, installation=str(uuid.UUID(int=0xD1))) as district:
        apply_import(district, first)
        preview = preview_import(district, second)
        result = apply_import(district, second)
        assert [v.id for v in district.visits.for_school(school.id)] == [kept.id]
    card = FileCard(FileCheck(second, preview=preview), lambda _card: None, lambda _card, _codes: None)
    qtbot.addWidget(card)
    assert card.removed_list is not None and card.removed_heading is not None
    assert card.removed_heading.text() == "บันทึกการนิเทศที่ผู้บันทึกลบ ๑ รายการ"
    assert "โรงเรียนบ้านทดสอบ วันที่ ๓ ธ.ค. ๒๕๖๙" in card.removed_list.text()
    card.resize(1100, card.sizeHint().height())
    card.grab().save("/tmp/visits35b/card_removed.png")

    dialog = ImportResultDialog(ApplyOutcome(results=[(second, result)]), 1)
    qtbot.addWidget(dialog)
    said = dialog.summary.text()
    assert "บันทึกการนิเทศที่ผู้บันทึกลบ ๑ รายการ: โรงเรียนบ้านทดสอบ วันที่ ๓ ธ.ค. ๒๕๖๙" in said
    dialog.resize(900, 600)
    dialog.grab().save("/tmp/visits35b/result_removed.png")
