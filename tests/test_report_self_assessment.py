"""The self-assessment report, read back from the PDF the way a user copies it: every item and
evidence text exactly, lines broken only between words, marks shaped, the digits asked for, and
the command line that prints it."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from qualityschool_desktop import cli
from qualityschool_desktop.reports import ReportCancelled, ReportWriteError
from qualityschool_desktop.reports.blocks import PAGE_HEIGHT, TABLE_SIZE
from qualityschool_desktop.reports.chart import CURRENT_COLOUR, PREVIOUS_COLOUR
from qualityschool_desktop.reports.self_assessment import default_report_name, write_self_assessment_report
from qualityschool_desktop.reports.self_assessment.pdf import ITEM_HEADER, ITEM_WIDTHS, NA_REASON, NOTE, PADDING
from qualityschool_desktop.typeset import MARGIN
from qualityschool_desktop.workspace import Workspace

from .pdf_checks import (
    break_problems, count_shaped, drawn_glyphs, find_in_order, glyph_signature, harfbuzz, needs_poppler, original_font, pdftotext,
)
from .demo_cache import DEMO_INSTALLATION, copy_demo

pymupdf = pytest.importorskip("pymupdf")
pytestmark = needs_poppler

TODAY = date(2026, 11, 23)  # fiscal year 2570: the demo has drafts of this year and full rounds of 2569
SCHOOL = "9910000002"  # three rounds: 2569/1, 2569/2 (submitted) and 2570/1 (a draft half done)
ARABIC = re.compile(r"[0-9]")
THAI = re.compile(r"[๐-๙]")


@dataclass
class Built:
    path: Path
    workspace_path: Path
    assessment_id: str
    pages: int


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    copy_demo(path, tmp_path_factory, today=TODAY)
    with Workspace.open(path, installation=DEMO_INSTALLATION) as workspace:
        # A file attached to an item of the draft round, to see it named in the report.
        school = workspace.schools.by_code(SCHOOL)
        draft = workspace.assessments.find(school.id, 2570, 1)
        evidence = path.parent / "ภาพถ่ายอาคารเรียน.jpg"
        evidence.write_bytes(b"not really a photo")
        workspace.attachments.add(draft.id, "1.1.1", evidence)
    return path


def _open(path: Path) -> Workspace:
    return Workspace.open(path, installation=DEMO_INSTALLATION)


def _build(demo: Path, folder: Path, year: int, round: int, digits: str = "thai") -> Built:
    with _open(demo) as workspace:
        school = workspace.schools.by_code(SCHOOL)
        assessment = workspace.assessments.find(school.id, year, round)
        target = folder / default_report_name(school, assessment)
        write_self_assessment_report(workspace, assessment.id, target, digits=digits)
    with pymupdf.open(target) as doc:
        pages = doc.page_count
    return Built(target, demo, assessment.id, pages)


@pytest.fixture(scope="module")
def submitted(demo: Path, tmp_path_factory: pytest.TempPathFactory) -> Built:
    """Round 2 of 2569: complete, submitted, with a previous round to compare."""
    return _build(demo, tmp_path_factory.mktemp("reports"), 2569, 2)


@pytest.fixture(scope="module")
def draft(demo: Path, tmp_path_factory: pytest.TempPathFactory) -> Built:
    return _build(demo, tmp_path_factory.mktemp("reports"), 2570, 1)


def _column(path: Path, index: int) -> list[str]:
    """The lines of one column of the item tables, every page, top to bottom (running head and
    page number cropped away). Other text that falls in the same strip of the page — a chart
    label, a heading — comes along; the matching below skips it between cells, never inside one."""
    left = MARGIN + sum(ITEM_WIDTHS[:index]) + 1
    text = pdftotext(path, "-layout", crop=(left, MARGIN, ITEM_WIDTHS[index] - 2, PAGE_HEIGHT - 2 * MARGIN))
    lines = [line.strip() for line in text.splitlines()]
    # The header row repeats on every page; a cell continued on the next page runs on below it.
    return [line for line in lines if line and line != ITEM_HEADER[index]]


def _answers(built: Built) -> tuple[list[str], list[str]]:
    """The item texts and the evidence-column texts (evidence, notes, reasons) of the round,
    straight from the database, in report order."""
    with _open(built.workspace_path) as workspace:
        assessment = workspace.assessments.get(built.assessment_id)
        framework = workspace.assessments.framework_of(assessment)
        answers = workspace.answers.for_assessment(built.assessment_id)
    items, evidence = [], []
    for item in framework.items:
        items.append(item.text)
        answer = answers.get(item.code)
        if answer is None:
            continue
        if answer.not_applicable:
            evidence.append(NA_REASON + answer.na_reason)
        elif answer.evidence:
            evidence.append(answer.evidence)
        if answer.note:
            evidence.append(NOTE + answer.note)
    return items, evidence


def _page_text(path: Path, page: int) -> str:
    return pdftotext(path, "-raw", first=page, last=page)


def _break_problems(text: str, spans: list[tuple[int, int]], column: int) -> list[str]:
    return break_problems(text, spans, ITEM_WIDTHS[column] - 2 * PADDING, TABLE_SIZE)


def test_every_item_text_is_printed_exactly_and_lines_break_between_words(submitted: Built) -> None:
    items, _evidence = _answers(submitted)
    assert len(items) == 74
    found = find_in_order(items, _column(submitted.path, 1))
    inner_breaks = 0
    for text, spans in zip(items, found):
        assert _break_problems(text, spans, 1) == []
        inner_breaks += sum(end < len(text) and not text[end].isspace() for _start, end in spans)
    # The check is not vacuous: many lines broke between two words with no space between them.
    assert inner_breaks > 50


def test_every_evidence_text_note_and_reason_is_printed_exactly(submitted: Built) -> None:
    _items, evidence = _answers(submitted)
    assert len(evidence) > 40
    found = find_in_order(evidence, _column(submitted.path, 3))
    for text, spans in zip(evidence, found):
        assert _break_problems(text, spans, 3) == []


def test_the_header_and_summary_say_who_when_and_how_well(submitted: Built) -> None:
    first = _page_text(submitted.path, 1)
    flat = re.sub(r"\s+", " ", first)
    with _open(submitted.workspace_path) as workspace:
        assessment = workspace.assessments.get(submitted.assessment_id)
        school = workspace.schools.get(assessment.school_id)
        result = workspace.assessments.result(assessment.id)
        previous = workspace.assessments.result(workspace.assessments.previous(assessment).id)
    assert "รายงานผลการประเมินตนเอง ตามเกณฑ์โรงเรียนคุณภาพ ๕ ด้าน" in flat
    assert school.name in flat and "๙๙๑๐๐๐๐๐๐๒" in flat
    assert f"อำเภอ{school.district} จังหวัด{school.province}" in flat
    assert "ปีงบประมาณ พ.ศ. ๒๕๖๙ รอบที่ ๒" in flat
    assert f"{assessment.assessor_name} ({assessment.assessor_role})" in flat
    assert "ข้อมูลตัวอย่าง" in flat  # the demo school is labelled as such
    score = f"{result.overall:.2f}".translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    assert f"ผลการประเมินภาพรวม {score} ระดับ{result.overall_label}" in flat
    assert f"กลุ่มสี{result.band.name}" in flat
    assert "ตอบครบ ๗๔ ประเด็น" in flat
    # The previous round's overall and band are in the summary table.
    previous_score = f"{previous.overall:.2f}".translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    assert previous_score in flat and f"กลุ่มสี{previous.band.name}" in flat


def test_the_band_chip_is_painted_in_the_band_colour(submitted: Built) -> None:
    with _open(submitted.workspace_path) as workspace:
        band = workspace.assessments.result(submitted.assessment_id).band
    want = tuple(int(band.colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    with pymupdf.open(submitted.path) as doc:
        fills = [d["fill"] for d in doc[0].get_drawings() if d.get("fill")]
    assert any(all(abs(a - b) < 0.01 for a, b in zip(fill, want)) for fill in fills), "no shape in the band colour"


def test_the_chart_compares_this_round_with_the_previous_one(submitted: Built) -> None:
    text = re.sub(r"\s+", " ", pdftotext(submitted.path, "-raw", last=3))
    for label in ("รอบก่อน", "รอบนี้", "ด้านที่ ๑", "ด้านที่ ๕", "แผนภูมิคะแนนเฉลี่ยรายองค์ประกอบ"):
        assert label in text
    bars = {"current": 0, "previous": 0}
    with pymupdf.open(submitted.path) as doc:
        for page in doc.pages(0, 3):
            for drawing in page.get_drawings():
                fill = drawing.get("fill")
                for key, colour in (("current", CURRENT_COLOUR), ("previous", PREVIOUS_COLOUR)):
                    if fill and all(abs(a - b) < 0.01 for a, b in zip(fill, colour.rgb())):
                        bars[key] += 1
    # Five bars each, plus each series' legend square.
    assert bars == {"current": 6, "previous": 6}


def test_each_component_has_its_section_and_the_report_ends_with_signatures(submitted: Built) -> None:
    text = re.sub(r"\s+", " ", pdftotext(submitted.path, "-raw"))
    for number in "๑๒๓๔๕":
        assert f"องค์ประกอบที่ {number} ด้าน" in text
    assert text.count("จุดเด่น") == 5 and text.count("ประเด็นที่ควรพัฒนา") == 5
    last = re.sub(r"\s+", " ", _page_text(submitted.path, submitted.pages))
    assert re.search(r"ลงชื่อ \.{10,} ผู้ประเมิน", last)
    assert re.search(r"ลงชื่อ \.{10,} ผู้อำนวยการโรงเรียน", last)
    assert last.count("วันที่ ..... เดือน ............ พ.ศ. ......") == 2


def test_strength_and_develop_bullets_carry_the_forms_item_number(submitted: Built) -> None:
    """Issue 11 #14: "• ๑.๒.๓ … (แบบรายงานข้อ ๑.๑.๒.๓)" as the items' tables show it."""
    text = re.sub(r"\s+", "", pdftotext(submitted.path, "-raw"))  # a line may break inside the bullet
    bullets = re.findall(r"•[๐-๙.]+[^•]*?\(ระดับ[๐-๙]+[^)]*\)(\(แบบรายงานข้อ[๐-๙.]+\))?", text)
    assert len(bullets) > 5 and all(bullets), bullets



