"""Where a printed Thai line may break, for text as people really have it: sara am in two characters
(copied out of PDFs), marks in odd places, numbers in Thai digits, long file names. Checked on the
line breaker with many seeded random strings, and read back from the self-assessment report's PDF
the way a user copies it."""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

from qualityschool_desktop.reports.blocks import PAGE_HEIGHT, TABLE_SIZE
from qualityschool_desktop.reports.self_assessment import write_self_assessment_report
from qualityschool_desktop.reports.self_assessment.pdf import ITEM_HEADER, ITEM_WIDTHS, PADDING
from qualityschool_desktop.typeset import MARGIN
from qualityschool_desktop.typeset.layout import break_lines, build_items
from qualityschool_desktop.typeset.segment import units
from qualityschool_desktop.workspace import Workspace

from .pdf_checks import find_in_order, needs_poppler, pdftotext

# -- what may not start a line ----------------------------------------------------------------------
FOLLOW_VOWELS = "\u0e30\u0e32\u0e33\u0e45"  # ะ า ำ ๅ: they follow a consonant and never begin a syllable
LEAD_VOWELS = "เแโใไ"  # written before their consonant: a line never ends with one


def cannot_start_a_line(char: str) -> bool:
    """A combining mark (Thai: U+0E31, U+0E34–U+0E3A, U+0E47–U+0E4E) or a following vowel."""
    return unicodedata.category(char).startswith("M") or char in FOLLOW_VOWELS


def test_the_thai_marks_are_combining_marks() -> None:
    marks = [chr(c) for c in (0x0E31, *range(0x0E34, 0x0E3B), *range(0x0E47, 0x0E4F))]
    assert all(unicodedata.category(mark) == "Mn" for mark in marks)


# -- random Thai as people type and paste it ----------------------------------------------------------
CONSONANTS = "กขคฆงจฉชซญฎฏฐฑณดตถทธนบปผพฟภมยรลวศษสหฬอฮ"
MARKS = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e"
WORDS = (
    "นักเรียน", "แต่งกาย", "ด้วย", "กางเกง", "สีด\u0e4d\u0e32", "ตามระเบียบ", "น\u0e4d\u0e49\u0e32", "ท\u0e4d\u0e32",
    "ก\u0e33\u0e48", "ที่ี", "ก่่า", "ฤๅษี", "ต่าง ๆ", "กรุงเทพฯ", "๒๓/๑๑/๒๕๖๙", "23/11/2569", "๐๔๒๓๗/๑๒๓๔",
    "๑,๒๕๐.๕๐", "O-NET", "ตรวจสอบอาคาร.pdf", "IMG_2569.jpg", "(ทดสอบ)",
)


def random_thai(rng: random.Random) -> str:
    """Words, syllables and strays: marks after spaces, doubled, after digits or Latin letters,
    nikhahit + sara aa, following vowels alone."""
    parts: list[str] = [rng.choice(CONSONANTS)]
    for _ in range(rng.randint(3, 30)):
        roll = rng.random()
        if roll < 0.35:
            parts.append(rng.choice(WORDS))
        elif roll < 0.6:
            parts.append(rng.choice(LEAD_VOWELS + CONSONANTS) + rng.choice(CONSONANTS) + rng.choice(MARKS + FOLLOW_VOWELS))
        elif roll < 0.8:
            parts.append("".join(rng.choice(MARKS + FOLLOW_VOWELS) for _ in range(rng.randint(1, 3))))
        elif roll < 0.9:
            parts.append(" " * rng.randint(1, 2))
        else:
            parts.append(rng.choice(["a", "1", "๑", ".", "/", "-", "ๆ", ",", "(", ")"]))
    return "".join(parts)


def line_problems(text: str, width: float) -> list[str]:
    lines = [line.text for line in break_lines(build_items(text, TABLE_SIZE), [width])]
    assert "".join(lines).replace(" ", "") == text.replace(" ", ""), "text was lost"
    problems = [f"a line starts with {line[0]!r}: {line!r}" for line in lines[1:] if cannot_start_a_line(line[0])]
    problems += [f"a line ends with {line[-1]!r}: {line!r}" for line in lines[:-1] if line[-1] in LEAD_VOWELS]
    return problems


def test_no_line_ever_starts_with_a_mark_or_a_following_vowel() -> None:
    rng = random.Random(20261123)
    problems: list[str] = []
    for _ in range(400):
        text = random_thai(rng)
        for width in (25.0, 60.0, rng.uniform(20.0, 140.0)):
            problems += [f"{text!r} at {width:.1f} pt: {p}" for p in line_problems(text, width)]
    assert problems == []


