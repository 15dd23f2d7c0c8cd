"""Issue 11 (tester 11b, finding 13): a laptop whose clock is set to the Buddhist-Era year (the
clock says 2569 where it should say 2026) makes every stamp and today's date 543 years off. The
core refuses them as before, and the message says what is most likely wrong: the clock's year is
พ.ศ. where it must be ค.ศ."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from qualityschool_desktop import clock, validation
from qualityschool_desktop.errors import ValidationError
from qualityschool_desktop.workspace import Workspace

HINT = "นาฬิกาของเครื่องน่าจะตั้งปีเป็น พ.ศ. แทน ค.ศ."


def test_a_clock_set_to_the_be_year_is_named_when_saving(memory_workspace: Workspace,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    school = memory_workspace.schools.add(code="6302000001", name="โรงเรียนบ้านตาก")
    monkeypatch.setattr(clock, "_offset", datetime(2569, 11, 30, 10) - datetime.now())
    with pytest.raises(ValidationError, match=HINT):
        memory_workspace.schools.update(school.id, name="โรงเรียนบ้านตากใหม่")
    with pytest.raises(ValidationError, match=HINT):
        memory_workspace.schools.add(code="6302000002", name="โรงเรียนบ้านแม่สอด")
    assert memory_workspace.schools.get(school.id).name == "โรงเรียนบ้านตาก"


def test_the_rules_name_it_for_stamps_and_dates_and_only_for_such_years() -> None:
    stamp = validation.RULES["schools"]["created_at"]
    assert HINT in (stamp.problem("2569-11-30T10:00:00.000Z") or "")
    assert HINT not in (stamp.problem("9999-11-30T10:00:00.000Z") or "")
    day = validation.date()
    assert HINT in (day.problem("2569-11-30") or "")
    assert HINT not in (day.problem("1900-01-01") or "")
    assert clock.be_year_hint(date(2569, 11, 30).year) and not clock.be_year_hint(2026)


def test_the_clock_module_keeps_the_years_the_rules_keep() -> None:
    assert clock.be_year_hint(validation.MIN_YEAR_BE) and clock.be_year_hint(validation.MAX_YEAR_BE)
    assert not clock.be_year_hint(validation.MIN_YEAR_BE - 1) and not clock.be_year_hint(validation.MAX_YEAR_BE + 1)


def test_a_year_range_reads_in_one_digit_style_without_commas() -> None:
    """Issue 11 (tester 11b, finding 8, core side): "พ.ศ. ๒,๕๐๐ ถึง ๒,๗๐๐ (ปี ค.ศ. 1957–2157)"."""
    import re

    for problem in (validation.date().problem("1900-01-01"), validation.RULES["assessments"]["fiscal_year"].problem(3000),
                    validation.RULES["schools"]["created_at"].problem("9999-01-01T00:00:00.000Z")):
        assert problem and "," not in problem and not re.search("[0-9]", problem), problem
        assert "๒๕๐๐" in problem and "๒๗๐๐" in problem
