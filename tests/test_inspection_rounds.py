"""Inspection rounds as records (issue 13): a round reports each school's latest submitted
self-assessment on or before its closing date, and a round that is not defined is refused."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from qualityschool_desktop import cli
from qualityschool_desktop.errors import NotFoundError, ValidationError
from qualityschool_desktop.inspection.picture import round_picture
from qualityschool_desktop.reports.summary import summary_data
from qualityschool_desktop.workspace import Workspace



def answer_all(workspace: Workspace, assessment_id: str, level: int) -> None:
    """Every item of the round at ``level``."""
    framework = workspace.assessments.framework_of(workspace.assessments.get(assessment_id))
    for item in framework.items:
        workspace.answers.set_level(assessment_id, item.code, level)


def _three_times(workspace: Workspace) -> tuple[str, list[str]]:
    """A school that assessed itself three times in August 2026 (fiscal year 2569, round 2's
    period): levels 2, then 3, then 5 everywhere."""
    school = workspace.schools.add(code="6301000001", name="โรงเรียนบ้านสามรอบ", district="เมืองตาก",
                                   province="ตาก", area_office="สพป.ตาก เขต 1", level="primary")
    ids = []
    for number, (day, level) in enumerate(((3, 2), (10, 3), (24, 5)), start=1):
        assessment = workspace.assessments.start(school.id, 2569, round=number, assessed_on=date(2026, 8, day))
        answer_all(workspace, assessment.id, level)
        workspace.assessments.submit(assessment.id)
        ids.append(assessment.id)
    return school.id, ids


def test_a_school_assessed_three_times_before_closing_is_reported_with_its_third(
        memory_workspace: Workspace) -> None:
    school_id, ids = _three_times(memory_workspace)
    memory_workspace.inspection_rounds.define(2569, 1)
    memory_workspace.inspection_rounds.define(2569, 2)
    inspection, picture = round_picture(memory_workspace, 2569, 2)
    assert inspection.closes_on == "2026-09-30"
    standing = picture.standing_of(school_id)
    assert standing is not None and standing.assessment.id == ids[2]
    assert standing.score == pytest.approx(5.0)
    assert picture.band_counts[picture.bands[0].key] == 1
    # Round 1 closed before any of them: the school has not reported it.
    _, first = round_picture(memory_workspace, 2569, 1)
    assert first.standing_of(school_id) is None and first.reported == 0


def test_a_closing_date_in_between_takes_the_latest_before_it(memory_workspace: Workspace) -> None:
    school_id, ids = _three_times(memory_workspace)
    memory_workspace.inspection_rounds.define(2569, 2, closes_on=date(2026, 8, 15))
    _, picture = round_picture(memory_workspace, 2569, 2)
    standing = picture.standing_of(school_id)
    assert standing is not None and standing.assessment.id == ids[1] and standing.score == pytest.approx(3.0)


def test_a_draft_after_submitting_does_not_hide_the_submitted_one(memory_workspace: Workspace) -> None:
    school_id, ids = _three_times(memory_workspace)
    memory_workspace.assessments.start(school_id, 2569, round=4, assessed_on=date(2026, 8, 28))
    memory_workspace.inspection_rounds.define(2569, 2)
    _, picture = round_picture(memory_workspace, 2569, 2)
    standing = picture.standing_of(school_id)
    assert standing is not None and standing.assessment.id == ids[2]


def test_a_round_not_defined_is_refused_naming_the_defined_ones(memory_workspace: Workspace) -> None:
    _three_times(memory_workspace)
    memory_workspace.inspection_rounds.define(2569, 1)
    memory_workspace.inspection_rounds.define(2569, 2)
    with pytest.raises(NotFoundError) as caught:
        summary_data(memory_workspace, fiscal_year=2569, round=3)
    assert str(caught.value) == ("ยังไม่ได้กำหนดรอบการตรวจราชการที่ ๓ ของปีงบประมาณ ๒๕๖๙"
                                 " (รอบที่กำหนดไว้: ๑, ๒)")


def test_bad_round_definitions_are_refused_and_change_nothing(memory_workspace: Workspace) -> None:
    rounds = memory_workspace.inspection_rounds
    with pytest.raises(ValidationError, match="วันสิ้นสุดรอบต้องไม่ก่อนวันเริ่มรอบ"):
        rounds.define(2569, 1, starts_on="2026-03-01", ends_on="2026-02-01", closes_on="2026-03-01")
    with pytest.raises(ValidationError, match="ปิดรับผลการประเมินตนเอง"):
        rounds.define(2569, 1, starts_on="2026-03-01", ends_on="2026-04-01", closes_on="31/02/2569")
    with pytest.raises(ValidationError, match="ไม่มีแบบฟอร์ม \"round9\""):
        rounds.define(2569, 1, layout="round9")
    with pytest.raises(ValidationError, match="รอบการตรวจราชการต้องเป็นเลข"):
        rounds.define(2569, 13)
    assert rounds.all() == []
    # Redefining keeps one record per year and round, and only when asked to (tester finding 13).
    rounds.define(2569, 1)
    with pytest.raises(ValidationError, match="กำหนดไว้แล้ว"):
        rounds.define(2569, 1, closes_on=date(2026, 4, 10))
    assert [item.closes_on for item in rounds.all()] == ["2026-03-31"]
    changed = rounds.define(2569, 1, closes_on=date(2026, 4, 10), replace=True)
    assert [item.closes_on for item in rounds.all()] == ["2026-04-10"] and changed.layout == "round1"


def _cli(*argv: str) -> tuple[int | None, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(cli.parse(list(argv)), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_cli_refuses_round_3_in_thai_with_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "office.sqlite3"
    with Workspace.open(path, create=True) as workspace:
        _three_times(workspace)
        workspace.inspection_rounds.define(2569, 1)
        workspace.inspection_rounds.define(2569, 2)
        workspace.office_texts.set_text(2569, 2, "office", "สำนักงานศึกษาธิการจังหวัดตาก")  # the PDF asks for it
    code, out, err = _cli("report", "summary", "--db", str(path), "--year", "2569", "--round", "3",
                          "--out", str(tmp_path / "s.pdf"))
    assert code == 2 and out == ""
    assert "ยังไม่ได้กำหนดรอบการตรวจราชการที่ ๓ ของปีงบประมาณ ๒๕๖๙" in err
    assert not (tmp_path / "s.pdf").exists()
    code, out, err = _cli("report", "summary", "--db", str(path), "--year", "2569", "--round", "2",
                          "--out", str(tmp_path / "s.pdf"))
    assert code == 0, err
    assert (tmp_path / "s.pdf").exists()


def test_cli_lists_and_defines_rounds(tmp_path: Path) -> None:
    path = tmp_path / "office.sqlite3"
    Workspace.open(path, create=True).close()
    code, out, _ = _cli("rounds", "--db", str(path))
    assert code == 0 and "ยังไม่ได้กำหนดรอบการตรวจราชการ" in out
    code, out, err = _cli("rounds", "--db", str(path), "--define", "--year", "2569", "--round", "3")
    assert code == 2 and "รอบที่ ๓ ไม่มีช่วงเวลาตั้งต้น" in err
    code, out, err = _cli("rounds", "--db", str(path), "--define", "--year", "2569", "--round", "2",
                          "--closes", "2026-08-15", "--digits", "arabic")
    assert code == 0, err
    assert out.strip() == ("กำหนดแล้ว: ปีงบประมาณ 2569 รอบที่ 2: 1 เม.ย. 2569 ถึง 30 ก.ย. 2569"
                           " ปิดรับผลการประเมินตนเอง 15 ส.ค. 2569"
                           " แบบฟอร์ม แบบรายงานผลการตรวจราชการ รอบที่ 2 (ข้อ 6, หัวข้อ 6.1-6.6) [--layout round2]")
    code, out, err = _cli("rounds", "--db", str(path))  # Thai digits by default, as the reports (TEST25 8)
    assert out.strip() == ("ปีงบประมาณ ๒๕๖๙ รอบที่ ๒: ๑ เม.ย. ๒๕๖๙ ถึง ๓๐ ก.ย. ๒๕๖๙ ปิดรับผลการประเมินตนเอง ๑๕ ส.ค. ๒๕๖๙"
                           " แบบฟอร์ม แบบรายงานผลการตรวจราชการ รอบที่ ๒ (ข้อ ๖, หัวข้อ ๖.๑-๖.๖) [--layout round2]")
    with Workspace.open(path) as workspace:
        assert workspace.inspection_rounds.get(2569, 2).closes_on == "2026-08-15"


@pytest.mark.parametrize(("typed", "stored"), [
    ("1/10/2570", "2027-10-01"), ("๑/๑๐/๒๕๗๐", "2027-10-01"), ("1 ต.ค. 2570", "2027-10-01"),
    ("2027-10-01", "2027-10-01"), ("2570-10-01", "2027-10-01"),  # ≥ 2400 is BE, as the window reads it
])
def test_cli_reads_round_dates_as_the_window_does(tmp_path: Path, typed: str, stored: str) -> None:
    """Issue 11 (tester 11b, finding 1): ``--start 2571-04-01`` was stored as the CE year 2571
    (shown as BE 3114); the command line reads dates with the window's reader (BE or CE, Thai digits)."""
    path = tmp_path / "office.sqlite3"
    Workspace.open(path, create=True).close()
    code, out, err = _cli("rounds", "--db", str(path), "--define", "--year", "2571", "--round", "1",
                          "--start", typed, "--end", "31/3/2571", "--closes", "31/3/2571")
    assert code == 0, err
    assert "๑ ต.ค. ๒๕๗๐ ถึง ๓๑ มี.ค. ๒๕๗๑" in out
    with Workspace.open(path) as workspace:
        assert workspace.inspection_rounds.get(2571, 1).starts_on == stored


