"""The edit history of a budget request item (try14 F16): the common history dialog over the
core's ``budget.history.item_history``, values as the คำของบประมาณ table shows them."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from qualityschool_desktop.budget import BudgetItem, format_baht
from qualityschool_desktop.budget.decided import PENDING, REFUSED
from qualityschool_desktop.budget.history import APPROVED, item_history
from qualityschool_desktop.errors import QualitySchoolError
from qualityschool_desktop.workspace import Workspace
from qualityschool_desktop.exchange.editors import editor_names
from ui.common.digits import number, shown, shown_text, style as digit_style
from ui.common.history_dialog import EditHistoryDialog

from . import strings as text


def history_value(field: str, value: Any, kind_labels: dict[str, str]) -> str:
    """A stored value of ``field`` as the history shows it (an approval not decided: รอพิจารณา)."""
    if field == APPROVED:
        return PENDING if value is None else REFUSED if value == 0 else format_baht(int(value), digit_style())
    if value is None or value == "":
        return text.HISTORY_BLANK
    if field == "unit_price_satang":
        return format_baht(int(value), digit_style())
    if field == "kind":
        return kind_labels.get(str(value), str(value))
    if field == "deleted":
        return text.HISTORY_REMOVED if value else text.HISTORY_RESTORED
    if field in ("quantity", "span_years", "priority", "fiscal_year"):
        return number(int(value))
    return shown(str(value)) if field == "scope_codes" else str(value)  # as the table shows them


def budget_history_dialog(workspace: Workspace, item: BudgetItem, kind_labels: dict[str, str],
                          parent: QWidget | None = None) -> EditHistoryDialog:
    """The dialog of ``item``'s history (the reason in it when the history cannot be read)."""
    try:
        history, names, problem = item_history(workspace.db, item.id), editor_names(workspace), ""
    except QualitySchoolError as error:
        history, names, problem = None, {}, shown_text(error)
    heading = text.HISTORY_HEADING.format(name=item.description or text.UNNAMED, year=shown(item.fiscal_year))
    dialog = EditHistoryDialog(text.HISTORY_TITLE, heading, history, problem, names, text.FIELD_NAMES,
                               lambda field, value: history_value(field, value, kind_labels), parent)
    dialog.setObjectName("budgetHistoryDialog")
    return dialog
