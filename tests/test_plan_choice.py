"""One plan per span of years (TEST14e finding f02): a second plan for years a plan already covers is
refused in Thai (naming it, so the window can open it), an empty plan can be removed and brought
back, and ``report plan --year`` prints the plan of that year with content, or names the choices."""

from __future__ import annotations

import io
import pytest

from qualityschool_desktop import cli
from qualityschool_desktop.errors import ValidationError
from qualityschool_desktop.ids import new_id
from qualityschool_desktop.plans.spans import PlanOverlapError
from qualityschool_desktop.workspace import Workspace

from .laptops import CODE_A, start_school


def test_a_second_plan_for_covered_years_is_refused_naming_the_plan_there(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with Workspace.open(tmp_path / "s.sqlite3", create=True) as workspace:
        school = start_school(workspace)["school"]
        plan = workspace.plans.create(school, 2570, 2571, title="แผนพัฒนา ๒๕๗๐–๒๕๗๑")
        with pytest.raises(PlanOverlapError) as refused:
            workspace.plans.create(school, 2570)
        assert refused.value.plan_id == plan.id
        assert "๒๕๗๐–๒๕๗๑" in str(refused.value) and "แผนพัฒนา ๒๕๗๐–๒๕๗๑" in str(refused.value)
        assert [p.id for p in workspace.plans.for_school(school)] == [plan.id]  # nothing written
        with pytest.raises(PlanOverlapError):  # nor by moving another plan's years onto it
            workspace.plans.update_plan(workspace.plans.create(school, 2572).id, first_year=2571)
        assert workspace.plans.create(school, 2573).first_year == 2573  # the years after: fine


def test_an_empty_plan_can_be_removed_and_brought_back_but_not_one_with_content(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with Workspace.open(tmp_path / "s.sqlite3", create=True) as workspace:
        school = start_school(workspace)["school"]
        full = workspace.plans.create(school, 2570)
        workspace.plans.add_goal(full.id, "1", "ครูจัดการเรียนรู้เชิงรุก")
        empty = workspace.plans.create(school, 2571)
        workspace.plans.remove("plans", empty.id)
        assert [p.id for p in workspace.plans.for_school(school)] == [full.id]
        workspace.plans.restore("plans", empty.id)
        assert {p.id for p in workspace.plans.for_school(school)} == {full.id, empty.id}
        with pytest.raises(ValidationError, match="ลบได้เฉพาะแผนที่ยังไม่มี"):
            workspace.plans.remove("plans", full.id)
        assert len(workspace.plans.for_school(school)) == 2


def report(db, year: int, *extra: str) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(cli.parse(["report", "plan", "--db", str(db), "--school", CODE_A, "--year", str(year),
                              "--out", str(db.parent / "plan.pdf"), *extra]), out=out, err=err)
    return int(code or 0), out.getvalue() + err.getvalue()


def overlapping_plan(workspace: Workspace, plan_id: str, title: str) -> str:
    """A copy of the plan's row under a new id and title: two plans of the same years, as a database
    made before overlaps were refused (or merged from two laptops) holds."""
    made = new_id()
    with workspace.db.write():
        workspace.db.execute(
            "INSERT INTO plans (id, school_id, first_year, last_year, title, base_year, base_round, deleted,"
            " created_at, modified_at, modified_by) SELECT ?, school_id, first_year, last_year, ?, base_year,"
            " base_round, 0, created_at, modified_at, modified_by FROM plans WHERE id = ?", [made, title, plan_id])
    return made


def test_report_plan_prints_the_plan_of_the_year_with_content_or_names_the_choices(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "s.sqlite3"
    with Workspace.open(db, create=True) as workspace:
        school = start_school(workspace)["school"]
        full = workspace.plans.create(school, 2570, 2571, title="แผนที่มีเป้าหมาย")
        workspace.plans.add_goal(full.id, "1", "ครูจัดการเรียนรู้เชิงรุก")
        empty = overlapping_plan(workspace, full.id, "แผนว่าง")  # newer: the one printed before
        assert workspace.plans.find(school, 2570).id == full.id
    assert report(db, 2570)[0] == 0
    with Workspace.open(db) as workspace:
        workspace.plans.add_goal(empty, "2", "ผู้เรียนอ่านออกเขียนได้")
        with pytest.raises(ValidationError) as refused:
            workspace.plans.find(school, 2570)
        assert "แผนที่มีเป้าหมาย" in str(refused.value) and "แผนว่าง" in str(refused.value)
        assert workspace.plans.find(school, 2570, title="แผนว่าง").id == empty
    code, said = report(db, 2570)
    assert code == cli.EXIT_ERROR and "แผนว่าง" in said and "--title" in said
    assert report(db, 2570, "--title", "แผนว่าง")[0] == 0
