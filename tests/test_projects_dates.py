"""A project's dates against today and its quarters (RETEST15 N5, F8): work "actually done" and
money "actually disbursed" after today are refused, in Thai with the dates in the Buddhist Era;
an activity dated outside its quarter is saved, with a warning in the editor's messages and a mark
in the progress report; the demo's projects never claim what has not happened yet."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from qualityschool_desktop import clock
from qualityschool_desktop.errors import ValidationError
from qualityschool_desktop.projects import STATUSES
from qualityschool_desktop.reports.progress import write_progress_report
from qualityschool_desktop.workspace import Workspace
from tests.pdf_checks import needs_poppler, pdftotext

from .laptops import Laptops, laptops, start_school  # noqa: F401 (fixture)

OFFICE = "สพป.ตาก เขต 1"


@pytest.fixture
def first_of_december(monkeypatch: pytest.MonkeyPatch) -> None:
    """The core's clock at 1 December 2026 (1 ธ.ค. 2569): fiscal 2570, quarter 1."""
    monkeypatch.setattr(clock, "_offset", timedelta(0))
    monkeypatch.setattr(clock, "_offset", date(2026, 12, 1) - clock.today())


@pytest.mark.usefixtures("first_of_december")
def test_work_done_and_money_disbursed_after_today_are_refused(memory_workspace: Workspace) -> None:
    projects = memory_workspace.projects
    done_in_february = {"name": "ประชุมคณะกรรมการวัดผล", "quarter": 2, "actual_start": "2027-02-10",
                        "actual_end": "11/02/2570", "status": "finished"}
    with pytest.raises(ValidationError) as refused:
        projects.add(2570, "โครงการวัดผล", area_office=OFFICE, activities=[done_in_february])
    assert "“ประชุมคณะกรรมการวัดผล”" in str(refused.value)
    assert "๑๐ ก.พ. ๒๕๗๐" in str(refused.value) and "วันนี้ ๑ ธ.ค. ๒๕๖๙" in str(refused.value)
    with pytest.raises(ValidationError, match=r"ไตรมาสที่ ๔ \(ก\.ค\.–ก\.ย\. ๒๕๗๐\) ซึ่งยังไม่เริ่ม"):
        projects.add(2570, "โครงการวัดผล", area_office=OFFICE, budget_lines=[
            {"source": "own", "planned_baht": [0, 0, 0, 5000], "disbursed_baht": [0, 0, 0, 5000]}])
    assert projects.of_year(2570) == []

    # Today's work and this quarter's money are fine; a later change to the future is refused and
    # the stored values stay.
    project = projects.add(2570, "โครงการวัดผล", area_office=OFFICE, activities=[
        {**done_in_february, "actual_start": "2026-11-30", "actual_end": "2026-12-01"}],
        budget_lines=[{"source": "own", "planned_baht": [5000], "disbursed_baht": [5000]}])
    with pytest.raises(ValidationError, match="ยังมาไม่ถึง"):
        projects.update(project.id, activities=[done_in_february])
    with pytest.raises(ValidationError, match="ไตรมาสที่ ๒"):
        projects.update(project.id, budget_lines=[{"source": "own", "planned_baht": [5000], "disbursed_baht": [0, 1]}])
    assert projects.get(project.id) == project
    projects.update(project.id, name="โครงการวัดผลและประเมินผล")  # other fields are not held back


