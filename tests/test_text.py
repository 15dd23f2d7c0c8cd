"""Text as people type and paste it is cleaned once where it enters the core: control characters out
(a vertical tab from Word, a NUL), Thai marks in their standard order (sara am in two characters,
a tone mark after sara am, doubled marks, stray spaces before marks). The exact pairs, pythainlp's
own behaviour that the rules copy, and every write path."""

from __future__ import annotations

import random
import re
from datetime import date
from pathlib import Path

import pytest

from qualityschool_desktop.reports.self_assessment import write_self_assessment_report
from qualityschool_desktop.reports.summary import OfficeTexts, ProblemText
from qualityschool_desktop.text import clean_text, strip_control_characters
from qualityschool_desktop.workspace import Workspace

from .pdf_checks import needs_poppler, pdftotext
from .test_thai_breaks import random_thai

AM = "\u0e33"  # ำ
NIKHAHIT, AA = "\u0e4d", "\u0e32"  # ํ า
MAI_EK, MAI_THO = "\u0e48", "\u0e49"  # ่ ้

# (typed, stored): every rule, with the input the issue and the bug reports name.
PAIRS = [
    # sara am in two characters, as text copied out of a PDF carries it
    (f"กางเกงสีด{NIKHAHIT}{AA}ตามระเบียบ", f"กางเกงสีด{AM}ตามระเบียบ"),
    (f"น{NIKHAHIT}{MAI_THO}{AA}", f"น{MAI_THO}{AM}"),  # nikhahit, tone, sara aa → น้ำ
    (f"น{MAI_THO}{NIKHAHIT}{AA}", f"น{MAI_THO}{AM}"),  # tone, nikhahit, sara aa → น้ำ
    (f"น{NIKHAHIT}{AA}{MAI_THO}", f"น{MAI_THO}{AM}"),  # nikhahit, sara aa, tone → น้ำ
    # a tone mark typed after sara am (or after another following vowel)
    (f"น{AM}{MAI_THO}", f"น{MAI_THO}{AM}"),
    (f"ค{AM}{MAI_EK}คืน", f"ค{MAI_EK}{AM}คืน"),
    (f"ก{AA}{MAI_EK}", f"ก{MAI_EK}{AA}"),
    # a tone mark before an upper or lower vowel
    (f"ก{MAI_EK}\u0e34", f"ก\u0e34{MAI_EK}"),
    (f"ท{MAI_EK}\u0e35", f"ท\u0e35{MAI_EK}"),
    # doubled marks and vowels
    (f"ก{MAI_EK}{MAI_EK}า", f"ก{MAI_EK}า"),
    (f"ก{MAI_EK}{MAI_THO}า", f"ก{MAI_THO}า"),  # two different tone marks: the last one stays
    ("ดีีี", "ดี"),
    ("ที่ี", "ที่"),
    ("นานาาา", "นานา"),
    ("เเปลก", "แปลก"),  # two sara e are sara ae
    ("กๅ", "กา"),  # lakkhangyao for sara aa
    ("ฤๅษี", "ฤๅษี"),  # but not after ฤ
    # stray spaces before marks
    ("พ ุ่มดอกไม้", "พุ่มดอกไม้"),
    (f"คำ {MAI_EK}ที่สอง", "คำ ที่สอง"),  # the mark cannot join คำ: it is dropped, the space stays
    (f"{MAI_EK}กา", "กา"),
    (f"บรรทัดแรก\n{MAI_THO}บรรทัดสอง", "บรรทัดแรก\nบรรทัดสอง"),
    # sara am typed as ํ + า after a stray space (F11e 7): it joins the consonant, never stands alone
    (f"กางเกงสีด {NIKHAHIT}{AA}ตามระเบียบ", f"กางเกงสีด{AM}ตามระเบียบ"),
    (f"ก {AM}", f"ก{AM}"),
    (f"ไป {NIKHAHIT}{AA}", "ไป "),  # nothing to join: dropped as a dangling mark is
    (f"{NIKHAHIT}{AA}ตาม", "ตาม"),
    # left alone
    ("ไป ไป", "ไป ไป"),
    ("น้ำ ท่า ก่า ๆ", "น้ำ ท่า ก่า ๆ"),
    ("ย่อหน้าแรก\n\nย่อหน้าที่สอง  (สองช่อง) ", "ย่อหน้าแรก\n\nย่อหน้าที่สอง  (สองช่อง) "),
    ("=1+1", "=1+1"),
    ("", ""),
]

