"""Issue 15 (part 1): projects with their money: seed 004's percentages, disbursement behind plan
(a message, the draft saved), saved as typed, and owned by the school across exchange files."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

from qualityschool_desktop.thai import office_name
from qualityschool_desktop.errors import OwnershipError, ValidationError
from qualityschool_desktop.projects import fiscal_quarter, quarters_of, shares
from qualityschool_desktop.projects.rules import BEHIND_NEEDS_REASON
from qualityschool_desktop.value_rules import MAX_TEXT
from qualityschool_desktop.workspace import Workspace

from .laptops import (  # noqa: F401 (fixture)
    Laptops, edit_rows, forge, forged_by_another_key, laptops, read_members, rows_of, start_school, write_members,
)

YEAR = 2565
OFFICE = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาเชียงใหม่ เขต ๒"


def test_the_fiscal_year_runs_october_to_september() -> None:
    assert fiscal_quarter("2021-10-01") == (2565, 1)
    assert fiscal_quarter("2022-03-31") == (2565, 2)
    assert fiscal_quarter("2022-04-01") == (2565, 3)
    assert fiscal_quarter("2022-09-30") == (2565, 4)
    assert quarters_of("h1") == (1, 2) and quarters_of("Q3") == (3,)
    with pytest.raises(ValueError, match="H1"):
        quarters_of("Q5")


def test_status_counts_of_an_office_year(memory_workspace: Workspace) -> None:
    projects = memory_workspace.projects
    for index in range(17):
        projects.add(YEAR, f"โครงการที่ {index + 1}", area_office=OFFICE,
                     status="in_progress" if index < 2 else "not_started")
    listed = projects.of_year(YEAR, area_office=OFFICE)
    assert [p.name for p in listed[:3]] == ["โครงการที่ 1", "โครงการที่ 2", "โครงการที่ 3"]
    counts = {status: sum(p.status == status for p in listed) for status in ("in_progress", "not_started")}
    assert counts == {"in_progress": 2, "not_started": 15}
    assert shares(list(counts.values())) == [Decimal("11.76"), Decimal("88.24")]
    assert projects.offices() == [office_name(OFFICE)]  # stored with an Arabic digit (try14e f03)


def test_disbursement_behind_plan_asks_for_a_reason_but_the_draft_is_saved(memory_workspace: Workspace) -> None:
    projects = memory_workspace.projects
    # seed 004: planned 9,900 baht and disbursed 9,900 in quarter 2: kept to plan.
    kept = projects.add(YEAR, "โครงการพัฒนาคุณภาพการศึกษาโดยครอบครัว", area_office=OFFICE, budget_lines=[
        {"source": "own", "planned_baht": ["", "๙,๙๐๐"], "disbursed_baht": [0, "9900 บาท"]}])
    assert kept.planned_satang((2,)) == kept.disbursed_satang((2,)) == 990000
    assert not kept.behind_plan(2) and projects.messages(kept, 2) == ()
    # The teacher-recruitment project: 4,840 of a larger plan disbursed.
    behind = projects.add(YEAR, "โครงการสรรหาครูอัตราจ้าง", area_office=OFFICE, budget_lines=[
        {"source": "own", "planned_baht": [0, "20,000"], "disbursed_baht": [0, "4,840"]}])
    assert behind.behind_plan(2) and not behind.behind_plan(1)
    assert projects.messages(behind, 2) == (BEHIND_NEEDS_REASON,)
    assert projects.get(behind.id).disbursed_satang() == 484000  # saved as typed
    explained = projects.update(behind.id, behind_reason="งบประมาณที่ตั้งไว้เกินกว่าจำนวนผู้สมัคร")
    assert projects.messages(explained, 2) == ()


def test_projects_funded_by_another_agency_are_told_apart(memory_workspace: Workspace) -> None:
    project = memory_workspace.projects.add(YEAR, "โครงการบ้านนักวิทยาศาสตร์น้อย", area_office=OFFICE, budget_lines=[
        {"source": "agency", "agency": "สถาบันทดสอบทางการศึกษาแห่งชาติ", "planned_baht": [0, 5000]}])
    assert project.funded_by_others and project.agencies == ("สถาบันทดสอบทางการศึกษาแห่งชาติ",)
    with pytest.raises(ValidationError, match="ชื่อหน่วยงาน"):
        memory_workspace.projects.update(project.id, budget_lines=[{"source": "agency", "planned_baht": [1]}])


def test_the_offices_results_summary_is_kept_with_its_history(memory_workspace: Workspace) -> None:
    """Seed 004's "สรุปผลการดำเนินงาน" as the office types it (migration 0030): saved as typed,
    blank is none (the report then builds its own), and the record's earlier states keep it."""
    projects = memory_workspace.projects
    project = projects.add(YEAR, "โครงการลูกเสือจิตอาสา", area_office=OFFICE)
    assert project.results_summary == ""
    written = projects.update(project.id, results_summary="๑. อบรมลูกเสือ ๑๒๐ คน\n๒. จัดค่าย ๑ ครั้ง")
    assert written.results_summary == "๑. อบรมลูกเสือ ๑๒๐ คน\n๒. จัดค่าย ๑ ครั้ง"
    assert projects.update(project.id, results_summary="  ").results_summary == ""
    db = memory_workspace.db
    assert db.execute("SELECT results_summary FROM projects WHERE id = ?", [project.id]).fetchone()[0] is None
    states = [json.loads(r[0]) for r in db.execute(
        "SELECT row_json FROM record_snapshots WHERE table_name = 'projects' AND record_id = ? ORDER BY rowid",
        [project.id])]
    assert states[-1]["results_summary"] == "๑. อบรมลูกเสือ ๑๒๐ คน\n๒. จัดค่าย ๑ ครั้ง"  # the state before blanking
    with pytest.raises(ValidationError, match="สรุปผลการดำเนินงาน"):
        projects.update(project.id, results_summary="ก" * (MAX_TEXT + 1))


