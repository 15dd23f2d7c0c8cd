"""Laying out the office's indicators (the API is the package: :mod:`..indicators`)."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.platypus import KeepTogether, Spacer

from ...indicators.picture import IndicatorsReport
from ...indicators.store import format_number
from ...thai import DigitText
from ...typeset import ThaiParagraph, thai_table
from ..blocks import TEXT_WIDTH, demo_notice, report_styles
from ..document import Document
from .chart import ACTUAL_COLOUR, COMPUTED_COLOUR, TARGET_COLOUR, Bars, TargetChart

TITLE = "ตัวชี้วัดและค่าเป้าหมาย"
DEMO_NOTICE = "ข้อมูลตัวอย่าง: สร้างขึ้นเพื่อทดลองใช้โปรแกรม ไม่ใช่ตัวชี้วัดของสำนักงานจริง"
ACTUAL_SHADE, COMPUTED_SHADE = colors.HexColor("#eaf1f8"), colors.HexColor("#ecf6ec")
TARGET, ACTUAL, COMPUTED = "ค่าเป้าหมาย", "ผลการดำเนินงาน", "ผลที่คำนวณจากผลประเมิน"


def indicators_document(report: IndicatorsReport, t: DigitText) -> Document:
    """The indicators laid out: seed 003's table (ที่ | ตัวชี้วัด | หน่วยนับ | ค่าเป้าหมาย per year |
    ผู้รับผิดชอบ) with the actuals under each indicator's targets, then a target-vs-actual chart
    per indicator."""
    s = report_styles()
    s["heading"] = s["heading"].clone("ind_heading", keepWithNext=1)
    years = report.years
    span = t(f"{years[0]}–{years[-1]}") if len(years) > 1 else t(str(years[0]))

    def n(value: float | None) -> str:
        return format_number(value, t.style) or "–"

    def header() -> list[Any]:
        story: list[Any] = demo_notice(DEMO_NOTICE, s) if report.is_demo else []
        return story + [ThaiParagraph(TITLE, s["title"]), ThaiParagraph(t(report.area_office), s["school"]),
                        ThaiParagraph(f"ปีงบประมาณ พ.ศ. {span}", s["round"])]

    def table() -> list[Any]:
        head1 = ["ที่", "ตัวชี้วัด", "หน่วยนับ", "ค่าเป้าหมาย (ปี)", *([""] * (len(years) - 1)), "ผู้รับผิดชอบ"]
        head2 = ["", "", "", *(ThaiParagraph(t(str(y)), s["centre"]) for y in years), ""]
        rows: list[list[Any]] = [head1, head2]
        shaded: list[tuple[Any, ...]] = []
        for number, line in enumerate(report.lines, start=1):
            ind = line.indicator
            rows.append([t(str(number)), ind.name or "–", ind.unit, *(n(ind.targets.get(y)) for y in years),
                         ind.responsible])
            rows.append(["", ACTUAL, "", *(n(ind.actuals.get(y)) for y in years), ""])
            shaded.append(("BACKGROUND", (1, len(rows) - 1), (-1, len(rows) - 1), ACTUAL_SHADE))
            if ind.computed:
                rows.append(["", COMPUTED, "", *(n(line.computed.get(y)) for y in years), ""])
                shaded.append(("BACKGROUND", (1, len(rows) - 1), (-1, len(rows) - 1), COMPUTED_SHADE))
        # A year column holds "๒๕๖๖" in bold 12 pt (33 pt) and the padding, as far as the page allows.
        year_width = min(42.0, (TEXT_WIDTH - 20 - 52 - 68 - 100) / len(years))
        widths = [20, TEXT_WIDTH - 20 - 52 - 68 - year_width * len(years), 52, *([year_width] * len(years)), 68]
        spans = [("SPAN", (3, 0), (2 + len(years), 0)), ("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1)),
                 ("SPAN", (2, 0), (2, 1)), ("SPAN", (-1, 0), (-1, 1))]
        return [thai_table(rows, widths, body_style=s["table_body"], header_style=s["centre_bold"], header_rows=2, padding=3,
                           extra_commands=spans + shaded)]

    def charts() -> list[Any]:
        story: list[Any] = [Spacer(1, 10), ThaiParagraph("ค่าเป้าหมายเทียบกับผลการดำเนินงาน", s["heading"])]
        for number, line in enumerate(report.lines, start=1):
            ind = line.indicator
            series = [Bars(TARGET, tuple(ind.targets.get(y) for y in years), TARGET_COLOUR),
                      Bars(ACTUAL, tuple(ind.actuals.get(y) for y in years), ACTUAL_COLOUR)]
            if ind.computed:
                series.append(Bars("ผลที่คำนวณ", tuple(line.computed.get(y) for y in years), COMPUTED_COLOUR))
            title = f"{t(str(number))}. {ind.name or '–'}" + (f" ({ind.unit})" if ind.unit else "")
            story.append(KeepTogether([ThaiParagraph(title, s["subheading"]),
                                       TargetChart(years, series, digits=t.style), Spacer(1, 4)]))
        return story

    return Document(parts=(header, table, charts), title=f"{TITLE} {t(report.area_office)}", author="",
                    running_head=f"{TITLE} {t(report.area_office)}", is_demo=report.is_demo)
