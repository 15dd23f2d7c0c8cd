"""TEST34C C5: two visits of one school on the same day were both "การนิเทศครั้งที่ ๑" and the second
did not list the first's open follow-ups (the second, with no start time typed, sorted first).
Visits are numbered by date, then by when each was recorded (one rule, the core's); a later
visit of the same day carries the earlier one's open follow-ups, and a new visit can say that
the school already has one that day."""

from __future__ import annotations

import time
from datetime import date

DAY = date(2026, 12, 3)


def _a_moment_later() -> None:
    """Visits recorded in one millisecond (the stamps' resolution) fall back on their random ids;
    a person cannot start two in one, a test can (a flake in s34's rehearsal)."""
    time.sleep(0.005)


def test_a_second_visit_the_same_day_is_the_second_and_carries_the_first(memory_workspace, school) -> None:
    ws = memory_workspace
    first = ws.visits.start(school.id, visited_on=DAY, start_time="09:30")
    reading = ws.follow_ups.add(first.id, "จัดทำแผนพัฒนาการอ่าน", owner="หัวหน้าวิชาการ")
    ws.visits.add_person(first.id, "visitor", "นางกานดา รักเรียน")
    ws.visits.finalise(first.id)
    _a_moment_later()
    second = ws.visits.start(school.id, visited_on=DAY)  # no start time typed (as the tester's)
    assert ws.follow_ups.earlier_visit_ids(second.id) == [first.id]
    assert [item.id for item in ws.follow_ups.open_before(second.id)] == [reading.id]
    assert ws.follow_ups.earlier_visit_ids(first.id) == []
    assert [visit.id for visit in ws.visits.for_school(school.id)] == [second.id, first.id]  # newest first
    # An earlier start time typed on the later record does not make it the first.
    ws.visits.update(second.id, start_time="08:00")
    assert ws.follow_ups.earlier_visit_ids(second.id) == [first.id]


def test_visits_of_a_day_are_told_before_a_new_one_starts(memory_workspace, school) -> None:
    ws = memory_workspace
    assert ws.visits.on_day(school.id, DAY) == []
    first = ws.visits.start(school.id, visited_on=DAY)
    ws.visits.start(school.id, visited_on=date(2026, 12, 2))
    assert [visit.id for visit in ws.visits.on_day(school.id, DAY)] == [first.id]


def test_the_second_visit_of_the_day_prints_as_the_second(memory_workspace, school) -> None:
    from qualityschool_desktop.reports.visit.data import gather

    ws = memory_workspace
    first = ws.visits.start(school.id, visited_on=DAY, start_time="09:30")
    _a_moment_later()
    second = ws.visits.start(school.id, visited_on=DAY)
    assert (gather(ws, first.id).previous_visits, gather(ws, second.id).previous_visits) == (0, 1)


def test_a_visit_cannot_move_past_the_due_day_of_a_follow_up_it_agreed(memory_workspace, school) -> None:
    """RETEST34 D6: a follow-up due before its visit was refused, yet moving the visit after the
    due day was kept without a word (the follow-up then due before its own visit)."""
    import pytest

    from qualityschool_desktop.errors import ValidationError

    ws = memory_workspace
    visit = ws.visits.start(school.id, visited_on=date(2026, 11, 1))
    ws.follow_ups.add(visit.id, "จัดทำแผนพัฒนาการอ่าน", due_on=date(2026, 11, 10))
    with pytest.raises(ValidationError, match="หลังกำหนดเสร็จ"):
        ws.visits.update(visit.id, visited_on=date(2026, 11, 20))
    assert ws.visits.get(visit.id).visited_on == "2026-11-01"
    ws.visits.update(visit.id, visited_on=date(2026, 11, 10))  # the due day itself is fine
    assert ws.visits.get(visit.id).visited_on == "2026-11-10"
