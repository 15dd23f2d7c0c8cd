"""Issue 13, the fresh tester's findings 7 and 8 on the inspection-round summary's counts:
a school whose submission the office returned (ส่งกลับแก้ไข) is not a reported result, and round 2
does not claim that every school reported *this round* while some are counted with round 1's."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from qualityschool_desktop.inspection.picture import round_picture
from qualityschool_desktop.reports.summary import summary_data, summary_tables
from qualityschool_desktop.reports.summary.form_words import ALL_REPORTED
from qualityschool_desktop.reports.summary.wording import situation
from qualityschool_desktop.thai import DigitText
from qualityschool_desktop.workspace import Workspace
from .demo_cache import copy_demo

TODAY = date(2026, 11, 23)


def _table(tables: list, key: str) -> list[tuple]:  # type: ignore[type-arg]
    return [list(found.rows) for found in tables if found.key == key][0]


def answer_all(workspace: Workspace, assessment_id: str, level: int) -> None:
    framework = workspace.assessments.framework_of(workspace.assessments.get(assessment_id))
    for item in framework.items:
        workspace.answers.set_level(assessment_id, item.code, level)


def test_a_returned_submission_is_counted_as_returned_not_reported(memory_workspace: Workspace) -> None:
    workspace = memory_workspace
    workspace.schools.mark_demo_database()  # plays the office
    rounds = {}
    for code, name in (("6301000001", "โรงเรียนบ้านผ่าน"), ("6301000002", "โรงเรียนบ้านส่งกลับ")):
        school = workspace.schools.add(code=code, name=name, district="เมืองตาก", province="ตาก",
                                       area_office="สพป.ตาก เขต 1", level="primary")
        assessment = workspace.assessments.start(school.id, 2569, round=1, assessed_on=date(2026, 8, 3))
        answer_all(workspace, assessment.id, 4)
        workspace.assessments.submit(assessment.id)
        rounds[name] = (school.id, assessment.id)
    workspace.inspection_rounds.define(2569, 2)
    workspace.reviews.decide(rounds["โรงเรียนบ้านส่งกลับ"][1], "returned", "ขาดหลักฐานด้านที่ ๓")

    _, picture = round_picture(workspace, 2569, 2)
    assert picture.reported == 1 and picture.standing_of(rounds["โรงเรียนบ้านส่งกลับ"][0]) is None
    assert sum(picture.band_counts.values()) == 1
    (returned,) = picture.not_reported
    assert returned.school.name == "โรงเรียนบ้านส่งกลับ" and returned.state == "returned"
    data = summary_data(workspace, fiscal_year=2569, round=2)
    rows = _table(summary_tables(data), "not_reported")
    assert [(row[1], row[4]) for row in rows] == [("โรงเรียนบ้านส่งกลับ", "ส่งกลับแก้ไข")]
    assert "แล้ว 1 โรงเรียน" in situation(data, DigitText("arabic"))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    copy_demo(path, tmp_path_factory, today=TODAY)
    return path


def test_round_2_lists_the_schools_counted_with_round_1s_result(demo: Path) -> None:
    with Workspace.open(demo, read_only=True) as workspace:
        data = summary_data(workspace, fiscal_year=2569, round=2)
        picture = data.picture
        carried = [s.school.name for s in picture.standings if s.carried_from is not None]
        assert len(carried) == 6 and picture.reported == 18  # the bands count every school's latest result
        assert picture.reported_this_round == 12
        assert sorted(item.school.name for item in picture.not_this_round) == sorted(carried)
        rows = _table(summary_tables(data), "not_reported")
        assert {row[4] for row in rows} == {"ยังไม่ส่งผลรอบนี้ (นับด้วยผลล่าสุดจากรอบที่ 1)"}
        sentence = situation(data, DigitText("arabic"))
        assert "รอบที่ 2 แล้ว 12 โรงเรียน" in sentence and "ยังไม่ส่ง 6 โรงเรียน" in sentence


def test_the_printed_round_2_does_not_say_every_school_reported(demo: Path, tmp_path: Path) -> None:
    import docx

    from qualityschool_desktop.reports.summary.word import write_summary_docx

    with Workspace.open(demo, read_only=True) as workspace:
        write_summary_docx(workspace, tmp_path / "r2.docx", fiscal_year=2569, round=2)
    document = docx.Document(str(tmp_path / "r2.docx"))
    body = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(cell.text for table in document.tables for row in table.rows for cell in row.cells)
    assert ALL_REPORTED not in body
    assert cells.count("ยังไม่ส่งผลรอบนี้") == 6


def test_6_2_says_how_many_of_the_schools_it_counts_sent_this_round(demo: Path, tmp_path: Path) -> None:
    """RETEST13 N1: 6.1 said "ส่งแล้ว ๑๒ … ยังไม่ส่ง ๖" and 6.2 1) "ส่งแล้ว ๑๘ (จากทั้งหมด ๑๘)" in one report."""
    import docx

    from qualityschool_desktop.reports.summary.word import write_summary_docx

    with Workspace.open(demo, read_only=True) as workspace:
        write_summary_docx(workspace, tmp_path / "r2.docx", fiscal_year=2569, round=2)
    body = "\n".join(p.text for p in docx.Document(str(tmp_path / "r2.docx")).paragraphs)
    assert "ส่งแล้ว ๑๘ โรงเรียน" not in body
    assert "ส่งผลรอบนี้ ๑๒ โรงเรียน และนับด้วยผลล่าสุดจากรอบก่อนอีก ๖ โรงเรียน" in body
