"""Where the window is and how it moves: the registered kinds of page, the pages made so far, the
record view shown, the location and the way back.

The way back is a history stack of the places the user went forward from: Back pops it and never
pushes, and going to a place already on it is going back there (the steps after it are dropped).

The pages live in the window's stack. A page of an ordinary kind is made the first time it is
shown and kept (until another database is opened) and brought up to date each time it is shown
again; a record view (an assessment, its results, a visit) is made for its record and removed,
after ending its burst of typing, when the window shows another page. A view with changes not
yet stored is asked before it is left (``ui/common/save_state.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from qualityschool_desktop.errors import QualitySchoolError
from qualityschool_desktop.records import Frozen
from ui.common.digits import shown_text

from . import strings as text
from .api import SCHOOLS, WELCOME, Crumb, CrumbsOf, Location, Page, PageFactory

if TYPE_CHECKING:
    from qualityschool_desktop.workspace import Workspace

HOME_KINDS = (WELCOME, SCHOOLS)


@dataclass(init=False, repr=False, eq=False)  # a frozen record (records.py): made before "ready" (issue 16)
class Kind(Frozen):
    """A kind of page, as a feature registered it."""

    name: str
    make: PageFactory
    crumbs: CrumbsOf
    record: bool = False
    owns_alt_left: bool = False

    def __init__(self, name: str, make: PageFactory, crumbs: CrumbsOf, record: bool = False,
                 owns_alt_left: bool = False) -> None:
        _set = object.__setattr__
        _set(self, "name", name)
        _set(self, "make", make)
        _set(self, "crumbs", crumbs)
        _set(self, "record", record)
        _set(self, "owns_alt_left", owns_alt_left)


class Navigator(QObject):
    """The pages of one window and the way between them. ``moved`` after every change of place."""

    moved = Signal()

    def __init__(self, stack: QStackedWidget, workspace: Callable[[], Workspace], window: QWidget) -> None:
        super().__init__(window)
        self._stack = stack
        self._workspace = workspace
        self._window = window
        self._kinds: dict[str, Kind] = {}
        self._pages: dict[str, Page] = {}  # the pages made for the open database, by kind
        self.record: Page | None = None  # the record view shown
        self.location = Location(WELCOME)
        self.history: list[Location] = []
        # Called before a page other than the list or the welcome page is shown (the window's
        # features installed after the first page: MainWindow.complete_features).
        self.before_away: Callable[[], None] | None = None

    # -- the kinds -------------------------------------------------------------------------------
    def register(self, kind: Kind) -> None:
        self._kinds[kind.name] = kind

    def kind(self, name: str) -> Kind:
        return self._kinds[name]

    def is_record(self, name: str) -> bool:
        kind = self._kinds.get(name)
        return kind is not None and kind.record

    # -- the pages -------------------------------------------------------------------------------
    def page(self, name: str) -> QWidget | None:
        made = self._pages.get(name)
        return made.widget if made is not None else None

    def made(self) -> list[str]:
        """The kinds whose page has been made for the open database, in the order they were made
        (at start only the first page shown: the others wait until the user goes there)."""
        return list(self._pages)

    def current(self) -> Page | None:
        if self.is_record(self.location.kind):
            return self.record
        return self._pages.get(self.location.kind)

    def crumbs(self) -> list[Crumb]:
        kind = self._kinds.get(self.location.kind)
        return kind.crumbs(self._workspace(), self.location.id) if kind is not None else []

    def clear(self) -> None:
        """Remove every page (another database is shown: they are made again on it)."""
        self.record = None
        self._pages.clear()
        while (widget := self._stack.widget(0)) is not None:
            self._stack.removeWidget(widget)
            widget.deleteLater()
        self.location = Location(WELCOME)
        self.history.clear()

    # -- moving ----------------------------------------------------------------------------------
    def go_home(self) -> None:
        """The welcome page while there are no schools, otherwise the school list."""
        self.history.clear()
        self.show(Location(WELCOME if self._workspace().schools.count() == 0 else SCHOOLS))

    def navigate(self, location: Location, *, push: bool = False, gone: bool = False) -> None:
        if location == self.location or not self.may_leave():
            return
        if gone:  # the record shown was deleted (TEST34C C12): it is not on the way back any more
            left = self.location
            trail = self.history[:len(self.history) - self.history[::-1].index(location) - 1] \
                if location in self.history and not push else self.history
            if self.show(location):
                self.history = [step for step in trail if step != left]
            return
        if location.kind == SCHOOLS and self._workspace().schools.count() == 0:
            self.go_home()  # (asked first too: the welcome page is also a way out of a page)
            return
        if location in self.history and not push:
            # A page already on the way back (the round from its results, the school from a
            # breadcrumb) is gone back to: the steps after it are dropped, none is added, so Back
            # then goes on towards where the user started instead of bouncing between the two.
            trail = self.history[:len(self.history) - self.history[::-1].index(location) - 1]
            if self.show(location):
                self.history = trail
            return
        # On the way back before the page shows, so the window's Back button sees it when it updates.
        self.history.append(self.location)
        try:
            shown = self.show(location)
        except BaseException:
            self.history.pop()  # a fault (the window's guard says it): nothing moved
            raise
        if not shown:
            self.history.pop()

    def go_back(self) -> None:
        if not self.may_leave():
            return
        while self.history:
            location = self.history.pop()
            if location.kind == WELCOME and self._workspace().schools.count():
                location = Location(SCHOOLS)
            if self.show(location):
                return
        if self.location.kind not in HOME_KINDS:
            self.go_home()

    def may_leave(self) -> bool:
        """A view or page with changes not yet stored (or refused, kept in view) asks first;
        False: stay there."""
        shown = self.record if self.record is not None else self._pages.get(self.location.kind)
        return shown is None or shown.confirm_leave is None or shown.confirm_leave()

    def flush_record(self) -> None:
        if self.record is not None and self.record.flush is not None:
            self.record.flush()

    def show(self, location: Location) -> bool:
        """Bring up the page for ``location``; False (and nothing changed) if it cannot be shown."""
        if location.kind not in HOME_KINDS and self.before_away is not None:
            self.before_away()
        kind = self._kinds[location.kind]
        leaving = self.location if self.is_record(self.location.kind) else None
        try:
            page = self._make_record(location) if kind.record else self._page_of(kind, location)
            page.show(location, leaving)
        except QualitySchoolError as exc:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self._window, text.VIEW_FAILED, shown_text(exc))
            return False
        if not kind.record:
            self.dispose_record()
        self.location = location
        self._stack.setCurrentWidget(page.widget)
        self.moved.emit()
        page.widget.setFocus()  # Qt.FocusReason.OtherFocusReason, without building ``Qt`` before the first page
        if page.focus is not None:
            page.focus()
        return True

    def _page_of(self, kind: Kind, location: Location) -> Page:
        page = self._pages.get(kind.name)
        if page is None:
            page = kind.make(location)
            self._stack.addWidget(page.widget)
            self._pages[kind.name] = page
        return page

    def _make_record(self, location: Location) -> Page:
        page = self._kinds[location.kind].make(location)  # may refuse: the view shown stays
        self.dispose_record()
        self.record = page
        self._stack.addWidget(page.widget)
        return page

    def dispose_record(self) -> None:
        """Remove the record view, ending any burst of typing in it first."""
        record, self.record = self.record, None
        if record is None:
            return
        if record.flush is not None:
            record.flush()
        self._stack.removeWidget(record.widget)
        record.widget.deleteLater()
