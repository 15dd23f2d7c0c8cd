"""The files attached to the item shown in the assessment view: add, open, remove, undo.

Split out of view.py (which had reached 600 lines) with no change of behaviour. Every change goes
through the view's saver, so the note by the attachment list shows a refusal and "saved" is only
said for what the database took.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QPushButton, QWidget

from qualityschool_desktop.attachments import Attachment
from qualityschool_desktop.errors import QualitySchoolError
from qualityschool_desktop.workspace import Workspace
from ui.common.notices import Notice
from ui.common.save_lines import ERROR_COLOUR
from ui.common.save_state import Saver, done

from . import strings as text
from .panels import ItemPanel


class ItemAttachments:
    """The attachments of one assessment's shown item (``current_code()`` names it, or None)."""

    def __init__(self, workspace: Workspace, assessment_id: str, panel: ItemPanel, saver: Saver,
                 undo_button: QPushButton, current_code: Callable[[], str | None],
                 notice: Callable[[Notice], None], parent: QWidget) -> None:
        self._workspace = workspace
        self._assessment_id = assessment_id
        self._panel = panel
        self._saver = saver
        self._undo_button = undo_button
        self._current_code = current_code
        self._notice = notice
        self._parent = parent
        self._removed: str | None = None
        panel.attachment_list.itemActivated.connect(lambda _row: self.open())
        panel.attach_button.clicked.connect(self.choose)
        panel.open_button.clicked.connect(self.open)
        panel.remove_button.clicked.connect(self.remove)
        undo_button.clicked.connect(self.undo_remove)

    def of_item(self, item_code: str) -> list[Attachment]:
        return self._saver.read(lambda: self._workspace.attachments.for_item(self._assessment_id, item_code), [])

    def choose(self) -> None:
        from ui.common.file_dialogs import choose_attachments  # with the dialog: ~55 ms CPU of imports (issue 16)
        self.add(choose_attachments(self._parent, text.ATTACH_DIALOG))

    def add(self, files: list[Path]) -> None:
        code = self._current_code()
        if code is None:
            return
        attachments = self._workspace.attachments
        for path in files:
            key = ("attachments", code, str(path))
            added = self._saver.run(partial(attachments.add, self._assessment_id, code, path),
                                    key=key, on_saved=self.refresh)
            if added is None:
                break
            # Another file went in: an earlier file's refusal is over (test33 T12).
            self._saver.forget_refused(partial(_attachments_of, code=code, but=key))
        self.refresh()

    def shown(self, item_code: str) -> None:
        """The view shows ``item_code`` now: refusals of other items' files are past."""
        self._saver.forget_refused(partial(_attachments_of, not_of=item_code))

    def refresh(self, *_saved: object) -> None:
        code = self._current_code()
        if code is not None:
            self._panel.show_attachments(self.of_item(code))

    def _selected(self) -> Attachment | None:
        attachment_id = self._panel.selected_attachment_id()
        if attachment_id is None:
            return None
        return self._saver.read(lambda: self._workspace.attachments.get(attachment_id), None)

    def open(self) -> None:
        """Open the selected file in the system's viewer. The core copies its content to a name it
        makes inside the app's own folder: the stored name is a label from whoever sent the file
        (``../../x.sh``, an absolute path), never a path to write to or a program to run."""
        attachment = self._selected()
        if attachment is None:
            return
        try:
            copy = self._workspace.attachments.copy_to_open(attachment.id)
        except QualitySchoolError as error:
            self._saver.say(text.OPEN_FAILED_BECAUSE.format(reason=error), ERROR_COLOUR)
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy))):  # the reason and the way on
            self._notice(Notice(text.OPEN_FAILED.format(name=attachment.file_name), file=copy,
                                openable=False, kind="failed"))

    def remove(self) -> None:
        attachment = self._selected()
        code = self._current_code()
        if attachment is None or code is None:
            return

        def removed(_done: bool) -> None:
            self._removed = attachment.id
            self._saver.say(text.REMOVED_ATTACHMENT.format(name=attachment.file_name))
            self._undo_button.show()
            self.refresh()

        self._saver.run(partial(done, self._workspace.attachments.remove, attachment.id), quiet=True,
                        key=("attachments", code, attachment.id), on_saved=removed)

    def undo_remove(self) -> None:
        code = self._current_code()
        if self._removed is None or code is None:
            return
        attachment_id = self._removed

        def restored(_done: bool) -> None:
            self._removed = None
            self._undo_button.hide()
            self.refresh()

        self._saver.run(partial(done, self._workspace.attachments.restore, attachment_id),
                        key=("attachments", code, attachment_id), on_saved=restored)


def _attachments_of(key: Hashable, *, code: str | None = None, not_of: str | None = None,
                    but: Hashable = None) -> bool:
    """Is ``key`` a save of an item's attachments: of item ``code`` when given, of another item
    than ``not_of`` when given, other than the save ``but``?"""
    if not isinstance(key, tuple) or len(key) < 2 or key[0] != "attachments" or key == but:
        return False
    return (code is None or key[1] == code) and (not_of is None or key[1] != not_of)
