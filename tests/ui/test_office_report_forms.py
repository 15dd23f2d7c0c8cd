"""The office-report page follows the chosen round's form (issue 13, session 21's fresh tester:
round 1 showed round 2's 6.1-6.6 and printing it dropped typed text silently): its sections carry
the form's numbers and titles, parts the form has no place for are hidden, and typed text the
form does not print is shown with the reason; round 1 prints every 6.3 cell typed."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices

from qualityschool_desktop.inspection.texts import ProblemText
from qualityschool_desktop.workspace import Workspace
from tests.pdf_checks import needs_poppler, pdftotext
from ui.office_report.page import OfficeReportPage


@pytest.fixture
def workspace(demo_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: True)
    opened = Workspace.open(demo_copy)
    yield opened
    opened.close()


def _page(qtbot: Any, workspace: Workspace, round_id: str) -> OfficeReportPage:
    page = OfficeReportPage(workspace)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.refresh(round_id)
    return page


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_round_1_shows_round_1s_form(qtbot: Any, workspace: Workspace) -> None:
    page = _page(qtbot, workspace, "2569-1")
    assert page.round == (2569, 1)
    assert page.heading_of("situation").startswith("๑) การวิเคราะห์สถานการณ์ในพื้นที่")
    assert page.heading_of("narratives").startswith("๒) ผลการดำเนินการขับเคลื่อนนโยบายฯ")
    assert page.heading_of("problems") == "๓) ปัญหาอุปสรรค"
    assert page.heading_of("suggestions") == "๔) ข้อคิดเห็นและข้อเสนอแนะในภาพรวม"
    # Round 1's form has no model schools and no success factors: nothing to type there.
    assert not page.boxes["models"].isVisible() and not page.boxes["success_factors"].isVisible()
    assert not page.message.isVisible()
    # Round 2 again: its own form.
    box = page.round_box
    box.setCurrentIndex(next(i for i in range(box.count()) if tuple(box.itemData(i)) == (2569, 2)))
    assert page.round == (2569, 2)
    assert page.heading_of("situation").startswith("๖.๑ การวิเคราะห์สถานการณ์ในพื้นที่")
    assert page.heading_of("success_factors") == "๖.๔ ปัจจัยแห่งความสำเร็จ"
    assert page.boxes["models"].isVisible() and page.boxes["success_factors"].isVisible()


def test_typed_text_the_form_does_not_print_is_shown_with_the_reason(qtbot: Any, workspace: Workspace) -> None:
    # Typed for round 1 by `report summary --texts` (or while the round had another form).
    workspace.office_texts.set_text(2569, 1, "success_factors", "ผู้บริหารให้ความสำคัญ")
    page = _page(qtbot, workspace, "2569-1")
    box = page.boxes["success_factors"]
    assert box.isVisible() and "ไม่พิมพ์" in page.heading_of("success_factors")
    assert page.fields["success_factors"].toPlainText() == "ผู้บริหารให้ความสำคัญ"
    assert page.message.isVisible()
    assert "ปัจจัยแห่งความสำเร็จ" in page.message.text() and "ไม่พิมพ์ในรายงาน" in page.message.text()


@needs_poppler
def test_round_1_prints_every_cell_of_the_problems_typed(qtbot: Any, workspace: Workspace, tmp_path: Path) -> None:
    workspace.office_texts.add_problem(2569, 1, ProblemText("อาคารเรียนชำรุด", "ของบซ่อมแซม", "อาคารปลอดภัย"))
    workspace.office_texts.set_text(2569, 1, "office", "สำนักงานศึกษาธิการจังหวัดตาก")  # printing asks for it
    page = _page(qtbot, workspace, "2569-1")
    target = tmp_path / "round1.pdf"
    page.pdf._ask_target = lambda _suggested: (target, "thai")
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: target.exists() and not page.pdf.busy, timeout=60000)
    text = _flat(pdftotext(target, "-raw"))
    part = text[text.index(_flat("๓) ปัญหาอุปสรรค")):text.index(_flat("๔) ข้อคิดเห็น"))]
    for typed in ("๑. อาคารเรียนชำรุด", "ของบซ่อมแซม", "อาคารปลอดภัย"):
        assert _flat(typed) in part


@needs_poppler
def test_the_report_by_area_office_is_a_choice_of_the_window(qtbot: Any, workspace: Workspace, tmp_path: Path) -> None:
    workspace.office_texts.set_text(2569, 2, "office", "สำนักงานศึกษาธิการจังหวัดตาก")  # printing asks for it
    page = _page(qtbot, workspace, "2569-2")
    assert page.by_office.text() == "แยกตามสำนักงานเขตพื้นที่" and not page.by_office.isChecked()
    page.by_office.setChecked(True)
    suggested: list[str] = []
    target = tmp_path / "by-office.pdf"

    def ask(name: str) -> tuple[Path, str]:
        suggested.append(name)
        return target, "thai"

    page.pdf._ask_target = ask
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: target.exists() and not page.pdf.busy, timeout=60000)
    assert "แยกเขตพื้นที่" in suggested[0]
    text = _flat(pdftotext(target, "-raw"))
    assert _flat("สารบัญ") in text
    for number, office in (("๒", "สพป.ตาก เขต ๑"), ("๓", "สพป.ตาก เขต ๒"), ("๔", "สพม.ตาก")):
        assert _flat(f"ส่วนที่ {number} {office}") in text
    word = tmp_path / "by-office.docx"
    page.word._ask_target = lambda _name: (word, "thai")
    qtbot.mouseClick(page.word_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: word.exists() and not page.word.busy, timeout=60000)
    import docx

    headings = [p.text for p in docx.Document(str(word)).paragraphs if p.style.name == "Heading 1"]
    assert any(h.startswith("ส่วนที่ ๒") for h in headings)