def test_projects_allocated_by_obec_are_a_group_of_their_own(memory_workspace: Workspace) -> None:
    from qualityschool_desktop.projects.progress import gather_progress, status_groups

    projects = memory_workspace.projects
    own = projects.add(YEAR, "โครงการนิเทศ", area_office=OFFICE, status="in_progress",
                       budget_lines=[{"source": "own", "planned_baht": [1000]}])
    obec = projects.add(YEAR, "โครงการศูนย์การเรียนรู้เทคโนโลยี", area_office=OFFICE, status="finished",
                        budget_lines=[{"source": "obec", "agency": "ไม่ใช้", "planned_baht": [0, 5100000]}])
    assert obec.allocated_by_obec and not obec.funded_by_others and obec.agencies == ()
    assert obec.budget_lines[0]["agency"] == ""  # OBEC needs no agency's name
    report = gather_progress(memory_workspace, YEAR, "H1", OFFICE)
    assert [p.project.id for p in report.own.projects] == [own.id]
    assert [(c.status, c.count, str(c.share)) for c in report.obec.counts] == [("finished", 1, "100.00")]
    assert [key for key, _g in report.groups] == ["own", "obec"]
    assert [len(g.projects) for g in status_groups([own, obec])] == [1, 1, 0]
    # A file carrying an OBEC line is of format 5: a format 4 program asks to be updated, not "broken".
    from qualityschool_desktop.exchange.records import format_for, travelling_form

    rows = {"projects": [travelling_form("projects", next(iter(memory_workspace.db.query(
        "SELECT * FROM projects WHERE id = ?", [i])))) for i in (own.id, obec.id)]}
    assert format_for({"projects": rows["projects"][:1]}) < 5 and format_for(rows) == 5


