"""The schools feature in the window: the list (home), a school's page, adding, finding and editing
a school; the school page's network-schools and timeline tabs.

The list and the school page are imported when first shown (start-up stays lean).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtGui import QKeySequence

from qualityschool_desktop.changes import Changes
from ui.common.actions import make_action
from ui.shell.api import (
    ADD_SCHOOL_ACTION, GROUP_ADD, GROUP_BROWSE, MENU_SCHOOLS, SCHOOLS, WELCOME, Crumb, Location, Page, SchoolTab,
    SchoolTabSpec, Shell, school_crumbs,
)

from . import strings as text

if TYPE_CHECKING:
    from qualityschool_desktop.workspace import Workspace

    from .schools_page import SchoolsPage

SCHOOL = "school"  # the kind of a school's page


def network_tab(workspace: Workspace) -> SchoolTab:
    from .network_schools import NetworkSchoolsPanel

    return NetworkSchoolsPanel(workspace)


NETWORK_TAB = SchoolTabSpec("network", text.NETWORK_TAB, 30, network_tab)


def schools_crumbs(_workspace: Workspace, _id: str | None) -> list[Crumb]:
    return [(text.CRUMB_SCHOOLS, None)]


def school_page_crumbs(workspace: Workspace, school_id: str | None) -> list[Crumb]:
    if school_id is None:
        return schools_crumbs(workspace, None)
    return [school_crumbs(workspace, school_id)[0], (workspace.schools.get(school_id).name, None)]


class SchoolsFeature:
    """What the schools feature added to one window."""

    def __init__(self, shell: Shell) -> None:
        self.shell = shell
        parent = shell.parent
        self.all_schools_action = make_action(parent, text.ACTION_ALL_SCHOOLS,
                                              lambda: shell.navigate(Location(SCHOOLS)))
        self.find_action = make_action(parent, text.ACTION_FIND_SCHOOL, self.find_school, QKeySequence("Ctrl+F"))
        self.add_school_action = make_action(parent, text.ACTION_ADD_SCHOOL, self.add_school, QKeySequence("Ctrl+N"))
        self.add_school_action.setObjectName(ADD_SCHOOL_ACTION)  # the welcome page's first choice
        shell.add_action(MENU_SCHOOLS, self.all_schools_action, GROUP_BROWSE)
        # In the assessment and visit views too, as the menu shows them (F11e 13).
        shell.add_action(MENU_SCHOOLS, self.find_action, GROUP_BROWSE)
        shell.add_action(MENU_SCHOOLS, self.add_school_action, GROUP_ADD, edits=True)
        shell.register_page(SCHOOLS, self._list_page, schools_crumbs)
        shell.register_page(SCHOOL, self._school_page, school_page_crumbs)
        shell.add_school_tab(NETWORK_TAB)
        shell.add_school_tab(SchoolTabSpec("timeline", text.TAB_TIMELINE, 40, self._timeline_tab, follows_page=False))

    # -- pages -----------------------------------------------------------------------------------
    def _list_page(self, _location: Location) -> Page:
        from .schools_page import SchoolsPage

        shell = self.shell
        page = SchoolsPage(shell.workspace, notifier=shell.ops.notifier)
        page.open_school.connect(lambda school_id: shell.navigate(Location(SCHOOL, school_id)))
        page.add_school.connect(self.add_school)
        page.edit_school.connect(self.edit_school)
        return Page(page, show=lambda _location, _leaving: page.refresh(), focus=page.table.setFocus,
                    school_id=page.selected_id)

    def _school_page(self, _location: Location) -> Page:
        from .school_page import SchoolPage

        shell = self.shell
        page = SchoolPage(shell.workspace, shell.school_tabs(), notifier=shell.ops.notifier)
        page.edit_school.connect(self.edit_school)
        page.noticed.connect(shell.notify)  # what a tab did (a CSV import) and where

        def show(location: Location, leaving: Location | None) -> None:
            assert location.id is not None
            page.show_school(location.id, leaving.id if leaving is not None else None)

        return Page(page, show=show, focus=page.focus_list, confirm_leave=page.confirm_leave,
                    school_id=lambda: page.school.id if page.school is not None else None,
                    print=page.print_shown, can_print=page.can_print, print_changed=page.print_changed)

    def _timeline_tab(self, workspace: Workspace) -> SchoolTab:
        from .timeline import TimelineWidget

        tab = TimelineWidget(workspace)
        tab.open_record.connect(
            lambda kind, record_id: self.shell.navigate(Location("visit" if kind == "visit" else "results", record_id)))
        return tab

    def _list(self) -> SchoolsPage | None:
        return cast("SchoolsPage | None", self.shell.page(SCHOOLS))

    # -- commands --------------------------------------------------------------------------------
    def add_school(self) -> None:
        shell = self.shell
        if shell.read_only:
            return
        from .school_dialog import SchoolDialog

        dialog = SchoolDialog(shell.workspace, parent=shell.parent)

        def saved() -> None:
            school = dialog.saved
            assert school is not None
            shell.show_status(text.STATUS_SAVED_SCHOOL.format(name=school.name), 5000)
            if shell.location.kind == WELCOME:
                # The first school: go straight to it, where the next step (a round) waits.
                shell.go_home()
                self._select(school.id)
                shell.navigate(Location(SCHOOL, school.id))
            else:
                shell.ops.publish(Changes(schools=True))  # the list shown re-reads itself
                if shell.location.kind != SCHOOLS:  # a step forward: Back returns to where it was added
                    shell.navigate(Location(SCHOOLS), push=True)
                self._select(school.id)

        shell.open_dialog(dialog, saved)

    def _select(self, school_id: str) -> None:
        page = self._list()
        if page is not None:
            page.select(school_id)

    def edit_school(self, school_id: str) -> None:
        from .school_dialog import SchoolDialog

        shell = self.shell
        if shell.read_only:
            return
        dialog = SchoolDialog(shell.workspace, shell.workspace.schools.get(school_id), parent=shell.parent)

        def saved() -> None:
            assert dialog.saved is not None
            shell.show_status(text.STATUS_SAVED_SCHOOL.format(name=dialog.saved.name), 5000)
            shell.ops.publish(Changes(schools=True))  # the list, the school page and the breadcrumb

        shell.open_dialog(dialog, saved)

    def find_school(self) -> None:
        shell = self.shell
        if shell.workspace.schools.count() == 0:
            return
        shell.navigate(Location(SCHOOLS))
        page = self._list()
        if page is not None:
            page.focus_search()


def install(shell: Shell) -> SchoolsFeature:
    return SchoolsFeature(shell)
