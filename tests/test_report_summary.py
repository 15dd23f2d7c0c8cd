"""The inspection-round summary on the demo database: what a reader finds in the PDF, the same
numbers in the XLSX and CSV tables, and the command line."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from qualityschool_desktop import cli
from qualityschool_desktop.demo import build_demo
from qualityschool_desktop.district import DistrictPicture, district_picture
from qualityschool_desktop.errors import ValidationError
from qualityschool_desktop.inspection.picture import round_picture
from qualityschool_desktop.reports import ReportCancelled
from qualityschool_desktop.reports.blocks import TEXT_WIDTH, TABLE_SIZE
from qualityschool_desktop.reports.summary import (
    OfficeTexts, load_office_texts, summary_data, summary_tables, write_summary_report,
)
from qualityschool_desktop.reports.summary.export import write_csv, write_xlsx
from qualityschool_desktop.reports.summary.pdf import PADDING, PROBLEMS_WIDTHS
from qualityschool_desktop.thai import thai_digits
from qualityschool_desktop.typeset import MARGIN
from qualityschool_desktop.workspace import Workspace
from .demo_cache import DEMO_INSTALLATION, copy_demo
from tests.pdf_checks import break_problems, find_in_order, needs_poppler, pdftotext, text_lines

TODAY = date(2026, 11, 23)
TEXTS = {
    "office": "สำนักงานศึกษาธิการจังหวัดตาก",
    "situation": [
        "จังหวัดตากมีโรงเรียนคุณภาพตามนโยบายทั้งระดับประถมศึกษาและมัธยมศึกษา กระจายอยู่ทั้งพื้นที่ราบและพื้นที่สูงตามแนวชายแดน ซึ่งมีบริบทแตกต่างกันมาก",
        "โรงเรียนในอำเภออุ้มผางและท่าสองยางมีข้อจำกัดด้านการเดินทางและสัญญาณอินเทอร์เน็ต",
    ],
    "problems": [{"problem": "อาคารเรียนมีอายุเกิน ๔๕ ปี", "solution": "ขอสนับสนุนงบประมาณจาก สพฐ. และเครือข่าย",
                  "expected": "อาคารเรียนมีโครงสร้างมั่นคงแข็งแรง"}],
    "success_factors": ["ผู้บริหารให้ความสำคัญต่อการขับเคลื่อนโครงการ",
                        "ความร่วมมือระหว่างสำนักงานเขตพื้นที่การศึกษาและโรงเรียนคุณภาพในสังกัด"],
    "suggestions": "หน่วยงานต้นสังกัดควรจัดทำคู่มือหรือแนวทางการดำเนินงานขับเคลื่อนโครงการโรงเรียนคุณภาพให้มีความชัดเจน มีการสื่อสารที่เข้าใจง่าย ตรงประเด็น",
    "good_practices": "โรงเรียนตากพิทยาคมใช้ระบบพี่เลี้ยงทางวิชาการร่วมกับโรงเรียนเครือข่าย",
}


@dataclass(frozen=True)
class Built:
    path: Path
    picture: DistrictPicture


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    copy_demo(path, tmp_path_factory, today=TODAY)
    return path


def _open(path: Path) -> Workspace:
    return Workspace.open(path, installation=DEMO_INSTALLATION)


@pytest.fixture(scope="module")
def built(demo: Path, tmp_path_factory: pytest.TempPathFactory) -> Built:
    target = tmp_path_factory.mktemp("summary") / "สรุป.pdf"
    with _open(demo) as workspace:
        write_summary_report(workspace, target, fiscal_year=2569, round=2, texts=TEXTS)
        _, picture = round_picture(workspace, 2569, 2)
    return Built(target, picture)


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _body(path: Path) -> str:
    """The PDF's text without page numbers and running heads, so a sentence reads across pages."""
    return "\n".join(line for line in text_lines(pdftotext(path)) if "·" not in line and line != "ข้อมูลตัวอย่าง")


