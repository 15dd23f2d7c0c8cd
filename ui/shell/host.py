"""The window's side of :class:`ui.shell.api.Shell`: what the features are handed.

A small object, not the main window itself, so a feature holds the interface and nothing more:
it reaches the window's page stack, menus, notice bar and status bar only through these methods.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, TypeVar

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMainWindow, QWidget

from ui.common.screen import open_fitted

from . import strings as text
from .api import CrumbsOf, Location, PageFactory, SchoolTabSpec
from .navigation import Kind, Navigator

if TYPE_CHECKING:
    from qualityschool_desktop.workspace import Workspace

    from ui.common.notices import Notice, NoticeBar
    from ui.common.ops import Ops

    from .menus import Menus


T = TypeVar("T")


class WindowShell:
    """The :class:`~ui.shell.api.Shell` of one window."""

    def __init__(self, window: QMainWindow, workspace: Callable[[], Workspace], ops: Ops, navigator: Navigator,
                 menus: Menus, notices: NoticeBar) -> None:
        self._window = window
        self._notices = notices
        self._workspace = workspace
        self._ops = ops
        self._navigator = navigator
        self._menus = menus
        self._tabs: list[SchoolTabSpec] = []
        self._on_workspace: list[Callable[[Workspace], None]] = []
        self._on_checked: list[Callable[[Workspace], None]] = []
        self._on_close: list[Callable[[], None]] = []
        self.off_in_record_views: list[QAction] = []
        self._usual_tips: dict[QAction, str] = {}  # their own tips, shown again outside record views
        self.editing: list[QAction] = []  # off while the database shown is read-only
        self.active_dialog: QDialog | None = None

    # -- what the features read ----------------------------------------------------------------
    @property
    def workspace(self) -> Workspace:
        return self._workspace()

    @property
    def ops(self) -> Ops:
        return self._ops

    @property
    def parent(self) -> QWidget:
        return self._window

    @property
    def read_only(self) -> bool:
        return self._workspace().read_only

    @property
    def location(self) -> Location:
        return self._navigator.location

    # -- what they add -------------------------------------------------------------------------
    def add_action(self, menu: str, action: QAction, group: str | None = None, *,
                   in_record_views: bool = True, edits: bool = False) -> QAction:
        self._window.addAction(action)  # shortcuts work even with the menu bar hidden or unfocused
        self._menus.add(menu, action, group)
        if not in_record_views:
            self.off_in_record_views.append(action)
            self._usual_tips[action] = action.toolTip() if action.toolTip() != action.text().replace("&", "") else ""
            self._menus.menu(menu).setToolTipsVisible(True)  # the reason it is off shows on pointing at it
        if edits:
            self.editing.append(action)
        return action

    def refresh_actions(self, *, record: bool) -> None:
        """Turn the features' actions on or off for where the window is (``record``: a record view
        is shown) and for the database shown (read-only: no editing command)."""
        read_only = self.read_only
        for action in {*self.off_in_record_views, *self.editing}:
            action.setEnabled(not (record and action in self.off_in_record_views)
                              and not (read_only and action in self.editing))
        # Greyed in a record view with no reason, they seemed broken (TEST31 T13): the reason, and
        # the way to have them back, on pointing at them (the menu's tooltip, the status bar).
        for action, usual in self._usual_tips.items():
            tip = text.OFF_IN_RECORD_VIEWS if record else usual
            action.setToolTip(tip)
            action.setStatusTip(tip)

    def register_page(self, kind: str, make: PageFactory, crumbs: CrumbsOf, *, record: bool = False,
                      owns_alt_left: bool = False) -> None:
        self._navigator.register(Kind(kind, make, crumbs, record=record, owns_alt_left=owns_alt_left))

    def page(self, kind: str) -> QWidget | None:
        return self._navigator.page(kind)

    def add_school_tab(self, spec: SchoolTabSpec) -> None:
        self._tabs.append(spec)

    def school_tabs(self) -> list[SchoolTabSpec]:
        return sorted(self._tabs, key=lambda spec: spec.order)

    # -- moving --------------------------------------------------------------------------------
    def navigate(self, location: Location, *, push: bool = False, gone: bool = False) -> None:
        self._navigator.navigate(location, push=push, gone=gone)

    def go_back(self) -> None:
        self._navigator.go_back()

    def go_home(self) -> None:
        self._navigator.go_home()

    def showing_record(self) -> bool:
        return self._navigator.is_record(self._navigator.location.kind)

    def flush_view(self) -> None:
        self._navigator.flush_record()

    def current_school_id(self) -> str | None:
        page = self._navigator.current()
        return page.school_id() if page is not None and page.school_id is not None else None

    # -- the window ----------------------------------------------------------------------------
    def show_status(self, message: str, timeout_ms: int = 10000) -> None:
        self._window.statusBar().showMessage(message, timeout_ms)

    def notify(self, notice: Notice | None) -> None:
        self._notices.show_notice(notice)

    def open_dialog(self, dialog: QDialog, on_accept: Callable[[], None] | None = None) -> QDialog:
        self.active_dialog = dialog
        if on_accept is not None:
            dialog.accepted.connect(on_accept)
        dialog.finished.connect(dialog.deleteLater)
        open_fitted(dialog)
        return dialog

    # -- the window's life ---------------------------------------------------------------------
    def on_workspace(self, callback: Callable[[Workspace], None]) -> None:
        self._on_workspace.append(callback)

    def on_checked(self, callback: Callable[[Workspace], None]) -> None:
        self._on_checked.append(callback)

    def on_close(self, callback: Callable[[], None]) -> None:
        self._on_close.append(callback)

    def workspace_shown(self, workspace: Workspace) -> None:
        for callback in self._on_workspace:
            callback(workspace)
        if not workspace.checks_pending:  # opened checked (a switch, a reopening): at once
            self.workspace_checked(workspace)

    def workspace_checked(self, workspace: Workspace) -> None:
        """The shown ``workspace``'s file passed its checks (``ui/shell/app.py`` at start)."""
        for callback in self._on_checked:
            callback(workspace)

    def installed_late(self, install: Callable[[], T], workspace: Workspace | None) -> T:
        """Run ``install`` (features installed after a database was shown): those of its
        ``on_workspace`` callbacks, and ``on_checked`` if its checks are done, are called at once
        with ``workspace``, as they would have been had they been installed before it was shown."""
        shown, checked = len(self._on_workspace), len(self._on_checked)
        installed = install()
        if workspace is not None:
            for callback in self._on_workspace[shown:]:
                callback(workspace)
            if not workspace.checks_pending:
                for callback in self._on_checked[checked:]:
                    callback(workspace)
        return installed

    def closing(self) -> None:
        for callback in self._on_close:
            callback()
