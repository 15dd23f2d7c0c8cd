"""The office-report page (issue 13 part 2): what the office types is saved as it types (the line
says saved only for what the database holds), a suggestion is printed only once accepted, and
"พิมพ์ PDF" / "บันทึกเป็น Word" print what was typed."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Callable

import pytest
import shiboken6
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QDesktopServices

from qualityschool_desktop.thai import arabic_digits
from qualityschool_desktop.workspace import Workspace
from tests.pdf_checks import needs_poppler, pdftotext
from tests.ui.keyboard import type_text
from ui.office_report.page import OfficeReportPage
from ui.shell.api import Location
from ui.shell.main_window import MainWindow


@pytest.fixture
def page(qtbot: Any, demo_copy: Path, monkeypatch: pytest.MonkeyPatch) -> OfficeReportPage:
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: True)  # no viewer in a test
    workspace = Workspace.open(demo_copy)
    workspace.office_texts.set_text(2569, 2, "office", "")  # the demo names its rounds' office: typed here
    widget = OfficeReportPage(workspace)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    widget.refresh("2569-2")
    yield widget
    widget.close()
    shiboken6.delete(widget)  # gone, so a later test's switch of digits does not redraw it over a closed database
    workspace.close()


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _print(qtbot: Any, page: OfficeReportPage, printer: Any, button: Any, target: Path) -> None:
    printer._ask_target = lambda _suggested: (target, "thai")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: target.exists() and not printer.busy, timeout=60000)


@needs_poppler
def test_typing_is_saved_and_printed(qtbot: Any, page: OfficeReportPage, tmp_path: Path) -> None:
    assert page.round == (2569, 2)
    office = page.fields["office"]
    office.setFocus()
    type_text(office, "สำนักงานศึกษาธิการจังหวัดตาก")
    situation = page.fields["suggestions"]
    situation.setFocus()
    type_text(situation, "ควรขยายผลการนิเทศแบบกัลยาณมิตร")
    # Saved as typed: the line says so, and the database holds it.
    assert page.save_line.text().startswith("บันทึกแล้ว")
    stored = page.workspace.office_texts.texts(2569, 2)
    assert stored.office == "สำนักงานศึกษาธิการจังหวัดตาก"
    assert stored.suggestions == "ควรขยายผลการนิเทศแบบกัลยาณมิตร"
    target = tmp_path / "report.pdf"
    _print(qtbot, page, page.pdf, page.pdf_button, target)
    text = _flat(pdftotext(target, "-raw"))
    assert "สำนักงานศึกษาธิการจังหวัดตาก" in text and "ควรขยายผลการนิเทศแบบกัลยาณมิตร" in text
    word = tmp_path / "report.docx"
    _print(qtbot, page, page.word, page.word_button, word)
    import docx

    body = "\n".join(p.text for p in docx.Document(str(word)).paragraphs)
    assert "ควรขยายผลการนิเทศแบบกัลยาณมิตร" in body


def test_a_suggestion_is_the_office_s_only_once_accepted(qtbot: Any, page: OfficeReportPage) -> None:
    assert page.workspace.office_texts.problems(2569, 2) == []
    assert page.panel.use_buttons, "the demo's visits give suggestions"
    qtbot.mouseClick(page.panel.use_buttons[0], Qt.MouseButton.LeftButton)
    rows = page.workspace.office_texts.problems(2569, 2)
    # One problem the visits found, with the recommendations written with it (not a component's lump).
    assert len(rows) == 1 and len(rows[0].problem.splitlines()) == 1 and rows[0].solution
    assert page.problems.table.rowCount() == 1
    assert page.problems.table.item(0, 0).text() == rows[0].problem
    # The cell edited by keyboard is saved when its editor closes.
    page.problems.table.item(0, 2).setText("โรงเรียนมีระบบป้องกันอัคคีภัยครบ")
    assert page.workspace.office_texts.problems(2569, 2)[0].expected == "โรงเรียนมีระบบป้องกันอัคคีภัยครบ"


def test_a_suggestion_is_accepted_in_the_digits_the_window_shows(qtbot: Any, page: OfficeReportPage,
                                                                thai_digits_after: None) -> None:
    """RETEST13 F12, decided: an accepted suggestion is the office's text and prints as stored (as
    anything it typed), so it is written in the digits the window shows when the office accepts it;
    switching the digits afterwards redraws the suggestions, not the office's rows."""
    from ui.common import digits

    digits.set_style("arabic")
    counted = [row for row in page.panel.problems if row.problem.endswith("โรงเรียน)")]
    assert counted and all(re.search(r"\([0-9]+ โรงเรียน\)$", row.problem) for row in counted)
    page.rows.accept(counted[0])
    stored = page.workspace.office_texts.problems(2569, 2)[0].problem
    assert stored == counted[0].problem
    digits.set_style("thai")
    assert page.workspace.office_texts.problems(2569, 2)[0].problem == stored  # the office's text as accepted
    assert page.problems.table.item(0, 0).text() == stored
    # TEST26a F1: accepted is accepted whatever the digits: not offered again in Thai digits.
    assert arabic_digits(stored) not in [arabic_digits(row.problem) for row in page.panel.problems]
    # The tables' row numbers follow the window's digits too (RETEST13 N5: "1", "15…18").
    assert page.problems.table.verticalHeaderItem(0).text() == "๑"
    assert page.models.table.verticalHeaderItem(14).text() == "๑๕"
    assert all(re.search(r"\([๐-๙]+ โรงเรียน\)$", row.problem) for row in page.panel.problems
               if row.problem.endswith("โรงเรียน)"))


