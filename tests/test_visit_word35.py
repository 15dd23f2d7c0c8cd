"""The visit record's Word copy (บันทึกการนิเทศ as .docx): what the PDF prints, read back with
python-docx: the particulars, the people, the comparison, every finding, every follow-up and the
signature lines, in the digits chosen and Buddhist-Era dates, in the bundled font embedded; and
``report visit --docx`` on the command line."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date
from pathlib import Path

import pytest

from qualityschool_desktop import cli
from qualityschool_desktop.reports.visit import default_visit_report_name
from qualityschool_desktop.reports.visit.data import gather
from qualityschool_desktop.reports.visit.pdf import FIELD_LABELS
from qualityschool_desktop.reports.visit.word import write_visit_docx
from qualityschool_desktop.workspace import Workspace

from .demo_cache import DEMO_INSTALLATION, copy_demo

docx = pytest.importorskip("docx")

TODAY = date(2026, 11, 23)
SCHOOL = "9910000002"  # three visits, the latest a draft with findings and follow-ups


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_demo(tmp_path_factory.mktemp("demo") / "demo.sqlite3", tmp_path_factory, today=TODAY)


def _open(path: Path) -> Workspace:
    return Workspace.open(path, installation=DEMO_INSTALLATION)


def _visit_id(db: Path) -> str:
    with _open(db) as workspace:
        return workspace.visits.for_school(workspace.schools.by_code(SCHOOL).id)[0].id


def text_of(path: Path) -> list[str]:
    """Every paragraph of the body and of its tables' cells, in order."""
    document = docx.Document(str(path))
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append("".join(node.text or "" for node in child.iter() if node.tag.endswith("}t")))
        elif tag == "tbl":
            for cell in child.iter():
                if cell.tag.endswith("}p"):
                    lines.append("".join(node.text or "" for node in cell.iter() if node.tag.endswith("}t")))
    return [line for line in lines if line.strip()]


def test_the_word_copy_holds_the_whole_record(demo: Path, tmp_path: Path) -> None:
    visit_id = _visit_id(demo)
    with _open(demo) as workspace:
        data = gather(workspace, visit_id)
        visit = workspace.visits.get(visit_id)
        target = tmp_path / default_visit_report_name(data.school, visit).replace(".pdf", ".docx")
        assert write_visit_docx(workspace, visit_id, target) == target
    lines = text_of(target)
    whole = "\n".join(lines)
    # The title, the school, the date in the Buddhist Era and a draft said to be one.
    assert "บันทึกการนิเทศ ติดตาม" in lines[:4] or any(line.startswith("บันทึกการนิเทศ ติดตาม") for line in lines[:4])
    assert data.school.name in whole and "๒๕๖๙" in whole and "ฉบับร่าง" in whole
    for heading in ("๑. ผู้นิเทศและผู้ให้ข้อมูล", "๒. ผลการนิเทศเทียบกับผลการประเมินตนเอง",
                    "๓. ผลการนิเทศรายองค์ประกอบ", "๔. การติดตามและข้อตกลง", "๕. บันทึกเพิ่มเติม"):
        assert heading in lines
    for person in (*data.visitors, *data.school_people):
        assert person.name in lines
    # Every finding exactly, as written.
    for section in data.components:
        findings = ([section.finding] if section.finding else []) + [entry.finding for entry in section.items]
        for finding in findings:
            for name in FIELD_LABELS:
                written = str(getattr(finding, name)).strip()
                if written:
                    assert written in whole, written[:40]
    # Every follow-up, carried and agreed.
    assert data.agreed or data.carried
    for item in (*data.carried, *data.agreed):
        assert item.action in whole
    # A signature line for every supervisor and one for the school.
    signs = [line for line in lines if line.startswith("ลงชื่อ")]
    assert len(signs) == len(data.visitors) + 1
    assert sum("ผู้นิเทศ" in line for line in signs) == len(data.visitors)
    assert any("ผู้รับการนิเทศ" in line for line in signs)
    for person in data.visitors:
        assert f"({person.name})" in lines
    # Thai digits throughout the text the record writes (codes, dates, counts).
    assert not re.search(r"[0-9]", "\n".join(lines[:12])), lines[:12]


