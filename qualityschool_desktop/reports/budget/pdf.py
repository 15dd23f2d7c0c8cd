"""Laying out the budget-request printout (the API is the package: :mod:`..budget`).

The page, type and blocks of the other reports (:mod:`..blocks`): a title with the fiscal year, the
grand total in figures and words, then one table per school (items, its total in words below), then
the totals per area office, kind group and colour band.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import CondPageBreak, KeepTogether, Spacer

from ...budget.commitment import in_total_note, whole_amount_note
from ...budget.decided import Decided, item_text
from ...budget.money import baht_words, format_baht
from ...budget.office import BudgetPicture, SchoolRequest
from ...budget.rules import load_rules, office_source
from ...thai import DigitText
from ...typeset import ThaiParagraph, thai_table
from ..blocks import FRAME_HEIGHT, TEXT_WIDTH, demo_notice, number_cell, report_styles, text_width
from ..document import Document
from .wording import no_requests_text

TITLE = "สรุปคำขอรับการสนับสนุนงบประมาณ โรงเรียนคุณภาพ"
SUBTITLE = "ปีงบประมาณ พ.ศ. {year} งบลงทุน ค่าครุภัณฑ์ ที่ดินและสิ่งก่อสร้าง"
OFFICE = "สังกัด {office}"
GRAND = "รวมทั้งสิ้น {schools} โรงเรียน {items} รายการ เป็นเงิน {amount} บาท ({words})"
APPROVED = "อนุมัติแล้ว {amount} บาท ({words})"
SCHOOL_HEADING = "{n}. {name} อำเภอ{district} ({band})"
SCHOOL_HEADING_NO_DISTRICT = "{n}. {name} ({band})"  # try14 F17: no bare "อำเภอ"
OFFICE_NOTE = "หมายเหตุของสำนักงาน รายการที่ {n}: "  # try14 F6; the note follows as the office typed it
HEADER = ("ที่", "ประเภท", "รายการ", "จำนวน", "ราคาต่อหน่วย (บาท)", "จำนวนเงิน (บาท)")
SCHOOL_TOTAL = "รวม {amount} บาท ({words})"
RULES_NOTE = "หมายเหตุ: "
TOTALS_HEADING = "ยอดรวม"
TOTALS_HEADER = ("", "จำนวนเงิน (บาท)", "ตัวอักษร")  # the words spell the amount asked: beside it (RETEST14 N5)
BY_OFFICE = "ตามสังกัด"
BY_GROUP = "ตามประเภทรายการ"
BY_BAND = "ตามกลุ่มสี"
RULE = "เกณฑ์: ครุภัณฑ์ไม่เกิน {equipment} รายการ ที่ดินและสิ่งก่อสร้างไม่เกิน {buildings} รายการต่อโรงเรียน"
SOURCE = RULE + " ({source})"  # an office's own rules file naming its letter
DEMO_NOTICE = "ข้อมูลตัวอย่าง: สร้างขึ้นเพื่อทดลองใช้โปรแกรม ไม่ใช่คำขอจริงของโรงเรียน"
# Amount columns wide enough for 99,999,999.99 at the table's size; larger figures print smaller
# (number_cell), never across two lines (F14.5).
# จำนวน holds "๑๐,๐๐๐" whole (TEST14 s24 F17) and "๑๘๐ เมตร" on one line (51.2 pt: TEST32b B12).
WIDTHS = (24.0, 62.0, 123.5, 62.0, 91.0, 91.0)
# With what the office approved of each item (TEST14 finding 6), the amount columns narrower.
APPROVED_HEADER = "อนุมัติ (บาท)"
# The kind column holds "สิ่งก่อสร้าง" whole ("สิ่งก่อ/สร้าง" at 54: TEST26b F14).
APPROVED_WIDTHS = (22.0, 64.0, 89.5, 62.0, 70.0, 73.0, 73.0)
PARTLY_PENDING = "(รอ {pending} รายการ)"  # under an approved total of which some items wait
PARTLY_PENDING_SHORT = "(รอ {pending})"  # the same in a school's narrow column, as the window says it
TOTAL_WIDTHS = (140.0, 110.0, 203.5)
APPROVED_TOTAL_WIDTHS = (110.0, 90.0, 163.5, 90.0)


def layout(data: BudgetPicture, t: DigitText) -> Document:
    """The printout of ``data`` as a :class:`Document` (one part per school, and the totals)."""
    s = report_styles()
    rules = load_rules()
    money = lambda satang: format_baht(satang, t.style)  # noqa: E731

    def figure(text: str, width: float) -> Any:
        return number_cell(text, s["table_body"], width)

    def head() -> list[Any]:
        story: list[Any] = []
        if data.is_demo:
            story += demo_notice(DEMO_NOTICE, s)
        story.append(ThaiParagraph(TITLE, s["title"]))
        story.append(ThaiParagraph(t(SUBTITLE, year=data.fiscal_year), s["round"]))
        if data.area_office:
            story.append(ThaiParagraph(OFFICE.format(office=t(data.area_office)), s["school"]))
        if not data.requests:  # a year nobody asked for: said plainly, no totals of nothing
            story.append(ThaiParagraph(no_requests_text(data.fiscal_year, data.area_office, t), s["body"]))
            return story
        items = sum(len(r.items) for r in data.requests)
        story.append(ThaiParagraph(t(GRAND, schools=len(data.requests), items=items,
                                     amount=money(data.total_satang), words=baht_words(data.total_satang)), s["body"]))
        if data.commitment_satang:  # the whole multi-year commitment counts here: said (try14 F11)
            story.append(ThaiParagraph(in_total_note(data.commitment_satang, t.style), s["body"]))
        decisions = data.decisions
        if decisions.decided:
            story.append(ThaiParagraph(APPROVED.format(amount=money(decisions.satang),
                                                       words=baht_words(decisions.satang)), s["body"]))
        if any(request.approvals for request in data.requests):  # what the approved figures count (N5)
            story.append(ThaiParagraph(decisions.note(t.style), s["small"]))
        groups = {g.key: g.max_items for g in rules.groups}
        # The bundled limits' source is another office's report (seed 001, Lampang): printed on
        # every office's summary it read as that office's rule (TEST32b B12). Only a source the
        # office wrote in its own rules file is cited.
        source = office_source(rules)
        story.append(ThaiParagraph(t(SOURCE if source else RULE, equipment=groups.get("equipment", 0),
                                     buildings=groups.get("land_buildings", 0), source=source), s["small"]))
        return story

    with_approvals = any(request.approvals for request in data.requests)
    widths: tuple[float, ...] = APPROVED_WIDTHS if with_approvals else WIDTHS

    def approved(request: SchoolRequest, item_id: str) -> Any:
        """An item's approved amount; not decided: "รอพิจารณา", never ๐ (RETEST14 N5)."""
        approval = request.approvals.get(item_id)
        shown = item_text(approval, t.style)
        if approval is not None and approval.current and approval.approved_satang:
            return figure(shown, widths[6])
        return ThaiParagraph(shown, s["table_body"])

    def approved_total(decided: Decided, width: float, waiting: str = PARTLY_PENDING) -> Any:
        """A total of approvals: "รอพิจารณา" when nothing is decided, else the decided amount,
        with how many items wait under it."""
        if not decided.decided:
            return ThaiParagraph(decided.text(), s["table_body"])  # "รอพิจารณา", or "–" over no items
        amount = figure(money(decided.satang), width)
        return [amount, ThaiParagraph(t(waiting, pending=decided.pending), s["small"])] if decided.pending \
            else amount

    def school_part(number: int, request: SchoolRequest) -> Any:
        def build() -> list[Any]:
            school = request.school
            rows: list[list[Any]] = [[*HEADER, APPROVED_HEADER] if with_approvals else list(HEADER)]
            for index, item in enumerate(request.items, start=1):
                description: Any = item.description or "–"
                if whole_amount_note(item):  # "วงเงินทั้งโครงการ (ผูกพัน ๓ ปี)" under it (try14 F11)
                    description = [ThaiParagraph(description, s["table_body"]),
                                   ThaiParagraph(whole_amount_note(item, t.style), s["small"])]
                rows.append([t(str(index)), rules.group_of(item.kind).label, description,
                             quantity(item.quantity, item.unit),
                             figure(money(item.unit_price_satang), widths[4]),
                             figure(money(item.amount_satang), widths[5]),
                             *([approved(request, item.id)] if with_approvals else [])])
            rows.append(["", "", "รวม", "", "", figure(money(request.total_satang), widths[5]),
                         *([approved_total(request.decisions, widths[6], PARTLY_PENDING_SHORT)] if with_approvals else [])])
            # The total in words is the table's last row, so that it never stands alone on a page
            # (TEST14 finding 15: a 300-school printout took two pages a school).
            commitment = in_total_note(request.commitment_satang, t.style)
            rows.append([SCHOOL_TOTAL.format(amount=money(request.total_satang), words=baht_words(request.total_satang))
                         + (f" {commitment}" if commitment else "")] + [""] * (len(widths) - 1))
            last = len(rows) - 1
            table = thai_table(rows, widths, body_style=s["table_body"], header_style=s["table_header"],
                               extra_commands=[("ALIGN", (3, 1), (-1, last - 1), "RIGHT"),
                                               ("SPAN", (0, last), (-1, last)),
                                               ("NOSPLIT", (0, 0), (-1, 1)),
                                               ("NOSPLIT", (0, max(last - 2, 1)), (-1, last))])
            heading = ThaiParagraph(t(SCHOOL_HEADING if school.district.strip() else SCHOOL_HEADING_NO_DISTRICT,
                                      n=number, name=school.name, district=school.district, band=request.band),
                                    s["subheading"])
            notes = [ThaiParagraph(RULES_NOTE + message, s["small"]) for message in request.messages]
            notes += [ThaiParagraph(t(OFFICE_NOTE, n=index) + approval.note, s["small"])
                      for index, item in enumerate(request.items, start=1)
                      if (approval := request.approvals.get(item.id)) is not None and approval.current
                      and approval.note.strip()]
            height = table.wrap(TEXT_WIDTH, FRAME_HEIGHT * 20)[1]
            if height <= FRAME_HEIGHT / 2:  # a usual school: on one page together
                return [KeepTogether([heading, table, *notes]), Spacer(1, 6)]
            # A long one starts where the page has room for its heading and first rows and flows on,
            # its last rows and total together: a new page for every school wasted nearly half the
            # paper of a 300-school printout (TEST14 finding 15).
            first_rows = sum(table._rowHeights[:2])  # the header and the first item, never split
            lead = heading.wrap(TEXT_WIDTH, FRAME_HEIGHT)[1] + heading.getSpaceBefore() + heading.getSpaceAfter()
            return [CondPageBreak(min(lead + first_rows + 8, FRAME_HEIGHT * 0.6)), heading, table, *notes,
                    Spacer(1, 6)]
        return build

    def quantity(count: int, unit: str) -> Any:
        """The quantity and its unit; a figure that with its unit does not fit one line goes on a
        line of its own, whole (try14 F17: "๑๐,๐๐ / ๐")."""
        figures = t(f"{count:,}")
        text = figures + (f" {unit}" if unit else "")
        if text_width(text, s["table_body"]) <= widths[3] - 8.5:
            return text
        return [figure(figures, widths[3]), *([ThaiParagraph(unit, s["table_body"])] if unit else [])]

    def totals() -> list[Any]:
        story: list[Any] = [ThaiParagraph(TOTALS_HEADING, s["heading"]) if "heading" in s else
                            ThaiParagraph(TOTALS_HEADING, s["subheading"])]
        decided_totals = (data.decided_by_area_office, data.decided_by_group, data.decided_by_band)
        commitments = (data.commitment_by_area_office, data.commitment_by_group, data.commitment_by_band)
        column: tuple[float, ...] = APPROVED_TOTAL_WIDTHS if with_approvals else TOTAL_WIDTHS

        def words_cell(amount: int, commitment: int) -> Any:
            """The amount in words; with how much of it is งบผูกพัน commitment under it (try14 F11)."""
            if not commitment:
                return baht_words(amount)
            return [ThaiParagraph(baht_words(amount), s["table_body"]),
                    ThaiParagraph(in_total_note(commitment, t.style), s["small"])]

        for (title, values), decided, commitment in zip(
                ((BY_OFFICE, data.by_area_office), (BY_GROUP, data.by_group), (BY_BAND, data.by_band)), decided_totals,
                commitments):
            rows: list[list[Any]] = [[title, *TOTALS_HEADER[1:], *([APPROVED_HEADER] if with_approvals else [])]]
            rows += [[t(name), figure(money(amount), column[1]), words_cell(amount, commitment.get(name, 0)),
                      *([approved_total(decided.get(name, Decided()), column[3])] if with_approvals else [])]
                     for name, amount in values.items()]
            aligned = [("ALIGN", (1, 1), (1, -1), "RIGHT"), *([("ALIGN", (3, 1), (3, -1), "RIGHT")]
                                                              if with_approvals else [])]
            table = thai_table(rows, column, body_style=s["table_body"], header_style=s["table_header"],
                               extra_commands=aligned)
            # A short totals table on one page: "ตามกลุ่มสี" left one row before a break (TEST26b F14).
            # The heading "ยอดรวม" goes with the first table (it stood alone at a page's foot).
            lead = [story.pop()] if len(story) == 1 else []
            short = table.wrap(TEXT_WIDTH, FRAME_HEIGHT)[1] < FRAME_HEIGHT / 2
            story.append(KeepTogether([*lead, table]) if short or lead else table)
            story.append(Spacer(1, 8))
        return story[:-1]  # no space after the last: it made a blank page when the tables filled one

    parts = [head, *(school_part(n, r) for n, r in enumerate(data.requests, start=1)), *([totals] if data.requests else [])]
    return Document(parts=parts, title=t(SUBTITLE, year=data.fiscal_year), author="",
                    running_head=t("คำขอรับการสนับสนุนงบประมาณ ปีงบประมาณ {year}", year=data.fiscal_year),
                    is_demo=data.is_demo)
