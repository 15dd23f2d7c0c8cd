"""The edit history of a plan or one of its goals, indicators or activities (ประวัติการแก้ไข),
newest first: the common history dialog (ui/common/history_dialog.py) over the core's
``plans.history.part_history`` and ``exchange.editors.editor_names``."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from qualityschool_desktop.errors import QualitySchoolError
from qualityschool_desktop.plans.history import part_history
from qualityschool_desktop.workspace import Workspace
from qualityschool_desktop.exchange.editors import editor_names
from ui.common import digits
from ui.common.history_dialog import EditHistoryDialog

from . import cells
from . import strings as text


class PlanHistoryDialog(EditHistoryDialog):
    """The history of one record of ``table`` (Esc or ปิด closes it)."""

    def __init__(self, workspace: Workspace, table: str, record_id: str, heading: str, goal_names: dict[str, str],
                 parent: QWidget | None = None) -> None:
        try:
            history, names, problem = part_history(workspace.db, table, record_id), editor_names(workspace, digits.shown), ""
        except QualitySchoolError as error:
            history, names, problem = None, {}, digits.shown_text(error)
        super().__init__(text.HISTORY_TITLE, heading, history, problem, names, text.FIELD_NAMES,
                         lambda field, value: cells.history_value(field, value, goal_names), parent)
        self.setObjectName("planHistoryDialog")