CONTROL_PAIRS = [
    # (typed, multi-line text, one-line text)
    ("โรงเรียน\x0bบ้านตาก", "โรงเรียน\nบ้านตาก", "โรงเรียน บ้านตาก"),  # Word's line break
    ("บรรทัดหนึ่ง\r\nบรรทัดสอง\rบรรทัดสาม", "บรรทัดหนึ่ง\nบรรทัดสอง\nบรรทัดสาม", "บรรทัดหนึ่ง บรรทัดสอง บรรทัดสาม"),
    ("ก\x0cข\u2028ค\u2029ง\x85จ", "ก\nข\nค\nง\nจ", "ก ข ค ง จ"),
    ("ศูนย์\x00หนึ่ง\x01ESC\x1bDEL\x7fC1\x9b", "ศูนย์หนึ่งESCDELC1", "ศูนย์หนึ่งESCDELC1"),
    ("แท็บ\tคงอยู่", "แท็บ\tคงอยู่", "แท็บ คงอยู่"),
    ("\ufeffภาษา\u200bไทย\u200cดี", "ภาษาไทยดี", "ภาษาไทยดี"),
]


@pytest.mark.parametrize(("typed", "stored"), PAIRS)
def test_clean_text_puts_thai_marks_in_order(typed: str, stored: str) -> None:
    assert clean_text(typed) == stored
    assert clean_text(stored) == stored


@pytest.mark.parametrize(("typed", "multi", "single"), CONTROL_PAIRS)
def test_clean_text_removes_control_characters(typed: str, multi: str, single: str) -> None:
    assert clean_text(typed) == multi
    assert clean_text(typed, multiline=False) == single
    assert strip_control_characters(typed) == multi


def test_no_control_character_survives_and_cleaning_twice_changes_nothing() -> None:
    rng = random.Random(11)
    controls = [chr(c) for c in range(0x20)] + ["\x7f", "\x85", "\x9f", "\u2028", "\u200b", "\ufeff"]
    for _ in range(500):
        text = "".join(rng.choice([random_thai(rng), rng.choice(controls), " "]) for _ in range(6))
        once = clean_text(text)
        assert clean_text(once) == once
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u200c\u2028\u2029\ufeff]", once), repr(once)
        assert not re.search("[\x00-\x1f]", clean_text(text, multiline=False))


def test_pythainlp_54_normalize_does_what_the_rules_copy() -> None:
    """The rule set is pythainlp 5.4's ``normalize`` written out. What it does to sara am in two
    characters and to a tone mark after sara am, checked here exactly; and where it differs
    (spaces, blank lines, line starts, control characters), the difference is ours on purpose."""
    from pythainlp.util import normalize

    assert normalize(f"สีด{NIKHAHIT}{AA}") == f"สีด{AM}"
    assert normalize(f"น{NIKHAHIT}{MAI_THO}{AA}") == f"น{MAI_THO}{AM}"
    assert normalize(f"น{MAI_THO}{NIKHAHIT}{AA}") == f"น{MAI_THO}{AM}"
    assert normalize(f"น{AM}{MAI_THO}") == f"น{MAI_THO}{AM}"
    assert normalize(f"น{NIKHAHIT}{AA}{MAI_THO}") == f"น{MAI_THO}{AM}"
    assert normalize(f"ก{MAI_EK}{MAI_THO}า") == f"ก{MAI_THO}า"
    assert normalize(f"คำ {MAI_EK}ที่สอง") == "คำ ที่สอง"
    # What normalize does that clean_text does not: collapse spaces and blank lines, strip the ends
    # (answers are saved on every keystroke: the space just typed must stay), keep a mark at the
    # start of a later line, keep control characters.
    assert normalize("ก  ข\n\n\nค ") == "ก ข\nค"
    assert normalize(f"ก\n{MAI_THO}ข") == f"ก\n{MAI_THO}ข"
    assert normalize("ก\x0bข") == "ก\x0bข"


def test_clean_text_agrees_with_pythainlp_normalize_on_random_thai() -> None:
    """On one-line text with single spaces (where normalize's space rules change nothing), the two
    agree wherever one pass of normalize is already final."""
    from pythainlp.util import normalize

    rng = random.Random(5)
    compared = 0
    for _ in range(2000):
        text = re.sub(" +", " ", random_thai(rng)).strip()
        expected = normalize(text)
        if normalize(expected) != expected:
            continue  # normalize's rules run once; clean_text runs them until nothing changes
        if re.search("(^| )\u0e33", expected):
            continue  # sara am after a space: clean_text joins or drops it (F11e 7), normalize keeps it
        assert clean_text(text) == expected, repr(text)
        compared += 1
    assert compared > 1500


# -- where text enters the core ---------------------------------------------------------------------
TYPED = f"ครูสวมกางเกงสีด{NIKHAHIT}{AA}\x0bน{AM}{MAI_THO}ใจดีีี"
MULTI = f"ครูสวมกางเกงสีด{AM}\nน{MAI_THO}{AM}ใจดี"
SINGLE = f"ครูสวมกางเกงสีด{AM} น{MAI_THO}{AM}ใจดี"


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    with Workspace.open(tmp_path / "school.sqlite3", create=True, installation="text-tests") as opened:
        yield opened


