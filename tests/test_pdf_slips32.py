"""PDF slips a new user saw (TEST32b B5 B6 B3 B7 B12 B16 B17), read back with pdftotext: words
whole at line ends, names and dates on one line, the signer the screen names."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from qualityschool_desktop.reports.blocks import SIGN_NAME_BLANK
from qualityschool_desktop.inspection.picture import visits_in_period
from qualityschool_desktop.reports.budget import write_budget_report
from qualityschool_desktop.reports.plan import write_plan_report
from qualityschool_desktop.reports.self_assessment import write_self_assessment_report
from qualityschool_desktop.reports.summary import summary_data, write_summary_report
from qualityschool_desktop.reports.summary.drafts import drafts
from qualityschool_desktop.thai import DigitText
from qualityschool_desktop.reports.visit import write_visit_report
from qualityschool_desktop.typeset.segment import units
from qualityschool_desktop.workspace import Workspace

from .demo_cache import DEMO_INSTALLATION, copy_demo
from .pdf_checks import needs_poppler, pdftotext

TODAY = date(2026, 12, 2)
SCHOOL = "9910000002"


def _lines(path: Path) -> list[str]:
    return [line.strip() for line in pdftotext(path, "-layout").splitlines() if line.strip()]


def _flat(path: Path) -> str:
    return re.sub(r"\s+", " ", pdftotext(path, "-raw"))


# -- B5: where a line may break -------------------------------------------------------------------
@pytest.mark.parametrize(("text", "whole"), [
    ("เพิ่มตัวชี้วัดผลลัพธ์ในโครงการตามแผนปฏิบัติการ", "โครงการ"),
    ("(ประเมินเมื่อ ๒๕ พ.ย. ๒๕๖๙)", "๒๕ พ.ย. ๒๕๖๙)"),
    ("เกณฑ์ (ปีงบประมาณ ๒๕๖๘)", "(ปีงบประมาณ ๒๕๖๘)"),
    ("ที่สถานศึกษากำหนด : นักเรียนร้อยละ ๘๐", "กำหนด :"),
])
def test_a_word_or_a_date_is_one_unit(text: str, whole: str) -> None:
    assert any(whole in unit for unit in units(text)), units(text)


@pytest.fixture(scope="module")
def visit_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The draft visit of the demo with the tester's follow-up and a director whose position was
    typed with a letter missing (ผู้อำวยการ): the screen still names him as the school's signer."""
    folder = tmp_path_factory.mktemp("visit32")
    db = copy_demo(folder / "demo.sqlite3", tmp_path_factory, today=TODAY)
    with Workspace.open(db, installation=DEMO_INSTALLATION) as workspace:
        school = workspace.schools.by_code(SCHOOL)
        # A new visit, as the tester made: the demo's earlier follow-ups come along in ๔.๑.
        visit = workspace.visits.start(school.id, visited_on=TODAY, purpose="ติดตามการพัฒนา")
        workspace.visits.add_person(visit.id, "school", "นายบุญเลิศ ทองดี", "ผู้อำวยการโรงเรียน")
        target = folder / "visit.pdf"
        write_visit_report(workspace, visit.id, target)
    return target


@needs_poppler
@pytest.mark.parametrize("word", ["โครงการ", "สารสนเทศ", "กลุ่มสาระ"])
def test_visit_record_breaks_no_word(visit_pdf: Path, word: str) -> None:
    lines = _lines(visit_pdf)
    assert any(word in line for line in lines), [line for line in lines if word[:3] in line]


