"""Texts changed outside the page (issue 13, tester's F11): ``report summary --texts`` or a second
window wrote the round's texts while the page showed them. The page then shows the stored texts
again and says so, and a keystroke never saves over a change it has not shown (the text typed
last would otherwise silently replace the newer one).

SQLite's ``PRAGMA data_version`` (read through :func:`qualityschool_desktop.picture_cache.stamp`)
moves only when another connection committed, so a look every :data:`EVERY_MS` while the page is
shown costs one pragma; the texts are read again only when it moved."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject, QTimer

from qualityschool_desktop import picture_cache

if TYPE_CHECKING:
    from qualityschool_desktop.inspection.texts import OfficeTexts
    from qualityschool_desktop.workspace import Workspace

EVERY_MS = 2000
Pair = tuple["OfficeTexts", "OfficeTexts"]  # the round's texts, and the area office's own


class OutsideChanges(QObject):
    """Remembers the texts the page last showed or saved; ``changed()`` is called when the stored
    ones differ from them after another connection wrote."""

    def __init__(self, workspace: Workspace, read: Callable[[], Pair | None], changed: Callable[[bool], None],
                 active: Callable[[], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._read = read
        self._changed = changed
        self._active = active
        self.known: Pair | None = None
        self._version: int | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(EVERY_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def seen(self, pair: Pair | None = None) -> None:
        """The page shows (or has just stored) ``pair``, else what is stored now."""
        self.known = pair if pair is not None else self._read()
        self._version = self._data_version()

    def _data_version(self) -> int | None:
        taken = picture_cache.stamp(self._workspace)
        return taken[0] if taken is not None else None

    def check(self) -> bool:
        """Look now; True when the stored texts were changed elsewhere (``changed`` was called)."""
        if not self._active() or self.known is None:
            return False
        version = self._data_version()
        if version is None or version == self._version:
            return False
        self._version = version
        return self.differs(typed=False)

    def differs(self, *, typed: bool = True) -> bool:
        """Compare the stored texts with those shown, whatever the version says (before a typed
        save: ``typed``, the keystroke is then not saved)."""
        stored = self._read()
        if stored is None or self.known is None or stored == self.known:
            return False
        self._changed(typed)
        return True