@needs_poppler
def test_counts_and_every_school_are_in_the_pdf(built: Built) -> None:
    text = _flat(_body(built.path))
    picture = built.picture
    # Inspection round 2 closes on 30 September: every school's latest submitted assessment by then
    # (round 2 for twelve, round 1 for the six that assessed themselves once).
    assert picture.reported == 18 and len(picture.not_reported) == 0
    for standing in picture.standings:
        assert _flat(standing.school.name) in text
    for item in picture.not_reported:
        assert _flat(item.school.name) in text
    # Seed 000's sentence per component: "ด้าน… มีความพร้อม ๔ โรงเรียน อยู่ในเกณฑ์มาตรฐาน ๓ โรงเรียน …".
    for component in picture.components:
        counts = picture.readiness_counts[component.code]
        parts = [f"{group.name} {thai_digits(counts[group.key])} โรงเรียน" for group in picture.groups
                 if counts[group.key]]
        assert _flat(f"{component.title} {' '.join(parts)}") in text
    # 6.2 1) counts 18 schools and says 12 sent this round, 6 with round 1's result (RETEST13 N1).
    assert _flat(f"ของโรงเรียนคุณภาพ {thai_digits(picture.reported)} โรงเรียน (จากทั้งหมด ๑๘ โรงเรียน: ส่งผลรอบนี้"
                 f" {thai_digits(picture.reported_this_round)} โรงเรียน") in text
    # Six are counted with round 1's result: they did not report round 2 (tester finding 8).
    assert _flat("โรงเรียนคุณภาพทุกโรงเรียนส่งผลการประเมินรอบนี้แล้ว") not in text
    assert len(picture.not_this_round) == 6 and text.count(_flat("ยังไม่ส่งผลรอบนี้")) == 6
    assert _flat("รอบที่ ๒ ประจำปีงบประมาณ พ.ศ. ๒๕๖๙") in text
    # The comparison with round 1, school by school.
    moves = picture.change_counts()
    assert _flat(f"ขยับขึ้นกลุ่มสีที่ดีขึ้น {thai_digits(moves['up'])} โรงเรียน") in text


@needs_poppler
def test_every_office_text_is_printed_exactly_breaking_between_words(built: Built) -> None:
    lines = _body(built.path).splitlines()  # a paragraph may run on across a page break
    paragraphs = [*TEXTS["situation"], *TEXTS["success_factors"], TEXTS["suggestions"], TEXTS["good_practices"]]
    found = find_in_order(paragraphs, lines)
    for text, spans in zip(paragraphs, found):
        assert break_problems(text, spans, TEXT_WIDTH, 14.0) == []
    assert TEXTS["office"] in "\n".join(lines)
    # The office's own 6.3 row, cell by cell, in its column; the problem and the solution numbered
    # as seed 001 writes them ("๑. อาคารเรียน…").
    for index, key in enumerate(("problem", "solution", "expected")):
        left = MARGIN + sum(PROBLEMS_WIDTHS[:index]) + 1
        column = text_lines(pdftotext(built.path, crop=(left, MARGIN, PROBLEMS_WIDTHS[index] - 2, 800)))
        cell = ("๑. " if key != "expected" else "") + TEXTS["problems"][0][key]
        spans = find_in_order([cell], column)[0]
        assert break_problems(cell, spans, PROBLEMS_WIDTHS[index] - 2 * PADDING, TABLE_SIZE) == []


def test_problems_come_from_the_visits_of_the_period(built: Built, demo: Path) -> None:
    """In every component, the point to develop that supervisors wrote for the most schools is
    among the suggested 6.3 rows (all the demo's final visits review a round of 2569 or fall
    within it); suggestions are not printed (tests/test_office_texts.py)."""
    from qualityschool_desktop.reports.summary.drafts import drafts
    from qualityschool_desktop.thai import DigitText

    with _open(demo) as workspace:
        rows = list(workspace.db.query(
            "SELECT visits.school_id, scope_code, to_develop FROM visit_findings"
            " JOIN visits ON visits.id = visit_findings.visit_id WHERE visits.status = 'final' AND to_develop <> ''"))
        data = summary_data(workspace, fiscal_year=2569, round=2, texts=TEXTS)
    schools: dict[tuple[str, str], set[str]] = {}
    for row in rows:
        schools.setdefault((row["scope_code"].split(".")[0], row["to_develop"].strip()), set()).add(row["school_id"])
    text = _flat("\n".join(row.problem for row in drafts(data, DigitText("thai")).problems))
    components = {component for component, _ in schools}
    assert len(components) >= 3
    for component in components:
        counts = {point: len(ids) for (code, point), ids in schools.items() if code == component}
        top = [point for point, count in counts.items() if count == max(counts.values())]
        assert any(_flat(point) in text for point in top), component