def test_tone_marks_are_shaped(submitted: Built) -> None:
    """The tone mark over an upper vowel (ที่) is another glyph, or sits elsewhere, than over a bare
    consonant (ต่อ): read from the glyphs the PDF draws, compared with HarfBuzz's own shaping."""
    size = 12.0  # the tables' text
    drawn = [glyph for page in range(2, 6) for glyph in drawn_glyphs(submitted.path, page, size=size)]
    assert count_shaped(drawn, "ที่", size) > 5
    assert count_shaped(drawn, "ต่อ", size) > 1
    font = original_font()
    over_vowel = harfbuzz("ที่", size)[2]
    bare = harfbuzz("ต่อ", size)[1]
    assert (glyph_signature(font, over_vowel[0]), round(over_vowel[2], 2)) != (
        glyph_signature(font, bare[0]), round(bare[2], 2)
    )


def test_thai_digits_in_page_numbers_scores_and_codes(submitted: Built) -> None:
    for page in range(1, submitted.pages + 1):
        lines = [line.strip() for line in _page_text(submitted.path, page).splitlines() if line.strip()]
        total = str(submitted.pages).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
        assert any(re.fullmatch(rf"หน้า [๐-๙]+ / {total}", line) for line in lines), f"page {page}"
    first = _page_text(submitted.path, 1)
    assert not ARABIC.search(first), ARABIC.findall(first)
    assert "๑.๑.๑" in _column(submitted.path, 0)


