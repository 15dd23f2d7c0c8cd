"""The main window's breadcrumb: where the window is, as links back up the way it came.

โรงเรียน › <school> › ปีงบประมาณ ๒๕๖๙ รอบที่ ๑ › ผลการประเมิน, or › การนิเทศ ๓ ก.พ. ๒๕๖๙ for a visit.
Each part is (text, link); a link is "schools", "school:<id>" or "assessment:<id>".
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from qualityschool_desktop.thai import format_date

if TYPE_CHECKING:
    from qualityschool_desktop.workspace import Workspace

# -- Thai strings ----------------------------------------------------------------------------
CRUMB_SCHOOLS = "โรงเรียน"
CRUMB_RESULTS = "ผลการประเมิน"
CRUMB_VISIT = "การนิเทศ {date}"
CRUMB_FOLLOW_UPS = "รายการติดตามงานทุกโรงเรียน"
CRUMB_SEPARATOR = "  ›  "

Parts = list[tuple[str, "str | None"]]


def breadcrumb_parts(workspace: Workspace, kind: str, ident: str | None) -> Parts:
    from ui.schools.school_page import round_title

    if kind == "welcome":
        return []
    if kind == "follow_ups":
        return [(CRUMB_FOLLOW_UPS, None)]
    if kind == "district":
        from ui.district.strings import TITLE

        return [(TITLE, None)]
    parts: Parts = [(CRUMB_SCHOOLS, "schools")]
    if kind == "school" and ident:
        parts.append((workspace.schools.get(ident).name, None))
    elif kind == "visit" and ident:
        visit = workspace.visits.get(ident)
        school = workspace.schools.get(visit.school_id)
        parts.append((school.name, f"school:{school.id}"))
        parts.append((CRUMB_VISIT.format(date=format_date(visit.visited_date, short=True, style="thai")), None))
    elif kind in ("assessment", "results") and ident:
        assessment = workspace.assessments.get(ident)
        school = workspace.schools.get(assessment.school_id)
        parts.append((school.name, f"school:{school.id}"))
        if kind == "assessment":
            parts.append((round_title(assessment), None))
        else:
            parts.append((round_title(assessment), f"assessment:{assessment.id}"))
            parts.append((CRUMB_RESULTS, None))
    if len(parts) == 1:
        parts[0] = (CRUMB_SCHOOLS, None)
    return parts


def breadcrumb_text(parts: Parts) -> str:
    return CRUMB_SEPARATOR.join(text for text, _link in parts)


def breadcrumb_html(parts: Parts) -> str:
    pieces = [
        f'<a href="{link}" style="color:#1565c0; text-decoration:none">{escape(text)}</a>'
        if link else f"<b>{escape(text)}</b>"
        for text, link in parts
    ]
    # Rich text collapses spaces; non-breaking ones keep the separator's breathing room.
    return CRUMB_SEPARATOR.replace(" ", "&nbsp;").join(pieces)