def test_schools_store_names_and_places_cleaned(workspace: Workspace) -> None:
    school = workspace.schools.add(code="6301000001", name=f" โรงเรียนบ้าน\x0bตาก\x00 ", district=TYPED,
                                   province="ตาก", area_office="สพป.ตาก เขต 1\t")
    assert (school.name, school.district, school.area_office) == ("โรงเรียนบ้าน ตาก", SINGLE, "สพป.ตาก เขต 1")
    school = workspace.schools.update(school.id, name=TYPED, province="ตาก\r\n")
    assert (school.name, school.province) == (SINGLE, "ตาก")


def test_answers_store_and_record_cleaned_text(workspace: Workspace) -> None:
    school = workspace.schools.add(code="6301000001", name="โรงเรียนบ้านตาก")
    assessment = workspace.assessments.start(school.id, 2569, assessor_name=TYPED, assessor_role="ครู\x0b")
    assert (assessment.assessor_name, assessment.assessor_role) == (SINGLE, "ครู")
    assessment = workspace.assessments.update_details(assessment.id, assessor_name="ผอ.\x00สมศรี")
    assert assessment.assessor_name == "ผอ.สมศรี"
    code = workspace.frameworks.latest().items[0].code
    answers = workspace.answers
    for field in ("evidence", "note", "na_reason"):
        assert getattr(answers.set_text(assessment.id, code, field, TYPED), field) == MULTI
    answers.flush_pending()
    history = {entry.field: entry.new_value for entry in answers.history(assessment.id, code)}
    assert history["evidence"] == MULTI and history["note"] == MULTI
    reason = f"ไม่มีนักเรียนชั้นนี{MAI_THO}{MAI_THO}\x00"
    assert answers.set_not_applicable(assessment.id, code, reason).na_reason == f"ไม่มีนักเรียนชั้นนี{MAI_THO}"


def test_visits_and_follow_ups_store_cleaned_text(workspace: Workspace) -> None:
    school = workspace.schools.add(code="6301000001", name="โรงเรียนบ้านตาก")
    visits = workspace.visits
    visit = visits.start(school.id, visited_on=date(2026, 11, 23), purpose=TYPED)
    assert visit.purpose == MULTI
    assert visits.update(visit.id, notes=TYPED).notes == MULTI
    scope = workspace.frameworks.latest().components[0].code
    assert visits.set_text(visit.id, scope, "observed", TYPED).observed == MULTI
    person = visits.add_person(visit.id, "visitor", name=TYPED, position="ศึกษานิเทศก์\x0b")
    assert (person.name, person.position) == (SINGLE, "ศึกษานิเทศก์")
    assert visits.update_person(person.id, name="นาย\x00ก").name == "นายก"
    follow_ups = workspace.follow_ups
    item = follow_ups.add(visit.id, TYPED, owner="ครู\x0bวิชาการ", note=TYPED)
    assert (item.action, item.owner, item.note) == (MULTI, "ครู วิชาการ", MULTI)
    item = follow_ups.update(item.id, action="ซ่อม\x0bอาคาร", owner=TYPED)
    assert (item.action, item.owner) == ("ซ่อม\nอาคาร", SINGLE)
    visits.finalise(visit.id)
    visits.reopen(visit.id, f"แก้ไข\x00ชื{MAI_EK}{MAI_EK}อ")
    assert visits.events(visit.id)[-1].reason == f"แก้ไขชื{MAI_EK}อ"


def test_network_schools_store_cleaned_names_typed_or_imported(workspace: Workspace, tmp_path: Path) -> None:
    school = workspace.schools.add(code="6301000001", name="โรงเรียนบ้านตาก")
    network = workspace.network_schools
    added = network.add(school.id, code="6301000002", name=TYPED)
    assert added.name == SINGLE
    assert network.update(added.id, name="บ้าน\x0bหนองบัว").name == "บ้าน หนองบัว"
    csv_file = tmp_path / "list.csv"
    csv_file.write_text(f"รหัสโรงเรียน,ชื่อโรงเรียน\n6301000003,\"บ้าน{NIKHAHIT}{AA}\x0bแพะ\"\n", encoding="utf-8-sig")
    network.apply_csv(school.id, csv_file)
    assert {n.code: n.name for n in network.for_school(school.id)}["6301000003"] == f"บ้าน{AM} แพะ"


def test_office_texts_are_cleaned_from_a_file_or_the_window() -> None:
    texts = OfficeTexts.from_mapping({"office": "สำนักงาน\x0bศึกษาธิการ", "situation": [TYPED, "ข้อสอง"],
                                      "problems": [{"problem": TYPED}]})
    assert texts.office == "สำนักงาน ศึกษาธิการ"
    assert texts.situation == f"{MULTI}\nข้อสอง"
    assert texts.problems[0].problem == MULTI
    assert OfficeTexts(suggestions=TYPED).suggestions == MULTI
    assert ProblemText(TYPED, solution="\x00").solution == ""


