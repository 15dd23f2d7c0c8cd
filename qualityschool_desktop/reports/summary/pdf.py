"""Laying out the inspection-round summary (the API is the package: :mod:`..summary`).

The shape is the round's form layout (แบบรายงานผลการตรวจราชการ, seeds 000-002,
``resources/forms/``): the title block, then each official section with its blocks (situation
analysis, the quality schools per district, readiness by component with a chart, the colour bands
with a chart and the previous round, the schools by band with their weakest component, who has not
reported, the three-column problems / solutions / expected results table, the office's texts) and
the reporter's signature. A4 portrait, Sarabun 14 (tables 12), as the office's other papers.
The sentences shared with the tables come from :mod:`.wording`.
"""

from __future__ import annotations

from functools import partial
from typing import Any, Callable, Collection, Sequence

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import KeepTogether, Spacer
from reportlab.platypus.flowables import Flowable, HRFlowable

from ...district import DistrictPicture, SchoolStanding, level_name
from ...framework import Band
from ...thai import DigitText, short_title
from ...typeset import Run, ThaiParagraph, thai_table
from ...typeset.line_cell import LineCell, table_text
from ...typeset.paged_table import paged_thai_table
from ...typeset.table import GRID_COLOUR
from ..blocks import (
    FRAME_HEIGHT, NO_SCORE, RULE, SIGN, SIGN_NAME_BLANK, SIGN_POSITION, TEXT_WIDTH, demo_notice,
    fit_row_under, fit_rows, keep_with_table, report_styles, signature_block, signature_dots, tint,
)
from ...inspection.layouts import Block, ComponentsBlock, Section
from ..document import Document
from .wording import numbered
from . import form_blocks
from .chart import BandBars, GroupBars
from .data import SummaryData
from .form_words import (
    ALL_REPORTED, BANDS_CAPTION, BANDS_HEADER, BANDS_INTRO, BANDS_PREVIOUS, BANDS_TOTAL, BAND_NAME, BAND_RANGE,
    BAND_RANGE_LOW, BAND_RANGE_TOP, BAND_ROW, BULLET, CHANGE_DOWN, CHANGE_LATEST, CHANGE_ROUND, CHANGE_SAME,
    CHANGE_UP, CHART_NUMBER, DEMO_NOTICE, DISTRICTS_HEADER, DOC_TITLE, FORM, FORM_SUBTITLE, GROUP_COUNT, H62_2,
    H62_3, H62_4, H62_5, NO_DISTRICT, NO_OFFICE, NO_PREVIOUS, NO_PROBLEMS, OFFICE_BLANK, OFFICE_LINE, OFFICE_ROW,
    PENDING_HEADER, POLICY_LINE, PREVIOUS_CARRIED, PREVIOUS_NEW, PREVIOUS_SENTENCE, READINESS_CAPTION,
    READINESS_HEADER_COMPONENT, READINESS_SENTENCE, ROUND_LINE, RUNNING_HEAD, SCHOOLS_HEADER, SCHOOL_WORD,
    SCOPE_ALL, SCOPE_LEVEL, SCOPE_LINE, SCOPE_OFFICE, SCOPE_PROVINCE, SIGN_DATE, SIGN_REPORTER, WEAKEST,
    readiness_intro,
)
from .strings import (
    DRAFT_PROGRESS, NO_QUALITY_SCHOOL, NONE, NOT_SENT, PROBLEMS_HEADER, READINESS_TOTAL, STATUS_DRAFT, STATUS_NONE,
)
from .wording import (
    missing_result, model_lines, office_districts, office_name, paragraphs, pending_status, policy, problem_rows,
    place_names, served_sentence, situation,
)

READINESS_FILLS = ("#43a047", "#fbc02d", "#e53935")  # ready, meets the standard, urgent

# -- layout --------------------------------------------------------------------------------------
PADDING = 3.5
READINESS_WIDTHS = (167.5, 76.0, 76.0, 76.0, 58.0)
BANDS_WIDTHS = (110.0, 123.5, 80.0, 70.0, 70.0)
DISTRICTS_WIDTHS = (30.0, 100.0, 213.5, 110.0)
SCHOOLS_WIDTHS = (26.0, 146.0, 62.0, 46.0, 50.0, 123.5)
PENDING_WIDTHS = (26.0, 150.0, 66.0, 90.0, 121.5)
PROBLEMS_WIDTHS = (151.0, 151.5, 151.0)