def test_an_unfinished_round_says_so_and_names_the_attached_file(draft: Built) -> None:
    flat = re.sub(r"\s+", " ", _page_text(draft.path, 1))
    assert re.search(r"ตอบแล้ว [๐-๙]+ จาก ๗๔ ประเด็น \(ผลเบื้องต้น\)", flat)
    assert "ฉบับร่าง" in flat
    beside_code = pdftotext(draft.path, "-layout", crop=(MARGIN + ITEM_WIDTHS[0] + 1, MARGIN, sum(ITEM_WIDTHS[1:]) - 2,
                                                         PAGE_HEIGHT - 2 * MARGIN))
    # Whole, on its line after the label (the row's ข้อ column names the item again: TEST32b B3).
    assert "ไฟล์แนบ: ภาพถ่ายอาคารเรียน.jpg" in [line.strip() for line in beside_code.splitlines()]
    assert "ยังไม่ได้ประเมิน" in "".join(_column(draft.path, 2))


def test_a_cell_taller_than_a_page_continues_on_the_next_row(memory_workspace: Workspace, tmp_path: Path) -> None:
    """A whole chapter of evidence still prints, line by line, over several pages."""
    school = memory_workspace.schools.add(code="6301000001", name="โรงเรียนบ้านตาก", district="บ้านตาก", province="ตาก")
    assessment = memory_workspace.assessments.start(school.id, 2569)
    items = memory_workspace.frameworks.latest().items
    long = " ".join(item.text for item in items[:20])
    memory_workspace.answers.set_level(assessment.id, items[0].code, 4)
    memory_workspace.answers.set_text(assessment.id, items[0].code, "evidence", long)
    target = tmp_path / "long.pdf"
    write_self_assessment_report(memory_workspace, assessment.id, target)
    found = find_in_order([long], _column(target, 3))
    assert len(found[0]) > 60