@pytest.mark.parametrize("typed", ["1/4/2701", "3114-04-01", "1/4/2499", "1956-12-31"])
def test_a_round_date_beyond_the_years_the_app_keeps_is_refused(memory_workspace: Workspace, typed: str) -> None:
    """Issue 11 (tester 11b, finding 1): the core checks the years itself (BE 2500–2700), for text
    and for ``date`` objects alike."""
    rounds = memory_workspace.inspection_rounds
    with pytest.raises(ValidationError, match="วันที่เริ่มรอบ.*พ.ศ."):
        rounds.define(2569, 2, starts_on=typed, ends_on="30/9/2569", closes_on="30/9/2569")
    with pytest.raises(ValidationError, match="วันที่สิ้นสุดรอบ.*พ.ศ."):
        rounds.define(2569, 2, starts_on="1/4/2569", ends_on=date(3114, 9, 30), closes_on="30/9/2569")
    assert rounds.all() == []


def test_only_a_start_after_the_usual_end_says_the_end_is_missing(tmp_path: Path) -> None:
    """Issue 11 (tester 11b, finding 1): ``--start`` alone said "end before start"."""
    path = tmp_path / "office.sqlite3"
    Workspace.open(path, create=True).close()
    code, out, err = _cli("rounds", "--db", str(path), "--define", "--year", "2569", "--round", "1",
                          "--start", "1/4/2569")
    assert code == 2 and out == ""
    assert "ไม่ได้ระบุวันที่สิ้นสุดรอบ" in err and "ต้องไม่ก่อน" not in err