def test_a_word_cut_because_it_is_wider_than_the_line_keeps_its_marks() -> None:
    # One unbroken run far wider than the line: it must be cut, never before a mark.
    text = "กางเกงสีด\u0e4d\u0e32" * 6 + "น\u0e4d\u0e49\u0e32" * 6
    for width in (12.0, 18.0, 25.0, 33.0):
        assert line_problems(text, width) == []


# -- numbers ----------------------------------------------------------------------------------------
ARABIC_TO_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
NUMBERS = ("23/11/2569", "04237/1234", "2/2569", "081-234-5678", "11,867,900", "1,250.50", "4.25", "3/4",
           "45.50%", "10:30", "0-4223-7123")


@pytest.mark.parametrize("number", NUMBERS)
def test_a_number_in_thai_digits_is_one_unit_like_the_same_number_in_arabic(number: str) -> None:
    thai = number.translate(ARABIC_TO_THAI)
    for before, after in (("วันที่ ", " และ"), ("ที่", "นะ"), ("(", ")")):
        arabic_units = units(f"{before}{number}{after}")
        thai_units = units(f"{before}{thai}{after}")
        assert [unit.translate(ARABIC_TO_THAI) for unit in arabic_units] == list(thai_units)
        assert any(thai in unit for unit in thai_units), thai_units


def test_random_numbers_break_alike_in_either_digits() -> None:
    rng = random.Random(2569)
    for _ in range(300):
        pieces = [str(rng.randint(0, 99999))]
        for _ in range(rng.randint(0, 3)):
            pieces += [rng.choice("/.,-:"), str(rng.randint(0, 9999))]
        number = "".join(pieces)
        text = f"{rng.choice(WORDS[:6])} {number}{rng.choice(['', ' บาท', 'น.', ' ครั้ง'])}"
        arabic = units(text)
        assert [unit.translate(ARABIC_TO_THAI) for unit in arabic] == list(units(text.translate(ARABIC_TO_THAI))), text


# -- file names and other long strings ----------------------------------------------------------------
SEPARATORS = "/_-\\"


def sensible_breaks(text: str) -> set[int]:
    """Where a long string may sensibly break: between Thai syllables (pythainlp's syllable
    dictionary), after / _ - \\, before a dot, and where Thai meets other script."""
    from pythainlp.tokenize import subword_tokenize

    points: set[int] = set()
    for match in re.finditer(r"[\u0e00-\u0e4f]+", text):
        offset = match.start()
        for syllable in subword_tokenize(match.group(), engine="dict"):
            offset += len(syllable)
            points.add(offset)
        points.add(match.start())
    points |= {i + 1 for i, char in enumerate(text) if char in SEPARATORS}
    points |= {i for i, char in enumerate(text) if char == "."}
    return {p for p in points if 0 < p < len(text)}


def cut_problems(text: str, cuts: list[int], room: float) -> list[str]:
    """Cuts of ``text`` that are not sensible, unless the stretch between the sensible points
    around the cut is wider than ``room`` (then any cluster boundary will do)."""
    points = sorted(sensible_breaks(text) | {0, len(text)})
    problems = []
    for cut in cuts:
        if cut in points:
            continue
        before = max(p for p in points if p < cut)
        after = min(p for p in points if p > cut)
        stretch = text[before:after]
        if sum(item.width for item in build_items(stretch, TABLE_SIZE)) <= room:
            problems.append(f"{text[:cut]}|{text[cut:]}")
    return problems


FILE_NAMES = (
    "ตรวจสอบอาคาร.pdf", "รูปถ่ายกิจกรรมวันไหว้ครู_2569.jpg", "สรุปผลการประเมินคุณภาพ-โรงเรียนบ้านตาก.docx",
    "IMG_20251123_101530.jpg", "คำสั่งแต่งตั้งคณะกรรมการ.pdf", "แผนปฏิบัติการประจำปี๒๕๖๙.xlsx",
    "IMG_20261123_093015_HDR_portrait_mode_final_final2.jpg",
    "รายงานผลการดำเนินงาน_๒๕๖๙-๑๑-๒๓_ฉบับสมบูรณ์ที่สุด(แก้ไขครั้งที่๓).docx",
)
# Longer than the table is wide: it must break, and only at sensible points.
VERY_LONG_NAME = ("ตรวจสอบอาคารเรียน_Building_Inspection_Report_Semester2_AcademicYear2569_"
                  "FinalVersion_ReviewedByCommittee.pdf")


