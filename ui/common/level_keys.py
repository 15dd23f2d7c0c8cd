"""The keys on a row of level buttons: digits in any keyboard layout, and arrows with a modifier.

Issue 11 (F11e): with the Thai (Kedmanee) layout on, the digit-row keys type ``ๅ / - ภ ถ`` and
the views' shortcuts "1".."5" never fired; and Alt+→ on a level button moved the radio button
(and saved a new level) like a plain arrow. :class:`LevelKeys` watches the buttons: a digit-row
key chooses its level whatever the layout, and an arrow with Alt/Ctrl/Shift/Meta is never the
button's (a view's shortcut, e.g. Alt+→ "next item", takes it before the button sees it).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QLocale, QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QAbstractButton

__all__ = ["LevelKeys", "level_of_key"]

# The Kedmanee layout's digit row, unshifted (1..0), and the Thai digits.
_THAI_ONLY = {"ๅ": 1, "ภ": 4, "ถ": 5, "ุ": 6, "ึ": 7, "ค": 8, "ต": 9, "จ": 0}
_THAI_ONLY.update({chr(0x0E50 + value): value for value in range(10)})
# Also on the Kedmanee digit row, but other keys on an English layout: read only as digits
# when the layout in use is Thai.
_THAI_ASCII = {"/": 2, "-": 3}
# X11/Wayland (xkb keycodes) and Windows scan codes of the digit row 1..9, 0.
_XKB_ROW = {10 + index: (index + 1) % 10 for index in range(10)}
_WINDOWS_ROW = {2 + index: (index + 1) % 10 for index in range(10)}
# macOS virtual key codes (kVK_ANSI_1 …) of the digit row.
_MAC_ROW = {0x12: 1, 0x13: 2, 0x14: 3, 0x15: 4, 0x17: 5, 0x16: 6, 0x1A: 7, 0x1C: 8, 0x19: 9, 0x1D: 0}
_ARROWS = (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down)
_MODIFIERS = (Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ControlModifier
              | Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.MetaModifier)


def level_of_key(key: int, text: str, *, scan_code: int, virtual_key: int, platform: str = sys.platform,
                 thai_layout: bool | None = None) -> int | None:
    """The digit (0–9) a key on the digit row means, whatever the keyboard layout, else None.

    The physical key where Qt gives it (Windows: the virtual key '0'..'9'; macOS: the ANSI key
    code; X11/Wayland: the xkb keycode 10..19), else the text: the Thai digits ๐–๙ and the
    Kedmanee layout's unshifted digit row ``ๅ / - ภ ถ ุ ึ ค ต จ`` (the ASCII ``/`` and ``-`` only
    when ``thai_layout``, since elsewhere they are other keys).
    """
    if Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
        return key - Qt.Key.Key_0
    if platform == "win32" and ord("0") <= virtual_key <= ord("9"):
        return virtual_key - ord("0")
    if platform == "darwin" and virtual_key in _MAC_ROW:
        return _MAC_ROW[virtual_key]
    if platform.startswith(("linux", "freebsd")) and scan_code in _XKB_ROW:
        return _XKB_ROW[scan_code]
    if platform == "win32" and scan_code in _WINDOWS_ROW:
        return _WINDOWS_ROW[scan_code]
    if text in _THAI_ONLY:
        return _THAI_ONLY[text]
    if text in _THAI_ASCII and thai_layout:
        return _THAI_ASCII[text]
    return None


def _thai_layout() -> bool:
    return QGuiApplication.inputMethod().locale().language() == QLocale.Language.Thai


class LevelKeys(QObject):
    """Watches level buttons (:meth:`watch`): a digit-row key in a layout whose digits are not
    digits calls ``choose(value)``; an arrow with a modifier is swallowed, never moving the
    chosen button. Plain digits are left to the view's shortcuts, plain arrows to Qt."""

    def __init__(self, choose: Callable[[int], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._choose = choose

    def watch(self, buttons: Iterable[QAbstractButton]) -> None:
        for button in buttons:
            button.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.key() in _ARROWS and event.modifiers() & _MODIFIERS:
            return True
        if event.modifiers() & (Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ControlModifier
                                | Qt.KeyboardModifier.MetaModifier):
            return False
        if Qt.Key.Key_0 <= event.key() <= Qt.Key.Key_9:
            return False  # the view's own shortcut "1".."9" has it (or had it)
        # With Shift the digit row types other characters (Kedmanee: ๑ on the 2 key): read the text.
        physical = not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        value = level_of_key(event.key(), event.text(), scan_code=event.nativeScanCode() if physical else 0,
                             virtual_key=event.nativeVirtualKey() if physical else 0, thai_layout=_thai_layout())
        if value is None:
            return False
        self._choose(value)
        return True
