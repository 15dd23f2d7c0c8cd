"""Backups from the window: the แฟ้ม menu's "สำรองข้อมูล…" and the automatic daily copy.

Both run :mod:`qualityschool_desktop.backup` through the window's operations helper, on a
read-only workspace of their own (SQLite's backup API reads one consistent snapshot while the
window goes on writing):

* สำรองข้อมูล… asks where (a name with the database's name and today's Buddhist-Era date), copies
  with a progress dialog, then says what it wrote and where in the window's notice bar, with a
  button that opens the folder;
* the automatic backup runs a few seconds after a database file is shown, when its last daily copy
  is a day old (not for the in-memory database nor the rebuildable demo), quietly: a notice on
  success, a non-modal message on failure; while the app stays open it looks again
  once a day.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QProgressDialog

from qualityschool_desktop import paths
from ui.common.actions import make_action
from ui.common.digits import number as count_text
from ui.common.save_dialog import ask_save_path
from ui.common.notices import Notice
from ui.common.ops import Op, add_detail, error_message

from . import strings as text

if TYPE_CHECKING:
    from qualityschool_desktop.backup import BackupResult
    from qualityschool_desktop.workspace import Workspace

    from ui.shell.api import Shell

FOLDER_KEY = "backup/folder"
# After start the window paints and settles first; the copy then runs in the background.
AUTO_DELAY_MS = 5000
DAY_MS = 24 * 60 * 60 * 1000


def suggested_name(database: Path, today: date | None = None) -> str:
    """``<database name>-สำรอง-<BE year>-<month>-<day>.sqlite3`` (the Buddhist Era is CE + 543)."""
    from qualityschool_desktop.thai_dates import file_date  # with the command, not before the first paint

    today = today or date.today()
    return text.SUGGESTED_NAME.format(stem=database.stem, date=file_date(today))


def wants_auto_backup(database: Path | None) -> bool:
    """Daily copies are for real data: not the in-memory database, not the demo (rebuilt at will)."""
    if database is None:
        return False
    try:
        return database.resolve() != paths.demo_database_path().resolve()
    except OSError:
        return True


class BackupActions(QObject):
    """The backup command and the daily automatic backup of one window."""

    backed_up = Signal(object)  # the BackupResult of a backup the user asked for
    auto_backed_up = Signal(object)  # the BackupResult of an automatic backup

    def __init__(self, shell: Shell, *, settings: QSettings | None = None) -> None:
        super().__init__(shell.parent)
        self.shell = shell
        self.window = shell.parent  # the parent of the dialogs
        self._settings = settings
        self.operation: Op | None = None
        self.auto_operation: Op | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.message_box: QMessageBox | None = None
        self.action = make_action(self.window, text.ACTION_BACKUP, self.back_up)
        self.auto_timer = QTimer(self)  # the first look, a few seconds after a database is shown
        self.auto_timer.setSingleShot(True)
        self.auto_timer.timeout.connect(self.auto_back_up)
        self.daily_timer = QTimer(self)  # and again a day after each look, while the app is open
        self.daily_timer.setSingleShot(True)
        self.daily_timer.setInterval(DAY_MS)
        self.daily_timer.timeout.connect(self.auto_back_up)

    @property
    def settings(self) -> QSettings:
        if self._settings is None:
            from ui.common.report_printer import default_settings

            self._settings = default_settings()
        return self._settings

    @property
    def workspace(self) -> Workspace:
        return self.shell.workspace

    # -- the menu command --------------------------------------------------------------------
    def back_up(self) -> Op | None:
        """Ask for a target, then copy the database and its attachments there on a worker."""
        if self.operation is not None and self.operation.running:
            return None
        database = self.workspace.path
        if database is None:
            self._show(QMessageBox.Icon.Warning, text.FAILED_TITLE, text.NEEDS_FILE)
            return None
        self.shell.flush_view()  # a burst of typing ends in the copy
        target = self._ask_target(database)
        return None if target is None else self.back_up_to(target)

    def _ask_target(self, database: Path) -> Path | None:
        from ui.common.report_printer import default_folder

        folder = Path(str(self.settings.value(FOLDER_KEY, "") or default_folder()))
        if not folder.is_dir():
            folder = default_folder()
        chosen = ask_save_path(self.window, text.SAVE_TITLE, folder / suggested_name(database),
                               {text.FILE_FILTER: (".sqlite3", ".sqlite", ".db")})
        if chosen is None:
            return None
        target = chosen[0]
        self.settings.setValue(FOLDER_KEY, str(target.parent))
        self.settings.sync()
        return target

    def back_up_to(self, target: Path) -> Op | None:
        """Copy to ``target`` (no dialog asked), with a progress dialog; then say where."""
        database = self.workspace.path
        if database is None:
            return None

        from qualityschool_desktop.backup import backup  # with the database layer: not at start-up

        def work(workspace: Any, progress: Any, _cancelled: Callable[[], bool]) -> BackupResult:  # worker thread
            def files(done: int, total: int) -> None:
                progress(done, total, text.COPYING_FILES.format(done=done, total=total))

            return backup(workspace, target, progress=files, overwrite=True)  # the save dialog asked

        dialog = QProgressDialog(text.BACKING_UP, "", 0, 0, self.window)
        dialog.setWindowTitle(text.BACKUP_TITLE)
        dialog.setCancelButton(None)  # one consistent snapshot: nothing to stop half-way
        dialog.setMinimumWidth(380)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(300)
        dialog.setValue(0)
        self.progress_dialog = dialog
        self.operation = self.shell.ops.run(
            work, database=database, read_only=True,
            on_success=self._backed_up, on_failure=self._failed, on_progress=self._on_progress,
        )
        self.operation.abandoned.connect(self._close_progress)  # the database was switched meanwhile
        return self.operation

    def _on_progress(self, done: int, total: int, message: str) -> None:
        dialog = self.progress_dialog
        if dialog is None:
            return
        if message:
            dialog.setLabelText(message)
        if total > 0:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))

    def _close_progress(self) -> None:
        dialog, self.progress_dialog = self.progress_dialog, None
        if dialog is not None:
            dialog.close()
            dialog.deleteLater()

    def _backed_up(self, result: BackupResult) -> None:
        self._close_progress()
        if result.attachment_count:
            message = text.DONE_NOTICE.format(path=result.path, count=count_text(result.attachment_count),
                                              attachments=result.attachments_dir.name)
        else:
            message = text.DONE_NOTICE_NO_FILES.format(path=result.path)
        # A copy of the database is for this app to open, not the system: its folder only.
        self.shell.notify(Notice(message, file=result.path, openable=False))
        self.backed_up.emit(result)

    def _failed(self, error: BaseException) -> None:
        self._close_progress()
        add_detail(self._show(QMessageBox.Icon.Warning, text.FAILED_TITLE, error_message(error)), error)

    def _show(self, icon: QMessageBox.Icon, title: str, message: str, detail: str = "") -> QMessageBox:
        # open(), not exec(): the window keeps running and tests can read and close the box.
        box = QMessageBox(icon, title, message, QMessageBox.StandardButton.Ok, self.window)
        if detail:
            box.setInformativeText(detail)
            informative = box.findChild(QLabel, "qt_msgbox_informativelabel")
            if informative is not None:  # the path can be selected and copied, on few lines
                informative.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                informative.setMinimumWidth(460)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _result: setattr(self, "message_box", None) if self.message_box is box else None)
        self.message_box = box
        box.open()
        return box

    # -- the automatic backup ----------------------------------------------------------------
    def workspace_attached(self, database: Path | None) -> None:
        """A database is shown: look whether its daily copy is due a few seconds from now."""
        self.stop()
        if wants_auto_backup(database):
            self.auto_timer.start(AUTO_DELAY_MS)

    def stop(self) -> None:
        self.auto_timer.stop()
        self.daily_timer.stop()

    def auto_back_up(self) -> Op | None:
        """When the daily copy is due, make it on a worker; quietly, unless it fails."""
        database = self.workspace.path
        if not wants_auto_backup(database) or (self.auto_operation is not None and self.auto_operation.running):
            return None
        assert database is not None
        from qualityschool_desktop.backup import auto_backup, auto_backup_due

        if not auto_backup_due(database):
            self.daily_timer.start()
            return None

        def work(workspace: Workspace | None, _progress: Any, _cancelled: Callable[[], bool]) -> BackupResult | None:
            assert workspace is not None  # the helper opens one on the database file
            return auto_backup(workspace)

        self.auto_operation = self.shell.ops.run(work, database=database, read_only=True, on_success=self._auto_done,
                                                 on_failure=self._auto_failed)
        return self.auto_operation

    def _auto_done(self, result: BackupResult | None) -> None:
        self.daily_timer.start()  # a day after this copy, not after the look that started it
        if result is not None:
            self.shell.notify(Notice(text.AUTO_DONE.format(path=result.path.parent), folder=result.path.parent,
                                     kind="info", unasked=True))
            self.auto_backed_up.emit(result)

    def _auto_failed(self, error: BaseException) -> None:
        self.daily_timer.start()
        if getattr(error, "reason", None) == "damaged":
            # The copy failed its integrity check: the file is damaged (the window's fault guard recorded
            # it); said as damage, with the backups' folder, not as a copy to try again tomorrow.
            box = QMessageBox(QMessageBox.Icon.Critical, text.DAMAGED_TITLE, error_message(error),
                              QMessageBox.StandardButton.Ok, self.window)
        else:
            box = QMessageBox(QMessageBox.Icon.Warning, text.AUTO_FAILED_TITLE,
                              text.AUTO_FAILED.format(error=error_message(error)), QMessageBox.StandardButton.Ok,
                              self.window)
        add_detail(box, error)
        damaged = getattr(error, "reason", None) == "damaged"
        # A failed copy: the user goes on working, it waits to be read. Damage: modal to the window and
        # above it, as the fault guard's box (test28 N5: without a window manager it opened behind it).
        box.setWindowModality(Qt.WindowModality.WindowModal if damaged else Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _result: setattr(self, "message_box", None) if self.message_box is box else None)
        self.message_box = box
        box.show()
        box.raise_()
        box.activateWindow()