@needs_poppler
def test_an_activity_outside_its_quarter_is_saved_with_a_warning_and_marked_in_the_report(
        memory_workspace: Workspace, tmp_path: Path) -> None:
    """A planner expects to be told, not stopped: activities slip into the next quarter and the
    report says what happened; a year typed wrong (2580 for 2570) is caught by the same warning."""
    projects = memory_workspace.projects
    project = projects.add(2565, "โครงการอบรมครู", area_office=OFFICE, status="in_progress", activities=[
        {"name": "อบรมครูแกนนำ", "quarter": 1, "planned_start": "10/12/2580"},
        {"name": "นิเทศติดตาม", "quarter": 2, "planned_start": "2022-01-10", "actual_start": "2022-04-04",
         "status": "in_progress"},
        {"name": "สรุปผล", "quarter": 2, "planned_start": "2022-03-01"}])
    assert projects.messages(project) == (
        "กิจกรรม “อบรมครูแกนนำ” อยู่ในไตรมาสที่ ๑ (ต.ค.–ธ.ค. ๒๕๖๔) แต่วันเริ่มตามแผน ๑๐ ธ.ค. ๒๕๘๐"
        " อยู่ในไตรมาสที่ ๑ ของปีงบประมาณ ๒๕๘๑ โปรดตรวจวันที่หรือไตรมาส",
        "กิจกรรม “นิเทศติดตาม” อยู่ในไตรมาสที่ ๒ (ม.ค.–มี.ค. ๒๕๖๕) แต่วันเริ่มจริง ๔ เม.ย. ๒๕๖๕"
        " อยู่ในไตรมาสที่ ๓ โปรดตรวจวันที่หรือไตรมาส")
    pdf = write_progress_report(memory_workspace, 2565, tmp_path / "p.pdf", period="H1", office=OFFICE)
    text = re.sub(r"\s+", "", pdftotext(pdf, "-raw"))  # a paragraph reads whole
    assert "๒นิเทศติดตาม๒*" in text  # the quarter marked in the table, the note under it
    assert "*กิจกรรมที่๒มีวันที่นอกไตรมาสที่กำหนด:วันเริ่มจริง๔เม.ย.๒๕๖๕อยู่ในไตรมาสที่๓ไม่ใช่ไตรมาสที่๒" in text
    assert "*กิจกรรมที่๓" not in text and "๓สรุปผล๒๐๑/๐๓/๒๕๖๕" in text


@pytest.mark.usefixtures("first_of_december")
def test_the_demo_projects_claim_nothing_after_today(memory_workspace: Workspace) -> None:
    from qualityschool_desktop.demo_projects import DEMO_OFFICE, add_demo_projects

    with memory_workspace.db.write():
        add_demo_projects(memory_workspace, 2570)  # refused before: an activity finished in February
    projects = memory_workspace.projects.of_year(2570, area_office=DEMO_OFFICE)
    assert {p.status for p in projects} == set(STATUSES)  # every status, as the issue asks of the demo
    assert not any("ไตรมาส" in m for p in projects for m in memory_workspace.projects.messages(p))
    assert all(a[k] <= "2026-12-01" for p in projects for a in p.activities for k in ("actual_start", "actual_end"))
    assert all(p.disbursed_satang((2, 3, 4)) == 0 for p in projects)
    assert any(p.disbursed_satang((1,)) for p in projects)


def test_a_project_from_a_laptop_whose_clock_is_ahead_comes_in_with_a_warning(
        laptops: Laptops, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811 (fixture)
    """As for stamps ahead of this laptop's clock: which clock is wrong cannot be told here, so the
    file is taken in and the office is told, rather than every record of it held back."""
    school, district = laptops("school"), laptops("district")
    monkeypatch.setattr(clock, "_offset", timedelta(0))
    monkeypatch.setattr(clock, "_offset", date(2027, 8, 1) - clock.today())  # the school's clock
    with school.open() as workspace:
        ids = start_school(workspace)
        workspace.projects.add(2570, "โครงการห้องสมุดมีชีวิต", school_id=ids["school"], status="in_progress",
                               budget_lines=[{"source": "own", "planned_baht": [0, 0, 0, 900],
                                              "disbursed_baht": [0, 0, 0, 900]}])
    monkeypatch.setattr(clock, "_offset", date(2026, 12, 1) - (clock.today() - clock._offset))
    result = district.import_(school.export("ahead.qsx"))
    [warning] = [w for w in result.warnings if "โครงการห้องสมุดมีชีวิต" in w]
    assert "ไตรมาสที่ ๔ (ก.ค.–ก.ย. ๒๕๗๐) ซึ่งยังไม่เริ่ม" in warning and "จึงนำเข้าได้ตามปกติ" in warning
    with district.open() as workspace:
        [project] = workspace.projects.of_year(2570, school_id=ids["school"])
        assert project.disbursed_satang() == 90000