@pytest.mark.parametrize(("changes", "message"), [
    ({"status": "done"}, "สถานะโครงการ"),
    ({"budget_lines": [{"source": "own", "planned_baht": ["สองพัน"]}]}, "งบประมาณตามแผนต้องเป็นจำนวนเงิน"),
    ({"budget_lines": [{"source": "own", "disbursed_baht": ["-5"]}]}, "ต้องไม่ติดลบ"),
    ({"activities": [{"name": "อบรม", "quarter": 5}]}, "ไตรมาส"),
    ({"activities": [{"name": "อบรม", "quarter": 1, "planned_start": "2022-02-30"}]}, "วันที่ของกิจกรรม"),
    ({"colour": "แดง"}, "ไม่มีช่องข้อมูล"),
])
def test_bad_input_gets_a_thai_message_and_changes_nothing(memory_workspace: Workspace, changes: dict[str, Any],
                                                           message: str) -> None:
    project = memory_workspace.projects.add(YEAR, "โครงการลูกเสือจิตอาสา", area_office=OFFICE)
    with pytest.raises(ValidationError, match=message):
        memory_workspace.projects.update(project.id, **changes)
    assert memory_workspace.projects.get(project.id) == project


def test_a_project_needs_an_owner(memory_workspace: Workspace) -> None:
    with pytest.raises(ValidationError, match="โรงเรียนหรือสำนักงาน"):
        memory_workspace.projects.add(YEAR, "โครงการไม่มีเจ้าของ")


def school_with_project(laptops: Laptops) -> tuple[Any, Any, dict[str, str]]:
    school, district = laptops("school"), laptops("district")
    with school.open() as workspace:
        ids = start_school(workspace)
        project = workspace.projects.add(
            2569, "โครงการห้องสมุดมีชีวิต", school_id=ids["school"], responsible="ฝ่ายวิชาการ",
            output_goals="ห้องสมุด ๑ ห้อง", indicators=[{"name": "ร้อยละของนักเรียนที่ใช้ห้องสมุด", "target": "80"}],
            activities=[{"name": "จัดซื้อหนังสือ", "quarter": 2, "planned_start": "2026-01-10"}],
            budget_lines=[{"source": "own", "planned_baht": [0, "12,500.50"], "disbursed_baht": [0, "12,500.50"]}],
            status="in_progress")
        workspace.projects.add(2569, "โครงการของสำนักงาน", area_office=OFFICE)  # not the office's key: refused there
        ids["project"] = project.id
    district.import_(school.export("a.qsx"))
    return school, district, ids


def test_a_project_round_trips_and_only_the_school_changes_it(laptops: Laptops) -> None:
    school, district, ids = school_with_project(laptops)
    with district.open() as workspace:
        (project,) = workspace.projects.of_year(2569, school_id=ids["school"])
        assert (project.name, project.planned_satang(), project.activities[0]["planned_start"]) == (
            "โครงการห้องสมุดมีชีวิต", 1250050, "2026-01-10")
        assert workspace.projects.of_year(2569, area_office=OFFICE) == []  # a school's key is not the office's
        for attempt in (lambda: workspace.projects.update(project.id, status="finished"),
                        lambda: workspace.projects.add(2569, "แทรก", school_id=ids["school"]),
                        lambda: workspace.projects.remove(project.id)):
            with pytest.raises(OwnershipError, match="แก้ไขได้ที่เครื่องของโรงเรียน"):
                attempt()
    # A file without the office's own results summary (as a program before migration 0030 wrote it).
    first = read_members(school.root / "files" / "a.qsx")
    assert all("results_summary" not in row for row in rows_of(first, "projects"))
    assert json.loads(first["manifest.json"])["format_version"] < 5
    with school.open() as workspace:
        workspace.projects.update(ids["project"], status="finished", problems="หนังสือมาช้า",
                                  results_summary="ปรับปรุงห้องสมุดแล้ว ๑ ห้อง")
    later = school.export("b.qsx")
    assert json.loads(read_members(later)["manifest.json"])["format_version"] == 5  # it carries the summary
    result = district.import_(later)
    assert result.counts["projects"].updated == 1
    with district.open() as workspace:
        got = workspace.projects.get(ids["project"])
        assert (got.status, got.problems, got.results_summary) == ("finished", "หนังสือมาช้า", "ปรับปรุงห้องสมุดแล้ว ๑ ห้อง")


@pytest.mark.parametrize("who", ["supervisor", "another-school"])
def test_another_key_cannot_change_the_project(laptops: Laptops, who: str) -> None:
    school, district, ids = school_with_project(laptops)

    def finished(row: dict[str, Any]) -> None:
        row["status"] = "finished"

    forged = forged_by_another_key(laptops, who, school, "projects",
                                   lambda workspace: workspace.projects.update(ids["project"], status="finished"),
                                   finished, "forged-projects.qsx")
    result = district.import_(forged)
    assert result.counts["projects"].updated == 0
    assert result.counts["projects"].pending == 1
    with district.open() as workspace:
        assert workspace.projects.get(ids["project"]).status == "in_progress"