def test_cli_says_how_a_two_digit_year_was_read(tmp_path: Path) -> None:
    """F11c: ``--start 1/10/69`` was read as BE 2569 silently; the command says so, as the window does."""
    path = tmp_path / "office.sqlite3"
    Workspace.open(path, create=True).close()
    code, out, err = _cli("rounds", "--db", str(path), "--define", "--year", "2570", "--round", "1",
                          "--start", "1/10/69", "--closes", "31/3/2570")
    assert code == 0, err
    assert '--start: ปี "๖๙" อ่านเป็น พ.ศ. ๒๕๖๙: ๑ ต.ค. ๒๕๖๙' in out.splitlines()
    assert "--closes" not in out


@pytest.mark.parametrize(("option", "typed", "what"), [
    ("--closes", "15/10/2569", "ปิดรับผลการประเมินตนเอง"),  # after FY 2569 ends (30 Sep 2569)
    ("--start", "1/9/2568", "เริ่มรอบ"),  # before FY 2569 begins (1 Oct 2568)
])
def test_cli_refuses_dates_outside_the_fiscal_year(tmp_path: Path, option: str, typed: str, what: str) -> None:
    """Tester finding 13: a closing date after the fiscal year was accepted."""
    path = tmp_path / "office.sqlite3"
    Workspace.open(path, create=True).close()
    argv = ["rounds", "--db", str(path), "--define", "--year", "2569", "--round", "1", option, typed]
    if option == "--start":
        argv += ["--end", "31/3/2569", "--closes", "31/3/2569"]
    code, out, err = _cli(*argv)
    assert code == 2 and out == ""
    assert f"วันที่{what}" in err and "นอกปีงบประมาณ ๒๕๖๙" in err and "๑ ต.ค. ๒๕๖๘" in err and "๓๐ ก.ย. ๒๕๖๙" in err
    with Workspace.open(path) as workspace:
        assert workspace.inspection_rounds.all() == []


