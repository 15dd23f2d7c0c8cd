"""What a feature may ask of the window: the one interface between the shell and the features.

A feature package (``ui/schools/``, ``ui/assessment/``, ``ui/visits/`` …) has an
``install(shell)``, called once when the window is built. Through the :class:`Shell` it is handed
it adds its actions to the menus, registers the pages it shows (each under a location *kind*) and
contributes tabs to a school's page. It never imports the main window nor another feature:
features meet at locations (``shell.navigate(Location("visit", visit_id))`` opens a visit,
whichever feature shows visits) and at the change notices of the operations helper
(``shell.ops.notifier``, :mod:`ui.common.ops`). A new capability is a new feature package and
one line in ``ui/shell/features.py``, not a new method on the main window.

Pages are made when first shown, not when the window starts (start-up stays lean): a feature's
page factory imports its view modules inside the function. A *record view* (an assessment, its
results, a visit) is made afresh for each record and removed when the window leaves it; the other
pages are made once per open database and brought up to date each time they are shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Protocol

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QWidget

from qualityschool_desktop.records import Frozen, Record

from . import strings as text
from .keys import (  # noqa: F401 (re-exported: the features take them from here)
    ADD_SCHOOL_ACTION, GROUP_ABOUT, GROUP_ADD, GROUP_BACKUP, GROUP_BROWSE, GROUP_DATABASE, GROUP_DIGITS, GROUP_EXCHANGE,
    GROUP_NAVIGATION, GROUP_PRINT, GROUP_QUIT, IMPORT_FILES_ACTION, MENU_FILE, MENU_HELP, MENU_SCHOOLS, MENU_VIEW,
    SCHOOLS, WELCOME,
)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog  # the features' dialogs: made after the first page

    from qualityschool_desktop.changes import Changes
    from qualityschool_desktop.workspace import Workspace

    from ui.common.notices import Notice
    from ui.common.ops import Ops


# -- where the window is ---------------------------------------------------------------------
# Records (qualityschool_desktop/records.py): dataclasses with their __init__ written out, nothing compiled
# at import; the window makes these before its first page (issue 16: "ready").
@dataclass(init=False, repr=False, eq=False)
class Location(Frozen):
    """Where the window is: a page ``kind`` (a feature registers it) and the record shown, if any."""

    kind: str
    id: str | None = None

    def __init__(self, kind: str, id: str | None = None) -> None:  # noqa: A002 — the field's name
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "id", id)


# A breadcrumb part: its text, and where a click on it goes (None: not a link).
Crumb = tuple[str, "Location | None"]


def school_crumbs(workspace: Workspace, school_id: str) -> list[Crumb]:
    """โรงเรียน › <the school>, both links: where the breadcrumb of a school's record begins."""
    school = workspace.schools.get(school_id)
    return [(text.CRUMB_SCHOOLS, Location(SCHOOLS)), (school.name, Location("school", school.id))]


# -- menus -----------------------------------------------------------------------------------
# Menu keys and the groups in them, the first pages' kinds and the add-school action's name live
# in ui/shell/keys.py (imported above, for the features); the shell decides where each group sits
# (ui/shell/menus.py).


# -- pages -----------------------------------------------------------------------------------
def _nothing(_location: Location, _leaving: Location | None) -> None:
    return None


