"""Each area office's part of the report by area office carries that office's own texts (issue 13,
open after s22; seed 000 writes 1), 3) and 4) once per office): 6.1, the 6.3 rows and 6.4-6.6 are
stored per area office beside the province's (``office_texts.texts(..., area_office=...)``) and
printed in that office's part of the PDF and of the Word copy; the overview keeps the province's,
another office's part does not show them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest

from qualityschool_desktop.errors import ValidationError
from qualityschool_desktop.inspection.texts import ProblemText
from qualityschool_desktop.reports.summary import write_summary_report
from qualityschool_desktop.reports.summary.word import SARABUN, write_summary_docx
from qualityschool_desktop.workspace import Workspace
from .demo_cache import DEMO_INSTALLATION, copy_demo
from tests.pdf_checks import needs_poppler, pdftotext
from tests.test_summary_layouts import _flat

TODAY = date(2026, 11, 23)
ONE, TWO = "สพป.ตาก เขต 1", "สพป.ตาก เขต ๒"  # typed either way: one office each
OWN_SITUATION = "เขตหนึ่งวิเคราะห์สถานการณ์ของตนเอง"
OWN_PROBLEM = ProblemText("ครุภัณฑ์ไม่พอของเขตหนึ่ง", "ของบจากต้นสังกัด", "ห้องเรียนพร้อมใช้")
OWN_SUGGESTION = "เขตสองเสนอให้จัดทำคู่มือ"
PROVINCE_SUGGESTION = "จังหวัดเสนอภาพรวม"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("parts") / "demo.sqlite3"
    copy_demo(path, tmp_path_factory, today=TODAY)
    with Workspace.open(path, installation=DEMO_INSTALLATION) as workspace:
        store = workspace.office_texts
        store.set_text(2569, 2, "office", "สำนักงานศึกษาธิการจังหวัดตาก")
        store.set_text(2569, 2, "suggestions", PROVINCE_SUGGESTION)
        store.set_text(2569, 2, "situation", OWN_SITUATION, area_office=ONE)
        store.add_problem(2569, 2, OWN_PROBLEM, area_office=ONE)
        store.set_text(2569, 2, "suggestions", OWN_SUGGESTION, area_office=TWO)
    return path


def test_texts_are_stored_per_area_office_beside_the_province_s(demo: Path) -> None:
    with Workspace.open(demo, installation=DEMO_INSTALLATION) as workspace:
        store = workspace.office_texts
        province = store.texts(2569, 2)
        assert province.suggestions == PROVINCE_SUGGESTION and province.situation == "" and province.problems == ()
        one = store.texts(2569, 2, area_office="สพป.ตาก เขต ๑")
        assert one.situation == OWN_SITUATION and one.problems == (OWN_PROBLEM,) and one.suggestions == ""
        assert store.texts(2569, 2, area_office="สพป.ตาก เขต 2").suggestions == OWN_SUGGESTION
        with pytest.raises(ValidationError, match="ไม่รู้จักสำนักงานเขตพื้นที่ สพป.ตาก เขต 9"):
            store.set_text(2569, 2, "suggestions", "x", area_office="สพป.ตาก เขต 9")
        with pytest.raises(ValidationError, match="ไม่แยกตามสำนักงานเขตพื้นที่"):
            store.set_text(2569, 2, "office", "x", area_office=ONE)


def _parts(text: str) -> list[str]:
    flat = _flat(text)
    marks = [flat.rindex(_flat(f"ส่วนที่ {n}")) for n in ("๒", "๓", "๔")]
    return [flat[:marks[0]], flat[marks[0]:marks[1]], flat[marks[1]:marks[2]], flat[marks[2]:]]


@needs_poppler
def test_each_office_s_part_of_the_pdf_prints_its_own_texts(demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "parts.pdf"
    with Workspace.open(demo, installation=DEMO_INSTALLATION) as workspace:
        write_summary_report(workspace, target, fiscal_year=2569, round=2, by_area_office=True)
    overview, one, two, secondary = _parts(pdftotext(target, "-raw"))
    assert _flat(PROVINCE_SUGGESTION) in overview and _flat(OWN_SITUATION) not in overview
    for typed in (OWN_SITUATION, OWN_PROBLEM.problem, OWN_PROBLEM.solution, OWN_PROBLEM.expected):
        assert _flat(typed) in one
    assert _flat(OWN_SUGGESTION) not in one and _flat(PROVINCE_SUGGESTION) not in one
    assert _flat(OWN_SUGGESTION) in two and _flat(OWN_SITUATION) not in two
    assert _flat(OWN_SITUATION) not in secondary and _flat(OWN_SUGGESTION) not in secondary


def test_the_word_copy_carries_them_in_the_same_parts(demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "parts.docx"
    with Workspace.open(demo, installation=DEMO_INSTALLATION) as workspace:
        write_summary_docx(workspace, target, fiscal_year=2569, round=2, family=SARABUN, by_area_office=True)
    document = docx.Document(str(target))
    part, found = 0, {}
    for block in document.iter_inner_content():  # paragraphs and tables in order
        if isinstance(block, docx.text.paragraph.Paragraph) and block.style.name == "Heading 1":
            part += 1  # "ส่วนที่ n ..."
        text = block.text if isinstance(block, docx.text.paragraph.Paragraph) else "\n".join(
            cell.text for row in block.rows for cell in row.cells)
        found.setdefault(part, []).append(text)
    parts = {number: "\n".join(texts) for number, texts in found.items()}
    assert OWN_SITUATION in parts[2] and OWN_PROBLEM.problem in parts[2] and OWN_PROBLEM.expected in parts[2]
    assert OWN_SUGGESTION in parts[3] and OWN_SUGGESTION not in parts[2]
    assert PROVINCE_SUGGESTION in parts[1] and OWN_SITUATION not in parts[1]
    assert OWN_SITUATION not in parts[4]



def test_a_texts_file_fills_an_area_office_s_own_texts(demo: Path, tmp_path: Path) -> None:
    """``--texts`` keeps filling what the window types: ``offices`` {area office: its texts}."""
    import io
    import json
    import shutil

    from qualityschool_desktop import cli

    copy = tmp_path / "copy.sqlite3"
    shutil.copy(demo, copy)
    texts = tmp_path / "texts.json"
    texts.write_text(json.dumps({"offices": {"สพม.ตาก": {
        "good_practices": "มัธยมมีแบบอย่างที่ดี", "problems": [{"problem": "ครูไม่ครบชั้น", "solution": "ขอครูอัตราจ้าง"}]},
        "สพป.ตาก เขต 9": {"situation": "x"}}}, ensure_ascii=False), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    argv = ["report", "summary", "--db", str(copy), "--year", "2569", "--round", "2", "--texts", str(texts),
            "--by-area-office", "--docx", str(tmp_path / "r.docx")]
    assert cli.run(cli.parse(argv), out=out, err=err) == 2  # an office not in the data: nothing written
    assert "สพป.ตาก เขต 9" in err.getvalue()
    with Workspace.open(copy, installation=DEMO_INSTALLATION) as workspace:
        assert workspace.office_texts.texts(2569, 2, area_office="สพม.ตาก").good_practices == ""
    texts.write_text(json.dumps({"offices": {"สพม.ตาก": {
        "good_practices": "มัธยมมีแบบอย่างที่ดี", "problems": [{"problem": "ครูไม่ครบชั้น", "solution": "ขอครูอัตราจ้าง"}]}}},
        ensure_ascii=False), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert cli.run(cli.parse(argv), out=out, err=err) == 0, err.getvalue()
    with Workspace.open(copy, installation=DEMO_INSTALLATION) as workspace:
        own = workspace.office_texts.texts(2569, 2, area_office="สพม.ตาก")
    assert own.good_practices == "มัธยมมีแบบอย่างที่ดี" and own.problems == (ProblemText("ครูไม่ครบชั้น", "ขอครูอัตราจ้าง"),)
    body = "\n".join(p.text for p in docx.Document(str(tmp_path / "r.docx")).paragraphs)
    assert body.index("มัธยมมีแบบอย่างที่ดี") > body.rindex("ส่วนที่ ๔ สพม.ตาก")
