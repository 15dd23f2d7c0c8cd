"""Through the main window on a file database: add a school, start a round, answer every item of
the framework through the assessment view's widgets, quit, start again on the same file, and
find every answer still there — in the database and on screen — and the results page scored."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLineEdit, QPlainTextEdit, QPushButton, QWidget

from qualityschool_desktop.scoring import score_assessment
from qualityschool_desktop.thai import format_score, thai_digits
from qualityschool_desktop.workspace import Workspace
from ui.assessment import strings as text
from ui.assessment.new_round_dialog import NewRoundDialog
from ui.assessment.results_view import ResultsView
from ui.assessment.view import AssessmentView
from ui.schools.school_dialog import SchoolDialog
from ui.shell.main_window import MainWindow

from .keyboard import show_active, type_text

NA_INDEX = 7  # the item answered "not applicable"
NA_REASON = "โรงเรียนไม่มีหอพักนักเรียน"


pytestmark = pytest.mark.usefixtures("styled_app")


def open_window(qtbot, path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(Workspace.open(path, create=True))
    window.resize(1366, 768)
    show_active(qtbot, window)
    return window


def button(widget: QWidget, caption: str) -> QPushButton:
    [found] = [b for b in widget.findChildren(QPushButton) if b.text() == caption and b.isVisible()]
    return found


def evidence_box(view: AssessmentView) -> QPlainTextEdit:
    [box] = [b for b in view.findChildren(QPlainTextEdit) if b.placeholderText() == text.EVIDENCE_PLACEHOLDER]
    return box


def na_widgets(view: AssessmentView) -> tuple[QCheckBox, QLineEdit]:
    [check] = [c for c in view.findChildren(QCheckBox) if c.text() == text.NOT_APPLICABLE]
    [reason] = [e for e in view.findChildren(QLineEdit) if e.placeholderText() == text.NA_REASON_PLACEHOLDER]
    return check, reason


def planned_level(index: int) -> int:
    return 1 + (index * 3) % 5  # every level used, spread across components


def planned_evidence(index: int, code: str) -> str | None:
    return f"หลักฐานประเด็น {code}: รายงานผลโครงการ ภาพถ่ายกิจกรรม" if index % 9 == 0 else None


def test_a_whole_assessment_survives_closing_the_app(qtbot, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, db_path)
    assert window.stack.currentWidget() is window.page("welcome")

    # Add the school from the welcome page.
    qtbot.mouseClick(window.page("welcome").add_button, Qt.MouseButton.LeftButton)
    dialog = window.active_dialog
    assert isinstance(dialog, SchoolDialog)
    type_text(dialog.code, "6301000001")
    type_text(dialog.name, "โรงเรียนบ้านแม่สอด")
    type_text(dialog.district, "แม่สอด")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.page("school")

    # Start this year's round; the window goes straight into it.
    qtbot.mouseClick(window.page("school").tab("rounds").new_button, Qt.MouseButton.LeftButton)
    dialog = window.active_dialog
    assert isinstance(dialog, NewRoundDialog)
    type_text(dialog.assessor, "นางสาวสมใจ ใฝ่ดี")
    year, round_ = dialog.year.value(), dialog.round.value()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    view = window.view
    assert isinstance(view, AssessmentView) and window.stack.currentWidget() is view
    assessment_id = view.assessment_id
    assert window.breadcrumb_text().endswith("รอบที่ ๑") and "โรงเรียนบ้านแม่สอด" in window.breadcrumb_text()

    framework = window.workspace.frameworks.latest()
    items = framework.items
    view.go_to(items[0].code)
    next_button = button(view, text.NEXT)
    for index, item in enumerate(items):
        assert view.current_item_code == item.code
        if index == NA_INDEX:
            check, reason = na_widgets(view)
            check.setFocus()
            qtbot.keyClick(check, Qt.Key.Key_Space)
            assert reason.isVisible()
            type_text(reason, NA_REASON)
        else:
            qtbot.mouseClick(view.level_buttons()[planned_level(index)], Qt.MouseButton.LeftButton)
        evidence = planned_evidence(index, item.code)
        if evidence:
            type_text(evidence_box(view), evidence)
        if index < len(items) - 1:
            qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)

    window.close()  # quitting ends the typing burst and closes the workspace
    assert window.workspace.db.conn is not None
    with pytest.raises(Exception):
        window.workspace.db.execute("SELECT 1")

    # -- the next day ------------------------------------------------------------------------
    window = open_window(qtbot, db_path)
    workspace = window.workspace
    assert window.stack.currentWidget() is window.page("schools")
    answers = workspace.answers.for_assessment(assessment_id)
    assert len(answers) == len(items)
    for index, item in enumerate(items):
        answer = answers[item.code]
        if index == NA_INDEX:
            assert answer.not_applicable and answer.level is None and answer.na_reason == NA_REASON
        else:
            assert answer.level == planned_level(index) and not answer.not_applicable
        assert answer.evidence == (planned_evidence(index, item.code) or "")
    # Typing bursts were turned into history when the window closed.
    assert not workspace.db.execute("SELECT count(*) FROM pending_edits").fetchone()[0]

    # Enter on the school, Enter on the round: the view shows what was answered.
    window.page("schools").table.setFocus()
    qtbot.keyClick(window.page("schools").table, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.page("school")
    assert window.page("school").tab("rounds").table.item(0, 5).text().startswith(thai_digits(f"{len(items)}/{len(items)}"))
    qtbot.keyClick(window.page("school").tab("rounds").table, Qt.Key.Key_Return)
    view = window.view
    assert isinstance(view, AssessmentView) and view.assessment_id == assessment_id
    for index, item in enumerate(items):
        view.go_to(item.code)
        check, reason = na_widgets(view)
        checked = [value for value, radio in view.level_buttons().items() if radio.isChecked()]
        if index == NA_INDEX:
            assert check.isChecked() and reason.text() == NA_REASON and checked == []
            assert view.tree_mark(item.code) == "not_applicable"
        else:
            assert checked == [planned_level(index)] and not check.isChecked()
            assert view.tree_mark(item.code) == "answered"
        assert evidence_box(view).toPlainText() == (planned_evidence(index, item.code) or "")

    # The results page: the overall score and the colour band, as scored by the core.
    qtbot.mouseClick(button(view, text.SHOW_RESULTS), Qt.MouseButton.LeftButton)
    results = window.view
    assert isinstance(results, ResultsView) and window.stack.currentWidget() is results
    expected = score_assessment(framework, answers)
    assert expected.complete and expected.band is not None
    assert workspace.assessments.result(assessment_id).overall == pytest.approx(expected.overall)
    assert results.table_row("overall")["รอบนี้"] == format_score(expected.overall, "thai")
    assert expected.band.name in results.band_chip().label
    assert window.breadcrumb_text().endswith("ผลการประเมิน")
    assert (year, round_) == (workspace.assessments.get(assessment_id).fiscal_year, 1)

    # Back leads to the assessment, and back again to the school with its round selected.
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert isinstance(window.view, AssessmentView)
    qtbot.mouseClick(button(window.view, text.BACK), Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.page("school")
    assert window.page("school").tab("rounds").selected_id() == assessment_id
