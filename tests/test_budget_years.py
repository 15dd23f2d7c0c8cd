"""The fiscal years the budget tab offers (try14e finding f07): a laptop whose clock says 2015 (a
flat CMOS battery) offered only 2559/2558, so a school could not reach the years of its own plan.
The years of the school's items and plans are offered too, and a date before the checklist the
program carries is said to look wrong."""

from __future__ import annotations

from datetime import date

from qualityschool_desktop.budget.years import year_choice
from qualityschool_desktop.workspace import Workspace


def _school(workspace: Workspace) -> str:
    return workspace.schools.add(code="1063000001", name="โรงเรียนทดสอบ", area_office="สพป.ตาก เขต 1").id


def test_a_right_clock_offers_this_year_and_next_with_no_note(memory_workspace: Workspace) -> None:
    choice = year_choice(memory_workspace, _school(memory_workspace), date(2026, 11, 23))
    assert choice.years == (2571, 2570) and choice.default == 2571 and choice.clock_note == ""


def test_a_clock_in_2015_offers_the_checklist_s_years_and_says_the_date_looks_wrong(
        memory_workspace: Workspace) -> None:
    choice = year_choice(memory_workspace, _school(memory_workspace), date(2015, 6, 1))
    assert 2558 not in choice.years and 2559 not in choice.years
    assert choice.default >= 2568 and choice.default in choice.years  # after the checklist's year (2567)
    assert "วันที่ของเครื่อง" in choice.clock_note and "๒๕๕๘" in choice.clock_note  # 1 June 2015: BE 2558


def test_the_years_of_the_school_s_plans_and_items_are_offered(memory_workspace: Workspace) -> None:
    school = _school(memory_workspace)
    memory_workspace.plans.create(school, 2570, 2572, title="แผนพัฒนาคุณภาพการศึกษา")
    memory_workspace.budget.add(school, 2574, "equipment", description="เครื่องฉายภาพ")
    choice = year_choice(memory_workspace, school, date(2015, 6, 1))
    assert {2570, 2571, 2572, 2574} <= set(choice.years) and choice.default == 2574
    assert choice.years == tuple(sorted(choice.years, reverse=True))
    right = year_choice(memory_workspace, school, date(2026, 11, 23))
    assert {2570, 2571, 2572, 2574} <= set(right.years) and right.clock_note == ""


def test_a_clock_far_ahead_says_so_and_offers_the_school_s_years(memory_workspace: Workspace) -> None:
    """try14 F15: a laptop at 1 March 2045 filed a typed item under FY 2589 without a word."""
    school = _school(memory_workspace)
    memory_workspace.budget.add(school, 2571, "equipment", description="โต๊ะเรียน", quantity=1, unit="ชุด",
                                unit_price="1,000")
    choice = year_choice(memory_workspace, school, date(2045, 3, 1))
    assert "วันที่ของเครื่อง" in choice.clock_note and "๒๕๘๘" in choice.clock_note  # BE 2588
    assert 2588 not in choice.years and 2589 not in choice.years
    assert choice.default == 2571
    near = year_choice(memory_workspace, school, date(2030, 3, 1))  # five years on: a clock that may be right
    assert near.clock_note == "" and 2574 in near.years