def test_cli_refuses_to_replace_a_round_without_replace(tmp_path: Path) -> None:
    """Tester finding 13: ``rounds --define`` silently replaced a round already defined."""
    path = tmp_path / "office.sqlite3"
    Workspace.open(path, create=True).close()
    define = ["rounds", "--db", str(path), "--define", "--year", "2569", "--round", "2"]
    assert _cli(*define)[0] == 0
    code, out, err = _cli(*define, "--closes", "15/8/2569")
    assert code == 2 and out == ""
    assert "กำหนดไว้แล้ว" in err and "--replace" in err and "๓๐ ก.ย. ๒๕๖๙" in err
    with Workspace.open(path) as workspace:
        assert workspace.inspection_rounds.get(2569, 2).closes_on == "2026-09-30"
    code, out, err = _cli(*define, "--closes", "15/8/2569", "--replace")
    assert code == 0, err
    with Workspace.open(path) as workspace:
        assert workspace.inspection_rounds.get(2569, 2).closes_on == "2026-08-15"


OVERLAP = ("ช่วงเวลาของรอบที่ ๒ (๑ ม.ค. ๒๕๗๑ ถึง ๓๐ ก.ย. ๒๕๗๑) ทับกับรอบที่ ๑ (๑ ต.ค. ๒๕๗๐ ถึง ๓๑ มี.ค. ๒๕๗๑)"
           " ของปีงบประมาณ ๒๕๗๑: การนิเทศแต่ละครั้งต้องอยู่ในรอบเดียว จึงยังไม่ได้กำหนดรอบ"
           " แก้วันเริ่มหรือวันสิ้นสุดรอบให้ไม่ทับกัน")


def test_a_round_overlapping_another_of_its_year_is_refused_by_the_core_and_the_cli(tmp_path: Path) -> None:
    """RETEST13 N3: a visit in January 2571 belonged to both rounds, accepted silently."""
    path = tmp_path / "office.sqlite3"
    with Workspace.open(path, create=True) as workspace:
        rounds = workspace.inspection_rounds
        rounds.define(2571, 1, starts_on="1/10/2570", ends_on="31/3/2571", closes_on="15/4/2571")
        with pytest.raises(ValidationError) as caught:
            rounds.define(2571, 2, starts_on="1/1/2571", ends_on="30/9/2571", closes_on="30/9/2571")
        assert str(caught.value) == OVERLAP
        assert [item.round for item in rounds.all()] == [1]
        rounds.define(2570, 2, starts_on="1/1/2570", ends_on="30/9/2570")  # another year: no overlap
        rounds.define(2571, 1, starts_on="1/10/2570", ends_on="31/3/2571", closes_on="31/3/2571", replace=True)
    code, out, err = _cli("rounds", "--db", str(path), "--define", "--year", "2571", "--round", "2",
                          "--start", "1/1/2571", "--end", "30/9/2571", "--closes", "30/9/2571")
    assert code == 2 and out == "" and OVERLAP in err
    code, out, err = _cli("rounds", "--db", str(path), "--define", "--year", "2571", "--round", "2",
                          "--start", "1/4/2571", "--end", "30/9/2571", "--closes", "30/9/2571")
    assert code == 0, err  # the day after round 1 ends: no day in both
    # TEST25 8: a period over two rounds names both; --digits arabic says it in Arabic digits.
    code, out, err = _cli("rounds", "--db", str(path), "--define", "--year", "2571", "--round", "3", "--digits",
                          "arabic", "--start", "1/3/2571", "--end", "30/9/2571", "--closes", "30/9/2571")
    assert code == 2 and ("ทับกับรอบที่ 1 (1 ต.ค. 2570 ถึง 31 มี.ค. 2571) และรอบที่ 2 (1 เม.ย. 2571 ถึง 30 ก.ย. 2571)"
                          " ของปีงบประมาณ 2571:") in err