def test_a_malformed_budget_line_in_a_file_is_refused(laptops: Laptops) -> None:
    school, district, ids = school_with_project(laptops)
    with school.open() as workspace:
        workspace.projects.update(ids["project"], problems="แก้ไขครั้งที่สอง")
    members = read_members(school.export("c.qsx"))

    def broken(row: dict[str, Any]) -> None:
        row["budget_lines"] = '[{"source": "own", "planned": [1, 2], "disbursed": [0, 0, 0, 0]}]'

    members = edit_rows(members, "projects", broken)
    with school._briefly():
        members = forge(members)
    with pytest.raises(Exception, match="งบประมาณ"):
        district.import_(write_members(school.root / "files" / "broken.qsx", members))
    with district.open() as workspace:
        assert workspace.projects.get(ids["project"]).problems == ""


def test_a_project_serves_a_goal_of_its_own_schools_plan(memory_workspace: Workspace) -> None:
    ws = memory_workspace
    school = ws.schools.add(code="5201000001", name="โรงเรียนบ้านแป้น")
    other = ws.schools.add(code="5201000002", name="โรงเรียนบ้านอื่น")
    goal = ws.plans.add_goal(ws.plans.create(school.id, 2569).id, "1", "ครูจัดการเรียนรู้เชิงรุก")
    foreign = ws.plans.add_goal(ws.plans.create(other.id, 2569).id, "1", "เป้าหมายของโรงเรียนอื่น")
    project = ws.projects.add(2569, "โครงการอบรมครู", school_id=school.id, plan_goal_id=goal.id)
    assert project.plan_goal_id == goal.id
    with pytest.raises(ValidationError, match="ไม่ใช่เป้าหมายในแผนพัฒนาของโรงเรียนเจ้าของโครงการ"):
        ws.projects.update(project.id, plan_goal_id=foreign.id)
    with pytest.raises(ValidationError, match="ไม่ใช่เป้าหมาย"):
        ws.projects.add(2569, "โครงการของสำนักงาน", area_office=OFFICE, plan_goal_id=goal.id)
    assert ws.projects.get(project.id).plan_goal_id == goal.id


def test_an_office_project_in_a_file_is_not_taken_in(laptops: Laptops) -> None:
    """A school's key is not the office's: a school's project turned into an office's in its file
    changes nothing here (an office's projects come only from its bound key, test_office_projects_exchange)."""
    school, district, ids = school_with_project(laptops)
    with school.open() as workspace:
        workspace.projects.update(ids["project"], problems="แก้ไขครั้งที่สอง")
    members = read_members(school.export("d.qsx"))

    def office_owned(row: dict[str, Any]) -> None:
        row["school_id"] = None
        row["area_office"] = OFFICE

    members = edit_rows(members, "projects", office_owned)
    with school._briefly():
        members = forge(members)
    try:
        district.import_(write_members(school.root / "files" / "office.qsx", members))
    except Exception as refused:  # refused whole: fine too
        assert "โครงการ" in str(refused) or "ไฟล์" in str(refused)
    with district.open() as workspace:
        assert workspace.projects.of_year(2569, area_office=OFFICE) == []
        assert workspace.projects.get(ids["project"]).problems == ""


def test_activity_dates_and_status_as_thai_users_type_them(memory_workspace: Workspace) -> None:
    project = memory_workspace.projects.add(YEAR, "โครงการอบรมครู", area_office=OFFICE, activities=[
        {"name": "อบรม", "quarter": "๒", "planned_start": "๔ ก.พ. ๒๕๖๕", "planned_end": "05/02/2565",
         "status": "อยู่ระหว่างดำเนินการ"}])
    (activity,) = project.activities
    assert (activity["quarter"], activity["planned_start"], activity["planned_end"], activity["status"]) == (
        2, "2022-02-04", "2022-02-05", "in_progress")