def test_the_bundled_font_travels_in_the_file_and_arabic_digits_when_asked(demo: Path, tmp_path: Path) -> None:
    visit_id = _visit_id(demo)
    target = tmp_path / "visit.docx"
    with _open(demo) as workspace:
        write_visit_docx(workspace, visit_id, target, digits="arabic", family="Sarabun")
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        fonts = archive.read("word/fontTable.xml").decode()
    assert any(name.startswith("word/fonts/") for name in names)
    assert 'w:name="Sarabun"' in fonts and "embedRegular" in fonts
    whole = "\n".join(text_of(target))
    assert "2569" in whole and not re.search(r"[๐-๙]{4}", whole.split("๑. ")[0] if "๑. " in whole else whole[:300])


def _run(*argv: str) -> tuple[int | None, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(cli.parse(list(argv)), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def test_cli_writes_the_word_copy_with_or_without_the_pdf(demo: Path, tmp_path: Path) -> None:
    visit_id = _visit_id(demo)
    word = tmp_path / "visit.docx"
    status, out, err = _run("report", "visit", "--db", str(demo), "--visit", visit_id, "--docx", str(word))
    assert status == 0, err
    assert out.strip() == str(word) and "บันทึกการนิเทศ ติดตาม" in "\n".join(text_of(word))
    pdf, word2 = tmp_path / "visit.pdf", tmp_path / "visit2.docx"
    status, out, err = _run("report", "visit", "--db", str(demo), "--visit", visit_id, "--out", str(pdf),
                            "--docx", str(word2))
    assert status == 0, err
    assert out.split() == [str(pdf), str(word2)] and pdf.exists() and word2.exists()
    status, out, err = _run("report", "visit", "--db", str(demo), "--visit", visit_id)
    assert status == 2 and "--docx" in err and "--out" in err


def test_the_statement_and_every_signature_stay_on_one_page(demo: Path, tmp_path: Path) -> None:
    """As the PDF keeps them (TEST34C C2): one row that never splits across pages, since
    LibreOffice let a chain of "keep with next" paragraphs break between the statement and the
    signatures."""
    visit_id = _visit_id(demo)
    target = tmp_path / "visit.docx"
    with _open(demo) as workspace:
        write_visit_docx(workspace, visit_id, target)
        visitors = len(gather(workspace, visit_id).visitors)
    document = docx.Document(str(target))
    [block] = [table for table in document.tables
               if "ผู้นิเทศและผู้รับการนิเทศได้ร่วมกันพิจารณาบันทึกนี้แล้ว" in table.rows[0].cells[0].text]
    row = block.rows[0]
    assert len(block.rows) == 1 and row._tr.trPr.find(docx.oxml.ns.qn("w:cantSplit")) is not None
    assert row.cells[0].text.count("ลงชื่อ") == visitors + 1


def test_an_empty_visit_still_has_its_word_copy(memory_workspace: Workspace, tmp_path: Path) -> None:
    school = memory_workspace.schools.add(code="6301000001", name="โรงเรียนบ้านตาก")
    visit = memory_workspace.visits.start(school.id, visited_on=date(2026, 11, 2))
    whole = "\n".join(text_of(write_visit_docx(memory_workspace, visit.id, tmp_path / "empty.docx")))
    assert "ไม่ได้อ้างอิงผลการประเมินตนเอง" in whole and "ไม่ได้บันทึกผลการนิเทศในองค์ประกอบนี้" in whole
    assert "การนิเทศครั้งแรกของโรงเรียน" in whole and "(........................................)" in whole
    assert "ผู้อำนวยการโรงเรียนบ้านตาก" in whole and "๒ พฤศจิกายน ๒๕๖๙" in whole
