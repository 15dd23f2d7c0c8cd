"""A budget cell saved while the database is busy (C14 item 10; issue 8's rule for typed text):
the school tab put the stored value back in the cell until a retry stored the change, so what the
person typed vanished from the screen while it was still waiting to be saved. The cell now keeps
what was typed, marked, with "ยังไม่ได้บันทึก" and the reason on the save line and in its tooltip;
a retry stores it. A value the core refuses (not a number) still shows what is stored. The office
page's approval cells keep the typed amount the same way."""

from __future__ import annotations

from typing import Any

import pytest

from qualityschool_desktop import storage
from qualityschool_desktop.budget import BudgetRequests
from qualityschool_desktop.errors import StorageError
from qualityschool_desktop.workspace import Workspace
from ui.budget.office_page import COL_APPROVED, BudgetOfficePage
from ui.common import save_state

from ..laptops import laptops  # noqa: F401 (a fixture)
from ..test_budget_approvals import requested_at_district
from .test_budget_pages import open_panel, sarabun  # noqa: F401 (sarabun is a fixture)

NOT_SAVED = "ยังไม่ได้บันทึก"


def busy(*_args: object, **_kwargs: object) -> None:
    raise StorageError(storage.BUSY, "busy")


@pytest.fixture(autouse=True)
def no_timed_retry(monkeypatch: pytest.MonkeyPatch) -> None:
    # The timer's own retries are not what these tests look at: the user's retry is.
    monkeypatch.setattr(save_state.Saver, "_schedule", lambda *_a, **_k: None, raising=False)


def test_a_cell_typed_while_the_database_is_busy_keeps_the_typed_text(
        qtbot: Any, memory_workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    school = memory_workspace.schools.add(code="6301000001", name="โรงเรียนทดสอบวิทยา")
    item = memory_workspace.budget.add(school.id, 2570, "equipment", description="เครื่องฉายภาพ", quantity=2,
                                       unit_price="25000")
    panel = open_panel(qtbot, memory_workspace, school.id)
    cell = panel.table.item(0, 2)
    with monkeypatch.context() as patch:
        patch.setattr(BudgetRequests, "update", busy)
        cell.setText("เครื่องฉายภาพ 4K")
        cell = panel.table.item(0, 2)
        assert cell.text() == "เครื่องฉายภาพ 4K"  # what was typed, not the stored value
        assert NOT_SAVED in cell.toolTip() and storage.BUSY in cell.toolTip()
        assert panel.save_line.text().startswith(NOT_SAVED) and "บันทึกแล้ว" not in panel.save_line.text()
        assert memory_workspace.budget.get(item.id).description == "เครื่องฉายภาพ"
    panel.save_line.retry_button.click()
    assert memory_workspace.budget.get(item.id).description == "เครื่องฉายภาพ 4K"
    cell = panel.table.item(0, 2)
    assert cell.text() == "เครื่องฉายภาพ 4K" and NOT_SAVED not in cell.toolTip()
    # A refusal is not a lock: the stored value comes back and the line says why.
    panel.table.item(0, 3).setText("สอง")
    assert panel.table.item(0, 3).text() == "๒" and NOT_SAVED in panel.save_line.text()


def test_an_approval_typed_while_the_database_is_busy_stays_typed(
        qtbot: Any, laptops: Any, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811 (a fixture)
    _school, district, item_id = requested_at_district(laptops)
    with district.open() as workspace:
        page = BudgetOfficePage(workspace)
        qtbot.addWidget(page)
        page.resize(1366, 768)
        page.show()
        page.refresh(2570)
        page.schools_table.selectRow(0)
        with monkeypatch.context() as patch:
            patch.setattr(BudgetRequests, "set_approval", busy)
            page.items_table.item(0, COL_APPROVED).setText("20,000")
            cell = page.items_table.item(0, COL_APPROVED)
            assert cell.text() == "20,000" and NOT_SAVED in cell.toolTip()
            assert page.save_line.text().startswith(NOT_SAVED)
            assert workspace.budget.approval(item_id) is None
        page.save_line.retry_button.click()
        approval = workspace.budget.approval(item_id)
        assert approval is not None and approval.approved_satang == 2_000_000
        cell = page.items_table.item(0, COL_APPROVED)
        assert cell.text() == "๒๐,๐๐๐" and NOT_SAVED not in cell.toolTip()
        page.close()
