"""Which record a waiting change is about, by what a user knows it by (TEST35 T4: "ประวัติการส่งและ
เปิดแก้ไขแบบประเมิน 6942ff0a", "แผนพัฒนาคุณภาพการศึกษา 10ea6d14" told a user nothing).

:func:`record_name` starts from the core's description (``words.described``) and, for the kinds it
can only name by an id fragment, says the round, the visit, the plan's years, the step and when;
:func:`told_apart` adds the id fragment only to names that are still the same.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from typing import TYPE_CHECKING, Any, Sequence

from qualityschool_desktop.errors import QualitySchoolError
from ui.common.digits import day, shown

from . import strings as s
from .compare import coded_words, reference
from .words import described, format_when, kind_label

if TYPE_CHECKING:
    from qualityschool_desktop.workspace import Workspace

ID_TAIL = re.compile(r" [0-9a-f]{8}$")  # the core's last resort: the id's first 8 hex digits


def record_name(workspace: Workspace, table: str, row: dict[str, Any]) -> str:
    """``row`` of ``table`` (as it is here, else as sent) named for a person: the core's words when
    they say more than an id; else the round or visit it belongs to, a plan's years, an event's
    step and time. The core's words when the record it belongs to cannot be read."""
    base = described(table, row)
    if not ID_TAIL.search(base) and table != "assessments":
        return base
    label = kind_label(table)
    try:
        if table == "assessments":  # as the rest of the window says a round (s34 exw34 T5)
            return f"{label} {s.ASSESSMENT_REF.format(year=shown(row['fiscal_year']), round=shown(row['round']))}"
        if table in ("assessment_events", "visit_events"):
            column = "assessment_id" if table == "assessment_events" else "visit_id"
            step = coded_words(table, "event").get(str(row.get("event")), label)
            return s.EVENT_NAMED.format(step=step, of=reference(workspace, column, str(row[column])),
                                        when=format_when(str(row.get("happened_at") or "")))
        if table == "plans":
            span = shown(f"{row['first_year']}–{row['last_year']}")
            title = str(row.get("title") or "")[:60]
            if title.startswith(label):  # "แผนพัฒนาคุณภาพการศึกษา โรงเรียน…": the kind said once
                return s.PLAN_NAMED.format(label="", title=f"“{title}”", span=span)
            return s.PLAN_NAMED.format(label=label, title=f" “{title}”" if title else "", span=span)
        if table == "contacts" and row.get("contacted_on"):
            return f"{label} {day(date.fromisoformat(str(row['contacted_on'])), short=True)} {str(row.get('topic') or '')[:60]}".strip()
        if table == "comments" and row.get("written_at"):
            by = f" {row['author_name']}" if row.get("author_name") else ""
            return f"{label}{by} {format_when(str(row['written_at']))}"
        for column in ("assessment_id", "visit_id"):
            if row.get(column):
                return f"{label} {reference(workspace, column, str(row[column]))}"
    except (QualitySchoolError, KeyError, ValueError, TypeError):
        return base
    return base


def told_apart(names: Sequence[str], ids: Sequence[str]) -> list[str]:
    """``names`` with the id's first 8 characters after those that are the same as another's, and
    only those: the id only where nothing else tells two records apart."""
    seen = Counter(names)
    return [f"{name} ({record_id[:8]})" if seen[name] > 1 else name for name, record_id in zip(names, ids)]