def test_a_dot_does_not_pull_a_letter_off_the_thai_word_before_it() -> None:
    # newmm alone: ตรวจสอบ|อา|คา|ร.|pdf, ประ|ชุ|ม.|docx, ส|พป.|ตาก.
    assert units("ตรวจสอบอาคาร.pdf") == ("ตรวจสอบ", "อาคาร.pdf")
    assert units("ประชุม.docx") == ("ประชุม.docx",)
    assert "สพป.ตาก" in units("สพป.ตาก เขต 1")
    # Abbreviations stay whole, as they were.
    for whole in ("พ.ศ.๒๕๖๙", "ม.ค.", "น.ส.สม", "ร.ร.บ้าน", "จ.ตาก"):
        assert any(whole in unit for unit in units(f"ส่งเมื่อ {whole} แล้ว")), units(f"ส่งเมื่อ {whole} แล้ว")


@pytest.mark.parametrize("name", FILE_NAMES, ids=[f"name{i}" for i in range(len(FILE_NAMES))])
@pytest.mark.parametrize("room", [30.0, 45.0, 60.0, 90.0])
def test_a_long_file_name_breaks_between_syllables_and_at_separators(name: str, room: float) -> None:
    lines = [line.text for line in break_lines(build_items(name, TABLE_SIZE), [room])]
    assert "".join(lines) == name
    cuts = [sum(len(line) for line in lines[:i]) for i in range(1, len(lines))]
    assert cut_problems(name, cuts, room) == [], lines


# -- read back from a report ---------------------------------------------------------------------------
SENTENCE = "กางเกงสีด\u0e4d\u0e32ตามระเบียบ"
# The padding moves the sentence along the line a little at a time, so that in some paragraphs a line
# would end exactly after สีด if a break were allowed there (it did for ก × 24, 1 × 8 and l × 15).
UNIFORM_PARAGRAPHS = [f"ข้อ {pad * k} {SENTENCE}" for pad in "ก1l" for k in range(1, 30)]

NUMBERS_SEEN = ("๒๓/๑๑/๒๕๖๙", "23/11/2569", "๐๔๒๓๗/๑๒๓๔", "๒/๒๕๖๙")
# The same walk for numbers: in some paragraphs a line would end after ๒๓/ or ๒๓/๑๑/.
NUMBER_PARAGRAPHS = [f"ประชุม {pad * k} วันที่ {number} แล้ว" for number in NUMBERS_SEEN for pad in "ก1"
                     for k in range(1, 16)]


@dataclass(frozen=True)
class Report:
    path: Path
    evidence: list[str]
    notes: list[str]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    """A round whose evidence was stored by an earlier version, which cleaned nothing: the text
    goes into the database as it was pasted."""
    folder = tmp_path_factory.mktemp("breaks")
    with Workspace.open(folder / "school.sqlite3", create=True, installation="break-tests") as workspace:
        school = workspace.schools.add(code="6301000001", name="โรงเรียนบ้านตาก", district="บ้านตาก", province="ตาก")
        assessment = workspace.assessments.start(school.id, 2569)
        item = workspace.frameworks.latest().items[0]
        workspace.answers.set_level(assessment.id, item.code, 4)
        with workspace.db.write():
            workspace.db.execute(
                "UPDATE answers SET evidence = ? WHERE assessment_id = ? AND item_code = ?",
                ["\n".join(UNIFORM_PARAGRAPHS), assessment.id, item.code])
        second = workspace.frameworks.latest().items[1]
        workspace.answers.set_level(assessment.id, second.code, 3)
        workspace.answers.set_text(assessment.id, second.code, "evidence", "\n".join(NUMBER_PARAGRAPHS))
        for name in (*FILE_NAMES, VERY_LONG_NAME):
            (folder / name).write_bytes(name.encode())
            workspace.attachments.add(assessment.id, item.code, folder / name)
        target = folder / "report.pdf"
        write_self_assessment_report(workspace, assessment.id, target)
    return Report(target, UNIFORM_PARAGRAPHS, NUMBER_PARAGRAPHS)


def column(path: Path, index: int) -> list[str]:
    """The lines of one column of the report's item tables, every page (see the report's tests)."""
    left = MARGIN + sum(ITEM_WIDTHS[:index]) + 1
    text = pdftotext(path, "-layout", crop=(left, MARGIN, ITEM_WIDTHS[index] - 2, PAGE_HEIGHT - 2 * MARGIN))
    lines = [line.strip() for line in text.splitlines()]
    return [line for line in lines if line and line != ITEM_HEADER[index]]


