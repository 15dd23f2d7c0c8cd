"""Which database the window shows: the แฟ้ม menu's open, own data and demo commands.

The window keeps the switch itself (``MainWindow.switch_workspace``: cancel and wait for running
work, close the old workspace, show the new one) and hands it in; this module only decides which
file to switch to, and builds the demo database on a worker the first time.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from qualityschool_desktop import paths
from ui.common.ops import Op, Ops, error_message

# -- Thai strings ----------------------------------------------------------------------------
OPEN_DB_TITLE = "เปิดฐานข้อมูล"
OPEN_DB_FILTER = "ฐานข้อมูล Quality School (*.sqlite3 *.sqlite *.db);;ทุกไฟล์ (*)"
DEMO_TITLE = "เปิดข้อมูลตัวอย่าง"
DEMO_BUILDING = "กำลังสร้างข้อมูลตัวอย่าง… (ครั้งแรกใช้เวลาสักครู่)"
DEMO_FAILED = "สร้างข้อมูลตัวอย่างไม่ได้"


def build_demo(_workspace: Any, _progress: Any, _cancelled: Callable[[], bool]) -> Path:
    """On a worker: the demo database, built once (the core opens its own connection there)."""
    from qualityschool_desktop.cli import ensure_demo

    target = paths.demo_database_path()
    ensure_demo(target)
    return target


class Switch(Protocol):
    """The window's ``switch_workspace``: show ``path`` instead of the open database; False if it did not."""

    def __call__(self, path: Path, *, create: bool = False) -> bool: ...


class DatabaseActions(QObject):
    """The commands that choose a database for ``window``: ``current()`` is the open database's
    file (None in memory), ``switch`` shows another."""

    def __init__(self, window: QWidget, ops: Ops, current: Callable[[], Path | None], switch: Switch) -> None:
        super().__init__(window)
        self.window = window
        self.ops = ops
        self._current = current
        self._switch = switch
        self.demo_op: Op | None = None

    def choose(self) -> None:
        path = self._current()
        start = str(path.parent if path else paths.user_data_dir())
        from PySide6.QtWidgets import QFileDialog  # with the dialog: its Python enums are built on first use

        from ui.common.file_dialogs import thai_file_dialogs  # with the dialog: ~55 ms CPU of imports (issue 16)
        with thai_file_dialogs():  # Qt's own dialog, where it draws one, in Thai terms
            chosen, _ = QFileDialog.getOpenFileName(self.window, OPEN_DB_TITLE, start, OPEN_DB_FILTER)
        if chosen:
            self._switch(Path(chosen))

    def open_own_data(self) -> None:
        self._switch(paths.default_database_path(), create=True)

    def open_demo(self) -> None:
        """Build the demo database on a worker (first time only), then switch to it."""
        if self.demo_op is not None and self.demo_op.running:
            return
        from PySide6.QtCore import Qt  # here: their Python enums are built on first use (issue 16)
        from PySide6.QtWidgets import QProgressDialog

        progress = QProgressDialog(DEMO_BUILDING, "", 0, 0, self.window)
        progress.setWindowTitle(DEMO_TITLE)
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setValue(0)

        def done(path: object) -> None:
            progress.close()
            assert isinstance(path, Path)
            self._switch(path)

        def failed(error: BaseException) -> None:
            from PySide6.QtWidgets import QMessageBox

            progress.close()
            QMessageBox.critical(self.window, DEMO_FAILED, error_message(error))

        self.demo_op = self.ops.run(build_demo, on_success=done, on_failure=failed)
        self.demo_op.abandoned.connect(progress.close)
