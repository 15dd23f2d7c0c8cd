"""The visit view says which of the school's results it compares, and a confirmed visit keeps the
results it was signed against after the school changes its round (TEST34C C11)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from qualityschool_desktop import clock
from qualityschool_desktop.workspace import Workspace
from tests.ui.keyboard import show_active
from ui.visits.view import VisitView

pytestmark = pytest.mark.usefixtures("styled_app")


def test_a_confirmed_visit_shows_the_signed_results_and_says_the_school_changed_them(
        qtbot, memory_workspace: Workspace, school, monkeypatch) -> None:
    ws = memory_workspace
    assessment = ws.assessments.start(school.id, 2569, assessed_on=date(2026, 1, 10))
    for item in ws.frameworks.latest().items:
        ws.answers.set_level(assessment.id, item.code, 3)
    ws.assessments.submit(assessment.id)
    visit = ws.visits.start(school.id, visited_on=date(2026, 2, 3))
    ws.visits.set_level(visit.id, "1", 3)
    ws.visits.add_person(visit.id, "visitor", "นางกานดา รักเรียน")  # confirming needs a visitor (C4)
    ws.visits.finalise(visit.id)
    monkeypatch.setattr(clock, "_offset", timedelta(days=3))
    ws.assessments.reopen(assessment.id)
    for item in ws.frameworks.latest().items:
        if item.component_code == "1":
            ws.answers.set_level(assessment.id, item.code, 5)
    ws.assessments.submit(assessment.id)

    view = VisitView(ws, visit.id)
    view.resize(1366, 768)
    show_active(qtbot, view)
    view.go_to_section("comparison")
    assert view.comparison.row_texts("1")[1:4] == ["๓.๐๐", "๓.๐๐", "๐.๐๐"]
    basis = view.comparison.basis_label.text()
    assert "ผลการประเมินตนเองของโรงเรียน ณ วันที่" in basis
    assert "โรงเรียนแก้ผลการประเมินตนเองหลังยืนยันบันทึกนี้: ผลล่าสุด องค์ประกอบที่ ๑ ๕.๐๐" in basis
    assert view.comparison.basis_label.isVisible()

    # Reopened: a draft compares with the school's current results.
    monkeypatch.setattr("ui.visits.reopen_dialog.ask_reopen", lambda _view, _team: ("เพิ่มข้อค้นพบ", ""))
    view.reopen()
    qtbot.waitUntil(lambda: not ws.visits.get(visit.id).is_final)
    qtbot.waitUntil(lambda: view.comparison.row_texts("1")[1] == "๕.๐๐")
    assert "หลังยืนยันบันทึก" not in view.comparison.basis_label.text()