def _styles() -> dict[str, ParagraphStyle]:
    s = report_styles()
    s["form"] = s["title"].clone("form", spaceAfter=0)
    s["form_sub"] = s["round"].clone("form_sub", spaceAfter=0)
    s["form_round"] = s["round"].clone("form_round", spaceAfter=6)
    s["para"] = s["body"].clone("para", firstLineIndent=28)
    s["sub"] = s["body"].clone("sub", fontName=s["label"].fontName, spaceBefore=8, spaceAfter=3, leftIndent=14)
    s["list"] = s["body"].clone("bullets", leftIndent=28, firstLineIndent=-10)
    s["note"] = s["small"].clone("note", textColor=colors.HexColor("#595959"), spaceBefore=2)
    s["muted_table"] = s["table_body"].clone("muted_table", textColor=colors.HexColor("#595959"))
    s["muted_centre"] = s["centre"].clone("muted_centre", textColor=colors.HexColor("#595959"))
    return s


def _para(text: str | Sequence[Run], style: ParagraphStyle, whole: Collection[str] = ()) -> ThaiParagraph:
    """``whole``: the names never broken inside (:func:`~.wording.place_names`)."""
    return ThaiParagraph(text, style, whole=whole)


def _texts(text: str, s: dict[str, ParagraphStyle], default: Sequence[str] = (),
           whole: Collection[str] = ()) -> list[Flowable]:
    """The office's paragraphs exactly as written, or ``default`` lines, or "-"; ``whole``: names
    never broken inside."""
    lines = paragraphs(text)
    if lines:
        return [_para(line, s["para"], whole) for line in lines]
    if default:
        return [_para(BULLET + line, s["list"]) for line in default]
    return [_para(NONE, s["para"])]


def _section(heading: str, body: list[Flowable], s: dict[str, ParagraphStyle]) -> list[Flowable]:
    """A heading kept with its first paragraph."""
    return [KeepTogether([_para(heading, s["heading"]), *body[:1]]), *body[1:]]


# -- the title block -------------------------------------------------------------------------------
def scope_text(data: SummaryData, t: DigitText) -> str:
    """Which schools the report covers ("สังกัดสพป.ตาก เขต ๑ …", or all): the "ขอบเขตข้อมูล" line
    of the PDF and of the Word copy."""
    picture = data.picture
    scope = [
        SCOPE_OFFICE.format(office=t(picture.area_office)) if picture.area_office else "",
        SCOPE_PROVINCE.format(province=picture.province) if picture.province else "",
        SCOPE_LEVEL.format(level=level_name(picture.level)) if picture.level else "",
    ]
    return " ".join(p for p in scope if p) or SCOPE_ALL


def _header(data: SummaryData, t: DigitText, s: dict[str, ParagraphStyle], topic: bool = True) -> list[Flowable]:
    """The title block; ``topic``: with the form's topic line under it (a report by area office
    prints that line at the head of each of its parts instead)."""
    picture = data.picture
    story: list[Flowable] = demo_notice(DEMO_NOTICE, s) if any(x.is_demo for x in picture.schools) else []
    story += [
        _para(FORM, s["form"]), _para(FORM_SUBTITLE, s["form_sub"]),
        _para(t(ROUND_LINE, round=picture.round, year=picture.fiscal_year), s["form_round"]),
        _para([Run(OFFICE_LINE, bold=True), Run(office_name(data, t) or OFFICE_BLANK)], s["body"], place_names(data, t)),
        _para([Run(POLICY_LINE, bold=True), Run(policy(data))], s["body"]),
    ]
    story.append(_para([Run(SCOPE_LINE, bold=True), Run(scope_text(data, t))], s["body"]))
    story += [Spacer(1, 4), HRFlowable(width="100%", thickness=0.8, color=RULE, spaceAfter=2)]
    if topic:
        story.append(_para(t(data.layout.topic), s["heading"]))
    return story


