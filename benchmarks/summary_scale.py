"""A district database of N quality schools for the summary report's benchmark (and the
scale test): most schools have a submitted self-assessment in rounds 1 and 2 of fiscal year 2568
(both inspection rounds defined, so the summary of round 2 compares with round 1), one in 23
only in round 1 (counted with that result), one in 37 none at all (the "not reported" table). Names and districts vary in length like the
real ones, so some cells wrap and most do not. Deterministic for a given N."""

from __future__ import annotations

import random
import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from qualityschool_desktop.reports.summary.data import SummaryData

DISTRICTS = ("เมืองตาก", "บ้านตาก", "สามเงา", "แม่ระมาด", "ท่าสองยาง", "แม่สอด", "พบพระ", "อุ้มผาง", "วังเจ้า")
NAMES = ("บ้าน{n}", "บ้าน{n}ราษฎร์บำรุง", "ชุมชนบ้าน{n}", "{n}วิทยาคม", "อนุบาล{n}", "บ้าน{n}มิตรภาพที่ ๒๑๔")
PLACES = ("แม่ต้าน", "ห้วยหินฝน", "ท่าสองยาง", "แม่ละเมา", "พระธาตุผาแดง", "ปางส้าน", "วังตะเคียน", "น้ำดิบ")
YEAR = 2568


