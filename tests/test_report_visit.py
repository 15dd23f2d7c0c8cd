"""The visit record (บันทึกการนิเทศ ติดตาม), read back from the PDF the way a user copies it:
every observation, recommendation and follow-up exactly, lines broken only between words, the
two views and their gaps, signature lines for each side, the digits asked for, and the command
line that prints it."""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from qualityschool_desktop import cli
from qualityschool_desktop.comparison import compare
from qualityschool_desktop.reports import ReportCancelled, ReportWriteError
from qualityschool_desktop.reports.blocks import PAGE_HEIGHT, SIGN_NAME_BLANK, TABLE_SIZE, tint
from qualityschool_desktop.reports.visit import default_visit_report_name, write_visit_report
from qualityschool_desktop.reports.visit.compare import LOWER_COLOUR, PADDING, component_gap_text, item_gap_text
from qualityschool_desktop.reports.visit.data import gather
from qualityschool_desktop.reports.visit.pdf import (
    AGREED_WIDTHS, CARRIED_WIDTHS, FIELD_LABELS, FILES_LABEL, FINDING_WIDTHS,
)
from qualityschool_desktop.thai import DigitText
from qualityschool_desktop.typeset import MARGIN
from qualityschool_desktop.visit_records import Visit
from qualityschool_desktop.workspace import Workspace

from .pdf_checks import break_problems, find_in_order, needs_poppler, pdftotext
from .demo_cache import DEMO_INSTALLATION, copy_demo

pymupdf = pytest.importorskip("pymupdf")
pytestmark = needs_poppler

TODAY = date(2026, 11, 23)
SCHOOL = "9910000002"  # yellow: three visits, the latest one still a draft
PHOTO = "ภาพห้องปฏิบัติการวิทยาศาสตร์.jpg"
ARABIC = re.compile(r"[0-9]")
THAI = re.compile(r"[๐-๙]")
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


@dataclass
class Built:
    path: Path
    db: Path
    visit_id: str
    pages: int


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    copy_demo(path, tmp_path_factory, today=TODAY)
    with Workspace.open(path, installation=DEMO_INSTALLATION) as workspace:
        # A photo attached to a component of the draft visit, to see it named in the record.
        school = workspace.schools.by_code(SCHOOL)
        draft = workspace.visits.for_school(school.id)[0]
        photo = path.parent / PHOTO
        photo.write_bytes(b"not really a photo")
        workspace.visits.add_attachment(draft.id, "1", photo)
    return path


def _open(path: Path) -> Workspace:
    return Workspace.open(path, installation=DEMO_INSTALLATION)


def _build(db: Path, folder: Path, visit_id: str, digits: str = "thai") -> Built:
    with _open(db) as workspace:
        visit = workspace.visits.get(visit_id)
        target = folder / default_visit_report_name(workspace.schools.get(visit.school_id), visit)
        write_visit_report(workspace, visit_id, target, digits=digits)
    with pymupdf.open(target) as doc:
        pages = doc.page_count
    return Built(target, db, visit_id, pages)


def _latest_visit(db: Path, code: str) -> Visit:
    with _open(db) as workspace:
        return workspace.visits.for_school(workspace.schools.by_code(code).id)[0]


@pytest.fixture(scope="module")
def draft(demo: Path, tmp_path_factory: pytest.TempPathFactory) -> Built:
    return _build(demo, tmp_path_factory.mktemp("visit"), _latest_visit(demo, SCHOOL).id)


@pytest.fixture(scope="module")
def overdue(demo: Path, tmp_path_factory: pytest.TempPathFactory) -> Built:
    """A final visit that found an earlier action still open past its due date."""
    with _open(demo) as workspace:
        for visit in workspace.visits.all():
            carried = gather(workspace, visit.id).carried
            if visit.is_final and any(
                item.status == "open" and item.due_date and item.due_date < visit.visited_date for item in carried
            ):
                break
        else:
            raise AssertionError("the demo has no visit that found an overdue action")
    return _build(demo, tmp_path_factory.mktemp("visit"), visit.id)


