"""Issue 13 (task F13): the district page and its printout show the same inspection round.

On the demo data the page showed 12 of 18 for ปีงบประมาณ 2569 รอบที่ 2 while its own export and
``report summary`` gave 18, with schools that only had a round-1 result marked "คงเดิม". The page
now offers the defined inspection rounds and reads the same picture as the summary; a school
counted with an earlier round's result says "ผลล่าสุดจากรอบที่ ๑"."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import docx
import pytest

from qualityschool_desktop import cli
from qualityschool_desktop.district import filters_available
from qualityschool_desktop.errors import ValidationError
from qualityschool_desktop.inspection.picture import round_picture
from qualityschool_desktop.reports.summary import summary_data, summary_tables, write_summary_report
from qualityschool_desktop.reports.summary.pdf import _change
from qualityschool_desktop.thai import DigitText
from qualityschool_desktop.workspace import Workspace
from .demo_cache import DEMO_INSTALLATION, copy_demo
from tests.pdf_checks import needs_poppler, pdftotext

TODAY = date(2026, 11, 23)  # fiscal year 2570 has begun: the demo's 2569 rounds are complete


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    copy_demo(path, tmp_path_factory, today=TODAY)
    with Workspace.open(path, installation=DEMO_INSTALLATION) as workspace:
        workspace.office_texts.set_text(2569, 2, "office", "สำนักงานศึกษาธิการจังหวัดตาก")  # the PDF asks for it
    return path


def _table(tables: list, key: str) -> list[tuple]:  # type: ignore[type-arg]
    return [list(found.rows) for found in tables if found.key == key][0]


def test_the_rounds_on_offer_are_the_inspection_rounds_defined(demo: Path) -> None:
    with Workspace.open(demo, read_only=True) as workspace:
        assert filters_available(workspace).rounds == ((2570, 2), (2570, 1), (2569, 2), (2569, 1))


def test_a_database_without_inspection_rounds_offers_none(memory_workspace: Workspace) -> None:
    school = memory_workspace.schools.add(code="6301000001", name="โรงเรียนเอ", district="เมืองตาก",
                                          province="ตาก", area_office="สพป.ตาก เขต 1", level="primary")
    memory_workspace.assessments.submit(memory_workspace.assessments.start(school.id, 2569, round=1).id)
    assert filters_available(memory_workspace).rounds == ()


def test_the_pages_counts_equal_the_summarys_for_every_demo_round(demo: Path) -> None:
    with Workspace.open(demo, read_only=True) as workspace:
        for year, number in filters_available(workspace).rounds:
            _, picture = round_picture(workspace, year, number)  # what the page shows
            if not picture.reported:
                with pytest.raises(ValidationError):  # the summary refuses a round nobody reported
                    summary_data(workspace, fiscal_year=year, round=number)
                continue
            tables = summary_tables(summary_data(workspace, fiscal_year=year, round=number))
            bands = {row[0]: row[1] for row in _table(tables, "bands")}
            assert list(bands.values()) == [picture.band_counts[band.key] for band in picture.bands], (year, number)
            assert len(_table(tables, "schools")) == picture.reported
            assert len(_table(tables, "not_reported")) == len(picture.not_this_round)
            assert [row[2] for row in _table(tables, "schools")] == [s.school.name for s in picture.standings]


def test_2569_round_2_counts_every_school_at_the_rounds_close(demo: Path) -> None:
    with Workspace.open(demo, read_only=True) as workspace:
        _, picture = round_picture(workspace, 2569, 2)
        assert (picture.reported, len(picture.schools), len(picture.not_reported)) == (18, 18, 0)
        counts = {band.name: picture.band_counts[band.key] for band in picture.bands}
        assert counts == {"ม่วง": 1, "ฟ้า": 2, "เขียว": 9, "เหลือง": 4, "ส้ม": 1, "แดง": 1}


def test_the_printed_copy_says_where_an_earlier_result_comes_from(demo: Path) -> None:
    target = demo.parent / "สรุป.docx"
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(cli.parse(["report", "summary", "--db", str(demo), "--year", "2569", "--round", "2",
                                "--docx", str(target)]), out=out, err=err)
    assert status == 0, err.getvalue()
    cells = [cell.text for table in docx.Document(str(target)).tables for row in table.rows for cell in row.cells]
    assert cells.count("ผลล่าสุด รอบที่ ๑") == 6  # as the PDF says it in its narrow column (TEST31b U5)
    with Workspace.open(demo, read_only=True) as workspace:
        _, picture = round_picture(workspace, 2569, 2)
    assert cells.count("คงเดิม") == sum(1 for s in picture.standings if s.carried_from is None
                                        and s.change is not None and abs(s.change) < 0.005)


def test_a_school_with_only_an_earlier_rounds_result_says_so_not_no_change(demo: Path) -> None:
    with Workspace.open(demo, read_only=True) as workspace:
        _, picture = round_picture(workspace, 2569, 2)
        carried = [s for s in picture.standings if s.carried_from is not None]
        assert len(carried) == 6 and all(s.carried_from == (2569, 1) for s in carried)
        assert all(s.assessment.round == 1 for s in carried)
        moves = picture.change_counts()
        assert moves["carried"] == 6 and moves["up"] + moves["same"] + moves["down"] + moves["new"] == 12
        thai = DigitText("thai")
        assert {_change(s, thai) for s in carried} == {"ผลล่าสุด รอบที่ ๑"}  # the PDF's narrow column (TEST31b U5)
        fresh = [s for s in picture.standings if s.carried_from is None]
        assert all(s.assessment.round == 2 for s in fresh)
        tables = summary_tables(summary_data(workspace, fiscal_year=2569, round=2))
        change_column = {row[2]: row[9] for row in _table(tables, "schools")}
        assert {change_column[s.school.name] for s in carried} == {"ผลล่าสุดจากรอบที่ 1"}
        assert all(not isinstance(change_column[s.school.name], str) for s in fresh)


@needs_poppler
def test_the_pdf_names_the_round_an_earlier_result_comes_from(demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "สรุป.pdf"
    with Workspace.open(demo, read_only=True) as workspace:
        write_summary_report(workspace, target, fiscal_year=2569, round=2)
    text = " ".join(pdftotext(target, "-raw").split())
    assert "จึงนับด้วยผลล่าสุดจากรอบที่๑อีก๖โรงเรียน" in "".join(text.split())
    # The narrow "เทียบรอบก่อน" column says it in two lines: "ผลล่าสุด / รอบที่ ๑" (TEST31b U5).
    assert "".join(text.split()).count("ผลล่าสุดจากรอบที่๑") == 1 + 6  # the sentence, 6.2 5)'s six rows
    assert "".join(text.split()).count("ผลล่าสุดรอบที่๑") == 6  # the six cells
    assert "คงเดิม" not in text