# -- 6.2 -------------------------------------------------------------------------------------------
def _readiness(picture: DistrictPicture, t: DigitText, s: dict[str, ParagraphStyle], lead: Sequence[Flowable],
               sentences_too: bool = True) -> list[Flowable]:
    groups = picture.groups
    header = [_para(READINESS_HEADER_COMPONENT, s["centre_bold"]), *(_para(g.name, s["centre_bold"]) for g in groups),
              _para(READINESS_TOTAL, s["centre_bold"])]
    rows: list[list[Any]] = [header]
    counts = []
    sentences = []
    for component in picture.components:
        values = [picture.readiness_counts.get(component.code, {}).get(g.key, 0) for g in groups]
        counts.append(values)
        rows.append([
            _para(t(f"{component.code}. ") + component.title, s["table_body"]),
            *(_para(t(value), s["centre"]) for value in values), _para(t(sum(values)), s["centre_bold"]),
        ])
        named = " ".join(t(GROUP_COUNT, name=g.name, count=v) for g, v in zip(groups, values) if v)
        sentences.append(_para(BULLET + READINESS_SENTENCE.format(title=component.title, groups=named or NONE),
                               s["list"]))
    widths = list(READINESS_WIDTHS[: 1 + len(groups)]) + [READINESS_WIDTHS[-1]]
    widths[0] = TEXT_WIDTH - sum(widths[1:])
    extra = [("BACKGROUND", (1 + i, 0), (1 + i, 0), tint(fill, 0.6)) for i, fill in enumerate(READINESS_FILLS[: len(groups)])]
    table = thai_table(rows, widths, body_style=s["table_body"], padding=PADDING, extra_commands=extra)
    lead = [*lead, _para(readiness_intro(picture, t), s["para"])]
    if not sentences_too:  # the form's per-component subsections said them
        sentences = []
    chart = GroupBars(
        [t(CHART_NUMBER, code=t(c.code)) for c in picture.components], [short_title(c.title) for c in picture.components],
        [g.name for g in groups], READINESS_FILLS[: len(groups)], counts, t,
    )
    # The sentences first, as the offices write it (seed 000), then the table (seven rows, kept
    # whole) and the chart.
    return [
        KeepTogether([*lead, *sentences[:1]]), *sentences[1:], Spacer(1, 6), KeepTogether([table]),
        Spacer(1, 8), KeepTogether([chart, _para(READINESS_CAPTION, s["caption"])]),
    ]


def _band_range(bands: Sequence[Band], index: int, t: DigitText) -> str:
    band = bands[index]
    if index == 0:
        return t(BAND_RANGE_TOP, min=t(f"{band.min:.2f}"))
    upper = bands[index - 1].min
    if band.min <= 0:
        return t(BAND_RANGE_LOW, max=t(f"{upper:.2f}"))
    return t(BAND_RANGE, min=t(f"{band.min:.2f}"), max=t(f"{upper - 0.01:.2f}"))


def _bands(picture: DistrictPicture, t: DigitText, s: dict[str, ParagraphStyle],
           lead: Sequence[Flowable] = ()) -> list[Flowable]:
    previous = picture.previous
    header = list(BANDS_HEADER) + ([BANDS_PREVIOUS] if previous else [])
    widths = list(BANDS_WIDTHS) if previous else [BANDS_WIDTHS[0] + BANDS_WIDTHS[4], *BANDS_WIDTHS[1:4]]
    rows: list[list[Any]] = [[_para(text, s["centre_bold"]) for text in header]]
    extra: list[tuple[Any, ...]] = []
    total, band_shares = picture.reported, picture.band_shares()
    for index, band in enumerate(picture.bands):
        count = picture.band_counts.get(band.key, 0)
        row = [
            _para(BAND_NAME.format(name=band.name), s["table_body"]), _para(_band_range(picture.bands, index, t), s["centre"]),
            _para(t(count), s["centre_bold"] if count else s["centre"]),
            _para(t(str(band_shares[band.key])) if total else NO_SCORE, s["centre"]),
        ]
        if previous:
            row.append(_para(t(previous.band_counts.get(band.key, 0)), s["centre"]))
        rows.append(row)
        if band.colour:
            extra.append(("BACKGROUND", (0, index + 1), (0, index + 1), tint(band.colour, 0.45)))
    footer = [_para(BANDS_TOTAL, s["table_header"]), _para("", s["centre"]), _para(t(total), s["centre_bold"]),
              _para(t("100.0") if total else NO_SCORE, s["centre"])]
    if previous:
        footer.append(_para(t(previous.reported), s["centre"]))
    rows.append(footer)
    last = len(rows) - 1
    extra.append(("LINEABOVE", (0, last), (-1, last), 1.0, colors.black))
    table = thai_table(rows, widths, body_style=s["table_body"], padding=PADDING, extra_commands=extra)
    story: list[Flowable] = [KeepTogether([*lead, _para(t(H62_2), s["sub"]), _para(BANDS_INTRO, s["para"]),
                                           Spacer(1, 3), table])]
    if previous:
        moves = picture.change_counts()
        sentence = t(PREVIOUS_SENTENCE, year=previous.fiscal_year, round=previous.round, reported=previous.reported,
                     up=moves["up"], same=moves["same"], down=moves["down"])
        if moves["carried"]:
            sentence += t(PREVIOUS_CARRIED, round=previous.round, carried=moves["carried"])
        if moves["new"]:
            sentence += t(PREVIOUS_NEW, new=moves["new"])
    else:
        sentence = NO_PREVIOUS
    chart = BandBars([BAND_NAME.format(name=b.name) for b in picture.bands],
                     [picture.band_counts.get(b.key, 0) for b in picture.bands], [b.colour for b in picture.bands], t)
    story += [Spacer(1, 4), _para(sentence, s["para"]), Spacer(1, 8),
              KeepTogether([chart, Spacer(1, 2), _para(BANDS_CAPTION, s["caption"])])]
    return story