def _flat(path: Path, first: int | None = None, last: int | None = None) -> str:
    return re.sub(r"\s+", " ", pdftotext(path, "-raw", first=first, last=last))


def _strip(path: Path, left: float, width: float) -> list[str]:
    """The lines of one vertical strip of every page (running head and page number cropped away).
    Other text in the same strip comes along; the matching skips it between paragraphs."""
    text = pdftotext(path, "-layout", crop=(left + 1, MARGIN, width - 2, PAGE_HEIGHT - 2 * MARGIN))
    return [line.strip() for line in text.splitlines() if line.strip()]


def _finding_texts(built: Built) -> list[str]:
    """What the supervisor wrote, in the record's order: per component its own texts and files,
    then the items looked at in that component."""
    with _open(built.db) as workspace:
        data = gather(workspace, built.visit_id)
    texts: list[str] = []
    for section in data.components:
        findings = [section.finding] if section.finding else []
        files = [section.attachments]
        findings += [entry.finding for entry in section.items]
        files += [entry.attachments for entry in section.items]
        for finding, attached in zip(findings, files):
            texts += [str(getattr(finding, name)).strip() for name in FIELD_LABELS if getattr(finding, name).strip()]
            texts += list(attached)  # one file name a line
    return texts


def test_every_observation_and_recommendation_is_printed_exactly_between_words(draft: Built) -> None:
    texts = _finding_texts(draft)
    assert len(texts) > 12
    assert PHOTO in texts
    column = _strip(draft.path, MARGIN + FINDING_WIDTHS[0], FINDING_WIDTHS[1])
    found = find_in_order(texts, column)
    inner_breaks = 0
    for text, spans in zip(texts, found):
        assert break_problems(text, spans, FINDING_WIDTHS[1] - 2 * PADDING, TABLE_SIZE) == []
        inner_breaks += sum(end < len(text) and not text[end].isspace() for _start, end in spans)
    # Not vacuous: lines broke between two Thai words with no space between them.
    assert inner_breaks > 3
    labels = _flat(draft.path)
    for label in (*FIELD_LABELS.values(), FILES_LABEL):
        assert label in labels


@pytest.mark.parametrize("fixture", ["draft", "overdue"])
def test_every_follow_up_action_is_printed_exactly(fixture: str, request: pytest.FixtureRequest) -> None:
    built: Built = request.getfixturevalue(fixture)
    with _open(built.db) as workspace:
        data = gather(workspace, built.visit_id)
        if fixture == "draft":  # the latest visit starts from what is open now
            assert list(data.carried) == workspace.follow_ups.open_before(built.visit_id)
    carried = [item.action for item in data.carried]
    agreed = [item.action for item in data.agreed]
    assert carried and agreed
    left = MARGIN + CARRIED_WIDTHS[0]
    for actions, width in ((carried, CARRIED_WIDTHS[1]), (agreed, AGREED_WIDTHS[1])):
        found = find_in_order(actions, _strip(built.path, left, width))
        for text, spans in zip(actions, found):
            assert break_problems(text, spans, width - 2 * PADDING, TABLE_SIZE) == []


def test_the_header_says_which_school_when_and_that_it_is_a_draft(draft: Built) -> None:
    first = _flat(draft.path, 1, 1)
    with _open(draft.db) as workspace:
        data = gather(workspace, draft.visit_id)
    school, visit = data.school, data.visit
    assert "บันทึกการนิเทศ ติดตาม" in first
    assert school.name in first and "๙๙๑๐๐๐๐๐๐๒" in first
    assert f"อำเภอ{school.district} จังหวัด{school.province}" in first
    assert "การนิเทศครั้งที่ ๓ วันที่ ๒๐ พฤศจิกายน ๒๕๖๙" in first
    start, end = (value.replace(":", ".").translate(THAI_DIGITS) for value in (visit.start_time, visit.end_time))
    assert f"เวลา {start}–{end} น." in first
    assert "ลงพื้นที่ ณ โรงเรียน" in first
    assert "ปีงบประมาณ ๒๕๖๙ รอบที่ ๒" in first  # the round the visit reviews
    assert visit.purpose in first
    assert "ฉบับร่าง" in first and "ข้อมูลตัวอย่าง" in first
    for person in (*data.visitors, *data.school_people):
        assert person.name in first and person.position in first


