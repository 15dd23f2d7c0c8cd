"""The projects feature: โรงเรียน › โครงการและความก้าวหน้า, an office page (the location's id is the
area office's name; none: the first office), and the school page's โครงการ tab (the school's own)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.common.actions import make_action
from ui.shell.api import GROUP_BROWSE, MENU_SCHOOLS, Crumb, Location, Page, SchoolTab, SchoolTabSpec, Shell

from . import strings as text

if TYPE_CHECKING:
    from qualityschool_desktop.workspace import Workspace

OFFICE_PROJECTS = "office_projects"


def projects_crumbs(_workspace: Workspace, office: str | None) -> list[Crumb]:
    crumbs: list[Crumb] = [(text.TITLE, None)]
    return crumbs + ([(office, None)] if office else [])


class ProjectsFeature:
    """What the projects feature added to one window."""

    def __init__(self, shell: Shell) -> None:
        self.shell = shell
        self.action = make_action(shell.parent, text.TITLE, lambda: shell.navigate(Location(OFFICE_PROJECTS)))
        shell.add_action(MENU_SCHOOLS, self.action, GROUP_BROWSE)
        shell.register_page(OFFICE_PROJECTS, self._page, projects_crumbs)
        shell.add_school_tab(SchoolTabSpec("projects", text.TAB, 37, self._school_tab))

    def _school_tab(self, workspace: Workspace) -> SchoolTab:
        from .school_tab import SchoolProjectsTab

        return SchoolProjectsTab(workspace, ops=self.shell.ops)

    def _page(self, _location: Location) -> Page:
        from .page import ProjectsPage

        shell = self.shell
        page = ProjectsPage(shell.workspace, ops=shell.ops, read_only=shell.read_only)
        page.noticed.connect(shell.notify)

        def show(location: Location, _leaving: Location | None) -> None:
            page.refresh(location.id)

        return Page(page, show=show, focus=page.table.setFocus, print=page.print_pdf,
                    confirm_leave=page.confirm_leave)


def install(shell: Shell) -> ProjectsFeature:
    return ProjectsFeature(shell)
