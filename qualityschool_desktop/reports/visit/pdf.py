"""Laying out the visit record (the API is the package: :mod:`..visit`).

Laid out like the self-assessment report (the same page, type and blocks from :mod:`..blocks`) and
in the order a supervisor and a director go through it before signing: who, when and why; who
was there; the two views side by side with the gaps (:mod:`.compare`); what was seen per
component; what was agreed last time and now; notes; the signatures of every supervisor and of
the director.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Callable, Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable, HRFlowable

from ...follow_ups import STATUSES as FOLLOW_UP_STATUSES
from ...follow_ups import FollowUp
from ...thai import DigitText
from ...typeset import Run, ThaiParagraph, thai_date, thai_table
from ...visit_records import SIDES, VISIT_TYPES, Finding
from ..blocks import (
    DEMO_COLOUR, FRAME_HEIGHT, MUTED, NO_SCORE, RULE, SIGN, SIGN_NAME, SIGN_NAME_BLANK, SIGN_POSITION, TEXT_WIDTH,
    BandChip, demo_notice, fit_row_under, fit_rows, info_table, keep_with_table, official_number_text, report_styles,
    signature_block, signature_dots, tint,
)
from ..comments import comment_block
from ..document import Document
from .compare import (
    AGREE_COLOUR, LABEL_BACKGROUND, LOWER_COLOUR, PADDING, SCHOOL_NOT_RATED, component_gap_text, comparison_part,
    level_text,
)
from .data import ComponentFindings, VisitData
from .pdf_pictures import pictures_part
from .revision import HEADING as REVISION_HEADING
from .revision import revision_lines, revision_status

# -- Thai strings (what the reader sees) ----------------------------------------------------------
TITLE = "บันทึกการนิเทศ ติดตาม"
SUBTITLE = "โรงเรียนคุณภาพประจำอำเภอ ตามเกณฑ์ ๕ ด้าน"
VISIT_LINE = "การนิเทศครั้งที่ {number} วันที่ {date}"
# TEST35 T3: a signed record keeps the number it was signed with; the count by date here beside it
NUMBER_NOW = "(ครั้งที่ {number} ตามลำดับวันที่ในเครื่องนี้)"
DRAFT = "ฉบับร่าง"
DEMO_NOTICE = "ข้อมูลตัวอย่าง: สร้างขึ้นเพื่อทดลองใช้โปรแกรม ไม่ใช่บันทึกการนิเทศโรงเรียนจริง"
LABEL_CODE = "รหัสโรงเรียน"
LABEL_OFFICE = "สังกัด"
LABEL_PLACE = "ที่ตั้ง"
PLACE = "อำเภอ{district} จังหวัด{province}"
LABEL_WHEN = "วันและเวลา"
TIME_RANGE = " เวลา {start}–{end} น."
TIME_FROM = " เวลา {start} น."
LABEL_TYPE = "รูปแบบการนิเทศ"
LABEL_ROUND = "ผลประเมินตนเอง"
ROUND_VALUE = "ปีงบประมาณ {year} รอบที่ {round}"
ROUND_DATED = " (ประเมินเมื่อ {date})"
ROUND_DRAFT = " ซึ่งโรงเรียนยังประเมินไม่เสร็จ"
ROUND_NONE = "ไม่ได้อ้างอิงผลการประเมินตนเอง"
LABEL_PURPOSE = "วัตถุประสงค์"
LABEL_STATUS = "สถานะ"
STATUS_FINAL = "ยืนยันแล้ว"
STATUS_DRAFT = "ฉบับร่าง (ยังไม่ได้ยืนยันบันทึก)"
NOT_GIVEN = "ไม่ได้ระบุ"

PEOPLE_HEADING = "๑. ผู้นิเทศและผู้ให้ข้อมูล"
PEOPLE_HEADER = ("ที่", "ชื่อ–สกุล", "ตำแหน่ง")
PEOPLE_NONE = "ไม่ได้ระบุรายชื่อ"

FINDINGS_HEADING = "๓. ผลการนิเทศรายองค์ประกอบ"
COMPONENT_HEADING = "องค์ประกอบที่ {code} {title}"
COMPONENT_LINE = "ระดับตามการนิเทศ {supervisor} · ผลการประเมินตนเอง {school}"
COMPONENT_GAP = " · ผลต่าง: {gap}"
COMPONENT_EMPTY = "ไม่ได้บันทึกผลการนิเทศในองค์ประกอบนี้"
ITEM_HEADING = "ประเด็น {code} {title}"
ITEM_HEADING_OFFICIAL = "ประเด็น {code} ({official}) {title}"
ITEM_LEVELS = "ศึกษานิเทศก์ {supervisor} · โรงเรียนประเมินตนเอง {school}"
LEVEL_LABEL = "ระดับ"
FIELD_LABELS = {
    "observed": "สิ่งที่พบ",
    "evidence": "หลักฐานที่ตรวจดู",
    "strengths": "จุดเด่น",
    "to_develop": "ประเด็นที่ควรพัฒนา",
    "recommendations": "ข้อเสนอแนะ",
}
FILES_LABEL = "ไฟล์แนบ"

FOLLOW_HEADING = "๔. การติดตามและข้อตกลง"
CARRIED_HEADING = "๔.๑ ข้อตกลงจากการนิเทศครั้งก่อน"
CARRIED_HEADER = ("ที่", "สิ่งที่ตกลงไว้", "ผู้รับผิดชอบ", "กำหนดเสร็จ", "สถานะ")
CARRIED_NONE = "ไม่มีข้อตกลงที่ค้างจากการนิเทศครั้งก่อน"
CARRIED_FIRST = "การนิเทศครั้งแรกของโรงเรียน ยังไม่มีข้อตกลงที่ต้องติดตาม"
AGREED_HEADING = "๔.๒ ข้อตกลงในการนิเทศครั้งนี้"
AGREED_HEADER = ("ที่", "สิ่งที่จะดำเนินการ", "ผู้รับผิดชอบ", "กำหนดเสร็จ", "เรื่อง")
AGREED_NONE = "ไม่มีข้อตกลงเพิ่มเติมในการนิเทศครั้งนี้"
STATUS_CLOSED_ON = "{status}\n{date}"
STATUS_OVERDUE = "{status}\nเลยกำหนด"
SCOPE_COMPONENT = "ด้านที่ {code}"
SCOPE_ITEM = "ข้อ {code}"
SCOPE_NONE = "ภาพรวม"
NOTE = "หมายเหตุ: "
FOLLOW_UP_COMMENTS = "ความคิดเห็นต่อข้อตกลง"
COMMENT_ON = "ข้อตกลงที่ {number}"

NOTES_HEADING = "๕. บันทึกเพิ่มเติม"
NOTES_NONE = "–"
GENERAL_FILES = "ไฟล์แนบของการนิเทศ: "

SIGN_INTRO = "ผู้นิเทศและผู้รับการนิเทศได้ร่วมกันพิจารณาบันทึกนี้แล้ว"
SIGN_VISITOR = "ผู้นิเทศ"
SIGN_SCHOOL = "ผู้รับการนิเทศ"
SIGN_DIRECTOR = "ผู้อำนวยการโรงเรียน"
SIGN_DIRECTOR_OF = "ผู้อำนวยการ{school}"
RUNNING_HEAD = "บันทึกการนิเทศ {school} · {date}"
DOC_TITLE = "บันทึกการนิเทศ ติดตาม {school} วันที่ {date}"

# -- layout --------------------------------------------------------------------------------------
INFO_WIDTHS = (112.0, 150.0, 55.0, 136.5)
PEOPLE_WIDTHS = (30.0, 190.0, 233.5)
# A label and its text: the label column holds "ประเด็นที่ควรพัฒนา" on one line.
FINDING_WIDTHS = (112.0, 341.5)
# ที่ / action / who / due ("๒๓ ต.ค. ๒๕๖๙" on one line) / status ("ดำเนินการแล้ว") or topic
# ("ด้านที่ ๓"): the action is the long text, the owner a position of a few words.
CARRIED_WIDTHS = (24.0, 139.5, 104.0, 90.0, 96.0)
AGREED_WIDTHS = (24.0, 167.5, 110.0, 90.0, 62.0)



def _styles() -> dict[str, ParagraphStyle]:
    s = report_styles()
    s["subtitle"] = s["round"].clone("subtitle", fontSize=16, leading=24, spaceAfter=0)
    s["visit_line"] = s["round"].clone("visit_line")
    s["visit_line_noted"] = s["round"].clone("visit_line_noted", spaceAfter=0)
    s["number_note"] = s["round"].clone("number_note", fontName=s["body"].fontName, fontSize=13, leading=19.5)
    s["glance"] = s["body"].clone("glance", fontSize=13, leading=19.5)
    s["glance_list"] = s["glance"].clone("glance_list", leftIndent=14, firstLineIndent=-14)
    s["note"] = s["small"].clone("note", textColor=MUTED)
    s["muted"] = s["body"].clone("muted", textColor=MUTED)
    s["muted_table"] = s["table_body"].clone("muted_table", textColor=MUTED)
    s["item_heading"] = s["body"].clone("item_heading", fontName=s["label"].fontName, spaceBefore=6, spaceAfter=2)
    s["subheading"] = s["subheading"].clone("subheading", spaceBefore=10, spaceAfter=2)
    return s


# -- values as printed ---------------------------------------------------------------------------
def _time(value: str) -> str:
    # "09:30" → "09.30": how Thai official papers write the time ("เวลา ๐๙.๓๐ น.").
    return value.replace(":", ".")


def _when(data: VisitData, t: DigitText) -> str:
    visit = data.visit
    text = thai_date(visit.visited_date, t.style)
    if visit.start_time and visit.end_time:
        text += t(TIME_RANGE, start=t(_time(visit.start_time)), end=t(_time(visit.end_time)))
    elif visit.start_time:
        text += t(TIME_FROM, start=t(_time(visit.start_time)))
    return text


def number_note(data: VisitData, t: DigitText) -> str:
    """Under "การนิเทศครั้งที่ ๔ …" (the number signed): the count by date here when it differs,
    "" when it does not (TEST35 T3)."""
    return t(NUMBER_NOW, number=data.number_now) if data.number_now is not None else ""


def header_pairs(data: VisitData, t: DigitText) -> list[tuple[str, ...]]:
    """The record's particulars under its title, as (label, value) pairs, the first row two
    pairs (code and area office): the PDF's and the Word copy's."""
    school, visit = data.school, data.visit
    place = PLACE.format(district=school.district, province=school.province) if school.district else school.province
    assessment = data.assessment
    if assessment is None:
        reviewed = ROUND_NONE
    else:
        reviewed = t(ROUND_VALUE, year=assessment.fiscal_year, round=assessment.round)
        if assessment.is_draft:
            reviewed += ROUND_DRAFT
        elif assessment.assessed_date is not None:
            reviewed += ROUND_DATED.format(date=thai_date(assessment.assessed_date, t.style, short=True))
    return [
        (LABEL_CODE, t(school.code), LABEL_OFFICE, t(school.area_office) if school.area_office else NOT_GIVEN),
        (LABEL_PLACE, place or NOT_GIVEN),
        (LABEL_WHEN, _when(data, t)),
        (LABEL_TYPE, VISIT_TYPES.get(visit.visit_type, visit.visit_type)),
        (LABEL_ROUND, reviewed),
        (LABEL_PURPOSE, visit.purpose.strip() or NOT_GIVEN),
        (LABEL_STATUS, " · ".join(filter(None, (STATUS_FINAL if visit.is_final else STATUS_DRAFT,
                                                revision_status(data.revision, t))))),
    ]


def carried_status(item: FollowUp, data: VisitData, t: DigitText) -> tuple[str, str | None]:
    """A carried follow-up's status as printed (closed with its date, or overdue) and the colour
    its cell is tinted with (None: none)."""
    status = FOLLOW_UP_STATUSES.get(item.status, item.status)
    if item.status != "open":
        closed = thai_date(_iso(item.closed_on), t.style, short=True) if item.closed_on else ""
        status = STATUS_CLOSED_ON.format(status=status, date=closed) if closed else status
        return status, AGREE_COLOUR if item.status == "done" else None
    if item.due_date is not None and item.due_date < data.visit.visited_date:
        return STATUS_OVERDUE.format(status=status), LOWER_COLOUR
    return status, None


# -- parts ---------------------------------------------------------------------------------------
def _header(data: VisitData, t: DigitText, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    visit, school = data.visit, data.school
    story: list[Flowable] = demo_notice(DEMO_NOTICE, s) if school.is_demo else []
    title = ThaiParagraph(TITLE, s["title"])
    if not visit.is_final:
        # The chip sits at the right of the title line, an empty cell of its width at the left
        # keeps the title centred on the page.
        chip = BandChip(DRAFT, "#ffffff", size=14, outline=DEMO_COLOUR)
        side = chip.width + 4
        story.append(Table(
            [["", title, chip]], colWidths=[side, TEXT_WIDTH - 2 * side, side],
            style=TableStyle([
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (2, 0), (2, 0), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]),
        ))
    else:
        story.append(title)
    story.append(ThaiParagraph(t(SUBTITLE), s["subtitle"]))
    story.append(ThaiParagraph(school.name, s["school"]))
    note = number_note(data, t)
    story.append(ThaiParagraph(t(VISIT_LINE, number=data.number, date=thai_date(visit.visited_date, t.style)),
                               s["visit_line_noted" if note else "visit_line"]))
    if note:
        story.append(ThaiParagraph(note, s["number_note"]))

    story += [info_table(header_pairs(data, t), INFO_WIDTHS, s), Spacer(1, 6)]
    revised = revision_lines(data.revision, t, data.level_names)
    if revised:  # a record reopened after it was signed says so where the reader starts (C3)
        story.append(KeepTogether([ThaiParagraph(REVISION_HEADING, s["item_heading"]),
                                   *(ThaiParagraph(line, s["glance_list"]) for line in revised)]))
        story.append(Spacer(1, 4))
    story.append(HRFlowable(width="100%", thickness=0.8, color=RULE, spaceAfter=2))
    return story


def _people(data: VisitData, t: DigitText, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    """One table: the visiting team, then the school's people, each under a shaded side row."""
    rows: list[list[Any]] = [[ThaiParagraph(text, s["centre_bold"]) for text in PEOPLE_HEADER]]
    extra: list[tuple[Any, ...]] = []
    for side, people in (("visitor", data.visitors), ("school", data.school_people)):
        index = len(rows)
        rows.append([ThaiParagraph(SIDES[side], s["table_header"]), "", ""])
        extra += [("SPAN", (0, index), (-1, index)), ("BACKGROUND", (0, index), (-1, index), LABEL_BACKGROUND)]
        if not people:
            rows.append([ThaiParagraph("", s["centre"]), ThaiParagraph(PEOPLE_NONE, s["muted_table"]), ""])
        for number, person in enumerate(people, start=1):
            rows.append([
                ThaiParagraph(t(number), s["centre"]),
                ThaiParagraph(person.name or NOT_GIVEN, s["table_body"]),
                ThaiParagraph(person.position or NOT_GIVEN, s["table_body"]),
            ])
    table = thai_table(rows, PEOPLE_WIDTHS, body_style=s["table_body"], padding=PADDING, extra_commands=extra)
    return [*keep_with_table([ThaiParagraph(t(PEOPLE_HEADING), s["heading"])], table, rows[:1], PEOPLE_WIDTHS, padding=PADDING)]


