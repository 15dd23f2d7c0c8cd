"""The history of the office's own texts of an inspection round (ประวัติการแก้ไข, RETEST13 F11):
the common history dialog (ui/common/history_dialog.py) over the core's append-only
``office_texts.history``, newest first, each field named as the round's form numbers it (round 2's
"๖.๔ ปัจจัยแห่งความสำเร็จ", round 1's "๓) …"), the 6.3 table and the model schools as lines."""

from __future__ import annotations

import json
import re
from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget

from qualityschool_desktop.edit_history import FieldChange, RecordHistory
from qualityschool_desktop.errors import QualitySchoolError
from qualityschool_desktop.inspection.office_texts import AREA, MODELS, NARRATIVE, PROBLEM_COLUMNS, PROBLEMS, SERVED
from qualityschool_desktop.workspace import Workspace
from qualityschool_desktop.exchange.editors import editor_names
from ui.common.digits import number, shown, shown_text
from ui.common.history_dialog import EditHistoryDialog
from ui.common.screen import fit_to_screen

from . import strings as text

# A form heading's number: "6.1", "6.2 1)", "3)".
SECTION_NUMBER = re.compile(r"^[\d.]+\)?(?:\s+\d+\))?(?=\s)")


def section_numbers(layout: str) -> dict[str, str]:
    """The page's part (form_fields.FIELDS) → the number ``layout``'s form prints it under
    ({} when the layout cannot be read: the fields are then named without numbers)."""
    from qualityschool_desktop.inspection.layouts import load_layout
    from qualityschool_desktop.reports.summary.form_fields import form_fields

    try:
        headings = form_fields(load_layout(layout)).headings
    except QualitySchoolError:
        return {}
    found = {part: SECTION_NUMBER.match(heading) for part, heading in headings.items()}
    return {part: match.group(0) for part, match in found.items() if match}


def field_name(field: str, numbers: dict[str, str]) -> str:
    """A stored field ("success_factors", "narrative.2", "area.situation.<office>" …) as the
    history names it."""
    office = ""
    if field.startswith(AREA):
        field, _, office = field[len(AREA):].partition(".")
    if field.startswith(NARRATIVE):
        part, words = "narratives", text.HISTORY_NARRATIVE.format(code=field[len(NARRATIVE):])
    elif field.startswith(SERVED):
        part, words = "served", text.SERVED.format(office=field[len(SERVED):])
    else:
        part, words = ("models" if field == "model_schools" else field), text.HISTORY_FIELDS.get(field, field)
    section = numbers.get(part, "")
    return shown(f"{section} {words}" if section else words) + (
        shown(text.HISTORY_OF_AREA.format(office=office)) if office else "")


def value_text(field: str, value: Any, school_names: dict[str, str]) -> str:
    """A stored value as the history shows it: the 6.3 table a numbered line a row, the model
    schools a line each ("name: reason"), text as typed. Never raises."""
    if value is None or value == "":
        return text.HISTORY_BLANK
    is_table = field == PROBLEMS or (field.startswith(AREA + PROBLEMS + "."))
    try:
        if is_table:
            rows = json.loads(value)
            return "\n".join(f"{number(index)}. " + " — ".join(
                str(row.get(column, "")) for column in PROBLEM_COLUMNS if row.get(column))
                for index, row in enumerate(rows, start=1))
        if field == MODELS:
            return "\n".join(school_names.get(str(entry["school_id"]), str(entry["school_id"])) + (
                f": {entry['reason']}" if entry.get("reason") else "") for entry in json.loads(value))
    except (ValueError, TypeError, KeyError, AttributeError):
        pass  # not the shape this version writes: shown as stored
    return str(value)


def office_history_dialog(workspace: Workspace, fiscal_year: int, round: int, layout: str,
                          parent: QWidget | None = None) -> EditHistoryDialog:
    """The dialog of round ``round`` of ``fiscal_year``'s texts (of every part, the area offices'
    own too; the reason in it when the history cannot be read). ``layout``: the round's form."""
    try:
        changes = workspace.office_texts.history(fiscal_year, round)
        names, problem = editor_names(workspace, shown), ""
        schools = {school.id: school.name for school in workspace.schools.list()}
    except QualitySchoolError as error:
        changes, names, problem, schools = [], {}, shown_text(error), {}
    history = RecordHistory(tuple(FieldChange(c.changed_at, c.changed_by, c.field, c.old_value, c.new_value)
                                  for c in changes), True)  # append-only: every change is kept
    numbers = section_numbers(layout)
    heading = shown(text.HISTORY_HEADING.format(year=fiscal_year, round=round))
    dialog = EditHistoryDialog(text.HISTORY_TITLE, heading, history, problem, names,
                               {c.field: field_name(c.field, numbers) for c in changes},
                               lambda field, value: value_text(field, value, schools), parent)
    dialog.setObjectName("officeTextHistoryDialog")
    fit_to_screen(dialog, QSize(1100, 560))  # whole paragraphs: wider than a budget item's, within the screen
    return dialog
