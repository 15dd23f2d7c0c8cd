"""Dates a supervisor types on a visit: a follow-up cannot be due before the visit that agreed it
(TEST34C C13), and a visit day far in the future (a year typed wrong) is worth a question (C7)."""

from __future__ import annotations

from datetime import date

import pytest

from qualityschool_desktop.errors import ValidationError
from qualityschool_desktop.visit_dates import DAYS_AHEAD_ASKED, future_question


def test_a_follow_up_due_before_its_visit_is_refused_saying_why(memory_workspace, school) -> None:
    ws = memory_workspace
    visit = ws.visits.start(school.id, visited_on=date(2026, 12, 3))
    with pytest.raises(ValidationError, match="กำหนดเสร็จ ๑ ม.ค. ๒๕๖๙ ก่อนวันนิเทศ ๓ ธ.ค. ๒๕๖๙"):
        ws.follow_ups.add(visit.id, "จัดมุมอ่าน", due_on=date(2026, 1, 1))
    assert ws.follow_ups.agreed_in(visit.id) == []
    agreed = ws.follow_ups.add(visit.id, "จัดมุมอ่าน", due_on=date(2026, 12, 3))  # the same day is fine
    with pytest.raises(ValidationError, match="ก่อนวันนิเทศ"):
        ws.follow_ups.update(agreed.id, due_on=date(2026, 12, 2))
    assert ws.follow_ups.get(agreed.id).due_on == "2026-12-03"
    assert ws.follow_ups.update(agreed.id, due_on=None).due_on == ""


def test_a_visit_day_well_ahead_of_today_is_asked_about() -> None:
    today = date(2026, 12, 3)
    assert future_question(date(2026, 12, 3), today) is None
    assert future_question(date(2026, 12, 3 + DAYS_AHEAD_ASKED), today) is None  # a visit planned this week
    question = future_question(date(2027, 12, 3), today)
    assert question is not None and "๓ ธ.ค. ๒๕๗๐" in question and "๓ ธ.ค. ๒๕๖๙" in question
    assert "ถูกต้องหรือไม่" in question