def test_a_final_record_is_not_marked_draft(overdue: Built) -> None:
    assert "ฉบับร่าง" not in _flat(overdue.path)
    assert "ยืนยันแล้ว" in _flat(overdue.path, 1, 1)


def test_the_comparison_shows_both_views_and_the_gaps_in_words(draft: Built) -> None:
    text = _flat(draft.path, 1, 3)
    with _open(draft.db) as workspace:
        visit = workspace.visits.get(draft.visit_id)
        framework = workspace.visits.framework_of(visit)
        comparison = compare(
            framework, workspace.answers.for_assessment(visit.assessment_id or ""), workspace.visits.findings(visit.id)
        )
    t = DigitText("thai")
    verdicts = set()
    for gap in comparison.components:
        row = " ".join(part for part in (t.score(gap.school), t.score(gap.supervisor)))
        assert t.score(gap.school) in text and t.score(gap.supervisor) in text, row
        assert component_gap_text(gap, t).replace("\n", " ") in text
        verdicts.add(gap.verdict)
    rated = [gap for gap in comparison.items if gap.supervisor is not None]
    assert rated
    for gap in rated:
        assert item_gap_text(gap, t) in text
    # The demo's draft has the supervisor below the school somewhere, marked in words and colour.
    assert "lower" in verdicts and re.search(r"ต่ำกว่า [๐-๙]\.[๐-๙]{2}", text)
    assert "ต่างกันมากที่สุด" in text
    want = tint(LOWER_COLOUR, 0.78).rgb()
    with pymupdf.open(draft.path) as doc:
        fills = [d["fill"] for page in doc for d in page.get_drawings() if d.get("fill")]
    assert any(all(abs(a - b) < 0.01 for a, b in zip(fill, want)) for fill in fills), "no cell shaded as lower"


def test_follow_ups_show_their_status_and_overdue_ones_say_so(overdue: Built) -> None:
    text = _flat(overdue.path)
    assert "ข้อตกลงจากการนิเทศครั้งก่อน" in text and "ข้อตกลงในการนิเทศครั้งนี้" in text
    assert "ยังไม่เสร็จ เลยกำหนด" in text
    with _open(overdue.db) as workspace:
        data = gather(workspace, overdue.visit_id)
    carried, agreed = data.carried, data.agreed
    if any(item.status == "done" for item in carried):
        assert re.search(r"ดำเนินการแล้ว [๐-๙]+ [ก-ฮ]\.[ก-ฮ]\. [๐-๙]{4}", text)
    # Owners are short cells that may wrap: compared without the spaces at line breaks.
    joined = text.replace(" ", "")
    for item in [*carried, *agreed]:
        assert item.owner.replace(" ", "") in joined


def test_signature_lines_for_every_supervisor_and_the_director(draft: Built) -> None:
    last = _flat(draft.path, draft.pages, draft.pages)
    with _open(draft.db) as workspace:
        data = gather(workspace, draft.visit_id)
    assert data.director is not None
    assert len(re.findall(r"ลงชื่อ \.{10,} ผู้นิเทศ", last)) == len(data.visitors)
    assert len(re.findall(r"ลงชื่อ \.{10,} ผู้รับการนิเทศ", last)) == 1
    for person in (*data.visitors, data.director):
        assert f"({person.name})" in last
    # A long position wraps under the name: compared without the spaces at line breaks.
    assert f"ตำแหน่ง{data.director.position}".replace(" ", "") in last.replace(" ", "")


