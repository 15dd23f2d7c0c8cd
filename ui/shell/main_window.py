"""The main window: a stack of pages, a back button with a breadcrumb, the menus and a status bar.

The window holds the one open :class:`Workspace` and the operations helper (``self.ops``,
:mod:`ui.common.ops`); the features (``ui/shell/features.py``) bring the pages, the commands and
the school page's tabs through the interface they are handed (:class:`ui.shell.api.Shell`), and
pages re-read what they show when the helper's change notices say it changed. The window itself
knows only its frame: where it is (``ui/shell/navigation.py``), its own commands (open a
database, print what is shown, back, about, quit) and what switching databases takes: cancel and
wait for running work, close the old workspace, show the new one.
"""

from __future__ import annotations

import weakref
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QPushButton, QVBoxLayout, QWidget

from qualityschool_desktop.errors import QualitySchoolError
from ui.common.qt_numbers import ALIGN_CENTER, RICH_TEXT
from ui.common.screen import room

from . import strings as text
from .keys import (
    ADD_SCHOOL_ACTION, GROUP_ABOUT, GROUP_DATABASE, GROUP_NAVIGATION, GROUP_PRINT, GROUP_QUIT, IMPORT_FILES_ACTION,
    MENU_FILE, MENU_HELP, MENU_SCHOOLS, WELCOME,
)
from .menus import Menus
from .page_stack import PageStack, scrolling
from .database_lock import Outcome
from .single_instance import InstanceGuard

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QCloseEvent
    from PySide6.QtWidgets import QDialog

    from qualityschool_desktop.changes import Changes
    from qualityschool_desktop.workspace import Workspace

    from ui.common.notices import NoticeBar
    from ui.common.ops import Ops

    from .api import Location, Page
    from .database_actions import DatabaseActions
    from .digit_menu import DigitMenu
    from .external_changes import ExternalChanges
    from .host import WindowShell
    from .navigation import Navigator

# The smallest window: less than what a 1366×768 screen at 150 % scaling leaves (910×485
# logical pixels) once the frame is drawn around it (``ui.common.screen.FRAME``).
MINIMUM_SIZE = QSize(760, 440)

# The database's name in the status bar is cut to this width (its tooltip has the whole path).
DB_LABEL_WIDTH = 320


def elided(name: str, label: QLabel) -> str:
    metrics = label.fontMetrics()
    if metrics.horizontalAdvance(name) <= DB_LABEL_WIDTH:
        return name  # whole, without ``Qt``: the window shows a file's name before its first page (below)
    from PySide6.QtCore import Qt

    return metrics.elidedText(name, Qt.TextElideMode.ElideMiddle, DB_LABEL_WIDTH)


# The pages, dialogs and the database layer are imported when first needed, not with this
# module: the window's frame paints first and the data follows (benchmarks/bench_startup.py).
# The frame is what a user sees in that instant (the menu bar's titles, the top bar, a loading
# line, the status bar); the menus' commands, the navigation, the notice bar and the features are
# made by MainWindow.complete right after it has painted (issue 16: first paint). Nothing before
# that touches the Qt namespace (``Qt.AlignmentFlag`` …), QAction or QKeySequence: shiboken builds
# every Python enum of a class the first time the class is used, 93 of them for ``Qt`` alone.
# Nor between the first paint and the first page's ("ready", issue 16): the breadcrumb's format is
# set as a property too (ui/common/qt_numbers.py: ALIGN_CENTER, RICH_TEXT).


