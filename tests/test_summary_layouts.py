"""Form layouts as data (issue 13): the round-1 form (seed 000) and the round-2 form (seeds
001/002) print their official section numbers and titles and their tables' headers, in order; a
layout that does not validate is refused naming the place."""

from __future__ import annotations

import copy
import json
import re
from datetime import date
from pathlib import Path

import pytest

from qualityschool_desktop.errors import ValidationError
from qualityschool_desktop.inspection import load_layout, parse_layout, read_layout
from qualityschool_desktop.inspection.layouts import forms_dir
from qualityschool_desktop.reports.summary import write_summary_report
from qualityschool_desktop.workspace import Workspace
from .demo_cache import DEMO_INSTALLATION, copy_demo
from tests.pdf_checks import needs_poppler, pdftotext

TODAY = date(2026, 11, 23)
# The seeds' wording, Thai digits as the office prints them.
ROUND_1 = [
    "รอบที่ ๑ ประจำปีงบประมาณ พ.ศ. ๒๕๖๙",
    "๒.๒ : จัดให้มีโรงเรียนคุณภาพ ๑ โรงเรียน ต่อ ๑ อำเภอ",
    "๑) การวิเคราะห์สถานการณ์ในพื้นที่ ในการขับเคลื่อนการดำเนินงานของโรงเรียนคุณภาพ ๑ โรงเรียน ต่อ ๑ อำเภอ",
    "ที่ อำเภอ โรงเรียน ผลการประเมิน",
    "๒) ผลการดำเนินการขับเคลื่อนนโยบายฯ ตามจุดเน้นที่ ๒.๒",
    "๒.๑) ด้านโครงสร้างพื้นฐานและระบบสนับสนุนผู้เรียน",
    "๒.๒) ด้านผู้บริหาร ครู และบุคลากรทางการศึกษา",
    "๒.๓) ด้านการบริหารจัดการ",
    "๒.๔) ด้านการจัดการเรียนรู้",
    "๒.๕) ด้านผู้เรียน",
    "๓) ปัญหาอุปสรรค",
    "๔) ข้อคิดเห็นและข้อเสนอแนะในภาพรวม",
    "๕) รูปแบบ แนวทาง หรือนวัตกรรมที่เป็นแบบอย่างที่ดี (ถ้ามี)",
]
ROUND_2 = [
    "รอบที่ ๒ ประจำปีงบประมาณ พ.ศ. ๒๕๖๙",
    "๖. จัดให้มีโรงเรียนคุณภาพ ๑ โรงเรียน ต่อ ๑ อำเภอ",
    "๖.๑ การวิเคราะห์สถานการณ์ในพื้นที่ ในการขับเคลื่อนการดำเนินงานของโรงเรียนคุณภาพ ๑ โรงเรียน ต่อ ๑ อำเภอ",
    "ที่ อำเภอ โรงเรียน ผลการประเมิน",
    "๖.๒ ผลการดำเนินงานการขับเคลื่อนนโยบายฯ จัดให้มีโรงเรียนคุณภาพ ๑ โรงเรียน ต่อ ๑ อำเภอ",
    "๑) ความพร้อมของโรงเรียนคุณภาพ",
    "๑.๑) ด้านโครงสร้างพื้นฐานและระบบสนับสนุนผู้เรียน",
    "๑.๕) ด้านผู้เรียน",
    "๒) การพัฒนาโรงเรียนต้นแบบอย่างน้อย ๑ โรงเรียนในแต่ละอำเภอหรือเขตพื้นที่การศึกษา",
    "๖.๓ ปัญหาอุปสรรค แนวทางการแก้ไขปัญหา และผลที่คาดว่าจะได้รับ",
    "ปัญหา/อุปสรรค แนวทางการแก้ไขปัญหา ผลที่คาดว่าจะได้รับ",
    "๖.๔ ปัจจัยแห่งความสำเร็จ",
    "๖.๕ ข้อเสนอแนะ",
    "๖.๖ รูปแบบ แนวทาง หรือนวัตกรรม ที่คิดว่าเป็นต้นแบบหรือแบบอย่างที่ดี (ถ้ามี)",
    "ลงชื่อ",
]
NETWORK = ["โรงเรียนเครือข่ายของโรงเรียนคุณภาพ", "โรงเรียนคุณภาพ รหัสโรงเรียน โรงเรียนเครือข่าย นักเรียน ครู ระยะทาง (กม.)",
           "โรงเรียนบ้านเครือข่ายหนึ่ง"]


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def assert_in_order(text: str, wanted: list[str]) -> None:
    """Every string of ``wanted`` in ``text`` (spaces and line breaks ignored), in that order."""
    flat, position = _flat(text), 0
    for item in wanted:
        found = flat.find(_flat(item), position)
        assert found >= 0, f"{item!r} missing after position {position}"
        position = found + len(_flat(item))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("layouts") / "demo.sqlite3"
    copy_demo(path, tmp_path_factory, today=TODAY)
    with Workspace.open(path, installation=DEMO_INSTALLATION) as workspace:
        school = workspace.schools.list()[0]
        workspace.network_schools.add(school.id, code="9900000101", name="โรงเรียนบ้านเครือข่ายหนึ่ง",
                                      pupils=84, teachers=6, distance_km="3.5")
    return path


