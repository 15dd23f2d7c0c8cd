"""มุมมอง › ตัวเลข: Thai or Arabic digits for every view, chosen once (``ui/common/digits.py``
keeps the choice and tells the views).

A record view (an assessment, its results, a visit) writes its numbers again itself (it follows
``digits.notice()``: typing in it is never disturbed); the page shown otherwise (the lists, a
school, the district picture) is brought up to date as when it is shown, and the other pages are
when they are shown next."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from ui.common import digits

from . import strings as text
from .api import GROUP_DIGITS, MENU_VIEW, Shell
from .navigation import Navigator


class DigitMenu(QObject):
    """The submenu and its two choices, checked as the setting is (also when it changes elsewhere)."""

    def __init__(self, shell: Shell, window: QWidget, navigator: Navigator) -> None:
        super().__init__(window)
        self._navigator = navigator
        self._window = window
        self.menu = QMenu(text.MENU_DIGITS, window)
        self.menu.setToolTipsVisible(True)
        group = QActionGroup(self.menu)
        group.setExclusive(True)
        self.choices: dict[str, QAction] = {}
        for style, caption in (("thai", text.ACTION_DIGITS_THAI), ("arabic", text.ACTION_DIGITS_ARABIC)):
            action = QAction(caption, self.menu)
            action.setCheckable(True)
            action.setToolTip(text.DIGITS_TIP)
            action.setObjectName(f"digits-{style}")
            action.triggered.connect(lambda _checked=False, chosen=style: digits.set_style(chosen))
            group.addAction(action)
            self.menu.addAction(action)
            self.choices[style] = action
        shell.add_action(MENU_VIEW, self.menu.menuAction(), GROUP_DIGITS)
        digits.follow(self.sync)
        self.sync()

    def sync(self) -> None:
        self.choices[digits.style()].setChecked(True)
        if not self._window.isVisible():
            return  # a closed window (its database may be closed too): its pages refresh when shown
        navigator = self._navigator
        if not navigator.is_record(navigator.location.kind):
            page = navigator.current()
            if page is not None:
                page.show(navigator.location, None)
