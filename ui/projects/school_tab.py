"""The โครงการ tab of a school page (issue 15: "Projects of an office or a school ... Owned and
exchanged like every record"): the school's projects of a fiscal year in the editor the office's
page uses (``editor.py``), each edit saved through the core. The school owns them: where this
laptop does not own the school (it came by exchange) or the database is read-only, the tab shows
them with "แก้ไขได้ที่เครื่องของโรงเรียน" and changes nothing (the core refuses such an edit too).
พิมพ์ prints the school's progress report (``report progress --school CODE``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from qualityschool_desktop.changes import Changes
from ui.common.ops import Ops
from ui.common.edit_blocks import school_edit_block
from ui.shell.api import SchoolTab

from . import strings as text
from .editor import ProjectsEditor

if TYPE_CHECKING:
    from qualityschool_desktop.workspace import Workspace


class SchoolProjectsTab(SchoolTab):
    """One school's projects; ``editor`` the shared list and fields."""

    def __init__(self, workspace: Workspace, *, ops: Ops | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.school_id: str | None = None
        self.editor = ProjectsEditor(workspace, ops=ops, empty=text.SCHOOL_EMPTY, no_owner=text.NO_SCHOOL)
        self.editor.noticed.connect(self.noticed)
        self.print_with(self.editor.pdf_button)  # แฟ้ม › พิมพ์รายงาน (Ctrl+P) too
        # In a scroll area of its own, as the budget tab: at 125–150 % the school page is short and
        # the tab scrolls rather than make the whole page taller.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.editor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(scroll)
        self.setFocusProxy(self.editor.table)

    def show_school(self, school_id: str, select_id: str | None = None) -> None:
        """Show the school's projects, read-only where this laptop may not change them."""
        school = self.workspace.schools.get(school_id)
        self.school_id = school_id
        block = school_edit_block(self.workspace, school_id)
        self.editor.empty_text = text.SCHOOL_EMPTY_HERE if block else text.SCHOOL_EMPTY
        self.editor.set_block(block, refill=False)
        self.editor.show_owner({"school_id": school_id}, {"school": school.code, "school_name": school.name})
        if select_id is not None:
            rows = [p.id for p in self.editor.projects]
            if select_id in rows:
                self.editor.table.setCurrentCell(rows.index(select_id), 1)

    def holds(self, record_id: str | None) -> bool:
        return record_id is not None and any(p.id == record_id for p in self.editor.projects)

    def on_changes(self, school_id: str, changes: Changes) -> None:
        if changes.any_projects or changes.any_schools:
            self.show_school(school_id)

    def focus_list(self) -> None:
        self.editor.table.setFocus()

    def hint_text(self) -> str:
        """Why the school's projects cannot be changed here ("" when they can)."""
        return self.editor.hint.text()

    def confirm_leave(self) -> bool:
        """Ask before leaving with a refused change still waiting."""
        return self.editor.confirm_leave()