@needs_poppler
def test_sara_am_in_two_characters_stays_with_its_word_in_print(report: Report) -> None:
    lines = column(report.path, 3)
    found = find_in_order(report.evidence, lines)
    starts = [report.evidence[i][start] for i, spans in enumerate(found) for start, _end in spans[1:]]
    assert starts, "no paragraph broke: the check would be vacuous"
    assert not [char for char in starts if cannot_start_a_line(char)]



@needs_poppler
def test_thai_digit_dates_phone_numbers_and_fractions_stay_whole_in_print(report: Report) -> None:
    found = find_in_order(report.evidence + report.notes, column(report.path, 3))[len(report.evidence):]
    broken = []
    for text, spans in zip(report.notes, found):
        if len(spans) > 1:
            lines = [text[start:end] for start, end in spans]
            number = next(n for n in NUMBERS_SEEN if n in text)
            if not any(number in line for line in lines):
                broken.append(lines)
    assert sum(len(spans) > 1 for spans in found) > 20, "few paragraphs broke: the check would be vacuous"
    assert broken == []


def attachment_lines(path: Path) -> list[str]:
    """The lines of the attachment rows under the items (the strip right of the ข้อ column, where
    a row of attachments spans the statement, level and evidence columns), every page."""
    left = MARGIN + ITEM_WIDTHS[0] + 1
    text = pdftotext(path, "-layout", crop=(left, MARGIN, sum(ITEM_WIDTHS[1:]) - 2, PAGE_HEIGHT - 2 * MARGIN))
    return [line.strip() for line in text.splitlines() if line.strip()]


@needs_poppler
def test_file_names_in_the_attachment_list_are_whole_or_break_at_sensible_points(report: Report) -> None:
    """TEST11 item 6: the attachment column, 52 points wide, broke every name over many lines
    (ตรวจสอ|บอาคา|ร.pdf, then a syllable a line). The names are listed under the item's row,
    one a line across the table: each is whole, and one longer than the table breaks only at
    sensible points."""
    room = sum(ITEM_WIDTHS[1:]) - 2 * PADDING
    found = find_in_order([*FILE_NAMES, VERY_LONG_NAME], attachment_lines(report.path))
    assert [len(spans) for spans in found[:-1]] == [1] * len(FILE_NAMES)  # each name on one line
    assert len(found[-1]) > 1, "the very long name did not break: the check would be vacuous"
    assert cut_problems(VERY_LONG_NAME, [start for start, _end in found[-1][1:]], room) == []


@pytest.mark.parametrize("amount", [5900, 11_867_900, 1_234_567.5, 21, 67])
def test_an_amount_in_thai_words_breaks_only_between_its_number_groups(amount: float) -> None:
    """TEST14 s24 F3: "…ห้าพันเก้า" | "ร้อยบาทถ้วน" — a line broke inside "เก้าร้อย". A digit word stays
    with the magnitude after it (เก้าร้อย, สิบเอ็ดล้าน), and tens with their unit (หกสิบเจ็ด)."""
    from pythainlp.util import bahttext

    from qualityschool_desktop.typeset.segment import units

    digits = ("หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า", "ยี่")
    magnitudes = ("สิบ", "ร้อย", "พัน", "หมื่น", "แสน", "ล้าน")
    pieces = units(bahttext(amount))
    assert "".join(pieces) == bahttext(amount)
    for before, after in zip(pieces, pieces[1:]):
        assert not (before.endswith(digits) and after.startswith(magnitudes)), (before, after, pieces)
        assert not (before.endswith("สิบ") and after.startswith(digits)), (before, after, pieces)


@pytest.mark.parametrize("text, whole", [
    ("๖ พ.ย. ๒๕๖๙ – ๓๐ ก.ย. ๒๕๗๑", ("๖ พ.ย. ๒๕๖๙", "๓๐ ก.ย. ๒๕๗๑")),
    ("ภายใน 30 กันยายน 2571 นี้", ("30 กันยายน 2571",)),
    ("ปีงบประมาณ พ.ศ. ๒๕๗๐", ("พ.ศ. ๒๕๗๐",)),
])
def test_a_date_is_one_unbreakable_unit(text: str, whole: tuple[str, ...]) -> None:
    """try11a #17: the printed plan broke "๖ พ.ย. ๒๕๖๙ – ๓๐" | "ก.ย. ๒๕๗๑" between a day and its month."""
    from qualityschool_desktop.typeset.segment import units

    pieces = units(text)
    assert "".join(pieces) == text
    for date_text in whole:
        assert date_text in pieces, pieces