@dataclass(init=False, repr=False, eq=False)
class Page(Record):
    """A page as the shell shows it: the widget, and what the shell may ask of it.

    ``show(location, leaving)`` brings the page up to date for ``location`` each time it is
    shown; ``leaving`` is the record view the window is leaving, if any (a list keeps it
    selected). It may raise ``QualitySchoolError`` (the record is gone …): the window then says
    so and stays where it was. ``focus`` puts the keyboard where work starts (the widget itself by
    default); ``print`` is แฟ้ม › พิมพ์รายงาน (Ctrl+P) on this page (off where None; ``can_print``,
    if given, says whether there is something to print now, and the page's ``print_changed``
    signal tells the window to ask again: the school page prints what its tab shown prints); ``flush``
    ends a burst of typing (before a backup or a print, or when a record view goes);
    ``confirm_leave`` asks before a view with changes not yet stored is left (False: stay);
    ``school_id`` names the school the page shows or has selected ("export this school")."""

    widget: QWidget
    show: Callable[[Location, "Location | None"], None] = _nothing
    focus: Callable[[], None] | None = None
    print: Callable[[], None] | None = None
    flush: Callable[[], None] | None = None
    confirm_leave: Callable[[], bool] | None = None
    school_id: Callable[[], "str | None"] | None = None
    can_print: Callable[[], bool] | None = None
    print_changed: Any = None  # a SignalInstance: can_print's answer may have changed

    def __init__(self, widget: QWidget, show: Callable[[Location, "Location | None"], None] = _nothing,
                 focus: Callable[[], None] | None = None, print: Callable[[], None] | None = None,  # noqa: A002
                 flush: Callable[[], None] | None = None, confirm_leave: Callable[[], bool] | None = None,
                 school_id: Callable[[], "str | None"] | None = None, can_print: Callable[[], bool] | None = None,
                 print_changed: Any = None) -> None:
        self.widget = widget
        self.show = show
        self.focus = focus
        self.print = print
        self.flush = flush
        self.confirm_leave = confirm_leave
        self.school_id = school_id
        self.can_print = can_print
        self.print_changed = print_changed


# Makes the page for a location (for a record view: for that record).
PageFactory = Callable[[Location], Page]
# The breadcrumb of a location of a kind: (workspace, record id) → parts.
CrumbsOf = Callable[["Workspace", "str | None"], list[Crumb]]


# -- the school page's tabs ------------------------------------------------------------------
class SchoolTab(QWidget):
    """A tab of a school's page, contributed by a feature (the rounds, the visits, the network
    schools, the timeline). The page tells each tab which school it shows and passes on the
    change notices while it is shown; the defaults do nothing. ``noticed(Notice)``: what a command
    of the tab did and where, for the window's notice bar (the page passes it on)."""

    noticed = Signal(object)

    def show_school(self, school_id: str, select_id: str | None = None) -> None:
        """Show ``school_id``'s records; ``select_id`` (the record just left) selected, if it is here."""

    def holds(self, record_id: str | None) -> bool:
        """Is ``record_id`` one of this tab's rows? (The page then opens on this tab.)"""
        return False

    def on_changes(self, school_id: str, changes: Changes) -> None:
        """A change notice while the page shows ``school_id``: re-read what changed."""

    # แฟ้ม › พิมพ์รายงาน (Ctrl+P) on this tab prints what the tab's own print button prints (TEST34
    # T10): ``can_print`` says whether that button would work now; emit ``print_changed`` when it
    # may have changed (a round selected), so the menu follows the button.
    print_changed = Signal()
    _print_button: QAbstractButton | None = None

    def print_with(self, button: QAbstractButton) -> None:
        """แฟ้ม › พิมพ์รายงาน (Ctrl+P) on this tab presses ``button``, and is on while it is."""
        self._print_button = button
        button.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if watched is self._print_button and event.type() == QEvent.Type.EnabledChange:
            self.print_changed.emit()
        return super().eventFilter(watched, event)

    def can_print(self) -> bool:
        """Is there something to print on this tab now? (Its print button is on.)"""
        button = self._print_button
        return button is not None and button.isEnabled() and not button.isHidden()

    def print_shown(self) -> None:
        """Print what the tab's print button prints."""
        if self.can_print():
            assert self._print_button is not None
            self._print_button.click()

    def focus_list(self) -> None:
        """The keyboard goes to the tab's list."""
        self.setFocus()

    def confirm_leave(self) -> bool:
        """Before the page goes (or shows another school): True when nothing refused or waiting
        would be lost, or the user let it go (``Saver.confirm_leave``); False: stay."""
        return True


@dataclass(init=False, repr=False, eq=False)
class SchoolTabSpec(Frozen):
    """A tab for the school page: ``make(workspace)`` builds it when the page is built; tabs are
    laid out by ``order``. With ``follows_page`` False the tab is only filled when it is brought
    up (the timeline), not each time the page shows a school."""

    key: str
    title: str
    order: int
    make: Callable[["Workspace"], SchoolTab]
    follows_page: bool = True

    def __init__(self, key: str, title: str, order: int, make: Callable[["Workspace"], SchoolTab],
                 follows_page: bool = True) -> None:
        _set = object.__setattr__
        _set(self, "key", key)
        _set(self, "title", title)
        _set(self, "order", order)
        _set(self, "make", make)
        _set(self, "follows_page", follows_page)