@needs_poppler
def test_visit_record_keeps_the_school_name_in_the_signature_on_one_line(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    db = copy_demo(tmp_path / "demo.sqlite3", tmp_path_factory, today=TODAY)
    with Workspace.open(db, installation=DEMO_INSTALLATION) as workspace:
        school = workspace.schools.by_code(SCHOOL)
        visit = workspace.visits.start(school.id, visited_on=TODAY)  # nobody named: a blank line to sign
        write_visit_report(workspace, visit.id, tmp_path / "visit.pdf")
    signature = _flat(tmp_path / "visit.pdf").split("ผู้รับการนิเทศ")[-1]
    assert SIGN_NAME_BLANK in signature and school.name in signature


@needs_poppler
def test_visit_record_names_the_school_signer_the_screen_names(visit_pdf: Path) -> None:
    text = _flat(visit_pdf)
    assert "(นายบุญเลิศ ทองดี)" in text
    assert "ผู้อำวยการโรงเรียน" in text


# -- B3: the self-assessment report -----------------------------------------------------------------
@pytest.fixture(scope="module")
def self_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tester's round (สันป่าลาน ๒๕๗๐/๑) with a file attached to the last item of a component."""
    folder = tmp_path_factory.mktemp("self32")
    db = copy_demo(folder / "demo.sqlite3", tmp_path_factory, today=TODAY)
    with Workspace.open(db, installation=DEMO_INSTALLATION) as workspace:
        school = workspace.schools.by_code(SCHOOL)
        round_ = workspace.assessments.find(school.id, 2570, 1)
        evidence = folder / "evidence1.png"
        evidence.write_bytes(b"not really a picture")
        workspace.attachments.add(round_.id, "5.6.1", evidence)
        target = folder / "self.pdf"
        write_self_assessment_report(workspace, round_.id, target)
    return target


@needs_poppler
def test_self_assessment_no_line_starts_with_a_colon(self_pdf: Path) -> None:
    assert not [line for line in _lines(self_pdf) if line.startswith(":")]


@needs_poppler
def test_self_assessment_year_stays_with_its_word(self_pdf: Path) -> None:
    lines = _lines(self_pdf)
    assert any("ปีงบประมาณ ๒๕๗๑" in line for line in lines), [line for line in lines if "ปีงบประมาณ" in line]


@needs_poppler
def test_self_assessment_attachment_row_names_its_item(self_pdf: Path) -> None:
    assert "๕.๖.๑ ไฟล์แนบ: evidence1.png" in _lines(self_pdf)


def test_self_assessment_title_in_the_page_digits(self_pdf: Path) -> None:
    pymupdf = pytest.importorskip("pymupdf")
    with pymupdf.open(self_pdf) as doc:
        title = doc.metadata["title"]
    assert "๒๕๗๐" in title and not re.search(r"[0-9]", title), title


# -- B7: the inspection summary -----------------------------------------------------------------------
@pytest.fixture(scope="module")
def summary_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("summary32")
    db = copy_demo(folder / "demo.sqlite3", tmp_path_factory, today=TODAY)
    target = folder / "summary.pdf"
    with Workspace.open(db, installation=DEMO_INSTALLATION) as workspace:
        write_summary_report(workspace, target, fiscal_year=2569, round=2,
                             texts={"office": "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาตาก เขต ๒"})
    return target


_COUNTED = re.compile(r"[๐-๙]+$")


@needs_poppler
def test_summary_keeps_a_count_with_its_noun(summary_pdf: Path) -> None:
    lines = [line.strip() for line in pdftotext(summary_pdf, "-raw").splitlines() if line.strip()]
    split = [(a, b) for a, b in zip(lines, lines[1:]) if _COUNTED.search(a) and b.startswith(("โรงเรียน", "อำเภอ", "ประเด็น"))]
    assert not split


@needs_poppler
def test_summary_header_labels_all_take_a_colon(summary_pdf: Path) -> None:
    head = _lines(summary_pdf)[:8]
    assert "หน่วยงาน : สำนักงานเขตพื้นที่การศึกษาประถมศึกษาตาก เขต ๒" in head, head
    assert any(line.startswith("นโยบายการตรวจฯ : ") for line in head)


# -- B12: the budget summary ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def budget_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("budget32")
    db = copy_demo(folder / "demo.sqlite3", tmp_path_factory, today=TODAY)
    with Workspace.open(db, installation=DEMO_INSTALLATION) as workspace:
        return write_budget_report(workspace, 2571, folder / "budget.pdf")


@needs_poppler
def test_budget_quantity_stays_with_its_unit(budget_pdf: Path) -> None:
    lines = _lines(budget_pdf)
    fences = [line for line in lines if "รั้วโรงเรียน" in line]
    assert fences and all(re.search(r"[๐-๙,]+ เมตร", line) for line in fences), fences


@needs_poppler
def test_budget_rule_line_cites_no_other_province(budget_pdf: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The bundled limits come from Lampang's report (seed 001): a Tak office's print stated them
    without naming Lampang's office as if it were its own rule."""
    text = _flat(budget_pdf)
    assert "เกณฑ์: ครุภัณฑ์ไม่เกิน ๓ รายการ ที่ดินและสิ่งก่อสร้างไม่เกิน ๒ รายการต่อโรงเรียน" in text
    assert "ลำปาง" not in text


# -- B16: the plan --------------------------------------------------------------------------------------
@needs_poppler
def test_plan_column_headings_are_broken_only_between_words(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    db = copy_demo(tmp_path / "demo.sqlite3", tmp_path_factory, today=TODAY)
    with Workspace.open(db, installation=DEMO_INSTALLATION) as workspace:
        plan = workspace.plans.for_school(workspace.schools.by_code(SCHOOL).id)[0]
        target = write_plan_report(workspace, plan.id, tmp_path / "plan.pdf")
    words = set(" ".join(_lines(target)).split())
    assert {"เป้าหมาย", "หน่วยนับ", "ค่าฐาน"} <= words, sorted(w for w in words if len(w) < 6)


# -- B17: the office report's suggestions ---------------------------------------------------------------
def test_a_recommendation_without_a_point_says_so_and_names_the_component_once(
        tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    """The tester's supervisor wrote only a recommendation for component 4: the suggested problem
    read "ด้านที่ ๔ ด้านการจัดการเรียนรู้", a component's name (with ด้าน twice) as if it were the
    problem."""
    db = copy_demo(tmp_path / "demo.sqlite3", tmp_path_factory, today=date(2026, 11, 23))
    advice = "ส่งเสริมการสอนแบบลงมือทำ ทดลองจริงทุกหน่วยการเรียนรู้"
    with Workspace.open(db, installation=DEMO_INSTALLATION) as workspace:
        data = summary_data(workspace, fiscal_year=2569, round=2)
        inspection = workspace.inspection_rounds.find(2569, 2)
        schools = [school.id for school in workspace.schools.list()]
        visit = (visits_in_period(workspace, inspection, schools) if inspection is not None
                 else workspace.visits.final(fiscal_year=2569))[-1]
        workspace.visits.reopen(visit.id, "เพิ่มข้อเสนอแนะ")
        workspace.visits.set_text(visit.id, "4", "to_develop", "")
        workspace.visits.set_text(visit.id, "4", "recommendations", advice)
        workspace.visits.finalise(visit.id)
        offered = drafts(summary_data(workspace, fiscal_year=2569, round=2), DigitText("thai")).problems
    assert data is not None
    rows = [row for row in offered if advice in row.solution]
    assert rows, [row.problem for row in offered]
    assert rows[0].problem.startswith("ด้านที่ ๔ การจัดการเรียนรู้"), rows[0].problem
    assert "ไม่ได้ระบุจุดที่ควรพัฒนา" in rows[0].problem
