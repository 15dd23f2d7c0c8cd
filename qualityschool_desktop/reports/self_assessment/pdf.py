"""Laying out the self-assessment report (the API is the package: :mod:`..self_assessment`).

A4 portrait, 2.5 cm margins, Sarabun at the sizes Thai offices use with TH Sarabun: title 20 bold,
headings 16 bold, body 14, tables 13. The order follows what a director reads and signs: who and
when, the summary with the colour band and the chart, one section per component with every item,
its evidence and files, then the strengths and what to develop, and the signatures.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, KeepTogether, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable, HRFlowable

from ...framework import Band
from ...plans.progress import moved_sentence
from ...scoring import ComponentResult
from ...thai import DigitText, short_title
from ...typeset import Run, ThaiParagraph, thai_date, thai_table
from ..blocks import (
    FRAME_HEIGHT, NO_SCORE, RULE, SIGN, SIGN_NAME, SIGN_NAME_BLANK, SIGN_POSITION, TEXT_WIDTH, BandChip, demo_notice,
    fit_rows, info_table, official_number_text, report_styles, signature_block, signature_dots, tint,
)
from ..comments import comment_block
from ..chart import CURRENT_COLOUR, PREVIOUS_COLOUR, ComponentChart, Series
from ..document import Document
from .data import ComponentSection, ItemEntry, SelfAssessmentData
from .legend import scale_legend

# -- Thai strings (what the reader sees) ----------------------------------------------------------
# The title is broken by hand where a Thai reader would break it (the engine alone would leave a
# lonely last word).
TITLE = "รายงานผลการประเมินตนเอง\nตามเกณฑ์โรงเรียนคุณภาพ ๕ ด้าน"
# "รอบที่", as the screen names the school's rounds everywhere (the rounds list, the breadcrumb,
# "รอบก่อน" on the results page) and as this page's plan line does ("เริ่มจากรอบที่ ๒/๒๕๖๙"): the
# report said "ครั้งที่" beside them, one thing under two names (TEST32b B3, s33).
ROUND_LINE = "ปีงบประมาณ พ.ศ. {year} รอบที่ {round}"
DEMO_NOTICE = "ข้อมูลตัวอย่าง: สร้างขึ้นเพื่อทดลองใช้โปรแกรม ไม่ใช่ผลการประเมินของโรงเรียนจริง"
LABEL_CODE = "รหัสโรงเรียน"
LABEL_PLACE = "ที่ตั้ง"
PLACE = "อำเภอ{district} จังหวัด{province}"
LABEL_OFFICE = "สังกัด"
LABEL_DATE = "วันที่ประเมิน"
LABEL_ASSESSOR = "ผู้ประเมิน"
LABEL_FRAMEWORK = "เกณฑ์การประเมิน"
FRAMEWORK_VALUE = "{title} ฉบับ {version}"
LABEL_STATUS = "สถานะ"
STATUS_SUBMITTED = "ส่งผลการประเมินแล้ว"
STATUS_DRAFT = "ฉบับร่าง (ยังไม่ได้ส่งผลการประเมิน)"
NOT_GIVEN = "ไม่ได้ระบุ"

SUMMARY_HEADING = "๑. สรุปผลการประเมิน"
OVERALL = "ผลการประเมินภาพรวม {score} ระดับ{label}"
OVERALL_NONE = "ผลการประเมินภาพรวม: ยังไม่มีประเด็นที่เลือกระดับ"
BAND = "กลุ่มสี{name}"
COMPLETE = "ตอบครบ {total} ประเด็น"
INCOMPLETE = "ตอบแล้ว {answered} จาก {total} ประเด็น (ผลเบื้องต้น)"
PREVIOUS_LINE = "รอบก่อน ({round}) ได้ {score} ระดับ{label} {band}"
PREVIOUS_ROUND = "ปีงบประมาณ {year} รอบที่ {round}"
SUMMARY_HEADER = ("องค์ประกอบ", "คะแนน", "ระดับคุณภาพ", "กลุ่มความพร้อม")
SUMMARY_PREVIOUS = "รอบก่อน"
OVERALL_ROW = "ภาพรวม"
CHART_CAPTION = "แผนภูมิคะแนนเฉลี่ยรายองค์ประกอบ (คะแนนเต็ม {max})"
CHART_NUMBER = "ด้านที่ {code}"
LEGEND_PREVIOUS = "รอบก่อน"
LEGEND_CURRENT = "รอบนี้"

SECTIONS_HEADING = "๒. ผลการประเมินรายองค์ประกอบ"
COMPONENT_HEADING = "องค์ประกอบที่ {code} {title}"
COMPONENT_LINE = "คะแนนเฉลี่ย {score} ระดับ{label} กลุ่ม{readiness} (ตอบ {answered} จาก {total} ประเด็น)"
COMPONENT_LINE_NONE = "ยังไม่มีประเด็นที่เลือกระดับ (ตอบ {answered} จาก {total} ประเด็น)"
ITEM_HEADER = ("ข้อ", "ประเด็น", "ระดับ", "หลักฐาน")
# Under an item's row, before its names (one a line, across the statement, level and evidence columns),
# the item's number in the ข้อ column: a last row with none read as the whole component's (TEST32b B3).
ATTACHMENTS = "ไฟล์แนบ"
LEVEL_VALUE = "{value} {label}"
NOT_APPLICABLE = "ไม่เกี่ยวข้อง"
NOT_ANSWERED = "ยังไม่ได้ประเมิน"
NA_REASON = "เหตุผลที่ไม่เกี่ยวข้อง: "
NOTE = "หมายเหตุ: "
NO_EVIDENCE = "–"
STRENGTHS = "จุดเด่น"
TO_DEVELOP = "ประเด็นที่ควรพัฒนา"
STRENGTHS_NONE = "ยังไม่มีประเด็นที่อยู่ในระดับ{labels}"
TO_DEVELOP_NONE = "ทุกประเด็นที่ประเมินอยู่ในระดับ{label}"
NONE_RATED = "ยังไม่ได้ประเมินประเด็นใดขององค์ประกอบนี้"  # a draft's component with no item rated yet
TO_DEVELOP_WEAKEST = "ไม่มีประเด็นที่อยู่ในระดับ{labels} ประเด็นที่ได้ระดับต่ำที่สุดขององค์ประกอบนี้ ได้แก่"
LIST_ITEM = "{code} {title} (ระดับ {value} {label})"
COMMENT_ON_ITEM = "ประเด็น {code}"
ROUND_COMMENTS = "ความคิดเห็นต่อผลการประเมินทั้งรอบ"
ITEM_COMMENTS = "ความคิดเห็นต่อประเด็นขององค์ประกอบนี้"
BULLET = "•"

NETWORK_HEADING = "๓. โรงเรียนเครือข่าย"
NETWORK_HEADER = ("ที่", "รหัสโรงเรียน", "โรงเรียนเครือข่าย", "นักเรียน", "ครู", "ระยะทาง (กม.)")
NETWORK_TOTAL = "รวม {schools} โรงเรียน นักเรียน {pupils} คน ครู {teachers} คน"
NETWORK_UNKNOWN = "–"
# ที่ / รหัสโรงเรียน / โรงเรียนเครือข่าย / นักเรียน / ครู / ระยะทาง (กม.): the text width (453.5 pt)
NETWORK_WIDTHS = (26.0, 96.0, 171.5, 50.0, 40.0, 70.0)

SIGN_ASSESSOR = "ผู้ประเมิน"
SIGN_DIRECTOR = "ผู้อำนวยการโรงเรียน"
SIGN_DIRECTOR_OF = "ผู้อำนวยการ{school}"
SIGN_DATE = "วันที่ ..... เดือน ............ พ.ศ. ......"
RUNNING_HEAD = "{school} · ปีงบประมาณ {year} รอบที่ {round}"
DOC_TITLE = "รายงานผลการประเมินตนเอง {school} ปีงบประมาณ {year} รอบที่ {round}"

# -- layout --------------------------------------------------------------------------------------
# ข้อ / ประเด็น / ระดับ / หลักฐาน / ไฟล์แนบ: the item text is the longest (up to ~1,000
# characters), evidence next; the level and file columns only hold a few words each.
# At 12 pt: the widest code (๒.๒.๑๒) and level word (ปานกลาง) fit on one line, and the longest
# official item text (1,060 characters) still fits on one page.
# No column of its own for the attachments: 52 points broke a file name a syllable a line (TEST11
# item 6); they are listed under their item's row, across the last three columns.
# The descriptor (the longest text of a row) gets the room; evidence is short or "–" in most rounds
# (TEST31 T7: 190/163.5 pt wrapped descriptors over 5–8 lines, 29 pages for 74 items).
# The evidence column holds "ปีงบประมาณ ๒๕๗๑" on one line (100.6 pt at 12 pt: TEST32b B3 split it).
ITEM_WIDTHS = (46.0, 244.0, 54.0, 109.5)
PADDING = 3.5
# องค์ประกอบ / คะแนน / ระดับคุณภาพ / กลุ่มความพร้อม (อยู่ในเกณฑ์มาตรฐาน on one line) / รอบก่อน
SUMMARY_WIDTHS = (161.5, 48.0, 60.0, 112.0, 72.0)
# Labels, values; the first row holds two pairs (code and area office, both short).
INFO_WIDTHS = (112.0, 150.0, 55.0, 136.5)


def _level_label(data: SelfAssessmentData, value: int) -> str:
    for level in data.framework.levels:
        if level.value == value:
            return level.label
    return ""


def _header(data: SelfAssessmentData, t: DigitText, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    school, assessment = data.school, data.assessment
    story: list[Flowable] = demo_notice(DEMO_NOTICE, s) if school.is_demo else []
    story.append(ThaiParagraph(t(TITLE), s["title"]))
    story.append(ThaiParagraph(school.name, s["school"]))
    story.append(ThaiParagraph(t(ROUND_LINE, year=assessment.fiscal_year, round=assessment.round), s["round"]))

    when = assessment.assessed_date
    assessor = assessment.assessor_name or NOT_GIVEN
    if assessment.assessor_name and assessment.assessor_role:
        assessor = f"{assessment.assessor_name} ({assessment.assessor_role})"
    place = PLACE.format(district=school.district, province=school.province) if school.district else school.province
    framework = data.framework
    date_text = thai_date(when, t.style) if when else NOT_GIVEN
    office = t(school.area_office) if school.area_office else NOT_GIVEN
    pairs = [
        (LABEL_CODE, t(school.code), LABEL_OFFICE, office),
        (LABEL_PLACE, place or NOT_GIVEN),
        (LABEL_DATE, date_text),
        (LABEL_ASSESSOR, assessor),
        (LABEL_FRAMEWORK, t(FRAMEWORK_VALUE, title=t(framework.title), version=t(framework.version))),
        (LABEL_STATUS, STATUS_DRAFT if assessment.is_draft else STATUS_SUBMITTED),
    ]
    info = info_table(pairs, INFO_WIDTHS, s)
    story += [info, Spacer(1, 6), HRFlowable(width="100%", thickness=0.8, color=RULE, spaceAfter=2)]
    return story


def _band_name(band: Band | None) -> str:
    return BAND.format(name=band.name) if band else NO_SCORE


def _summary(data: SelfAssessmentData, t: DigitText, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    result, previous = data.result, data.previous_result
    story: list[Flowable] = [ThaiParagraph(t(SUMMARY_HEADING), s["heading"])]

    # The overall result and its colour band, the first thing a reader looks for.
    if result.overall is not None:
        overall_text = t(OVERALL, score=t.score(result.overall), label=result.overall_label)
    else:
        overall_text = OVERALL_NONE
    overall: list[Any] = [ThaiParagraph(overall_text, s["overall"])]
    widths = [TEXT_WIDTH]
    if result.band is not None:
        chip = BandChip(_band_name(result.band), result.band.colour)
        overall.append(chip)
        widths = [TEXT_WIDTH - chip.width - 8, chip.width + 8]
    story.append(Table(
        [overall], colWidths=widths, hAlign="LEFT",
        style=TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (-1, 0), (-1, 0), "RIGHT"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ]),
    ))
    done = t(COMPLETE, total=result.total) if result.complete else t(
        INCOMPLETE, answered=result.answered, total=result.total
    )
    story.append(ThaiParagraph(done, s["body"]))
    if data.previous is not None and previous is not None:
        story.append(ThaiParagraph(t(
            PREVIOUS_LINE,
            round=t(PREVIOUS_ROUND, year=data.previous.fiscal_year, round=data.previous.round),
            score=t.score(previous.overall), label=previous.overall_label or NO_SCORE,
            band=_band_name(previous.band),
        ), s["body"]))
    for plan in data.plans:  # which goals of the school's development plan moved (issue 14)
        story.append(ThaiParagraph(moved_sentence(plan, t), s["body"]))
    story.append(Spacer(1, 6))

    # The components, then the whole, this round and (when there was one) the round before.
    with_previous = previous is not None
    header = list(SUMMARY_HEADER) + ([SUMMARY_PREVIOUS] if with_previous else [])
    widths = list(SUMMARY_WIDTHS) if with_previous else [SUMMARY_WIDTHS[0] + SUMMARY_WIDTHS[4], *SUMMARY_WIDTHS[1:4]]
    rows: list[list[Any]] = [[ThaiParagraph(text, s["centre_bold"]) for text in header]]
    for section in data.sections:
        component = section.result
        row = [
            ThaiParagraph(t(f"{component.code}. ") + component.title, s["table_body"]),
            ThaiParagraph(t.score(component.score), s["centre"]),
            ThaiParagraph(component.level_label or NO_SCORE, s["centre"]),
            ThaiParagraph(component.readiness.name if component.readiness else NO_SCORE, s["centre"]),
        ]
        if with_previous:
            row.append(ThaiParagraph(t.score(section.previous.score if section.previous else None), s["centre"]))
        rows.append(row)
    overall_row = [
        ThaiParagraph(OVERALL_ROW, s["table_header"]),
        ThaiParagraph(t.score(result.overall), s["centre_bold"]),
        ThaiParagraph(result.overall_label or NO_SCORE, s["centre_bold"]),
        ThaiParagraph(_band_name(result.band), s["centre_bold"]),
    ]
    if with_previous and previous is not None:
        overall_row.append(ThaiParagraph(
            [Run(t.score(previous.overall) + "\n", bold=True), Run(_band_name(previous.band))], s["centre"]
        ))
    rows.append(overall_row)
    last = len(rows) - 1
    extra: list[tuple[Any, ...]] = [("LINEABOVE", (0, last), (-1, last), 1.0, colors.black)]
    if result.band is not None:
        extra.append(("BACKGROUND", (3, last), (3, last), tint(result.band.colour)))
    story.append(thai_table(rows, widths, body_style=s["table_body"], padding=PADDING, extra_commands=extra))
    story += scale_legend(data.framework, t, s)  # "ดี" beside "ต้องเร่งพัฒนา": say why (TEST32b B15)
    story.append(Spacer(1, 10))

    # The chart: this round's bars, the previous round's beside them.
    series = []
    if data.previous is not None and previous is not None:
        series.append(Series(LEGEND_PREVIOUS, tuple(_score(sec.previous) for sec in data.sections), PREVIOUS_COLOUR))
    series.append(Series(LEGEND_CURRENT, tuple(sec.result.score for sec in data.sections), CURRENT_COLOUR))
    chart = ComponentChart(
        [t(CHART_NUMBER, code=t(sec.component.code)) for sec in data.sections],
        [short_title(sec.component.title) for sec in data.sections],
        series, scale_max=data.framework.max_level, digits=t.style,
    )
    story.append(KeepTogether([chart, ThaiParagraph(t(CHART_CAPTION, max=data.framework.max_level), s["caption"])]))
    story += comment_block([("", comment) for comment in data.round_comments], t, s, heading=ROUND_COMMENTS)
    return story


def _score(result: ComponentResult | None) -> float | None:
    return result.score if result else None


def _item_rows(entries: Sequence[ItemEntry], data: SelfAssessmentData, t: DigitText, s: dict[str, ParagraphStyle]) -> list[list[ThaiParagraph]]:
    rows = []
    for entry in entries:
        answer = entry.answer
        if answer is not None and answer.not_applicable:
            level = NOT_APPLICABLE
        elif entry.level is not None:
            level = t(LEVEL_VALUE, value=entry.level, label=_level_label(data, entry.level))
        else:
            level = NOT_ANSWERED
        evidence: list[Run] = []
        if answer is not None and answer.not_applicable:
            evidence += [Run(NA_REASON, bold=True), Run(answer.na_reason.strip() or NOT_GIVEN)]
        elif answer is not None and answer.evidence.strip():
            evidence.append(Run(answer.evidence.strip()))
        if answer is not None and answer.note.strip():
            if evidence:
                evidence.append(Run("\n"))
            evidence += [Run(NOTE, bold=True), Run(answer.note.strip())]
        official = official_number_text(entry.item.official_number, t)
        statement: list[Run] = [Run(official, bold=True), Run("\n")] if official else []
        rows.append([
            ThaiParagraph(t(entry.item.code), s["centre"]),
            ThaiParagraph([*statement, *_titled(entry.item.title, entry.item.text)], s["table_body"]),
            ThaiParagraph(level, s["centre"]),
            ThaiParagraph(evidence or NO_EVIDENCE, s["table_body"]),
        ])
    return rows


def _titled(title: str, text: str) -> list[Run]:
    """The item's descriptor under its title (TEST31 T7: "ความมั่นคงแข็งแรงและความปลอดภัยของอาคาร"
    was not printed). Most descriptors (69 of 74) begin with the title ("… ฯลฯ : สถานศึกษา…"):
    those print as written, the title not twice; the others get the title on a bold line above.
    (Not the title's start of a descriptor in bold: a weight change inside the official wording
    reads back from the PDF with a space in it, "การรักษั จรรยาบรรณ".)"""
    title, text = title.strip(), text.strip()
    if not title or text.startswith(title):
        return [Run(text)]
    return [Run(title, bold=True), Run("\n"), Run(text)]


def _attachment_row(entry: ItemEntry, t: DigitText, s: dict[str, ParagraphStyle]) -> list[ThaiParagraph] | None:
    """The row under an item's row: its number again and its attached files, one a line (the cell
    spans the statement, level and evidence columns: a name breaks only when longer than the table
    is wide, then at / _ - . or between syllables), or None without attachments."""
    if not entry.attachments:
        return None
    names = ThaiParagraph([Run(ATTACHMENTS + ":", bold=True), Run(("\n" if len(entry.attachments) > 1 else " ")
                                                                 + "\n".join(entry.attachments))], s["table_body"])
    return [ThaiParagraph(t(entry.item.code), s["centre"]), names, ThaiParagraph("", s["table_body"]),
            ThaiParagraph("", s["table_body"])]


def _item_table_rows(
    entries: Sequence[ItemEntry], data: SelfAssessmentData, t: DigitText, s: dict[str, ParagraphStyle], limit: float,
) -> tuple[list[list[ThaiParagraph]], list[int]]:
    """Every item's row (cut into rows no taller than ``limit``) and its attachment row; with the
    indexes (from 0, header not counted) of the attachment rows, whose second cell spans the rest."""
    rows: list[list[ThaiParagraph]] = []
    spanning: list[int] = []
    wide = [ITEM_WIDTHS[0], sum(ITEM_WIDTHS[1:]), *ITEM_WIDTHS[2:]]  # the names' cell as spanned
    for entry, row in zip(entries, _item_rows(entries, data, t, s)):
        rows += fit_rows([row], ITEM_WIDTHS, padding=PADDING, limit=limit)
        files = _attachment_row(entry, t, s)
        if files is not None:
            pieces = fit_rows([files], wide, padding=PADDING, limit=limit)
            spanning += range(len(rows), len(rows) + len(pieces))
            rows += pieces
    return rows, spanning


def _listing(entries: Sequence[ItemEntry], data: SelfAssessmentData, t: DigitText, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    def official(entry: ItemEntry) -> str:  # the form's own number, as the items' table shows it
        number = official_number_text(entry.item.official_number, t)
        return f" ({number})" if number else ""

    return [
        ThaiParagraph(
            f"{BULLET} " + t(LIST_ITEM, code=t(entry.item.code), title=entry.item.title, value=entry.level or "",
                             label=_level_label(data, entry.level or 0)) + official(entry),
            s["list"],
        )
        for entry in entries
    ]


def _section(
    section: ComponentSection, data: SelfAssessmentData, t: DigitText, s: dict[str, ParagraphStyle],
    lead: Sequence[Flowable] = (),
) -> list[Flowable]:
    """One component: heading, score line, the items' table, strengths and what to develop.
    ``lead`` (a part heading) goes first and, like the component's heading, never ends a page alone."""
    component, result = section.component, section.result
    story: list[Flowable] = list(lead)
    story.append(ThaiParagraph(t(COMPONENT_HEADING, code=t(component.code), title=component.title), s["heading"]))
    if result.score is not None:
        line = t(COMPONENT_LINE, score=t.score(result.score), label=result.level_label,
                 readiness=result.readiness.name if result.readiness else NO_SCORE,
                 answered=result.answered, total=result.total)
    else:
        line = t(COMPONENT_LINE_NONE, answered=result.answered, total=result.total)
    story.append(ThaiParagraph(line, s["body"]))
    story.append(Spacer(1, 4))

    header = [ThaiParagraph(text, s["centre_bold"]) for text in ITEM_HEADER]
    header_height = max(cell.wrap(width - 2 * PADDING, 1e9)[1] for cell, width in zip(header, ITEM_WIDTHS))
    above = sum(f.wrap(TEXT_WIDTH, FRAME_HEIGHT)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in story)
    # A row may be as tall as a page under the headings and the header row (and a little air), so
    # even the first row can start on the page of its headings.
    limit = FRAME_HEIGHT - above - header_height - PADDING - 12
    rows, spanning = _item_table_rows(section.entries, data, t, s, limit)
    # The headings go to the next page unless the table's header and first row fit under them.
    first_row = max(
        (cell.wrap(width - 2 * PADDING, 1e9)[1] for cell, width in zip(rows[0], ITEM_WIDTHS)), default=0.0
    ) if rows else 0.0
    story.insert(0, CondPageBreak(above + header_height + first_row + 3 * PADDING))
    spans = [("SPAN", (1, index + 1), (-1, index + 1)) for index in spanning]
    story.append(thai_table([header, *rows], ITEM_WIDTHS, body_style=s["table_body"], padding=PADDING,
                            extra_commands=spans))
    # Others' comments on the items, by item, right under the items' table (issue 10).
    story += comment_block([(t(COMMENT_ON_ITEM, code=t(entry.item.code)), comment)
                            for entry in section.entries for comment in entry.comments], t, s, heading=ITEM_COMMENTS)

    framework = data.framework
    top_labels = "หรือ".join(_level_label(data, v) for v in (framework.max_level - 1, framework.max_level))
    low_labels = "หรือ".join(_level_label(data, v) for v in (framework.min_level + 1, framework.min_level))
    # Nothing rated in this component yet (a draft): neither "none excellent" nor "all excellent" is true.
    none_said = [ThaiParagraph(NONE_RATED, s["list"])] if not any(entry.level for entry in section.entries) else []
    strengths = _listing(section.strengths, data, t, s) or none_said or [
        ThaiParagraph(STRENGTHS_NONE.format(labels=top_labels), s["list"])]
    story.append(KeepTogether([ThaiParagraph(STRENGTHS, s["subheading"]), *strengths[:1]]))
    story += strengths[1:]
    develop: list[Flowable] = []
    if section.to_develop_is_weakest:
        develop.append(ThaiParagraph(TO_DEVELOP_WEAKEST.format(labels=low_labels), s["body"]))
    develop += _listing(section.to_develop, data, t, s)
    if not develop:
        develop = none_said or [ThaiParagraph(TO_DEVELOP_NONE.format(label=_level_label(data, framework.max_level)), s["list"])]
    story.append(KeepTogether([ThaiParagraph(TO_DEVELOP, s["subheading"]), *develop[:1]]))
    story += develop[1:]
    return story