def test_model_school_ticked_with_a_reason(qtbot: Any, page: OfficeReportPage) -> None:
    table = page.models.table
    table.item(0, 3).setText("ต้นแบบด้านการอ่าน")
    table.item(0, 0).setCheckState(Qt.CheckState.Checked)
    (model,) = page.workspace.office_texts.models(2569, 2)
    assert model.reason == "ต้นแบบด้านการอ่าน"
    table.item(0, 0).setCheckState(Qt.CheckState.Unchecked)
    assert page.workspace.office_texts.models(2569, 2) == []


def test_reached_from_the_menu(qtbot: Any, demo_window: Callable[[QSize | None], MainWindow]) -> None:
    window = demo_window(None)
    action = window.features["office_report"].action
    assert action.shortcut().toString() == "Ctrl+Shift+R"
    action.trigger()
    assert window.location == Location("office_report")
    assert isinstance(window.stack.currentWidget(), OfficeReportPage) or window.page("office_report") is not None



@pytest.mark.parametrize("size", [(1366, 768), (894, 445)], ids=["1366x768", "150 percent"])
def test_the_long_component_names_of_6_2_wrap(qtbot: Any, page: OfficeReportPage,
                                               size: tuple[int, int]) -> None:
    """6.2 1)'s component names (long ones: "ด้านที่ ๑ ด้านโครงสร้างพื้นฐานและระบบสนับสนุนผู้เรียน")
    read whole at 1366x768 and at 150 %: each over its box, as wide as the box, wrapped when it
    needs more lines, and its box as wide as the section."""
    from PySide6.QtWidgets import QLabel, QPlainTextEdit

    page.resize(*size)
    qtbot.wait(50)
    box = page.narratives_box
    labels = [label for label in box.findChildren(QLabel) if label.text().startswith("ด้านที่")]
    editors = box.findChildren(QPlainTextEdit)
    assert len(labels) == len(editors) == 5
    room = box.contentsRect().width() - 40
    for label, editor in zip(labels, editors):
        assert label.wordWrap()
        assert label.heightForWidth(label.width()) <= label.height() + 1, label.text()  # every line shows
        assert label.geometry().bottom() <= editor.geometry().top(), label.text()  # over its box, not beside
        assert label.width() >= room and editor.width() >= room, (label.text(), label.width(), editor.width(), room)
    # At 150 % the long name does not fit one line: it wraps rather than being cut.
    if size[0] < 1000:
        longest = max(labels, key=lambda label: len(label.text()))
        assert longest.height() >= 2 * longest.fontMetrics().height() or \
            longest.fontMetrics().horizontalAdvance(longest.text()) <= longest.width()
