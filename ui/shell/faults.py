"""The window's last resort for an error no page caught, and where it meets a damaged file.

Qt cannot hand an exception that leaves a Python slot (or an overridden Qt method) back to the code
that emitted the signal: PySide calls ``sys.excepthook`` and carries on, so the slot's work simply
stops. Before this guard that was all: double-clicking a school of a file whose damage SQLite's
quick check at opening does not see (a broken index) did nothing on screen and left a Python
traceback on stderr (try27b N1). Installed by the app (:meth:`FaultGuard.install`; tests install it
where they test it, so pytest-qt still fails a test on any other slot's exception), the guard:

* turns SQLite's word that the open file is damaged into the core's Thai error and records it
  (:meth:`Workspace.damaged <qualityschool_desktop.workspace.Workspace.damaged>`: from then on
  nothing in this process writes to the file or copies it), and says it in a message box, SQLite's
  words behind "แสดงรายละเอียด…". The window stays open on the file, reading what it still can, so
  the user can open a backup from แฟ้ม › เปิดฐานข้อมูล… (the start-up check ends the app instead:
  there is nothing yet to keep, and a damaged file's first page is all it could show);
* says any other unexpected error in Thai, with its traceback behind "แสดงรายละเอียด…", and hands
  it to the hook it replaced (Python's prints the traceback on stderr);
* leaves ``KeyboardInterrupt`` and ``SystemExit`` to that hook alone.

A failure of work on a worker reaches the window through :mod:`ui.common.ops`, which asks
:meth:`FaultGuard.worker_failure` first: damage met by a worker on the window's file is recorded and
named the same way.
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from ui.common.digits import shown_text

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from qualityschool_desktop.errors import StorageError
    from qualityschool_desktop.workspace import Workspace

# -- Thai strings ----------------------------------------------------------------------------
DAMAGED_TITLE = "ไฟล์ฐานข้อมูลเสียหาย"
UNEXPECTED_TITLE = "เกิดข้อผิดพลาด"
UNEXPECTED = ("เกิดข้อผิดพลาดที่ไม่คาดคิด คำสั่งนี้จึงทำไม่สำเร็จ ข้อมูลที่บันทึกไว้แล้วยังอยู่ครบ"
              " หากเกิดซ้ำ โปรดแจ้งผู้ดูแลโปรแกรมพร้อมรายละเอียดทางเทคนิค (ปุ่ม แสดงรายละเอียด…)")

Hook = Callable[[type[BaseException], BaseException, "TracebackType | None"], object]


class FaultGuard(QObject):
    """One per window. ``workspace()`` gives the window's open workspace (None before one is
    attached). ``box``: the message box shown last, for tests."""

    def __init__(self, window: QWidget, workspace: Callable[[], Workspace | None]) -> None:
        super().__init__(window)
        self._window = window
        self._workspace = workspace
        self._previous: Hook | None = None
        self.box: QMessageBox | None = None

    # -- the hook ----------------------------------------------------------------------------
    def install(self) -> None:
        """Become ``sys.excepthook`` (the one it replaces gets what is not handled here)."""
        if self._previous is None:
            self._previous = sys.excepthook
            sys.excepthook = self._hook

    def uninstall(self) -> None:
        """Give ``sys.excepthook`` back (when nobody replaced this guard's meanwhile)."""
        if self._previous is not None and sys.excepthook == self._hook:
            sys.excepthook = self._previous
        self._previous = None

    def _hand_on(self, kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        (self._previous or sys.__excepthook__)(kind, error, trace)

    def _hook(self, kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if not isinstance(error, Exception):  # KeyboardInterrupt, SystemExit: as Python would
            self._hand_on(kind, error, trace)
            return
        found = self.damaged(error)
        if found is not None:
            print(f"ผิดพลาด: {found} ({found.detail})", file=sys.stderr or sys.__stderr__, flush=True)
            return
        self._hand_on(kind, error, trace)  # the traceback on stderr, for whoever looks into it
        self._show(UNEXPECTED_TITLE, UNEXPECTED,
                   "".join(traceback.format_exception(kind, error, trace)))

    # -- damage ------------------------------------------------------------------------------
    def damaged(self, error: BaseException) -> StorageError | None:
        """When ``error`` says the window's file is damaged: record it, say it, return the core's
        Thai error; None otherwise (nothing said)."""
        workspace = self._workspace()
        if workspace is None or workspace.closed:
            return None
        found = workspace.damaged(error)
        if found is not None:
            self._show(DAMAGED_TITLE, shown_text(found), found.detail or "")
        return found

    def worker_failure(self, database: Path | None, error: BaseException) -> BaseException:
        """What a failed op on ``database`` reports (``Ops.failure_filter``): damage of the
        window's file recorded and named as :meth:`Workspace.damaged` names it (the op's own
        failure handler says it); any other error as it is."""
        workspace = self._workspace()
        if (database is None or workspace is None or workspace.closed or workspace.path is None
                or Path(database).resolve() != workspace.path.resolve()):
            return error
        return workspace.damaged(error) or error

    def _show(self, title: str, message: str, detail: str) -> None:
        """A critical box modal to the window, raised above it and active (test28 N5: without a window
        manager it opened behind the window, which stayed usable); ``show``, not ``exec``: no
        nested event loop in the middle of the slot that failed. While one is up, later faults go
        to stderr only (a fault in a paint would otherwise stack a box per repaint)."""
        try:
            if self.box is not None and self.box.isVisible():
                return
        except RuntimeError:  # closed: deleted
            pass
        from PySide6.QtWidgets import QMessageBox  # here, not at import: its enums before "ready" (issue 16)

        box = QMessageBox(QMessageBox.Icon.Critical, title, message, QMessageBox.StandardButton.Ok, self._window)
        if detail:
            box.setDetailedText(detail)
        from PySide6.QtCore import Qt  # here, not at import: the way to the list builds no Qt namespace

        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(box.deleteLater)
        self.box = box
        box.show()
        box.raise_()
        box.activateWindow()
