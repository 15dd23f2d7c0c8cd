""""ลบบันทึกการนิเทศนี้" at the foot of the visit view, left of the section buttons (TEST34C C12): a
visit recorded by mistake goes. (In the header it pushed ยืนยันบันทึก onto a second row at 1366 px.)

Offered on a draft that was never confirmed, made by this laptop, in a database that can be written
(the core's rule, :meth:`~qualityschool_desktop.visits.Visits.why_not_deleted`); never on a confirmed
visit, one confirmed once and reopened, or one another laptop made. The question names the school
and the day and answers "No" by default; after the deletion the feature goes to the school's list
of visits and says what was deleted there.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QPushButton, QWidget

from qualityschool_desktop.errors import QualitySchoolError
from qualityschool_desktop.visit_records import Visit
from qualityschool_desktop.workspace import Workspace
from ui.common.digits import day as shown_day
from ui.common.digits import shown_text

from . import strings as text
from .sections import ask_yes_no, tell


NO_BREAK = "\u00a0"


class VisitDeletion(QObject):
    """The delete button of one visit view and what it does."""

    deleted = Signal(str, str)  # the school's id, the notice that says what was deleted

    def __init__(self, workspace: Workspace, visit: Callable[[], Visit], may_leave: Callable[[], bool],
                 parent: QWidget) -> None:
        """``visit``: the visit shown now; ``may_leave``: the view's question before it goes (what
        waits to be saved is saved or let go first)."""
        super().__init__(parent)
        self._workspace, self._visit, self._may_leave, self._parent = workspace, visit, may_leave, parent
        self.button = QPushButton(text.DELETE, parent)
        self.button.setObjectName("deleteVisitButton")
        self.button.setToolTip(text.DELETE_TIP)
        self.button.clicked.connect(lambda _checked=False: self.delete())

    def offer(self, editable: bool) -> None:
        """Show the button when the visit can be deleted here (``editable``: a draft made here, the
        database writable; the core says whether it was ever confirmed)."""
        try:
            can = editable and not self._workspace.visits.why_not_deleted(self._visit().id)
        except QualitySchoolError:
            can = False
        self.button.setVisible(can)

    def delete(self) -> None:
        """Ask, naming the school and the day; delete; tell the feature (:attr:`deleted`)."""
        if not self.button.isVisible() or not self._may_leave():
            return
        visit = self._visit()
        school = self._workspace.schools.get(visit.school_id).name
        # The day on one line (TEST35 T9: "…วันที่ ๓ ธันวาคม / ๒๕๖๙ หรือไม่" broke before the year).
        words = {"school": school, "date": shown_day(visit.visited_date).replace(" ", NO_BREAK)}
        if not ask_yes_no(self._parent, text.DELETE_TITLE, text.DELETE_QUESTION.format(**words), text.DELETE_YES,
                          text.DELETE_NO):
            return
        try:
            self._workspace.visits.delete(visit.id)
        except QualitySchoolError as exc:  # confirmed meanwhile in another window, or the disk refused
            tell(self._parent, text.DELETE_TITLE, shown_text(exc))
            self.offer(False)
            return
        self.deleted.emit(visit.school_id, text.DELETED.format(**words))
