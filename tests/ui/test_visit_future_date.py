"""A visit day typed a year ahead (2570 for 2569) is asked about before it is kept (TEST34C C7)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from qualityschool_desktop import clock
from qualityschool_desktop.workspace import Workspace
from tests.ui.keyboard import show_active
from tests.ui.test_date_fields import type_into
from ui.visits import view as view_module
from ui.visits.view import VisitView

pytestmark = pytest.mark.usefixtures("styled_app")


def test_a_visit_day_a_year_ahead_is_asked_about_and_kept_only_when_meant(
        qtbot, memory_workspace: Workspace, school, monkeypatch) -> None:
    ws = memory_workspace
    today = clock.today()
    visit = ws.visits.start(school.id, visited_on=today)
    view = show_active(qtbot, VisitView(ws, visit.id))
    asked: list[str] = []
    answer = {"yes": False}

    def ask(_parent, _title, question, *_args, **_kwargs) -> bool:  # type: ignore[no-untyped-def]
        asked.append(question)
        return answer["yes"]

    monkeypatch.setattr(view_module, "ask_yes_no", ask)
    a_year_on = today.replace(year=today.year + 1) if not (today.month == 2 and today.day == 29) else today + timedelta(366)
    type_into(qtbot, view.details.date_edit, f"{a_year_on.day}/{a_year_on.month}/{a_year_on.year + 543}")
    assert len(asked) == 1 and "อยู่ในอนาคต" in asked[0] and "ถูกต้องหรือไม่" in asked[0]
    assert ws.visits.get(visit.id).visited_date == today  # "no": the day stays as it was
    assert view.details.date_edit.date() == today

    answer["yes"] = True
    type_into(qtbot, view.details.date_edit, f"{a_year_on.day}/{a_year_on.month}/{a_year_on.year + 543}")
    assert ws.visits.get(visit.id).visited_date == a_year_on  # meant: a planned visit is kept

    asked.clear()
    tomorrow = today + timedelta(days=1)
    type_into(qtbot, view.details.date_edit, f"{tomorrow.day}/{tomorrow.month}/{tomorrow.year + 543}")
    assert asked == [] and ws.visits.get(visit.id).visited_date == tomorrow
