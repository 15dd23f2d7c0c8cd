"""Laying out the progress report in seed 004's order and wording (the API is the package: :mod:`..progress`)."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Callable

from reportlab.platypus import KeepTogether, Spacer

from ...budget.money import format_baht
from ...projects.dates import outside_note
from ...projects.progress import ORDER, ProgressReport, ProjectGroup, ProjectLine, status_label
from ...projects.rules import STATUSES
from ...thai import DigitText, format_date
from ...thai_dates import format_date_numeric
from ...typeset import ThaiParagraph, thai_table
from ..blocks import TEXT_WIDTH, demo_notice, number_cell, report_styles
from ..document import Document
from .pie import STATUS_COLOURS, PieChart, Slice

TITLE = "รายงานสรุปความก้าวหน้าของการดำเนินโครงการ"
DEMO_NOTICE = "ข้อมูลตัวอย่าง: สร้างขึ้นเพื่อทดลองใช้โปรแกรม ไม่ใช่โครงการของสำนักงานหรือโรงเรียนจริง"
KEPT_TO_PLAN = "ผลการเบิกจ่ายงบประมาณ สามารถเบิกจ่ายงบประมาณได้ตามแผนการ"
# Judged on the money due by the report's day (test26b F1): the period's plan is printed whole, and
# when some of its quarters have not begun, the part already due beside it, so the verdict below
# agrees with a figure printed above it.
DUE_SO_FAR = "ในจำนวนนี้ถึงกำหนดเบิกจ่ายแล้ว ({quarters} ซึ่งเริ่มแล้ว) {amount} บาท"
KEPT_DUE = "ผลการเบิกจ่ายงบประมาณ สามารถเบิกจ่ายงบประมาณได้ตามแผนการในส่วนที่ถึงกำหนดแล้ว"
NOT_BEGUN = "ผลการเบิกจ่ายงบประมาณ ยังไม่ถึงกำหนดเบิกจ่าย ({quarters} ยังไม่เริ่ม ณ วันที่พิมพ์รายงาน)"
NOT_DUE = "ผลการเบิกจ่ายงบประมาณ ยังไม่ถึงกำหนดเบิกจ่าย (งบประมาณตามแผนอยู่ใน{quarters} ซึ่งยังไม่เริ่ม)"
BEHIND_PLAN = "ผลการเบิกจ่ายงบประมาณ ไม่สามารถเบิกจ่ายงบประมาณได้ตามแผนการ เนื่องจาก{reason}"
OVER_PLAN = "ผลการเบิกจ่ายงบประมาณ เบิกจ่ายเกินแผนการใช้จ่าย {amount} บาท เนื่องจาก{reason}"
# A reason is required (issue 15): without one the line says so in brackets, and the first page
# says the report is a draft naming the projects, so it never reads as complete (try15 F7).
NO_REASON = " [ยังไม่ได้ระบุเหตุผล ต้องระบุในโปรแกรมก่อนเสนอรายงาน]"
DRAFT = ("ฉบับร่าง: ยังไม่ได้ระบุเหตุผลที่เบิกจ่ายไม่ได้ตามแผน {count} โครงการ: {names}"
         " (ระบุได้ที่ช่อง “เหตุผลที่เบิกจ่ายไม่ได้ตามแผน” ของโครงการ แล้วพิมพ์รายงานใหม่)")
AS_OF = "สถานะโครงการ ณ วันที่ {day} (วันที่พิมพ์รายงาน)"  # statuses have no date (try15 F19)
OUTSIDE_MARK = "* กิจกรรมที่ {number} มีวันที่นอกไตรมาสที่กำหนด: {note}"  # RETEST15 F8: marked, not refused
# Seed 004's "สรุปผลการดำเนินงาน" is a narrative the office writes (``results_summary``, migration
# 0030): printed as written; where none was typed, the report summarises what the project does
# hold: the period's activities finished and the indicators' results (RETEST15 F15).
RESULTS = "สรุปผลการดำเนินงาน"
RESULTS_INTRO = "{owner} สรุปผลความสำเร็จของการดำเนินงาน ดังนี้"
ACTIVITIES_DONE = "กิจกรรมใน{phrase} ดำเนินการเสร็จสิ้นแล้ว {done} จาก {count} กิจกรรม"
INDICATOR_RESULT = " ผลการดำเนินงาน {actual}"  # after the indicator's name
AGAINST_TARGET = " จากค่าเป้าหมาย {target}"
NO_RESULTS = "ยังไม่ได้บันทึกผลการดำเนินงาน (ผลตามดัชนีชี้วัดความสำเร็จ หรือกิจกรรมที่ดำเนินการเสร็จสิ้นแล้ว)"
GOAL = "สนองเป้าหมายของแผนพัฒนา {goal}"
OBEC_TITLE = "โครงการที่ได้รับจัดสรรงบประมาณจาก สพฐ."  # seed 004's section ๒
COMPONENTS = "องค์ประกอบ/ประเด็นที่สนับสนุน {codes}"
# Each group's money in one table, a row per project and a totals row (TEST32b B10: a project not yet
# started printed its name only, though money was planned and spent; seed 004 reports planned vs
# disbursed per project and the office's total "คิดเป็นร้อยละ …").
MONEY_TITLE = "งบประมาณตามแผนและการเบิกจ่าย {phrase} ปีงบประมาณ {year}"
MONEY_HEADER = ("ที่", "โครงการ", "ผู้รับผิดชอบ", "งบประมาณตามแผน (บาท)", "เบิกจ่ายจริง (บาท)", "ร้อยละ")
MONEY_TOTAL = "รวม {count} โครงการ"
ALL_MONEY = ("รวมทุกกลุ่มโครงการ {count} โครงการ งบประมาณตามแผน {planned} บาท เบิกจ่ายจริง {disbursed} บาท"
             "{share}")
ALL_SHARE = " คิดเป็นร้อยละ {share}"


def progress_document(report: ProgressReport, t: DigitText) -> Document:
    """The report laid out as seed 004: the title, the counts by status with their shares and a pie
    chart per group (the plan's projects, those allocated by OBEC, those funded by other agencies), then per group and
    status each project's goals, indicators, activities of the period, money planned vs disbursed,
    problems and suggestions (projects not started: their names)."""
    s = report_styles()
    s["heading"] = s["heading"].clone("progress_heading", keepWithNext=1)
    s["subheading"] = s["subheading"].clone("progress_subheading", keepWithNext=1)
    s["label"] = s["label"].clone("progress_label", keepWithNext=1, spaceBefore=4)
    s["intro"] = s["body"].clone("progress_intro", keepWithNext=1)  # "… ดังนี้" stays with its first item
    year = t(str(report.fiscal_year))
    plan_title = f"โครงการตามแผนปฏิบัติการประจำปีงบประมาณ พ.ศ. {year}"
    phrase = report.period_phrase
    with_obec = f" และ{OBEC_TITLE}" if report.obec.projects else ""  # the seed's title names them
    others_title = "โครงการที่ได้รับงบประมาณจากหน่วยงานอื่น" + (
        f" ({', '.join(report.others.agencies)})" if report.others.agencies else "")

    def p(text: str, style: str = "body") -> ThaiParagraph:
        return ThaiParagraph(text, s[style])

    def money(satang: int) -> str:
        return format_baht(satang, t.style)

    def header() -> list[Any]:
        story: list[Any] = demo_notice(DEMO_NOTICE, s) if report.is_demo else []
        missing = report.missing_reasons
        if missing:
            story += demo_notice(t(DRAFT.format(count=len(missing), names=", ".join(
                line.project.name for line in missing))), s)
        story += [p(TITLE, "title"), p(f"ตามแผนปฏิบัติการประจำปีงบประมาณ พ.ศ. {year}{with_obec} {phrase}", "round"),
                  p(t(report.office), "school")]
        if report.as_of is not None:
            story.append(p(AS_OF.format(day=format_date(report.as_of, style=t.style)), "centre"))
        return story

    def counts(number: str, title: str, group: ProjectGroup) -> list[Any]:
        total = t(str(len(group.projects)))
        story: list[Any] = []
        if len(group.counts) == 1 and number != "๑":  # the seed: "… และอยู่ระหว่างดำเนินการทั้ง ๒ โครงการ"
            (only,) = group.counts
            every = f"ทั้ง {total} โครงการ" if len(group.projects) > 1 else ""  # not "ทั้ง ๑ โครงการ" (F12)
            story.append(p(t(f"{number}. {title} จำนวน {total} โครงการ และ{STATUSES[only.status]}{every}")))
        else:
            story.append(p(t(f"{number}. {title} จำนวน {total} โครงการ มีความก้าวหน้าการดำเนินการ ดังนี้")))
            for index, count in enumerate(group.counts, start=1):
                story.append(p(t(f"{number}.{index} {count.label} จำนวน {count.count} โครงการ"
                                 f" คิดเป็นร้อยละ {count.share}"), "list"))
        slices = [Slice(c.label, c.count, str(c.share), STATUS_COLOURS[c.status]) for c in group.counts]
        story.append(KeepTogether([Spacer(1, 6), PieChart([title, t(f"จำนวน {total} โครงการ")], slices,
                                                          digits=t.style), Spacer(1, 10)]))
        return story

    def percent(disbursed: int, planned: int) -> str:
        """Disbursed as a share of planned, two places ("–" where nothing was planned)."""
        if planned <= 0:
            return "–"
        return t(f"{(Decimal(disbursed) * 100 / Decimal(planned)).quantize(Decimal('0.01'), ROUND_HALF_UP):,}")

    def money_table(group: ProjectGroup) -> list[Any]:
        widths = [28.0, 0.0, 96.0, 80.0, 74.0, 44.0]
        widths[1] = TEXT_WIDTH - sum(widths)
        header_style = s["centre_bold"]
        rows: list[list[Any]] = [list(MONEY_HEADER)]
        for n, line in enumerate(group.projects, 1):
            rows.append([number_cell(t(str(n)), s["table_body"], widths[0], padding=3),
                         line.project.name or "–", line.project.responsible or "–",
                         number_cell(money(line.planned_satang), s["table_body"], widths[3], padding=3),
                         number_cell(money(line.disbursed_satang), s["table_body"], widths[4], padding=3),
                         number_cell(percent(line.disbursed_satang, line.planned_satang), s["table_body"],
                                     widths[5], padding=3)])
        planned = sum(line.planned_satang for line in group.projects)
        disbursed = sum(line.disbursed_satang for line in group.projects)
        bold = s["table_header"]
        rows.append(["", t(MONEY_TOTAL.format(count=len(group.projects))), "",
                     number_cell(money(planned), bold, widths[3], padding=3),
                     number_cell(money(disbursed), bold, widths[4], padding=3),
                     number_cell(percent(disbursed, planned), bold, widths[5], padding=3)])
        last = len(rows) - 1
        table = thai_table(rows, widths, body_style=s["table_body"], header_style=header_style, padding=3,
                           extra_commands=[("SPAN", (1, last), (2, last)), ("NOSPLIT", (0, 0), (-1, 1)),
                                           ("NOSPLIT", (0, max(last - 1, 1)), (-1, last))])
        return [p(MONEY_TITLE.format(phrase=phrase, year=year), "label"), table, Spacer(1, 10)]

    def all_money() -> list[Any]:
        lines = [line for _key, group in report.groups for line in group.projects]
        if len(report.groups) < 2:
            return []  # one group: its table's totals row is the whole
        planned = sum(line.planned_satang for line in lines)
        disbursed = sum(line.disbursed_satang for line in lines)
        share = percent(disbursed, planned)
        return [p(t(ALL_MONEY.format(count=len(lines), planned=money(planned), disbursed=money(disbursed),
                                     share=ALL_SHARE.format(share=share) if planned > 0 else "")))]

    titles = {"own": plan_title, "obec": OBEC_TITLE, "others": others_title}

    def numbered() -> list[tuple[str, str, ProjectGroup]]:
        """The groups with projects, numbered in the seed's order: the plan's, OBEC's, other agencies'."""
        return [(t(str(n)), titles[key], group) for n, (key, group) in enumerate(report.groups, 1)]

    def summary() -> list[Any]:
        return [*(flowable for number, title, group in numbered()
                  for flowable in (*counts(number, title, group), *money_table(group))), *all_money()]

    def indicators(line: ProjectLine) -> list[Any]:
        items = line.project.indicators
        if not items:
            return [p("–")]
        rows: list[list[Any]] = [["ที่", "ตัวชี้วัด", "ค่าเป้าหมาย", "ผลการดำเนินงาน"]]
        rows += [[t(str(n)), i["name"] or "–", t(i["target"]) or "–", t(i["actual"]) or "–"]  # the report's digits (F3)
                 for n, i in enumerate(items, 1)]
        return [thai_table(rows, [22, TEXT_WIDTH - 22 - 180, 90, 90], body_style=s["table_body"],
                           header_style=s["centre_bold"], padding=3)]

    def when(start: str, end: str) -> str:
        days = [format_date_numeric(date.fromisoformat(d), style=t.style) for d in (start, end) if d]
        return " ถึง ".join(dict.fromkeys(days)) or "–"

    def activities(line: ProjectLine) -> list[Any]:
        if not line.activities:
            return [p("ไม่มีกิจกรรมในช่วงนี้")]
        rows: list[list[Any]] = [["ที่", "กิจกรรม", "ไตรมาส", "ตามแผน", "ดำเนินการจริง", "สถานะ"]]
        notes: list[Any] = []
        for n, a in enumerate(line.activities, 1):
            note = outside_note(line.project.fiscal_year, a)  # dated outside its quarter: marked (RETEST15 F8)
            if note:
                notes.append(p(t(OUTSIDE_MARK.format(number=n, note=note))))
            rows.append([t(str(n)), str(a["name"]) or "–", t(str(a["quarter"])) + (" *" if note else ""),
                         when(str(a["planned_start"]), str(a["planned_end"])),
                         when(str(a["actual_start"]), str(a["actual_end"])), STATUSES[str(a["status"])]])
        return [thai_table(rows, [22, TEXT_WIDTH - 22 - 48 - 92 - 92 - 74, 48, 92, 92, 74], body_style=s["table_body"],
                           header_style=s["centre_bold"], padding=3), *notes]

    def quarter_words(quarters: tuple[int, ...]) -> str:
        return "ไตรมาสที่ " + " และ ".join(t(str(q)) for q in quarters)

    def partly_due(line: ProjectLine) -> bool:
        return line.due_quarters is not None and 0 < len(line.due_quarters) < len(report.quarters)

    def spending(line: ProjectLine) -> str:
        reason = line.project.behind_reason.strip() or NO_REASON
        verdict = line.verdict
        if verdict == "not_due":
            if not line.due_quarters:
                return NOT_BEGUN.format(quarters=quarter_words(report.quarters))
            later = tuple(q for q in report.quarters if q not in (line.due_quarters or ()))
            return NOT_DUE.format(quarters=quarter_words(later))
        if verdict == "over":
            return OVER_PLAN.format(amount=money(line.due_disbursed - line.due_planned), reason=reason)
        if verdict == "behind":
            return BEHIND_PLAN.format(reason=reason)
        return KEPT_DUE if partly_due(line) else KEPT_TO_PLAN

    def money_lines(line: ProjectLine) -> list[Any]:
        story = [p(f"จำนวนเงินงบประมาณตามแผนการใช้จ่าย {money(line.planned_satang)} บาท")]
        if partly_due(line):
            story.append(p(DUE_SO_FAR.format(quarters=quarter_words(line.due_quarters or ()),
                                             amount=money(line.due_planned))))
        return [*story, p(f"จำนวนเงินงบประมาณที่เบิกจ่ายจริง {money(line.disbursed_satang)} บาท"), p(spending(line))]

    def results(line: ProjectLine) -> list[Any]:
        written = line.project.results_summary.strip()
        if written:  # the office's own words, a paragraph per line as typed
            return [p(part) for part in written.splitlines() if part.strip()]  # as typed (DigitText)
        items = [t(ACTIVITIES_DONE.format(phrase=phrase, done=line.activities_finished,
                                          count=len(line.activities)))] if line.activities else []
        items += [(i["name"] or "–") + t(INDICATOR_RESULT.format(actual=i["actual"]) + (  # names as typed
                      AGAINST_TARGET.format(target=i["target"]) if str(i["target"]).strip() else ""))
                  for i in line.results]
        if not items:
            return [p(NO_RESULTS)]
        return [p(t(RESULTS_INTRO.format(owner=report.office)), "intro"),
                *(p(t(f"{n}) ") + item, "list") for n, item in enumerate(items, 1))]

    def project(number: str, line: ProjectLine) -> list[Any]:
        pr = line.project
        story: list[Any] = [p(f"{number}. {pr.name or '–'}", "subheading"),
                            p(f"ความก้าวหน้าต่อเป้าหมายโครงการ {phrase} ปีงบประมาณ {year}", "label")]
        if line.goal:
            story.append(p(t(GOAL.format(goal=line.goal))))
        if pr.component_codes:
            story.append(p(t(COMPONENTS.format(codes=", ".join(pr.component_codes.split())))))
        if pr.responsible:
            story.append(p(f"ผู้รับผิดชอบ {pr.responsible}"))
        if pr.agencies:
            story.append(p(f"งบประมาณจาก {', '.join(pr.agencies)}"))
        story += [p("เป้าหมายเชิงผลผลิต (Output)", "label"), p(pr.output_goals or "–"),
                  p("เป้าหมายเชิงผลลัพธ์ (Outcome)", "label"), p(pr.outcome_goals or "–"),
                  p("ดัชนีชี้วัดความสำเร็จ", "label"), *indicators(line),
                  p(f"ความก้าวหน้าของกิจกรรมที่ดำเนินการ {phrase} ปีงบประมาณ {year}", "label"),  # seed 004
                  *activities(line),
                  p(f"การเบิกจ่ายงบประมาณ {phrase} ปีงบประมาณ {year}", "label"),
                  *money_lines(line),
                  p(f"สรุปปัญหาและข้อเสนอแนะของโครงการ {phrase} ปีงบประมาณ {year}", "label"),
                  p(RESULTS, "label"), *results(line),
                  p("ปัญหาและอุปสรรคในการดำเนินงาน", "label"), p(pr.problems or "–"),
                  p("ข้อเสนอแนะ", "label"), p(pr.suggestions or "–"), Spacer(1, 8)]
        return story

    def details_of(number: str, title: str, group: ProjectGroup) -> list[Any]:
        story: list[Any] = [p(t(f"{number}. {title} จำนวน {len(group.projects)} โครงการ"), "heading")]
        for index, status in enumerate((st for st in ORDER if group.with_status(st)), start=1):
            lines = group.with_status(status)
            head = t(f"{number}.{index} {status_label(status)} จำนวน {len(lines)} โครงการ")
            if status == "not_started":
                story.append(p(f"{head} ดังนี้", "subheading"))
                story += [p(t(f"{number}.{index}.{n}") + f" {line.project.name or '–'}", "list")
                          for n, line in enumerate(lines, 1)]
                continue
            story.append(p(f"{head} โดยมีรายละเอียด ดังนี้", "subheading"))
            for n, line in enumerate(lines, 1):
                story += project(t(str(n)), line)
        return story

    def details() -> list[Any]:
        story: list[Any] = [Spacer(1, 6), p(f"ผลการติดตามความก้าวหน้าการขับเคลื่อน{plan_title}{with_obec} {phrase}",
                                            "heading")]
        for number, title, group in numbered():
            story += details_of(number, title, group)
        return story

    parts: tuple[Callable[[], list[Any]], ...] = (header, summary, details)
    return Document(parts=parts, title=f"{TITLE} {t(report.office)}", author="",
                    running_head=f"{TITLE} {phrase} {t(report.office)}", is_demo=report.is_demo)