def test_cancelling_leaves_the_old_file_and_no_leftovers(memory_workspace: Workspace, tmp_path: Path) -> None:
    school = memory_workspace.schools.add(code="6301000001", name="โรงเรียนบ้านตาก")
    assessment = memory_workspace.assessments.start(school.id, 2569)
    target = tmp_path / "report.pdf"
    target.write_bytes(b"the report printed yesterday")
    calls: list[tuple[int, int]] = []
    with pytest.raises(ReportCancelled):
        write_self_assessment_report(
            memory_workspace, assessment.id, target, progress=lambda done, total: calls.append((done, total)),
            cancelled=lambda: len(calls) >= 3,
        )
    assert target.read_bytes() == b"the report printed yesterday"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]
    # Header, five components (the signatures go with the last), the PDF: seven steps (T9 merged a part).
    assert calls[:3] == [(1, 7), (2, 7), (3, 7)]
    # Uncancelled, progress runs to the end and the file is replaced whole.
    calls.clear()
    write_self_assessment_report(memory_workspace, assessment.id, target, progress=lambda d, t: calls.append((d, t)))
    assert calls[-1] == (7, 7) and target.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]


def test_a_missing_folder_is_a_clear_error(memory_workspace: Workspace, tmp_path: Path) -> None:
    school = memory_workspace.schools.add(code="6301000001", name="โรงเรียนบ้านตาก")
    assessment = memory_workspace.assessments.start(school.id, 2569)
    with pytest.raises(ReportWriteError, match="ไม่พบโฟลเดอร์"):
        write_self_assessment_report(memory_workspace, assessment.id, tmp_path / "no" / "report.pdf")


def test_the_default_file_name_is_safe_on_windows(memory_workspace: Workspace) -> None:
    school = memory_workspace.schools.add(code="6301000001", name='โรงเรียน "บ้าน/ตาก": สาขา*?')
    assessment = memory_workspace.assessments.start(school.id, 2569)
    name = default_report_name(school, assessment)
    assert name.startswith("รายงานประเมินตนเอง-โรงเรียน") and name.endswith("-2569-รอบ1.pdf")
    assert not set('<>:"/\\|?*') & set(name)


