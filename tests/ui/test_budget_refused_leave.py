"""The office's budget page with an approval the rules refuse still typed in its cell (TEST31b U8):
leaving asks, as the README promises ("leaving with a refused value asks") and as the projects
editor does; the refusal's example amount is in the page's digits ("เช่น ๑,๒๕๐.๕๐" on a Thai-digit
page, not "1,250.50")."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest

from qualityschool_desktop.workspace import Workspace
from ui.budget.office_page import COL_APPROVED, BudgetOfficePage
from ui.common import save_state


@pytest.fixture
def page(qtbot: Any, demo_copy: Path) -> Iterator[BudgetOfficePage]:
    """The office's page on the demo (an office's laptop), the first school's items shown."""
    workspace = Workspace.open(demo_copy)
    page = BudgetOfficePage(workspace)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.refresh(None)
    page.schools_table.selectRow(0)
    yield page
    page.close()
    workspace.close()


def test_leaving_with_a_refused_approval_typed_asks(page: BudgetOfficePage, monkeypatch: pytest.MonkeyPatch) -> None:
    assert page.confirm_leave()  # nothing typed: leaves without a question
    page.items_table.item(0, COL_APPROVED).setText("999,999,999")  # more than the school asked
    assert "ยังไม่ได้บันทึก" in page.save_line.text()
    asked: list[str] = []
    monkeypatch.setattr(save_state, "ask_unsaved", lambda _parent, message, **_k: asked.append(message) or "stay")
    assert not page.confirm_leave() and len(asked) == 1 and "มากกว่าที่โรงเรียนขอ" in asked[0]
    assert page.items_table.item(0, COL_APPROVED).text() == "999,999,999"  # staying keeps what was typed
    monkeypatch.setattr(save_state, "ask_unsaved", lambda _parent, message, **_k: asked.append(message) or "discard")
    assert page.confirm_leave() and len(asked) == 2
    assert page.confirm_leave() and len(asked) == 2  # let go: nothing waits any more


def test_the_refusal_s_example_amount_is_in_the_page_s_digits(page: BudgetOfficePage) -> None:
    page.items_table.item(0, COL_APPROVED).setText("หนึ่งพัน")
    said = page.save_line.text()
    assert "ยังไม่ได้บันทึก" in said and "เช่น ๑,๒๕๐.๕๐" in said and "1,250.50" not in said


def test_the_leave_question_counts_in_the_page_s_digits(page: BudgetOfficePage, monkeypatch: pytest.MonkeyPatch) -> None:
    """VERIFY31 V2: "มีการแก้ไข 1 รายการ" printed an Arabic 1 on a Thai-digit page."""
    page.items_table.item(0, COL_APPROVED).setText("999,999,999")
    asked: list[str] = []
    monkeypatch.setattr(save_state, "ask_unsaved", lambda _parent, message, **_k: asked.append(message) or "stay")
    assert not page.confirm_leave()
    assert "มีการแก้ไข ๑ รายการ" in asked[0] and "มีการแก้ไข 1 รายการ" not in asked[0]
