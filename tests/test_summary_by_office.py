"""One provincial report with a part per area office (issue 13; seed 000 reports each area office
in turn): ``report summary --by-area-office`` prints the title block with contents naming the
parts, the overview, then each area office's part in Thai order by the round's own form; the Word
copy holds the same parts as Heading 1 with the form's sections under each."""

from __future__ import annotations

import io
import re
import shutil
from datetime import date
from pathlib import Path

import docx
import pytest

from qualityschool_desktop import cli
from qualityschool_desktop.collation import thai_key
from qualityschool_desktop.errors import ValidationError
from qualityschool_desktop.inspection import load_layout
from qualityschool_desktop.reports.summary import default_summary_name, write_summary_report
from qualityschool_desktop.reports.summary.word import SARABUN, write_summary_docx
from qualityschool_desktop.thai import DigitText
from qualityschool_desktop.workspace import Workspace
from .demo_cache import DEMO_INSTALLATION, copy_demo
from tests.pdf_checks import needs_poppler, pdftotext
from tests.test_summary_layouts import _flat, assert_in_order

TODAY = date(2026, 11, 23)
OFFICES = ["สพป.ตาก เขต ๑", "สพป.ตาก เขต ๒", "สพม.ตาก"]  # the demo's, in Thai order


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("by-office") / "demo.sqlite3"
    copy_demo(path, tmp_path_factory, today=TODAY)
    with Workspace.open(path, installation=DEMO_INSTALLATION) as workspace:
        workspace.office_texts.set_text(2569, 2, "office", "สำนักงานศึกษาธิการจังหวัดตาก")  # the PDF asks for it
        offices = sorted({school.area_office for school in workspace.schools.list()}, key=thai_key)
        assert [DigitText("thai")(office) for office in offices] == OFFICES
    return path


def _parts(round: int) -> list[str]:
    """What the report says, in order: the contents, then per part its heading and the form's
    section titles."""
    layout, t = load_layout(f"round{round}"), DigitText("thai")
    titles = ["ภาพรวมทุกเขตพื้นที่การศึกษา", *OFFICES]
    wanted = ["สารบัญ", *(f"ส่วนที่ {t(n)} {title}" for n, title in enumerate(titles, start=1))]
    for number, title in enumerate(titles, start=1):
        wanted += [f"ส่วนที่ {t(number)} {title}", t(layout.topic), *(t(s.heading) for _, s in layout.walk())]
    return wanted


@needs_poppler
@pytest.mark.parametrize("round", [1, 2])
def test_the_pdf_has_a_part_per_area_office_in_the_rounds_form(demo: Path, tmp_path: Path, round: int) -> None:
    target = tmp_path / f"by-office-{round}.pdf"
    with Workspace.open(demo, installation=DEMO_INSTALLATION) as workspace:
        write_summary_report(workspace, target, fiscal_year=2569, round=round, by_area_office=True)
    text = pdftotext(target, "-raw")
    assert_in_order(text, _parts(round))
    # Each office's part holds its own schools only: its district table names no other office.
    part_2 = _flat(text)[_flat(text).rindex(_flat("ส่วนที่ ๒ สพป.ตาก เขต ๑")):_flat(text).rindex(_flat("ส่วนที่ ๓"))]
    assert _flat("สพป.ตาก เขต ๑ (๔ โรงเรียน)") in part_2 and _flat("สพม.ตาก (") not in part_2
    # Signed once, at the end.
    assert text.count("ผู้รายงาน") == 1 and _flat(text).rindex("ลงชื่อ") > _flat(text).rindex(_flat("ส่วนที่ ๔"))
    assert_contents_pages_are_right(target)


def assert_contents_pages_are_right(target: Path) -> None:
    """RETEST13 F8: each line of the contents (page 1) ends in the page where its part's title
    stands, in the document's Thai digits (a 23-page report whose contents gave no pages)."""
    pages = pdftotext(target).split("\f")
    lines = [re.match(r"\s*(ส่วนที่ \S+ .+?) \(\S+ โรงเรียน\)\s+(\S+)$", line) for line in pages[0].splitlines()]
    listed = [(match[1], match[2]) for match in lines if match]
    assert len(listed) == 4, pages[0]
    for title, page in listed:
        where = [n for n, text in enumerate(pages, start=1) if any(line.strip() == title for line in text.splitlines())]
        assert where and DigitText("thai")(str(where[0])) == page, (title, page, where)