# -- the command line ----------------------------------------------------------------------------
def _run(*argv: str) -> tuple[int | None, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(cli.parse(list(argv)), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def test_cli_writes_the_latest_round_in_arabic_digits(demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    status, out, err = _run(
        "report", "self-assessment", "--db", str(demo), "--school", SCHOOL, "--out", str(target), "--digits", "arabic"
    )
    assert status == 0, err
    assert out.strip() == str(target)
    first = re.sub(r"\s+", " ", _page_text(target, 1))
    assert "ปีงบประมาณ พ.ศ. 2570 รอบที่ 1" in first  # the latest round, a draft
    assert "รายงานผลการประเมินตนเอง ตามเกณฑ์โรงเรียนคุณภาพ 5 ด้าน" in first
    assert not THAI.search(first), THAI.findall(first)
    assert re.search(r"หน้า 1 / \d+", pdftotext(target, "-raw", last=1))


def test_cli_picks_a_round_by_year(demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    status, _out, err = _run(
        "report", "self-assessment", "--db", str(demo), "--school", SCHOOL, "--year", "2569", "--out", str(target)
    )
    assert status == 0, err
    assert "ปีงบประมาณ พ.ศ. ๒๕๖๙ รอบที่ ๒" in re.sub(r"\s+", " ", _page_text(target, 1))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--school", "1234567890"), "ไม่พบโรงเรียนรหัส 1234567890"),
        (("--school", SCHOOL, "--round", "9"), "ไม่พบการประเมิน รอบที่ 9"),
    ],
)
def test_cli_refuses_an_unknown_school_or_round(demo: Path, tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    target = tmp_path / "report.pdf"
    status, out, err = _run("report", "self-assessment", "--db", str(demo), *args, "--out", str(target))
    assert status == 2 and message in err and out == ""
    assert not target.exists()


def test_cli_refuses_a_missing_database_and_a_missing_folder(demo: Path, tmp_path: Path) -> None:
    status, _out, err = _run(
        "report", "self-assessment", "--db", str(tmp_path / "none.sqlite3"), "--school", SCHOOL,
        "--out", str(tmp_path / "r.pdf"),
    )
    assert status == 2 and "ไม่พบไฟล์ฐานข้อมูล" in err
    assert not (tmp_path / "none.sqlite3").exists()
    status, _out, err = _run(
        "report", "self-assessment", "--db", str(demo), "--school", SCHOOL, "--out", str(tmp_path / "no" / "r.pdf"),
    )
    assert status == 2 and "ไม่พบโฟลเดอร์" in err


def test_each_item_prints_its_own_title_in_the_items_table(submitted: Built) -> None:
    """TEST31 T7: only "แบบรายงานข้อ ๑.๑.๑.๑" and the descriptor were printed, not the item's title."""
    with _open(submitted.workspace_path) as workspace:
        items = workspace.frameworks.latest().items
    statements = re.sub(r"\s+", "", "".join(_column(submitted.path, 1)))
    for item in items[:10]:
        assert re.sub(r"\s+", "", item.title) in statements, item.title


def test_a_round_with_little_evidence_gives_the_descriptors_the_room(submitted: Built) -> None:
    """TEST31 T7: 29 pages for 74 items; the evidence column wide and mostly "–", the descriptors
    narrow, wrapping 5–8 lines. The descriptor's column is the widest."""
    assert ITEM_WIDTHS[1] > 1.8 * ITEM_WIDTHS[3]


def test_a_component_with_no_item_rated_yet_says_so_not_that_all_are_excellent(
        memory_workspace: Workspace, tmp_path: Path) -> None:
    """A draft round with nothing rated in a component printed "ทุกประเด็นที่ประเมินอยู่ในระดับยอดเยี่ยม" under
    ประเด็นที่ควรพัฒนา (found by pdf31): no item was assessed, so none is excellent either."""
    school = memory_workspace.schools.add(code="6301000001", name="โรงเรียนบ้านตาก", district="บ้านตาก", province="ตาก")
    assessment = memory_workspace.assessments.start(school.id, 2569)
    items = memory_workspace.frameworks.latest().items
    memory_workspace.answers.set_level(assessment.id, items[0].code, 4)  # component 1 only
    target = tmp_path / "draft.pdf"
    write_self_assessment_report(memory_workspace, assessment.id, target)
    flat = re.sub(r"\s+", "", pdftotext(target))
    assert "ทุกประเด็นที่ประเมินอยู่ในระดับ" not in flat
    assert "ยังไม่ได้ประเมินประเด็นใดขององค์ประกอบนี้" in flat