# -- in print ----------------------------------------------------------------------------------------
@needs_poppler
def test_text_typed_in_a_wrong_order_prints_and_copies_out_in_the_right_one(workspace: Workspace,
                                                                           tmp_path: Path) -> None:
    school = workspace.schools.add(code="6301000001", name="โรงเรียนบ้านตาก")
    assessment = workspace.assessments.start(school.id, 2569)
    code = workspace.frameworks.latest().items[0].code
    workspace.answers.set_level(assessment.id, code, 4)
    workspace.answers.set_text(assessment.id, code, "evidence", f"ถังน{AM}{MAI_THO}สะอาด สีด{NIKHAHIT}{AA} ดีีี")
    target = tmp_path / "report.pdf"
    write_self_assessment_report(workspace, assessment.id, target)
    text = pdftotext(target, "-raw")
    assert f"ถังน{MAI_THO}{AM}สะอาด สีด{AM} ดี" in text


def test_control_characters_an_older_version_stored_print_as_breaks_and_spaces(workspace: Workspace,
                                                                               tmp_path: Path) -> None:
    pymupdf = pytest.importorskip("pymupdf")
    school = workspace.schools.add(code="6301000001", name="โรงเรียนบ้านตาก")
    assessment = workspace.assessments.start(school.id, 2569)
    code = workspace.frameworks.latest().items[0].code
    workspace.answers.set_level(assessment.id, code, 4)
    with workspace.db.write():  # as an older version stored it, uncleaned
        workspace.db.execute("UPDATE answers SET evidence = ? WHERE assessment_id = ?",
                             ["บรรทัดแรก\x0bสอง\tสาม\x00สี่", assessment.id])  # line 2 fits the หลักฐาน column
        workspace.db.execute("UPDATE schools SET name = ? WHERE id = ?", ["โรงเรียน\x0bบ้านตาก", school.id])
    target = tmp_path / "report.pdf"
    write_self_assessment_report(workspace, assessment.id, target)
    with pymupdf.open(target) as doc:
        drawn = [char for page in doc for span in page.get_texttrace() for char in span["chars"]]
        text = "".join(page.get_text() for page in doc)
    assert drawn and not [char for char in drawn if char[1] == 0], "a .notdef box was drawn"
    assert "บรรทัดแรก\nสอง สามสี่" in text
    assert not re.search("[\x00-\x08\x0b-\x1f]", text)


# Issue 11 (tester 11b, findings 2 and 6): characters XML cannot hold, and invisible ones copied out
# of PDFs and web pages, are dropped; full-width ASCII becomes ASCII (sara am stays one character).
INVISIBLE_PAIRS = [
    ("โรงเรียน\ufffeบ้านตาก\uffff", "โรงเรียนบ้านตาก"),  # non-characters: "not XML compatible"
    ("ก\ud800ข\udfffค", "กขค"),  # lone surrogates
    ("ก\ufdd0ข\U0001fffeค\U0010ffff", "กขค"),  # the other non-characters
    ("โรง\u200dเรียน", "โรงเรียน"),  # zero-width joiner
    ("โรง\u2060เรียน", "โรงเรียน"),  # word joiner
    ("โรง\u00adเรียน", "โรงเรียน"),  # soft hyphen
    ("โรง\u200eเรียน\u200f", "โรงเรียน"),  # LRM, RLM
    ("\u202aโรงเรียน\u202c\u202b\u202d\u202eก", "โรงเรียนก"),  # bidi embeddings and overrides
    ("\u2066โรง\u2067เรียน\u2068\u2069", "โรงเรียน"),  # bidi isolates
    ("＝1+1", "=1+1"),  # full-width ASCII (then the formula-safe export applies)
    ("ＡＢＣ１２３！～", "ABC123!~"),
    (f"น{AM}ตาล ＝ ๑", f"น{AM}ตาล = ๑"),  # not NFKC: sara am is not split into ํ + า
]


@pytest.mark.parametrize(("typed", "stored"), INVISIBLE_PAIRS)
def test_clean_text_drops_invisible_and_xml_forbidden_characters(typed: str, stored: str) -> None:
    assert clean_text(typed) == stored
    assert clean_text(typed, multiline=False) == stored
    assert clean_text(stored) == stored


def test_the_spreadsheet_writers_cleaning_drops_what_xml_cannot_hold() -> None:
    """What an older version stored is cleaned at write time too (the XLSX and DOCX writers)."""
    assert strip_control_characters("ก\ufffeข\uffff\ud800ค") == "กขค"
