"""Changes another process committed to the open database (``main.py import`` in a terminal while
the window is open, try10 F7): the window re-reads what it shows when it is active again.

SQLite's ``PRAGMA data_version`` (the core's :func:`~qualityschool_desktop.picture_cache.stamp`)
moves when any other connection commits. It is taken when the window loses the focus and compared
when it gets it back: a person who ran a command elsewhere comes back to a window that says what is
in the file now. Only then, not on a timer: while the window is active its own saves run on worker
connections and move the same number, and their own change notices already say what changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from qualityschool_desktop.changes import Changes

if TYPE_CHECKING:  # the database layer loads after the window's first paint (test_shell)
    from PySide6.QtCore import Qt

    from qualityschool_desktop.workspace import Workspace


class ExternalChanges(QObject):
    """Publish :meth:`Changes.all` when the database changed while the window was not active;
    ``workspace`` gives the window's workspace (None when there is none), ``publish`` the notice."""

    def __init__(self, parent: QObject, workspace: Callable[[], Workspace | None],
                 publish: Callable[[Changes], None]) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._publish = publish
        self._seen: int | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.applicationStateChanged.connect(self._state_changed)

    def _version(self) -> int | None:
        from qualityschool_desktop import picture_cache

        workspace = self._workspace()
        taken = picture_cache.stamp(workspace) if workspace is not None else None
        return taken[0] if taken is not None else None

    def _state_changed(self) -> None:
        """Qt's ``applicationStateChanged``, taken without its argument: the window connects it
        before its first page has painted, and until then nothing has built the ``Qt`` namespace's
        Python enums (issue 16: "ready"); PySide refuses to hand a slot a ``Qt.ApplicationState``
        then ("cannot be converted": the change was lost). The state is asked for instead."""
        app = QApplication.instance()
        if isinstance(app, QApplication):
            self.application_state(app.applicationState())

    def application_state(self, state: Qt.ApplicationState) -> None:
        """Note the database's version on leaving; on coming back, tell the pages when it moved."""
        from PySide6.QtCore import Qt  # built by ``state`` already: this costs nothing more (see above)

        if state != Qt.ApplicationState.ApplicationActive:
            self._seen = self._version()
            return
        now, seen = self._version(), self._seen
        self._seen = None
        if seen is not None and now is not None and now != seen:
            self._publish(Changes.all())