def _network(data: SelfAssessmentData, t: DigitText, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    """3. the school's network schools (seed 001: code, name, pupils, teachers, km), nearest
    first, with their totals; nothing when the school has none (found missing by a tester)."""
    if not data.network:
        return []
    header = [ThaiParagraph(text, s["table_header"]) for text in NETWORK_HEADER]
    rows: list[list[Any]] = [header]
    for number, school in enumerate(data.network, start=1):
        cells = (t(number), t(school.code), school.name,
                 NETWORK_UNKNOWN if school.pupils is None else t(school.pupils),
                 NETWORK_UNKNOWN if school.teachers is None else t(school.teachers),
                 NETWORK_UNKNOWN if school.distance_km is None else t(f"{school.distance_km:g}"))
        rows.append([ThaiParagraph(cell, s["table_body"]) for cell in cells])
    pupils = sum(school.pupils or 0 for school in data.network)
    teachers = sum(school.teachers or 0 for school in data.network)
    table = thai_table(rows, NETWORK_WIDTHS, body_style=s["table_body"], padding=PADDING)
    return [KeepTogether([ThaiParagraph(t(NETWORK_HEADING), s["heading"]), table]),
            ThaiParagraph(t(NETWORK_TOTAL, schools=len(data.network), pupils=pupils, teachers=teachers), s["body"])]


def _signatures(data: SelfAssessmentData, t: DigitText, s: dict[str, ParagraphStyle],
                before: list[Flowable]) -> list[Flowable]:
    """``before`` (the report's story so far) with the signatures after it; the signatures take its
    last flowable along to a new page rather than stand alone on one (TEST31 T9)."""
    last = before.pop() if before else None
    lead: list[Flowable] = []
    if isinstance(last, KeepTogether):  # a KeepTogether inside another always breaks the page
        lead = list(last._content)
    elif last is not None:
        lead = [last]
    return before + _signature_cells(data, s, lead)


def _signature_cells(data: SelfAssessmentData, s: dict[str, ParagraphStyle], lead: list[Flowable]) -> list[Flowable]:
    assessment, school = data.assessment, data.school
    dots = signature_dots(s["sign"], TEXT_WIDTH / 2 - 24, (SIGN_ASSESSOR, SIGN_DIRECTOR))
    name = SIGN_NAME.format(name=assessment.assessor_name) if assessment.assessor_name else SIGN_NAME_BLANK
    assessor = [SIGN.format(dots=dots, role=SIGN_ASSESSOR), name]
    if assessment.assessor_role:
        assessor.append(SIGN_POSITION.format(role=assessment.assessor_role))
    assessor.append(SIGN_DATE)
    # "ผู้อำนวยการโรงเรียนบ้านตาก": how a director signs for the school.
    position = SIGN_DIRECTOR_OF.format(school=school.name) if school.name.startswith("โรงเรียน") else SIGN_DIRECTOR
    if assessment.assessor_role.strip().startswith("ผู้อำนวยการ"):
        # The director assessed: one person, one signature (TEST31 T9: a blank director's line beside
        # the director's own asked the same person to sign twice).
        assessor[2:-1] = [position]
        return signature_block(["\n".join(assessor)], s, lead=lead)
    director = [SIGN.format(dots=dots, role=SIGN_DIRECTOR), SIGN_NAME_BLANK, position, SIGN_DATE]
    return signature_block(["\n".join(assessor), "\n".join(director)], s, lead=lead)


def layout(data: SelfAssessmentData, t: DigitText) -> Document:
    """The report of ``data`` in ``t``'s digits, for :func:`~..document.write_report`: the header
    and the summary, then one part per component (the first under the part's heading), then the
    signatures."""
    s = report_styles()
    school, assessment = data.school, data.assessment

    last = len(data.sections) - 1

    def section(index: int, part: ComponentSection) -> Callable[[], list[Flowable]]:
        def build() -> list[Flowable]:
            # The part's heading goes with its first component, so it never ends a page alone.
            lead = [ThaiParagraph(t(SECTIONS_HEADING), s["heading"])] if index == 0 else []
            story = _section(part, data, t, s, lead)
            if index == last:  # the signatures go with what precedes them
                story = _signatures(data, t, s, story + _network(data, t, s))
            return story

        return build

    return Document(
        parts=[
            lambda: _header(data, t, s) + _summary(data, t, s),
            *(section(index, part) for index, part in enumerate(data.sections)),
            *(() if data.sections else (lambda: _signatures(data, t, s, _network(data, t, s)),)),
        ],
        # In the page's digits: a viewer's title bar shows it beside the pages (TEST32b B3).
        title=t(DOC_TITLE, school=school.name, year=assessment.fiscal_year, round=assessment.round),
        author=assessment.assessor_name,
        running_head=t(RUNNING_HEAD, school=school.name, year=assessment.fiscal_year, round=assessment.round),
        is_demo=school.is_demo,
    )