def make_district(path: Path, schools: int) -> float:
    """Build the database at ``path`` (must not exist); returns the seconds it took."""
    from qualityschool_desktop.workspace import Workspace

    rng = random.Random(schools)
    started = time.perf_counter()
    with Workspace.open(path, create=True, installation="bench-summary") as workspace:
        workspace.db.execute("PRAGMA synchronous = OFF")  # a generator: speed, not durability
        framework = workspace.frameworks.latest()
        items = framework.items
        for number in range(1, schools + 1):
            name = "โรงเรียน" + NAMES[number % len(NAMES)].format(n=PLACES[(number // 7) % len(PLACES)])
            with workspace.db.atomic():
                school = workspace.schools.add(
                    code=f"63{number:08d}", name=f"{name} {number}", district=DISTRICTS[number % len(DISTRICTS)],
                    province="ตาก", area_office=f"สพป.ตาก เขต {1 + number % 2}", level="primary",
                    pupils=rng.randint(40, 900), teachers=rng.randint(3, 50),
                )
                for round in (1, 2):
                    if number % 37 == 0 or (round == 2 and number % 23 == 0):
                        continue  # sent nothing (this round)
                    assessment = workspace.assessments.start(
                        school.id, YEAR, round=round, assessed_on=date(2025, 1 + 5 * (round - 1), 1 + number % 28))
                    base = rng.randint(framework.min_level, framework.max_level)
                    for item in items:
                        level = min(framework.max_level, max(framework.min_level, base + rng.randint(-1, 1)))
                        workspace.answers.set_level(assessment.id, item.code, level)
                    workspace.assessments.submit(assessment.id)
        workspace.answers.flush_pending()
        workspace.inspection_rounds.define(YEAR, 1)
        workspace.inspection_rounds.define(YEAR, 2)
    return time.perf_counter() - started


def plain_tables(data: "SummaryData", target: Path, *, strings_only: bool = False) -> int:
    """The baseline: the summary's long tables (the districts with their schools, the schools by
    colour band, the schools that did not report) with the same rows, texts, column widths, colours
    and header repeated on each page, as a plain ReportLab report: one stock ``Table`` per table,
    a cell a plain string where it fits one line and a stock ``Paragraph`` where it wraps (Thai
    unshaped, lines broken at spaces only). ``strings_only``: the cheapest table ReportLab can
    make of those rows, every cell a plain string (a text too long for its cell runs over the next
    one: not a report anyone could read, a floor). Writes ``target``; returns its pages."""
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    from qualityschool_desktop.reports.blocks import report_styles, tint
    from qualityschool_desktop.reports.summary import form_words, pdf
    from qualityschool_desktop.reports.summary.strings import NOT_SENT
    from qualityschool_desktop.reports.summary.wording import office_districts, pending_status
    from qualityschool_desktop.thai import DigitText, short_title
    from qualityschool_desktop.typeset import MARGIN, register_fonts
    from qualityschool_desktop.typeset.table import GRID_COLOUR, HEADER_BACKGROUND

    register_fonts()
    s = report_styles()
    t = DigitText(data.digits)
    picture = data.picture
    padding = pdf.PADDING

    def cell(text: str, style: Any, width: float) -> Any:
        if strings_only or ("\n" not in text and stringWidth(text, style.fontName, style.fontSize) <= width - 2 * padding):
            return text
        return Paragraph(escape(text).replace("\n", "<br/>"), style)

    def table(rows: list[list[Any]], widths: tuple[float, ...], extra: list[tuple[Any, ...]]) -> Table:
        commands = [("GRID", (0, 0), (-1, -1), 0.5, GRID_COLOUR), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("FONT", (0, 0), (-1, -1), s["table_body"].fontName, s["table_body"].fontSize,
                     s["table_body"].leading),
                    ("LEFTPADDING", (0, 0), (-1, -1), padding), ("RIGHTPADDING", (0, 0), (-1, -1), padding),
                    ("TOPPADDING", (0, 0), (-1, -1), padding / 2), ("BOTTOMPADDING", (0, 0), (-1, -1), padding / 2),
                    ("BACKGROUND", (0, 0), (-1, 0), HEADER_BACKGROUND), *extra]
        return Table(rows, colWidths=list(widths), repeatRows=1, splitByRow=1, style=TableStyle(commands),
                     hAlign="LEFT")

    story: list[Any] = []
    # 6.1: the districts and their schools.
    standings = {standing.school.id: standing for standing in picture.standings}
    w = pdf.DISTRICTS_WIDTHS
    rows: list[list[Any]] = [[cell(text, s["centre_bold"], width) for text, width in zip(form_words.DISTRICTS_HEADER, w)]]
    extra: list[tuple[Any, ...]] = []
    for entry in office_districts(data):
        count = sum(len(members) for _, members in entry.rows)
        extra += [("SPAN", (0, len(rows)), (-1, len(rows))), ("NOSPLIT", (0, len(rows)), (-1, len(rows) + 1)),
                  ("BACKGROUND", (0, len(rows)), (-1, len(rows)), colors.HexColor("#f2f2f2"))]
        rows.append([cell(t(form_words.OFFICE_ROW, office=t(entry.office) or form_words.NO_OFFICE, count=count),
                          s["table_header"], sum(w)), "", "", ""])
        number = 0
        for district, members in entry.rows:
            for school in members:
                number += 1
                found = standings.get(school.id)
                result = (NOT_SENT if found is None or found.band is None
                          else form_words.BAND_NAME.format(name=found.band.name) + " " + t.score(found.score))
                rows.append([cell(t(number), s["centre"], w[0]), cell(district or form_words.NO_DISTRICT, s["table_body"], w[1]),
                             cell(school.name, s["table_body"], w[2]), cell(result, s["centre"], w[3])])
                if found is not None and found.band is not None and found.band.colour:
                    extra.append(("BACKGROUND", (3, len(rows) - 1), (3, len(rows) - 1), tint(found.band.colour, 0.6)))
    story.append(table(rows, w, extra))
    # 6.2 4): the schools by colour band.
    w = pdf.SCHOOLS_WIDTHS
    rows = [[cell(text, s["centre_bold"], width) for text, width in zip(form_words.SCHOOLS_HEADER, w)]]
    extra = []
    number = 0
    for band in picture.bands:
        members = picture.schools_by_band.get(band.key, [])
        if not members:
            continue
        extra += [("SPAN", (0, len(rows)), (-1, len(rows))), ("NOSPLIT", (0, len(rows)), (-1, len(rows) + 1)),
                  ("BACKGROUND", (0, len(rows)), (-1, len(rows)), tint(band.colour, 0.55) if band.colour else colors.white)]
        rows.append([cell(t(form_words.BAND_ROW, name=band.name, count=len(members)), s["table_header"], sum(w)),
                     "", "", "", "", ""])
        for standing in members:
            number += 1
            weakest = t(form_words.WEAKEST, code=t(standing.weakest_code), title=short_title(standing.weakest_title),
                        score=t.score(standing.weakest_score)) if standing.weakest else pdf.NO_SCORE
            rows.append([cell(t(number), s["centre"], w[0]), cell(standing.school.name, s["table_body"], w[1]),
                         cell(standing.school.district or form_words.NO_DISTRICT, s["table_body"], w[2]),
                         cell(t.score(standing.score), s["centre"], w[3]), cell(pdf._change(standing, t), s["centre"], w[4]),
                         cell(weakest, s["table_body"], w[5])])
    story.append(table(rows, w, extra))
    # 6.2 5): the schools that did not report.
    w = pdf.PENDING_WIDTHS
    rows = [[cell(text, s["centre_bold"], width) for text, width in zip(form_words.PENDING_HEADER, w)]]
    for number, item in enumerate(picture.not_this_round, start=1):
        rows.append([cell(t(number), s["centre"], w[0]), cell(item.school.name, s["table_body"], w[1]),
                     cell(item.school.district or form_words.NO_DISTRICT, s["table_body"], w[2]),
                     cell(t(item.school.area_office) or form_words.NO_OFFICE, s["table_body"], w[3]),
                     cell(pending_status(item, t), s["table_body"], w[4])])
    story.append(table(rows, w, []))
    pages: list[int] = []
    doc = SimpleDocTemplate(str(target), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                            bottomMargin=MARGIN)
    doc.build(story, onLaterPages=lambda canvas, _doc: pages.append(canvas.getPageNumber()))
    return 1 + len(pages)
