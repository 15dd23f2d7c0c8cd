"""The criteria under the self-assessment's component table (TEST32b B15, s33): how a mean score reads
as a level word and as a readiness group, and, where the two scales part, which scores read as
both ("คะแนน ๒.๕๐–๒.๙๙ ได้ระดับ “ดี” แต่อยู่ในกลุ่ม “ต้องเร่งพัฒนา”"), in the words the results
page uses (``ui/assessment/strings.py``), so the printed "ดี" beside "ต้องเร่งพัฒนา" is explained where
a director reads it. Both scales are the framework's data."""

from __future__ import annotations

from typing import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import KeepTogether
from reportlab.platypus.flowables import Flowable

from ...framework import Band, Framework
from ...scoring import scale_gaps
from ...thai import DigitText
from ...typeset import Run, ThaiParagraph

HEADING = "เกณฑ์ที่ใช้จัดกลุ่ม"
LEVELS = "ระดับคุณภาพ (คะแนนเฉลี่ยอ่านเป็นคำ ตามมาตรฐาน ๕ ระดับ): "
READINESS = "กลุ่มความพร้อม (จากคะแนนแต่ละด้าน): "
AT_LEAST = "{name} ≥ {min}"
BELOW = "{name} < {min}"
GAPS = "ระดับคุณภาพกับกลุ่มความพร้อมใช้เกณฑ์ต่างกัน คะแนนเดียวกันจึงอ่านได้ดังนี้"
GAP = "• คะแนน {low}–{high} ได้ระดับ “{level}” แต่อยู่ในกลุ่ม “{group}” (กลุ่ม “{next}” เริ่มที่ {min})"


def _ranges(bands: Sequence[Band], t: DigitText) -> str:
    """Each band as "name ≥ min", the last (which starts at 0) as "below the one before"."""
    labels = []
    for index, band in enumerate(bands):
        if index == len(bands) - 1 and index > 0:
            labels.append(BELOW.format(name=band.name, min=t.score(bands[index - 1].min)))
        else:
            labels.append(AT_LEAST.format(name=band.name, min=t.score(band.min)))
    return ", ".join(labels)


def scale_legend(framework: Framework, t: DigitText, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    """The two scales' ranges and their gaps, in ``t``'s digits, kept together (small type)."""
    lines: list[Flowable] = [ThaiParagraph(HEADING, s["subheading"])]
    for caption, bands in ((LEVELS, framework.score_levels), (READINESS, framework.readiness_groups)):
        if bands:
            lines.append(ThaiParagraph([Run(t(caption), bold=True), Run(_ranges(bands, t))], s["small"]))
    gaps = scale_gaps(framework)
    if gaps:
        lines.append(ThaiParagraph(GAPS, s["small"]))
        lines += [ThaiParagraph(GAP.format(low=t.score(gap.low), high=t.score(gap.high), level=gap.level,
                                           group=gap.group, next=gap.next_group, min=t.score(gap.next_min)),
                                s["small"]) for gap in gaps]
    return [KeepTogether(lines)]