@needs_poppler
@pytest.mark.parametrize("round, wanted", [(1, ROUND_1), (2, ROUND_2)])
def test_each_round_prints_its_form_in_order(demo: Path, tmp_path: Path, round: int, wanted: list[str]) -> None:
    target = tmp_path / f"round{round}.pdf"
    with Workspace.open(demo, installation=DEMO_INSTALLATION) as workspace:
        assert workspace.inspection_rounds.get(2569, round).layout == f"round{round}"
        write_summary_report(workspace, target, fiscal_year=2569, round=round)
    text = pdftotext(target, "-raw")
    assert_in_order(text, wanted)
    assert_in_order(text, NETWORK)
    other = ROUND_2 if round == 1 else ROUND_1
    # The other form's own sections are not printed.
    assert _flat(other[2]) not in _flat(text)


@needs_poppler
def test_arabic_digits_print_the_form_in_arabic(demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "round2.pdf"
    with Workspace.open(demo, installation=DEMO_INSTALLATION) as workspace:
        write_summary_report(workspace, target, fiscal_year=2569, round=2, digits="arabic")
    assert_in_order(pdftotext(target, "-raw"), [
        "6.2 ผลการดำเนินงานการขับเคลื่อนนโยบายฯ จัดให้มีโรงเรียนคุณภาพ 1 โรงเรียน ต่อ 1 อำเภอ",
        "2) การพัฒนาโรงเรียนต้นแบบอย่างน้อย 1 โรงเรียนในแต่ละอำเภอหรือเขตพื้นที่การศึกษา",
    ])


def _round2() -> dict:
    return json.loads((forms_dir() / "round2.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("change, place, problem", [
    (lambda d: d["sections"][1]["sections"][0]["blocks"].append("pie"), "sections[1].sections[0].blocks[5]", ""),
    (lambda d: d["sections"][3].pop("title"), "sections[3].title", "ไม่มี: ต้องมีข้อความ"),
    (lambda d: d["sizes"].update(body=80), "sizes.body", ""),
    (lambda d: d["sections"][4].update(number="6.4"), "sections[4].number", ""),
    (lambda d: d["sections"][2].update(blocks=[]), "sections[2]", ""),
    (lambda d: d.update(colour="red"), "(ราก)", ""),
    # RETEST13 N5: an empty number is empty, not "not text"; a missing topic is missing.
    (lambda d: d["sections"][0].update(number=" "), "sections[0].number", "ว่าง: ต้องมีข้อความ"),
    (lambda d: d["sections"][0].update(number=6), "sections[0].number", "ต้องเป็นข้อความ"),
    (lambda d: d.pop("topic"), "topic", "ไม่มี: ต้องมีวัตถุ JSON {...}"),
])
def test_a_layout_that_does_not_validate_is_refused_naming_the_place(change, place: str, problem: str) -> None:
    data = _round2()
    assert parse_layout(copy.deepcopy(data), "round2.json").id == "round2"
    change(data)
    with pytest.raises(ValidationError) as caught:
        parse_layout(data, "round2.json")
    assert str(caught.value).startswith(f"แบบฟอร์ม round2.json: ที่ {place}: {problem}")


def test_a_layout_file_that_is_not_json_is_refused_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "round2.json"
    path.write_text('{"format": "qualityschool-form-layout/1",\n  "id": }', encoding="utf-8")
    with pytest.raises(ValidationError, match="แบบฟอร์ม round2.json: ที่ บรรทัด 2"):
        read_layout(path)


def test_the_bundled_layouts_hold_the_seeds_sections() -> None:
    assert [s.number for _, s in load_layout("round1").walk()] == ["1)", "2)", "3)", "4)", "5)"]
    assert [s.number for _, s in load_layout("round2").walk()] == ["6.1", "6.2", "1)", "2)", "6.3", "6.4", "6.5", "6.6"]


def test_network_schools_are_in_the_xlsx_and_csv_tables(demo: Path, tmp_path: Path) -> None:
    import csv

    from qualityschool_desktop.reports.summary import summary_data, summary_tables
    from qualityschool_desktop.reports.summary.export import write_csv

    with Workspace.open(demo, installation=DEMO_INSTALLATION) as workspace:
        tables = {table.key: table for table in summary_tables(summary_data(workspace, fiscal_year=2569, round=2))}
    network = tables["network"]
    assert network.header == ("โรงเรียนคุณภาพ", "รหัสโรงเรียน", "โรงเรียนเครือข่าย", "นักเรียน", "ครู", "ระยะทาง (กม.)")
    assert [row[1:] for row in network.rows] == [("9900000101", "โรงเรียนบ้านเครือข่ายหนึ่ง", 84, 6, 3.5)]
    written = write_csv([network], tmp_path)
    with open(written[0], encoding="utf-8-sig", newline="") as handle:
        assert list(csv.reader(handle))[1][1:] == ["9900000101", "โรงเรียนบ้านเครือข่ายหนึ่ง", "84", "6", "3.5"]
