"""The blocks of the summary only some forms hold (:mod:`.pdf` lays out the rest): one subsection
per component (6.2 1) 1.1)-1.5), round 1's 2.1)-2.5)), the network schools of each quality school,
and round 1's problems as a list (3) ปัญหาอุปสรรค)."""

from __future__ import annotations

from typing import Any, Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import KeepTogether
from reportlab.platypus.flowables import Flowable

from ...thai import DigitText
from ...typeset import ThaiParagraph, thai_table
from ..blocks import NO_SCORE, keep_with_table
from .data import SummaryData
from .strings import NONE, NETWORK_CAPTION, NETWORK_HEADER
from .wording import listed_problems, network_rows, paragraphs, readiness_line

PADDING = 3.5
NETWORK_WIDTHS = (104.0, 92.0, 112.5, 53.0, 32.0, 60.0)  # "นักเรียน" on one line (RETEST13 N5)


def components(data: SummaryData, pattern: str, t: DigitText, s: dict[str, ParagraphStyle],
               lead: Sequence[Flowable]) -> list[Flowable]:
    """Per component of the checklist: "1.1) ด้าน…" then how many schools are in each readiness
    group (seed 000's sentence) and the office's narrative of it, the first kept with ``lead``."""
    story: list[Flowable] = []
    for index, component in enumerate(data.picture.components):
        heading = ThaiParagraph(t(pattern.replace("{n}", component.code)) + " " + component.title, s["sub"])
        body = ThaiParagraph(readiness_line(data, component.code, t), s["para"])
        story.append(KeepTogether([*(lead if index == 0 else ()), heading, body]))
        story += [ThaiParagraph(line, s["para"]) for line in paragraphs(data.texts.narrative(component.code))]
    return story


def network(data: SummaryData, t: DigitText, s: dict[str, ParagraphStyle],
            lead: Sequence[Flowable]) -> list[Flowable]:
    """The network schools (seed 001: code, name, pupils, teachers, km) under each quality school
    that has any; nothing when none has."""
    rows_data = network_rows(data)
    if not rows_data:
        return [KeepTogether(list(lead))] if lead else []
    rows: list[list[Any]] = [[ThaiParagraph(text, s["centre_bold"]) for text in NETWORK_HEADER]]
    for row in rows_data:
        rows.append([
            ThaiParagraph(row[0], s["table_body"]), ThaiParagraph(t(row[1]), s["centre"]),
            ThaiParagraph(row[2], s["table_body"]),
            *(ThaiParagraph(NO_SCORE if value is None else t(f"{value:g}"), s["centre"]) for value in row[3:]),
        ])
    table = thai_table(rows, NETWORK_WIDTHS, body_style=s["table_body"], padding=PADDING)
    return keep_with_table([*lead, ThaiParagraph(NETWORK_CAPTION, s["sub"])], table, rows[:2], NETWORK_WIDTHS,
                           padding=PADDING)


def problem_list(data: SummaryData, t: DigitText, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    """Round 1's 3) ปัญหาอุปสรรค: the office's problems numbered as written, each with the solution
    and expected result typed beside it (:func:`.wording.listed_problems`); "-" when there is none."""
    story: list[Flowable] = []
    for first, rest in listed_problems(data, t):
        story.append(ThaiParagraph(first, s["list"]))
        story += [ThaiParagraph(line, s["list"].clone("listed", leftIndent=42)) for line in rest]
    return story or [ThaiParagraph(NONE, s["para"])]