def _finding_rows(finding: Finding | None, files: Sequence[str], s: dict[str, ParagraphStyle]) -> list[list[ThaiParagraph]]:
    rows = []
    if finding is not None:
        for field, label in FIELD_LABELS.items():
            text = str(getattr(finding, field)).strip()
            if text:
                rows.append([ThaiParagraph(label, s["table_header"]), ThaiParagraph(text, s["table_body"])])
    if files:
        rows.append([ThaiParagraph(FILES_LABEL, s["table_header"]), ThaiParagraph("\n".join(files), s["table_body"])])
    return rows


def _finding_table(lead: Sequence[Flowable], rows: list[list[ThaiParagraph]]) -> list[Flowable]:
    """A label/text table under its headings; a text taller than a page continues in the next row."""
    fitted = fit_rows(rows, FINDING_WIDTHS, padding=PADDING, limit=FRAME_HEIGHT - 12)
    table = thai_table(
        fitted, FINDING_WIDTHS, body_style=fitted[0][1].style, padding=PADDING, header_rows=0,
        extra_commands=[("BACKGROUND", (0, 0), (0, -1), LABEL_BACKGROUND)],
    )
    return keep_with_table(lead, table, fitted, FINDING_WIDTHS, padding=PADDING)


def _component(section: ComponentFindings, data: VisitData, t: DigitText, s: dict[str, ParagraphStyle],
               lead: Sequence[Flowable]) -> list[Flowable]:
    component, gap = section.component, section.gap
    heading = ThaiParagraph(t(COMPONENT_HEADING, code=t(component.code), title=component.title), s["heading"])
    if section.is_empty:
        return [KeepTogether([*lead, heading, ThaiParagraph(COMPONENT_EMPTY, s["muted"])])]
    own = section.finding.level if section.finding is not None else None
    supervisor = level_text(data, own, t) if own is not None else t.score(gap.supervisor)
    line = COMPONENT_LINE.format(supervisor=supervisor, school=t.score(gap.school))
    if gap.gap is not None:
        line += COMPONENT_GAP.format(gap=component_gap_text(gap, t).replace("\n", " "))
    intro: list[Flowable] = [*lead, heading, ThaiParagraph(line, s["body"]), Spacer(1, 3)]
    rows = _finding_rows(section.finding, section.attachments, s)
    story: list[Flowable] = _finding_table(intro, rows) if rows else [KeepTogether(intro)]
    for entry in section.items:
        official = official_number_text(entry.item.official_number, t)
        heading_text = (ITEM_HEADING_OFFICIAL if official else ITEM_HEADING).format(
            code=t(entry.item.code), official=official, title=entry.item.title)
        item_heading = ThaiParagraph(heading_text,
                                     s["item_heading"])
        rows = _finding_rows(entry.finding, entry.attachments, s)
        if entry.finding.level is not None:
            school = level_text(data, entry.gap.school, t) if entry.gap.school is not None else SCHOOL_NOT_RATED
            levels = ITEM_LEVELS.format(supervisor=level_text(data, entry.finding.level, t), school=school)
            rows.insert(0, [ThaiParagraph(LEVEL_LABEL, s["table_header"]), ThaiParagraph(levels, s["table_body"])])
        if rows:
            story += _finding_table([item_heading], rows)
    return story


