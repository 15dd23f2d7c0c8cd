"""6.3's rows on the office-report page: typing a cell, adding, removing (with "เลิกทำ"), moving,
and accepting a drafted row. Split from ``page.py``; the page owns the round and the saver, this
holds what the table asks of the core."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Protocol

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton

from qualityschool_desktop.inspection.texts import ProblemText
from ui.common.undo_removal import UndoRemoval

from . import strings as text
from .tables import ProblemsTable

if TYPE_CHECKING:
    from qualityschool_desktop.workspace import Workspace
    from ui.common.save_state import Saver


class OfficeReportPage(Protocol):
    """What the rows use of the office-report page (``page.py``, which imports this module)."""

    workspace: Workspace
    saver: Saver
    read_only: bool
    area: str
    round: tuple[int, int] | None

    def run_save(self, key: Any, action: Callable[[], Any], *, typed: bool = False, value: Any = None,
                 on_saved: Callable[[Any], None] | None = None) -> Any: ...

    def show_suggestions(self) -> None: ...

    def texts_seen(self) -> None: ...


@dataclass(frozen=True)
class RemovedRow:
    """A 6.3 row removed, kept while "เลิกทำ" can bring it back to its place."""

    id: str  # the round, whose part and the place: one removal of the table at a time
    index: int
    row: ProblemText


class ProblemRows:
    """The 6.3 table of ``page`` and its calls to ``workspace.office_texts``."""

    def __init__(self, page: OfficeReportPage) -> None:
        self.page = page
        self.table = ProblemsTable()
        self.table.cell_edited.connect(self._cell)
        self.table.add_requested.connect(self._add)
        self.table.remove_requested.connect(self._remove)
        self.table.move_requested.connect(self._move)
        self.undo_button = QPushButton(text.UNDO)
        self.undo_button.setToolTip(text.UNDO_TIP)
        self.undo_button.clicked.connect(lambda _c=False: self.undo())
        self.undo_button.hide()
        self.table.add_button_row(self.undo_button)
        # Ctrl+Z in the table brings the row back too (the tester pressed it and nothing happened).
        shortcut = QShortcut(QKeySequence.StandardKey.Undo, self.table.table)
        shortcut.activated.connect(self.undo)
        self.removal: UndoRemoval[RemovedRow] = UndoRemoval(page.saver, self.undo_button, "problems")

    def _cell(self, row: int, column: str, value: str) -> None:
        page = self.page
        if page.round is None:
            return
        year, number = page.round
        area, store = page.area, page.workspace.office_texts
        page.run_save(("problem", row, column),
                      lambda: store.set_problem(year, number, row, column, value, area_office=area),
                      typed=True, value=value)

    def _reshape(self, key: Any, action: Callable[[int, int], Any], current: Callable[[Any], int | None]) -> None:
        page = self.page
        if page.round is None:
            return
        year, number = page.round
        page.run_save(key, lambda: action(year, number), on_saved=lambda result: self.reload(current(result)))

    def _add(self) -> None:
        area, store = self.page.area, self.page.workspace.office_texts
        self._reshape("add", lambda y, n: store.add_problem(y, n, area_office=area), lambda index: index)

    def _remove(self, index: int) -> None:
        """Remove row ``index`` at once and offer "เลิกทำ" (the office typed it: one click must not lose it)."""
        page = self.page
        if page.round is None or page.read_only:
            return
        year, number = page.round
        area, store = page.area, page.workspace.office_texts
        record_id = f"{year}-{number}-{area}-{index}"

        def remove() -> RemovedRow:
            return RemovedRow(record_id, index, store.remove_problem(year, number, index, area_office=area))

        self.removal.remove(record_id, remove, lambda _r: self.reload(max(0, index - 1)))

    def undo(self) -> None:
        """Bring the row removed last back to its place."""
        page = self.page
        last = self.removal.last
        if last is None or page.round is None or page.read_only:
            return
        year, number = page.round
        area, store = page.area, page.workspace.office_texts

        def restore(_record_id: str) -> RemovedRow:
            store.add_problem(year, number, last.row, at=last.index, area_office=area)
            return last

        self.removal.undo(restore, lambda record: self.reload(record.index))

    def forget(self) -> None:
        """Another round or part is shown: the removal kept is not its to bring back."""
        self.removal.forget()

    def _move(self, index: int, to: int) -> None:
        area, store = self.page.area, self.page.workspace.office_texts
        self._reshape(("move", index), lambda y, n: store.move_problem(y, n, index, to, area_office=area),
                      lambda _r: max(0, to))

    def accept(self, row: ProblemText) -> None:
        """"ใช้ข้อนี้" on a suggested 6.3 row: copy it into the office's rows."""
        from qualityschool_desktop.reports.summary.drafts import accept_problem

        area, store = self.page.area, self.page.workspace.office_texts
        self._reshape(("accept", row.problem), lambda y, n: accept_problem(store, y, n, row, area_office=area),
                      lambda index: index)

    def reload(self, current: int | None = None) -> None:
        page = self.page
        if page.round is None:
            return
        year, number = page.round
        no_rows: list[ProblemText] = []
        rows = page.saver.read(lambda: page.workspace.office_texts.problems(year, number, area_office=page.area),
                               no_rows)
        self.table.show_rows(rows, current)
        page.texts_seen()
        page.show_suggestions()
