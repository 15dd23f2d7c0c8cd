"""One digit style for every view (issue 11): มุมมอง › ตัวเลข switches the school list, the
assessment view, its results and the district page between Arabic and Thai digits at once, without
a restart; the choice is kept for the next start. The level keys 1–5 still set levels."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from qualityschool_desktop.workspace import Workspace
from ui.assessment.results_view import ResultsView
from ui.assessment.view import AssessmentView
from ui.common import digits
from ui.district.page import DistrictPage
from ui.schools.schools_page import COL_CODE, COL_LATEST, COL_SCORE, SchoolsPage
from ui.shell.api import Location
from ui.shell.main_window import MainWindow

from .keyboard import show_active

THAI = re.compile("[๐-๙]")
ARABIC = re.compile("[0-9]")


@pytest.fixture
def window(qtbot, memory_workspace: Workspace) -> MainWindow:  # type: ignore[no-untyped-def]
    ws = memory_workspace
    school = ws.schools.add(code="6301000001", name="โรงเรียนบ้านแม่สอด", district="แม่สอด", province="ตาก",
                            area_office="สพป.ตาก เขต 2", pupils=1250)
    assessment = ws.assessments.start(school.id, 2569, round=1)
    for item in ws.frameworks.latest().items:
        ws.answers.set_level(assessment.id, item.code, 4)
    ws.assessments.submit(assessment.id)
    draft = ws.assessments.start(school.id, 2569, round=2)
    for item in ws.frameworks.latest().items:
        ws.answers.set_level(draft.id, item.code, 3)
    for number in (1, 2):  # the district page offers the inspection rounds defined (issue 13)
        ws.inspection_rounds.define(2569, number)
    return show_active(qtbot, MainWindow(ws))


def texts(widget: QWidget) -> str:
    """Every label's text under ``widget`` (what a user reads, rich-text markup left out), one per line."""
    return re.sub("<[^>]+>", "", "\n".join(label.text() for label in widget.findChildren(QLabel) if label.isVisible()))


def choose(window: MainWindow, style: str) -> None:
    window.digit_menu.choices[style].trigger()  # มุมมอง › ตัวเลข › เลขไทย / เลขอารบิก
    QApplication.processEvents()


def school_list_cells(window: MainWindow) -> list[str]:
    page = window.stack.currentWidget()
    assert isinstance(page, SchoolsPage)
    return [str(page.proxy.index(0, column).data()) for column in (COL_CODE, COL_LATEST, COL_SCORE)]


def test_the_menu_offers_both_styles_and_thai_is_the_default(window: MainWindow) -> None:
    titles = [action.text() for action in window.menuBar().actions()]
    assert "มุมมอง" in titles
    assert window.digit_menu.menu.title() == "ตัวเลข"
    assert window.digit_menu.choices["thai"].isChecked()
    assert digits.style() == "thai"


def test_switching_changes_every_view_at_once(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    # The school list, at once, without leaving the page.
    assert school_list_cells(window) == ["๖๓๐๑๐๐๐๐๐๑", "๒๕๖๙ รอบ ๒", "๓.๐๐"]
    choose(window, "arabic")
    assert school_list_cells(window) == ["6301000001", "2569 รอบ 2", "3.00"]
    assert window.digit_menu.choices["arabic"].isChecked()

    ws = window.workspace
    round_2 = ws.assessments.for_school(ws.schools.by_code("6301000001").id)[0]
    window.resize(1366, 728)  # room for the round's label in the header (narrower, the breadcrumb says it)
    window.navigate(Location("assessment", round_2.id))
    view = window.stack.currentWidget()
    assert isinstance(view, AssessmentView)
    shown = texts(view)
    assert "ปีงบประมาณ 2569 รอบที่ 2" in shown and "ตอบแล้ว 74 จาก 74 ประเด็น" in shown
    assert not THAI.search(shown)
    choose(window, "thai")  # while the view is shown
    shown = texts(view)
    assert "ปีงบประมาณ ๒๕๖๙ รอบที่ ๒" in shown and "ตอบแล้ว ๗๔ จาก ๗๔ ประเด็น" in shown
    assert "ประเด็นที่ ๑ จาก ๗๔" in shown
    assert view.level_buttons()[4].text().startswith("ระดับ ๔")
    # The keys stay Arabic input: 5 sets level 5.
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_5)
    qtbot.waitUntil(lambda: view.level_buttons()[5].isChecked(), timeout=3000)

    window.navigate(Location("results", round_2.id))
    results = window.stack.currentWidget()
    assert isinstance(results, ResultsView)
    # Every number the view writes (the framework's official title keeps its own digits).
    assert not ARABIC.search(texts(results)), texts(results)
    assert results.table_row("1")["รอบก่อน"] == "๔.๐๐"
    choose(window, "arabic")
    assert "ปีงบประมาณ 2569 รอบที่ 2" in texts(results) and "ตอบครบ 74 ประเด็น" in texts(results)
    assert results.table_row("1")["รอบก่อน"] == "4.00"

    window.navigate(Location("district"))
    page = window.stack.currentWidget()
    assert isinstance(page, DistrictPage)
    qtbot.waitUntil(lambda: page.picture is not None, timeout=5000)
    assert page.year_combo.currentText() == "2569"
    assert not THAI.search(texts(page))
    choose(window, "thai")
    qtbot.waitUntil(lambda: page.year_combo.currentText() == "๒๕๖๙", timeout=5000)
    qtbot.waitUntil(lambda: not ARABIC.search(page.reported_label.text()), timeout=5000)


