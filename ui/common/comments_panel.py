"""A small list of comments with a box to add one (issue 10: others comment, never overwrite).

Shared by the follow-up list (the school answers a follow-up: "ตอบกลับ") and the assessment view (a
supervisor or the office comments on an item of a self-assessment). The panel never calls the core
itself: the page gives it what to read (``load``) and how to add (``add``), and the panel runs the
add through a :class:`~ui.common.save_state.Saver`, so "บันทึกแล้ว" shows only for a comment the
database holds and a refused one keeps its text in the box with the core's Thai reason.
Ctrl+Enter in the box adds; the author's name and role are remembered in the window's settings.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication, QFrame, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton,
    QVBoxLayout, QWidget,
)

from qualityschool_desktop.changes import Changes

from . import digits
from .save_lines import SaveStateLine
from .save_state import Saver
from .settings import default_settings

if TYPE_CHECKING:
    from qualityschool_desktop.comments import Comment

TITLE = "ความคิดเห็น"
REPLY = "ตอบกลับ"
ADD = "เพิ่มความคิดเห็น"
BOX_PLACEHOLDER = "พิมพ์ความคิดเห็น แล้วกด “{button}” (Ctrl+Enter)"
NAME_PLACEHOLDER = "ชื่อผู้เขียน"
ROLE_PLACEHOLDER = "ตำแหน่ง"
NONE_YET = "ยังไม่มีความคิดเห็น"
NOTHING_CHOSEN = "เลือกรายการก่อน จึงจะเห็นและเพิ่มความคิดเห็นได้"
SAVED = "บันทึกความคิดเห็นแล้ว ✓ {time}"
BY_HERE = "เครื่องนี้"
LINE = "{who} · {when}\n{body}"
COUNT = "{title} ({count})"
NAME_KEY, ROLE_KEY = "comments/author_name", "comments/author_role"

Load = Callable[[], "list[Comment]"]
Add = Callable[[str, str, str], "Comment"]  # (body, author name, author role) -> the stored comment


class CommentsPanel(QFrame):
    """The comments on one record and an add box. :meth:`show_for` points it at a record."""

    def __init__(self, parent: QWidget | None = None, *, button: str = ADD, installation_id: str = "",
                 publish: Callable[[Changes], None] | None = None,
                 names: Callable[[], dict[str, str]] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("commentsPanel")
        self._installation_id = installation_id
        # Who wrote a comment without typing a name: the laptop's name and key as the senders' list
        # shows them (``exchange.editors.editor_names``), its short id only when nothing is known (try27 F4b).
        self._names = names
        self._known: dict[str, str] = {}
        self._load: Load | None = None
        self._add: Add | None = None
        self._comments: list[Comment] = []
        self.title = QLabel(TITLE, self)
        self.title.setObjectName("sectionLabel")
        self.list = QListWidget(self)
        self.list.setObjectName("commentList")
        self.list.setAccessibleName(TITLE)
        self.list.setWordWrap(True)
        self.list.setMinimumHeight(72)
        self.box = QPlainTextEdit(self)
        self.box.setObjectName("commentBox")
        self.box.setAccessibleName(TITLE)
        self.box.setPlaceholderText(BOX_PLACEHOLDER.format(button=button))
        self.box.setTabChangesFocus(True)
        self.box.setFixedHeight(56)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(NAME_PLACEHOLDER)
        self.name.setAccessibleName(NAME_PLACEHOLDER)
        self.role = QLineEdit(self)
        self.role.setPlaceholderText(ROLE_PLACEHOLDER)
        self.role.setAccessibleName(ROLE_PLACEHOLDER)
        settings = default_settings()
        self.name.setText(str(settings.value(NAME_KEY, "") or ""))
        self.role.setText(str(settings.value(ROLE_KEY, "") or ""))
        self.add_button = QPushButton(button, self)
        self.add_button.setObjectName("addCommentButton")
        self.add_button.setToolTip(f"{button} (Ctrl+Enter)")
        self.add_button.clicked.connect(self.submit)
        self.save_line = SaveStateLine("", self)
        self._saver = Saver(self.save_line, self, publish=publish, changes=Changes(comments=True))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.box)
        row = QHBoxLayout()
        row.addWidget(self.name, 2)
        row.addWidget(self.role, 2)
        row.addWidget(self.add_button)
        row.addWidget(self.save_line, 3)
        layout.addLayout(row)
        # Ctrl+Enter is taken by the box itself (not a QShortcut): a page with a Ctrl+Enter of its
        # own (the visit view adds a row with it) would make the two ambiguous, and neither acts.
        self.box.installEventFilter(self)
        self.setTabOrder(self.list, self.box)
        self.setTabOrder(self.box, self.name)
        self.setTabOrder(self.name, self.role)
        self.setTabOrder(self.role, self.add_button)
        digits.follow(self._render)
        self.show_for(None, None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Enter in the box adds the comment, whatever shortcuts the page around it has."""
        if watched is self.box and event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            assert isinstance(event, QKeyEvent)
            if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                    and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    self.submit()
                return True
        return super().eventFilter(watched, event)

    def show_for(self, load: Load | None, add: Add | None) -> None:
        """Show the comments ``load`` reads (None: no record chosen) and let ``add`` store a new one
        (None: this record cannot be commented on here, e.g. a read-only database)."""
        self._load, self._add = load, add
        self.reload()

    def reload(self) -> None:
        """Read the comments again (another page or an import may have added some)."""
        self._comments = self._saver.read(self._load, []) if self._load is not None else []
        if self._names is not None and any(not c.author_name for c in self._comments):
            self._known = self._saver.read(self._names, {})
        self._render()
        enabled = self._load is not None and self._add is not None
        for widget in (self.box, self.name, self.role, self.add_button):
            widget.setEnabled(enabled)

    def _render(self) -> None:
        self.list.clear()
        count = len(self._comments)
        self.title.setText(COUNT.format(title=TITLE, count=digits.shown(count)) if count else TITLE)
        for comment in self._comments:
            known = "" if comment.written_by == self._installation_id else self._known.get(comment.written_by)
            who = " ".join(part for part in (comment.author_name, comment.author_role and f"({comment.author_role})")
                           if part) or (BY_HERE if known == "" else known or comment.written_by[:8])
            item = QListWidgetItem(LINE.format(who=who, when=digits.moment(comment.written_at),
                                               body=comment.body))  # typed text stays as typed
            item.setToolTip(comment.body)
            self.list.addItem(item)
        if not self._comments:
            placeholder = QListWidgetItem(NONE_YET if self._load is not None else NOTHING_CHOSEN)
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(placeholder)
        else:
            self.list.scrollToBottom()

    def lines(self) -> list[str]:
        """Each comment as the list shows it (for tests and accessibility)."""
        return [self.list.item(row).text() for row in range(self.list.count()) if self._comments]

    def submit(self) -> None:
        """Add what the box holds (through the page's ``add``); the box empties once it is stored."""
        add, body = self._add, self.box.toPlainText()
        if add is None or not self.add_button.isEnabled():
            return
        name, role = self.name.text(), self.role.text()

        def saved(_comment: "Comment") -> None:
            self.box.clear()
            settings = default_settings()
            settings.setValue(NAME_KEY, name.strip())
            settings.setValue(ROLE_KEY, role.strip())
            self.reload()

        focus = QApplication.focusWidget()
        focused = focus if focus is not None and self.isAncestorOf(focus) else None
        stored = self._saver.run(lambda: add(body, name, role), key="comment", saved=SAVED, on_saved=saved)
        # The page reads its list again on the change (the panel's controls shut for a moment): the
        # focus went on to "‹ ย้อนกลับ" and the next Space left the page (TEST35 T8). Back to the box.
        if stored is not None and focused is not None and self.box.isEnabled() and self.box.isVisible():
            self.box.setFocus(Qt.FocusReason.OtherFocusReason)
