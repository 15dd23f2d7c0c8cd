"""The office-report page after switching rounds (issue 13, tester's F0): the suggestions panel
describes the round shown, and a draft can still be accepted after switching back."""

from __future__ import annotations

from typing import Any

import pytest

from ui.common.wrapping import plain
from ui.office_report.page import OfficeReportPage

pytestmark = pytest.mark.usefixtures("styled_app")


@pytest.fixture
def page(office_report_page: Any) -> Any:
    return office_report_page("2569-2")


def _choose(page: OfficeReportPage, year: int, number: int) -> None:
    box = page.round_box
    box.setCurrentIndex(next(i for i in range(box.count()) if tuple(box.itemData(i)) == (year, number)))


def _panel_text(page: OfficeReportPage) -> str:
    from PySide6.QtWidgets import QLabel

    body = page.panel.widget()
    return " ".join(label.text() for label in body.findChildren(QLabel))


def test_switching_rounds_and_back_offers_the_rounds_drafts_again(qtbot: Any, page: OfficeReportPage) -> None:
    assert page.panel.use_buttons, "the demo's round 2 of 2569 has drafts"
    _choose(page, 2570, 1)  # no school has reported: the visits' drafts, and the panel says so (s33 V3)
    assert page.round == (2570, 1)
    assert "ยังไม่มีโรงเรียนใดส่งผลการประเมิน" in plain(_panel_text(page))
    assert "๒๕๗๐ รอบที่ ๑" in plain(_panel_text(page))  # in the window's digits, as the page around it (RETEST13 F0)
    _choose(page, 2569, 2)
    assert page.round == (2569, 2)
    assert "ยังไม่มีโรงเรียนใดส่งผลการประเมิน" not in plain(_panel_text(page))
    assert page.panel.use_buttons and all(button.isEnabled() for button in page.panel.use_buttons)
    before = len(page.workspace.office_texts.problems(2569, 2))
    page.panel.use_buttons[0].click()
    qtbot.waitUntil(lambda: len(page.workspace.office_texts.problems(2569, 2)) == before + 1, timeout=60000)
    assert page.problems.table.rowCount() == before + 1