def test_without_the_director_the_school_person_met_signs(demo: Path, tmp_path: Path) -> None:
    """As the screen's ลงนามและยืนยัน lists them (TEST32b B6); with nobody named the school signs on
    a blank line under its director's title (test_pdf_slips32)."""
    with _open(demo) as workspace:
        online = next(v for v in workspace.visits.all() if v.visit_type == "online")
        data = gather(workspace, online.id)
        assert data.director is None and data.school_signer is not None
    built = _build(demo, tmp_path, online.id)
    last = _flat(built.path, built.pages, built.pages)
    assert SIGN_NAME_BLANK not in last and f"({data.school_signer.name})" in last
    assert data.school_signer.position.replace(" ", "") in last.replace(" ", "")
    assert "ออนไลน์" in _flat(built.path, 1, 1)


def test_thai_digits_everywhere_and_page_numbers(draft: Built) -> None:
    total = str(draft.pages).translate(THAI_DIGITS)
    for page in range(1, draft.pages + 1):
        lines = [line.strip() for line in pdftotext(draft.path, "-raw", first=page, last=page).splitlines()]
        assert any(re.fullmatch(rf"หน้า [๐-๙]+ / {total}", line) for line in lines), f"page {page}"
    first = _flat(draft.path, 1, 1)
    assert not ARABIC.search(first), ARABIC.findall(first)


def test_arabic_digits_when_asked(demo: Path, draft: Built, tmp_path: Path) -> None:
    built = _build(demo, tmp_path, draft.visit_id, digits="arabic")
    first = _flat(built.path, 1, 1)
    assert "การนิเทศครั้งที่ 3 วันที่ 20 พฤศจิกายน 2569" in first
    assert "9910000002" in first
    assert not THAI.search(first), THAI.findall(first)
    assert re.search(r"หน้า 1 / \d+", pdftotext(built.path, "-raw", last=1))
    # The same texts, only the digits differ.
    assert _finding_texts(built) == _finding_texts(draft)


def test_cancelling_leaves_the_old_file_and_no_leftovers(draft: Built, tmp_path: Path) -> None:
    target = tmp_path / "visit.pdf"
    target.write_bytes(b"the record printed yesterday")
    calls: list[tuple[int, int]] = []
    with _open(draft.db) as workspace:
        with pytest.raises(ReportCancelled):
            write_visit_report(workspace, draft.visit_id, target, progress=lambda d, t: calls.append((d, t)),
                               cancelled=lambda: len(calls) >= 2)
        assert target.read_bytes() == b"the record printed yesterday"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["visit.pdf"]
        calls.clear()
        write_visit_report(workspace, draft.visit_id, target, progress=lambda d, t: calls.append((d, t)))
    assert calls[-1] == (10, 10) and target  # its photo (damaged) named under ภาพประกอบ: one part more.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["visit.pdf"]


def test_a_missing_folder_is_a_clear_error(draft: Built, tmp_path: Path) -> None:
    with _open(draft.db) as workspace:
        with pytest.raises(ReportWriteError, match="ไม่พบโฟลเดอร์"):
            write_visit_report(workspace, draft.visit_id, tmp_path / "no" / "visit.pdf")


def test_a_visit_without_findings_or_a_reviewed_round_still_prints(memory_workspace: Workspace, tmp_path: Path) -> None:
    school = memory_workspace.schools.add(code="6301000001", name="โรงเรียนบ้านตาก")
    visit = memory_workspace.visits.start(school.id, visited_on=date(2026, 11, 2))
    target = write_visit_report(memory_workspace, visit.id, tmp_path / "empty.pdf")
    text = _flat(target)
    assert "ไม่ได้อ้างอิงผลการประเมินตนเอง" in text
    assert "ไม่ได้บันทึกผลการนิเทศในองค์ประกอบนี้" in text
    assert "การนิเทศครั้งแรกของโรงเรียน" in text
    assert SIGN_NAME_BLANK in text