def _scope(code: str, t: DigitText) -> str:
    if not code:
        return SCOPE_NONE
    return t(SCOPE_ITEM if "." in code else SCOPE_COMPONENT, code=t(code))


def _action_cell(item: FollowUp, s: dict[str, ParagraphStyle]) -> ThaiParagraph:
    runs = [Run(item.action)]
    if item.note.strip():
        runs += [Run("\n"), Run(NOTE, bold=True), Run(item.note.strip())]
    return ThaiParagraph(runs, s["table_body"])


def _due(item: FollowUp, t: DigitText) -> str:
    return thai_date(item.due_date, t.style, short=True) if item.due_date else NO_SCORE


def _follow_ups(data: VisitData, t: DigitText, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    story: list[Flowable] = [ThaiParagraph(t(FOLLOW_HEADING), s["heading"])]
    carried_heading = ThaiParagraph(t(CARRIED_HEADING), s["subheading"])
    if data.carried:
        header = [ThaiParagraph(text, s["centre_bold"]) for text in CARRIED_HEADER]
        rows: list[list[Any]] = [header]
        extra: list[tuple[Any, ...]] = []
        for number, item in enumerate(data.carried, start=1):
            status, colour = carried_status(item, data, t)
            shade = tint(colour, 0.78) if colour else None
            first = len(rows)
            rows += _fitted([
                ThaiParagraph(t(number), s["centre"]), _action_cell(item, s),
                ThaiParagraph(item.owner or NOT_GIVEN, s["table_body"]),
                ThaiParagraph(_due(item, t), s["centre"]), ThaiParagraph(status, s["centre"]),
            ], header, CARRIED_WIDTHS)
            if shade is not None:
                extra.append(("BACKGROUND", (4, first), (4, len(rows) - 1), shade))
        table = thai_table(rows, CARRIED_WIDTHS, body_style=s["table_body"], padding=PADDING, extra_commands=extra)
        story += keep_with_table([carried_heading], table, rows, CARRIED_WIDTHS, padding=PADDING)
        story += _comments(data.carried, data, t, s)
    else:
        story += [carried_heading, ThaiParagraph(CARRIED_FIRST if data.previous_visits == 0 else CARRIED_NONE,
                                                 s["muted"])]
    agreed_heading = ThaiParagraph(t(AGREED_HEADING), s["subheading"])
    if data.agreed:
        header = [ThaiParagraph(text, s["centre_bold"]) for text in AGREED_HEADER]
        rows = [header]
        for number, item in enumerate(data.agreed, start=1):
            rows += _fitted([
                ThaiParagraph(t(number), s["centre"]), _action_cell(item, s),
                ThaiParagraph(item.owner or NOT_GIVEN, s["table_body"]),
                ThaiParagraph(_due(item, t), s["centre"]), ThaiParagraph(_scope(item.scope_code, t), s["centre"]),
            ], header, AGREED_WIDTHS)
        table = thai_table(rows, AGREED_WIDTHS, body_style=s["table_body"], padding=PADDING)
        story += keep_with_table([agreed_heading], table, rows, AGREED_WIDTHS, padding=PADDING)
        story += _comments(data.agreed, data, t, s)
    else:
        story += [agreed_heading, ThaiParagraph(AGREED_NONE, s["muted"])]
    return story


def _comments(items: Sequence[FollowUp], data: VisitData, t: DigitText, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    """The comments on the follow-ups of one table (the school's answers), by the table's numbers."""
    return comment_block([(t(COMMENT_ON, number=number), comment)
                          for number, item in enumerate(items, start=1)
                          for comment in data.follow_up_comments.get(item.id, ())], t, s, heading=FOLLOW_UP_COMMENTS)


def _fitted(row: list[ThaiParagraph], header: Sequence[ThaiParagraph], widths: Sequence[float]) -> list[list[ThaiParagraph]]:
    """A follow-up's row, as continuation rows when its texts are taller than a page under the
    repeated header (an action may hold 200,000 characters)."""
    return fit_row_under(row, header, widths, padding=PADDING)


def _iso(value: str) -> date:
    return date.fromisoformat(value[:10])


def _notes(data: VisitData, t: DigitText, s: dict[str, ParagraphStyle]) -> list[list[Flowable]]:
    """The notes as groups of flowables, each kept on one page (the heading with the first)."""
    heading = ThaiParagraph(t(NOTES_HEADING), s["heading"])
    paragraphs = [part.strip() for part in data.visit.notes.split("\n") if part.strip()]
    body: list[Flowable] = [ThaiParagraph(part, s["body"]) for part in paragraphs] or [
        ThaiParagraph(NOTES_NONE, s["body"])
    ]
    if data.general_attachments:
        body.append(ThaiParagraph(
            [Run(GENERAL_FILES, bold=True), Run(", ".join(data.general_attachments))], s["body"]
        ))
    return [[heading, body[0]], *([flowable] for flowable in body[1:])]


def _closing(data: VisitData, t: DigitText, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    """The notes, then the statement and every signature on one page with the notes' last
    paragraph (TEST34C C2: the school's line alone on the last page; a signed page always shows
    the end of its own record)."""
    groups = _notes(data, t, s)
    story: list[Flowable] = [group[0] if len(group) == 1 else KeepTogether(group) for group in groups[:-1]]
    return story + _signatures(data, t, s, groups[-1])


def _signatures(data: VisitData, t: DigitText, s: dict[str, ParagraphStyle], above: Sequence[Flowable]) -> list[Flowable]:
    school = data.school
    cells = signature_cells(data, signature_dots(s["sign"], TEXT_WIDTH / 2 - 24, (SIGN_VISITOR, SIGN_SCHOOL)))
    intro = ThaiParagraph(SIGN_INTRO, s["body"])
    # The school's name never broken inside (TEST32b B5: "ผู้อำนวยการโรงเรียนชุมชนวัด / สันป่าลาน").
    return signature_block(cells, s, space_before=24, lead=[*above, Spacer(1, 10), intro], whole=(school.name,),
                           together=True)


def signature_cells(data: VisitData, dots: str) -> list[str]:
    """Who signs, each as the lines of one signature ("ลงชื่อ … ผู้นิเทศ", the name, the
    position): every supervisor, then the school's signer (a blank line for the director when
    none was named); the PDF's and the Word copy's."""
    school = data.school
    cells = []
    for person in data.visitors:
        lines = [SIGN.format(dots=dots, role=SIGN_VISITOR),
                 SIGN_NAME.format(name=person.name) if person.name else SIGN_NAME_BLANK]
        if person.position:
            lines.append(SIGN_POSITION.format(role=person.position))
        cells.append("\n".join(lines))
    signer = data.school_signer
    if signer is not None:
        lines = [SIGN.format(dots=dots, role=SIGN_SCHOOL), SIGN_NAME.format(name=signer.name or "")]
        if signer.position:
            lines.append(SIGN_POSITION.format(role=signer.position))
    else:
        # "ผู้อำนวยการโรงเรียนบ้านตาก": how a director signs for the school.
        position = SIGN_DIRECTOR_OF.format(school=school.name) if school.name.startswith("โรงเรียน") else SIGN_DIRECTOR
        lines = [SIGN.format(dots=dots, role=SIGN_SCHOOL), SIGN_NAME_BLANK, SIGN_POSITION.format(role=position)]
    cells.append("\n".join(lines))
    return cells


def layout(data: VisitData, t: DigitText) -> Document:
    """The record of ``data`` in ``t``'s digits, for :func:`~..document.write_report`: the header
    and the people, the comparison, one part per component (the first under the part's heading),
    then the follow-ups, notes and signatures. A draft says so on every page.

    Returns the :class:`~..document.Document`; its parts build their flowables only when typeset.
    Raises nothing: :func:`~.data.gather` has read and checked everything printed."""
    s = _styles()
    school, visit = data.school, data.visit
    when = thai_date(visit.visited_date, t.style)

    def component(index: int, section: ComponentFindings) -> Callable[[], list[Flowable]]:
        def build() -> list[Flowable]:
            # The part's heading goes with its first component, so it never ends a page alone.
            lead = [ThaiParagraph(t(FINDINGS_HEADING), s["heading"])] if index == 0 else []
            return _component(section, data, t, s, lead)

        return build

    return Document(
        parts=[
            lambda: _header(data, t, s) + _people(data, t, s),
            lambda: comparison_part(data, t, s),
            *(component(index, section) for index, section in enumerate(data.components)),
            lambda: _follow_ups(data, t, s) + _closing(data, t, s),
            *([lambda: pictures_part(data, t, s)] if data.pictures else []),  # ภาพประกอบ, after the record
        ],
        title=DOC_TITLE.format(school=school.name, date=when),
        author=data.visitors[0].name if data.visitors else "",
        running_head=RUNNING_HEAD.format(school=school.name, date=when),
        is_demo=school.is_demo,
        mark="" if visit.is_final else DRAFT,
    )