def _show_failure(parent: QWidget, message: str, error: QualitySchoolError) -> None:
    from ui.common.ops import show_failure

    show_failure(parent, message, error)


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace | None, parent: QWidget | None = None,
                 instance: InstanceGuard | None = None, *, frame_first: bool = False) -> None:
        """With ``workspace`` None the window shows its frame and a loading line until
        :meth:`attach` hands it the open database. ``instance`` holds its database file's lock.
        ``frame_first`` (the start, ``ui/shell/app.py``): only the frame is made now, the rest by
        :meth:`complete` once it has painted (its commands are off until a database is attached)."""
        super().__init__(parent)
        self.instance = instance or InstanceGuard()
        self.instance.setParent(self)  # the window it brings forward
        self._closed = False
        self._print_watched: weakref.WeakSet[QWidget] = weakref.WeakSet()  # pages whose print_changed is heard
        self._completed = False
        self._frame_first = frame_first

        self.back_button = QPushButton(text.BACK_BUTTON)
        self.back_button.setObjectName("backButton")
        self.back_button.setToolTip(text.BACK_TIP)
        self.back_button.clicked.connect(self.go_back)
        self.breadcrumb = QLabel()
        self.breadcrumb.setObjectName("breadcrumb")
        top = QWidget()
        top.setObjectName("topBar")
        top_layout = QHBoxLayout(top)
        top_layout.setContentsMargins(12, 6, 12, 6)
        top_layout.addWidget(self.back_button)
        top_layout.addSpacing(8)
        top_layout.addWidget(self.breadcrumb, 1)
        self.top_bar = top

        self.stack = PageStack()
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(top)
        central_layout.addWidget(scrolling(self.stack), 1)
        self.setCentralWidget(central)
        self._central_layout = central_layout  # the notice bar takes its room at its end (complete)

        # The file's name, its whole path in the tooltip: a permanent widget that stretched over
        # the status bar left no room for the bar's own messages.
        self.db_label = QLabel()
        self.db_label.setObjectName("statusPath")
        self.statusBar().addPermanentWidget(self.db_label)
        self.menus = Menus(self.menuBar())  # their titles now, their commands in complete()
        self._fit_to_screen()
        if workspace is None:
            self.loading_label = QLabel(text.LOADING)
            self.loading_label.setProperty("alignment", ALIGN_CENTER)
            self.stack.addWidget(self.loading_label)
            self.back_button.hide()  # nowhere to go back to yet
        if not frame_first:
            self.complete()
        if workspace is not None:
            self.attach(workspace)

    def complete(self) -> None:
        """Make the rest of the window (once; :meth:`attach` calls it too): the operations helper,
        the notice bar, the navigation, the window's and the features' commands in the menus.
        Without a database attached yet its commands stay off."""
        if self._completed:
            return
        self._completed = True
        from ui.common import digits
        from ui.common.notices import NoticeBar
        from ui.common.ops import Ops

        from . import breadcrumbs
        from .database_actions import DatabaseActions
        from .external_changes import ExternalChanges
        from .faults import FaultGuard
        from .features import install_features, install_first
        from .host import WindowShell
        from .navigation import Navigator

        self.instance.taken_over.connect(self._reopen_for_editing)  # a crash's lock taken over
        # Slow work and change notices (ui.common.ops); every page of this window subscribes to its notifier.
        self.ops = Ops(self)
        self.ops.notifier.changed.connect(self._on_changes)
        # Errors no page caught, and damage of the file met after opening (run_app installs it).
        self.faults = FaultGuard(self, lambda: None if self._closed else getattr(self, "workspace", None))
        self.ops.failure_filter = self.faults.worker_failure
        # A command run elsewhere on this file (an import): re-read when the window is active again.
        self.external_changes = ExternalChanges(
            self, lambda: None if self._closed or not hasattr(self, "workspace") else self.workspace, self.ops.publish)
        self.databases = DatabaseActions(self, self.ops, lambda: self.workspace.path, self.switch_workspace)
        self.breadcrumb.setProperty("textFormat", RICH_TEXT)  # empty until a database is attached
        self.breadcrumb.linkActivated.connect(lambda link: self.navigate(breadcrumbs.location_of(link)))
        digits.follow(self._show_breadcrumb)  # its years, rounds and dates in the digits chosen
        # What a print, export, import or backup did, and where (ui/common/notices.py): under the
        # page, in its own room, so it hides none of the page's bottom buttons (TEST31 T4).
        self.notices = NoticeBar()
        self.notices.take_room(self._central_layout)

        self.navigator = Navigator(self.stack, lambda: self.workspace, self)
        self.navigator.moved.connect(self._update_chrome)
        # A print's notice belongs to the page it was made from: another page takes it away (pdf32).
        self.navigator.moved.connect(lambda: self.notices.page_shown(self.navigator.location))
        self.shell = WindowShell(self, lambda: self.workspace, self.ops, self.navigator, self.menus, self.notices)
        self._build_actions()
        self.shell.register_page(WELCOME, self._welcome_page, lambda _workspace, _id: [])
        # What each feature installed (its controller), by name: for tests and for nothing else.
        # At start only the first page's (the school list's); the rest once it has painted
        # (complete_features), or as soon as the user goes beyond the list or types a key.
        self.features: dict[str, Any] = install_first(self.shell) if self._frame_first else install_features(self.shell)
        self._all_features = not self._frame_first
        self.navigator.before_away = self.complete_features
        if not hasattr(self, "workspace"):
            for action in self.actions():
                action.setEnabled(False)

    def complete_features(self) -> None:
        """Install the features :meth:`complete` left for after the first page (once; at start,
        ``ui/shell/app.py``, right after that page has painted; sooner when a page beyond the list is
        shown or the user types or clicks). They see the database shown as if it had just been
        attached (and checked, if it was), and their commands are on or off as the window's are."""
        if self._all_features or self._closed:
            return
        self._all_features = True
        from .features import install_rest

        workspace = getattr(self, "workspace", None)
        self.features.update(self.shell.installed_late(lambda: install_rest(self.shell), workspace))
        if workspace is None:
            for action in self.actions():
                action.setEnabled(False)
        else:
            self._update_chrome()

    def attach(self, workspace: Workspace) -> None:
        """Show ``workspace``: its pages are made on it as they are first shown; go to its home page."""
        self.complete()
        self.workspace = workspace
        self.navigator.clear()
        path = workspace.path
        self.setWindowTitle(text.WINDOW_TITLE.format(name=path.name if path else text.IN_MEMORY, app=text.APP_TITLE,
                                                     read_only=text.TITLE_READ_ONLY if workspace.read_only else ""))
        self.db_label.setText(text.STATUS_DB.format(path=elided(path.name if path else text.IN_MEMORY, self.db_label)))
        self.db_label.setToolTip(text.STATUS_DB_TIP.format(path=path) if path else text.IN_MEMORY)
        self.notices.dismiss()  # what was said was about the other database
        for action in self.actions():
            action.setEnabled(True)
        self.shell.refresh_actions(record=False)  # a read-only database: no editing command
        self.shell.workspace_shown(workspace)  # features drop what they held of the old one; the daily backup
        self.go_home()

    # -- construction ------------------------------------------------------------------------
    def _action(self, caption: str, handler: Callable[[], Any], menu: str, group: str, shortcut: Any = None) -> QAction:
        from ui.common.actions import make_action

        return self.shell.add_action(menu, make_action(self, caption, handler, shortcut), group)

    def _build_actions(self) -> None:
        from PySide6.QtGui import QKeySequence

        self.open_db_action = self._action(text.ACTION_OPEN_DB, self.databases.choose, MENU_FILE, GROUP_DATABASE,
                                           QKeySequence.StandardKey.Open)
        self.own_data_action = self._action(text.ACTION_OWN_DATA, self.databases.open_own_data, MENU_FILE,
                                            GROUP_DATABASE)
        self.demo_action = self._action(text.ACTION_DEMO, self.databases.open_demo, MENU_FILE, GROUP_DATABASE)
        self.print_action = self._action(text.ACTION_PRINT, self.print_shown, MENU_FILE, GROUP_PRINT,
                                         QKeySequence("Ctrl+P"))
        self.quit_action = self._action(text.ACTION_QUIT, self.close, MENU_FILE, GROUP_QUIT, QKeySequence("Ctrl+Q"))
        self.back_action = self._action(text.ACTION_BACK, self.go_back, MENU_SCHOOLS, GROUP_NAVIGATION,
                                        [QKeySequence("Alt+Left")])
        self.about_action = self._action(text.ACTION_ABOUT, self.show_about, MENU_HELP, GROUP_ABOUT)
        from .digit_menu import DigitMenu

        self.digit_menu = DigitMenu(self.shell, self, self.navigator)

    def _welcome_page(self, _location: Location) -> Page:
        from ui.common.edit_blocks import shut_if_read_only

        from .api import Page
        from .welcome_page import WelcomePage

        page = WelcomePage()
        page.add_school.connect(self._add_first_school)
        page.open_demo.connect(self.databases.open_demo)
        page.import_files.connect(lambda: self._trigger(IMPORT_FILES_ACTION))
        shut_if_read_only(self.workspace.read_only, page.add_button, page.import_button)  # the demo is another file: still fine
        return Page(page)

    def _add_first_school(self) -> None:
        """The welcome page's first choice: the schools feature's "add a school" command."""
        self._trigger(ADD_SCHOOL_ACTION)

    def _trigger(self, name: str) -> None:
        """Run the window's command whose object name is ``name`` (a feature's, by its key)."""
        for action in self.actions():
            if action.objectName() == name:
                action.trigger()
                return

    def _fit_to_screen(self) -> None:
        """1280×720 where there is room; on a smaller screen (a 1366×768 laptop, at 125 % or 150 %
        display scaling: 1093×582 or 910×485 logical pixels above the taskbar) the room the
        screen leaves beside the window's frame. The window can shrink to fit the smallest of
        these; its pages scroll or wrap rather than cut (``tests/ui/test_scaling.py``)."""
        self.setMinimumSize(MINIMUM_SIZE)
        self.resize(QSize(1280, 720).boundedTo(room(self)).expandedTo(MINIMUM_SIZE))

    # -- navigation (the navigator's; here for the window's own commands and for tests) -------
    @property
    def location(self) -> Location:
        return self.navigator.location

    @property
    def view(self) -> QWidget | None:
        """The record view shown (an assessment, its results, a visit), if any."""
        record = self.navigator.record
        return record.widget if record is not None else None

    @property
    def active_dialog(self) -> QDialog | None:
        """The dialog a command opened last (tests drive it)."""
        return self.shell.active_dialog

    def page(self, kind: str) -> QWidget | None:
        return self.navigator.page(kind)

    def navigate(self, location: Location) -> None:
        self.navigator.navigate(location)

    def go_back(self) -> None:
        self.navigator.go_back()

    def go_home(self) -> None:
        self.navigator.go_home()

    def may_leave_view(self) -> bool:
        return self.navigator.may_leave()

    def _update_chrome(self) -> None:
        from PySide6.QtGui import QKeySequence

        from .navigation import HOME_KINDS

        kind = self.navigator.kind(self.location.kind)
        self.top_bar.setVisible(kind.name != WELCOME)
        can_go_back = kind.name not in HOME_KINDS or bool(self.navigator.history)  # the list, reached by a jump
        self.back_button.setEnabled(can_go_back)
        # The record views carry their own back button; one is enough.
        self.back_button.setVisible(not kind.record)
        self.back_action.setEnabled(can_go_back)
        # A page that uses Alt+Left itself takes it (two owners of a key: neither fires): the
        # assessment and visit views step back with it, the mirror of Alt+Right; the menu then
        # shows no key for ย้อนกลับ there, and the view's own back button goes back.
        self.back_action.setShortcuts([] if kind.owns_alt_left else [QKeySequence("Alt+Left")])
        # Inside a record view its own shortcuts come first; these would only get in the way.
        self.shell.refresh_actions(record=kind.record)
        page = self.navigator.current()
        if page is not None and page.print_changed is not None and page.widget not in self._print_watched:
            self._print_watched.add(page.widget)
            page.print_changed.connect(self._refresh_print)
        self._refresh_print()
        self.breadcrumb.setText(self.breadcrumb_html())

    def _refresh_print(self) -> None:
        """แฟ้ม › พิมพ์รายงาน (Ctrl+P) on where the page shown prints, and has something to print now."""
        page = self.navigator.current()
        self.print_action.setEnabled(page is not None and page.print is not None
                                     and (page.can_print is None or page.can_print()))

    def _show_breadcrumb(self) -> None:
        if hasattr(self, "workspace") and not self._closed:
            self.breadcrumb.setText(self.breadcrumb_html())

    def breadcrumb_text(self) -> str:
        from . import breadcrumbs

        return breadcrumbs.breadcrumb_text(self.navigator.crumbs())

    def breadcrumb_html(self) -> str:
        from . import breadcrumbs

        return breadcrumbs.breadcrumb_html(self.navigator.crumbs())

    # -- the window's own commands -----------------------------------------------------------
    def print_shown(self) -> None:
        """แฟ้ม › พิมพ์รายงาน: the report of what is shown (a round, its results, a visit)."""
        page = self.navigator.current()
        if page is not None and page.print is not None:
            page.print()

    def show_about(self) -> None:
        from .about import show_about

        show_about(self, self.workspace.path)

    @staticmethod
    def open_workspace(path: Path, *, create: bool = False, read_only: bool = False,
                       checks_later: bool = False) -> Workspace:
        """The window's own workspace on ``path`` (integrity check, migrations; or read-only, see
        ``ui.shell.single_instance``); work on other threads gets its own through ``ui.common.ops``.
        Its saves run on this thread, so they wait for another process's lock for less time than
        a command does (``WINDOW_WRITE_WAIT_SECONDS``) and are retried by the save state.

        A file that cannot be written, or whose folder cannot (a CD, a locked USB stick), is opened
        read-only rather than refused: the caller sees ``workspace.read_only`` although it did not
        ask for it, and says so (``InstanceGuard.settle(cannot_write=True)``). Read-only or not, the
        file's integrity is checked (TEST27b #4: a damaged file on read-only media opened unchecked).
        ``checks_later``: that check and the reading of this installation's key are made by
        ``workspace.finish_checks()`` (or the first write), not now."""
        from qualityschool_desktop.errors import DatabaseNotWritableError, DatabaseOpenError, DatabaseOutdatedError
        from qualityschool_desktop.workspace import Workspace
        from qualityschool_desktop.storage import WINDOW_WRITE_WAIT_SECONDS  # not save_state's Qt: issue 16

        try:
            return Workspace.open(path, create=create, read_only=read_only, write_wait=WINDOW_WRITE_WAIT_SECONDS,
                                  checks_later=checks_later, integrity=True)
        except DatabaseNotWritableError as cannot_write:
            try:
                return Workspace.open(path, read_only=True, checks_later=checks_later, integrity=True)
            except DatabaseOutdatedError:  # it must be upgraded, which it cannot be where it is (try28b #3)
                where = text.OUTDATED_FOLDER.format(folder=path.parent) if cannot_write.folder else text.OUTDATED_FILE
                raise DatabaseOpenError(text.OUTDATED_CANNOT_WRITE.format(name=path.name, where=where)) from None

    def switch_workspace(self, path: Path, *, create: bool = False) -> bool:
        """Close the open database and show ``path`` instead; on failure keep the current one."""
        if self.workspace.path is not None and path.resolve() == self.workspace.path.resolve():
            self.go_home()
            return True
        if not self.may_leave_view():
            return False
        outcome = self.instance.move_to(path)  # the file's one-window lock goes along
        if outcome is Outcome.FORWARDED:
            return False  # another window shows it: that one came forward, the status bar says so
        try:
            workspace = self.open_workspace(path, create=create, read_only=outcome.read_only)
        except QualitySchoolError as exc:
            self.instance.cancel_move()
            _show_failure(self, text.OPEN_FAILED, exc)  # SQLite's words behind "แสดงรายละเอียด…"
            return False
        self._replace_workspace(workspace, cannot_write=workspace.read_only and not outcome.read_only)
        return True

    def _reopen_for_editing(self) -> None:
        """The read-only file's lock is this window's now (the banner's "ปิดโปรแกรมอื่นแล้ว — เปิดแก้ไข"):
        open the same file again for editing; should it fail, stay as it was."""
        path = self.workspace.path
        if path is None:
            return
        try:
            workspace = self.open_workspace(path)
        except QualitySchoolError as exc:
            self.instance.cancel_move()
            _show_failure(self, text.OPEN_FAILED, exc)
            return
        self._replace_workspace(workspace, cannot_write=workspace.read_only)

    def _replace_workspace(self, workspace: Workspace, *, cannot_write: bool) -> None:
        self.show_again(workspace)
        # The old file's lock let go; a read-only file says so, and why.
        self.instance.settle(cannot_write=cannot_write)

    def show_again(self, workspace: Workspace) -> None:
        """Show ``workspace`` in place of the open one (its file's lock as it is)."""
        # No worker may still read or write the old file when it closes, and none of their
        # results may reach the new pages: cancel, wait, drop.
        self.ops.cancel_all()
        self.navigator.dispose_record()
        self._close_workspace()
        self.attach(workspace)

    # -- closing -----------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Cancel and wait for running work, end typing bursts and close the workspace (once;
        closing twice is harmless)."""
        if self._closed:
            return
        self._closed = True
        if not self._completed:  # closed before its first paint: nothing started yet
            return
        self.faults.uninstall()
        self.shell.closing()  # the features stop their timers
        self.ops.shutdown()
        if not hasattr(self, "workspace"):
            return
        self.navigator.dispose_record()
        self._close_workspace()

    def _close_workspace(self) -> None:
        """Close the workspace; a failure to write the last typing's history is said in Thai (what
        was said saved is all there: the core keeps those bursts for the next opening)."""
        try:
            self.workspace.close()
        except QualitySchoolError as exc:
            _show_failure(self, text.CLOSE_FAILED, exc)

    def _on_changes(self, changes: Changes) -> None:
        """The window's own part of a change notice: the first schools replace the welcome page;
        the breadcrumb names what may have been renamed."""
        if not hasattr(self, "workspace") or self._closed:
            return
        if self.location.kind == WELCOME:
            if changes.any_schools and self.workspace.schools.count():
                self.go_home()
        elif changes.any_schools or changes.any_assessments or changes.any_visits:
            self.breadcrumb.setText(self.breadcrumb_html())

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self._closed and self._completed and not self.may_leave_view():
            event.ignore()
            return
        self.shutdown()
        super().closeEvent(event)
