"""The office's texts of an inspection round as records (issue 13 part 2): saved as typed through
the one write path with history per burst like answers; the summary PDF, its Word copy and the CSV
print them; ``--texts FILE.json`` fills the same fields; 6.3 is never cut off."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from qualityschool_desktop import cli
from qualityschool_desktop.demo import build_demo
from qualityschool_desktop.errors import NotFoundError, ValidationError
from qualityschool_desktop.inspection import office_texts as office_texts_module
from qualityschool_desktop.inspection.texts import OfficeTexts, ProblemText
from qualityschool_desktop.reports.summary import summary_data, summary_tables, write_summary_report
from qualityschool_desktop.reports.summary.export import write_csv
from qualityschool_desktop.reports.summary.word import write_summary_docx
from qualityschool_desktop.thai import thai_digits
from qualityschool_desktop.value_rules import MAX_TEXT
from qualityschool_desktop.workspace import Workspace
from .demo_cache import DEMO_INSTALLATION, copy_demo
from tests.pdf_checks import needs_poppler, pdftotext

TODAY = date(2026, 11, 23)


@pytest.fixture
def store():
    workspace = Workspace.open_memory(installation=DEMO_INSTALLATION)
    workspace.inspection_rounds.define(2569, 2)
    yield workspace
    workspace.close()


def test_typing_is_saved_at_once_and_history_keeps_one_row_per_burst(store) -> None:
    texts = store.office_texts
    for end in range(1, 8):
        texts.set_text(2569, 2, "situation", "สพป.ตาก เขต ๒"[:end])
    # Saved as typed: what is read back is what is in the database, before any pause.
    assert store.office_texts.texts(2569, 2).situation == "สพป.ตาก"
    assert texts.history(2569, 2) == []  # the burst is still open
    store.office_texts.end_own_bursts()
    history = texts.history(2569, 2, "situation")
    assert [(h.old_value, h.new_value) for h in history] == [("", "สพป.ตาก")]


def test_a_pause_ends_a_burst(store, monkeypatch) -> None:
    monkeypatch.setattr(office_texts_module, "BURST_GAP", timedelta(seconds=-1))
    store.office_texts.set_text(2569, 2, "suggestions", "ข้อเสนอ")
    store.office_texts.set_text(2569, 2, "suggestions", "ข้อเสนอแนะ")
    assert [(h.old_value, h.new_value) for h in store.office_texts.history(2569, 2)] == [("", "ข้อเสนอ")]


def test_what_was_typed_is_kept_when_cleaning_changed_it(store) -> None:
    typed = "ที\u0e48\u0e35"  # tone mark before the vowel: stored in standard order
    stored = store.office_texts.set_text(2569, 2, "good_practices", typed)
    assert stored != typed
    store.office_texts.end_own_bursts()
    (entry,) = store.office_texts.history(2569, 2)
    assert entry.new_value == stored and entry.typed == typed


def test_bad_input_changes_nothing(store) -> None:
    with pytest.raises(ValidationError, match="ไม่มีช่อง"):
        store.office_texts.set_text(2569, 2, "budget", "x")
    with pytest.raises(ValidationError, match="ยาวเกิน"):
        store.office_texts.set_text(2569, 2, "situation", "ก" * (MAX_TEXT + 1))
    with pytest.raises(NotFoundError, match="ยังไม่ได้กำหนดรอบการตรวจราชการที่ ๑"):
        store.office_texts.set_text(2569, 1, "situation", "x")
    with pytest.raises(ValidationError, match="ไม่มีแถวที่ ๑|ไม่มีแถวที่ 1"):
        store.office_texts.set_problem(2569, 2, 0, "problem", "x")
    assert store.office_texts.texts(2569, 2) == OfficeTexts()
    assert store.db.execute("SELECT count(*) FROM office_texts").fetchone()[0] == 0


def test_problem_rows_ordered_any_number(store) -> None:
    texts = store.office_texts
    for n in range(12):
        texts.add_problem(2569, 2, ProblemText(f"ปัญหา {n}", f"แก้ {n}", f"ผล {n}"))
    texts.set_problem(2569, 2, 11, "expected", "ผลที่คาดว่าจะได้รับ\nสองบรรทัด")
    texts.move_problem(2569, 2, 11, 0)
    texts.remove_problem(2569, 2, 5)
    rows = texts.problems(2569, 2)
    assert len(rows) == 11
    assert rows[0] == ProblemText("ปัญหา 11", "แก้ 11", "ผลที่คาดว่าจะได้รับ\nสองบรรทัด")
    assert [row.problem for row in rows[1:]] == [f"ปัญหา {n}" for n in (0, 1, 2, 3, 5, 6, 7, 8, 9, 10)]
    # The removed row is still in history.
    assert any("ปัญหา 4" in (h.old_value or "") for h in texts.history(2569, 2, "problems"))


def test_texts_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / "office.sqlite3"
    with Workspace.open(path, create=True) as workspace:
        workspace.inspection_rounds.define(2569, 2)
        workspace.office_texts.set_text(2569, 2, "narrative.3", "บริหารจัดการแบบมีส่วนร่วม")
    with Workspace.open(path, read_only=True) as workspace:
        assert workspace.office_texts.texts(2569, 2).narrative("3") == "บริหารจัดการแบบมีส่วนร่วม"
        assert len(workspace.office_texts.history(2569, 2)) == 1  # the burst ended on closing


def test_a_burst_a_crash_left_becomes_history_at_the_next_opening(tmp_path: Path, monkeypatch) -> None:
    """Opening and closing make the texts' and the answers' parts (importing their modules: issue 16)
    only when they may have a burst to end: one a crash left is still ended at the next opening."""
    path = tmp_path / "office.sqlite3"
    workspace = Workspace.open(path, create=True)
    workspace.inspection_rounds.define(2569, 2)
    workspace.office_texts.set_text(2569, 2, "situation", "สพป.ตาก")
    workspace.db.conn.close()  # a crash: the burst is left open in the file
    monkeypatch.setattr(office_texts_module, "BURST_GAP", timedelta(seconds=-1))  # and the gap has passed
    with Workspace.open(path) as reopened:
        assert [h.new_value for h in reopened.office_texts.history(2569, 2)] == ["สพป.ตาก"]
    with Workspace.open(path) as quiet:
        pass
    assert "office_texts" not in vars(quiet) and "answers" not in vars(quiet)


# -- printed ------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("office-demo") / "demo.sqlite3"
    copy_demo(path, tmp_path_factory, today=TODAY)
    with Workspace.open(path, installation=DEMO_INSTALLATION) as workspace:
        texts = workspace.office_texts
        texts.set_text(2569, 2, "office", "สำนักงานศึกษาธิการจังหวัดตาก")
        texts.set_text(2569, 2, "policy", "นโยบายลดภาระนักเรียนและผู้ปกครองของจังหวัด")
        texts.set_text(2569, 2, "narrative.1", "อาคารเรียนได้รับการปรับปรุงครบทุกโรงเรียน")
        texts.set_text(2569, 2, "success_factors", "ผู้บริหารเข้มแข็ง")
        texts.set_text(2569, 2, "suggestions", "ควรจัดสรรงบประมาณต่อเนื่อง")
        for n in range(1, 13):
            texts.add_problem(2569, 2, ProblemText(f"ปัญหาข้อที่{n}ของสำนักงาน", f"แนวทางข้อที่{n}", f"ผลข้อที่{n}"))
    return path


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@needs_poppler
def test_the_pdf_prints_the_stored_texts_and_every_row(demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "s.pdf"
    with Workspace.open(demo, read_only=True) as workspace:
        write_summary_report(workspace, target, fiscal_year=2569, round=2)
    text = _flat(pdftotext(target))
    for expected in ("สำนักงานศึกษาธิการจังหวัดตาก", "นโยบายลดภาระนักเรียนและผู้ปกครองของจังหวัด",
                     "อาคารเรียนได้รับการปรับปรุงครบทุกโรงเรียน", "ผู้บริหารเข้มแข็ง", "ควรจัดสรรงบประมาณต่อเนื่อง"):
        assert expected in text
    # (Numbered "๑๐. ", a row's problem wraps after "ของ" and the reading order runs on into its
    # solution: its start is what is looked for.)
    positions = [text.index(f"{thai_digits(n)}.ปัญหาข้อที่{n}ของ") for n in range(1, 13)]
    assert positions == sorted(positions)  # the office's order
    assert "และอีก" not in text  # nothing cut off


def test_the_word_copy_and_csv_print_them_too(demo: Path, tmp_path: Path) -> None:
    import docx

    with Workspace.open(demo, read_only=True) as workspace:
        write_summary_docx(workspace, tmp_path / "s.docx", fiscal_year=2569, round=2)
        data = summary_data(workspace, fiscal_year=2569, round=2)
    document = docx.Document(str(tmp_path / "s.docx"))
    body = "\n".join(p.text for p in document.paragraphs)
    assert "อาคารเรียนได้รับการปรับปรุงครบทุกโรงเรียน" in body and "นโยบายลดภาระนักเรียนและผู้ปกครองของจังหวัด" in body
    cells = "\n".join(cell.text for table in document.tables for row in table.rows for cell in row.cells)
    assert all(f"ปัญหาข้อที่{n}ของสำนักงาน" in cells for n in range(1, 13))
    folder = tmp_path / "csv"
    folder.mkdir()
    written = write_csv([t for t in summary_tables(data) if t.key == "problems"], folder)
    content = written[0].read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))
    assert sum("ของสำนักงาน" in row[0] for row in rows) == 12
    assert "และอีก" not in content


def test_texts_file_fills_the_same_fields(demo: Path, tmp_path: Path) -> None:
    import sqlite3

    copy = tmp_path / "copy.sqlite3"
    source, target = sqlite3.connect(demo), sqlite3.connect(copy)
    with target:
        source.backup(target)
    source.close()
    target.close()
    texts_file = tmp_path / "texts.json"
    texts_file.write_text(json.dumps({"suggestions": ["จากไฟล์"], "narratives": {"2": "ครูพัฒนาตนเอง"},
                                      "problems": [{"problem": "ปัญหาจากไฟล์"}]}, ensure_ascii=False), "utf-8")
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(cli.parse(["report", "summary", "--db", str(copy), "--year", "2569", "--round", "2",
                                "--texts", str(texts_file), "--out", str(tmp_path / "s.pdf")]), out=out, err=err)
    assert (status, err.getvalue()) == (0, "")
    with Workspace.open(copy, read_only=True) as workspace:
        stored = workspace.office_texts.texts(2569, 2)
    assert stored.suggestions == "จากไฟล์" and stored.narrative("2") == "ครูพัฒนาตนเอง"
    assert stored.problems == (ProblemText("ปัญหาจากไฟล์"),)
    assert stored.success_factors == "ผู้บริหารเข้มแข็ง"  # not in the file: kept


# -- drafts: suggestions the office accepts or ignores --------------------------------------------------
@needs_poppler
def test_suggestions_are_printed_only_once_accepted(tmp_path: Path) -> None:
    from qualityschool_desktop.reports.summary.drafts import accept_practice, accept_problem, drafts
    from qualityschool_desktop.thai import DigitText

    path = tmp_path / "demo.sqlite3"
    with Workspace.open(path, create=True) as workspace:
        build_demo(workspace, today=TODAY)
        data = summary_data(workspace, fiscal_year=2569, round=2)
        offered = drafts(data, DigitText("thai"))
        assert offered.problems and offered.practices
        first, ignored = offered.problems[0], offered.problems[1]
        practice = offered.practices[0]
        write_summary_report(workspace, tmp_path / "before.pdf", fiscal_year=2569, round=2)
        before = _flat(pdftotext(tmp_path / "before.pdf", "-raw"))
        # Machine-written text is not the office's words: none of it is printed yet.
        for text in (*paragraphs_of(first.problem), *paragraphs_of(ignored.problem), practice):
            assert _flat(text) not in before
        accept_problem(workspace.office_texts, 2569, 2, first)
        accept_practice(workspace.office_texts, 2569, 2, practice)
        assert workspace.office_texts.texts(2569, 2).problems == (first,)
        again = drafts(summary_data(workspace, fiscal_year=2569, round=2), DigitText("thai"))
        assert first not in again.problems and practice not in again.practices and ignored in again.problems
        write_summary_report(workspace, tmp_path / "after.pdf", fiscal_year=2569, round=2)
    after = _flat(pdftotext(tmp_path / "after.pdf", "-raw"))
    assert all(_flat(text) in after for text in (*paragraphs_of(first.problem), practice))
    assert all(_flat(text) not in after for text in paragraphs_of(ignored.problem)[1:])


def paragraphs_of(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


# -- 6.1 per area office and 6.2 2) model schools ---------------------------------------------------------
@needs_poppler
def test_districts_served_and_model_schools_are_printed_as_the_form_asks(tmp_path: Path) -> None:
    import docx

    path = tmp_path / "demo.sqlite3"
    with Workspace.open(path, create=True) as workspace:
        build_demo(workspace, today=TODAY)
        schools = [s for s in workspace.schools.list() if s.area_office == "สพป.ตาก เขต 1"]
        assert schools
        office = schools[0].area_office
        districts = [s.district for s in schools]
        served = workspace.office_texts.set_served(2569, 2, office, ", ".join([*districts, "อำเภอแม่สอด"]))
        assert served == (*dict.fromkeys(districts), "แม่สอด")  # แม่สอด: no quality school of this office
        model = schools[0]
        workspace.office_texts.mark_model(2569, 2, model.id, "ต้นแบบการจัดการเรียนรู้เชิงรุก")
        with pytest.raises(NotFoundError):
            workspace.office_texts.mark_model(2569, 2, "no-such-school", "")
        write_summary_report(workspace, tmp_path / "s.pdf", fiscal_year=2569, round=2)
        write_summary_docx(workspace, tmp_path / "s.docx", fiscal_year=2569, round=2)
    text = _flat(pdftotext(tmp_path / "s.pdf", "-raw"))
    sentence = f"{_thai(office)}มีเขตพื้นที่บริการการศึกษาขั้นพื้นฐาน{_thai(len(served))}อำเภอได้แก่{''.join(served)}"
    assert _flat(sentence) in text
    assert _flat("แม่สอด ไม่มีโรงเรียนคุณภาพ") in text  # the district without one, in the table
    assert _flat(f"โรงเรียนของ{_thai(office)} คือ") in text
    assert _flat(f"(๑) อำเภอ{model.district} {model.name} ต้นแบบการจัดการเรียนรู้เชิงรุก") in text
    document = docx.Document(str(tmp_path / "s.docx"))
    body = _flat("\n".join(p.text for p in document.paragraphs))
    assert _flat(sentence) in body and _flat(f"{model.name} ต้นแบบการจัดการเรียนรู้เชิงรุก") in body


def _thai(number: int | str) -> str:
    from qualityschool_desktop.thai import thai_digits

    return thai_digits(number)


# -- tester's findings 2 and 9: served districts as the user means them; no text that is never printed --------
@pytest.fixture
def tak():
    workspace = Workspace.open_memory(installation="office-texts-tak")
    workspace.inspection_rounds.define(2569, 2)
    for code, district, office in (("6301000001", "เมืองตาก", "สพม.ตาก"), ("6301000002", "บ้านตาก", "สพป.ตาก เขต 1"),
                                   ("6301000003", "แม่สอด", "สพป.ตาก เขต 2")):
        workspace.schools.add(code=code, name=f"โรงเรียนอำเภอ{district}", district=district, province="ตาก",
                              area_office=office, level="primary")
    yield workspace
    workspace.close()


def test_served_districts_typed_with_spaces_are_split_as_meant(tak) -> None:
    texts = tak.office_texts
    assert texts.set_served(2569, 2, "สพม.ตาก", "เมืองตาก บ้านตาก") == ("เมืองตาก", "บ้านตาก")
    assert texts.set_served(2569, 2, "สพม.ตาก", "อำเภอ เมืองตาก,  อำเภอบ้านตาก ,แม่สอด") == ("เมืองตาก", "บ้านตาก", "แม่สอด")
    assert texts.set_served(2569, 2, "  สพป.ตาก   เขต 1 ", "บ้านตาก\nเมืองตาก") == ("บ้านตาก", "เมืองตาก")
    stored = texts.texts(2569, 2)
    assert stored.served_by("สพม.ตาก") == ("เมืองตาก", "บ้านตาก", "แม่สอด")
    assert stored.served_by("สพป.ตาก เขต 1") == ("บ้านตาก", "เมืองตาก")
    loaded = OfficeTexts.from_mapping({"served": {"สพม.ตาก": ["เมืองตาก บ้านตาก"]}})
    assert texts.fill(2569, 2, loaded).served_by("สพม.ตาก") == ("เมืองตาก", "บ้านตาก")


def test_unknown_district_or_area_office_is_refused_naming_the_known_ones(tak) -> None:
    texts = tak.office_texts
    with pytest.raises(ValidationError, match="ไม่รู้จักอำเภอ ไม่มีจริง") as refused:
        texts.set_served(2569, 2, "สพม.ตาก", "เมืองตาก ไม่มีจริง")
    assert "เมืองตาก" in str(refused.value) and "แม่สอด" in str(refused.value)
    with pytest.raises(ValidationError, match="ไม่รู้จักสำนักงานเขตพื้นที่ สพป.ตาก เขต 9") as refused:
        texts.set_served(2569, 2, "สพป.ตาก เขต 9", "เมืองตาก")
    assert "สพป.ตาก เขต 1" in str(refused.value)
    # From a file: refused before anything of the file is saved.
    with pytest.raises(ValidationError, match="ไม่รู้จักอำเภอ"):
        texts.fill(2569, 2, OfficeTexts.from_mapping({"situation": "ก", "served": {"สพม.ตาก": "เมืองตาก, เมืองตก"}}))
    assert texts.texts(2569, 2) == OfficeTexts()
    assert tak.db.execute("SELECT count(*) FROM office_texts").fetchone()[0] == 0


def test_a_narrative_for_a_component_the_checklist_does_not_have_is_refused(tak) -> None:
    texts = tak.office_texts
    with pytest.raises(ValidationError, match="ไม่มีองค์ประกอบที่ 9"):
        texts.set_text(2569, 2, "narrative.9", "NARR9")
    with pytest.raises(ValidationError, match="ไม่มีองค์ประกอบที่ C1"):
        texts.fill(2569, 2, OfficeTexts.from_mapping({"office": "ก", "narratives": {"1": "ได้", "C1": "NARRC1"}}))
    assert tak.db.execute("SELECT count(*) FROM office_texts").fetchone()[0] == 0
    texts.set_text(2569, 2, "narrative.5", "องค์ประกอบที่ ๕")
    assert texts.texts(2569, 2).narrative("5") == "องค์ประกอบที่ ๕"


# -- tester's finding 11: no invented office name; the office's configured name; per-round values -------------
def test_an_empty_office_name_is_not_invented(tak) -> None:
    from qualityschool_desktop.reports.summary.wording import office_name

    _submitted_round(tak)
    data = summary_data(tak, fiscal_year=2569, round=2)
    assert office_name(data) == ""  # was "สำนักงานศึกษาธิการจังหวัดตาก", a name nobody gave
    assert office_name(summary_data(tak, fiscal_year=2569, round=2, area_office="สพม.ตาก")) == "สพม.ตาก"


def test_the_offices_configured_name_is_used_when_the_round_has_none(tak, tmp_path, monkeypatch) -> None:
    from qualityschool_desktop.exchange import signing
    from qualityschool_desktop.reports.summary.wording import office_name

    monkeypatch.setenv("QUALITYSCHOOL_DATA_DIR", str(tmp_path / "data"))
    (tmp_path / "data").mkdir()
    signing.set_own_name("สพป.ตาก เขต 1")
    _submitted_round(tak)
    assert office_name(summary_data(tak, fiscal_year=2569, round=2)) == "สพป.ตาก เขต 1"
    tak.office_texts.set_text(2569, 2, "office", "สำนักงานศึกษาธิการจังหวัดตาก")
    assert office_name(summary_data(tak, fiscal_year=2569, round=2)) == "สำนักงานศึกษาธิการจังหวัดตาก"


def test_office_name_and_policy_are_kept_per_round(tak) -> None:
    tak.inspection_rounds.define(2569, 1)
    texts = tak.office_texts
    texts.set_text(2569, 1, "office", "สพป.ตาก เขต 1")
    texts.set_text(2569, 1, "policy", "นโยบายรอบแรก")
    texts.set_text(2569, 2, "office", "สำนักงานศึกษาธิการจังหวัดตาก")
    texts.end_own_bursts()
    assert (texts.texts(2569, 1).office, texts.texts(2569, 1).policy) == ("สพป.ตาก เขต 1", "นโยบายรอบแรก")
    assert (texts.texts(2569, 2).office, texts.texts(2569, 2).policy) == ("สำนักงานศึกษาธิการจังหวัดตาก", "")


def _submitted_round(workspace: Workspace) -> None:
    for school in workspace.schools.list():
        assessment = workspace.assessments.start(school.id, 2569, round=1, assessed_on=date(2026, 8, 3))
        framework = workspace.assessments.framework_of(assessment)
        for item in framework.items:
            workspace.answers.set_level(assessment.id, item.code, 3)
        workspace.assessments.submit(assessment.id)
