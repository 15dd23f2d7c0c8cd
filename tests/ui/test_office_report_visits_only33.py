"""รายงานผลการตรวจราชการ for a round no school has reported yet (s33 V3): the period's confirmed
visits' points to develop and recommendations are offered all the same, the panel says precisely
what is missing (no school's self-assessment, so no good practice yet), and its labels never
break ปีงบประมาณ in the middle, at any width."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QTextLayout
from PySide6.QtWidgets import QLabel

from ui.common.wrapping import plain, unbroken
from ui.office_report.page import OfficeReportPage

pytestmark = pytest.mark.usefixtures("styled_app")


@pytest.fixture
def page(office_report_page: Any) -> Any:
    return office_report_page("2570-1")


def _texts(page: OfficeReportPage) -> list[str]:
    return [plain(label.text()) for label in page.panel.widget().findChildren(QLabel)]


def test_visits_suggestions_are_offered_before_any_school_reports(page: OfficeReportPage) -> None:
    assert page.round == (2570, 1)
    texts = " ".join(_texts(page))
    assert "ยังไม่มีข้อเสนอ" not in texts
    assert page.panel.use_buttons, texts  # the demo's final visits of the period wrote points to develop
    assert "ควรนิเทศภายในให้ครบทุกคน" in texts
    # what is missing, said precisely: no school's result, so nothing yet for the good practices
    assert "ยังไม่มีโรงเรียนใดส่งผลการประเมิน" in texts and "แบบอย่างที่ดี" in texts, texts


def _lines(text: str, label: QLabel, width: float) -> list[str]:
    layout = QTextLayout(text, label.font())
    layout.beginLayout()
    lines = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        lines.append(plain(text[line.textStart():line.textStart() + line.textLength()]))
    layout.endLayout()
    return lines


def test_a_wrapped_label_keeps_ปีงบประมาณ_and_เบิกจ่าย_whole(qtbot: Any) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    text = unbroken("ไม่มีโรงเรียนใดส่งผลการประเมินปีงบประมาณ ๒๕๗๐ รอบที่ ๑ งบประมาณตามแผนและการเบิกจ่ายจริง")
    for width in range(60, 400, 5):
        lines = _lines(text, label, width)
        for word in ("ปีงบประมาณ", "เบิกจ่ายจริง"):
            assert any(word in line for line in lines), (width, lines)
