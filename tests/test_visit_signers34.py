"""TEST34C C4: a visit could be confirmed ("ลงนามแล้ว") with nobody in คณะนิเทศ, so its print had no
line for a supervisor to sign and nothing said whose visit it was. Confirming needs at least one
visitor's name; the core holds the rule (the window asks it) and says in Thai what is missing."""

from __future__ import annotations

from datetime import date

import pytest

from qualityschool_desktop.errors import ValidationError


def test_confirming_needs_a_visitor_named(memory_workspace, school) -> None:
    visits = memory_workspace.visits
    visit = visits.start(school.id, visited_on=date(2026, 12, 3))
    visits.add_person(visit.id, "school", "นางสมศรี ใจดี", "ผู้อำนวยการ")
    blank = visits.add_person(visit.id, "visitor", "   ")
    assert "คณะนิเทศ" in visits.why_not_final(visit.id)
    with pytest.raises(ValidationError, match="คณะนิเทศ") as refused:
        visits.finalise(visit.id)
    assert "ผู้นิเทศ" in str(refused.value)
    assert not visits.get(visit.id).is_final
    visits.update_person(blank.id, name="นางกานดา รักเรียน")
    assert visits.why_not_final(visit.id) == ""
    assert visits.finalise(visit.id).is_final


def test_a_removed_visitor_does_not_count(memory_workspace, school) -> None:
    visits = memory_workspace.visits
    visit = visits.start(school.id, visited_on=date(2026, 12, 3))
    visits.remove_person(visits.add_person(visit.id, "visitor", "นายวิชัย นิเทศดี").id)
    with pytest.raises(ValidationError, match="คณะนิเทศ"):
        visits.finalise(visit.id)