def _blank(count: int, s: dict[str, ParagraphStyle]) -> list[ThaiParagraph]:
    # The cells a spanned row covers: paragraphs, so the row can be measured like the others.
    return [_para("", s["table_body"]) for _ in range(count)]


def _cell(text: str, style: ParagraphStyle, width: float, whole: Collection[str] = ()) -> ThaiParagraph:
    """A long table's cell in a column ``width`` points wide: one shaped line when it fits;
    ``whole``: names never broken inside (:func:`~...typeset.line_cell.table_text`)."""
    return table_text(text, style, width - 2 * PADDING, whole=whole)


def _school_cell(name: str, style: ParagraphStyle, width: float) -> ThaiParagraph:
    """A school's name whole on a line; wider than the column, broken between its words or after
    its "โรงเรียน" ("โรงเรียน / เด่นวีรราษฎร์รังสรรค์", TEST31b U5), never inside a word of it."""
    # A name with spaces breaks at them ("โรงเรียนบ้านตาก / “ประชาวิทยาคาร”"); one without, after โรงเรียน.
    return _cell(name, style, width, (name,) if " " in name.strip() else (name, name.removeprefix(SCHOOL_WORD)))


_SMALLER: dict[tuple[str, float], ParagraphStyle] = {}


def _number(text: str, style: ParagraphStyle, width: float) -> ThaiParagraph:
    """A row's number, whole: in a smaller size (the row's leading kept, down to 7 points) when
    it is too wide for its narrow column ("๑๒๓" of a thousand schools, not "๑๒" over "๓")."""
    cell = _cell(text, style, width)
    size = float(style.fontSize)
    while not isinstance(cell, LineCell) and size > 7.0:
        size -= 0.5
        smaller = _SMALLER.get((style.name, size))
        if smaller is None:
            smaller = _SMALLER[(style.name, size)] = style.clone(f"{style.name}-{size}", fontSize=size)
        cell = _cell(text, smaller, width)
    return cell


def _result_cell(standing: SchoolStanding | None, t: DigitText, s: dict[str, ParagraphStyle],
                 missing: str = NOT_SENT) -> ThaiParagraph:
    width = DISTRICTS_WIDTHS[3]
    if standing is None or standing.band is None:
        return _cell(missing, s["muted_centre"], width)
    return _cell(BAND_NAME.format(name=standing.band.name) + " " + t.score(standing.score), s["centre"], width)


