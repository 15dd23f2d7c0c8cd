"""The main window: a stack of pages (welcome, schools, a school, an assessment, its results, a visit,
the follow-ups of all schools), a back button with a breadcrumb, the menus and a status bar.

The window holds the one open :class:`Workspace` and hands it to each page; nothing reaches for
the window from elsewhere. Slow work runs through the window's operations helper (``self.ops``,
:mod:`ui.common.ops`); pages re-read what they show when its change notices say it changed, and a page
not shown is read when it is brought up. Switching to another database (the demo, a file from a
USB stick) cancels and waits for running work, closes the old workspace and rebuilds the pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog, QHBoxLayout, QLabel, QMainWindow, QMessageBox, QPushButton, QStackedWidget, QVBoxLayout, QWidget,
)

from qualityschool_desktop.changes import Changes
from qualityschool_desktop.errors import QualitySchoolError

from . import breadcrumbs
from ui.backup.actions import install_backup_actions
from .database_actions import DatabaseActions
from ui.common.ops import Ops
from ui.common.report_printer import PRINT_MENU
from .single_instance import InstanceGuard, Outcome
from .menus import MENU_FILE, MENU_HELP, MENU_SCHOOLS, build_menus  # noqa: F401 (others import them here)

if TYPE_CHECKING:
    from qualityschool_desktop.workspace import Workspace

    from ui.backup.actions import BackupActions
    from ui.common.report_printer import ReportPrinter
    from ui.visits.printing import VisitReportPrinter
    from ui.schools.school_page import SchoolPage
    from ui.schools.schools_page import SchoolsPage
    from .welcome_page import WelcomePage

# The pages, dialogs and the database layer are imported when first needed, not with this
# module: the window's frame paints first and the data follows (benchmarks/bench_startup.py).

# -- Thai strings ----------------------------------------------------------------------------
APP_TITLE = "Quality School Desktop"
IN_MEMORY = "ฐานข้อมูลชั่วคราว"
ACTION_OPEN_DB = "เปิดฐานข้อมูล…"
ACTION_OWN_DATA = "เปิดข้อมูลของฉัน"
ACTION_DEMO = "เปิดข้อมูลตัวอย่าง"
ACTION_QUIT = "ออก"
ACTION_ADD_SCHOOL = "เพิ่มโรงเรียน"
ACTION_FIND_SCHOOL = "ค้นหาโรงเรียน"
ACTION_ALL_SCHOOLS = "รายชื่อโรงเรียนทั้งหมด"
ACTION_FOLLOW_UPS = "รายการติดตามงานทุกโรงเรียน"
ACTION_DISTRICT = "ภาพรวมระดับเขต/อำเภอ"
ACTION_BACK = "ย้อนกลับ"
ACTION_ABOUT = "เกี่ยวกับโปรแกรม"
BACK_BUTTON = "‹  ย้อนกลับ"
BACK_TIP = "ย้อนกลับ (Alt+←)"
STATUS_DB = "ฐานข้อมูล: {path}"
STATUS_SAVED_SCHOOL = "บันทึกข้อมูล {name} แล้ว"
OPEN_FAILED = "เปิดฐานข้อมูลไม่ได้"
VIEW_FAILED = "เปิดหน้านี้ไม่ได้"
NEW_VISIT_FAILED = "เริ่มบันทึกการนิเทศไม่ได้"
LOADING = "กำลังเปิดฐานข้อมูล…"


@dataclass(frozen=True)
class Location:
    """Where the window is: ``kind`` is welcome, schools, school, follow_ups, district, assessment, results
    or visit."""

    kind: str
    id: str | None = None


HOME_KINDS = ("welcome", "schools")
VIEW_KINDS = ("assessment", "results", "visit")


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace | None, parent: QWidget | None = None,
                 instance: InstanceGuard | None = None) -> None:
        """With ``workspace`` None the window shows its frame and a loading line until
        :meth:`attach` hands it the open database. ``instance`` holds its database file's lock."""
        super().__init__(parent)
        self.instance = instance or InstanceGuard()
        self.instance.setParent(self)  # the window it brings forward
        self.location = Location("welcome")
        self.history: list[Location] = []
        self.view: QWidget | None = None  # the AssessmentView or ResultsView shown now
        self.active_dialog: QDialog | None = None
        self._closed = False
        # Slow work and change notices (ui.common.ops); every page of this window subscribes to its notifier.
        self.ops = Ops(self)
        self.notifier = self.ops.notifier
        self.notifier.changed.connect(self._on_changes)
        self.databases = DatabaseActions(self)  # open a file, own data, the demo
        self.backups: BackupActions
        self._pending_item: str | None = None
        self.printer: ReportPrinter | None = None  # made on the first print
        self.visit_printer: VisitReportPrinter | None = None

        self.back_button = QPushButton(BACK_BUTTON)
        self.back_button.setObjectName("backButton")
        self.back_button.setToolTip(BACK_TIP)
        self.back_button.clicked.connect(self.go_back)
        self.breadcrumb = QLabel()
        self.breadcrumb.setObjectName("breadcrumb")
        self.breadcrumb.setTextFormat(Qt.TextFormat.RichText)
        self.breadcrumb.linkActivated.connect(self._crumb_clicked)
        top = QWidget()
        top.setObjectName("topBar")
        top_layout = QHBoxLayout(top)
        top_layout.setContentsMargins(12, 6, 12, 6)
        top_layout.addWidget(self.back_button)
        top_layout.addSpacing(8)
        top_layout.addWidget(self.breadcrumb, 1)
        self.top_bar = top

        self.stack = QStackedWidget()
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(top)
        central_layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.db_label = QLabel()
        self.db_label.setObjectName("statusPath")
        self.statusBar().addPermanentWidget(self.db_label, 1)

        self._build_actions()
        self._fit_to_screen()
        if workspace is None:
            self.loading_label = QLabel(LOADING)
            self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.stack.addWidget(self.loading_label)
            self.back_button.hide()  # nowhere to go back to yet
            for action in self.actions():
                action.setEnabled(False)
        else:
            self.attach(workspace)

    def attach(self, workspace: Workspace) -> None:
        """Show ``workspace``: build the pages on it and go to its home page."""
        self.workspace = workspace
        self._build_pages()
        for action in self.actions():
            action.setEnabled(True)
        self.location = Location("welcome")
        self.go_home()
        self.backups.workspace_attached(workspace.path)  # the daily automatic backup, if due

    # -- construction ------------------------------------------------------------------------
    def _action(self, text: str, handler: Callable[[], Any], shortcut: Any = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else [shortcut])
        action.triggered.connect(lambda _checked=False: handler())
        self.addAction(action)  # shortcuts work even with the menu bar hidden or unfocused
        return action

    def _build_actions(self) -> None:
        self.open_db_action = self._action(ACTION_OPEN_DB, self.databases.choose, QKeySequence.StandardKey.Open)
        self.own_data_action = self._action(ACTION_OWN_DATA, self.databases.open_own_data)
        self.demo_action = self._action(ACTION_DEMO, self.databases.open_demo)
        install_backup_actions(self)  # แฟ้ม: สำรองข้อมูล…, and the daily automatic backup
        self.quit_action = self._action(ACTION_QUIT, self.close, QKeySequence("Ctrl+Q"))
        self.add_school_action = self._action(ACTION_ADD_SCHOOL, self.add_school, QKeySequence("Ctrl+N"))
        self.find_action = self._action(ACTION_FIND_SCHOOL, self.find_school, QKeySequence("Ctrl+F"))
        self.all_schools_action = self._action(ACTION_ALL_SCHOOLS, self.show_schools)
        self.follow_ups_action = self._action(ACTION_FOLLOW_UPS, self.show_follow_ups, QKeySequence("Ctrl+Shift+F"))
        self.district_action = self._action(
            ACTION_DISTRICT, lambda: self.go(Location("district")), QKeySequence("Ctrl+Shift+D"))
        self.back_action = self._action(ACTION_BACK, self.go_back, [QKeySequence("Alt+Left")])
        self.about_action = self._action(ACTION_ABOUT, self.show_about)
        self.print_action = self._action(PRINT_MENU, self.print_report, QKeySequence("Ctrl+P"))
        build_menus(self)
        from ui.exchange.controller import install_exchange_actions

        install_exchange_actions(self)  # แฟ้ม: export / import exchange files, trusted senders

    def _build_pages(self) -> None:
        """The fixed pages, on the current workspace (called again after switching databases)."""
        while (page := self.stack.widget(0)) is not None:
            self.stack.removeWidget(page)
            page.deleteLater()
        self.view = None
        self.follow_ups_page: QWidget | None = None  # made when first shown
        self.district_page: QWidget | None = None  # likewise
        from ui.schools.school_page import SchoolPage
        from ui.schools.schools_page import SchoolsPage
        from .welcome_page import WelcomePage

        self.welcome_page = WelcomePage()
        self.welcome_page.add_school.connect(self.add_school)
        self.welcome_page.open_demo.connect(self.databases.open_demo)
        self.schools_page = SchoolsPage(self.workspace, notifier=self.notifier)
        self.schools_page.open_school.connect(self.open_school)
        self.schools_page.add_school.connect(self.add_school)
        self.schools_page.edit_school.connect(self.edit_school)
        self.school_page = SchoolPage(self.workspace, notifier=self.notifier)
        self.school_page.new_round.connect(self.start_round)
        self.school_page.new_visit.connect(self.start_visit)
        self.school_page.open_visit.connect(self.open_visit)
        self.school_page.open_assessment.connect(self.open_assessment)
        self.school_page.open_results.connect(self.open_results)
        self.school_page.edit_school.connect(self.edit_school)
        self.school_page.print_report.connect(self.print_report)
        for page in (self.welcome_page, self.schools_page, self.school_page):
            self.stack.addWidget(page)
        path = self.workspace.path
        self.setWindowTitle(f"{APP_TITLE} — {path.name if path else IN_MEMORY}")
        self.db_label.setText(STATUS_DB.format(path=path if path else IN_MEMORY))

    def _fit_to_screen(self) -> None:
        """1280×720 where there is room; on a 1366×768 laptop leave space for the taskbar."""
        self.setMinimumSize(960, 600)
        screen = QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(1280, 720)
            return
        available = screen.availableGeometry()
        self.resize(min(1280, max(960, available.width() - 40)), min(720, max(600, available.height() - 48)))

    # -- navigation --------------------------------------------------------------------------
    def go_home(self) -> None:
        """The welcome page while there are no schools, otherwise the school list."""
        self.history.clear()
        self._show(Location("welcome" if self.workspace.schools.count() == 0 else "schools"))

    def go(self, location: Location) -> None:
        if location == self.location or not self.may_leave_view():
            return
        self.history.append(self.location)
        self._show(location)

    def go_back(self) -> None:
        if not self.may_leave_view():
            return
        while self.history:
            location = self.history.pop()
            if location.kind == "welcome" and self.workspace.schools.count():
                location = Location("schools")
            if self._show(location):
                return
        if self.location.kind not in HOME_KINDS:
            self.go_home()

    def show_schools(self) -> None:
        if self.workspace.schools.count() == 0:
            self.go_home()
        else:
            self.go(Location("schools"))

    def open_school(self, school_id: str) -> None:
        self.go(Location("school", school_id))

    def open_assessment(self, assessment_id: str) -> None:
        self.go(Location("assessment", assessment_id))

    def open_results(self, assessment_id: str) -> None:
        self.go(Location("results", assessment_id))

    def open_visit(self, visit_id: str) -> None:
        self.go(Location("visit", visit_id))

    def show_follow_ups(self) -> None:
        self.go(Location("follow_ups"))

    def _follow_ups_page(self) -> QWidget:  # made on first use, brought up to date each time
        if self.follow_ups_page is None:
            from ui.follow_ups.page import FollowUpsPage

            page = FollowUpsPage(self.workspace, notifier=self.notifier)
            page.open_visit.connect(self.open_visit)
            page.open_school.connect(self.open_school)
            self.stack.addWidget(page)
            self.follow_ups_page = page
        self.follow_ups_page.refresh()  # type: ignore[attr-defined]
        return self.follow_ups_page

    def _district_page(self) -> QWidget:  # made on first use, re-read each time it is shown
        if self.district_page is None:
            from ui.district.page import DistrictPage

            self.district_page = DistrictPage(self.workspace, ops=self.ops)
            self.district_page.open_school.connect(self.open_school)  # type: ignore[attr-defined]
            self.stack.addWidget(self.district_page)
        self.district_page.refresh()  # type: ignore[attr-defined]
        return self.district_page

    def _show(self, location: Location) -> bool:
        """Bring up the page for ``location``; False (and nothing changed) if it cannot be shown."""
        try:
            if location.kind in VIEW_KINDS:
                widget = self._make_view(location)
            else:
                widget = self._follow_ups_page() if location.kind == "follow_ups" else self._district_page() if (
                    location.kind == "district") else {
                    "welcome": self.welcome_page, "schools": self.schools_page, "school": self.school_page,
                }[location.kind]
                if location.kind == "schools":
                    self.schools_page.refresh()
                elif location.kind == "school":
                    assert location.id is not None
                    self.school_page.show_school(location.id, self._last_assessment_id())
        except QualitySchoolError as exc:
            QMessageBox.warning(self, VIEW_FAILED, str(exc))
            return False
        if location.kind not in VIEW_KINDS:
            self._dispose_view()
        self.location = location
        self.stack.setCurrentWidget(widget)
        self._update_chrome()
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if location.kind == "schools":
            self.schools_page.table.setFocus()
        elif location.kind == "school":
            self.school_page.focus_list()
        return True

    def may_leave_view(self) -> bool:
        """A view with changes not yet stored asks first (ui/common/save_state.py); False: stay there."""
        return bool(getattr(self.view, "confirm_leave", lambda: True)())

    def _last_assessment_id(self) -> str | None:
        """Returning from an assessment (or a visit) keeps it selected in the school's lists."""
        if self.location.kind in VIEW_KINDS:
            return self.location.id
        return None

    def _make_view(self, location: Location) -> QWidget:
        # Imported here, not at start-up: these views are heavier and not needed for first paint.
        assert location.id is not None
        from ui.common.report_printer import warm_up_in_background

        warm_up_in_background(self.ops)  # once a session: the first print then starts at once
        widget: QWidget
        if location.kind == "assessment":
            from ui.assessment.view import AssessmentView

            widget = AssessmentView(self.workspace, location.id)
            widget.back_requested.connect(self.go_back)
            widget.results_requested.connect(self.open_results)
            widget.print_requested.connect(self.print_report)
            item_code, self._pending_item = self._pending_item, None
            if item_code:
                widget.go_to(item_code)
        elif location.kind == "visit":
            from ui.visits.view import VisitView

            widget = VisitView(self.workspace, location.id)
            widget.back_requested.connect(self.go_back)
            widget.open_assessment.connect(self.open_assessment)
            widget.print_requested.connect(self.print_report)
        else:
            from ui.assessment.results_view import ResultsView

            widget = ResultsView(self.workspace, location.id)
            widget.back_requested.connect(self.go_back)
            widget.edit_requested.connect(self.open_assessment)
            widget.item_requested.connect(self._remember_item)
            widget.print_requested.connect(self.print_report)
        self._dispose_view()
        self.view = widget
        self.stack.addWidget(widget)
        return widget

    def _remember_item(self, _assessment_id: str, item_code: str) -> None:
        # The results view names a weak item just before asking to edit: open the round at it.
        self._pending_item = item_code

    def _dispose_view(self) -> None:
        """Remove the assessment/results view, ending any burst of typing in it first."""
        view, self.view = self.view, None
        if view is None:
            return
        flush = getattr(view, "flush", None)
        if callable(flush):
            flush()
        self.stack.removeWidget(view)
        view.deleteLater()

    def _update_chrome(self) -> None:
        kind = self.location.kind
        self.top_bar.setVisible(kind != "welcome")
        self.back_button.setEnabled(kind not in HOME_KINDS)
        # The assessment and results views carry their own back button; one is enough.
        self.back_button.setVisible(kind not in VIEW_KINDS)
        self.back_action.setEnabled(kind not in HOME_KINDS)
        # The assessment view uses Alt+Left for "previous item"; two owners of a key means
        # neither fires, so the window gives it up there.
        self.back_action.setShortcuts([] if kind == "assessment" else [QKeySequence("Alt+Left")])
        # Inside an assessment its own shortcuts come first; these would only get in the way.
        in_view = kind in VIEW_KINDS
        self.add_school_action.setEnabled(not in_view)
        self.find_action.setEnabled(not in_view)
        self.print_action.setEnabled(in_view)
        self.breadcrumb.setText(self.breadcrumb_html())

    def breadcrumb_parts(self) -> list[tuple[str, str | None]]:
        """(text, link) pairs: โรงเรียน › <name> › ปีงบประมาณ ๒๕๖๙ รอบที่ ๑ › ผลการประเมิน."""
        return breadcrumbs.breadcrumb_parts(self.workspace, self.location.kind, self.location.id)

    def breadcrumb_text(self) -> str:
        return breadcrumbs.breadcrumb_text(self.breadcrumb_parts())

    def breadcrumb_html(self) -> str:
        return breadcrumbs.breadcrumb_html(self.breadcrumb_parts())

    def _crumb_clicked(self, link: str) -> None:
        kind, _, ident = link.partition(":")
        if kind == "schools":
            self.show_schools()
        else:
            self.go(Location(kind, ident or None))

    # -- commands ----------------------------------------------------------------------------
    def _open_dialog(self, dialog: QDialog, on_accept: Callable[[], None]) -> QDialog:
        """Window-modal and non-blocking (``open``, not ``exec``), so tests can drive it too."""
        self.active_dialog = dialog
        dialog.accepted.connect(on_accept)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def add_school(self) -> None:
        if self.location.kind in VIEW_KINDS:
            return
        from ui.schools.school_dialog import SchoolDialog

        dialog = SchoolDialog(self.workspace, parent=self)

        def saved() -> None:
            school = dialog.saved
            assert school is not None
            self.statusBar().showMessage(STATUS_SAVED_SCHOOL.format(name=school.name), 5000)
            if self.location.kind == "welcome":
                # The first school: go straight to it, where the next step (a round) waits.
                self.history.clear()
                self._show(Location("schools"))
                self.schools_page.select(school.id)
                self.open_school(school.id)
            else:
                self.ops.publish(Changes(schools=True))  # the list shown re-reads itself
                if self.location.kind != "schools":
                    self.go(Location("schools"))
                self.schools_page.select(school.id)

        self._open_dialog(dialog, saved)

    def edit_school(self, school_id: str) -> None:
        from ui.schools.school_dialog import SchoolDialog

        dialog = SchoolDialog(self.workspace, self.workspace.schools.get(school_id), parent=self)

        def saved() -> None:
            assert dialog.saved is not None
            self.statusBar().showMessage(STATUS_SAVED_SCHOOL.format(name=dialog.saved.name), 5000)
            self.ops.publish(Changes(schools=True))  # the list, the school page and the breadcrumb

        self._open_dialog(dialog, saved)

    def start_round(self) -> None:
        from ui.assessment.new_round_dialog import NewRoundDialog

        school = self.school_page.school
        if school is None:
            return
        dialog = NewRoundDialog(self.workspace, school, parent=self)

        def created() -> None:
            assert dialog.created is not None
            self.ops.publish(Changes(assessments={dialog.created.id}))
            self.open_assessment(dialog.created.id)

        self._open_dialog(dialog, created)

    def start_visit(self) -> None:
        """A new visit to the school shown, today, reviewing its latest self-assessment round."""
        from datetime import date

        try:
            assert self.school_page.school is not None
            visit = self.workspace.visits.start(self.school_page.school.id, visited_on=date.today())
        except QualitySchoolError as exc:
            QMessageBox.warning(self, NEW_VISIT_FAILED, str(exc))
            return
        self.ops.publish(Changes(visits={visit.id}))
        self.open_visit(visit.id)  # a blank visit opens at the follow-ups still open, if any

    def find_school(self) -> None:
        if self.location.kind in VIEW_KINDS or self.workspace.schools.count() == 0:
            return
        self.show_schools()
        self.schools_page.focus_search()

    def print_report(self, assessment_id: str | None = None) -> None:
        """The self-assessment report of a round (the one shown, by default) as a PDF; on a visit,
        the visit record."""
        if self.location.kind == "visit" and assessment_id in (None, self.location.id):
            from ui.visits.printing import VisitReportPrinter

            getattr(self.view, "flush", lambda: None)()
            self.visit_printer = self.visit_printer or VisitReportPrinter(self, ops=self.ops)
            self.visit_printer.print_visit(self.workspace, str(self.location.id))
            return
        if assessment_id is None:
            if self.location.kind not in VIEW_KINDS or self.view is None:
                return
            assessment_id = self.location.id
            getattr(self.view, "flush", lambda: None)()
        if self.printer is None:
            from ui.common.report_printer import ReportPrinter

            self.printer = ReportPrinter(self, ops=self.ops)  # it reports in this window's status bar
        if assessment_id:
            self.printer.print_report(self.workspace, assessment_id)

    @staticmethod
    def open_workspace(path: Path, *, create: bool = False, read_only: bool = False) -> Workspace:
        """The window's own workspace on ``path`` (integrity check, migrations; or read-only, see
        ``ui.shell.single_instance``); work on other threads gets its own through ``ui.common.ops``."""
        from qualityschool_desktop.workspace import Workspace

        return Workspace.open(path, create=create, read_only=read_only)

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
            workspace = self.open_workspace(path, create=create, read_only=outcome is Outcome.READ_ONLY)
        except QualitySchoolError as exc:
            self.instance.cancel_move()
            QMessageBox.critical(self, OPEN_FAILED, str(exc))
            return False
        # No worker may still read or write the old file when it closes, and none of their
        # results may reach the new pages: cancel, wait, drop.
        self.ops.cancel_all()
        self._dispose_view()
        self.workspace.close()
        self.attach(workspace)
        self.instance.settle()  # the old file's lock let go; a read-only file says so
        return True

    def show_about(self) -> None:
        from .about import show_about

        show_about(self, self.workspace.path)

    # -- closing -----------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Cancel and wait for running work, end typing bursts and close the workspace (once;
        closing twice is harmless)."""
        if self._closed:
            return
        self._closed = True
        self.backups.stop()
        self.ops.shutdown()
        if not hasattr(self, "workspace"):
            return
        self._dispose_view()
        self.workspace.close()

    def _on_changes(self, changes: Changes) -> None:
        """The window's own part of a change notice: the first schools replace the welcome page;
        the breadcrumb names what may have been renamed."""
        if not hasattr(self, "workspace") or self._closed:
            return
        if self.location.kind == "welcome":
            if changes.any_schools and self.workspace.schools.count():
                self.go_home()
        elif changes.any_schools or changes.any_assessments or changes.any_visits:
            self.breadcrumb.setText(self.breadcrumb_html())

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self._closed and not self.may_leave_view():
            event.ignore()
            return
        self.shutdown()
        super().closeEvent(event)

