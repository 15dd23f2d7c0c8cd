"""Which of the office's texts a form layout prints, and under which of its headings (issue 13):
the office-report page follows the chosen round's form (round 1's "1)"-"5)", round 2's
"6.1"-"6.6") and says which typed text the form has no place for, instead of dropping it
silently. Plain values, no ReportLab, no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...inspection.layouts import ComponentsBlock, FormLayout
from ...inspection.texts import OfficeTexts

__all__ = ["FIELDS", "FormFields", "form_fields"]

# The page's parts (office-text fields; "served", "narratives", "models", "problems" stand for
# their groups) → the layout's block that prints them. The office's name and the policy are in
# every form's title block.
FIELDS = {
    "situation": "situation", "served": "districts", "narratives": "components", "models": "model_schools",
    "problems": "problems", "success_factors": "success_factors", "suggestions": "suggestions",
    "good_practices": "good_practices",
}
NOT_PRINTED = "ช่องนี้ไม่อยู่ในแบบรายงานของรอบนี้ ข้อความที่พิมพ์ไว้จึงไม่พิมพ์ในรายงาน"


@dataclass(frozen=True)
class FormFields:
    """``headings``: part → the heading it is printed under ("6.2 1) ความพร้อมของ…" for a
    subsection), parts the form prints only; ``problems_as_list``: the form lists the problems
    (round 1's "3) ปัญหาอุปสรรค") rather than the three-column table."""

    headings: dict[str, str]
    problems_as_list: bool

    def printed(self, part: str) -> bool:
        """Whether the form prints ``part`` (a key of :data:`FIELDS`)."""
        return part in self.headings

    def unprinted(self, texts: OfficeTexts) -> list[str]:
        """The parts of :data:`FIELDS` that hold typed text the form does not print, in the
        page's order. Raises nothing."""
        typed = {
            "situation": bool(texts.situation.strip()), "served": bool(texts.served),
            "narratives": any(value.strip() for _code, value in texts.narratives),
            "models": bool(texts.models) or bool(texts.model_schools.strip()), "problems": bool(texts.problems),
            "success_factors": bool(texts.success_factors.strip()), "suggestions": bool(texts.suggestions.strip()),
            "good_practices": bool(texts.good_practices.strip()),
        }
        return [part for part in FIELDS if typed[part] and not self.printed(part)]


def form_fields(layout: FormLayout) -> FormFields:
    """Where ``layout`` prints each part of the office's text: the heading of the section
    holding its block, a subsection's with its parent's number before it. Raises nothing."""
    by_block: dict[str, str] = {}
    parent = ""
    for depth, section in layout.walk():
        if depth == 0:
            parent = section.number
        heading = section.heading if depth == 0 else f"{parent} {section.heading}"
        for block in section.blocks:
            key = "components" if isinstance(block, ComponentsBlock) else block
            by_block.setdefault("problems" if key == "problems_list" else key, heading)
            if key == "problems_list":
                by_block.setdefault("problems_list", heading)
    headings = {part: by_block[block] for part, block in FIELDS.items() if block in by_block}
    return FormFields(headings, "problems_list" in by_block)
