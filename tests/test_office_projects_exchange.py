"""Issue 15 (P15): an area office's own projects travel in its file of everything, so the province
sees them and counts them in the progress report; they are taken in only from the key bound there
as that area office's office (review/offices.py, as budget and review decisions), any other key's
refused with a Thai reason; a project's amount changed in the file after it was sealed refuses the
file."""

from __future__ import annotations

from typing import Any, Callable

import pytest

from qualityschool_desktop.exchange import ExchangeError
from qualityschool_desktop.projects.progress import EVERY_OFFICE, gather_progress
from qualityschool_desktop.review import offices

from .laptops import CODE_A, Laptop, edit_rows, laptops, read_members, start_school  # noqa: F401
from .laptops import forge, resign_manifest, write_members

Laptops = Callable[[str], Laptop]
AREA = "สพป.ตาก เขต 2"
YEAR = 2569
NOT_BOUND = "ไม่ได้ผูกไว้เป็นกุญแจของสำนักงานนี้"


def office_with_projects(laptops: Laptops) -> tuple[Laptop, Laptop, dict[str, str]]:
    """The area office's laptop: one school of the area and two projects of its own (one behind
    plan with its reason). The province has imported nothing yet."""
    office, province = laptops("area-office"), laptops("province")
    with office.open() as workspace:
        ids = start_school(workspace)
        workspace.schools.update(ids["school"], area_office=AREA)
        ids["library"] = workspace.projects.add(
            YEAR, "โครงการนิเทศห้องสมุดมีชีวิต", area_office=AREA, status="in_progress",
            budget_lines=[{"source": "own", "planned_baht": [0, "20,000"], "disbursed_baht": [0, "4,840"]}],
            behind_reason="ผู้สมัครน้อยกว่าที่ตั้งไว้").id
        ids["camp"] = workspace.projects.add(YEAR, "โครงการค่ายวิชาการ", area_office=AREA).id
    return office, province, ids


def bound_at_province(office: Laptop, province: Laptop) -> None:
    """The province takes the office's schools in and binds the office's key (read out by phone)."""
    province.import_(office.export("schools.qsx"))
    with province.open() as workspace:
        offices.bind(workspace, office.fingerprint, AREA)


def test_the_office_s_projects_reach_the_province_and_are_counted(laptops: Laptops) -> None:
    office, province, ids = office_with_projects(laptops)
    bound_at_province(office, province)
    result = province.import_(office.export("all-1.qsx"))
    assert not [w for w in result.warnings if NOT_BOUND in w]
    with province.open() as workspace:
        report = gather_progress(workspace, YEAR, "H1", office=AREA)
        assert [line.project.name for line in report.own.projects] == ["โครงการนิเทศห้องสมุดมีชีวิต", "โครงการค่ายวิชาการ"]
        assert [(c.status, c.count, str(c.share)) for c in report.own.counts] == [
            ("in_progress", 1, "50.00"), ("not_started", 1, "50.00")]
        assert (report.own.projects[0].planned_satang, report.own.projects[0].disbursed_satang) == (2_000_000, 484_000)
        assert AREA in workspace.projects.offices()
        # The province's report counts every area office's projects together (its own typed here too).
        workspace.projects.add(YEAR, "โครงการของอีกเขต", area_office="สพป.ตาก เขต 1", status="finished")
        province_wide = gather_progress(workspace, YEAR, "H1", office=EVERY_OFFICE)
        assert [(c.status, c.count, str(c.share)) for c in province_wide.own.counts] == [
            ("finished", 1, "33.34"), ("in_progress", 1, "33.33"), ("not_started", 1, "33.33")]  # adds up to 100.00 (try15 F4, N3)
        assert province_wide.office == "ทุกสำนักงานเขตพื้นที่การศึกษา (๒ สำนักงาน: สพป.ตาก เขต 1, สพป.ตาก เขต 2)"
    with office.open() as workspace:  # the office reports again: the change travels too
        workspace.projects.update(ids["camp"], status="finished", problems="ฝนตกหนัก")
    result = province.import_(office.export("all-2.qsx"))
    assert result.counts["projects"].updated == 1
    with province.open() as workspace:
        camp = workspace.projects.get(ids["camp"])
        assert (camp.status, camp.problems) == ("finished", "ฝนตกหนัก")


def test_before_the_key_is_bound_the_projects_are_refused_with_how_to_bind(laptops: Laptops) -> None:
    office, province, _ids = office_with_projects(laptops)
    result = province.import_(office.export("all-1.qsx"))
    reasons = [w for w in result.warnings if NOT_BOUND in w]
    assert len(reasons) == 1 and AREA in reasons[0]
    # s34 exw34 T2: the office's way, as NOT_THE_OFFICE says it: the window's menu, phone first; no
    # command line with "ลายนิ้วมือ" standing for the key (the line names the key's groups already).
    assert "ผูกเป็นกุญแจเขต" in reasons[0] and "โทร" in reasons[0], reasons[0]
    assert "signers" not in reasons[0] and "--" not in reasons[0] and "ลายนิ้วมือ --" not in reasons[0], reasons[0]
    with province.open() as workspace:
        assert workspace.projects.of_year(YEAR, area_office=AREA) == []
        assert workspace.schools.by_code(CODE_A).area_office == AREA  # the schools came in
        offices.bind(workspace, office.fingerprint, AREA)
    province.import_(office.export("all-2.qsx"))  # bound: the same projects come in
    with province.open() as workspace:
        assert len(workspace.projects.of_year(YEAR, area_office=AREA)) == 2