def test_the_choice_is_kept_for_the_next_start(qtbot, window: MainWindow, memory_workspace) -> None:  # type: ignore[no-untyped-def]
    choose(window, "arabic")
    digits._cache.clear()  # as a new process would: read from the settings file
    assert digits.style() == "arabic"
    again = show_active(qtbot, MainWindow(memory_workspace))
    assert again.digit_menu.choices["arabic"].isChecked()
    assert school_list_cells(again)[0] == "6301000001"


def test_a_visit_shown_follows_the_switch(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from ui.visits.view import VisitView

    ws = window.workspace
    school = ws.schools.by_code("6301000001")
    visit = ws.visits.start(school.id, visited_on=date(2026, 2, 3))
    ws.visits.set_level(visit.id, "1", 2)
    ws.visits.update(visit.id, start_time="09:30")
    window.navigate(Location("visit", visit.id))
    view = window.stack.currentWidget()
    assert isinstance(view, VisitView)
    # The date and time fields (ThaiDateEdit, ThaiTimeEdit) show the window's digits ...
    assert view.details.date_edit.text() == "๓ ก.พ. ๒๕๖๙"
    assert view.details.start_edit.text() == "๐๙:๓๐"
    assert window.breadcrumb_text().endswith("การนิเทศ ๓ ก.พ. ๒๕๖๙")
    choose(window, "arabic")
    assert window.breadcrumb_text().endswith("การนิเทศ 3 ก.พ. 2569")  # the breadcrumb too
    assert view.details.date_edit.text() == "3 ก.พ. 2569"
    assert view.details.start_edit.text() == "09:30"
    # ... and read either: a date typed in Thai digits is taken and shown in the chosen style.
    view.details.date_edit.line_edit.setText("๕/๒/๒๕๖๙")
    assert view.details.date_edit.commit()
    assert view.details.date_edit.text() == "5 ก.พ. 2569"
    qtbot.waitUntil(lambda: ws.visits.get(visit.id).visited_date == date(2026, 2, 5), timeout=5000)
    view.go_to_section("comparison")
    assert not THAI.search(view.comparison.summary.text())
    choose(window, "thai")
    assert not ARABIC.search(view.comparison.summary.text())


def test_the_new_round_dialog_and_round_details_show_dates_in_the_chosen_digits(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from ui.assessment.new_round_dialog import NewRoundDialog

    ws = window.workspace
    school = ws.schools.by_code("6301000001")
    dialog = NewRoundDialog(ws, school, window, today=date(2026, 2, 3))
    qtbot.addWidget(dialog)
    assert dialog.assessed_on.text() == "๓ ก.พ. ๒๕๖๙"
    assert dialog.round_info.text() == "ปีงบประมาณ ๒๕๖๙ มีรอบที่ ๒ แล้ว"
    choose(window, "arabic")
    assert dialog.assessed_on.text() == "3 ก.พ. 2569"
    dialog.reject()

    [draft_id] = [a.id for a in ws.assessments.for_school(school.id) if a.round == 2]
    ws.assessments.update_details(draft_id, assessed_on=date(2026, 2, 3))
    window.navigate(Location("assessment", draft_id))
    view = window.stack.currentWidget()
    assert isinstance(view, AssessmentView)
    assert view._details.date_edit.text() == "3 ก.พ. 2569"
    choose(window, "thai")
    assert view._details.date_edit.text() == "๓ ก.พ. ๒๕๖๙"