@needs_poppler
def test_arabic_digits_and_defaults_without_office_texts(demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "summary.pdf"
    with _open(demo) as workspace:
        write_summary_report(workspace, target, fiscal_year=2569, round=2, area_office="สพม.ตาก", digits="arabic")
    text = pdftotext(target)
    assert "หน้า 1 / " in text
    assert _flat("รอบที่ 2 ประจำปีงบประมาณ พ.ศ. 2569") in _flat(text)
    assert "สพม.ตาก" in text
    # Everything before 6.3 is the report's own writing (6.3 quotes the supervisors as they typed).
    own = text[: text.index("6.3 ปัญหาอุปสรรค")]
    assert not re.search("[๐-๙]", own), "the report's own numbers are Arabic"
    assert _flat("จัดให้มีโรงเรียนคุณภาพ 1 โรงเรียน ต่อ 1 อำเภอ") in _flat(own)
    lines = text_lines(text)
    # 6.4 and 6.5 without the office's text: a dash under each heading.
    for heading in ("6.4 ปัจจัยแห่งความสำเร็จ", "6.5 ข้อเสนอแนะ"):
        assert lines[lines.index(heading) + 1] == "-"


def test_nothing_to_report_is_refused_in_thai(demo: Path, tmp_path: Path) -> None:
    with _open(demo) as workspace:
        with pytest.raises(ValidationError, match="ไม่มีโรงเรียนใดส่งผลการประเมิน"):
            write_summary_report(workspace, tmp_path / "x.pdf", fiscal_year=2570, round=1)
        with pytest.raises(ValidationError, match="ไม่พบโรงเรียน"):
            write_summary_report(workspace, tmp_path / "x.pdf", fiscal_year=2569, round=1, province="เชียงใหม่")
    assert not (tmp_path / "x.pdf").exists()


def test_a_cancelled_build_leaves_no_file(demo: Path, tmp_path: Path) -> None:
    calls = []
    with _open(demo) as workspace:
        with pytest.raises(ReportCancelled):
            write_summary_report(workspace, tmp_path / "x.pdf", fiscal_year=2569, round=2,
                                 progress=lambda done, total: calls.append(done), cancelled=lambda: bool(calls))
    assert list(tmp_path.iterdir()) == []


def test_xlsx_holds_the_same_numbers(demo: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    with _open(demo) as workspace:
        data = summary_data(workspace, fiscal_year=2569, round=2)
    write_xlsx(summary_tables(data), tmp_path / "tables.xlsx")
    book = load_workbook(tmp_path / "tables.xlsx")
    picture = data.picture
    bands = list(book["กลุ่มสี"].iter_rows(values_only=True))
    assert bands[0][:2] == ("กลุ่มสี", "จำนวนโรงเรียน")
    assert [row[1] for row in bands[1:]] == [picture.band_counts[band.key] for band in picture.bands]
    assert all(isinstance(row[1], int) for row in bands[1:])
    readiness = list(book["ความพร้อมรายองค์ประกอบ"].iter_rows(values_only=True))
    for row, component in zip(readiness[1:], picture.components):
        assert list(row[1:4]) == [picture.readiness_counts[component.code][g.key] for g in picture.groups]
    schools = list(book["ผลรายโรงเรียน"].iter_rows(values_only=True))
    assert [row[2] for row in schools[1:]] == [s.school.name for s in picture.standings]
    assert schools[1][6] == round(picture.standings[0].score or 0, 2)
    names = book["ผลรายโรงเรียน"]  # school names whole: a wide column, or wrapped on a wide sheet (TEST26b F5)
    assert names.column_dimensions["C"].width > 20 or names["C2"].alignment.wrap_text


def test_csv_starts_with_a_bom_and_round_trips_thai(demo: Path, tmp_path: Path) -> None:
    with _open(demo) as workspace:
        data = summary_data(workspace, fiscal_year=2569, round=2)
    written = write_csv(summary_tables(data), tmp_path)
    assert {path.name for path in written} >= {"bands.csv", "schools.csv", "not_reported.csv"}
    raw = (tmp_path / "schools.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][2] == "โรงเรียน"
    assert [row[2] for row in rows[1:]] == [s.school.name for s in data.picture.standings]
    pending = list(csv.reader(io.StringIO((tmp_path / "not_reported.csv").read_text(encoding="utf-8-sig"))))
    assert [row[1] for row in pending[1:]] == [item.school.name for item in data.picture.not_this_round]


def test_office_texts_file_is_checked(tmp_path: Path) -> None:
    good = tmp_path / "texts.json"
    good.write_text(json.dumps(TEXTS, ensure_ascii=False), encoding="utf-8")
    texts = load_office_texts(good)
    assert texts.situation == "\n".join(TEXTS["situation"])
    assert texts.problems[0].expected == "อาคารเรียนมีโครงสร้างมั่นคงแข็งแรง"
    bad = tmp_path / "bad.json"
    bad.write_text('{"situation": 5}', encoding="utf-8")
    with pytest.raises(ValidationError, match="situation"):
        load_office_texts(bad)
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(ValidationError, match="บรรทัด 1"):
        load_office_texts(broken)
    assert OfficeTexts.from_mapping({}) == OfficeTexts()


def _cli(*argv: str) -> tuple[int | None, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(cli.parse(list(argv)), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def test_cli_writes_pdf_xlsx_and_csv(demo: Path, tmp_path: Path) -> None:
    texts = tmp_path / "texts.json"
    texts.write_text(json.dumps(TEXTS, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "csv").mkdir()
    status, out, err = _cli(
        "report", "summary", "--db", str(demo), "--year", "2569", "--round", "2", "--out", str(tmp_path / "s.pdf"),
        "--area-office", "สพป.ตาก เขต 2", "--texts", str(texts), "--xlsx", str(tmp_path / "s.xlsx"),
        "--csv", str(tmp_path / "csv"), "--digits", "arabic",
    )
    assert (status, err) == (0, "")
    assert (tmp_path / "s.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "s.xlsx").exists() and (tmp_path / "csv" / "bands.csv").exists()
    assert str(tmp_path / "s.pdf") in out


def test_cli_exit_2_with_a_thai_message(demo: Path, tmp_path: Path) -> None:
    base = ("report", "summary", "--db", str(demo), "--out", str(tmp_path / "s.pdf"))
    status, _out, err = _cli(*base, "--year", "2570", "--round", "3")
    assert status == 2 and "ยังไม่ได้กำหนดรอบการตรวจราชการที่ ๓ ของปีงบประมาณ ๒๕๗๐ (รอบที่กำหนดไว้: ๑, ๒)" in err
    status, _out, err = _cli(*base, "--year", "2570", "--round", "1")
    assert status == 2 and "ไม่มีโรงเรียนใดส่งผลการประเมิน" in err
    status, _out, err = _cli(*base, "--year", "69", "--round", "1")
    assert status == 2 and "ปีงบประมาณ" in err
    status, _out, err = _cli("report", "summary", "--db", str(demo), "--year", "2569", "--round", "1")
    assert status == 2 and "--out" in err
    status, _out, err = _cli(*base, "--year", "2569", "--round", "1", "--texts", str(tmp_path / "missing.json"))
    assert status == 2 and "ไฟล์ข้อความของสำนักงาน" in err and "อ่านไม่ได้" in err
    assert not (tmp_path / "s.pdf").exists()


@needs_poppler
def test_the_same_data_prints_the_same_summary(built: Built, tmp_path: Path) -> None:
    """Record ids are random UUIDs: two builds of the same demo must still print identically
    (points raised by the same number of schools once came out in UUID order)."""
    again = tmp_path / "again.sqlite3"
    with Workspace.open(again, create=True, installation=DEMO_INSTALLATION) as workspace:
        build_demo(workspace, today=TODAY)
        write_summary_report(workspace, tmp_path / "again.pdf", fiscal_year=2569, round=2, texts=TEXTS)
    assert pdftotext(tmp_path / "again.pdf", "-raw") == pdftotext(built.path, "-raw")


# -- spreadsheets: text stays text -------------------------------------------------------------------
FORMULAS = ("=1+1", '=HYPERLINK("http://x","y")', "+1+2", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)")


def _copy_of(demo: Path, folder: Path) -> Path:
    """A copy of the demo database made through SQLite's backup API, to change without touching
    the module's demo."""
    import sqlite3

    copy = folder / "copy.sqlite3"
    source, target = sqlite3.connect(demo), sqlite3.connect(copy)
    with target:
        source.backup(target)
    source.close()
    target.close()
    return copy


def _formula_texts() -> dict[str, object]:
    return {"problems": [{"problem": FORMULAS[0], "solution": FORMULAS[1], "expected": FORMULAS[2]},
                         {"problem": FORMULAS[3], "solution": FORMULAS[4]}]}


def _name_schools_like_formulas(workspace: Workspace) -> list[str]:
    """Give the first reporting schools formula-like names (typed in the window: the core keeps
    them as text) and one a name an older version stored with a tab, CR and a NUL in front."""
    standings = district_picture(workspace, 2569, 2).standings
    names = []
    for standing, formula in zip(standings, FORMULAS):
        names.append(workspace.schools.update(standing.school.id, name=formula).name)
    with workspace.db.write():
        workspace.db.execute("UPDATE schools SET name = ? WHERE id = ?",
                             ["\t\r\x00=1+1\x0bบ้านตาก", standings[len(FORMULAS)].school.id])
    return names


def test_xlsx_never_holds_a_formula(demo: Path, tmp_path: Path) -> None:
    import zipfile

    from openpyxl import load_workbook

    with _open(_copy_of(demo, tmp_path)) as workspace:
        names = _name_schools_like_formulas(workspace)
        data = summary_data(workspace, fiscal_year=2569, round=2, texts=_formula_texts())
    assert names == list(FORMULAS)
    target = write_xlsx(summary_tables(data), tmp_path / "tables.xlsx")
    with zipfile.ZipFile(target) as archive:
        sheets = [archive.read(name).decode("utf-8") for name in archive.namelist()
                  if name.startswith("xl/worksheets/sheet")]
    assert sheets and not any(re.search(r"<f[ >]", xml) for xml in sheets), "a formula element was written"
    book = load_workbook(target)
    cells = [cell for sheet in book for row in sheet.iter_rows() for cell in row]
    assert not [cell for cell in cells if cell.data_type == "f"]
    values = [cell.value for cell in cells if isinstance(cell.value, str)]
    for formula in FORMULAS:
        assert formula in values  # as typed, as text
    guarded = [cell for cell in cells if isinstance(cell.value, str) and cell.value[:1] in "=+-@"
               and cell.value != "-"]
    assert guarded and all(cell.quotePrefix for cell in guarded), "Excel would make a formula of it on editing"
    # The old name: the NUL dropped, the carriage return and vertical tab made line breaks, the tab
    # kept; a text cell with the quote prefix.
    assert "\t\n=1+1\nบ้านตาก" in values


def test_csv_neutralises_formulas_with_a_leading_apostrophe(demo: Path, tmp_path: Path) -> None:
    with _open(_copy_of(demo, tmp_path)) as workspace:
        _name_schools_like_formulas(workspace)
        data = summary_data(workspace, fiscal_year=2569, round=2, texts=_formula_texts())
    written = write_csv(summary_tables(data), tmp_path)
    cells = [cell for path in written
             for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))) for cell in row]
    for formula in FORMULAS:
        assert "'" + formula in cells
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "@", "\t", "\r")
                or cell[:1] == "-" and cell != "-" and not re.fullmatch(r"-[0-9.]+", cell)]  # numbers stay numbers
    assert not [cell for cell in cells if re.search("[\x00-\x08\x0b-\x1f]", cell)]
    assert "'\t\n=1+1\nบ้านตาก" in cells
    assert "-" in cells  # the tables' own dash for "none" is left as it is


def test_cli_exports_a_school_name_pasted_with_a_vertical_tab(demo: Path, tmp_path: Path) -> None:
    """Issue 11: such a name made ``report summary --xlsx`` exit 1 with a traceback and write nothing.
    New text is cleaned on the way in; a name an older version stored is cleaned on the way out."""
    from openpyxl import load_workbook

    copy = _copy_of(demo, tmp_path)
    with _open(copy) as workspace:
        standings = district_picture(workspace, 2569, 2).standings
        typed = workspace.schools.update(standings[0].school.id, name="โรงเรียน\x0bบ้านตาก").name
        with workspace.db.write():
            workspace.db.execute("UPDATE schools SET name = ? WHERE id = ?",
                                 ["โรงเรียนเก่า\x0bวิทยา\x00", standings[1].school.id])
    assert typed == "โรงเรียน บ้านตาก"
    (tmp_path / "csv").mkdir()
    status, out, err = _cli("report", "summary", "--db", str(copy), "--year", "2569", "--round", "2",
                            "--xlsx", str(tmp_path / "s.xlsx"), "--csv", str(tmp_path / "csv"))
    assert (status, err) == (0, "")
    names = [row[2] for row in load_workbook(tmp_path / "s.xlsx")["ผลรายโรงเรียน"].iter_rows(values_only=True)]
    assert "โรงเรียน บ้านตาก" in names and "โรงเรียนเก่า\nวิทยา" in names
    assert "โรงเรียนเก่า\nวิทยา" in (tmp_path / "csv" / "schools.csv").read_text(encoding="utf-8-sig")


def test_cli_exports_a_school_name_with_characters_xml_cannot_hold(demo: Path, tmp_path: Path) -> None:
    """Issue 11 (tester 11b, finding 2): a name with U+FFFE made ``report summary --xlsx/--docx``
    crash ("All strings must be XML compatible"). It is dropped on the way in; a name an older
    version stored is cleaned on the way out, in both files."""
    import docx
    from openpyxl import load_workbook

    copy = _copy_of(demo, tmp_path)
    with _open(copy) as workspace:
        standings = district_picture(workspace, 2569, 2).standings
        typed = workspace.schools.update(standings[0].school.id, name="โรงเรียน\ufffeบ้าน\u200dตาก\uffff").name
        with workspace.db.write():
            workspace.db.execute("UPDATE schools SET name = ? WHERE id = ?",
                                 ["โรงเรียนเก่า\ufffeวิทยา\uffff", standings[1].school.id])
    assert typed == "โรงเรียนบ้านตาก"
    status, out, err = _cli("report", "summary", "--db", str(copy), "--year", "2569", "--round", "2",
                            "--xlsx", str(tmp_path / "s.xlsx"), "--docx", str(tmp_path / "s.docx"))
    assert (status, err) == (0, "")
    names = [row[2] for row in load_workbook(tmp_path / "s.xlsx")["ผลรายโรงเรียน"].iter_rows(values_only=True)]
    assert "โรงเรียนบ้านตาก" in names and "โรงเรียนเก่าวิทยา" in names
    document = docx.Document(str(tmp_path / "s.docx"))
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert "โรงเรียนเก่าวิทยา" in cells


@needs_poppler
def test_without_an_office_name_no_sentence_has_a_placeholder_subject(demo: Path, tmp_path: Path) -> None:
    """TEST31 T2: with no office name set, 6.1 began "หน่วยงาน มีโรงเรียนคุณภาพ…": the form's label
    printed as the sentence's subject. The header keeps its blank line to write the name in."""
    target = tmp_path / "summary.pdf"
    with _open(demo) as workspace:
        write_summary_report(workspace, target, fiscal_year=2569, round=2, texts={})
    text = _flat(_body(target))
    assert _flat("หน่วยงาน มีโรงเรียนคุณภาพ") not in text
    assert _flat("โรงเรียนคุณภาพตามนโยบาย “๑ อำเภอ ๑ โรงเรียนคุณภาพ” ในพื้นที่มีจำนวน ๑๘ โรงเรียน ใน ๙ อำเภอ") in text
    assert "หน่วยงาน:....." in text  # the header's blank, to fill in by hand


@needs_poppler
def test_an_office_name_typed_with_arabic_digits_prints_in_the_reports_digits(demo: Path, tmp_path: Path) -> None:
    """TEST31: the office typed "… เขต 1": it printed "เขต 1" beside the schools' "สพป.ตาก เขต ๑"."""
    target = tmp_path / "summary.pdf"
    texts = {**TEXTS, "office": "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาตาก เขต 1"}
    with _open(demo) as workspace:
        write_summary_report(workspace, target, fiscal_year=2569, round=2, texts=texts)
    text = _flat(_body(target))
    assert _flat("หน่วยงาน : สำนักงานเขตพื้นที่การศึกษาประถมศึกษาตาก เขต ๑") in text
    assert "เขต1" not in text
