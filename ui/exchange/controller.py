"""Exchange files from the window: the แฟ้ม menu's export and import commands.

The feature's ``install`` (``ui/exchange/feature.py``) puts the commands in the แฟ้ม menu and
keeps an :class:`ExchangeController` for the window. Everything slow runs on a worker through the
window's :mod:`ui.common.ops` helper, on a workspace of its own (read-only to export and preview, a
worker connection to import; SQLite connections belong to their thread):

* export — choose what (everything / a school / a supervisor's visits), where (a ``.qsx`` file),
  then write it with a progress dialog that can cancel; the window's notice bar says where it went;
* import — choose files (or a folder), read each with ``preview_import`` (nothing is written),
  show :class:`~ui.exchange.import_dialog.ImportPreviewDialog` (a school confirmed there as "the
  same school" reads its file again with ``same_schools=``), and only when the user confirms apply
  the ticked files one at a time (file n of m, cancel stops between files), each with the schools
  confirmed for it, then a summary with the way to the pending changes and conflicts it left; the
  import's change notice (what its files wrote) makes the pages showing those records re-read;
* the changes waiting for a person, the conflicts and the senders' keys — dialogs of their own
  (``pending_dialog``, ``conflicts_dialog``, ``signers_dialog``) that write through the save-state
  helper on the window's connection (one short transaction each) and publish change notices.

The exchange core is reached through :class:`~ui.exchange.api.ExchangeApi`, which tests replace
with stand-ins.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Sequence

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QProgressDialog, QWidget

from qualityschool_desktop.changes import Changes
from qualityschool_desktop.errors import QualitySchoolError
from ui.common.digits import number as count_text
from ui.common.digits import shown
from ui.common.notices import Notice
from ui.common.save_dialog import ask_save_path
from ui.common.ops import Cancelled, Op, add_detail, error_message as op_error_message, file_reason
from ui.common.screen import open_fitted

from . import result_strings as r
from . import strings as s
from .api import ExchangeApi

if TYPE_CHECKING:
    from qualityschool_desktop.schools import School
    from qualityschool_desktop.workspace import Workspace

    # The dialogs are imported when first used: the window's frame paints without them (issue 16).
    from .export_dialog import ExportDialog
    from .import_dialog import FileCheck, ImportPreviewDialog

    from ui.shell.api import Shell

FOLDER_KEY = "exchange/folder"


@dataclass
class ApplyOutcome:
    """What applying the chosen files did: per file a result, a Thai refusal, or not reached."""

    results: list[tuple[Path, Any]] = field(default_factory=list)
    refused: list[tuple[Path, str]] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    cancelled: bool = False
    not_chosen: list[Path] = field(default_factory=list)  # read, importable, left unticked (test30a B1)

    @property
    def not_done(self) -> int:
        """The files chosen that were not imported: refused (in the preview or by the import),
        not reached, or left unticked."""
        return len(self.refused) + len(self.skipped) + len(self.not_chosen)

    @property
    def changes(self) -> Changes:
        """What the applied files wrote: the kinds of record with new, updated or conflicting rows,
        and the changes left waiting for a person and the conflicts kept (a result that does not
        say is taken to have changed anything)."""
        if any(not hasattr(result, "counts") for _path, result in self.results):
            return Changes.all()
        counted = [counts for _path, result in self.results for counts in result.counts.values()]
        tables = {table for _path, result in self.results for table, counts in result.counts.items()
                  if counts.new or counts.updated or counts.conflicting}
        for _path, result in self.results:  # decided by the file's bindings, the office's tick too (s32 B20)
            rejudged = getattr(result, "rejudged", None)
            tables |= {table for table, _id in (rejudged.records if rejudged is not None else ())}
        if any(getattr(result, "files_written", 0) for _path, result in self.results):
            tables.add("attachments")
        if any(getattr(result, "own_brought_back", 0) for _path, result in self.results):
            tables.add("comments")  # this office's own answers a forget had kept aside (test28 N1)
        return Changes.from_tables(tables) | Changes(
            signers=bool(self.results),  # a sender checked by phone is saved with its file (B15)
            pending=any(counts.pending for counts in counted),
            conflicts=any(counts.conflicting for counts in counted),
        )


def error_message(error: object, target: Path | None = None) -> str:
    if isinstance(error, QualitySchoolError):
        from .words import refusal_text  # with the dialogs, not at the window's start (issue 16)

        return refusal_text(error)
    if isinstance(error, OSError):
        return s.FAILED_WRITE.format(path=target or error.filename or "", reason=file_reason(error))
    return op_error_message(error)


# -- the controller --------------------------------------------------------------------------
class ExchangeController(QObject):
    """Export and import for one window (``shell``). ``api`` and ``settings`` are replaceable for tests."""

    exported = Signal(object)  # the Path of an exchange file written
    imported = Signal(object)  # the ApplyOutcome of an import that ran

    def __init__(self, shell: Shell, *, api: ExchangeApi | None = None, settings: QSettings | None = None) -> None:
        super().__init__(shell.parent)
        self.shell = shell
        self.window = shell.parent  # the parent of the dialogs
        self._api = api
        self._settings = settings
        self.ops = shell.ops
        self.operation: Op | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.dialog: QDialog | None = None  # the export, preview, result or conflicts dialog open now
        self.message_box: QMessageBox | None = None
        self.last_outcome: ApplyOutcome | None = None
        # The headers of the files previewed, verified once for their batch check and import
        # (``open_package(checked=…)``: a file changed since is verified again, as the CLI's import).
        self._checked: dict[bytes, Any] = {}
        # The menu commands, set by the feature's install.
        self.export_action: QAction | None = None
        self.import_action: QAction | None = None
        self.import_folder_action: QAction | None = None
        self.pending_action: QAction | None = None
        self.conflicts_action: QAction | None = None
        self.signers_action: QAction | None = None

    # -- plumbing ----------------------------------------------------------------------------
    @property
    def api(self) -> ExchangeApi:
        if self._api is None:
            self._api = ExchangeApi.real()
        return self._api

    @property
    def settings(self) -> QSettings:
        if self._settings is None:
            from ui.common.report_printer import default_settings

            self._settings = default_settings()
        return self._settings

    @property
    def workspace(self) -> Workspace:
        return self.shell.workspace

    @property
    def busy(self) -> bool:
        return self.operation is not None and self.operation.running

    def _database(self) -> Path | None:
        path = self.workspace.path
        if path is None:
            self._show_message(s.IMPORT_FAILED, s.NEEDS_FILE)
        return path

    def _folder(self) -> Path:
        from ui.common.report_printer import default_folder

        folder = Path(str(self.settings.value(FOLDER_KEY, "") or default_folder()))
        return folder if folder.is_dir() else default_folder()

    def _remember_folder(self, folder: Path) -> None:
        self.settings.setValue(FOLDER_KEY, str(folder))
        self.settings.sync()

    def _run(self, work: Callable[..., Any], label: str, on_success: Callable[[Op, Any], None],
             on_failure: Callable[[Op, object], None], *, database: Path, read_only: bool = True,
             changes: Any = None, parent: QWidget | None = None) -> Op:
        dialog = QProgressDialog(label, s.CANCEL, 0, 0, parent or self.window)
        dialog.setWindowTitle(s.IMPORT_TITLE)
        dialog.setMinimumWidth(440)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(300)
        dialog.setValue(0)
        self.progress_dialog = dialog

        def succeeded(value: object) -> None:
            self._close_progress()
            on_success(operation, value)

        def failed(error: object) -> None:
            self._close_progress()
            on_failure(operation, error)

        operation = self.ops.run(work, database=database, read_only=read_only, changes=changes,
                                 on_success=succeeded, on_failure=failed, on_progress=self._on_progress)
        dialog.canceled.connect(operation.cancel)
        operation.abandoned.connect(self._close_progress)  # the database was switched meanwhile
        self.operation = operation
        return operation

    def _on_progress(self, done: int, total: int, message: str) -> None:
        dialog = self.progress_dialog
        if dialog is None or dialog.wasCanceled():
            return
        if message:
            dialog.setLabelText(message)
        if total > 0:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))

    def _close_progress(self) -> None:
        dialog, self.progress_dialog = self.progress_dialog, None
        if dialog is not None:
            dialog.canceled.disconnect()  # closing emits "canceled": the work is already over
            dialog.close()
            dialog.deleteLater()

    def _notify(self, notice: Notice) -> None:
        self.shell.notify(notice)

    def _show_message(self, title: str, message: str, icon: QMessageBox.Icon = QMessageBox.Icon.Warning,
                      error: object = None) -> None:
        box = QMessageBox(icon, title, message, QMessageBox.StandardButton.Ok, self.window)
        add_detail(box, error)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _result: setattr(self, "message_box", None) if self.message_box is box else None)
        self.message_box = box
        box.open()

    def _open(self, dialog: QDialog, on_accept: Callable[[], object] | None = None) -> QDialog:
        """Window-modal and non-blocking (``open``, not ``exec``), so tests can drive it too."""
        self.dialog = dialog
        if on_accept is not None:
            dialog.accepted.connect(on_accept)
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None) if self.dialog is dialog else None)
        dialog.finished.connect(dialog.deleteLater)
        open_fitted(dialog)
        return dialog

    # -- export ------------------------------------------------------------------------------
    def export(self) -> QDialog | None:
        if self.busy or self._database() is None:
            return None
        workspace = self.workspace
        schools = workspace.schools.list()
        current = self._current_school()
        from .export_dialog import ExportDialog, visitor_names

        dialog = ExportDialog(schools, visitor_names(workspace), current, self.window,
                              demo=workspace.schools.is_demo_database())
        return self._open(dialog, lambda: self._export_chosen(dialog))

    def _current_school(self) -> School | None:
        """The school shown, or the one selected in the list."""
        school_id = self.shell.current_school_id()
        if school_id is None:
            return None
        try:
            return self.workspace.schools.get(school_id)
        except QualitySchoolError:
            return None

    def _export_chosen(self, dialog: ExportDialog) -> Op | None:
        from qualityschool_desktop.exchange.senders import own_sender

        from .export_dialog import default_export_name

        scope, school, visitor = dialog.scope()
        sender = own_sender(self.workspace) if scope == "all" else None  # the name says who sends (TEST31 T3)
        suggested = self._folder() / default_export_name(scope, school=school, visitor=visitor, sender=sender)
        chosen = ask_save_path(self.window, s.EXPORT_SAVE_TITLE, suggested, {s.FILE_FILTER: (".qsx",)})
        if chosen is None:
            return None
        target = chosen[0]
        self._remember_folder(target.parent)
        return self.export_to(target, school_codes=[school.code] if school is not None else None,
                              visitor=visitor or None)

    def export_to(self, target: Path, *, school_codes: list[str] | None = None, visitor: str | None = None) -> Op | None:
        """Write ``target`` on a worker (no dialogs asked)."""
        database = self._database()
        if database is None or self.busy:
            return None
        export_file = self.api.export_file

        def work(workspace: Any, progress: Any, cancelled: Callable[[], bool]) -> Any:  # worker thread
            try:
                return export_file(workspace, target, school_codes=school_codes, visitor=visitor,
                                   progress=progress, cancelled=cancelled)
            except Exception as error:
                if cancelled():
                    raise Cancelled() from error
                raise

        def done(operation: Op, summary: Any) -> None:
            if operation.is_cancelled():
                target.unlink(missing_ok=True)  # the user asked for no file
                self._notify(Notice(s.EXPORT_CANCELLED, kind="info"))
                return
            written = Path(summary.path)
            records = sum(summary.counts.values())
            # An exchange file is for this app on another laptop: its folder, to attach or copy it.
            message = s.EXPORTED_COUNTS.format(path=written, records=count_text(records),
                                               files=count_text(summary.files))
            self._notify(Notice(message, file=written, openable=False))
            self.exported.emit(written)

        def failed(operation: Op, error: object) -> None:
            if operation.is_cancelled() or isinstance(error, Cancelled):
                self._notify(Notice(s.EXPORT_CANCELLED, kind="info"))
                return
            self._show_message(s.EXPORT_FAILED, error_message(error, target), error=error)

        operation = self._run(work, s.EXPORTING, done, failed, database=database)
        assert self.progress_dialog is not None
        self.progress_dialog.setWindowTitle(s.EXPORT_TITLE)
        return operation

    # -- import ------------------------------------------------------------------------------
    def import_files(self) -> Op | None:
        if self.busy or self._database() is None or self.shell.read_only:
            return None
        from ui.common.file_dialogs import thai_file_dialogs  # with the dialog: ~55 ms CPU of imports (issue 16)
        with thai_file_dialogs():  # Qt's own dialog, where it draws one, in Thai terms
            names, _ = QFileDialog.getOpenFileNames(self.window, s.IMPORT_OPEN_TITLE, str(self._folder()), s.FILE_FILTER)
        if not names:
            return None
        paths = [Path(name) for name in names]
        self._remember_folder(paths[0].parent)
        return self.preview(paths)

    def import_folder(self) -> Op | None:
        if self.busy or self._database() is None or self.shell.read_only:
            return None
        from ui.common.file_dialogs import thai_file_dialogs  # with the dialog: ~55 ms CPU of imports (issue 16)
        with thai_file_dialogs():  # Qt's own dialog, where it draws one, in Thai terms
            name = QFileDialog.getExistingDirectory(self.window, s.IMPORT_FOLDER_TITLE, str(self._folder()))
        if not name:
            return None
        folder = Path(name)
        self._remember_folder(folder)
        paths = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".qsx" and p.is_file())
        if not paths:
            self._show_message(s.IMPORT_TITLE, s.FOLDER_EMPTY.format(folder=folder), QMessageBox.Icon.Information)
            return None
        return self.preview(paths)

    def preview(self, paths: list[Path]) -> Op | None:
        """Read every file on a worker (nothing is written), then show the preview dialog. Not
        while the open file is known damaged (the window's damaged box is up, or was): a notice
        says the files were not imported, nothing goes over the box (test29b B4)."""
        database = self._database()
        if database is None or self.busy:
            return None
        if self.workspace.damage is not None:
            self._notify(Notice(s.NOT_IMPORTED_DAMAGED.format(files=", ".join(path.name for path in paths),
                                                               name=database.name),
                                folder=paths[0].parent if paths else None, kind="failed"))
            return None
        from .import_dialog import FileCheck

        preview_import, batch_clashes = self.api.preview_import, self.api.batch_clashes
        checked = self._checked = {}

        def work(workspace: Any, progress: Any, cancelled: Callable[[], bool]) -> list[FileCheck]:  # worker thread
            checks: list[FileCheck] = []
            for number, path in enumerate(paths):
                if cancelled():
                    raise Cancelled()
                progress(number, len(paths),
                         s.READING.format(done=count_text(number + 1), total=count_text(len(paths))))
                try:
                    checks.append(FileCheck.read(path, preview_import(workspace, path, checked=checked)))
                except QualitySchoolError as error:
                    checks.append(FileCheck.refusal(path, error))
                except OSError as error:
                    checks.append(FileCheck(path, error=op_error_message(error)))
            # Files claiming one new school with different keys: none is ticked, as the command line
            # refuses them all (test30a B10); the order of their names decides nothing.
            readable = [check.path for check in checks if not check.refused]
            clashing = batch_clashes(workspace, readable, checked) if len(readable) > 1 else {}
            checks = [FileCheck.refusal(check.path, clashing[check.path], check) if check.path in clashing else check
                      for check in checks]
            progress(len(paths), len(paths), "")
            return checks

        def done(operation: Op, checks: list[FileCheck]) -> None:
            if operation.is_cancelled():
                self._notify(Notice(s.READ_CANCELLED, kind="info"))
                return
            self.show_preview(checks)

        def failed(operation: Op, error: object) -> None:
            if operation.is_cancelled() or isinstance(error, Cancelled):
                self._notify(Notice(s.READ_CANCELLED, kind="info"))
                return
            self._show_message(s.IMPORT_FAILED, error_message(error), error=error)

        return self._run(work, s.READING_START, done, failed, database=database)

    def show_preview(self, checks: list[FileCheck]) -> ImportPreviewDialog:
        from .import_dialog import ImportPreviewDialog

        dialog = ImportPreviewDialog(checks, self.recheck, self.window)
        self._open(dialog, lambda: self.apply(dialog.chosen(), left_out=dialog.left_out()))
        return dialog

    def recheck(self, check: FileCheck, same_codes: frozenset[str]) -> Op | None:
        """Read ``check``'s file again on a worker with ``same_codes`` confirmed as the same
        schools, and give the preview dialog open now the new reading (None when cancelled)."""
        from .import_dialog import FileCheck, ImportPreviewDialog

        dialog = self.dialog
        database = self._database()
        if database is None or self.busy or not isinstance(dialog, ImportPreviewDialog):
            return None
        preview_import, checked = self.api.preview_import, self._checked
        path = check.path

        def work(workspace: Any, progress: Any, cancelled: Callable[[], bool]) -> FileCheck:  # worker thread
            try:
                preview = preview_import(workspace, path, same_schools=check.same_schools(same_codes), checked=checked)
            except QualitySchoolError as error:  # a vouch ticked or unticked stays on the card
                return FileCheck.refusal(path, error, check, same_codes)
            except OSError as error:
                return FileCheck(path, error=op_error_message(error))
            return FileCheck.read(path, preview, check, same_codes)

        def deliver(new: FileCheck | None) -> None:
            if self.dialog is dialog:  # still open
                dialog.checked_again(path, new)

        def done(operation: Op, new: FileCheck) -> None:
            deliver(None if operation.is_cancelled() else new)

        def failed(_operation: Op, error: object) -> None:
            deliver(None)
            if not isinstance(error, Cancelled):
                self._show_message(s.IMPORT_FAILED, error_message(error), error=error)

        return self._run(work, s.RECHECKING.format(name=path.name), done, failed, database=database, parent=dialog)

    def apply(self, checks: list[FileCheck], left_out: Sequence[FileCheck] = ()) -> Op | None:
        """Import the chosen files one at a time on a worker; cancel stops between files.
        ``left_out``: the other files the preview read (refused there, or left unticked): the
        result and the notice count and name them too (test30a B1)."""
        database = self._database()
        if database is None or self.busy or not checks:
            return None
        apply_import, checked = self.api.apply_import, self._checked
        self._checked = {}  # the next preview reads its files afresh
        paths = [check.path for check in checks]
        same = {check.path: check.same_schools() for check in checks}
        trust = {check.path: check.trust_signer for check in checks}  # saved with the import (B15)
        office = {check.path: check.office_key for check in checks}  # s32 B20: bound by the import

        refused_before = [(check.path, check.error) for check in left_out if check.refused]
        not_chosen = [check.path for check in left_out if not check.refused]
        total = len(paths) + len(left_out)

        def work(workspace: Any, progress: Any, cancelled: Callable[[], bool]) -> ApplyOutcome:  # worker thread
            outcome = ApplyOutcome(refused=list(refused_before), not_chosen=list(not_chosen))
            for number, path in enumerate(paths):
                if cancelled():
                    # Each file is one transaction: those done stay done, the rest wait.
                    outcome.cancelled = True
                    outcome.skipped = paths[number:]
                    break
                progress(number, len(paths),
                         s.APPLYING.format(n=count_text(number + 1), m=count_text(len(paths)), name=path.name))
                try:
                    outcome.results.append((path, apply_import(workspace, path, same_schools=same[path],
                                                                   trust_signer=trust[path], checked=checked,
                                                                   **({"office_key": office[path]} if office[path] else {}))))
                except QualitySchoolError as error:
                    outcome.refused.append((path, error_message(error)))
                except OSError as error:
                    outcome.refused.append((path, op_error_message(error)))
            progress(len(paths), len(paths), "")
            return outcome

        def done(_operation: Op, outcome: ApplyOutcome) -> None:
            self.last_outcome = outcome
            self.show_outcome(outcome, total)
            self.imported.emit(outcome)

        def failed(_operation: Op, error: object) -> None:
            self._show_message(s.IMPORT_FAILED, error_message(error), error=error)

        # The pages re-read what the files wrote (a failure half-way publishes "anything may have changed").
        first = s.APPLYING.format(n=count_text(1), m=count_text(len(paths)), name=paths[0].name)
        operation = self._run(work, first, done, failed,
                              database=database, read_only=False, changes=lambda outcome: outcome.changes)
        assert self.progress_dialog is not None
        self.progress_dialog.setMaximum(len(paths))
        return operation

    def show_outcome(self, outcome: ApplyOutcome, total: int) -> QDialog:
        from .import_dialog import ImportResultDialog

        dialog = ImportResultDialog(outcome, total, self.window)
        dialog.show_conflicts.connect(lambda: self.show_conflicts(outcome))
        dialog.show_pending.connect(self.show_pending)
        totals = dialog.totals
        from qualityschool_desktop.exchange.replies import named as named_replies

        replies = named_replies([result for _path, result in outcome.results], count_text)  # TEST34C C9
        message = r.RESULT_NOTICE.format(done=count_text(len(outcome.results)), total=count_text(total),
                                         new=count_text(totals['new']), updated=count_text(totals['updated']),
                                         named=r.RESULT_NOTICE_NAMED.format(what=replies) if replies else "")
        if dialog.pending_count:  # still waiting after the batch (retest30 N1)
            message += r.RESULT_NOTICE_PENDING.format(count=count_text(dialog.pending_count))
        if totals["conflicting"]:
            message += r.RESULT_NOTICE_CONFLICTS.format(count=count_text(totals['conflicting']))
        if dialog.not_taken:  # VERIFY31 V4
            message += r.RESULT_NOTICE_NOT_TAKEN.format(count=count_text(dialog.not_taken))
        made = [same.code for _path, result in outcome.results for same in getattr(result, "made_same", ())]
        if made:  # what moved is in the result window (fx30 B7a)
            message += r.RESULT_NOTICE_SAME.format(codes=", ".join(shown(code) for code in made))
        if outcome.not_done:
            message += r.RESULT_NOTICE_NOT_DONE.format(count=count_text(outcome.not_done))
        folders = {path.parent for path, _result in outcome.results}
        failed = not outcome.results and bool(outcome.refused)
        self._notify(Notice(message, folder=folders.pop() if len(folders) == 1 else None,
                            kind="failed" if failed else "done"))
        return self._open(dialog)

    # -- what waits for a person -------------------------------------------------------------
    def show_pending(self) -> QDialog:
        """การเปลี่ยนแปลงที่รอตรวจสอบ: accept or reject what keys that do not own a record sent."""
        from .pending_dialog import PendingDialog

        return self._open(PendingDialog(lambda: self.workspace, self.api, self.ops, self.window))

    def show_conflicts(self, outcome: ApplyOutcome | None = None) -> QDialog:
        """The conflicts kept and not yet settled; after an import, those from its files."""
        from .conflicts_dialog import ConflictsDialog

        sources = {path.name for path, _result in outcome.results} if outcome is not None else None
        return self._open(ConflictsDialog(lambda: self.workspace, self.api, self.ops, self.window, sources=sources))

    # -- the senders' keys -------------------------------------------------------------------
    def manage_signers(self) -> QDialog:
        from .signers_dialog import SignersDialog

        return self._open(SignersDialog(lambda: self.workspace, self.api, self.ops, self.window))