def _headings(document: docx.document.Document) -> list[tuple[int, str]]:
    return [(int(p.style.name.split()[-1]), p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]


@pytest.mark.parametrize("round", [1, 2])
def test_the_word_copy_has_the_same_parts(demo: Path, tmp_path: Path, round: int) -> None:
    target = tmp_path / f"by-office-{round}.docx"
    with Workspace.open(demo, installation=DEMO_INSTALLATION) as workspace:
        write_summary_docx(workspace, target, fiscal_year=2569, round=round, family=SARABUN, by_area_office=True)
    document = docx.Document(str(target))
    layout, t = load_layout(f"round{round}"), DigitText("thai")
    sections = [(2 + depth, t(s.heading)) for depth, s in layout.walk()]
    section_titles = {title for _, title in sections}  # a component's heading is tested beside the Word copy's
    headings = [h for h in _headings(document) if h[0] == 1 or h[1] in section_titles]
    titles = ["ภาพรวมทุกเขตพื้นที่การศึกษา", *OFFICES]
    expected = []
    for number, title in enumerate(titles, start=1):
        expected += [(1, f"ส่วนที่ {t(number)} {title}"), *sections]
    assert headings == expected
    body = "\n".join(p.text for p in document.paragraphs)
    assert_in_order(body, ["สารบัญ", *(f"ส่วนที่ {t(n)} {title}" for n, title in enumerate(titles, start=1))])
    # Per part the district table of its own schools: 1 + 3 offices.
    districts = [table for table in document.tables if table.rows[0].cells[1].text == "อำเภอ"]
    assert [table.rows[1].cells[0].text for table in districts] == [
        "สพป.ตาก เขต ๑ (๔ โรงเรียน)", *(f"{office} (" + t(count) + " โรงเรียน)"
                                        for office, count in zip(OFFICES, (4, 5, 9)))]


@needs_poppler
def test_an_office_none_of_whose_schools_reported_says_so(demo: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.sqlite3"
    shutil.copy(demo, copy)
    with Workspace.open(copy, installation=DEMO_INSTALLATION) as workspace:
        workspace.schools.add(code="9900000999", name="โรงเรียนบ้านทดลองใหม่", district="แม่สอด",
                                 province="ตาก", area_office="สพป.ตาก เขต 3", level="primary")
        target = tmp_path / "none.pdf"
        write_summary_report(workspace, target, fiscal_year=2569, round=2, by_area_office=True)
    text = pdftotext(target, "-raw")
    assert_in_order(text, ["ส่วนที่ ๔ สพป.ตาก เขต ๓ (๑ โรงเรียน)", "ส่วนที่ ๔ สพป.ตาก เขต ๓",
                           "ยังไม่มีโรงเรียนคุณภาพสังกัด สพป.ตาก เขต ๓ ส่งผลการประเมินตนเองของรอบนี้",
                           "โรงเรียนบ้านทดลองใหม่", "ส่วนที่ ๕ สพม.ตาก"])


def test_by_area_office_with_one_area_office_is_refused(demo: Path, tmp_path: Path) -> None:
    with Workspace.open(demo, installation=DEMO_INSTALLATION) as workspace:
        with pytest.raises(ValidationError, match="แยกส่วนตามเขตพื้นที่การศึกษา"):
            write_summary_report(workspace, tmp_path / "x.pdf", fiscal_year=2569, round=2,
                                 area_office="สพม.ตาก", by_area_office=True)
    assert not (tmp_path / "x.pdf").exists()
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(cli.parse(["report", "summary", "--db", str(demo), "--year", "2569", "--round", "2",
                              "--by-area-office", "--area-office", "สพม.ตาก", "--docx", str(tmp_path / "x.docx")]),
                   out=out, err=err)
    assert code == 2 and "แยกส่วนตามเขตพื้นที่การศึกษา" in err.getvalue()
    assert not (tmp_path / "x.docx").exists()


@needs_poppler
def test_the_command_writes_the_pdf_and_the_word_copy(demo: Path, tmp_path: Path) -> None:
    pdf, word = tmp_path / "r.pdf", tmp_path / "r.docx"
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(cli.parse(["report", "summary", "--db", str(demo), "--year", "2569", "--round", "2",
                              "--by-area-office", "--out", str(pdf), "--docx", str(word)]), out=out, err=err)
    assert code == 0, err.getvalue()
    assert out.getvalue().split() == [str(pdf), str(word)]
    assert_in_order(pdftotext(pdf, "-raw"), _parts(2))
    assert default_summary_name(2569, 2, None, "pdf", by_area_office=True) == \
        "สรุปผลการตรวจราชการ-โรงเรียนคุณภาพ-แยกเขตพื้นที่-2569-รอบ2.pdf"


@needs_poppler
@pytest.mark.parametrize("style, office", [("thai", "สพป.ตาก เขต ๑"), ("arabic", "สพป.ตาก เขต 1")])
def test_the_office_filtered_on_prints_in_the_documents_digits(demo: Path, tmp_path: Path, style: str,
                                                                office: str) -> None:
    """C14 item 3: the header's office and scope lines printed the stored "สพป.ตาก เขต 1" in a
    Thai-digit report (the budget PDF writes office names in the document's digits)."""
    target = tmp_path / f"office-{style}.pdf"
    copy = tmp_path / "unnamed.sqlite3"
    shutil.copy(demo, copy)
    with Workspace.open(copy, installation=DEMO_INSTALLATION) as workspace:
        # The office's own name for the round prints as typed; without one the area office filtered
        # on is the office named (the command line takes --area-office as the name).
        workspace.office_texts.set_text(2569, 2, "office", "")
        write_summary_report(workspace, target, fiscal_year=2569, round=2, area_office="สพป.ตาก เขต 1", digits=style)
        write_summary_docx(workspace, target.with_suffix(".docx"), fiscal_year=2569, round=2, family=SARABUN,
                           area_office="สพป.ตาก เขต 1", digits=style)
    text = _flat(pdftotext(target, "-raw"))
    other = "สพป.ตาก เขต 1" if style == "thai" else "สพป.ตาก เขต ๑"
    assert _flat(f"หน่วยงาน : {office}") in text and _flat(f"สังกัด{office}") in text
    assert _flat(other) not in text
    words = "\n".join(p.text for p in docx.Document(str(target.with_suffix(".docx"))).paragraphs)
    assert office in words and other not in words
