"""The visit's photos and files (แนบไฟล์ / เปิด / นำออก), for the visit as a whole and for each
component: each attach box is wired here and every change goes through the view's saver, so a
refusal shows in the save line and is retried like any other edit. Split from view.py (ui33)."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from qualityschool_desktop.errors import QualitySchoolError
from qualityschool_desktop.visit_records import Visit, VisitAttachment
from qualityschool_desktop.workspace import Workspace
from ui.common.notices import Notice
from ui.common.save_lines import ERROR_COLOUR
from ui.common.save_state import Saver, done

from . import strings as text
from .panels import AttachmentBox
from .sections import open_in_viewer

# (name shown, save key, restore, refresh): the view offers "เลิกทำ" for the last removal.
OfferUndo = Callable[[str, Hashable, Callable[[], None], Callable[[], None]], None]


class VisitFiles(QObject):
    """Attach, open and remove the visit's files; ``refresh`` shows the stored list again."""

    noticed = Signal(object)  # a Notice: a file this computer cannot open

    def __init__(self, workspace: Workspace, saver: Saver, visit: Callable[[], Visit], refresh: Callable[[], None],
                 offer_undo: OfferUndo, dialog_parent: QWidget) -> None:
        super().__init__(dialog_parent)
        self._workspace, self._saver, self._visit = workspace, saver, visit
        self._refresh, self._offer_undo, self._parent = refresh, offer_undo, dialog_parent

    def wire(self, box: AttachmentBox, scope: str) -> None:
        box.attach_button.clicked.connect(partial(self.choose, scope))
        box.open_button.clicked.connect(partial(self.open, box))
        box.list.itemActivated.connect(lambda _row: self.open(box))
        box.remove_button.clicked.connect(partial(self.remove, box))

    def attachments(self) -> list[VisitAttachment]:
        return self._saver.read(lambda: self._workspace.visits.attachments(self._visit().id), [])

    def choose(self, scope: str, _checked: bool = False) -> None:
        from ui.common.file_dialogs import choose_attachments  # with the dialog: ~55 ms CPU of imports (issue 16)
        self.add(scope, choose_attachments(self._parent, text.ATTACH_DIALOG))

    @staticmethod
    def _key(scope: str, *rest: str) -> tuple[str, ...]:
        return ("general", "files", *rest) if not scope else ("finding", scope, "files", *rest)

    def add(self, scope: str, files: list[Path]) -> None:
        for path in files:
            added = self._saver.run(partial(self._workspace.visits.add_attachment, self._visit().id, scope, path),
                                    key=self._key(scope, str(path)), on_saved=lambda _a: self._refresh())
            if added is None:
                break
        self._refresh()

    def _chosen(self, box: AttachmentBox) -> VisitAttachment | None:
        attachment_id = box.selected_id()
        return next((a for a in self.attachments() if a.id == attachment_id), None)

    def open(self, box: AttachmentBox, _checked: bool = False) -> None:
        attachment = self._chosen(box)
        if attachment is None:
            return
        try:
            copy = self._workspace.visits.copy_attachment_to_open(attachment.id)
        except QualitySchoolError as error:
            self._saver.say(text.OPEN_FILE_FAILED_BECAUSE.format(reason=error), ERROR_COLOUR)
            return
        if not open_in_viewer(copy):  # the reason and the way on, in the bar that stays until closed
            self.noticed.emit(Notice(text.OPEN_FILE_FAILED.format(name=attachment.file_name), file=copy,
                                     openable=False, kind="failed"))

    def remove(self, box: AttachmentBox, _checked: bool = False) -> None:
        attachment = self._chosen(box)
        visits = self._workspace.visits
        if attachment is None:
            return
        key = self._key(attachment.scope_code, attachment.id)

        def removed(_done: bool) -> None:
            self._offer_undo(attachment.file_name, key, partial(visits.restore_attachment, attachment.id),
                             self._refresh)
            self._refresh()

        self._saver.run(partial(done, visits.remove_attachment, attachment.id), quiet=True, key=key,
                        on_saved=removed)
