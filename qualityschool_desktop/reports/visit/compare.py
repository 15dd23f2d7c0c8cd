"""The two views side by side in the visit record (part 2 of :mod:`.pdf`): the one-glance
summary, the component table with the gaps marked in words and a light colour, and the items the
supervisor rated."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from ...comparison import AGREE_COMPONENT, AGREE_ITEM, Comparison, Gap
from ...scoring import level_label
from ...thai import DigitText
from ...typeset import ThaiParagraph, thai_date, thai_table
from ...visit_basis import day_of
from ..blocks import NO_SCORE, RULE, TEXT_WIDTH, keep_with_table, official_number_text, tint
from .data import VisitData

# -- Thai strings (what the reader sees) ----------------------------------------------------------
COMPARE_HEADING = "๒. ผลการนิเทศเทียบกับผลการประเมินตนเอง"
GLANCE_HEADING = "สรุปโดยย่อ: ระดับที่ศึกษานิเทศก์ให้ เทียบกับที่โรงเรียนประเมินตนเอง"
GLANCE_COUNTS = "ประเด็นที่ให้ระดับ {rated} ประเด็น: ต่ำกว่า {lower} · " + AGREE_ITEM + " {agree} · สูงกว่า {higher}"
GLANCE_COMPONENTS = "องค์ประกอบ ๕ ด้าน: ต่ำกว่า {lower} · " + AGREE_COMPONENT + " {agree} · สูงกว่า {higher}"
GLANCE_NO_ITEMS = "ศึกษานิเทศก์ให้ระดับเป็นรายองค์ประกอบ ไม่ได้ให้ระดับรายประเด็น"
GLANCE_BIGGEST = "ต่างกันมากที่สุด:"
GLANCE_SAME = "ผลการนิเทศสอดคล้องกับผลการประเมินตนเองในทุกองค์ประกอบและประเด็นที่ให้ระดับ"
# Not every component compared (TEST35 T9): say in which, not "ทุกองค์ประกอบ".
GLANCE_SAME_SOME = "ผลการนิเทศสอดคล้องกับผลการประเมินตนเองในองค์ประกอบที่ให้ระดับ ({compared} จาก {total} องค์ประกอบ)"
GLANCE_SAME_SOME_ITEMS = ("ผลการนิเทศสอดคล้องกับผลการประเมินตนเองในองค์ประกอบที่ให้ระดับ ({compared} จาก {total}"
                          " องค์ประกอบ) และในประเด็นที่ให้ระดับ")
GLANCE_NOT_RATED = "ศึกษานิเทศก์ไม่ได้ให้ระดับในการนิเทศครั้งนี้ จึงไม่มีผลการนิเทศให้เทียบกับผลการประเมินตนเอง"
GLANCE_NO_ROUND = "การนิเทศครั้งนี้ไม่ได้อ้างอิงผลการประเมินตนเอง จึงแสดงเฉพาะผลการนิเทศ"
BASIS_SIGNED = "เทียบกับผลการประเมินตนเองของโรงเรียน ณ วันที่ {date} (วันยืนยันบันทึก)"
BASIS_CURRENT = "เทียบกับผลการประเมินตนเองของโรงเรียน ณ วันที่ {date} (ผลล่าสุด)"
BASIS_CHANGED = "โรงเรียนแก้ผลการประเมินตนเองหลังยืนยันบันทึกนี้: ผลล่าสุด {scores}"
BASIS_CHANGED_SCORE = "องค์ประกอบที่ {code} {score}"
BASIS_UNKNOWN = ("โรงเรียนแก้ผลการประเมินตนเองหลังวันที่ยืนยันบันทึกนี้ (ล่าสุด {date}) แต่ประวัติการแก้ไขไม่ครบ"
                 " จึงแสดงผลล่าสุดแทนผลที่ลงนาม")
BIGGEST_COMPONENT = "องค์ประกอบที่ {code} {title}: {gap}"
BIGGEST_ITEM = "ประเด็น {code} {title}: {gap}"
COMPARE_HEADER = ("องค์ประกอบ", "ผลการประเมินตนเอง", "ผลการนิเทศ", "ผลต่าง")
COMPARE_NOTE = (
    "ผลต่าง คือ ผลการนิเทศลบด้วยผลการประเมินตนเอง (คะแนนเฉลี่ยเต็ม {max})"
    " ต่างกันไม่ถึงครึ่งระดับนับว่า" + AGREE_COMPONENT
)
ITEMS_HEADING = "ประเด็นที่ศึกษานิเทศก์ให้ระดับ"
ITEMS_HEADER = ("ข้อ", "ประเด็น", "โรงเรียน", "ศึกษานิเทศก์", "ผลต่าง")
LOWER = "ต่ำกว่า {gap}"
HIGHER = "สูงกว่า {gap}"
SAME = AGREE_ITEM
CLOSE = AGREE_COMPONENT + "\n({direction} {gap})"
CLOSE_LOWER = "ต่ำกว่า"
CLOSE_HIGHER = "สูงกว่า"
LOWER_LEVELS = "ต่ำกว่า {gap} ระดับ"
HIGHER_LEVELS = "สูงกว่า {gap} ระดับ"
LEVEL_VALUE = "{value} {label}"
SCORE_VALUE = "{score}\n{label}"
SCHOOL_NOT_RATED = "ไม่ได้ประเมิน"


# -- layout --------------------------------------------------------------------------------------
PADDING = 3.5
# องค์ประกอบ / ผลการประเมินตนเอง / ผลการนิเทศ / ผลต่าง ("ใกล้เคียงกัน" and "ต่ำกว่า ๑.๒๕" on one line)
COMPARE_WIDTHS = (179.5, 92.0, 80.0, 102.0)
# ข้อ / ประเด็น / โรงเรียน / ศึกษานิเทศก์ / ผลต่าง
ITEM_WIDTHS = (46.0, 147.5, 80.0, 80.0, 100.0)
LOWER_COLOUR = "#e8703a"  # the supervisor sees less than the school claims: look here first
HIGHER_COLOUR = "#3b82c4"
AGREE_COLOUR = "#3f9a4b"
GLANCE_BACKGROUND = colors.HexColor("#f3f5f8")
LABEL_BACKGROUND = colors.HexColor("#f3f5f8")
VERDICT_COLOURS = {"lower": LOWER_COLOUR, "higher": HIGHER_COLOUR, "agree": AGREE_COLOUR}



# -- values as printed ---------------------------------------------------------------------------
def level_text(data: VisitData, value: float | None, t: DigitText) -> str:
    """A level as printed: its number in ``t``'s digits and its name (``"๔ ดีเลิศ"``), or the
    no-score dash for None."""
    if value is None:
        return NO_SCORE
    return t(LEVEL_VALUE, value=t(int(value)), label=level_name(data, int(value)))


def level_name(data: VisitData, value: int) -> str:
    """The name of level ``value`` on the visit framework's scale (``"ดีเลิศ"``), ``""`` when
    the scale has no such level."""
    for level in data.framework.levels:
        if level.value == value:
            return level.label
    return ""


def score_text(data: VisitData, value: float | None, t: DigitText) -> str:
    """A component's mean level as printed: two decimals in ``t``'s digits over the level name it
    reads as (two lines), or the no-score dash for None."""
    if value is None:
        return NO_SCORE
    return SCORE_VALUE.format(score=t.score(value), label=level_label(value, data.framework))


def component_gap_text(gap: Gap, t: DigitText) -> str:
    """"ต่ำกว่า ๐.๗๖", "สูงกว่า ๐.๕๐", or for a component whose two means differ by less than half
    a level "ใกล้เคียงกัน" (the rule's one word, TEST34C C9), with the difference under it
    ("ใกล้เคียงกัน\n(สูงกว่า ๐.๒๔)") unless there is none."""
    value = gap.gap
    if value is None:
        return NO_SCORE
    if gap.verdict == "lower":
        return LOWER.format(gap=t.score(-value))
    if gap.verdict == "higher":
        return HIGHER.format(gap=t.score(value))
    if abs(value) < 0.005:
        return AGREE_COMPONENT
    return CLOSE.format(direction=CLOSE_HIGHER if value > 0 else CLOSE_LOWER, gap=t.score(abs(value)))


def item_gap_text(gap: Gap, t: DigitText) -> str:
    """An item's gap as printed: "ต่ำกว่า ๑ ระดับ", "สูงกว่า ๒ ระดับ", "ตรงกัน", or the no-score
    dash when either side did not rate it."""
    value = gap.gap
    if value is None:
        return NO_SCORE
    if gap.verdict == "lower":
        return LOWER_LEVELS.format(gap=t(int(-value)))
    if gap.verdict == "higher":
        return HIGHER_LEVELS.format(gap=t(int(value)))
    return SAME


def gap_shade(gap: Gap) -> colors.Color | None:
    """The pale background of a gap's cell by its verdict (orange lower, blue higher, green
    agree), None when not both rated it."""
    colour = VERDICT_COLOURS.get(gap.verdict or "")
    return tint(colour, 0.78) if colour else None


# -- the part -------------------------------------------------------------------------------------
def glance_lines(data: VisitData, t: DigitText) -> list[tuple[str, bool]]:
    """The one-glance summary's lines under its heading, each (text, is a bullet of the
    differences): which results are compared, the counts, where the two views differ most. The
    PDF's and the Word copy's."""
    comparison = data.comparison
    lines: list[tuple[str, bool]] = [(line, False) for line in basis_lines(data, t)]
    if data.assessment is None:
        lines.append((GLANCE_NO_ROUND, False))
    else:
        by_component = {"lower": 0, "higher": 0, "agree": 0}
        for gap in comparison.components:
            if gap.verdict:
                by_component[gap.verdict] += 1
        if sum(by_component.values()):
            lines.append((t(GLANCE_COMPONENTS, **by_component), False))
        counts = comparison.counts()
        rated = sum(counts.values())
        if not rated and not any(gap.supervisor is not None for gap in comparison.components):
            # No level of the supervisor's: nothing was compared, so no agreement to claim.
            lines.append((GLANCE_NOT_RATED, False))
        elif rated:
            lines.append((t(GLANCE_COUNTS, rated=rated, **counts), False))
        else:
            lines.append((GLANCE_NO_ITEMS, False))
        biggest = comparison.biggest(3)
        if biggest:
            lines.append((GLANCE_BIGGEST, False))
            for gap in biggest:
                if gap.is_component:
                    text = BIGGEST_COMPONENT.format(
                        code=t(gap.code), title=gap.title, gap=component_gap_text(gap, t).replace("\n", " ")
                    )
                else:
                    text = BIGGEST_ITEM.format(code=t(gap.code), title=gap.title, gap=item_gap_text(gap, t))
                lines.append(("• " + text, True))
        elif sum(by_component.values()) or rated:  # agreement only where both gave a level
            lines.append((agreement_line(comparison, t), False))
    return lines


def agreement_line(comparison: Comparison, t: DigitText) -> str:
    """The line that says the two views agree where both gave a level: in every component, or in
    how many of them ("๒ จาก ๕ องค์ประกอบ") when not all were compared (TEST35 T9)."""
    total = len(comparison.components)
    compared = sum(1 for gap in comparison.components if gap.verdict)
    if compared == total:
        return GLANCE_SAME
    items = any(gap.verdict for gap in comparison.items)
    return t(GLANCE_SAME_SOME_ITEMS if items else GLANCE_SAME_SOME, compared=compared, total=total)


def _glance(data: VisitData, t: DigitText, s: dict[str, ParagraphStyle]) -> Flowable:
    """The one-glance summary: how many items agree, and where the two views differ most."""
    lines: list[Flowable] = [ThaiParagraph(GLANCE_HEADING, s["label"])]
    lines += [ThaiParagraph(text, s["glance_list" if bullet else "glance"]) for text, bullet in glance_lines(data, t)]
    return Table(
        [[lines]], colWidths=[TEXT_WIDTH],
        style=TableStyle([
            ("BACKGROUND", (0, 0), (-1, -1), GLANCE_BACKGROUND), ("BOX", (0, 0), (-1, -1), 0.5, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ]),
    )


def basis_lines(data: VisitData, t: DigitText) -> list[str]:
    """Which of the school's results the record compares (TEST34C C11), and, for a confirmed visit
    whose school changed its levels since, one line with the latest component scores."""
    if data.assessment is None:
        return []
    day = thai_date(day_of(data.compared_as_of), t.style, short=True)
    lines = [t(BASIS_SIGNED if data.compared_as_of else BASIS_CURRENT, date=day)]
    if data.latest is not None:
        scores = [
            BASIS_CHANGED_SCORE.format(code=t(now.code), score=t.score(now.school) if now.school is not None else NO_SCORE)
            for then, now in zip(data.comparison.components, data.latest.components) if then.school != now.school
        ]
        lines.append(t(BASIS_CHANGED, scores=", ".join(scores)) if scores else "")
    if data.changed_unknown is not None:
        lines.append(BASIS_UNKNOWN.format(date=thai_date(day_of(data.changed_unknown), t.style, short=True)))
    return [line for line in lines if line]


def comparison_part(data: VisitData, t: DigitText, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    """The record's comparison part: its heading with the one-glance summary, then the table of
    the five components (the school's and the supervisor's mean levels and the gap, shaded by
    verdict), in ``t``'s digits and the styles ``s``. Raises nothing (the data are gathered)."""
    story: list[Flowable] = [KeepTogether([ThaiParagraph(t(COMPARE_HEADING), s["heading"]), _glance(data, t, s)]),
                             Spacer(1, 8)]
    rows: list[list[Any]] = [[ThaiParagraph(text, s["centre_bold"]) for text in COMPARE_HEADER]]
    extra: list[tuple[Any, ...]] = []
    for index, gap in enumerate(data.comparison.components, start=1):
        rows.append([
            ThaiParagraph(t(f"{gap.code}. ") + gap.title, s["table_body"]),
            ThaiParagraph(score_text(data, gap.school, t), s["centre"]),
            ThaiParagraph(score_text(data, gap.supervisor, t), s["centre"]),
            ThaiParagraph(component_gap_text(gap, t), s["centre_bold"] if gap.verdict == "lower" else s["centre"]),
        ])
        shade = gap_shade(gap)
        if shade is not None:
            extra.append(("BACKGROUND", (3, index), (3, index), shade))
    story.append(thai_table(rows, COMPARE_WIDTHS, body_style=s["table_body"], padding=PADDING, extra_commands=extra))
    story.append(ThaiParagraph(t(COMPARE_NOTE, max=data.framework.max_level), s["note"]))

    items = [finding for section in data.components for finding in section.items if finding.finding.level is not None]
    if items:
        rows = [[ThaiParagraph(text, s["centre_bold"]) for text in ITEMS_HEADER]]
        extra = []
        for index, entry in enumerate(items, start=1):
            gap = entry.gap
            rows.append([
                ThaiParagraph(t(entry.item.code), s["centre"]),
                ThaiParagraph("\n".join(filter(None, (entry.item.title,
                                                       official_number_text(entry.item.official_number, t)))),
                              s["table_body"]),
                ThaiParagraph(level_text(data, gap.school, t) if gap.school is not None else SCHOOL_NOT_RATED,
                              s["centre"]),
                ThaiParagraph(level_text(data, gap.supervisor, t), s["centre"]),
                ThaiParagraph(item_gap_text(gap, t), s["centre_bold"] if gap.verdict == "lower" else s["centre"]),
            ])
            shade = gap_shade(gap)
            if shade is not None:
                extra.append(("BACKGROUND", (4, index), (4, index), shade))
        table = thai_table(rows, ITEM_WIDTHS, body_style=s["table_body"], padding=PADDING, extra_commands=extra)
        story += [Spacer(1, 4), *keep_with_table([ThaiParagraph(ITEMS_HEADING, s["subheading"])], table, rows, ITEM_WIDTHS, padding=PADDING)]
    return story