def test_the_default_file_name_is_safe_on_windows(memory_workspace: Workspace) -> None:
    school = memory_workspace.schools.add(code="6301000001", name='โรงเรียน "บ้าน/ตาก": สาขา*?')
    visit = memory_workspace.visits.start(school.id, visited_on=date(2026, 11, 2))
    name = default_visit_report_name(school, visit)
    assert name.startswith("บันทึกการนิเทศ-โรงเรียน") and name.endswith("-2569-11-02.pdf")  # the BE date
    assert not set('<>:"/\\|?*') & set(name)


# -- the command line ----------------------------------------------------------------------------
def _run(*argv: str) -> tuple[int | None, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(cli.parse(list(argv)), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def test_cli_lists_visits_with_their_ids_and_prints_one(demo: Path, tmp_path: Path) -> None:
    status, out, err = _run("schools", "--db", str(demo), "--json")
    assert status == 0, err
    schools = {s["code"]: s for s in json.loads(out)["schools"]}
    visits = schools[SCHOOL]["visits"]
    assert [v["visited_on"] for v in visits] == sorted((v["visited_on"] for v in visits), reverse=True)
    latest = visits[0]
    assert latest["status"] == "draft" and latest["type"] == "onsite"
    assert latest["visitors"] and all(v["name"] and "ศึกษานิเทศก์" in v["position"] for v in latest["visitors"])
    with _open(demo) as workspace:
        agreed = workspace.follow_ups.agreed_in(latest["id"])
    assert latest["follow_ups"] == len(agreed)
    assert latest["open_follow_ups"] == sum(item.status == "open" for item in agreed)

    target = tmp_path / "visit.pdf"
    status, out, err = _run("report", "visit", "--db", str(demo), "--visit", latest["id"], "--out", str(target),
                            "--digits", "arabic")
    assert status == 0, err
    assert out.strip() == str(target)
    first = _flat(target, 1, 1)
    assert schools[SCHOOL]["name"] in first and "วันที่ 20 พฤศจิกายน 2569" in first


def test_cli_refuses_an_unknown_visit_a_missing_database_and_a_missing_folder(demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "visit.pdf"
    status, out, err = _run("report", "visit", "--db", str(demo), "--visit", "no-such-visit", "--out", str(target))
    assert status == 2 and "ไม่พบบันทึกการนิเทศรหัส no-such-visit" in err and out == ""
    assert not target.exists()

    visit_id = _latest_visit(demo, SCHOOL).id
    status, _out, err = _run("report", "visit", "--db", str(tmp_path / "none.sqlite3"), "--visit", visit_id,
                             "--out", str(target))
    assert status == 2 and "ไม่พบไฟล์ฐานข้อมูล" in err
    assert not (tmp_path / "none.sqlite3").exists()

    status, _out, err = _run("report", "visit", "--db", str(demo), "--visit", visit_id,
                             "--out", str(tmp_path / "no" / "visit.pdf"))
    assert status == 2 and "ไม่พบโฟลเดอร์" in err


def test_an_earlier_record_prints_what_was_open_that_day(demo: Path) -> None:
    """Reprinting an old visit shows the actions it started from as they stood then: not those
    agreed later, and not dropped because a later visit closed them."""
    with _open(demo) as workspace:
        first, second, third = reversed(workspace.visits.for_school(workspace.schools.by_code(SCHOOL).id))
        assert gather(workspace, first.id).carried == ()
        carried = gather(workspace, second.id).carried
        agreed_first = {item.id for item in workspace.follow_ups.agreed_in(first.id)}
        assert carried and {item.id for item in carried} <= agreed_first
        closed_later = [item for item in workspace.follow_ups.agreed_in(first.id)
                        if item.closed_in_visit_id == third.id]
        for item in closed_later:
            assert next(c for c in carried if c.id == item.id).status == "open"
