"""โครงการและความก้าวหน้า: an area office's projects of a fiscal year with their money (issue 15).

The office chosen at the top; below, the projects of the office and year in the editor the school
page's tab shares (``editor.py``: list, fields saved through the core as each edit ends, the
progress report printed for the period chosen).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from qualityschool_desktop.collation import thai_key
from ui.common.digits import follow, shown
from ui.common.ops import Op, Ops
from ui.common.widgets import page_title

from .fit import ListRoom
from . import strings as text
from .editor import ProjectsEditor

if TYPE_CHECKING:
    from qualityschool_desktop.workspace import Workspace


class ProjectsPage(QWidget):
    """The page; ``noticed`` carries what a print did (the window's notice bar). The editor's
    parts are reachable as the page's own (``table``, ``year_box``, ``lines``…) for its callers."""

    noticed = Signal(object)

    def __init__(self, workspace: Workspace, *, ops: Ops | None = None, read_only: bool = False) -> None:
        super().__init__()
        self.workspace = workspace
        self.office: str | None = None
        self.editor = ProjectsEditor(workspace, ops=ops, read_only=read_only)
        self.editor.noticed.connect(self.noticed)
        self.title = page_title(text.TITLE)
        self.office_box = QComboBox()
        self.office_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.office_box.setMinimumContentsLength(14)  # inside the window at 150 % (try15 F14)
        self.office_box.currentIndexChanged.connect(self._office_chosen)
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch(1)
        buddy = QLabel(text.OFFICE_LABEL)
        buddy.setBuddy(self.office_box)
        header.addWidget(buddy)
        header.addWidget(self.office_box)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.editor, 1)
        self.list_room = ListRoom(self, self.editor.table, (self.editor.summary,))  # eight projects at 100 %, five at 125 % (fit34b)
        follow(self._relabel)

    def __getattr__(self, name: str) -> Any:
        """The editor's parts and commands (``table``, ``year_box``, ``print_pdf``…) as the page's."""
        if name == "editor":  # not built yet
            raise AttributeError(name)
        return getattr(self.editor, name)

    def offices(self) -> list[str]:
        """The area offices to choose from: the schools' and those with projects here."""
        none: tuple[str, ...] = ()
        found = set(self.editor.saver.read(self.workspace.schools.area_offices, none))
        nothing: list[str] = []
        found |= set(self.editor.saver.read(self.workspace.projects.offices, nothing))
        return sorted(found, key=thai_key)

    def refresh(self, office: str | None = None) -> None:
        """Show ``office``'s projects (None: the one shown, else the first office with projects)."""
        offices = self.offices()
        nothing: list[str] = []
        with_projects = self.editor.saver.read(self.workspace.projects.offices, nothing)
        wanted = office if office in offices else self.office if self.office in offices else (
            with_projects[0] if with_projects else offices[0] if offices else None)
        with QSignalBlocker(self.office_box):
            self.office_box.clear()
            for name in offices:
                self.office_box.addItem(shown(name), name)  # "เขต 1" as stored, in the window's digits
            if wanted is not None:
                self.office_box.setCurrentIndex(offices.index(wanted))
        self._show_office(wanted)

    def _show_office(self, office: str | None) -> None:
        self.office = office
        self.editor.show_owner(None if office is None else {"area_office": office},
                               None if office is None else {"office": office})

    def _office_chosen(self, index: int) -> None:
        office = self.office_box.itemData(index)
        if office:
            self._show_office(office)

    def _relabel(self) -> None:
        """The offices in the window's digits."""
        for index in range(self.office_box.count()):
            self.office_box.setItemText(index, shown(str(self.office_box.itemData(index))))

    def fill(self) -> None:
        """Re-read the office's projects of the year."""
        self.editor.fill()

    def print_progress(self) -> Op | None:
        """The progress report of the office, year and period shown, as ``report progress``."""
        return self.editor.print_progress()