# (The heading and the table's first school are measured together; the band or office row between
# them is short, and measured in the narrow first column it would look many lines tall.)
def _districts(data: SummaryData, t: DigitText, s: dict[str, ParagraphStyle],
               lead: Sequence[Flowable] = ()) -> list[Flowable]:
    """6.1: per area office the districts it serves (seed 002's sentence), then the table
    อำเภอ | โรงเรียน | result by office, districts without a quality school included."""
    picture = data.picture
    rows: list[list[Any]] = [[_para(text, s["centre_bold"]) for text in DISTRICTS_HEADER]]
    extra: list[tuple[Any, ...]] = []
    entries = office_districts(data)
    standings = {standing.school.id: standing for standing in picture.standings}  # not a search per school
    w = DISTRICTS_WIDTHS
    names = place_names(data, t)
    sentences = [_para(BULLET + line, s["list"], names) for line in (served_sentence(e, t) for e in entries) if line]
    for entry in entries:
        office, districts = entry.office, entry.rows
        index = len(rows)
        count = sum(len(members) for _, members in districts)
        rows.append([_para(t(OFFICE_ROW, office=t(office) if office else NO_OFFICE, count=count), s["table_header"]),
                     *_blank(3, s)])
        extra += [("SPAN", (0, index), (-1, index)), ("BACKGROUND", (0, index), (-1, index), colors.HexColor("#f2f2f2")),
                  ("NOSPLIT", (0, index), (-1, index + 1))]
        number = 0
        for district, members in districts:
            if not members:
                number += 1
                rows.append([_number(t(number), s["centre"], w[0]), _cell(district, s["table_body"], w[1]),
                             _cell(NO_QUALITY_SCHOOL, s["muted_table"], w[2]), _para("", s["centre"])])
            for school in members:
                number += 1
                standing = standings.get(school.id)
                rows.append([_number(t(number), s["centre"], w[0]), _cell(district or NO_DISTRICT, s["table_body"], w[1]),
                             _school_cell(school.name, s["table_body"], w[2]),
                             _result_cell(standing, t, s, missing_result(data, school.id, t))])
                if standing is not None and standing.band is not None and standing.band.colour:
                    extra.append(("BACKGROUND", (3, len(rows) - 1), (3, len(rows) - 1), tint(standing.band.colour, 0.6)))
    table = paged_thai_table(rows, DISTRICTS_WIDTHS, body_style=s["table_body"], padding=PADDING, extra_commands=extra)
    return keep_with_table([*lead, *sentences, _para(t(H62_3), s["sub"])], table, [rows[0], *rows[2:3]],
                           DISTRICTS_WIDTHS, padding=PADDING, count=2)


def _change(standing: SchoolStanding, t: DigitText) -> str:
    if standing.carried_from is not None:  # nothing sent since that round: its result, not "no change"
        return f"{CHANGE_LATEST} {t(CHANGE_ROUND, round=standing.carried_from[1])}"
    change = standing.change
    if change is None:
        return NO_SCORE
    if abs(change) < 0.005:
        return CHANGE_SAME
    return t((CHANGE_UP if change > 0 else CHANGE_DOWN).format(value=f"{abs(change):.2f}"))


def _change_names(standing: SchoolStanding, t: DigitText) -> tuple[str, ...]:
    """The words of :func:`_change`'s cell never broken inside."""
    if standing.carried_from is None:
        return ()
    return CHANGE_LATEST, t(CHANGE_ROUND, round=standing.carried_from[1])


def _by_band(picture: DistrictPicture, t: DigitText, s: dict[str, ParagraphStyle],
             lead: Sequence[Flowable] = ()) -> list[Flowable]:
    header = [_para(text, s["centre_bold"]) for text in SCHOOLS_HEADER]
    rows: list[list[Any]] = [header]
    w = SCHOOLS_WIDTHS
    extra: list[tuple[Any, ...]] = []
    number = 0
    for band in picture.bands:
        members = picture.schools_by_band.get(band.key, [])
        if not members:
            continue
        index = len(rows)
        band_row = [_para(t(BAND_ROW, name=band.name, count=len(members)), s["table_header"]), *_blank(5, s)]
        rows.append(band_row)
        above = band_row[0].wrap(TEXT_WIDTH - 2 * PADDING, 1e9)[1]
        # A band's row never ends a page without its first school.
        extra += [("SPAN", (0, index), (-1, index)), ("NOSPLIT", (0, index), (-1, index + 1)),
                  ("BACKGROUND", (0, index), (-1, index), tint(band.colour, 0.55) if band.colour else colors.white)]
        for standing in members:
            number += 1
            weakest = t(WEAKEST, code=t(standing.weakest_code), title=short_title(standing.weakest_title),
                        score=t.score(standing.weakest_score)) if standing.weakest else NO_SCORE
            # A name may be as long as the rules allow: a row taller than a page continues below.
            rows += fit_row_under([
                _number(t(number), s["centre"], w[0]), _school_cell(standing.school.name, s["table_body"], w[1]),
                _cell(standing.school.district or NO_DISTRICT, s["table_body"], w[2]),
                _cell(t.score(standing.score), s["centre"], w[3]),
                _cell(_change(standing, t), s["centre"], w[4], _change_names(standing, t)),
                _cell(weakest, s["table_body"], w[5]),
            ], header, SCHOOLS_WIDTHS, padding=PADDING, above=above)
    table = paged_thai_table(rows, SCHOOLS_WIDTHS, body_style=s["table_body"], padding=PADDING, extra_commands=extra)
    return keep_with_table([*lead, _para(t(H62_4), s["sub"])], table, [rows[0], *rows[2:3]], SCHOOLS_WIDTHS,
                           padding=PADDING, count=2)