# -- the shell -------------------------------------------------------------------------------
class Shell(Protocol):
    """The window as a feature sees it (implemented by ``ui/shell/host.py``)."""

    @property
    def workspace(self) -> Workspace:
        """The open database (a new one after switching databases: read it each time)."""

    @property
    def ops(self) -> Ops:
        """The operations helper: slow work on workers; ``ops.notifier`` carries the change notices."""

    @property
    def parent(self) -> QWidget:
        """The window: the parent of a feature's dialogs and message boxes."""

    @property
    def read_only(self) -> bool:
        """Is the open database read-only? Then nothing can be saved: a feature offers no command
        or button that would change it (its editing actions, added with ``edits=True``, are off)."""

    @property
    def location(self) -> Location:
        """Where the window is now."""

    def add_action(self, menu: str, action: QAction, group: str | None = None, *,
                   in_record_views: bool = True, edits: bool = False) -> QAction:
        """Put ``action`` in a menu (``MENU_*``), in ``group`` (``GROUP_*``; None: a section of its
        own at the end). It is also the window's action, so its shortcut works everywhere and it is
        off while the database loads; ``in_record_views`` False turns it off in the record views;
        ``edits``: it changes the database, so it is off while a read-only database is shown."""

    def register_page(self, kind: str, make: PageFactory, crumbs: CrumbsOf, *, record: bool = False,
                      owns_alt_left: bool = False) -> None:
        """Show locations of ``kind`` with pages from ``make``. ``record``: a record view (made for
        each record, carries its own back button); ``owns_alt_left``: the page uses Alt+Left
        itself, so the window's "back" gives that key up there."""

    def page(self, kind: str) -> QWidget | None:
        """The page of ``kind`` if it has been made for the open database (None otherwise)."""

    def add_school_tab(self, spec: SchoolTabSpec) -> None:
        """Contribute a tab to the school page."""

    def school_tabs(self) -> list[SchoolTabSpec]:
        """The school page's tabs, in order."""

    def navigate(self, location: Location, *, push: bool = False, gone: bool = False) -> None:
        """Go to ``location`` (the list of schools, while there is none: the welcome page).
        Going to a place already on the way back is going back there, unless ``push``: a jump the
        app makes after a command (the list after adding a school) keeps the way back to here.
        ``gone``: the record shown now was deleted, so the way back no longer passes through it."""

    def go_back(self) -> None:
        """Where the window was before (a view with unsaved changes asks first)."""

    def go_home(self) -> None:
        """The welcome page while there is no school, otherwise the list; the way back starts again."""

    def showing_record(self) -> bool:
        """Is a record view (an assessment, its results, a visit) shown now?"""

    def flush_view(self) -> None:
        """End the burst of typing of the record view shown, if any (before copying the database)."""

    def current_school_id(self) -> str | None:
        """The school the page shown is about or has selected, if any."""

    def show_status(self, message: str, timeout_ms: int = 10000) -> None:
        """A short line in the window's status bar (a school saved); what a command did with a
        file goes to :meth:`notify`."""

    def notify(self, notice: Notice | None) -> None:
        """Say what a print, export, import or backup did and where, in the window's notice bar
        (:mod:`ui.common.notices`), with buttons that open the file or its folder; a new notice
        replaces the one shown; None takes down a notice that said work was running."""

    def open_dialog(self, dialog: QDialog, on_accept: Callable[[], None] | None = None) -> QDialog:
        """Open ``dialog`` window-modal and non-blocking (``open``, not ``exec``); ``on_accept``
        runs when it is accepted; it is deleted when it closes."""

    def on_workspace(self, callback: Callable[[Workspace], None]) -> None:
        """Call ``callback`` each time a database is shown (at start and after switching)."""

    def on_checked(self, callback: Callable[[Workspace], None]) -> None:
        """Call ``callback`` each time the database shown has passed its checks (at start after the
        first page has painted, issue 16; at once for a database switched to). Work beyond showing
        pages (the daily backup, an import) starts here: a file that fails them is left as it was."""

    def on_close(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` once when the window closes, before the workspace does."""