@pytest.mark.parametrize("who", ["another-office", "a-school"])
def test_another_key_s_office_projects_are_refused(laptops: Laptops, who: str) -> None:
    office, province, ids = office_with_projects(laptops)
    bound_at_province(office, province)
    province.import_(office.export("all-1.qsx"))
    other = laptops(who)
    with other.open() as workspace:  # a laptop of its own, with the area's name typed in
        ids["other_school"] = start_school(workspace, code="6301000009", name="โรงเรียนบ้านอื่น")["school"]
        workspace.projects.add(YEAR, "โครงการแอบอ้าง", area_office=AREA, status="finished")
    result = province.import_(other.export("own.qsx"))
    assert any(NOT_BOUND in w for w in result.warnings)
    # The office's project as the office sealed it, changed and sealed again with the other's key.
    members = read_members(office.export("to-forge.qsx"))

    def finished(row: dict[str, Any]) -> None:
        row["status"] = "finished"

    members = edit_rows(members, "projects", finished)
    for name in list(members):
        if name.startswith("records/") and name != "records/projects.jsonl":
            members.pop(name)
    with other._briefly():
        members = forge(members)
    forged = write_members(other.root / "files" / "forged.qsx", members)
    result = province.import_(forged)
    assert any(NOT_BOUND in w for w in result.warnings)
    assert result.counts["projects"].updated == 0
    with province.open() as workspace:
        names = [p.name for p in workspace.projects.of_year(YEAR, area_office=AREA)]
        assert names == ["โครงการนิเทศห้องสมุดมีชีวิต", "โครงการค่ายวิชาการ"]
        assert workspace.projects.get(ids["library"]).status == "in_progress"


def test_an_amount_changed_in_the_file_refuses_the_file(laptops: Laptops) -> None:
    office, province, ids = office_with_projects(laptops)
    bound_at_province(office, province)
    members = read_members(office.export("all-1.qsx"))

    def more_disbursed(row: dict[str, Any]) -> None:
        if row["id"] == ids["library"]:
            row["budget_lines"] = row["budget_lines"].replace("484000", "2000000")

    tampered = edit_rows(members, "projects", more_disbursed)
    assert tampered["records/projects.jsonl"] != members["records/projects.jsonl"]
    with pytest.raises(ExchangeError, match="ถูกแก้ไขหลังส่งออก"):  # the file's signed list of its parts
        province.import_(write_members(office.root / "files" / "tampered.qsx", tampered))
    with office._briefly():  # the list signed again with the office's key: the row's seal still fails
        resigned = resign_manifest(tampered)
    with pytest.raises(ExchangeError, match="ข้อมูลถูกแก้ไขหลังลงนาม"):
        province.import_(write_members(office.root / "files" / "resigned.qsx", resigned))
    with province.open() as workspace:
        assert workspace.projects.of_year(YEAR, area_office=AREA) == []


def test_a_key_bound_for_one_area_brings_no_other_area_s_projects(laptops: Laptops) -> None:
    """The office's key is bound for its own area only: a project it made for another area office,
    in the same file and the same batch as its own, is refused (each office checked, not the first)."""
    office, province, _ids = office_with_projects(laptops)
    with office.open() as workspace:
        workspace.projects.add(YEAR, "โครงการของอีกเขต", area_office="สพป.ตาก เขต 1")
    bound_at_province(office, province)
    result = province.import_(office.export("all-1.qsx"))
    assert any(NOT_BOUND in w and "สพป.ตาก เขต 1" in w for w in result.warnings)
    with province.open() as workspace:
        assert len(workspace.projects.of_year(YEAR, area_office=AREA)) == 2
        assert workspace.projects.of_year(YEAR, area_office="สพป.ตาก เขต 1") == []


def test_a_preview_counts_the_refused_office_projects(laptops: Laptops) -> None:
    """TEST31b U12: the refused projects are in a count of their own (ไม่รับ), not in no column, so
    a preview does not read as "nothing changes"."""
    office, province, _ids = office_with_projects(laptops)
    province.import_(office.export("all-1.qsx"))  # the key is not bound: the projects are refused
    preview = province.preview(office.export("all-2.qsx"))
    assert preview.counts["projects"].refused == 2 and preview.counts["projects"].total == 2
    line = next(line for line in preview.lines() if "โครงการ" in line and "ใหม่" in line)
    assert "ไม่รับ 2" in line, line
    assert any(NOT_BOUND in w for w in preview.warnings)