def _pending(picture: DistrictPicture, t: DigitText, s: dict[str, ParagraphStyle],
             lead: Sequence[Flowable] = ()) -> list[Flowable]:
    heading = _para(t(H62_5), s["sub"])
    if not picture.not_this_round:  # a school counted with an earlier round's result did not report this one
        return [KeepTogether([*lead, heading, _para(ALL_REPORTED, s["para"])])]
    header = [_para(text, s["centre_bold"]) for text in PENDING_HEADER]
    rows: list[list[Any]] = [header]
    w = PENDING_WIDTHS
    for number, item in enumerate(picture.not_this_round, start=1):
        status = pending_status(item, t)
        rows += fit_row_under([_number(t(number), s["centre"], w[0]), _school_cell(item.school.name, s["table_body"], w[1]),
                               _cell(item.school.district or NO_DISTRICT, s["table_body"], w[2]),
                               _cell(t(item.school.area_office) or NO_OFFICE, s["table_body"], w[3]),
                               _cell(status, s["table_body"], w[4])], header, PENDING_WIDTHS, padding=PADDING)
    table = paged_thai_table(rows, PENDING_WIDTHS, body_style=s["table_body"], padding=PADDING)
    return keep_with_table([*lead, heading], table, rows[:2], PENDING_WIDTHS, padding=PADDING)


# -- 6.3 to 6.6 -------------------------------------------------------------------------------------
def _problems(data: SummaryData, t: DigitText, s: dict[str, ParagraphStyle],
              lead: Sequence[Flowable] = ()) -> list[Flowable]:
    """The three-column table of the office's own rows, in its order, every one of them; a row
    longer than a page continues in the rows below."""
    header = [_para(text, s["centre_bold"]) for text in PROBLEMS_HEADER]
    rows: list[list[Any]] = [header]
    for entry in numbered(problem_rows(data, t), t):
        office_row = [_para("\n".join(cell), s["table_body"]) for cell in (entry.problem, entry.solution, entry.expected)]
        rows += fit_rows([office_row], PROBLEMS_WIDTHS, padding=PADDING, limit=FRAME_HEIGHT - 60)
    if len(rows) == 1:
        rows.append([_para(NO_PROBLEMS, s["centre"]) for _ in PROBLEMS_HEADER])
    table = thai_table(rows, PROBLEMS_WIDTHS, body_style=s["table_body"], padding=PADDING)
    return keep_with_table(list(lead), table, rows[:2], PROBLEMS_WIDTHS, padding=PADDING)


def _signature(s: dict[str, ParagraphStyle], lead: Sequence[Flowable]) -> list[Flowable]:
    """The reporter's signature, kept on the page of ``lead`` (the last paragraph of 6.6)."""
    dots = signature_dots(s["sign"], TEXT_WIDTH / 2 - 24, (SIGN_REPORTER,))
    cell = "\n".join([SIGN.format(dots=dots, role=SIGN_REPORTER), SIGN_NAME_BLANK,
                      SIGN_POSITION.format(role="........................................"), SIGN_DATE])
    return signature_block([cell], s, space_before=30, lead=lead)


def _lead_with(lead: Sequence[Flowable], body: list[Flowable]) -> list[Flowable]:
    """``lead`` (the section's heading) kept with the first flowable of ``body``."""
    if not lead:
        return body
    return [KeepTogether([*lead, *body[:1]]), *body[1:]]


def _office_text(text: str, s: dict[str, ParagraphStyle], lead: Sequence[Flowable], final: bool,
                 default: Sequence[str] = (), whole: Collection[str] = ()) -> list[Flowable]:
    """An office text under its heading; the form's last one carries the reporter's signature,
    kept with its last paragraph."""
    body = _texts(text, s, default, whole)
    if not final:
        return _lead_with(lead, body)
    if len(body) > 1:
        return _lead_with(lead, body[:-1]) + _signature(s, body[-1:])
    return _signature(s, [*lead, *body])


