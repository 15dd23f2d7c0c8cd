"""A view's re-read after a save, put off while the user is typing into a cell (TEST34 T1).

Tab in an editable table stores the cell left (the save runs inside the table's ``itemChanged``)
and opens the next cell at once. A view that then re-reads and re-fills everything it shows (the
plan tab read its plan twice: after the save and on its own change notice) kept the window busy
just when the next keys arrive. Keys typed by a keyboard with a Thai layout wait in line and
arrive whole, but keys sent by a tool that lends a spare key code for each Thai letter (xdotool
type, on-screen keyboards) are read with the key map of the moment they are taken from the
queue: the first letters typed while the window was busy came out as nothing ("ร้อยละ" stored
as "อยละ"). :class:`AfterEdit` runs such work once no cell of the view's tables is open: right
away outside an edit, else when the open cell closes without another opening (Enter, Esc, a
click elsewhere), once however many saves asked for it meanwhile. The saves themselves are not
put off: a value is stored when its cell is left.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView


def editing(view: QAbstractItemView) -> bool:
    """Whether a cell of ``view`` is open for typing."""
    return view.state() == QAbstractItemView.State.EditingState


class AfterEdit(QObject):
    """Work (a re-read of what the view shows) run once no cell of ``views`` is being edited.

    Call :meth:`watch` after the views' delegates are set (each column's own too)."""

    def __init__(self, parent: QObject, *views: QAbstractItemView) -> None:
        super().__init__(parent)
        self._views: list[QAbstractItemView] = []
        self._waiting: dict[Callable[[], object], None] = {}  # in the order asked, each once
        self.watch(*views)

    def watch(self, *views: QAbstractItemView) -> None:
        for view in views:
            if view not in self._views:
                self._views.append(view)
            delegates: list[QAbstractItemDelegate] = [view.itemDelegate()]
            model = view.model()
            columns = model.columnCount() if model is not None else 0
            delegates += [view.itemDelegateForColumn(column) for column in range(columns)]
            for delegate in {id(d): d for d in delegates if d is not None}.values():
                if not delegate.property("after_edit_watched"):
                    delegate.setProperty("after_edit_watched", True)
                    # After the view's own slot: an EditNextItem (Tab) has opened the next cell by then.
                    delegate.closeEditor.connect(lambda *_args: self._closed())
            view.destroyed.connect(lambda *_args, v=view: self._forget(v))

    def _forget(self, view: QAbstractItemView) -> None:
        self._views = [v for v in self._views if v is not view]

    def busy(self) -> bool:
        """Whether a cell of one of the views is open for typing (the work waits)."""
        return any(editing(view) for view in self._views)

    def run(self, work: Callable[[], object]) -> None:
        """``work`` now when no cell is open, else once the open cell closes (asked twice meanwhile:
        run once)."""
        if not self.busy():
            self._waiting.pop(work, None)
            work()
            return
        self._waiting[work] = None

    def has_waiting(self) -> bool:
        return bool(self._waiting)

    def flush(self) -> None:
        """Run what waits now (before printing, leaving, or reading what the view shows)."""
        waiting, self._waiting = list(self._waiting), {}
        for work in waiting:
            work()

    def _closed(self) -> None:
        if self._waiting and not self.busy():
            self.flush()
