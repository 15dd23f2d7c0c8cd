"""The follow-up's "เกี่ยวกับ" list: the whole school, a component or one of its 74 items.

TEST31 T5: the list wrote "องค์ประกอบที่ 4 / ประเด็น 1.1.1" in Arabic digits in a Thai-digit
window, and reaching องค์ประกอบที่ ๔ took 53 presses of ↓: Qt's own type-ahead matches the start
of an entry, and every entry starts with "องค์ประกอบที่" or "ประเด็น". Here the codes follow the
window's digits, and what is typed while the list has the keyboard finds an entry: a code in
either digits ("๔", "4", "1.1.1", "๑.๑.๑": the first entry whose code starts so) or a word of its
title ("ห้องสมุด"). Keys typed within :attr:`ScopeCombo.TYPED_PAUSE_MS` of each other make one
search; the entry found is chosen as ↓ would choose it (``activated``, so it is saved). In the open
list (clicked open, or Alt+↓) typing moves the highlight to the entry found and Enter chooses it
(TEST31b U1).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QWidget

from qualityschool_desktop import thai
from qualityschool_desktop.framework import Framework
from ui.common import digits

from . import strings as text
from .panels import QuietCombo


class ScopeCombo(QuietCombo):
    """"ภาพรวม" (data ""), then each component (its code) and its items (their codes)."""

    TYPED_PAUSE_MS = 1000  # a longer pause starts a new search

    def __init__(self, framework: Framework, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._typed = ""
        self._typed_at = 0.0
        self._watching_list = False  # the open list's keys come here too (see showPopup)
        # (code, title, is_component) of the entries after "ภาพรวม", in order.
        self._entries: list[tuple[str, str, bool]] = []
        self.addItem(text.FOLLOW_UP_SCOPE_NONE, "")
        for component in framework.components:
            self._entries.append((component.code, component.title, True))
            self.addItem("", component.code)
            for item in component.items:
                self._entries.append((item.code, item.title, False))
                self.addItem("", item.code)
        self.setToolTip(text.FOLLOW_UP_SCOPE_TIP)
        # As wide as the form gives, not as its longest item's title: that made the follow-ups
        # section wider than its pane at 150 %, its buttons cut at the right edge (TEST34C C6).
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(18)
        self.render_digits()

    def render_digits(self) -> None:
        """Write the codes in the window's digits (again when the style changes)."""
        for index, (code, title, is_component) in enumerate(self._entries, start=1):
            template = text.FOLLOW_UP_SCOPE_COMPONENT if is_component else text.FOLLOW_UP_SCOPE_ITEM
            self.setItemText(index, template.format(code=digits.shown(code), title=title))

    def index_of(self, typed: str) -> int:
        """The entry ``typed`` finds (-1 for none): a code starting with it, in Thai or Arabic
        digits, else the first title holding it."""
        wanted = thai.arabic_digits(typed.strip())
        if not wanted:
            return -1
        for index, (code, _title, _is_component) in enumerate(self._entries, start=1):
            if code.startswith(wanted):
                return index
        for index, (_code, title, _is_component) in enumerate(self._entries, start=1):
            if wanted in title:
                return index
        return -1

    def event(self, event: QEvent) -> bool:
        # Plain digits are the view's level shortcuts ("1".."5"); here they are typed, as in a text box.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and self._typeable(event):
            event.accept()
            return True
        return super().event(event)

    @staticmethod
    def _typeable(event: QKeyEvent) -> bool:
        from PySide6.QtCore import Qt

        typed = event.text()
        plain = not (event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                                          | Qt.KeyboardModifier.MetaModifier))
        return plain and bool(typed) and typed.isprintable() and not typed.isspace()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt name)
        index = self._search(event)
        if index is None:
            super().keyPressEvent(event)  # arrows, Space to open the list, Tab, shortcuts …
            return
        if index >= 0 and index != self.currentIndex():
            self.setCurrentIndex(index)
            self.activated.emit(index)  # chosen by the user, as ↓ does: saved
        event.accept()

    def showPopup(self) -> None:  # noqa: N802 (Qt name)
        # The open list has the keyboard: typing there finds an entry too (TEST31b U1: a mouse
        # user clicks the list open, then types "4"; Qt's list only matched the entries' starts).
        if not self._watching_list:
            self._watching_list = True
            self.view().installEventFilter(self)
        super().showPopup()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if (watched is self.view() and event.type() == QEvent.Type.ShortcutOverride
                and isinstance(event, QKeyEvent) and self._typeable(event)):
            # The view's level keys 0–5 act while any child has the focus, the open list too (it is
            # a popup, which Qt's WidgetWithChildrenShortcut looks through): digits typed here are
            # a search (VERIFY31 U1), so they come to the KeyPress below instead.
            event.accept()
            return True
        if watched is self.view() and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            index = self._search(event)
            if index is not None:
                if index >= 0:  # highlighted, as ↓ would; Enter or a click chooses it, Esc does not
                    from PySide6.QtWidgets import QAbstractItemView  # the list is open: after "ready"

                    found = self.model().index(index, self.modelColumn())
                    self.view().setCurrentIndex(found)
                    # At the top: a component's items show below it, not out of sight.
                    self.view().scrollTo(found, QAbstractItemView.ScrollHint.PositionAtTop)
                return True
        return super().eventFilter(watched, event)

    def _search(self, event: QKeyEvent) -> int | None:
        """The entry found with ``event``'s character added to what was typed just before (-1:
        none); None when the key is not typing (an arrow, Enter, Tab, a shortcut)."""
        typed = event.text()
        now = time.monotonic()
        if now - self._typed_at > self.TYPED_PAUSE_MS / 1000:
            self._typed = ""
        if not self._typeable(event) and not (typed == " " and self._typed):  # a space inside words
            return None
        self._typed_at = now
        self._typed += typed
        return self.index_of(self._typed)