def _models(data: SummaryData, t: DigitText, s: dict[str, ParagraphStyle], lead: Sequence[Flowable],
            final: bool) -> list[Flowable]:
    """6.2 2): the model schools the office marked, per area office as seed 002 lists them, then
    the office's own text about them; "-" when there is neither."""
    marked: list[Flowable] = []
    names = place_names(data, t)
    for heading, items in model_lines(data, t):
        marked.append(_para(BULLET + heading, s["list"], names))
        marked += [_para(item, s["list"].clone("model", leftIndent=48), names) for item in items]
    if not marked:
        return _office_text(data.texts.model_schools, s, lead, final)
    body = marked + ([_para(line, s["para"]) for line in paragraphs(data.texts.model_schools)])
    if final:
        return _lead_with(lead, body[:-1]) + _signature(s, body[-1:]) if len(body) > 1 else _signature(s, [*lead, *body])
    return _lead_with(lead, body)


def _block(block: Block, section: Section, data: SummaryData, t: DigitText, s: dict[str, ParagraphStyle],
           lead: Sequence[Flowable], final: bool) -> list[Flowable]:
    """One block of the form (:data:`~qualityschool_desktop.inspection.layouts.BLOCKS`)."""
    picture = data.picture
    texts = data.texts
    if isinstance(block, ComponentsBlock):
        return form_blocks.components(data, block.pattern, t, s, lead)
    if block == "situation":
        return _office_text(situation(data, t), s, lead, final, whole=place_names(data, t))
    if block == "districts":
        return _districts(data, t, s, lead)
    if block == "network_schools":
        return form_blocks.network(data, t, s, lead)
    if block == "readiness":
        components_too = any(isinstance(b, ComponentsBlock) for b in section.blocks)
        return _readiness(picture, t, s, lead, sentences_too=not components_too)
    if block == "bands":
        return _bands(picture, t, s, lead)
    if block == "schools_by_band":
        return _by_band(picture, t, s, lead)
    if block == "not_reported":
        return _pending(picture, t, s, lead)
    if block == "model_schools":
        return _models(data, t, s, lead, final)
    if block == "problems":
        return _problems(data, t, s, lead)
    if block == "problems_list":
        return _lead_with(lead, form_blocks.problem_list(data, t, s))
    if block == "success_factors":
        return _office_text(texts.success_factors, s, lead, final)
    if block == "suggestions":
        return _office_text(texts.suggestions, s, lead, final)
    return _office_text(texts.good_practices, s, lead, final)  # good_practices


def _form(data: SummaryData, t: DigitText, s: dict[str, ParagraphStyle],
          sign: bool = True) -> list[Callable[[], list[Flowable]]]:
    """One part per top-level section of the round's form, in its order; a heading waits for
    the first block below it (a section made of subsections only). ``sign``: the reporter's
    signature after the last block (a report by area office signs its last part only)."""
    walked = data.layout.walk()
    last = max(i for i, (_, section) in enumerate(walked) if section.blocks) if sign else -1
    parts: list[list[tuple[int, Section, bool]]] = []
    for index, (depth, section) in enumerate(walked):
        if depth == 0:
            parts.append([])
        parts[-1].append((depth, section, index == last))

    def build(entries: list[tuple[int, Section, bool]]) -> list[Flowable]:
        story: list[Flowable] = []
        lead: list[Flowable] = []
        for depth, section, is_last in entries:
            lead.append(_para(t(section.heading), s["heading"] if depth == 0 else s["sub"]))
            for number, block in enumerate(section.blocks):
                story += _block(block, section, data, t, s, lead,
                                final=is_last and number == len(section.blocks) - 1)
                lead = []
        return story

    return [partial(build, entries) for entries in parts]


def layout(data: SummaryData, t: DigitText) -> Document:
    """The summary of ``data`` in ``t``'s digits, for :func:`~..document.write_report`: the
    title block, then the round's form (:class:`~qualityschool_desktop.inspection.layouts.FormLayout`)
    section by section in its official numbers and titles, the reporter's signature after the
    last one."""
    s = _styles()
    picture = data.picture
    office = office_name(data, t)
    return Document(
        parts=[lambda: _header(data, t, s), *_form(data, t, s)],
        title=DOC_TITLE.format(office=office, year=picture.fiscal_year, round=picture.round),
        author=office,
        running_head=t(RUNNING_HEAD, year=picture.fiscal_year, round=picture.round),
        is_demo=any(school.is_demo for school in picture.schools),
    )
